//! Objectives across exercises: matched by id, and where ids differ (another scenario,
//! or a rewritten one) by the capability they exercise, so that "operational
//! communications" is followed from year to year whatever each scenario called it.

use std::collections::BTreeMap;

use super::exercise::Exercise;
use super::model::ObjectiveTrend;

/// One trend per objective id, then trends of different ids merged when they exercise
/// the same capability and never appear in the same exercise: two objectives of one
/// capability in one exercise cannot be told apart, so those stay by id.
pub fn trends(exercises: &[Exercise]) -> Vec<ObjectiveTrend> {
    let mut by_id: BTreeMap<String, ObjectiveTrend> = BTreeMap::new();
    for (k, e) in exercises.iter().enumerate() {
        for o in &e.report.objectives {
            let trend = by_id.entry(o.id.clone()).or_insert_with(|| ObjectiveTrend {
                id: o.id.clone(),
                text: String::new(),
                capability: None,
                matched_by_capability: false,
                ids: vec![None; exercises.len()],
                ratings: vec![None; exercises.len()],
            });
            trend.text.clone_from(&o.text);
            if let Some(c) = o.capability.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                trend.capability = Some(c.to_owned());
            }
            trend.ids[k] = Some(o.id.clone());
            trend.ratings[k].clone_from(&o.rating);
        }
    }
    merge_by_capability(by_id.into_values().collect())
}

/// The key two capabilities match by: case and surrounding space do not matter.
fn capability_key(trend: &ObjectiveTrend) -> Option<String> {
    trend.capability.as_deref().map(|c| c.trim().to_lowercase())
}

fn merge_by_capability(trends: Vec<ObjectiveTrend>) -> Vec<ObjectiveTrend> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, t) in trends.iter().enumerate() {
        if let Some(key) = capability_key(t) {
            groups.entry(key).or_default().push(i);
        }
    }
    let mut merged_into: BTreeMap<usize, usize> = BTreeMap::new();
    for members in groups.values().filter(|m| m.len() > 1) {
        let overlaps = (0..trends[members[0]].ids.len())
            .any(|k| members.iter().filter(|&&i| trends[i].ids[k].is_some()).count() > 1);
        if overlaps {
            continue;
        }
        // The group is named after the objective of the latest exercise that has one.
        let latest = |i: &usize| trends[*i].ids.iter().rposition(Option::is_some);
        let Some(&keep) = members.iter().max_by_key(|i| latest(i)) else { continue };
        for &i in members.iter().filter(|&&i| i != keep) {
            merged_into.insert(i, keep);
        }
    }
    let mut out: Vec<Option<ObjectiveTrend>> = trends.into_iter().map(Some).collect();
    for (&from, &into) in &merged_into {
        let Some(part) = out[from].take() else { continue };
        if let Some(target) = out[into].as_mut() {
            target.matched_by_capability = true;
            for (k, id) in part.ids.into_iter().enumerate() {
                if id.is_some() {
                    target.ids[k] = id;
                    target.ratings[k].clone_from(&part.ratings[k]);
                }
            }
        }
    }
    out.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::read::{ObjectiveView, ReportView};

    fn exercise(objectives: &[(&str, &str, &str)]) -> Exercise {
        let report = ReportView {
            objectives: objectives
                .iter()
                .map(|(id, capability, rating)| ObjectiveView {
                    id: (*id).to_owned(),
                    text: format!("{id} text"),
                    rating: Some((*rating).to_owned()),
                    capability: Some((*capability).to_owned()),
                })
                .collect(),
            ..ReportView::default()
        };
        Exercise::new("e".to_owned(), report, None, None)
    }

    #[test]
    fn objectives_of_one_capability_in_one_exercise_stay_apart() {
        // The second exercise has two communications objectives: which of them follows
        // `notify` cannot be told, so none is matched to it.
        let trends = trends(&[
            exercise(&[("notify", "Communications", "P")]),
            exercise(&[("tell-staff", "communications ", "S"), ("tell-press", "Communications", "M")]),
        ]);
        let ids: Vec<&str> = trends.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["notify", "tell-press", "tell-staff"]);
        assert!(trends.iter().all(|t| !t.matched_by_capability));
    }

    #[test]
    fn capabilities_match_whatever_their_case_and_spacing() {
        let trends =
            trends(&[exercise(&[("notify", "Communications", "P")]), exercise(&[("tell", " communications", "S")])]);
        assert_eq!(trends.len(), 1);
        assert_eq!(trends[0].ids, [Some("notify".to_owned()), Some("tell".to_owned())]);
        assert_eq!(trends[0].ratings, [Some("P".to_owned()), Some("S".to_owned())]);
    }
}
