//! `sandtable montecarlo`: play many replicas of a scenario (or one shard of them) in
//! parallel and write what they add up to. Owns the thread pool, the progress bar, the
//! Ctrl-C handler and the files; the study itself is `crate::montecarlo`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::diag::RenderStyle;
use crate::error::{Error, Result};
use crate::montecarlo::{
    self, Aggregate, Compared, KeptInput, PARTIAL_FILE, PARTIAL_SCHEMA_VERSION, Partial, Shard, ShardError, Study,
    StudyReport, Variant, VariantReport,
};
use crate::project::Project;
use crate::score::Lang;

/// What `montecarlo` was asked to do.
#[derive(Debug, Clone)]
pub struct MonteCarloArgs {
    /// Scenario, plan override, seed override.
    pub target: super::ScenarioArgs,
    /// How many replicas.
    pub runs: u64,
    /// Decisions file or journal.
    pub decisions: Option<PathBuf>,
    /// Worker threads (default: rayon's, one per core).
    pub threads: Option<usize>,
    /// `K/N` as typed: play only the replicas `i ≡ K (mod N)` and write a partial aggregate.
    pub shard: Option<String>,
    /// Output directory.
    pub out: Option<PathBuf>,
    /// `md`, `html` and/or `json`.
    pub formats: Vec<String>,
    /// Language of the report and summary.
    pub lang: Lang,
    /// How warnings are shown.
    pub warnings: super::settings::Warnings,
    /// Plan variants to play the same replicas against.
    pub compare: Vec<PathBuf>,
}

/// A plan variant opened: the scenario compiled against it, and the answers prepared for it.
struct Opened {
    plan: String,
    project: crate::project::Project,
    answers: Option<crate::project::Answers>,
}

/// Plays the study (or one shard of it), writes `montecarlo.json`, `.md` and/or `.html`
/// and prints the summary, or, for a shard, writes `montecarlo.partial.json`. Stopped by
/// Ctrl-C, it writes what was counted, marked partial, and returns [`Error::Interrupted`].
pub fn montecarlo(args: &MonteCarloArgs, style: RenderStyle) -> Result<()> {
    let shard = args.shard.as_deref().map(|text| shard_of(text, args.lang)).transpose()?;
    if let Some(s) = shard
        && s.count > args.runs
    {
        let say = &args.lang.catalogue().shards;
        let text = args.shard.as_deref().unwrap_or_default();
        return Err(Error::Usage((say.more_shards_than_runs)(text, &args.runs.to_string())));
    }
    if shard.is_some() && !args.compare.is_empty() {
        return Err(Error::Usage(args.lang.catalogue().shards.compare_not_sharded.to_owned()));
    }
    let sources = super::DiskSources;
    let project = super::open_from(&sources, &args.target, args.warnings, args.lang, style)?;
    let model = &project.model;
    let mut inputs = project.inputs.clone();
    let decisions = match args.decisions.as_deref() {
        Some(path) => {
            let file = crate::project::Sources::read(&sources, path)?;
            inputs.add("decisions", file.text());
            Some(file)
        }
        None => None,
    };
    let answers = match &decisions {
        Some(file) => {
            let answers = project.answers(file, args.target.seed)?;
            eprint!("{}", crate::diag::render(&answers.warnings, style));
            Some(answers)
        }
        None => None,
    };
    let variants = open_variants(args, &mut inputs, decisions.as_ref(), style)?;
    let journal = answers.as_ref().and_then(|a| a.journal.as_ref());
    let seed = crate::project::seed(args.target.seed, journal, model);
    let study = Study {
        model,
        scripts: &project.scripts,
        answers: answers.as_ref().map(|a| &a.prepared),
        end: journal.and_then(|j| j.ended),
        seed,
        runs: args.runs,
        lang: args.lang,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .map_err(|e| Error::Failed(e.to_string()))?;
    let portion = shard.unwrap_or(Shard::WHOLE);
    let planned = portion.replicas(args.runs);
    let stop = stop_on_ctrl_c();
    let bar = progress(planned);
    let arms: Vec<Variant<'_>> = variants
        .iter()
        .map(|v| Variant {
            model: &v.project.model,
            scripts: &v.project.scripts,
            answers: v.answers.as_ref().map(|a| &a.prepared),
        })
        .collect();
    let played = pool.install(|| {
        if arms.is_empty() {
            montecarlo::play_part(&study, portion, stop, &|| bar.inc(1))
                .map(|base| Compared { base, variants: Vec::new() })
        } else {
            montecarlo::play_compare(&study, &arms, stop, &|| bar.inc(1))
        }
    });
    bar.finish_and_clear();
    let Compared { base: aggregate, variants: tallies } = played.map_err(|failed| {
        let say = &args.lang.catalogue().montecarlo;
        eprintln!("{}", (say.replica_failed)(&failed.index.to_string(), &failed.seed.to_string()));
        Error::from(failed.diagnostic)
    })?;
    let out_dir = crate::project::out_dir(args.out.as_deref(), model, crate::project::Writer::MonteCarlo);
    let (files, said) = match shard {
        Some(shard) => {
            let partial = partial(args, &project, inputs, seed, shard, aggregate.clone());
            let say = &args.lang.catalogue().shards;
            let [played, of, runs] = [aggregate.runs, planned, args.runs].map(|n| n.to_string());
            (vec![(PARTIAL_FILE, partial.to_json())], (say.shard_played)(&shard.to_string(), &played, &of, &runs))
        }
        None => {
            let reports: Vec<VariantReport<'_>> =
                variants.iter().zip(&tallies).map(|(v, tally)| VariantReport { plan: &v.plan, tally }).collect();
            let study =
                StudyReport { model, inputs: &inputs, seed, planned, aggregate: &aggregate, variants: &reports };
            (study_files(&args.formats, args.lang, &study), study.summary(args.lang))
        }
    };
    super::output_set::write_set(&out_dir, &files)?;
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}", crate::text::for_terminal(&said));
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    let wrote = (args.lang.catalogue().summary.wrote)(&names.join(", "), &out_dir.display().to_string());
    let _ = writeln!(stdout, "{wrote}");
    if aggregate.runs < planned {
        let say = &args.lang.catalogue().shards;
        return Err(Error::Interrupted((say.interrupted)(&aggregate.runs.to_string(), &planned.to_string())));
    }
    Ok(())
}

/// The files of a whole study in the formats asked for; `merge` writes the same.
pub(super) fn study_files(formats: &[String], lang: Lang, study: &StudyReport<'_>) -> Vec<(&'static str, String)> {
    let mut files = Vec::new();
    if formats.iter().any(|f| f == "json") {
        files.push(("montecarlo.json", study.json()));
    }
    if formats.iter().any(|f| f == "md") {
        files.push(("montecarlo.md", study.markdown(lang)));
    }
    if formats.iter().any(|f| f == "html") {
        files.push(("montecarlo.html", study.html(lang)));
    }
    files
}

/// A shard's partial aggregate, keeping the files played so that `merge` needs nothing else.
fn partial(
    args: &MonteCarloArgs,
    project: &Project,
    inputs: crate::inputs::Inputs,
    seed: u64,
    shard: Shard,
    aggregate: Aggregate,
) -> Partial {
    let files = project
        .files
        .iter()
        .map(|f| KeptInput {
            role: f.role.clone(),
            path: f.path.to_string_lossy().into_owned(),
            text: f.file.text().to_owned(),
        })
        .collect();
    Partial {
        schema_version: PARTIAL_SCHEMA_VERSION,
        sandtable_version: env!("CARGO_PKG_VERSION").to_owned(),
        scenario: project.model.meta.scenario_id.clone(),
        inputs,
        seed,
        runs: args.runs,
        shard,
        complete: aggregate.runs == shard.replicas(args.runs),
        aggregate,
        scenario_path: args.target.scenario.to_string_lossy().into_owned(),
        plan_override: args.target.plan.as_ref().map(|p| p.to_string_lossy().into_owned()),
        files,
    }
}

/// `--shard K/N`, or a usage error saying what is wrong with it.
fn shard_of(text: &str, lang: Lang) -> Result<Shard> {
    let say = &lang.catalogue().shards;
    Shard::parse(text).map_err(|e| {
        Error::Usage(match e {
            ShardError::NotKOverN => (say.not_k_over_n)(text),
            ShardError::NoShards => (say.no_shards)(text),
            ShardError::IndexTooLarge { count, .. } => (say.index_too_large)(text, &(count - 1).to_string()),
        })
    })
}

/// Set by the first Ctrl-C; the study stops between replicas. A second Ctrl-C ends the
/// process at once (exit 130), for a replica that takes too long to finish.
fn stop_on_ctrl_c() -> &'static AtomicBool {
    static STOP: AtomicBool = AtomicBool::new(false);
    // Fails only when a handler is already set, which then keeps Ctrl-C's default.
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    &STOP
}

/// Opens the scenario against each plan of `--compare`, with the decisions file's
/// answers prepared for each; each plan's text joins the inputs as `compare PATH`.
fn open_variants(
    args: &MonteCarloArgs,
    inputs: &mut crate::inputs::Inputs,
    decisions: Option<&std::sync::Arc<crate::diag::SourceFile>>,
    style: RenderStyle,
) -> Result<Vec<Opened>> {
    let mut out = Vec::new();
    for plan in &args.compare {
        let target = super::ScenarioArgs { plan: Some(plan.clone()), ..args.target.clone() };
        let project = super::open_from(&super::DiskSources, &target, args.warnings, args.lang, style)?;
        let name = plan.display().to_string();
        if let Some(file) = project.files.iter().find(|f| f.role == "plan") {
            inputs.add(format!("compare {name}"), file.file.text());
        }
        let answers = match decisions {
            Some(file) => Some(project.answers(file, args.target.seed)?),
            None => None,
        };
        out.push(Opened { plan: name, project, answers });
    }
    Ok(out)
}

/// A progress bar on stderr (replicas done, rate, time left), hidden unless stderr is a
/// terminal, so that logs and pipes never see it.
fn progress(runs: u64) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(runs);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta}") {
        bar.set_style(style);
    }
    bar
}
