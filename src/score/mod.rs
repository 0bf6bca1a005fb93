//! Scoring: a run's results against the plan's objectives and the scenario's criteria,
//! with findings backed by evidence from the event log, HSEEP P/S/M/U ratings and an
//! improvement plan. Pure: the same results always give the same scorecard.

mod decisions;
mod detect;
mod finding;
mod improvement;
mod rating;
mod timeline;

use serde::Serialize;

use crate::compile::Model;
pub use crate::lang::Lang;
use crate::outcome::Outcome;
use crate::results::{NotificationResult, Results};
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
    /// Declaration.
    pub declaration: Option<DeclarationScore>,
    /// Call-tree notifications.
    pub notifications: Vec<NotificationScore>,
    /// Share of call-tree roles reached by each minute after the disruption.
    pub call_tree_curve: Vec<CurvePoint>,
    /// What the call-tree curve is measured against.
    pub call_tree_deadline: Option<CallTreeDeadline>,
    /// Stakeholders.
    pub stakeholders: Vec<StakeholderScore>,
    /// Decisions.
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
}

/// The exercise overview.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// Scenario id.
    pub scenario_id: String,
    /// Title.
    pub title: String,
    /// Organisation.
    pub organisation: String,
    /// Exercise type.
    pub exercise_type: String,
    /// Date.
    pub date: Option<String>,
    /// Length as planned.
    pub duration: String,
    /// When the exercise ended, `T+3:15`; earlier than the planned length when the
    /// facilitator ended it.
    pub ended_at: String,
    /// Scope.
    pub scope: Option<String>,
    /// Sponsor.
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
    /// Name.
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

/// The objective's limit if one is set, else the plan's latest link deadline as played:
/// the curve is read against what the exercise expected, never against nothing.
fn call_tree_deadline(m: &Model, tree: &[&NotificationResult], disruption: Option<i64>) -> Option<CallTreeDeadline> {
    let objective = m
        .objectives
        .iter()
        .flat_map(|o| o.criteria.iter())
        .filter_map(|c| match c {
            crate::compile::Measure::CallTreeCompleteWithin(limit) => Some(*limit),
            _ => None,
        })
        .min();
    if let Some(after) = objective {
        return Some(CallTreeDeadline { after, source: DeadlineSource::Objective });
    }
    let d0 = disruption?;
    let after = tree.iter().filter_map(|n| n.deadline_at).max()?.saturating_sub(d0);
    Some(CallTreeDeadline { after, source: DeadlineSource::PlanLinks })
}

/// A stakeholder's score.
#[derive(Debug, Clone, Serialize)]
pub struct StakeholderScore {
    /// Stakeholder id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Seconds after the disruption they were told.
    pub after: Option<i64>,
    /// Deadline in seconds.
    pub deadline: i64,
    /// Met.
    pub met: Option<bool>,
    /// Channel.
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
    /// Id.
    pub id: String,
    /// Text.
    pub text: String,
    /// Capability.
    pub capability: Option<String>,
    /// P, S, M or U; `null` when nothing could be assessed.
    pub rating: Option<Rating>,
    /// Why.
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

/// Scores one run.
pub fn score(m: &Model, out: &Outcome, r: &Results, lang: Lang, observations: &[String]) -> Scorecard {
    let say = lang.catalogue();
    let end_text = crate::time::format_time(r.ended_at);
    let functions: Vec<FunctionScore> = r
        .functions
        .iter()
        .map(|f| {
            let o = f.outages.first();
            FunctionScore {
                id: f.id.clone(),
                name: f.name.clone(),
                priority: f.priority,
                rto: f.rto,
                mtd: f.mtd,
                rpo: f.rpo,
                disrupted: o.is_some(),
                start: o.map(|o| o.start),
                back_after: o.and_then(|o| o.back_after),
                rto_met: o.and_then(|o| o.within_rto),
                mtd_met: o.and_then(|o| o.within_mtd),
                data_lost: o.and_then(|o| o.data_lost),
                rpo_met: o.map(|o| o.within_rpo),
                back_after_text: match o {
                    None => say.scorecard.not_disrupted.to_owned(),
                    Some(o) => {
                        o.back_after.map_or_else(|| (say.scorecard.not_back_at_end)(&end_text), |b| lang.duration(b))
                    }
                },
                data_lost_text: match o {
                    None => say.labels.no_value.to_owned(),
                    Some(o) => o.data_lost.map_or_else(|| say.scorecard.all_data.to_owned(), |d| lang.duration(d)),
                },
            }
        })
        .collect();
    let role_name = |id: &str| m.roles.iter().find(|x| x.id == id).map_or(id.to_owned(), |x| x.name.clone());
    let person_name = |id: &str| m.people.iter().find(|x| x.id == id).map_or(id.to_owned(), |x| x.name.clone());
    let channel_name = |id: &str| id.to_owned();
    let declaration = r.declaration.as_ref().and_then(|d| {
        d.after_disruption.map(|after| DeclarationScore {
            after,
            after_text: lang.duration(after),
            person: person_name(&d.person),
            role: role_name(&d.role),
        })
    });
    let tree: Vec<&NotificationResult> = r.notifications.iter().filter(|n| n.from_role.is_some()).collect();
    let notifications = tree
        .iter()
        .map(|n| {
            let delay = n.reached_at.map(|t| t - n.started_at);
            NotificationScore {
                from: n.from_role.as_deref().map(role_name).unwrap_or_default(),
                to: role_name(&n.to_role),
                reached: n.reached_person.as_deref().map(person_name),
                channel: n.channel.as_deref().map(channel_name),
                delay,
                deadline: n.deadline_at.map(|d| d - n.started_at),
                met: n.within_deadline,
                attempts: n.attempts.len(),
                delay_text: delay.map_or_else(|| say.scorecard.not_reached.to_owned(), |d| lang.duration(d)),
            }
        })
        .collect();
    let targets = m
        .call_tree
        .as_ref()
        .map_or(0, |ct| ct.links.iter().map(|l| l.to).collect::<std::collections::BTreeSet<_>>().len());
    let call_tree_curve = curve(&tree, r.disruption_at, targets);
    let call_tree_deadline = call_tree_deadline(m, &tree, r.disruption_at);
    let stakeholders = r
        .stakeholders
        .iter()
        .zip(&m.stakeholders)
        .map(|(s, st)| {
            let after = s.notified_at.zip(r.disruption_at).map(|(t, d)| t - d);
            StakeholderScore {
                id: s.id.clone(),
                name: s.name.clone(),
                after,
                deadline: st.deadline,
                met: s.within_deadline,
                channel: s.channel.clone(),
                after_text: after.map_or_else(|| say.scorecard.not_notified.to_owned(), |a| lang.duration(a)),
            }
        })
        .collect();
    let decisions = decisions::score(m, out, lang);
    let order_breaches = order_breaches(&functions);
    let not_back_at_end: Vec<String> =
        functions.iter().filter(|f| f.disrupted && f.back_after.is_none()).map(|f| f.name.clone()).collect();
    let recovery_order = recovery_order(&functions, &order_breaches, &not_back_at_end, &end_text, lang);
    let findings = detect::find(m, out, r, lang);
    let objectives = rating::rate(m, r, &decisions, &findings, lang);
    let improvement_plan = improvement::plan(m, &findings);
    Scorecard {
        schema_version: REPORT_SCHEMA_VERSION,
        lang,
        overview: overview(m, out, r, observations, lang),
        functions,
        declaration,
        notifications,
        call_tree_curve,
        call_tree_deadline,
        stakeholders,
        decisions,
        order_breaches,
        not_back_at_end,
        recovery_order,
        objectives,
        findings,
        improvement_plan,
        timeline: timeline::timeline(m, out, lang),
        facilitator_notes: timeline::facilitator_notes(out),
    }
}

fn overview(m: &Model, out: &Outcome, r: &Results, observations: &[String], lang: Lang) -> Overview {
    let mut roles = std::collections::BTreeSet::new();
    for n in &out.notifications {
        if n.reached.is_some() {
            roles.insert(n.to_role);
        }
    }
    for d in &out.decisions {
        roles.insert(m.decisions[d.decision].role);
    }
    for (f, outages) in out.outages.iter().enumerate() {
        if let Some(p) = m.functions[f].procedure {
            for o in outages {
                for s in o.steps.iter().filter(|s| s.started.is_some()) {
                    roles.insert(m.procedures[p].steps[s.step].role);
                }
            }
        }
    }
    Overview {
        scenario_id: m.meta.scenario_id.clone(),
        title: m.meta.title.clone(),
        organisation: m.meta.organisation.clone(),
        exercise_type: lang.exercise_type(m.meta.exercise_type).to_owned(),
        date: m.meta.date.clone(),
        duration: lang.duration(m.meta.duration),
        ended_at: crate::time::format_time(r.ended_at),
        scope: m.meta.scope.clone(),
        sponsor: m.meta.sponsor.clone(),
        unannounced: m.meta.unannounced,
        seed: r.seed,
        participants: roles.into_iter().map(|r| m.roles[r].name.clone()).collect(),
        observations: observations.to_vec(),
    }
}

/// The share of the call tree's roles reached by each minute (roles never called count
/// as not reached), as a step curve: one point per change, starting at 0.
fn curve(tree: &[&NotificationResult], disruption: Option<i64>, targets: usize) -> Vec<CurvePoint> {
    let Some(d0) = disruption else { return Vec::new() };
    if targets == 0 {
        return Vec::new();
    }
    // First time each role was reached (a role may be called along two links).
    let mut first: std::collections::BTreeMap<&str, i64> = std::collections::BTreeMap::new();
    for n in tree {
        if let Some(t) = n.reached_at {
            let e = first.entry(n.to_role.as_str()).or_insert(t);
            *e = (*e).min(t);
        }
    }
    let mut minutes: Vec<i64> = first.values().map(|t| (t - d0 + 59).max(0) / 60).collect();
    minutes.sort_unstable();
    let total = targets as f64;
    let mut points = vec![CurvePoint { minute: 0, share: 0.0 }];
    for (i, &m) in minutes.iter().enumerate() {
        let share = (i + 1) as f64 / total;
        match points.last_mut() {
            Some(last) if last.minute == m => last.share = share,
            _ => points.push(CurvePoint { minute: m, share }),
        }
    }
    points
}

fn order_breaches(functions: &[FunctionScore]) -> Vec<OrderBreach> {
    let mut out = Vec::new();
    for a in functions {
        for b in functions {
            let (Some(sa), Some(sb)) = (a.start, b.start) else { continue };
            if a.priority > b.priority && sa == sb {
                let a_back = a.back_after.map(|x| sa + x);
                let b_back = b.back_after.map(|x| sb + x);
                let breached = match (a_back, b_back) {
                    (Some(ta), Some(tb)) => ta < tb,
                    (Some(_), None) => true,
                    _ => false,
                };
                if breached {
                    out.push(OrderBreach {
                        first: a.name.clone(),
                        first_priority: a.priority,
                        later: b.name.clone(),
                        later_priority: b.priority,
                    });
                }
            }
        }
    }
    out
}

/// The recovery order in words. "Kept" is said only when every disrupted function came
/// back and none before a more urgent one; functions still down are named instead.
fn recovery_order(
    functions: &[FunctionScore],
    breaches: &[OrderBreach],
    not_back: &[String],
    end: &str,
    lang: Lang,
) -> String {
    let say = &lang.catalogue().scorecard;
    if !functions.iter().any(|f| f.disrupted) {
        return say.order_nothing_disrupted.to_owned();
    }
    let mut sentences: Vec<String> = breaches
        .iter()
        .map(|b| {
            let first = format!("{} (P{})", b.first, b.first_priority);
            let later = format!("{} (P{})", b.later, b.later_priority);
            if not_back.contains(&b.later) {
                (say.order_back_while_down)(&first, &later)
            } else {
                (say.order_back_before)(&first, &later)
            }
        })
        .collect();
    if !not_back.is_empty() {
        let names: Vec<&str> = not_back.iter().map(String::as_str).collect();
        sentences.push((say.order_not_back)(&names, end));
    }
    if sentences.is_empty() {
        sentences.push(say.order_kept.to_owned());
    }
    // Chinese sentences follow each other without a space.
    sentences.join(if lang == Lang::Zh { "" } else { " " })
}
