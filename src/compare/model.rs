//! What a comparison says, as `comparison.json` holds it: the exercises, each one's
//! reference, and per function, delay, objective, finding, improvement item and plan
//! step what changed, with the regressions first. Indices name exercises in date order.

use serde::Serialize;

use super::plan_diff::PlanDiff;
use crate::lang::Lang;

/// A whole comparison: `comparison.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// [`COMPARISON_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The language of `comparison.md`.
    pub lang: Lang,
    /// The exercises, oldest first.
    pub exercises: Vec<ExerciseInfo>,
    /// Whether every exercise played the same scenario; when not, only what they share
    /// is compared and `not_covered` says what each left out.
    pub same_scenario: bool,
    /// Per exercise, what another exercise put to the test and it did not.
    pub not_covered: Vec<NotCovered>,
    /// The index each exercise is compared with (none for the first, or the baseline).
    pub reference: Vec<Option<usize>>,
    /// What got worse, most important first.
    pub regressions: Vec<Regression>,
    /// Per function, by id.
    pub functions: Vec<FunctionTrend>,
    /// Time to declare, call tree complete, stakeholder notices.
    pub response: Vec<DelayTrend>,
    /// Per objective, by id.
    pub objectives: Vec<ObjectiveTrend>,
    /// Per finding, by id.
    pub findings: Vec<FindingTrend>,
    /// The earlier exercises' improvement items, judged against the last exercise.
    pub improvement_items: Vec<ItemOutcome>,
    /// The plan diff between each exercise and its reference.
    pub plan_changes: Vec<PlanStep>,
}

/// Which exercise.
#[derive(Debug, Clone, Serialize)]
pub struct ExerciseInfo {
    /// Its name.
    pub name: String,
    /// Its date.
    pub date: Option<String>,
    /// Its scenario.
    pub scenario_id: String,
    /// The scenario's title.
    pub title: String,
    /// The seed played.
    pub seed: Option<u64>,
}

/// What one exercise did not put to the test that another did: such things are not
/// compared in it (no change, no resolved finding, no closed item is claimed).
#[derive(Debug, Clone, Serialize)]
pub struct NotCovered {
    /// The exercise.
    pub exercise: usize,
    /// Functions another exercise disrupted and this one did not, by id.
    pub functions: Vec<String>,
    /// Objectives (or capabilities) another exercise rated and this one did not, by id.
    pub objectives: Vec<String>,
}

/// One function across exercises.
#[derive(Debug, Clone, Serialize)]
pub struct FunctionTrend {
    /// Its id.
    pub id: String,
    /// Its name (the latest).
    pub name: String,
    /// Per exercise; none where the plan had no such function.
    pub points: Vec<Option<FunctionPoint>>,
}

/// A function in one exercise.
#[derive(Debug, Clone, Serialize)]
pub struct FunctionPoint {
    /// Targets in seconds.
    pub rto: i64,
    /// Maximum tolerable downtime.
    pub mtd: i64,
    /// Recovery point objective.
    pub rpo: i64,
    /// Whether it went down.
    pub disrupted: bool,
    /// Time until back, when it came back.
    pub back_after: Option<i64>,
    /// Within the RTO.
    pub rto_met: Option<bool>,
    /// Within the MTD.
    pub mtd_met: Option<bool>,
    /// Data lost.
    pub data_lost: Option<i64>,
    /// Within the RPO.
    pub rpo_met: Option<bool>,
    /// Back-after minus the reference's (negative: faster).
    pub change: Option<i64>,
    /// Targets that differ from the reference's: a plan change, not an improvement.
    pub target_changes: Vec<TargetChange>,
}

/// A target that changed in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetChange {
    /// `rto`, `mtd` or `rpo`.
    pub target: &'static str,
    /// Its value in the reference, seconds.
    pub old: i64,
    /// Its value now.
    pub new: i64,
}

/// What a delay is of.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Measure {
    /// Time to declare a disaster.
    Declared,
    /// Time until the whole call tree was reached.
    CallTreeComplete,
    /// Time until a stakeholder was notified.
    Stakeholder(String),
    /// A call-tree link's delay, by `from → to` (role names).
    Link(String),
    /// A decision's latency, by its id.
    Decision(String),
}

/// A delay across exercises.
#[derive(Debug, Clone, Serialize)]
pub struct DelayTrend {
    /// What it measures.
    pub measure: Measure,
    /// A name for people (a stakeholder's).
    pub name: String,
    /// Seconds, per exercise.
    pub values: Vec<Option<i64>>,
}

/// An objective's rating across exercises.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveTrend {
    /// Its id (the latest).
    pub id: String,
    /// What it asks (the latest).
    pub text: String,
    /// The capability it exercises (the latest), when its scenario names one.
    pub capability: Option<String>,
    /// Whether objectives with different ids were matched because they exercise the
    /// same capability (scenarios that differ name their objectives differently).
    pub matched_by_capability: bool,
    /// Its id in each exercise; none where absent.
    pub ids: Vec<Option<String>>,
    /// P, S, M, U per exercise; none when absent or not rated.
    pub ratings: Vec<Option<String>>,
}

/// How a finding stands in one exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingStatus {
    /// Found here and in no earlier exercise.
    New,
    /// Found here and in an earlier exercise: the most important kind.
    Recurring,
    /// Found in the reference, not here, and this exercise put its subject to the test.
    Resolved,
    /// Found in the reference, not here, but this exercise never touched its subject
    /// (another scenario): neither resolved nor recurring.
    NotRetested,
}

/// A finding across exercises.
#[derive(Debug, Clone, Serialize)]
pub struct FindingTrend {
    /// Its stable id.
    pub id: String,
    /// Its title (the latest).
    pub title: String,
    /// Per exercise.
    pub status: Vec<Option<FindingStatus>>,
}

/// What became of an improvement item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Due by the last exercise, and its finding did not come back after it was due.
    Closed,
    /// Due, and its finding came back in an exercise on or after its due date.
    NotEffective,
    /// Its completion date is after the last exercise.
    NotYetDue,
    /// Due, but no exercise since its due date put its finding's subject to the test.
    NotRetested,
}

/// An earlier exercise's improvement item and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct ItemOutcome {
    /// The exercise that raised it.
    pub exercise: usize,
    /// `IP-1`, …
    pub number: String,
    /// The finding it corrects.
    pub finding: String,
    /// Its corrective action.
    pub corrective_action: String,
    /// Its completion date.
    pub due: Option<String>,
    /// What became of it.
    pub status: ItemStatus,
}

/// The plan diff from an exercise's reference to it.
#[derive(Debug, Clone, Serialize)]
pub struct PlanStep {
    /// The reference exercise.
    pub from: usize,
    /// The exercise.
    pub to: usize,
    /// None when one of the two records keeps no plan.
    pub diff: Option<PlanDiff>,
}

/// Something that got worse from an exercise's reference to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Regression {
    /// A finding seen in an earlier exercise came back.
    RecurringFinding {
        /// The exercise it came back in.
        exercise: usize,
        /// The finding's id.
        id: String,
        /// Its title there.
        title: String,
    },
    /// A function met its RTO in the reference and misses it now.
    RtoNowMissed {
        /// The exercise.
        exercise: usize,
        /// The reference.
        reference: usize,
        /// The function.
        function: String,
    },
    /// An objective's rating dropped.
    RatingDropped {
        /// The exercise.
        exercise: usize,
        /// The objective's id.
        objective: String,
        /// Its rating in the reference.
        old: String,
        /// Its rating now.
        new: String,
    },
    /// A delay grew by more than 25 %.
    DelayGrew {
        /// The exercise.
        exercise: usize,
        /// What was measured.
        measure: Measure,
        /// Its name for people.
        name: String,
        /// Seconds in the reference.
        old: i64,
        /// Seconds now.
        new: i64,
    },
}
