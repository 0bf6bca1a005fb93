//! A run's outcome as people and machines read it: `results.json`, the `events.jsonl`
//! log and the summary table. Ids replace indices here, so output is stable across
//! releases as long as the files keep their ids.

mod build;
mod events;
mod summary;

use serde::Serialize;

pub use events::events_jsonl;
pub use summary::summary_table;

use crate::compile::{Dependency, Model};
use crate::ids::{FunctionId, Id};
use crate::outcome::Outcome;

/// Version of the `results.json` layout; bumped only when a field changes meaning.
pub const RESULTS_SCHEMA_VERSION: u32 = 2;

/// `results.json`: every time is in integer seconds after T+0.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    /// Layout version.
    pub schema_version: u32,
    /// Which exercise.
    pub scenario: ScenarioInfo,
    /// Seed played.
    pub seed: u64,
    /// Exercise length as planned.
    pub duration: i64,
    /// When the exercise actually ended (earlier than `duration` when the facilitator
    /// ended it); every "not back", "not notified" or "still open" is as of this time.
    pub ended_at: i64,
    /// First disruption.
    pub disruption_at: Option<i64>,
    /// When the first person learned of the disruption, if anyone did.
    pub detected_at: Option<i64>,
    /// Declaration, if made.
    pub declaration: Option<DeclarationResult>,
    /// Per function.
    pub functions: Vec<FunctionResult>,
    /// Call-tree notifications.
    pub notifications: Vec<NotificationResult>,
    /// Stakeholder notices.
    pub stakeholders: Vec<StakeholderResult>,
    /// Decisions in the order they were answered or took their default.
    pub decisions: Vec<DecisionResult>,
    /// Suppliers cut off.
    pub suppliers: Vec<SupplierResult>,
}

/// Scenario identification.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioInfo {
    /// Scenario id.
    pub id: String,
    /// The scenario's title.
    pub title: String,
    /// The organisation whose plan was exercised.
    pub organisation: String,
    /// Exercise date.
    pub date: Option<String>,
}

/// The declaration.
#[derive(Debug, Clone, Serialize)]
pub struct DeclarationResult {
    /// When the disaster was declared.
    pub at: i64,
    /// Seconds after the first disruption.
    pub after_disruption: Option<i64>,
    /// Person id.
    pub person: String,
    /// Role id.
    pub role: String,
    /// The declaration was the default of a decision nobody answered: `person` was asked
    /// and did not answer.
    pub by_default: bool,
}

/// A function's results.
#[derive(Debug, Clone, Serialize)]
pub struct FunctionResult {
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
    /// Outages in order.
    pub outages: Vec<OutageResult>,
}

/// One outage.
#[derive(Debug, Clone, Serialize)]
pub struct OutageResult {
    /// When the function went down.
    pub start: i64,
    /// Recovery time, if recovered.
    pub recovered_at: Option<i64>,
    /// `procedure` or `restored`.
    pub recovered_by: Option<&'static str>,
    /// Seconds from start to recovery.
    pub back_after: Option<i64>,
    /// Met the RTO; `null` when the exercise ended before the RTO elapsed.
    pub within_rto: Option<bool>,
    /// Met the MTD; `null` when undecided.
    pub within_mtd: Option<bool>,
    /// Seconds of data lost; `null` when no backup or replica was reachable.
    pub data_lost: Option<i64>,
    /// Met the RPO.
    pub within_rpo: bool,
    /// Steps of the procedure.
    pub steps: Vec<StepResult>,
    /// When the procedure's last step finished (the function may have waited on after).
    pub procedure_done_at: Option<i64>,
    /// What was still down when the procedure was done (or went down after) and held
    /// the function back, with when and how each wait ended.
    pub waited_for: Vec<DependencyWaitResult>,
    /// What was still down when the procedure was done and the procedure works around.
    pub worked_around: Vec<DependencyResult>,
}

/// A dependency of a function, by kind and id.
#[derive(Debug, Clone, Serialize)]
pub struct DependencyResult {
    /// `site`, `role` or `supplier`.
    pub kind: &'static str,
    /// Its id in the plan.
    pub id: String,
}

impl DependencyResult {
    fn new(m: &Model, d: Dependency) -> Self {
        match d {
            Dependency::Site(s) => DependencyResult { kind: "site", id: m.sites[s].id.clone() },
            Dependency::Role(r) => DependencyResult { kind: "role", id: m.roles[r].id.clone() },
            Dependency::Supplier(s) => DependencyResult { kind: "supplier", id: m.suppliers[s].id.clone() },
        }
    }
}

/// A dependency that held a function back after its procedure was done.
#[derive(Debug, Clone, Serialize)]
pub struct DependencyWaitResult {
    /// `site`, `role` or `supplier`.
    pub kind: &'static str,
    /// Its id in the plan.
    pub id: String,
    /// From when it held the function back.
    pub since: i64,
    /// Until when; `null`: still at the end.
    pub until: Option<i64>,
    /// `back` (it came back itself) or `replaced` (an alternate supplier took over);
    /// `null`: still holding at the end.
    pub ended: Option<&'static str>,
    /// The alternate supplier's id, when `ended` is `replaced`.
    pub replaced_by: Option<String>,
}

/// What kept a ready step from starting, and for how long.
#[derive(Debug, Clone, Serialize)]
pub struct StepWaitResult {
    /// `system` or `channel` (one the step needs was down), `role_unreachable` (nobody
    /// acting for its role could do it), `handover` (the person acting was still taking
    /// the role over), `busy` (on another step), `more_urgent` (the role was kept for a
    /// more urgent function's procedure).
    pub cause: &'static str,
    /// The system's or channel's id, for those causes.
    pub id: Option<String>,
    /// Seconds, summed over the times it held the step.
    pub seconds: i64,
    /// The hold by id, for scoring (the two fields above are what `results.json` says).
    #[serde(skip)]
    pub hold: crate::outcome::StepHold,
}

/// A step as played.
#[derive(Debug, Clone, Serialize)]
pub struct StepResult {
    /// Step id.
    pub id: String,
    /// Role id.
    pub role: String,
    /// Person id, if started.
    pub person: Option<String>,
    /// Done by a backup.
    pub by_backup: bool,
    /// When it could have started as far as the procedure goes: the disaster declared
    /// and its prerequisite steps done. What it then still waited for is in `waits`.
    pub ready_at: Option<i64>,
    /// When someone started the step, if anyone did.
    pub started_at: Option<i64>,
    /// When the step was done, if it was.
    pub finished_at: Option<i64>,
    /// Delay from an unreachable runbook.
    pub runbook_delay: i64,
    /// What kept it from starting once ready (to its start, or to the end), longest
    /// first; together they make up the time from `ready_at` to `started_at`.
    pub waits: Vec<StepWaitResult>,
}

/// A notification.
#[derive(Debug, Clone, Serialize)]
pub struct NotificationResult {
    /// Calling role id (`null` for detection).
    pub from_role: Option<String>,
    /// Notified role id.
    pub to_role: String,
    /// Caller person id.
    pub caller: Option<String>,
    /// When the call began.
    pub started_at: i64,
    /// When the link's deadline fell, if it has one.
    pub deadline_at: Option<i64>,
    /// When reached.
    pub reached_at: Option<i64>,
    /// Who was reached.
    pub reached_person: Option<String>,
    /// Over which channel.
    pub channel: Option<String>,
    /// Whether within the deadline (`null` without one).
    pub within_deadline: Option<bool>,
    /// Every try over every channel, in order.
    pub attempts: Vec<AttemptResult>,
}

/// One attempt.
#[derive(Debug, Clone, Serialize)]
pub struct AttemptResult {
    /// Person id.
    pub person: String,
    /// Channel id.
    pub channel: String,
    /// When the try began.
    pub sent_at: i64,
    /// When it ended: answered, given up, or the end of the exercise.
    pub ended_at: i64,
    /// `answered`, `no_answer`, `channel_down` or `pending`.
    pub outcome: &'static str,
}

/// A stakeholder notice.
#[derive(Debug, Clone, Serialize)]
pub struct StakeholderResult {
    /// Stakeholder id.
    pub id: String,
    /// The stakeholder's name as the plan gives it.
    pub name: String,
    /// Person who sent it.
    pub sent_by: Option<String>,
    /// When the notice was due, counted from the disruption.
    pub deadline_at: Option<i64>,
    /// Notified at.
    pub notified_at: Option<i64>,
    /// Channel id.
    pub channel: Option<String>,
    /// Within deadline (`null` when undecided).
    pub within_deadline: Option<bool>,
    /// Channels tried.
    pub attempts: Vec<AttemptResult>,
}

/// A decision.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionResult {
    /// Decision id.
    pub id: String,
    /// When the decision was posed (by an inject, a time or a script).
    pub posed_at: i64,
    /// Put to a holder of its role who knew of the disruption (deadline and latency
    /// count from here); `null`: nobody holding the role knew before the end.
    pub asked_at: Option<i64>,
    /// Person the question went to (`null`: nobody holding the role could be asked).
    pub asked: Option<String>,
    /// Person who answered: the person asked, unless nobody answered (`null`).
    pub answered_by: Option<String>,
    /// The person asked is a backup for the role.
    pub by_backup: bool,
    /// Option id that took effect, or would have (the default) for a decision still
    /// open when the exercise ended; `null` when never asked.
    pub option: Option<String>,
    /// Seconds from asking to the answer, or to the deadline when the default applied;
    /// `null` when never asked.
    pub latency: Option<i64>,
    /// Whether the default applied (or would have, for a decision still open at the end).
    pub by_default: bool,
    /// When the answer or the default took effect; `null` when that moment lay after
    /// the end of the exercise (the decision was still open).
    pub resolved_at: Option<i64>,
}

/// A supplier.
#[derive(Debug, Clone, Serialize)]
pub struct SupplierResult {
    /// Supplier id.
    pub id: String,
    /// Cut off.
    pub cut_off_at: i64,
    /// Alternate id.
    pub switched_to: Option<String>,
    /// When switched.
    pub switched_at: Option<i64>,
    /// When restored.
    pub restored_at: Option<i64>,
}

// Functions and stakeholders are listed in plan order, so the model's ids index them.
impl std::ops::Index<FunctionId> for Vec<FunctionResult> {
    type Output = FunctionResult;
    fn index(&self, f: FunctionId) -> &FunctionResult {
        &self[f.index()]
    }
}

impl std::ops::Index<crate::ids::StakeholderId> for Vec<StakeholderResult> {
    type Output = StakeholderResult;
    fn index(&self, s: crate::ids::StakeholderId) -> &StakeholderResult {
        &self[s.index()]
    }
}

/// Whether a deadline `limit` seconds after `start` was met by `done`, given that the
/// exercise ended at `end`: `None` when it ended before anything could be said.
pub fn met(start: i64, done: Option<i64>, limit: i64, end: i64) -> Option<bool> {
    match done {
        Some(t) => Some(t - start <= limit),
        None if end - start > limit => Some(false),
        None => None,
    }
}

impl Results {
    /// Builds the results of `out`, a run of `m`.
    pub fn new(m: &Model, out: &Outcome) -> Results {
        let end = out.ended_at;
        Results {
            schema_version: RESULTS_SCHEMA_VERSION,
            scenario: ScenarioInfo {
                id: m.meta.scenario_id.clone(),
                title: m.meta.title.clone(),
                organisation: m.meta.organisation.clone(),
                date: m.meta.date.clone(),
            },
            seed: out.seed,
            duration: m.meta.duration,
            ended_at: end,
            disruption_at: out.disruption_at,
            detected_at: out.detected_at,
            declaration: out.declared.map(|d| DeclarationResult {
                at: d.at,
                after_disruption: out.disruption_at.map(|t| d.at - t),
                person: m.people[d.by].id.clone(),
                role: m.roles[d.role].id.clone(),
                by_default: build::declared_by_default(m, out, d.at),
            }),
            functions: crate::ids::all(&m.functions).map(|f| build::function(m, out, f)).collect(),
            notifications: out.notifications.iter().map(|n| build::notification(m, n, end)).collect(),
            stakeholders: out.stakeholders.iter().map(|s| build::stakeholder(m, out, s)).collect(),
            decisions: out.decisions.iter().map(|d| build::decision(m, d, end)).collect(),
            suppliers: out.suppliers.iter().map(|s| build::supplier(m, s)).collect(),
        }
    }

    /// Pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned());
        s.push('\n');
        s
    }
}
