//! The scorecard's parts as the report templates and `report.json` read them: overview,
//! functions, calls, stakeholders, objectives and their ratings.

use serde::Serialize;

/// The exercise overview.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// Scenario id.
    pub scenario_id: String,
    /// The scenario's title.
    pub title: String,
    /// The organisation whose plan was exercised.
    pub organisation: String,
    /// Exercise type.
    pub exercise_type: String,
    /// The exercise date, when the scenario gives one.
    pub date: Option<String>,
    /// Length as planned.
    pub duration: String,
    /// When the exercise ended, `T+3:15`; earlier than the planned length when the
    /// facilitator ended it.
    pub ended_at: String,
    /// What the exercise covers, as the scenario says.
    pub scope: Option<String>,
    /// Who commissioned the exercise.
    pub sponsor: Option<String>,
    /// Whether unannounced.
    pub unannounced: bool,
    /// Seed played.
    pub seed: u64,
    /// Roles that took part (acted in the call tree, a decision or a recovery step).
    pub participants: Vec<String>,
    /// Observations recorded by the facilitator.
    pub observations: Vec<String>,
}

/// A function's score.
#[derive(Debug, Clone, Serialize)]
pub struct FunctionScore {
    /// Function id.
    pub id: String,
    /// The function's name as the plan gives it.
    pub name: String,
    /// Priority tier.
    pub priority: u32,
    /// RTO, seconds.
    pub rto: i64,
    /// MTD, seconds.
    pub mtd: i64,
    /// RPO, seconds.
    pub rpo: i64,
    /// Whether it was disrupted at all.
    pub disrupted: bool,
    /// Outage start.
    pub start: Option<i64>,
    /// Seconds from start to recovery.
    pub back_after: Option<i64>,
    /// RTO met (`null` when undecided or not disrupted).
    pub rto_met: Option<bool>,
    /// MTD met.
    pub mtd_met: Option<bool>,
    /// Seconds of data lost.
    pub data_lost: Option<i64>,
    /// RPO met.
    pub rpo_met: Option<bool>,
    /// Human summaries for the tables.
    pub back_after_text: String,
    /// Data lost, as text.
    pub data_lost_text: String,
}

/// The declaration.
#[derive(Debug, Clone, Serialize)]
pub struct DeclarationScore {
    /// Seconds after the disruption.
    pub after: i64,
    /// As text.
    pub after_text: String,
    /// Who declared.
    pub person: String,
    /// As which role.
    pub role: String,
    /// The declaration was the default of a decision nobody answered: the person named
    /// was asked and did not answer.
    pub by_default: bool,
}

/// A notification's score.
#[derive(Debug, Clone, Serialize)]
pub struct NotificationScore {
    /// Caller role name.
    pub from: String,
    /// Notified role name.
    pub to: String,
    /// Who was reached.
    pub reached: Option<String>,
    /// Over which channel.
    pub channel: Option<String>,
    /// Seconds from the call's start to reaching them.
    pub delay: Option<i64>,
    /// Deadline in seconds from the call's start.
    pub deadline: Option<i64>,
    /// Within the deadline.
    pub met: Option<bool>,
    /// Attempts made.
    pub attempts: usize,
    /// Delay as text.
    pub delay_text: String,
}

/// A point of the call-tree completion curve.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct CurvePoint {
    /// Minutes after the disruption.
    pub minute: i64,
    /// Share of call-tree roles reached, 0 to 1.
    pub share: f64,
}

/// When the whole call tree should have been reached, in seconds after the disruption.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct CallTreeDeadline {
    /// Seconds after the disruption.
    pub after: i64,
    /// Where it comes from.
    pub source: DeadlineSource,
}

/// Where a call-tree deadline comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineSource {
    /// An objective's `call_tree_complete_within` (the tightest, if several).
    Objective,
    /// No objective sets one: the latest link deadline the plan gave in this run.
    PlanLinks,
}

/// A stakeholder's score.
#[derive(Debug, Clone, Serialize)]
pub struct StakeholderScore {
    /// Stakeholder id.
    pub id: String,
    /// The stakeholder's name as the plan gives it.
    pub name: String,
    /// Seconds after the disruption they were told.
    pub after: Option<i64>,
    /// Deadline in seconds.
    pub deadline: i64,
    /// Whether the notice arrived within its deadline; `None` while it was still open.
    pub met: Option<bool>,
    /// The channel the notice arrived over, if it did.
    pub channel: Option<String>,
    /// As text.
    pub after_text: String,
}

/// A recovery-order breach.
#[derive(Debug, Clone, Serialize)]
pub struct OrderBreach {
    /// The function that came back first.
    pub first: String,
    /// Its priority.
    pub first_priority: u32,
    /// The more urgent function that came back later (or not at all).
    pub later: String,
    /// Its priority.
    pub later_priority: u32,
}

/// HSEEP evaluation rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Rating {
    /// Performed without challenges.
    P,
    /// Performed with some challenges.
    S,
    /// Performed with major challenges.
    M,
    /// Unable to be performed.
    U,
}

/// One criterion's result.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionScore {
    /// What it asks, in the report language.
    pub text: String,
    /// Met (`true`), missed (`false`), or `null`: not assessable, because its window
    /// had not closed when the exercise ended or its subject never came up.
    pub met: Option<bool>,
    /// What happened.
    pub detail: String,
}

/// An objective with its rating.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveScore {
    /// The objective's id, stable across exercises.
    pub id: String,
    /// The objective as the scenario states it.
    pub text: String,
    /// The capability it exercises, if the scenario names one.
    pub capability: Option<String>,
    /// P, S, M or U; `null` when nothing could be assessed.
    pub rating: Option<Rating>,
    /// Why this rating: the criteria met and assessed, in words.
    pub reason: String,
    /// Each criterion.
    pub criteria: Vec<CriterionScore>,
    /// Criteria met, for "strengths".
    pub strengths: Vec<String>,
    /// Criteria missed with their root cause (linked findings).
    pub improvements: Vec<String>,
    /// Criteria that could not be assessed, with the reason.
    pub not_assessed: Vec<String>,
}
