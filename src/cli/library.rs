//! Reading a scenario library against one plan, and the exercise records of
//! `--history`, for `validate --library`, `pick` and `programme`. What is made of them
//! is `crate::programme`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::files::{DiskSources, read_source};
use crate::diag::Diagnostic;
use crate::engine::{Defaults, Engine};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::load::{self, FileKind};
use crate::programme::history::kind_of;
use crate::programme::{History, Library, LibraryScenario, PastExercise, Standing};
use crate::project::{self, Sources};

/// A library scenario as checked: its path, whether its own `plan:` names this plan, and
/// what checking it against the plan found.
pub struct Checked {
    /// Its file.
    pub path: PathBuf,
    /// Whether the scenario's `plan:` is this plan (its errors are then the library's).
    pub names_plan: bool,
    /// Errors and warnings against the plan.
    pub diagnostics: Vec<Diagnostic>,
}

/// The scenario files directly in `dir`, in name order (plans and decisions files beside
/// them are left out).
fn scenario_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Read { path: dir.to_owned(), source })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    paths.sort();
    Ok(paths
        .into_iter()
        .filter(|p| read_source(p).ok().and_then(|f| load::kind_of(&f).ok()) == Some(FileKind::Scenario))
        .collect())
}

/// Reads the plan and every scenario in `dir`, checking each against the plan and
/// playing each that checks once (its seed, default decisions) to see what it disrupts.
/// The plan's errors stop here; a scenario's make it `NotForPlan`.
pub fn load(dir: &Path, plan_path: &Path, lang: Lang) -> Result<(Library, Vec<Checked>)> {
    let plan_checked = project::check_plan_file(&DiskSources, plan_path);
    let errors: Vec<Diagnostic> = plan_checked.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
    let Some(plan) = plan_checked.plan.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let plan_identity = DiskSources.identity(plan_path);
    let mut scenarios = Vec::new();
    let mut checked = Vec::new();
    for path in scenario_files(dir)? {
        let mut seen = vec![plan_identity.clone()];
        let c = project::check_scenario_file(&DiskSources, &path, Some(plan_path), &mut seen);
        let Some(doc) = c.scenario.as_ref().map(|d| d.doc.clone()) else {
            // It does not read at all: `validate --library` shows why; nothing can pick it.
            checked.push(Checked { path, names_plan: true, diagnostics: c.diagnostics });
            continue;
        };
        let base = path.parent().unwrap_or(Path::new("."));
        let names_plan = DiskSources.identity(&base.join(&doc.plan.value)) == plan_identity;
        let errors: Vec<&Diagnostic> = c.diagnostics.iter().filter(|d| d.is_error()).collect();
        let standing = match (&c.model, &c.scripts, errors.first()) {
            // Written for another plan: it says nothing about this one, whatever its errors.
            (_, _, Some(_)) if !names_plan => Standing::OtherPlan(doc.plan.value.clone()),
            (Some(model), Some(scripts), None) => {
                let seed = project::seed(None, None, model);
                match Engine::with_scripts(model, scripts).play(seed, &mut Defaults) {
                    Ok(outcome) => Standing::Playable {
                        disrupts: model
                            .functions
                            .iter()
                            .zip(&outcome.outages)
                            .filter(|(_, o)| !o.is_empty())
                            .map(|(f, _)| f.id.clone())
                            .collect::<BTreeSet<_>>(),
                    },
                    Err(d) => Standing::NotForPlan { errors: 1, first: d.message },
                }
            }
            (_, _, first) => Standing::NotForPlan {
                errors: errors.len().max(1),
                first: first.map_or_else(|| (lang.catalogue().programme.not_for_plan)(0), |d| d.message.clone()),
            },
        };
        scenarios.push(LibraryScenario { path: path.display().to_string(), doc, standing });
        checked.push(Checked { path, names_plan, diagnostics: c.diagnostics });
    }
    if scenarios.is_empty() {
        return Err(Error::Failed((lang.catalogue().programme.error_empty_library)(&dir.display().to_string())));
    }
    Ok((Library { plan, scenarios }, checked))
}

/// The exercises recorded under `dir` (folders with `report.json`), each checked to be
/// of this plan (by the organisation its recorded plan names).
pub fn history(dir: Option<&Path>, library: &Library, lang: Lang) -> Result<History> {
    let Some(dir) = dir else { return Ok(History::default()) };
    let say = &lang.catalogue().programme;
    let mut reports = Vec::new();
    super::compare::find_reports(dir, &mut reports)?;
    let ours = &library.plan.doc.organisation.name;
    let mut exercises = Vec::new();
    for path in reports {
        let e = super::compare::read_exercise(&path, lang)?;
        let folder = path.parent().unwrap_or(Path::new("."));
        let shown = folder.display().to_string();
        let Some(plan) = &e.plan else { return Err(Error::Failed((say.error_no_plan)(&shown))) };
        if &plan.organisation.name != ours {
            return Err(Error::Failed((say.error_other_plan)(&shown, &plan.organisation.name, ours)));
        }
        let scenario = recorded_scenario(folder, &e.report);
        let kind = scenario.as_ref().map_or(crate::format::programme::DrillKind::Tabletop, kind_of);
        exercises.push(PastExercise {
            name: e.name.clone(),
            scenario_id: e.report.overview.scenario_id.clone(),
            date: e.report.date().and_then(|d| d.parse().ok()),
            kind,
            disrupted: e.report.functions.iter().filter(|f| f.disrupted).map(|f| f.id.clone()).collect(),
        });
    }
    Ok(History::new(exercises))
}

/// The scenario a record keeps, when it still reads (only inside the record's `inputs/`).
fn recorded_scenario(
    folder: &Path,
    report: &crate::compare::read::ReportView,
) -> Option<crate::format::scenario::Scenario> {
    let record = report.record.as_ref()?;
    if !crate::record::is_inside_inputs(&record.scenario) {
        return None;
    }
    let file = read_source(&folder.join(&record.scenario)).ok()?;
    load::scenario(&file).ok().map(|d| d.doc)
}
