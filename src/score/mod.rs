//! Scoring: a run's results against the plan's objectives and the scenario's criteria,
//! with findings backed by evidence from the event log, HSEEP P/S/M/U ratings and an
//! improvement plan. Pure: the same results always give the same scorecard.

mod card;
mod decisions;
mod detect;
mod finding;
pub(crate) mod holdup;
mod improvement;
mod order;
mod rating;
mod tables;
mod timeline;

use serde::Serialize;

use crate::compile::Model;
pub use crate::lang::Lang;
use crate::outcome::Outcome;
use crate::results::{NotificationResult, Results};
pub use card::*;
pub use decisions::DecisionScore;
pub use finding::{Capability, Evidence, Finding, FindingKind};
pub use improvement::ImprovementItem;
pub use timeline::TimelineEntry;

/// Version of the scorecard layout in `report.json`.
pub const REPORT_SCHEMA_VERSION: u32 = 2;

/// Everything the after-action report says.
#[derive(Debug, Clone, Serialize)]
pub struct Scorecard {
    /// Layout version.
    pub schema_version: u32,
    /// Language of the fixed text.
    pub lang: Lang,
    /// Exercise overview.
    pub overview: Overview,
    /// Per function.
    pub functions: Vec<FunctionScore>,
    /// Who declared and how long after the disruption, if anyone did.
    pub declaration: Option<DeclarationScore>,
    /// Call-tree notifications.
    pub notifications: Vec<NotificationScore>,
    /// Share of call-tree roles reached by each minute after the disruption.
    pub call_tree_curve: Vec<CurvePoint>,
    /// What the call-tree curve is measured against.
    pub call_tree_deadline: Option<CallTreeDeadline>,
    /// Each stakeholder notice against its deadline.
    pub stakeholders: Vec<StakeholderScore>,
    /// Each decision as it happened: asked, answered, defaulted or open.
    pub decisions: Vec<DecisionScore>,
    /// Functions recovered before a higher-priority function disrupted at the same time.
    pub order_breaches: Vec<OrderBreach>,
    /// Disrupted functions still down when the exercise ended, by name.
    pub not_back_at_end: Vec<String>,
    /// What can be said of the recovery order, in one or more sentences: the breaches,
    /// the functions not back at the end, or that the order was kept (only when every
    /// disrupted function came back and none before a more urgent one).
    pub recovery_order: String,
    /// Objectives with their ratings.
    pub objectives: Vec<ObjectiveScore>,
    /// Findings with evidence.
    pub findings: Vec<Finding>,
    /// The improvement plan: one item per finding.
    pub improvement_plan: Vec<ImprovementItem>,
    /// The timeline for the appendix.
    pub timeline: Vec<TimelineEntry>,
    /// What the scenario's scripts noted, for the facilitator only (not in the timeline).
    pub facilitator_notes: Vec<TimelineEntry>,
    /// What was played, when the report is part of an exercise record: the release,
    /// seed, date and every input's SHA-256 (see [`crate::record`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<crate::record::Record>,
}

/// A run's findings and objective ratings alone, as [`score`] finds them, without the
/// tables, timeline and improvement plan: what a Monte Carlo study counts per replica.
pub fn findings_and_ratings(m: &Model, out: &Outcome, r: &Results, lang: Lang) -> (Vec<Finding>, Vec<ObjectiveScore>) {
    let decisions = decisions::score(m, out, lang);
    let findings = detect::find(m, out, r, lang);
    let objectives = rating::rate(m, r, &decisions, &findings, lang);
    (findings, objectives)
}

/// Scores one run.
pub fn score(m: &Model, out: &Outcome, r: &Results, lang: Lang, observations: &[String]) -> Scorecard {
    let end_text = crate::time::format_time(r.ended_at);
    let functions = tables::functions(r, &end_text, lang);
    let tree = tables::call_tree(out, r);
    let targets = m
        .call_tree
        .as_ref()
        .map_or(0, |ct| ct.links.iter().map(|l| l.to).collect::<std::collections::BTreeSet<_>>().len());
    let tree_results: Vec<&NotificationResult> = tree.iter().map(|(_, n)| *n).collect();
    let decisions = decisions::score(m, out, lang);
    let order_breaches = order::breaches(&functions);
    let not_back_at_end: Vec<String> =
        functions.iter().filter(|f| f.disrupted && f.back_after.is_none()).map(|f| f.name.clone()).collect();
    let recovery_order = order::in_words(&functions, &order_breaches, &not_back_at_end, &end_text, lang);
    let findings = detect::find(m, out, r, lang);
    let objectives = rating::rate(m, r, &decisions, &findings, lang);
    let improvement_plan = improvement::plan(m, &findings);
    Scorecard {
        schema_version: REPORT_SCHEMA_VERSION,
        lang,
        overview: tables::overview(m, out, r, observations, lang),
        declaration: tables::declaration(m, out, r, lang),
        notifications: tree.iter().map(|&(n, result)| tables::notification(m, n, result, lang)).collect(),
        call_tree_curve: tables::curve(&tree_results, r.disruption_at, targets),
        call_tree_deadline: tables::call_tree_deadline(m, &tree_results, r.disruption_at),
        stakeholders: tables::stakeholders(m, r, lang),
        functions,
        decisions,
        order_breaches,
        not_back_at_end,
        recovery_order,
        objectives,
        findings,
        improvement_plan,
        timeline: timeline::timeline(m, out, lang),
        facilitator_notes: timeline::facilitator_notes(out),
        record: None,
    }
}
