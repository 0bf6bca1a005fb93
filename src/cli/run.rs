//! `sandtable run`: play a scenario once and write its event log and results.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::files::{read_source, write_atomic};
use super::inputs;
use crate::diag::RenderStyle;
use crate::engine::{DecisionSource, Defaults, Engine, Prepared};
use crate::error::{Error, Result};
use crate::load;
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

/// Everything `run` writes, as (file name, contents), in a fixed order.
pub fn outputs(
    model: &crate::compile::Model,
    outcome: &crate::outcome::Outcome,
    results: &Results,
    formats: &[Format],
    lang: Lang,
    templates: &Templates,
    observations: &[String],
) -> std::result::Result<Vec<(&'static str, String)>, crate::diag::Diagnostic> {
    let card = crate::score::score(model, outcome, results, lang, observations);
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

/// Plays the scenario, writes `events.jsonl` and `results.json`, prints the summary.
pub fn run(args: &RunArgs, style: RenderStyle) -> Result<()> {
    let inputs::Compiled { model, scripts, .. } =
        inputs::compiled(&args.target.scenario, args.target.plan.as_deref(), style)?;
    // A decisions file, or the journal of a live session (answers, observations, end).
    let mut journal = None;
    let mut source: Box<dyn DecisionSource> = match &args.decisions {
        Some(path) => {
            let file = read_source(path)?;
            if Journal::is_journal(file.text()) {
                let j = Journal::parse(file.text());
                if let Some(line) = j.unreadable.first() {
                    return Err(Error::Failed(format!("{}: line {line} is not a journal entry", path.display())));
                }
                let prepared = Prepared::from_journal(&j.answers);
                journal = Some(j);
                Box::new(prepared)
            } else {
                let doc = load::decisions(&file)?;
                Box::new(Prepared::from_document(&doc, &model).map_err(Error::Invalid)?)
            }
        }
        None => Box::new(Defaults),
    };
    let templates = templates(args.template.as_deref())?;
    let journal_seed = journal.as_ref().and_then(|j| j.start.as_ref().map(|s| s.1));
    let seed = args.target.seed.or(journal_seed).or(model.meta.seed).unwrap_or(0);
    let mut engine = Engine::with_scripts(&model, &scripts);
    engine.start(seed, source.as_mut())?;
    // A replayed session ends where the facilitator ended it; finish plays up to there.
    let end = journal.as_ref().and_then(|j| j.ended);
    let outcome = engine.finish(end, source.as_mut())?;
    let observations = journal.as_ref().map_or_else(Vec::new, Journal::observations);
    let results = Results::new(&model, &outcome);
    let files = outputs(&model, &outcome, &results, &args.formats, args.lang, &templates, &observations)?;
    let out_dir = args.out.clone().unwrap_or_else(|| Path::new("out").join(&model.meta.scenario_id));
    for (name, text) in &files {
        write_atomic(&out_dir.join(name), text.as_bytes())?;
    }
    let mut stdout = std::io::stdout().lock();
    let _ = write!(stdout, "{}", summary_table(&model, &results));
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    let _ = writeln!(stdout, "\nWrote {} to {}.", names.join(", "), out_dir.display());
    Ok(())
}
