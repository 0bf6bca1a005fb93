//! `sandtable run`: play a scenario once and write its event log and results.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::files::read_source;
use crate::diag::RenderStyle;
use crate::engine::{Defaults, Engine};
use crate::error::{Error, Result};
use crate::play::Journal;
use crate::report::{self, Format, Templates};
use crate::results::{Results, events_jsonl, summary_table};
use crate::score::Lang;

/// What `run` was asked to do.
#[derive(Debug, Clone)]
pub struct RunArgs {
    /// Scenario, plan override, seed override.
    pub target: super::ScenarioArgs,
    /// Decisions file.
    pub decisions: Option<PathBuf>,
    /// Output directory.
    pub out: Option<PathBuf>,
    /// Report formats to write.
    pub formats: Vec<Format>,
    /// Report language.
    pub lang: Lang,
    /// Directory with `report.md.j2` and/or `report.html.j2` replacing the built-in templates.
    pub template: Option<PathBuf>,
    /// How the plan's and scenario's warnings are shown.
    pub warnings: super::settings::Warnings,
}

/// Reads the user's templates, if a directory was given: at least one must be there.
fn templates(dir: Option<&Path>) -> Result<Templates> {
    let Some(dir) = dir else { return Ok(Templates::default()) };
    let read = |name: &str| -> Result<Option<(String, String)>> {
        let path = dir.join(name);
        if !path.exists() {
            return Ok(None);
        }
        let file = read_source(&path)?;
        Ok(Some((file.text().to_owned(), path.display().to_string())))
    };
    let t = Templates { md: read("report.md.j2")?, html: read("report.html.j2")? };
    if t.md.is_none() && t.html.is_none() {
        return Err(Error::Usage(format!(
            "{} has neither report.md.j2 nor report.html.j2; copy the built-in ones from src/report/templates/ to start",
            dir.display()
        )));
    }
    Ok(t)
}

/// Which reports to write, in which language, from which templates.
#[derive(Debug, Clone, Copy)]
pub struct Reports<'a> {
    /// The report formats.
    pub formats: &'a [Format],
    /// Their language.
    pub lang: Lang,
    /// The templates for Markdown and HTML.
    pub templates: &'a Templates,
}

/// Everything `run` writes, as (file name, contents), in a fixed order; `report.json`
/// carries the record, when there is one.
pub fn outputs(
    model: &crate::compile::Model,
    outcome: &crate::outcome::Outcome,
    results: &Results,
    reports: Reports<'_>,
    observations: &[String],
    record: Option<&crate::record::Record>,
) -> std::result::Result<Vec<(&'static str, String)>, crate::diag::Diagnostic> {
    let Reports { formats, lang, templates } = reports;
    let mut card = crate::score::score(model, outcome, results, lang, observations);
    card.record = record.cloned();
    let mut files = vec![("events.jsonl", events_jsonl(model, outcome)), ("results.json", results.to_json())];
    let mut formats = formats.to_vec();
    formats.sort();
    formats.dedup();
    for f in formats {
        let text = match f {
            Format::Md => report::markdown(&card, templates, model.meta.duration)?,
            Format::Html => report::html(&card, templates, model.meta.duration)?,
            Format::Json => report::json(&card),
            Format::Csv => report::improvement_csv(&card),
        };
        files.push((f.file_name(), text));
    }
    Ok(files)
}

/// A run played, with the output set it writes (outputs, `record.json`, `inputs/`).
#[derive(Debug)]
pub struct Played {
    /// The exercise played.
    pub project: crate::project::Project,
    /// Its results.
    pub results: Results,
    /// The output set, as (name in the folder, contents).
    pub files: Vec<(String, String)>,
    /// How many of `files` are outputs; the rest is the record.
    pub outputs: usize,
}

/// Plays the scenario as `args` say, reading through `sources`, and makes its output
/// set without writing it: `run` writes it to the output folder, `rerun` to a
/// temporary one.
pub fn play_through(args: &RunArgs, sources: &dyn crate::project::Sources, style: RenderStyle) -> Result<Played> {
    let project = super::open_from(sources, &args.target, args.warnings, args.lang, style)?;
    let model = &project.model;
    // A decisions file, or the journal of a live session (answers, observations, end).
    let answers_file = args.decisions.as_deref().map(|path| sources.read(path)).transpose()?;
    let answers = match &answers_file {
        Some(file) => {
            let answers = project.answers(file, args.target.seed)?;
            eprint!("{}", crate::diag::render(&answers.warnings, style));
            Some(answers)
        }
        None => None,
    };
    let journal = answers.as_ref().and_then(|a| a.journal.as_ref());
    let templates = templates(args.template.as_deref())?;
    let seed = crate::project::seed(args.target.seed, journal, model);
    let mut engine = Engine::with_scripts(model, &project.scripts);
    engine.start(seed)?;
    // A replayed session ends where the facilitator ended it; finish plays up to there.
    let end = journal.and_then(|j| j.ended);
    let observations = journal.map_or_else(Vec::new, Journal::observations);
    let outcome = match answers {
        Some(mut a) => engine.finish(end, &mut a.prepared)?,
        None => engine.finish(end, &mut Defaults)?,
    };
    let results = Results::new(model, &outcome);
    let played = super::record::Played {
        plan_given: args.target.plan.is_some(),
        answers: answers_file.as_deref(),
        seed,
        lang: args.lang,
        formats: &args.formats,
    };
    let kept = super::record::keep(&project, played);
    let reports = Reports { formats: &args.formats, lang: args.lang, templates: &templates };
    let files = outputs(model, &outcome, &results, reports, &observations, Some(&kept.record))?;
    let count = files.len();
    let files = kept.with_outputs(files);
    Ok(Played { project, results, files, outputs: count })
}

/// Plays the scenario, writes its outputs and record, prints the summary.
pub fn run(args: &RunArgs, style: RenderStyle) -> Result<()> {
    let played = play_through(args, &super::DiskSources, style)?;
    let model = &played.project.model;
    let out_dir = crate::project::out_dir(args.out.as_deref(), model, crate::project::Writer::Run);
    super::output_set::write_set(&out_dir, &played.files)?;
    let mut stdout = std::io::stdout().lock();
    let _ = write!(stdout, "{}", crate::text::for_terminal(&summary_table(model, &played.results, args.lang)));
    let mut names: Vec<String> = played.files[..played.outputs].iter().map(|(n, _)| n.clone()).collect();
    names.extend(super::record::summary_names());
    let wrote = (args.lang.catalogue().summary.wrote)(&names.join(", "), &out_dir.display().to_string());
    let _ = writeln!(stdout, "\n{wrote}");
    Ok(())
}
