//! `sandtable run`: play a scenario once and write its event log and results.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::files::{read_source, write_atomic};
use super::inputs;
use crate::compile::compile;
use crate::diag::{self, RenderStyle};
use crate::engine::{DecisionSource, Defaults, Engine, Prepared};
use crate::error::{Error, Result};
use crate::load;
use crate::results::{Results, events_jsonl, summary_table};
use crate::script::ScriptHost;

/// What `run` was asked to do.
#[derive(Debug, Clone)]
pub struct RunArgs {
    /// Scenario file.
    pub scenario: PathBuf,
    /// Plan file overriding the scenario's `plan:`.
    pub plan: Option<PathBuf>,
    /// Seed overriding the scenario's.
    pub seed: Option<u64>,
    /// Decisions file.
    pub decisions: Option<PathBuf>,
    /// Output directory.
    pub out: Option<PathBuf>,
}

/// Plays the scenario, writes `events.jsonl` and `results.json`, prints the summary.
pub fn run(args: &RunArgs, style: RenderStyle) -> Result<()> {
    let mut checked = inputs::scenario_file(&args.scenario, args.plan.as_deref(), &mut BTreeSet::new());
    diag::sort(&mut checked.diagnostics);
    if checked.has_errors() {
        return Err(Error::Invalid(checked.diagnostics));
    }
    if !checked.diagnostics.is_empty() {
        eprint!("{}", diag::render(&checked.diagnostics, style));
    }
    let (Some(scenario), Some(plan)) = (checked.scenario, checked.plan) else {
        return Err(Error::Failed("the scenario or its plan could not be read".to_owned()));
    };
    let model = compile(&plan, &scenario).map_err(Error::Invalid)?;
    let scripts = ScriptHost::compile(&model, &checked.scripts).map_err(Error::Invalid)?;
    let mut source: Box<dyn DecisionSource> = match &args.decisions {
        Some(path) => {
            let file = read_source(path)?;
            let doc = load::decisions(&file)?;
            Box::new(Prepared::from_document(&doc, &model).map_err(Error::Invalid)?)
        }
        None => Box::new(Defaults),
    };
    let seed = args.seed.or(model.meta.seed).unwrap_or(0);
    let outcome = Engine::with_scripts(&model, &scripts).play(seed, source.as_mut())?;
    let results = Results::new(&model, &outcome);
    let out_dir = args.out.clone().unwrap_or_else(|| Path::new("out").join(&model.meta.scenario_id));
    write_atomic(&out_dir.join("events.jsonl"), events_jsonl(&model, &outcome).as_bytes())?;
    write_atomic(&out_dir.join("results.json"), results.to_json().as_bytes())?;
    let mut stdout = std::io::stdout().lock();
    let _ = write!(stdout, "{}", summary_table(&model, &results));
    let _ = writeln!(
        stdout,
        "\nWrote {} and {}.",
        out_dir.join("events.jsonl").display(),
        out_dir.join("results.json").display()
    );
    Ok(())
}
