//! Lines exercises up, oldest first, and says what changed from each one's reference
//! (the previous exercise, or the baseline): per function, response times, objective
//! ratings, findings, the earlier exercises' improvement items, the plan, and the
//! regressions among them.

use std::collections::{BTreeMap, BTreeSet};

use super::COMPARISON_SCHEMA_VERSION;
use super::exercise::Exercise;
use super::model::*;
use super::plan_diff::diff;
use super::read::finding_subject;
use crate::lang::Lang;

/// Compares `exercises` (already in order); each is compared with `baseline` when
/// given, else with the latest earlier exercise of the same scenario. Exercises of
/// different scenarios are never each other's reference: their figures stand side by
/// side, and no change or regression is claimed between them.
pub fn compare(exercises: &[Exercise], baseline: Option<usize>, lang: Lang) -> Comparison {
    let same = |j: usize, k: usize| same_scenario(&exercises[j], &exercises[k]);
    let reference: Vec<Option<usize>> = (0..exercises.len())
        .map(|k| match baseline {
            Some(b) if b != k && same(b, k) => Some(b),
            Some(_) => None,
            None => (0..k).rev().find(|&j| same(j, k)),
        })
        .collect();
    let functions = function_trends(exercises, &reference);
    let response = delay_trends(exercises);
    let objectives = super::objectives::trends(exercises);
    let findings = finding_trends(exercises);
    let mut regressions = Vec::new();
    super::regressions::collect(&mut regressions, &reference, &functions, &response, &objectives, &findings);
    Comparison {
        schema_version: COMPARISON_SCHEMA_VERSION,
        lang,
        exercises: exercises.iter().map(info).collect(),
        same_scenario: exercises.windows(2).all(|w| same_scenario(&w[0], &w[1])),
        not_covered: not_covered(&functions, &objectives),
        regressions,
        improvement_items: improvement_items(exercises),
        plan_changes: plan_steps(exercises, baseline),
        reference,
        functions,
        response,
        objectives,
        findings,
    }
}

fn info(e: &Exercise) -> ExerciseInfo {
    ExerciseInfo {
        name: e.name.clone(),
        date: e.report.date().map(str::to_owned),
        scenario_id: e.report.overview.scenario_id.clone(),
        title: e.report.overview.title.clone(),
        seed: e.report.record.as_ref().map(|r| r.seed).or(e.report.overview.seed),
    }
}

fn function_trends(exercises: &[Exercise], reference: &[Option<usize>]) -> Vec<FunctionTrend> {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for e in exercises {
        for f in &e.report.functions {
            names.insert(f.id.clone(), f.name.clone());
        }
    }
    names
        .into_iter()
        .map(|(id, name)| {
            let raw: Vec<Option<&super::read::FunctionView>> =
                exercises.iter().map(|e| e.report.functions.iter().find(|f| f.id == id)).collect();
            let points = raw
                .iter()
                .enumerate()
                .map(|(k, f)| {
                    let f = (*f)?;
                    let before = reference[k].and_then(|r| raw[r]);
                    let change = before.and_then(|b| Some(f.back_after? - b.back_after?));
                    let target_changes = before.map(|b| target_changes(b, f)).unwrap_or_default();
                    Some(FunctionPoint {
                        rto: f.rto,
                        mtd: f.mtd,
                        rpo: f.rpo,
                        disrupted: f.disrupted,
                        back_after: f.back_after,
                        rto_met: f.rto_met,
                        mtd_met: f.mtd_met,
                        data_lost: f.data_lost,
                        rpo_met: f.rpo_met,
                        change,
                        target_changes,
                    })
                })
                .collect();
            FunctionTrend { id, name, points }
        })
        .collect()
}

fn target_changes(old: &super::read::FunctionView, new: &super::read::FunctionView) -> Vec<TargetChange> {
    [("rto", old.rto, new.rto), ("mtd", old.mtd, new.mtd), ("rpo", old.rpo, new.rpo)]
        .into_iter()
        .filter(|(_, o, n)| o != n)
        .map(|(target, old, new)| TargetChange { target, old, new })
        .collect()
}

fn delay_trends(exercises: &[Exercise]) -> Vec<DelayTrend> {
    let mut trends = vec![
        DelayTrend {
            measure: Measure::Declared,
            name: String::new(),
            values: exercises.iter().map(|e| e.report.declaration.as_ref().and_then(|d| d.after)).collect(),
        },
        DelayTrend {
            measure: Measure::CallTreeComplete,
            name: String::new(),
            values: exercises.iter().map(|e| e.report.call_tree_complete()).collect(),
        },
    ];
    let mut stakeholders: BTreeMap<String, String> = BTreeMap::new();
    for e in exercises {
        for s in &e.report.stakeholders {
            stakeholders.insert(s.id.clone(), s.name.clone());
        }
    }
    for (id, name) in stakeholders {
        let values =
            exercises.iter().map(|e| e.report.stakeholders.iter().find(|s| s.id == id).and_then(|s| s.after)).collect();
        trends.push(DelayTrend { measure: Measure::Stakeholder(id), name, values });
    }
    let link = |n: &super::read::NotificationView| format!("{} → {}", n.from, n.to);
    let links: BTreeSet<String> = exercises.iter().flat_map(|e| e.report.notifications.iter().map(link)).collect();
    for key in links {
        let values = exercises
            .iter()
            .map(|e| e.report.notifications.iter().find(|n| link(n) == key).and_then(|n| n.delay))
            .collect();
        trends.push(DelayTrend { measure: Measure::Link(key.clone()), name: key, values });
    }
    let decisions: BTreeSet<&str> =
        exercises.iter().flat_map(|e| e.report.decisions.iter().map(|d| d.id.as_str())).collect();
    for id in decisions {
        let values =
            exercises.iter().map(|e| e.report.decisions.iter().find(|d| d.id == id).and_then(|d| d.latency)).collect();
        trends.push(DelayTrend { measure: Measure::Decision(id.to_owned()), name: id.to_owned(), values });
    }
    trends
}

fn finding_ids(e: &Exercise) -> BTreeSet<&str> {
    e.report.findings.iter().map(|f| f.id.as_str()).collect()
}

/// Each finding's status per exercise: new, recurring (found before), and while it is
/// open, resolved or not put to the test.
fn finding_trends(exercises: &[Exercise]) -> Vec<FindingTrend> {
    let mut titles: BTreeMap<String, String> = BTreeMap::new();
    for e in exercises {
        for f in &e.report.findings {
            titles.insert(f.id.clone(), f.title.clone());
        }
    }
    let ids: Vec<BTreeSet<&str>> = exercises.iter().map(finding_ids).collect();
    titles
        .into_iter()
        .map(|(id, title)| {
            let subject = finding_subject(&id);
            let mut status: Vec<Option<FindingStatus>> = Vec::with_capacity(exercises.len());
            for k in 0..exercises.len() {
                let here = ids[k].contains(id.as_str());
                let earlier = ids[..k].iter().any(|s| s.contains(id.as_str()));
                // Still open: found earlier and not shown resolved since.
                let open = status.iter().rev().flatten().next().is_some_and(|s| *s != FindingStatus::Resolved);
                status.push(match (here, earlier, open) {
                    (true, true, _) => Some(FindingStatus::Recurring),
                    (true, false, _) => Some(FindingStatus::New),
                    (false, _, true) if retests(&exercises[k], subject, &exercises[..k], &id) => {
                        Some(FindingStatus::Resolved)
                    }
                    (false, _, true) => Some(FindingStatus::NotRetested),
                    (false, _, false) => None,
                });
            }
            FindingTrend { id, title, status }
        })
        .collect()
}

/// Whether `exercise` put a finding about `subject` to the test again: it played the
/// scenario of an earlier exercise that found it, and its event log touched the
/// subject. Another scenario may never meet the conditions that caused it, and the same
/// scenario may draw another course (another supplier failing first).
fn retests(exercise: &Exercise, subject: &str, earlier: &[Exercise], finding: &str) -> bool {
    exercise.exercised.contains(subject)
        && earlier.iter().any(|e| same_scenario(e, exercise) && e.report.findings.iter().any(|f| f.id == finding))
}

fn same_scenario(a: &Exercise, b: &Exercise) -> bool {
    a.report.overview.scenario_id == b.report.overview.scenario_id
}

/// Per exercise, the functions and objectives another exercise covered and it did not.
fn not_covered(functions: &[FunctionTrend], objectives: &[ObjectiveTrend]) -> Vec<NotCovered> {
    let count = functions.first().map(|f| f.points.len()).or(objectives.first().map(|o| o.ids.len()));
    let disrupted = |f: &FunctionTrend, k: usize| f.points[k].as_ref().is_some_and(|p| p.disrupted);
    (0..count.unwrap_or(0))
        .map(|k| NotCovered {
            exercise: k,
            functions: functions
                .iter()
                .filter(|f| !disrupted(f, k) && (0..f.points.len()).any(|j| disrupted(f, j)))
                .map(|f| f.id.clone())
                .collect(),
            objectives: objectives.iter().filter(|o| o.ids[k].is_none()).map(|o| o.id.clone()).collect(),
        })
        .filter(|n| !n.functions.is_empty() || !n.objectives.is_empty())
        .collect()
}

/// Each item of every exercise but the last, judged by the exercises after it: not yet
/// due when its completion date is after the last one; not effective when its finding
/// was found in a later exercise on or after that date; else closed. Dates are ISO
/// (`YYYY-MM-DD`), so their text orders as the days do.
fn improvement_items(exercises: &[Exercise]) -> Vec<ItemOutcome> {
    let Some(last) = exercises.last() else { return Vec::new() };
    let last_date = last.report.date().unwrap_or_default();
    let mut out = Vec::new();
    for (j, e) in exercises.iter().enumerate().take(exercises.len().saturating_sub(1)) {
        for item in &e.report.improvement_plan {
            let due = item.due.as_deref().unwrap_or_default();
            let since_due: Vec<&Exercise> =
                exercises[j + 1..].iter().filter(|later| later.report.date().unwrap_or_default() >= due).collect();
            let came_back = since_due.iter().any(|later| later.report.findings.iter().any(|f| f.id == item.finding));
            let retested = since_due
                .iter()
                .any(|later| retests(later, finding_subject(&item.finding), std::slice::from_ref(e), &item.finding));
            let status = if due > last_date {
                ItemStatus::NotYetDue
            } else if came_back {
                ItemStatus::NotEffective
            } else if retested {
                ItemStatus::Closed
            } else {
                ItemStatus::NotRetested
            };
            out.push(ItemOutcome {
                exercise: j,
                number: item.number.clone(),
                finding: item.finding.clone(),
                corrective_action: item.corrective_action.clone(),
                due: item.due.clone(),
                status,
            });
        }
    }
    out
}

/// The plan diff from the exercise before each one (or from the baseline): plans change
/// between exercises whatever scenario each played.
fn plan_steps(exercises: &[Exercise], baseline: Option<usize>) -> Vec<PlanStep> {
    (0..exercises.len())
        .filter_map(|k| {
            let r = match baseline {
                Some(b) if b != k => b,
                Some(_) => return None,
                None => k.checked_sub(1)?,
            };
            let diff = match (&exercises[r].plan, &exercises[k].plan) {
                (Some(old), Some(new)) => Some(diff(old, new)),
                _ => None,
            };
            Some(PlanStep { from: r, to: k, diff })
        })
        .collect()
}
