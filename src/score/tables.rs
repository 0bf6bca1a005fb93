//! The scorecard's tables, built from the outcome's ids (names come straight from the
//! model, never by searching for an id string) and the results' figures.

use super::{
    CallTreeDeadline, CurvePoint, DeadlineSource, DeclarationScore, FunctionScore, Lang, NotificationScore, Overview,
    StakeholderScore,
};
use crate::compile::Model;
use crate::outcome::{Notification, Outcome};
use crate::results::{NotificationResult, Results};

pub(super) fn functions(r: &Results, end_text: &str, lang: Lang) -> Vec<FunctionScore> {
    let say = lang.catalogue();
    r.functions
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
                        let rto = f.rto;
                        o.back_after.map_or_else(
                            || (say.scorecard.not_back_at_end)(end_text),
                            |b| lang.duration_against(b, rto),
                        )
                    }
                },
                data_lost_text: match o {
                    None => say.labels.no_value.to_owned(),
                    Some(o) => o
                        .data_lost
                        .map_or_else(|| say.scorecard.all_data.to_owned(), |d| lang.duration_against(d, f.rpo)),
                },
            }
        })
        .collect()
}

pub(super) fn declaration(m: &Model, out: &Outcome, r: &Results, lang: Lang) -> Option<DeclarationScore> {
    let d = out.declared?;
    let after = d.at - out.disruption_at?;
    Some(DeclarationScore {
        after,
        after_text: lang.duration(after),
        person: m.people[d.by].name.clone(),
        role: m.roles[d.role].name.clone(),
        by_default: r.declaration.as_ref().is_some_and(|x| x.by_default),
    })
}

/// The calls along the call tree's links (not the detection that starts it), each with
/// its result: `results` is built from the outcome one for one, in the same order.
pub(super) fn call_tree<'a>(out: &'a Outcome, r: &'a Results) -> Vec<(&'a Notification, &'a NotificationResult)> {
    out.notifications.iter().zip(&r.notifications).filter(|(n, _)| n.link.is_some()).collect()
}

pub(super) fn notification(m: &Model, n: &Notification, result: &NotificationResult, lang: Lang) -> NotificationScore {
    let say = &lang.catalogue().scorecard;
    let from = n.link.and_then(|l| m.call_tree.as_ref().map(|ct| m.roles[ct.links[l].from].name.clone()));
    let delay = result.reached_at.map(|t| t - result.started_at);
    let deadline = result.deadline_at.map(|d| d - result.started_at);
    // Shown beside the deadline, a late call must not round to it.
    let delay_text = |d| deadline.map_or_else(|| lang.duration(d), |limit| lang.duration_against(d, limit));
    NotificationScore {
        from: from.unwrap_or_default(),
        to: m.roles[n.to_role].name.clone(),
        reached: n.reached.map(|r| m.people[r.person].name.clone()),
        channel: result.channel.clone(),
        delay,
        deadline,
        met: result.within_deadline,
        attempts: result.attempts.len(),
        delay_text: delay.map_or_else(|| say.not_reached.to_owned(), delay_text),
    }
}

pub(super) fn stakeholders(m: &Model, r: &Results, lang: Lang) -> Vec<StakeholderScore> {
    let say = &lang.catalogue().scorecard;
    r.stakeholders
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
                after_text: after
                    .map_or_else(|| say.not_notified.to_owned(), |a| lang.duration_against(a, st.deadline)),
            }
        })
        .collect()
}

pub(super) fn overview(m: &Model, out: &Outcome, r: &Results, observations: &[String], lang: Lang) -> Overview {
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
pub(super) fn curve(tree: &[&NotificationResult], disruption: Option<i64>, targets: usize) -> Vec<CurvePoint> {
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

/// The objective's limit if one is set, else the plan's latest link deadline as played:
/// the curve is read against what the exercise expected, never against nothing.
pub(super) fn call_tree_deadline(
    m: &Model,
    tree: &[&NotificationResult],
    disruption: Option<i64>,
) -> Option<CallTreeDeadline> {
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
