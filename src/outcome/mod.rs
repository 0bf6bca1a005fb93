//! What a run measured. Id-based (cheap to produce on the hot path); the `results`
//! module turns it into the JSON people and machines read.
//!
//! `records` holds what was measured per thing (notifications, outages, decisions,
//! suppliers), `log` the event log in the order things happened.

mod log;
mod records;

pub use log::{LogEntry, LogKind};
pub use records::*;

use crate::ids::{AttemptId, CallId, RecordId, ScriptInjectId, ScriptLineId};

crate::keyed_by! {
    Notification => CallId;
    DecisionRecord => RecordId;
    Attempt => AttemptId;
    ScriptInject => ScriptInjectId;
    String => ScriptLineId;
}

/// An inject a script added during the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptInject {
    /// Its event number, `S1`, `S2`, … in order of scheduling.
    pub event: String,
    /// When delivered.
    pub at: i64,
    /// The inject's title as the players hear it.
    pub title: String,
    /// What the inject tells the players, in full.
    pub description: String,
}

/// Everything one run produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The seed played.
    pub seed: u64,
    /// When the first disruption happened.
    pub disruption_at: Option<i64>,
    /// When it was detected.
    pub detected_at: Option<i64>,
    /// The declaration, if one was made.
    pub declared: Option<Declaration>,
    /// Outages per function (index = function).
    pub outages: Vec<Vec<Outage>>,
    /// Notifications in the order they started.
    pub notifications: Vec<Notification>,
    /// Stakeholder notices (index = stakeholder).
    pub stakeholders: Vec<StakeholderNotice>,
    /// Decisions in the order they were answered.
    pub decisions: Vec<DecisionRecord>,
    /// Suppliers cut off.
    pub suppliers: Vec<SupplierRecord>,
    /// Injects added by scripts.
    pub script_injects: Vec<ScriptInject>,
    /// Lines scripts wrote to the log.
    pub script_lines: Vec<String>,
    /// The event log.
    pub log: Vec<LogEntry>,
    /// When the exercise ended.
    pub ended_at: i64,
}
