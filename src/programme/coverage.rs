//! What the library and the history cover: per risk and per critical function, the
//! scenarios that exercise it and when it was last exercised, and the gaps.

use super::history::PastExercise;
use super::{HIGH_RISK, History, Library};
use crate::diag::Diagnostic;
use crate::format::programme::Risk;

/// When something was last exercised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastExercised {
    /// The exercise.
    pub exercise: PastExercise,
    /// How many exercises ago (0 = the newest).
    pub ago: usize,
}

/// One risk or function and what covers it.
#[derive(Debug, Clone)]
pub struct Row {
    /// Plan id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Likelihood × impact for a risk; the priority tier for a function.
    pub rank: u32,
    /// Playable scenarios that exercise it, by id, in library order.
    pub scenarios: Vec<String>,
    /// Its last exercise, when there was one.
    pub last: Option<LastExercised>,
}

/// A gap in the programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    /// A high risk no playable scenario exercises.
    HighRiskUncovered(String),
    /// A risk no playable scenario exercises (below the high mark).
    RiskUncovered(String),
    /// A critical function no playable scenario disrupts.
    FunctionUncovered(String),
    /// A risk a scenario exercises, but no past exercise has.
    RiskNeverExercised(String),
    /// A function a scenario disrupts, but no past exercise has.
    FunctionNeverExercised(String),
}

/// The coverage of a library and history.
#[derive(Debug, Clone)]
pub struct Coverage {
    /// The register, in plan order.
    pub risks: Vec<Row>,
    /// The critical functions, in plan order.
    pub functions: Vec<Row>,
    /// The gaps: uncovered by the library first (risks, functions), then never exercised.
    pub gaps: Vec<Gap>,
}

/// Whether a past exercise exercised a risk: the scenario it played exercises it now.
pub fn exercised_risk(library: &Library, risk: &Risk, e: &PastExercise) -> bool {
    library.scenarios.iter().filter(|s| s.id() == e.scenario_id).any(|s| library.risks_of(s).any(|r| r.id == risk.id))
}

fn last(history: &History, played: impl Fn(&PastExercise) -> bool) -> Option<LastExercised> {
    let ago = history.ago(&played)?;
    history.newest_first().get(ago).map(|e| LastExercised { exercise: e.clone(), ago })
}

/// Builds the coverage.
pub fn coverage(library: &Library, history: &History) -> Coverage {
    let plan = &library.plan.doc;
    let risks: Vec<Row> = plan
        .risks
        .iter()
        .map(|r| Row {
            id: r.id.value.clone(),
            name: r.name.clone(),
            rank: r.score(),
            scenarios: library
                .playable()
                .filter(|s| library.risks_of(s).any(|x| x.id == r.id))
                .map(|s| s.id().to_owned())
                .collect(),
            last: last(history, |e| exercised_risk(library, r, e)),
        })
        .collect();
    let functions: Vec<Row> = plan
        .functions
        .iter()
        .map(|f| Row {
            id: f.id.value.clone(),
            name: f.name.clone(),
            rank: f.priority.value,
            scenarios: library
                .playable()
                .filter(|s| s.disrupts().any(|d| d == f.id.value))
                .map(|s| s.id().to_owned())
                .collect(),
            last: last(history, |e| e.disrupted.contains(&f.id.value)),
        })
        .collect();
    let mut gaps = Vec::new();
    for r in risks.iter().filter(|r| r.scenarios.is_empty()) {
        gaps.push(if r.rank >= HIGH_RISK {
            Gap::HighRiskUncovered(r.id.clone())
        } else {
            Gap::RiskUncovered(r.id.clone())
        });
    }
    gaps.extend(functions.iter().filter(|f| f.scenarios.is_empty()).map(|f| Gap::FunctionUncovered(f.id.clone())));
    gaps.extend(
        risks
            .iter()
            .filter(|r| !r.scenarios.is_empty() && r.last.is_none())
            .map(|r| Gap::RiskNeverExercised(r.id.clone())),
    );
    gaps.extend(
        functions
            .iter()
            .filter(|f| !f.scenarios.is_empty() && f.last.is_none())
            .map(|f| Gap::FunctionNeverExercised(f.id.clone())),
    );
    Coverage { risks, functions, gaps }
}

/// `validate --library`'s warnings: a high risk no scenario exercises, a critical
/// function no scenario disrupts, each at its id in the plan.
pub fn library_warnings(library: &Library) -> Vec<Diagnostic> {
    let plan = &library.plan;
    let cov = coverage(library, &History::default());
    let mut out = Vec::new();
    for gap in &cov.gaps {
        match gap {
            Gap::HighRiskUncovered(id) => {
                let Some(r) = plan.doc.risks.iter().find(|r| &r.id.value == id) else { continue };
                out.push(
                    Diagnostic::warning(
                        "library::risk-not-exercised",
                        format!(
                            "risk `{id}` (likelihood {} × impact {} = {}) is exercised by no scenario of the library",
                            r.likelihood.value,
                            r.impact.value,
                            r.score()
                        ),
                    )
                    .at(&plan.file, r.id.loc)
                    .with_help("write a scenario for it and name the risk under its `programme.risks`"),
                );
            }
            Gap::FunctionUncovered(id) => {
                let Some(f) = plan.doc.functions.iter().find(|f| &f.id.value == id) else { continue };
                out.push(
                    Diagnostic::warning(
                        "library::function-not-disrupted",
                        format!("critical function `{id}` is disrupted by no scenario of the library"),
                    )
                    .at(&plan.file, f.id.loc)
                    .with_help("its recovery is never exercised; add a scenario that takes down what it depends on"),
                );
            }
            Gap::RiskUncovered(_) | Gap::RiskNeverExercised(_) | Gap::FunctionNeverExercised(_) => {}
        }
    }
    // A risk's `scenarios:` naming no scenario of the library leaves the risk looking
    // covered to whoever reads the plan, and uncovered to `pick` and `programme`.
    for r in &plan.doc.risks {
        for s in r.scenarios.iter().filter(|s| !library.scenarios.iter().any(|x| x.id() == s.value)) {
            out.push(
                Diagnostic::warning(
                    "library::unknown-scenario",
                    format!("risk `{}` names scenario `{}`, which the library does not hold", r.id, s.value),
                )
                .at(&plan.file, s.loc)
                .with_help("name the id of a scenario file in the library folder"),
            );
        }
    }
    out
}
