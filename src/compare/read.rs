//! What a comparison reads of an exercise's `report.json`: only the figures it compares,
//! each optional, so that every `schema_version` this release has ever written reads
//! (version 1 had no `record` section). A version it does not know is refused by name
//! rather than read wrong.

use std::collections::BTreeSet;

use serde::Deserialize;

/// The `report.json` layouts this release reads: 1 (before records) and 2.
pub const KNOWN_REPORT_VERSIONS: [u32; 2] = [1, 2];

/// The parts of a `report.json` a comparison uses.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReportView {
    /// The layout version.
    pub schema_version: u32,
    /// Which exercise.
    #[serde(default)]
    pub overview: OverviewView,
    /// Per function: targets and what happened.
    #[serde(default)]
    pub functions: Vec<FunctionView>,
    /// The declaration, when there was one.
    #[serde(default)]
    pub declaration: Option<DeclarationView>,
    /// Share of the call tree reached by minute.
    #[serde(default)]
    pub call_tree_curve: Vec<CurvePoint>,
    /// Stakeholder notices.
    #[serde(default)]
    pub stakeholders: Vec<StakeholderView>,
    /// Call-tree links, by the roles' names.
    #[serde(default)]
    pub notifications: Vec<NotificationView>,
    /// Decision points and how long they took.
    #[serde(default)]
    pub decisions: Vec<DecisionView>,
    /// Objectives and their ratings.
    #[serde(default)]
    pub objectives: Vec<ObjectiveView>,
    /// Findings by stable id.
    #[serde(default)]
    pub findings: Vec<FindingView>,
    /// The improvement plan.
    #[serde(default)]
    pub improvement_plan: Vec<ItemView>,
    /// How the exercise was played (from layout 2).
    #[serde(default)]
    pub record: Option<crate::record::Record>,
}

/// The overview's identifying fields.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct OverviewView {
    /// The scenario's id.
    #[serde(default)]
    pub scenario_id: String,
    /// The scenario's title.
    #[serde(default)]
    pub title: String,
    /// The exercise date.
    #[serde(default)]
    pub date: Option<String>,
    /// The seed played.
    #[serde(default)]
    pub seed: Option<u64>,
}

/// A function's targets and results, in seconds.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FunctionView {
    /// Its id.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Targets.
    #[serde(default)]
    pub rto: i64,
    /// Maximum tolerable downtime.
    #[serde(default)]
    pub mtd: i64,
    /// Recovery point objective.
    #[serde(default)]
    pub rpo: i64,
    /// Whether it went down at all.
    #[serde(default)]
    pub disrupted: bool,
    /// Time from its disruption until it was back.
    #[serde(default)]
    pub back_after: Option<i64>,
    /// Back within its RTO.
    #[serde(default)]
    pub rto_met: Option<bool>,
    /// Back within its MTD.
    #[serde(default)]
    pub mtd_met: Option<bool>,
    /// Data lost.
    #[serde(default)]
    pub data_lost: Option<i64>,
    /// Data lost within its RPO.
    #[serde(default)]
    pub rpo_met: Option<bool>,
}

/// When the disaster was declared.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DeclarationView {
    /// Seconds after the disruption.
    #[serde(default)]
    pub after: Option<i64>,
}

/// One point of the call-tree curve.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CurvePoint {
    /// Minutes after the start.
    pub minute: i64,
    /// Share reached, 0 to 1.
    pub share: f64,
}

/// A stakeholder notice.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StakeholderView {
    /// Its id.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Seconds until notified.
    #[serde(default)]
    pub after: Option<i64>,
}

/// A call-tree link: the report names its roles (ids are not in layout 1 or 2).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NotificationView {
    /// The notifying role's name.
    #[serde(default)]
    pub from: String,
    /// The notified role's name.
    #[serde(default)]
    pub to: String,
    /// Seconds from the caller being reached to the callee being reached.
    #[serde(default)]
    pub delay: Option<i64>,
}

/// A decision point.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DecisionView {
    /// Its id.
    pub id: String,
    /// Seconds from being asked to the answer.
    #[serde(default)]
    pub latency: Option<i64>,
}

/// An objective and its rating.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ObjectiveView {
    /// Its id.
    pub id: String,
    /// What it asks.
    #[serde(default)]
    pub text: String,
    /// P, S, M or U; none when not rated.
    #[serde(default)]
    pub rating: Option<String>,
    /// The capability it exercises, when its scenario names one.
    #[serde(default)]
    pub capability: Option<String>,
}

/// A finding.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FindingView {
    /// Its stable id (`kind:subject`).
    pub id: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
}

/// An improvement item.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ItemView {
    /// `IP-1`, …
    #[serde(default)]
    pub number: String,
    /// The finding it corrects.
    #[serde(default)]
    pub finding: String,
    /// Its corrective action.
    #[serde(default)]
    pub corrective_action: String,
    /// Its completion date.
    #[serde(default)]
    pub due: Option<String>,
}

impl ReportView {
    /// Seconds until the whole call tree was reached, when it was.
    pub fn call_tree_complete(&self) -> Option<i64> {
        self.call_tree_curve.iter().find(|p| p.share >= 1.0).map(|p| p.minute * 60)
    }

    /// The exercise date: the record's, else the overview's.
    pub fn date(&self) -> Option<&str> {
        self.record.as_ref().and_then(|r| r.date.as_deref()).or(self.overview.date.as_deref())
    }
}

/// The fields of `events.jsonl` that name something of the plan or scenario by id.
const ID_FIELDS: [&str; 12] = [
    "site",
    "system",
    "channel",
    "person",
    "asked",
    "supplier",
    "alternate",
    "function",
    "role",
    "decision",
    "stakeholder",
    "step",
];

/// Every id an exercise's event log names: what the exercise put to the test. A line
/// that does not read is skipped: the log only widens what counts as tested, and a
/// record whose log was damaged still compares by its report.
pub fn exercised_ids(events_jsonl: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for line in events_jsonl.lines() {
        let Ok(serde_json::Value::Object(event)) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        for field in ID_FIELDS {
            if let Some(serde_json::Value::String(id)) = event.get(field) {
                ids.insert(id.clone());
            }
        }
    }
    ids
}

impl ReportView {
    /// What the report itself shows was put to the test, for a record kept without its
    /// event log: disrupted functions, decisions, stakeholders notified, objectives
    /// rated, and the subjects of its findings.
    pub fn exercised_in_report(&self) -> BTreeSet<String> {
        let functions = self.functions.iter().filter(|f| f.disrupted).map(|f| f.id.clone());
        let decisions = self.decisions.iter().map(|d| d.id.clone());
        let stakeholders = self.stakeholders.iter().filter(|s| s.after.is_some()).map(|s| s.id.clone());
        let subjects = self.findings.iter().map(|f| finding_subject(&f.id).to_owned());
        functions.chain(decisions).chain(stakeholders).chain(subjects).collect()
    }
}

/// The subject of a finding id (`kind:subject`): what it is about.
pub fn finding_subject(id: &str) -> &str {
    id.split_once(':').map_or(id, |(_, subject)| subject)
}

/// Why a `report.json` cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON, or not the shape of a report.
    Corrupt(String),
    /// A layout this release does not know (from a newer sandtable).
    UnknownVersion(u64),
}

/// Reads a `report.json`'s text.
pub fn parse(text: &str) -> Result<ReportView, ReadError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| ReadError::Corrupt(e.to_string()))?;
    let version = value.get("schema_version").and_then(serde_json::Value::as_u64);
    match version {
        Some(v) if KNOWN_REPORT_VERSIONS.iter().any(|&k| u64::from(k) == v) => {}
        Some(v) => return Err(ReadError::UnknownVersion(v)),
        None => return Err(ReadError::Corrupt("no schema_version".to_owned())),
    }
    serde_json::from_value(value).map_err(|e| ReadError::Corrupt(e.to_string()))
}
