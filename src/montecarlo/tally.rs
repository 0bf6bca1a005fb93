//! What a study counts, replica by replica: fixed-size tallies whose merge is a sum (or
//! a minimum), so that any split of the replicas over threads gives the same aggregate.
//! Serde derives make a partial aggregate (`montecarlo.partial.json`) the tally itself,
//! so a field added here is stored and merged with no list to keep in step.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::drivers::{self, DriverTally};
use super::histogram::Durations;
use super::notices::{self, NoticeTally};
use super::stats::Count;
use crate::compile::Model;
use crate::outcome::Outcome;
use crate::results::Results;
use crate::score::{Lang, Rating};

/// One function's tally, over the replicas in which it was disrupted (its first outage).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctionTally {
    /// Back within the RTO, of the replicas where that could be judged.
    pub within_rto: Count,
    /// Back within the MTD, likewise.
    pub within_mtd: Count,
    /// Data lost within the RPO.
    pub within_rpo: Count,
    /// Not back when the exercise ended.
    pub not_back: Count,
    /// Seconds from the outage to recovery (`never`: not back).
    pub back_after: Durations,
    /// Seconds of data lost (`never`: no copy could be restored).
    pub data_lost: Durations,
    /// What was on the critical path of its misses, and each sampled input's sums with
    /// back-after.
    pub drivers: DriverTally,
}

/// Everything a study counts; the same for any order and split of its replicas.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aggregate {
    /// Replicas counted.
    pub runs: u64,
    /// Per function, in the plan's order.
    pub functions: Vec<FunctionTally>,
    /// Seconds from the first disruption to the declaration (`never`: not declared).
    pub declaration: Durations,
    /// Seconds from the first disruption until every call-tree role was reached.
    pub call_tree: Durations,
    /// Per call-tree link, in the plan's order: from its caller starting to its role reached.
    pub links: Vec<NoticeTally>,
    /// Per stakeholder, in the plan's order: from the first disruption to the notice.
    pub stakeholders: Vec<NoticeTally>,
    /// Replicas in which each finding id occurred.
    pub findings: BTreeMap<String, u64>,
    /// Per objective, in the scenario's order: replicas rated P, S, M, U, not rated.
    pub ratings: Vec<[u64; 5]>,
    /// Input sums counted but not yet in the functions' tallies: empty once
    /// [`settle`](Aggregate::settle)d, which `play` does before anything reads them.
    /// Workers' aggregates merge these as they are and settle once at the end.
    #[serde(skip)]
    pub pending: drivers::PendingInputs,
}

impl Aggregate {
    /// An empty aggregate shaped for `model`.
    pub fn new(model: &Model) -> Self {
        Aggregate {
            functions: vec![FunctionTally::default(); model.functions.len()],
            ratings: vec![[0; 5]; model.objectives.len()],
            links: vec![NoticeTally::default(); model.call_tree.as_ref().map_or(0, |t| t.links.len())],
            stakeholders: vec![NoticeTally::default(); model.stakeholders.len()],
            ..Aggregate::default()
        }
    }

    /// Counts one replica.
    pub fn observe(&mut self, model: &Model, outcome: &Outcome, results: &Results, lang: Lang) {
        self.runs += 1;
        for (tally, f) in self.functions.iter_mut().zip(&results.functions) {
            let Some(o) = f.outages.first() else { continue };
            if let Some(met) = o.within_rto {
                tally.within_rto.add(met);
            }
            if let Some(met) = o.within_mtd {
                tally.within_mtd.add(met);
            }
            tally.within_rpo.add(o.within_rpo);
            tally.not_back.add(o.back_after.is_none());
            tally.back_after.add(o.back_after);
            tally.data_lost.add(o.data_lost);
        }
        if results.disruption_at.is_some() {
            self.declaration.add(results.declaration.as_ref().and_then(|d| d.after_disruption));
        }
        if let Some(after) = call_tree_completion(model, outcome, results) {
            self.call_tree.add(after);
        }
        let tallies = self.functions.iter_mut().map(|f| &mut f.drivers);
        drivers::observe(tallies, &mut self.pending, model, outcome, results);
        notices::observe_links(&mut self.links, outcome, results);
        notices::observe_stakeholders(&mut self.stakeholders, model, outcome, results);
        let (findings, objectives) = crate::score::findings_and_ratings(model, outcome, results, lang);
        for f in findings {
            *self.findings.entry(f.id).or_insert(0) += 1;
        }
        for (counts, o) in self.ratings.iter_mut().zip(&objectives) {
            let slot = match o.rating {
                Some(Rating::P) => 0,
                Some(Rating::S) => 1,
                Some(Rating::M) => 2,
                Some(Rating::U) => 3,
                None => 4,
            };
            counts[slot] += 1;
        }
    }

    /// Hands the pending input sums to the functions' tallies: once per study, when its
    /// workers' aggregates are merged, rather than once per replica.
    pub fn settle(&mut self) {
        self.pending.settle(self.functions.iter_mut().map(|f| &mut f.drivers));
    }

    /// Adds another aggregate of the same study: sums and minima only, so merging in any
    /// order gives the same aggregate; pending input sums are merged as pending.
    pub fn merge(&mut self, other: &Aggregate) {
        self.pending.merge(&other.pending);
        self.runs += other.runs;
        for (a, b) in self.functions.iter_mut().zip(&other.functions) {
            a.within_rto.merge(b.within_rto);
            a.within_mtd.merge(b.within_mtd);
            a.within_rpo.merge(b.within_rpo);
            a.not_back.merge(b.not_back);
            a.back_after.merge(&b.back_after);
            a.data_lost.merge(&b.data_lost);
            a.drivers.merge(&b.drivers);
        }
        self.declaration.merge(&other.declaration);
        self.call_tree.merge(&other.call_tree);
        for (a, b) in self.links.iter_mut().zip(&other.links) {
            a.merge(b);
        }
        for (a, b) in self.stakeholders.iter_mut().zip(&other.stakeholders) {
            a.merge(b);
        }
        for (id, n) in &other.findings {
            *self.findings.entry(id.clone()).or_insert(0) += n;
        }
        for (a, b) in self.ratings.iter_mut().zip(&other.ratings) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
    }
}

/// When every role the call tree calls was first reached, in seconds after the first
/// disruption: `Some(None)` when some role never was; `None` when there is no call tree
/// or no disruption, so nothing to judge.
fn call_tree_completion(model: &Model, outcome: &Outcome, results: &Results) -> Option<Option<i64>> {
    let start = results.disruption_at?;
    let tree = model.call_tree.as_ref()?;
    let mut first: BTreeMap<&str, Option<i64>> =
        tree.links.iter().map(|l| (model.roles[l.to].id.as_str(), None)).collect();
    if first.is_empty() {
        return None;
    }
    for (n, r) in outcome.notifications.iter().zip(&results.notifications) {
        if let (Some(_), Some(t), Some(slot)) = (n.link, r.reached_at, first.get_mut(r.to_role.as_str())) {
            *slot = Some(slot.map_or(t, |s| s.min(t)));
        }
    }
    let last = first.values().try_fold(start, |latest, t| t.map(|t| latest.max(t)));
    Some(last.map(|t| t - start))
}
