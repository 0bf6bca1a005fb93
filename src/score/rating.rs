//! HSEEP ratings: each objective's measurable criteria assessed, then rated
//! P (performed without challenges), S (with some), M (with major) or U (unable).

use super::{CriterionScore, DecisionScore, Finding, FindingKind, Lang, ObjectiveScore, Rating, holdup};
use crate::compile::{Measure, Model};
use crate::ids::{DecisionId, FunctionId, StakeholderId};
use crate::results::Results;
use crate::time::format_time;

/// One criterion as assessed in a run.
struct Assessment {
    /// What the criterion asks, in the report language.
    text: String,
    /// Met, missed, or `None` when the run gives nothing to assess.
    met: Option<bool>,
    /// What happened.
    detail: String,
    /// By how much it was missed, as a fraction of what was allowed.
    miss: f64,
    /// The findings (kind and subject) that would explain a miss.
    causes: Vec<(FindingKind, String)>,
    /// The cause in words, when the log says it better than any finding's title (a
    /// declaration that came late, a notice nobody was told to send).
    because: Option<String>,
}

impl Assessment {
    fn new(text: String, met: Option<bool>, detail: String, miss: f64, causes: Vec<(FindingKind, String)>) -> Self {
        Assessment { text, met, detail, miss, causes, because: None }
    }

    fn because(self, because: Option<String>) -> Self {
        Assessment { because, ..self }
    }

    /// A criterion this run gives nothing to assess (its subject was never disrupted
    /// or its decision never posed); `detail` says which.
    fn not_assessable(text: String, detail: &str) -> Self {
        Assessment::new(text, None, detail.to_owned(), 0.0, Vec::new())
    }
}

/// Says why a criterion whose window was still open at the end cannot be assessed.
fn open_at_end(text: String, what: &str, r: &Results, lang: Lang) -> Assessment {
    let detail = (lang.catalogue().criteria.window_open)(what, &format_time(r.ended_at));
    Assessment::new(text, None, detail, 0.0, Vec::new())
}

/// Any subject: the finding explains the criterion whatever it is about.
const ANY: &str = "*";

fn not_declared_cause() -> (FindingKind, String) {
    (FindingKind::NotDeclared, ANY.to_owned())
}

fn assess(m: &Model, r: &Results, decisions: &[DecisionScore], c: Measure, lang: Lang) -> Assessment {
    match c {
        Measure::FunctionWithinRto(f) => function_within(m, r, f, true, lang),
        Measure::FunctionWithinMtd(f) => function_within(m, r, f, false, lang),
        Measure::FunctionWithinRpo(f) => function_within_rpo(r, f, lang),
        Measure::AllFunctionsWithinRto => all_within_rto(m, r, lang),
        Measure::StakeholderNotified(s) => stakeholder_notified(m, r, s, lang),
        Measure::DeclaredWithin(limit) => declared_within(r, limit, lang),
        Measure::CallTreeCompleteWithin(limit) => call_tree_within(m, r, limit, lang),
        Measure::DecisionWithin(d, limit) => decision_within(m, r, decisions, d, limit, lang),
    }
}

/// A function back within its RTO (`rto`) or its MTD.
fn function_within(m: &Model, r: &Results, f: FunctionId, rto: bool, lang: Lang) -> Assessment {
    let say = &lang.catalogue().criteria;
    let end = r.ended_at;
    let func = &r.functions[f];
    let rto_measure = rto;
    let (limit, phrase) = if rto_measure { (func.rto, say.within_rto) } else { (func.mtd, say.within_mtd) };
    let text = phrase(&func.name, &lang.duration(limit));
    let Some(o) = r.functions[f].outages.first() else { return Assessment::not_assessable(text, say.not_disrupted) };
    let met = if rto_measure { o.within_rto } else { o.within_mtd };
    if met.is_none() {
        return open_at_end(text, say.not_back, r, lang);
    }
    let back = o.back_after.unwrap_or(end - o.start);
    let detail = match o.back_after {
        Some(b) => (say.back_after)(&lang.duration_against(b, limit)),
        None => (lang.catalogue().scorecard.not_back_at_end)(&format_time(end)),
    };
    let miss = (back - limit).max(0) as f64 / limit.max(1) as f64;
    let causes = vec![(FindingKind::RtoMissed, func.id.clone()), not_declared_cause()];
    // Late because the declaration was (true of the MTD as of the RTO): said as such.
    let because = holdup::held_by_declaration(r, func)
        .then(|| r.declaration.as_ref().and_then(|d| holdup::declaration_because(m, r, lang, d.at - o.start)))
        .flatten();
    Assessment::new(text, met, detail, miss, causes).because(because)
}

fn function_within_rpo(r: &Results, f: FunctionId, lang: Lang) -> Assessment {
    let say = &lang.catalogue().criteria;
    let func = &r.functions[f];
    let text = (say.within_rpo)(&func.name, &lang.duration(func.rpo));
    let Some(o) = r.functions[f].outages.first() else { return Assessment::not_assessable(text, say.not_disrupted) };
    let detail = o
        .data_lost
        .map_or_else(|| say.no_reachable_copy.to_owned(), |d| (say.lost)(&lang.duration_against(d, func.rpo)));
    let miss = o.data_lost.map_or(1.0, |d| (d - func.rpo).max(0) as f64 / func.rpo.max(1) as f64);
    Assessment::new(text, Some(o.within_rpo), detail, miss, vec![(FindingKind::RpoMissed, func.id.clone())])
}

fn all_within_rto(m: &Model, r: &Results, lang: Lang) -> Assessment {
    let say = &lang.catalogue().criteria;
    let text = say.all_within_rto.to_owned();
    let disrupted: Vec<_> = r.functions.iter().filter(|f| !f.outages.is_empty()).collect();
    if disrupted.is_empty() {
        return Assessment::not_assessable(text, say.not_disrupted);
    }
    let with = |v: Option<bool>| -> Vec<&str> {
        disrupted.iter().filter(|f| f.outages[0].within_rto == v).map(|f| f.name.as_str()).collect()
    };
    let (missed, open) = (with(Some(false)), with(None));
    let mut causes: Vec<_> = disrupted.iter().map(|f| (FindingKind::RtoMissed, f.id.clone())).collect();
    causes.push(not_declared_cause());
    if !missed.is_empty() {
        let miss = missed.len() as f64 / disrupted.len() as f64;
        let held = disrupted.iter().any(|f| holdup::held_by_declaration(r, f));
        let because = held
            .then(|| r.declaration.as_ref().and_then(|d| holdup::declaration_because(m, r, lang, d.after_disruption?)))
            .flatten();
        return Assessment::new(text, Some(false), (say.missed)(&missed), miss, causes).because(because);
    }
    if !open.is_empty() {
        // Not all in yet and none missed: whether all will make it is unknown.
        return open_at_end(text, &(say.still_down)(&open), r, lang);
    }
    let detail = format!("{}/{}", disrupted.len(), disrupted.len());
    Assessment::new(text, Some(true), detail, 0.0, causes)
}

fn stakeholder_notified(m: &Model, r: &Results, s: StakeholderId, lang: Lang) -> Assessment {
    let say = &lang.catalogue().criteria;
    let st = &r.stakeholders[s];
    let deadline = m.stakeholders[s].deadline;
    let text = (say.stakeholder_notified)(&st.name, &lang.duration(deadline));
    let Some(d0) = r.disruption_at else { return Assessment::not_assessable(text, say.nothing_disrupted) };
    if st.within_deadline.is_none() {
        return open_at_end(text, say.not_notified, r, lang);
    }
    let after = st.notified_at.map(|t| t - d0);
    let detail =
        after.map_or_else(|| say.not_notified.to_owned(), |a| (say.after)(&lang.duration_against(a, deadline)));
    let miss = after.map_or(1.0, |a| (a - deadline).max(0) as f64 / deadline.max(1) as f64);
    let causes = vec![(FindingKind::StakeholderLate, st.id.clone())];
    let because = if st.sent_by.is_none() { why_owner_not_reached(m, r, m.stakeholders[s].owner, lang) } else { None };
    Assessment::new(text, st.within_deadline, detail, miss, causes).because(because)
}

/// Why nobody acting for `owner` sent its notice: nobody holding it could be reached,
/// or nobody called it because the role that calls it (or one above) was never
/// reached. `None` when someone acting for it was reached.
fn why_owner_not_reached(m: &Model, r: &Results, owner: crate::ids::RoleId, lang: Lang) -> Option<String> {
    let say = &lang.catalogue().criteria;
    let id = |role: crate::ids::RoleId| m.roles[role].id.as_str();
    let reached = |role| r.notifications.iter().any(|n| n.to_role == id(role) && n.reached_at.is_some());
    let tried = |role| r.notifications.iter().any(|n| n.to_role == id(role));
    if reached(owner) {
        return None;
    }
    if tried(owner) {
        return Some((say.owner_unreachable)(&m.roles[owner].name));
    }
    // Up the call tree to the first role that was tried and never reached.
    let links = m.call_tree.as_ref().map_or(&[][..], |t| &t.links[..]);
    let mut role = owner;
    for _ in 0..=links.len() {
        let caller = links.iter().find(|l| l.to == role)?.from;
        if reached(caller) {
            return None;
        }
        if tried(caller) {
            return Some((say.owner_never_called)(&m.roles[owner].name, &m.roles[caller].name));
        }
        role = caller;
    }
    None
}

fn declared_within(r: &Results, limit: i64, lang: Lang) -> Assessment {
    let say = &lang.catalogue().criteria;
    let end = r.ended_at;
    let text = (say.declared_within)(&lang.duration(limit));
    let Some(d0) = r.disruption_at else { return Assessment::not_assessable(text, say.nothing_disrupted) };
    match r.declaration.as_ref() {
        Some(d) => {
            let after = d.at - d0;
            let detail = (say.after)(&lang.duration_against(after, limit));
            let miss = (after - limit).max(0) as f64 / limit.max(1) as f64;
            Assessment::new(text, Some(after <= limit), detail, miss, Vec::new())
        }
        None if end - d0 > limit => {
            let detail = (say.never_declared)(&format_time(end));
            Assessment::new(text, Some(false), detail, 1.0, vec![not_declared_cause()])
        }
        None => open_at_end(text, say.not_declared, r, lang),
    }
}

fn call_tree_within(m: &Model, r: &Results, limit: i64, lang: Lang) -> Assessment {
    let say = &lang.catalogue().criteria;
    let end = r.ended_at;
    let text = (say.call_tree_within)(&lang.duration(limit));
    let Some(d0) = r.disruption_at else { return Assessment::not_assessable(text, say.nothing_disrupted) };
    let tree: Vec<_> = r.notifications.iter().filter(|n| n.from_role.is_some()).collect();
    // Every role the call tree names must be reached, including roles whose caller
    // was never reached and so never called them.
    let targets: std::collections::BTreeSet<&str> =
        m.call_tree.iter().flat_map(|ct| ct.links.iter().map(|l| m.roles[l.to].id.as_str())).collect();
    let last = targets.iter().try_fold(0, |acc, role| {
        tree.iter().filter(|n| n.to_role == *role).filter_map(|n| n.reached_at).min().map(|t| acc.max(t - d0))
    });
    let causes = tree
        .iter()
        .map(|n| (FindingKind::NotificationLate, n.to_role.clone()))
        .chain(tree.iter().map(|n| (FindingKind::RoleUnreachable, n.to_role.clone())))
        .collect();
    match last {
        Some(last) => {
            let detail = (say.complete_after)(&lang.duration_against(last, limit));
            let miss = (last - limit).max(0) as f64 / limit.max(1) as f64;
            Assessment::new(text, Some(last <= limit), detail, miss, causes)
        }
        None if end - d0 > limit => {
            Assessment::new(text, Some(false), say.not_everyone_reached.to_owned(), 1.0, causes)
        }
        None => open_at_end(text, say.not_everyone_reached, r, lang),
    }
}

fn decision_within(
    m: &Model,
    r: &Results,
    decisions: &[DecisionScore],
    d: DecisionId,
    limit: i64,
    lang: Lang,
) -> Assessment {
    let say = &lang.catalogue().criteria;
    let end = r.ended_at;
    let dec = &m.decisions[d];
    let text = (say.decision_within)(&dec.prompt, &lang.duration(limit));
    let Some(x) = decisions.iter().find(|x| x.id == dec.id) else {
        return Assessment::not_assessable(text, say.not_posed);
    };
    // The decision-default finding states the same fact as the criterion's detail,
    // so it is not quoted as a root cause.
    let causes = Vec::new();
    // The time allowed counts from when the decision was asked: from when someone
    // acting for its role knew, as its deadline does.
    match x.latency {
        Some(latency) => {
            let miss = (latency - limit).max(0) as f64 / limit.max(1) as f64;
            Assessment::new(text, Some(latency <= limit), x.outcome_text.clone(), miss, causes)
        }
        // Nobody answered: a miss in full, never a narrow one, once the time
        // allowed has passed within the exercise.
        None if x.resolved_at.is_some() || end - x.asked_at.unwrap_or(x.posed_at) > limit => {
            Assessment::new(text, Some(false), x.outcome_text.clone(), 1.0, causes)
        }
        None => open_at_end(text, say.no_answer, r, lang),
    }
}

/// What explains a missed criterion: the assessment's own reason when it has one, else
/// the findings of the kinds and subjects it names, quoted by title, unless the title only
/// restates this criterion (a missed RTO); then its detail says why.
fn root_causes<'a>(
    findings: &'a [Finding],
    causes: &[(FindingKind, String)],
    because: Option<&'a str>,
) -> Vec<&'a str> {
    if let Some(because) = because {
        return vec![because];
    }
    findings
        .iter()
        .filter(|f| causes.iter().any(|(kind, subject)| f.kind == *kind && (subject == ANY || f.subject == *subject)))
        .map(|f| if f.kind.title_restates_its_criterion() { f.detail.as_str() } else { f.title.as_str() })
        .collect()
}

/// Rates every objective.
pub fn rate(
    m: &Model,
    r: &Results,
    decisions: &[DecisionScore],
    findings: &[Finding],
    lang: Lang,
) -> Vec<ObjectiveScore> {
    let say = &lang.catalogue().ratings;
    m.objectives
        .iter()
        .map(|o| {
            let mut criteria = Vec::new();
            let mut strengths = Vec::new();
            let mut improvements = Vec::new();
            let mut not_assessed = Vec::new();
            let mut misses = Vec::new();
            for &c in &o.criteria {
                let Assessment { text, met, detail, miss, causes, because } = assess(m, r, decisions, c, lang);
                match met {
                    Some(true) => strengths.push((say.criterion)(&text, &detail)),
                    Some(false) => {
                        misses.push(miss);
                        let explained = root_causes(findings, &causes, because.as_deref());
                        improvements.push(if explained.is_empty() {
                            (say.criterion)(&text, &detail)
                        } else {
                            (say.criterion_caused)(&text, &detail, &(say.root_cause)(&explained))
                        });
                    }
                    None => not_assessed.push((say.criterion)(&text, &detail)),
                }
                criteria.push(CriterionScore { text, met, detail });
            }
            let assessed = criteria.iter().filter(|c| c.met.is_some()).count();
            let met = criteria.iter().filter(|c| c.met == Some(true)).count();
            let (rating, reason) = if assessed == 0 {
                let mut why: Vec<&str> = Vec::new();
                for c in &criteria {
                    if !why.contains(&c.detail.as_str()) {
                        why.push(&c.detail);
                    }
                }
                (None, (say.not_rated)(&why))
            } else if met == assessed {
                (Some(Rating::P), (say.all_met)(met, assessed))
            } else if misses.len() == 1 && misses[0] <= 0.25 {
                (Some(Rating::S), (say.narrowly_missed)(met, assessed))
            } else if met * 2 >= assessed {
                (Some(Rating::M), (say.some_met)(met, assessed))
            } else {
                (Some(Rating::U), (say.some_met)(met, assessed))
            };
            let unassessed = criteria.len() - assessed;
            let reason = if rating.is_some() && unassessed > 0 {
                reason + (say.partly_assessed)(unassessed).as_str()
            } else {
                reason
            };
            ObjectiveScore {
                id: o.id.clone(),
                text: o.text.clone(),
                capability: o.capability.clone(),
                rating,
                reason,
                criteria,
                strengths,
                improvements,
                not_assessed,
            }
        })
        .collect()
}
