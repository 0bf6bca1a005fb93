//! `sandtable pick`: reads the library, the plan and the history, draws the seed from the
//! operating system when none is given (the only non-determinism, printed so the pick
//! can be repeated) and today's date for the default range, plays the chosen scenario's
//! course once for the brief, and writes brief.md, brief.html, notice.md and pick.json.

use std::hash::{BuildHasher, Hasher};
use std::path::PathBuf;

use jiff::civil::Date;

use super::{choices, library, settings};
use crate::engine::{Defaults, Engine};
use crate::error::{Error, Result};
use crate::format::programme::DrillKind;
use crate::lang::Lang;
use crate::programme::brief::{self, exclusion, kind_name};
use crate::programme::doc;
use crate::programme::{PickError, PickRequest};

/// Days after today that the default range ends.
const DEFAULT_RANGE_DAYS: i64 = 90;

/// `pick`'s arguments as clap reads them.
#[derive(Debug, clap::Args)]
pub struct PickCli {
    /// The folder of scenarios to choose from.
    #[arg(long, value_name = "DIR")]
    pub library: PathBuf,
    /// The plan (its risk register weighs the scenarios).
    #[arg(long, value_name = "PLAN")]
    pub plan: PathBuf,
    /// Exercise records (folders `run` or `play` wrote) of past exercises of this plan.
    #[arg(long, value_name = "DIR")]
    pub history: Option<PathBuf>,
    /// The seed of the whole choice (default: drawn from the operating system and printed).
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// First day the exercise may start, YYYY-MM-DD (default: tomorrow).
    #[arg(long, value_name = "DATE", value_parser = choices::date)]
    pub from: Option<jiff::civil::Date>,
    /// Last day the exercise may start, YYYY-MM-DD (default: 90 days after --from).
    #[arg(long, value_name = "DATE", value_parser = choices::date)]
    pub to: Option<jiff::civil::Date>,
    /// The kind of exercise (only scenarios that suit it are candidates).
    #[arg(long = "type", value_name = "KIND", value_parser = choices::drill_kind())]
    pub kind: Option<crate::format::programme::DrillKind>,
    /// Output directory (default: out/pick).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Language of the brief and the notice (default: SANDTABLE_LANG, else the locale).
    #[arg(long, value_parser = choices::lang())]
    pub lang: Option<crate::lang::Lang>,
}

impl PickCli {
    /// Runs `pick` in the language the arguments and environment choose.
    pub fn run(self) -> Result<()> {
        let PickCli { library, plan, history, seed, from, to, kind, out, lang } = self;
        let lang = settings::language_from_env(lang)?;
        pick(&PickArgs { library, plan, history, seed, from, to, kind, out, lang })
    }
}

/// What `pick` is asked.
pub struct PickArgs {
    /// The scenario library.
    pub library: PathBuf,
    /// The plan.
    pub plan: PathBuf,
    /// Exercise records.
    pub history: Option<PathBuf>,
    /// The seed of the choice.
    pub seed: Option<u64>,
    /// First and last day.
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The kind of exercise.
    pub kind: Option<DrillKind>,
    /// Output folder (default out/pick).
    pub out: Option<PathBuf>,
    /// Language of the brief and notice.
    pub lang: Lang,
}

/// A seed from the operating system's randomness (std's per-process hash keys, mixed
/// with the clock), under a billion so it is easy to type again.
fn os_seed() -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    h.write_u128(nanos);
    h.finish() % 1_000_000_000
}

fn today() -> Date {
    jiff::Zoned::now().date()
}

/// The date range: as given, else from tomorrow for 90 days (`to` alone counts back).
fn range(from: Option<Date>, to: Option<Date>) -> (Date, Date) {
    let days = |d: Date, n: i64| d.checked_add(jiff::Span::new().days(n)).unwrap_or(d);
    match (from, to) {
        (Some(f), Some(t)) => (f, t),
        (Some(f), None) => (f, days(f, DEFAULT_RANGE_DAYS)),
        (None, Some(t)) => (days(t, -DEFAULT_RANGE_DAYS), t),
        (None, None) => {
            let start = days(today(), 1);
            (start, days(start, DEFAULT_RANGE_DAYS))
        }
    }
}

/// Runs `pick`.
pub fn pick(args: &PickArgs) -> Result<()> {
    let say = &args.lang.catalogue().programme;
    let (lib, _) = library::load(&args.library, &args.plan, args.lang)?;
    let history = library::history(args.history.as_deref(), &lib, args.lang)?;
    let seed = args.seed.unwrap_or_else(|| {
        let s = os_seed();
        eprintln!("{}", (say.seed_drawn)(&s.to_string()));
        s
    });
    let (from, to) = range(args.from, args.to);
    let request = PickRequest { kind: args.kind, from, to, seed };
    let pick = crate::programme::pick(&lib, &history, &request).map_err(|e| match e {
        PickError::EmptyLibrary => Error::Failed((say.error_empty_library)(&args.library.display().to_string())),
        PickError::BadRange => Error::Usage(say.error_bad_range.to_owned()),
        PickError::NoCandidate => {
            let why: Vec<String> = lib
                .scenarios
                .iter()
                .filter_map(|s| {
                    let w = crate::programme::weights::weigh(&lib, &history, args.kind);
                    let c = w.into_iter().find(|c| c.scenario == s.id())?;
                    let reason =
                        c.excluded.as_ref().map_or_else(|| say.excluded_no_time.to_owned(), |e| exclusion(e, say));
                    Some(format!("  {}: {reason}", s.path))
                })
                .collect();
            Error::Failed((say.error_no_candidate)(&why.join("\n")))
        }
    })?;
    let chosen = lib.scenario(&pick.draw.scenario).ok_or_else(|| Error::Failed(pick.draw.scenario.clone()))?;
    let project = crate::project::open(&super::files::DiskSources, chosen.path.as_ref(), Some(&args.plan))?;
    let mut engine = Engine::with_scripts(&project.model, &project.scripts);
    let outcome = engine.play(pick.draw.course_seed, &mut Defaults).map_err(|d| Error::Invalid(vec![d]))?;
    let course = brief::course(&project.model, &outcome);
    let commands = commands(args, &pick, &chosen.path);
    let blocks = brief::brief(&pick, &project.scenario.doc, &course, &commands, args.lang);
    let title = (say.brief_title)(&project.scenario.doc.title);
    let json = serde_json::to_string_pretty(&pick).map_err(|e| Error::Failed(e.to_string()))?;
    let files = vec![
        ("brief.md", doc::markdown(&blocks)),
        ("brief.html", doc::html(&title, &blocks, args.lang)),
        ("notice.md", doc::markdown(&brief::notice(&pick, args.lang))),
        ("pick.json", json + "\n"),
    ];
    let out = args.out.clone().unwrap_or_else(|| PathBuf::from("out/pick"));
    super::output_set::write_set(&out, &files)?;
    let kind = args.kind.map_or(say.any_kind, |k| kind_name(k, say));
    println!("{}", (say.picked)(kind, &from.to_string(), &to.to_string()));
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    println!("{}", (args.lang.catalogue().summary.wrote)(&names.join(", "), &out.display().to_string()));
    Ok(())
}

/// The command that plays the course drawn, and the one that repeats the pick.
fn commands(args: &PickArgs, pick: &crate::programme::Pick, scenario: &str) -> Vec<String> {
    let play = format!("sandtable play {scenario} --plan {} --seed {}", args.plan.display(), pick.draw.course_seed);
    let mut again = format!(
        "sandtable pick --library {} --plan {} --seed {} --from {} --to {}",
        args.library.display(),
        args.plan.display(),
        pick.request.seed,
        pick.request.from,
        pick.request.to
    );
    if let Some(h) = &args.history {
        again.push_str(&format!(" --history {}", h.display()));
    }
    if let Some(k) = args.kind {
        again.push_str(&format!(" --type {}", k.name()));
    }
    vec![play, again]
}
