//! The scenario as written: metadata, objectives, timed injects (MSEL rows), decision
//! points and the scripts it uses.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::effect::Effect;
use super::{Id, Label};
use crate::spanned::Sp;
use crate::time::{Duration, Time};

/// An exercise scenario, played against a plan.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The file format version; this release reads `1`.
    pub format_version: Sp<u32>,
    /// Unique id, used to compare exercises across years.
    pub id: Id,
    /// Title as it should appear in reports.
    pub title: String,
    /// The kind of exercise.
    #[serde(rename = "type")]
    pub exercise_type: Sp<ExerciseType>,
    /// Whether players were told in advance.
    #[serde(default)]
    pub unannounced: bool,
    /// The exercise date, `YYYY-MM-DD`; improvement-plan dates count from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Sp<String>>,
    /// How long the exercise runs in scenario time.
    pub duration: Sp<Duration>,
    /// Scenario seconds per wall-clock second in live play (`sandtable play`); default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pace: Option<Sp<f64>>,
    /// The default random seed for a run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// The plan, as a path relative to this file.
    pub plan: Sp<String>,
    /// What the exercise covers, for the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Who sponsors the exercise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sponsor: Option<String>,
    /// Free tags for filing and search.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// What the exercise sets out to test.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
    /// The Master Scenario Events List.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub injects: Vec<Inject>,
    /// Decisions the players are asked to take.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<DecisionPoint>,
    /// Rhai scripts, as paths relative to this file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scripts: Vec<Sp<String>>,
    /// Its place in the exercise programme: risks, class, exercise types, window, variants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<super::programme::ScenarioProgramme>,
}

/// HSEEP exercise types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseType {
    /// A discussion of plans and policies.
    Seminar,
    /// A discussion that produces a product.
    Workshop,
    /// A facilitated discussion of a scenario (桌面推演).
    Tabletop,
    /// A simulation played by teams under rules.
    Game,
    /// A practised single operation (模拟演练).
    Drill,
    /// A functional exercise of coordination and command.
    Functional,
    /// A full-scale, live exercise (实战演练).
    FullScale,
}

/// An exercise objective with the criteria it is rated on.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Unique id.
    pub id: Id,
    /// What the objective says.
    pub text: String,
    /// The capability it exercises.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capability: Option<String>,
    /// Measurable criteria; the objective is rated on how many are met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
}

/// A measurable criterion, written as a one-key map.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// The function is back within its RTO.
    FunctionWithinRto(Id),
    /// The function is back within its MTD.
    FunctionWithinMtd(Id),
    /// The function loses no more data than its RPO.
    FunctionWithinRpo(Id),
    /// Every function the scenario disrupts is back within its RTO.
    AllFunctionsWithinRto,
    /// The stakeholder is notified within its deadline.
    StakeholderNotified(Id),
    /// A disaster is declared within this time.
    DeclaredWithin(Sp<Duration>),
    /// Everyone in the call tree is reached within this time.
    CallTreeCompleteWithin(Sp<Duration>),
    /// A decision is answered within this time of being posed.
    DecisionWithin(DecisionWithin),
}

/// A decision answered within a time.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionWithin {
    /// The decision id.
    pub decision: Id,
    /// The time allowed.
    pub within: Sp<Duration>,
}

/// One inject: a row of the MSEL.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inject {
    /// The MSEL event number (`12`, `5-A`).
    pub event: Sp<Label>,
    /// When it is delivered.
    pub at: Sp<Time>,
    /// Inject title.
    pub title: String,
    /// The narrative read to the players.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The simulated sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The player or team it goes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// How it is delivered (phone call, e-mail, verbal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// What the players are expected to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_action: Option<String>,
    /// Objective ids this inject tests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Id>,
    /// Controller notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// What it does to the plan model.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<Sp<Effect>>,
}

/// A decision put to a role.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionPoint {
    /// Unique id; decisions files key answers by it.
    pub id: Id,
    /// The role asked (its backup answers when the primary is unavailable).
    pub role: Id,
    /// The question.
    pub prompt: String,
    /// When it is posed (give this or `after_inject`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Sp<Time>>,
    /// Posed when this inject is delivered (give this or `at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_inject: Option<Sp<Label>>,
    /// Time allowed to answer before the default applies.
    pub deadline: Sp<Duration>,
    /// The option taken when no answer comes in time.
    pub default: Id,
    /// The choices.
    pub options: Vec<DecisionOption>,
}

/// One answer to a decision.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionOption {
    /// Id, unique within the decision.
    pub id: Id,
    /// What the option says.
    pub label: String,
    /// What choosing it does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<Sp<Effect>>,
}
