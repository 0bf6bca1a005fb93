//! What got worse from an exercise's reference to it, most important first: a finding
//! that came back, a function that met its RTO and now misses it, an objective whose
//! rating dropped, a delay that grew by more than a quarter.

use super::model::{DelayTrend, FindingStatus, FindingTrend, FunctionTrend, ObjectiveTrend, Regression};

/// A delay counts as grown past `old × (1 + GROWTH_NUM / GROWTH_DEN)`: 25 %.
const GROWTH_NUM: i64 = 1;
const GROWTH_DEN: i64 = 4;
/// ... and by at least a minute: reports show delays to the minute, and a notice sent
/// after 2 minutes instead of 1m 30s is not a regression anyone can act on.
const MIN_GROWTH: i64 = 60;

/// HSEEP ratings, best first; a rating further down the list is a drop.
const RATING_ORDER: [&str; 4] = ["P", "S", "M", "U"];

/// Appends every regression, in the order a reader should see them.
pub fn collect(
    out: &mut Vec<Regression>,
    reference: &[Option<usize>],
    functions: &[FunctionTrend],
    delays: &[DelayTrend],
    objectives: &[ObjectiveTrend],
    findings: &[FindingTrend],
) {
    for f in findings {
        for (k, status) in f.status.iter().enumerate() {
            if *status == Some(FindingStatus::Recurring) {
                out.push(Regression::RecurringFinding { exercise: k, id: f.id.clone(), title: f.title.clone() });
            }
        }
    }
    for (k, r) in reference.iter().enumerate() {
        let Some(r) = *r else { continue };
        for f in functions {
            let met = |i: usize| f.points[i].as_ref().and_then(|p| p.rto_met);
            if met(r) == Some(true) && met(k) == Some(false) {
                out.push(Regression::RtoNowMissed { exercise: k, reference: r, function: f.name.clone() });
            }
        }
        for o in objectives {
            if let (Some(old), Some(new)) = (&o.ratings[r], &o.ratings[k])
                && rank(new) > rank(old)
            {
                let (old, new) = (old.clone(), new.clone());
                out.push(Regression::RatingDropped { exercise: k, objective: o.id.clone(), old, new });
            }
        }
        for d in delays {
            if let (Some(old), Some(new)) = (d.values[r], d.values[k])
                && grew(old, new)
            {
                let (measure, name) = (d.measure.clone(), d.name.clone());
                out.push(Regression::DelayGrew { exercise: k, measure, name, old, new });
            }
        }
    }
}

fn rank(rating: &str) -> usize {
    RATING_ORDER.iter().position(|r| *r == rating).unwrap_or(RATING_ORDER.len())
}

/// Grew by more than 25 %, in integers (`new × 4 > old × 5`), and by a minute or more.
fn grew(old: i64, new: i64) -> bool {
    new.saturating_mul(GROWTH_DEN) > old.saturating_mul(GROWTH_DEN + GROWTH_NUM)
        && new.saturating_sub(old) >= MIN_GROWTH
}
