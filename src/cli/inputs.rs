//! Reading a scenario together with its plan and scripts, checking all of them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::files::read_source;
use crate::check::{self, check_plan, check_scenario};
use crate::diag::{Diagnostic, SourceFile};
use crate::error::Error;
use crate::format::plan::Plan;
use crate::format::scenario::Scenario;
use crate::load::{self, Document};

/// A scenario, its plan and scripts as read and checked, with everything found.
#[derive(Debug, Default)]
pub struct Checked {
    /// The scenario, when it parsed.
    pub scenario: Option<Document<Scenario>>,
    /// The plan, when it was found and parsed.
    pub plan: Option<Document<Plan>>,
    /// The scripts' sources, in the scenario's order.
    pub scripts: Vec<Arc<SourceFile>>,
    /// Errors and warnings from every file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Converts a read failure into a diagnostic so it is reported with the others.
fn as_diagnostic(err: Error) -> Vec<Diagnostic> {
    match err {
        Error::Invalid(d) => d,
        other => vec![Diagnostic::error("input::read", other.to_string())],
    }
}

/// Reads and checks a plan file on its own.
pub fn plan_file(path: &Path) -> Checked {
    let mut out = Checked::default();
    match read_source(path).map_err(as_diagnostic).and_then(|f| load::plan(&f).map_err(|d| vec![d])) {
        Ok(plan) => {
            out.diagnostics.extend(check_plan(&plan).1);
            out.plan = Some(plan);
        }
        Err(d) => out.diagnostics.extend(d),
    }
    out
}

/// Reads and checks a scenario, the plan it names (or `plan_override`) and its scripts.
/// `seen_plans` keeps a plan shared by several scenarios from being reported twice.
pub fn scenario_file(path: &Path, plan_override: Option<&Path>, seen_plans: &mut BTreeSet<PathBuf>) -> Checked {
    let mut out = Checked::default();
    let scenario = match read_source(path).map_err(as_diagnostic).and_then(|f| load::scenario(&f).map_err(|d| vec![d]))
    {
        Ok(s) => s,
        Err(d) => {
            out.diagnostics.extend(d);
            return out;
        }
    };
    let base = path.parent().unwrap_or(Path::new("."));
    let plan_path = plan_override.map_or_else(|| base.join(&scenario.doc.plan.value), Path::to_path_buf);
    let names = match read_source(&plan_path) {
        Err(Error::Read { source, .. }) if plan_override.is_none() => {
            out.diagnostics.push(
                Diagnostic::error(
                    "scenario::plan-missing",
                    format!("cannot read the plan {}: {source}", plan_path.display()),
                )
                .at(&scenario.file, scenario.doc.plan.loc)
                .with_label("plan path, relative to this file")
                .with_help("give the plan's path relative to the scenario file, or pass --plan"),
            );
            None
        }
        Err(e) => {
            out.diagnostics.extend(as_diagnostic(e));
            None
        }
        Ok(file) => match load::plan(&file) {
            Ok(plan) => {
                let (names, diags) = check_plan(&plan);
                let key = std::fs::canonicalize(&plan_path).unwrap_or(plan_path.clone());
                if seen_plans.insert(key) {
                    out.diagnostics.extend(diags);
                } else {
                    // Already reported; keep only whether it failed.
                    out.diagnostics.extend(diags.into_iter().filter(Diagnostic::is_error).take(1));
                }
                out.plan = Some(plan);
                Some(names)
            }
            Err(d) => {
                out.diagnostics.push(d);
                None
            }
        },
    };
    out.diagnostics.extend(check_scenario(&scenario, names.as_ref()));
    for script in &scenario.doc.scripts {
        let script_path = base.join(&script.value);
        match read_source(&script_path) {
            Ok(src) => out.scripts.push(src),
            Err(e) => out.diagnostics.push(
                Diagnostic::error(
                    "scenario::script-missing",
                    format!("cannot read script {}: {e}", script_path.display()),
                )
                .at(&scenario.file, script.loc)
                .with_help("script paths are relative to the scenario file"),
            ),
        }
    }
    // Scripts compile against the whole model, so only once everything else is sound.
    if !check::has_errors(&out.diagnostics) {
        if let Some(plan) = &out.plan {
            match crate::compile::compile(plan, &scenario) {
                Ok(model) => {
                    if let Err(d) = crate::script::ScriptHost::compile(&model, &out.scripts) {
                        out.diagnostics.extend(d);
                    }
                }
                Err(d) => out.diagnostics.extend(d),
            }
        }
    }
    out.scenario = Some(scenario);
    out
}

/// A scenario ready to play: checked, compiled, its scripts loaded.
#[derive(Debug)]
pub struct Compiled {
    /// The scenario as written (for the narrative the engine does not need).
    pub scenario: Document<Scenario>,
    /// The compiled plan and scenario.
    pub model: crate::compile::Model,
    /// The scenario's scripts.
    pub scripts: crate::script::ScriptHost,
}

/// Reads, checks and compiles a scenario with its plan and scripts; errors stop here,
/// warnings are printed.
pub fn compiled(path: &Path, plan: Option<&Path>, style: crate::diag::RenderStyle) -> Result<Compiled, Error> {
    let mut checked = scenario_file(path, plan, &mut BTreeSet::new());
    crate::diag::sort(&mut checked.diagnostics);
    if checked.has_errors() {
        return Err(Error::Invalid(checked.diagnostics));
    }
    if !checked.diagnostics.is_empty() {
        eprint!("{}", crate::diag::render(&checked.diagnostics, style));
    }
    let (Some(scenario), Some(plan)) = (checked.scenario, checked.plan) else {
        return Err(Error::Failed("the scenario or its plan could not be read".to_owned()));
    };
    let model = crate::compile::compile(&plan, &scenario).map_err(Error::Invalid)?;
    let scripts = crate::script::ScriptHost::compile(&model, &checked.scripts).map_err(Error::Invalid)?;
    Ok(Compiled { scenario, model, scripts })
}

impl Checked {
    /// Whether anything found is an error.
    pub fn has_errors(&self) -> bool {
        check::has_errors(&self.diagnostics)
    }
}
