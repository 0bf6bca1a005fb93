//! `sandtable montecarlo`: play many replicas of a scenario in parallel and write what
//! they add up to. Owns the thread pool, the progress bar and the files; the study
//! itself is `crate::montecarlo`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::diag::RenderStyle;
use crate::error::{Error, Result};
use crate::montecarlo::{self, Compared, Study, Variant, VariantReport};
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

/// Plays the study, writes `montecarlo.json`, `montecarlo.md` and/or `montecarlo.html`,
/// prints the summary.
pub fn montecarlo(args: &MonteCarloArgs, style: RenderStyle) -> Result<()> {
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
    let bar = progress(args.runs);
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
            montecarlo::play(&study, &|| bar.inc(1)).map(|base| Compared { base, variants: Vec::new() })
        } else {
            montecarlo::play_compare(&study, &arms, &|| bar.inc(1))
        }
    });
    bar.finish_and_clear();
    let Compared { base: aggregate, variants: tallies } = played.map_err(|failed| {
        let say = &args.lang.catalogue().montecarlo;
        eprintln!("{}", (say.replica_failed)(&failed.index.to_string(), &failed.seed.to_string()));
        Error::from(failed.diagnostic)
    })?;
    let reports: Vec<VariantReport<'_>> =
        variants.iter().zip(&tallies).map(|(v, tally)| VariantReport { plan: &v.plan, tally }).collect();
    let mut files: Vec<(&str, String)> = Vec::new();
    if args.formats.iter().any(|f| f == "json") {
        files.push(("montecarlo.json", montecarlo::json_compared(model, &inputs, seed, &aggregate, &reports)));
    }
    if args.formats.iter().any(|f| f == "md") {
        files.push(("montecarlo.md", montecarlo::markdown_compared(model, seed, &aggregate, &reports, args.lang)));
    }
    if args.formats.iter().any(|f| f == "html") {
        files.push(("montecarlo.html", montecarlo::html(model, seed, &aggregate, &reports, args.lang)));
    }
    let out_dir = crate::project::out_dir(args.out.as_deref(), model, crate::project::Writer::MonteCarlo);
    super::output_set::write_set(&out_dir, &files)?;
    let mut stdout = std::io::stdout().lock();
    let summary = montecarlo::summary_compared(model, seed, &aggregate, &reports, args.lang);
    let _ = write!(stdout, "{}", crate::text::for_terminal(&summary));
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    let wrote = (args.lang.catalogue().summary.wrote)(&names.join(", "), &out_dir.display().to_string());
    let _ = writeln!(stdout, "\n{wrote}");
    Ok(())
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
