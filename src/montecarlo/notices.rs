//! Reaching people, replica by replica: how long each call-tree link took and how long
//! each stakeholder waited for their notice, and how often each was within its
//! deadline. Counted like every tally: sums and minima only.

use super::histogram::Durations;
use super::stats::Count;
use crate::compile::Model;
use crate::ids::Id;
use crate::outcome::Outcome;
use crate::results::Results;

/// One call-tree link or one stakeholder notice, over the replicas in which its clock
/// started (the link was called; a disruption started the stakeholder's deadline).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NoticeTally {
    /// Within the deadline, of the replicas where that could be judged (a deadline
    /// still running when the exercise ended is not judged).
    pub within_deadline: Count,
    /// Seconds from the clock's start to the person reached or the notice delivered
    /// (`never`: not by the end).
    pub delay: Durations,
}

impl NoticeTally {
    pub(super) fn merge(&mut self, other: &NoticeTally) {
        self.within_deadline.merge(other.within_deadline);
        self.delay.merge(&other.delay);
    }

    fn add(&mut self, delay: Option<i64>, within: Option<bool>) {
        self.delay.add(delay);
        if let Some(met) = within {
            self.within_deadline.add(met);
        }
    }
}

/// Counts each link's first notification in this replica, from the moment its caller
/// began (the link's deadline counts from then) to the moment its role was reached.
pub(super) fn observe_links(links: &mut [NoticeTally], outcome: &Outcome, results: &Results) {
    let mut seen = vec![false; links.len()];
    for (n, r) in outcome.notifications.iter().zip(&results.notifications) {
        let Some(link) = n.link else { continue };
        let i = link.index();
        if i >= links.len() || std::mem::replace(&mut seen[i], true) {
            continue;
        }
        links[i].add(r.reached_at.map(|t| t - r.started_at), r.within_deadline);
    }
}

/// Counts each stakeholder's notice, from the first disruption (when its deadline
/// starts) to its delivery.
pub(super) fn observe_stakeholders(tallies: &mut [NoticeTally], model: &Model, outcome: &Outcome, results: &Results) {
    let Some(start) = results.disruption_at else { return };
    for (s, r) in outcome.stakeholders.iter().zip(&results.stakeholders) {
        let i = s.stakeholder.index();
        if i >= tallies.len() || i >= model.stakeholders.len() || s.deadline_at.is_none() {
            continue;
        }
        tallies[i].add(r.notified_at.map(|t| t - start), r.within_deadline);
    }
}
