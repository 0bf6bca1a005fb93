//! What drives the misses, counted replica by replica from the outcome: what was on the
//! critical path of each RTO miss (the hold-up a single run's finding names), and the
//! streaming sums that give each sampled input's correlation with back-after. Every sum
//! is an integer, so any split of the replicas gives the same bytes.

use std::collections::BTreeMap;

use crate::compile::Model;
use crate::outcome::{Outcome, StepHold};
use crate::results::{OutageResult, Results};
use crate::score::holdup::{HoldUp, hold_up};

/// Sums for Pearson's r between an input `x` and back-after `y`, in whole seconds:
/// exact in `i128` for any realistic study, so merging is exact and order-free.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Moments {
    /// Replicas in which both were measured.
    pub n: u64,
    /// Σx.
    pub sx: i128,
    /// Σy.
    pub sy: i128,
    /// Σx².
    pub sxx: i128,
    /// Σy².
    pub syy: i128,
    /// Σxy.
    pub sxy: i128,
}

impl Moments {
    fn add(&mut self, x: i64, y: i64) {
        let (x, y) = (i128::from(x), i128::from(y));
        self.n += 1;
        self.sx += x;
        self.sy += y;
        self.sxx += x * x;
        self.syy += y * y;
        self.sxy += x * y;
    }

    /// Sums: order-independent.
    pub fn merge(&mut self, o: &Moments) {
        // Saturating: real sums are far from the bounds (see `partial::moments_ok`), and
        // merged shard files must not be able to make them overflow.
        self.n = self.n.saturating_add(o.n);
        self.sx = self.sx.saturating_add(o.sx);
        self.sy = self.sy.saturating_add(o.sy);
        self.sxx = self.sxx.saturating_add(o.sxx);
        self.syy = self.syy.saturating_add(o.syy);
        self.sxy = self.sxy.saturating_add(o.sxy);
    }

    /// Pearson's r; `None` when either side never varied (or fewer than two replicas).
    /// Numerator and variances are exact integers; only the last division is floating.
    pub fn correlation(&self) -> Option<f64> {
        let n = i128::from(self.n);
        let cov = n.checked_mul(self.sxy)?.checked_sub(self.sx.checked_mul(self.sy)?)?;
        let vx = n.checked_mul(self.sxx)?.checked_sub(self.sx.checked_mul(self.sx)?)?;
        let vy = n.checked_mul(self.syy)?.checked_sub(self.sy.checked_mul(self.sy)?)?;
        if vx <= 0 || vy <= 0 {
            return None;
        }
        let r = cov as f64 / (libm::sqrt(vx as f64) * libm::sqrt(vy as f64));
        Some(r.clamp(-1.0, 1.0))
    }
}

/// One function's drivers.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DriverTally {
    /// Per miss, what was on its critical path, keyed `kind:id` (see [`critical_path`]):
    /// how many misses named it.
    pub critical: BTreeMap<String, u64>,
    /// Per sampled input, keyed as [`sampled_inputs`] names it: its sums with back-after.
    pub inputs: BTreeMap<String, Moments>,
}

impl DriverTally {
    /// Sums per key: order-independent.
    pub fn merge(&mut self, other: &DriverTally) {
        // A key is cloned only when it is new here: on a large plan a tally holds
        // thousands of inputs per function, and merges would otherwise allocate them all.
        for (k, n) in &other.critical {
            match self.critical.get_mut(k) {
                Some(mine) => *mine += n,
                None => {
                    self.critical.insert(k.clone(), *n);
                }
            }
        }
        for (k, m) in &other.inputs {
            match self.inputs.get_mut(k) {
                Some(mine) => mine.merge(m),
                None => {
                    self.inputs.insert(k.clone(), *m);
                }
            }
        }
    }
}

/// Input sums not yet handed to the functions' tallies, laid out by input with every
/// function's sums side by side: a replica of a large plan adds thousands of inputs to
/// each of hundreds of functions, and a walk through one map per function for each
/// replica was what a study of such a plan spent its time (and both threads' share of
/// the cache) on. [`PendingInputs::settle`] hands them over; the sums are the same.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PendingInputs {
    /// Each input's row in `sums`.
    rows: BTreeMap<String, usize>,
    /// Per input row, per function (in the plan's order): the sums so far.
    sums: Vec<Vec<Moments>>,
}

impl PendingInputs {
    fn add(&mut self, inputs: &[(String, i64)], ys: &[(usize, i64)], functions: usize) {
        for (key, x) in inputs {
            let row = match self.rows.get(key.as_str()) {
                Some(&row) => row,
                None => {
                    self.rows.insert(key.clone(), self.sums.len());
                    self.sums.push(vec![Moments::default(); functions]);
                    self.sums.len() - 1
                }
            };
            let sums = &mut self.sums[row];
            for &(f, y) in ys {
                if let Some(m) = sums.get_mut(f) {
                    m.add(*x, y);
                }
            }
        }
    }

    /// Adds another worker's pending sums: by input, every function's sums side by side,
    /// so merging workers costs as many additions as there are sums and no lookups per
    /// function.
    pub(super) fn merge(&mut self, other: &PendingInputs) {
        for (key, &theirs) in &other.rows {
            let Some(their_sums) = other.sums.get(theirs) else { continue };
            let row = match self.rows.get(key.as_str()) {
                Some(&row) => row,
                None => {
                    self.rows.insert(key.clone(), self.sums.len());
                    self.sums.push(vec![Moments::default(); their_sums.len()]);
                    self.sums.len() - 1
                }
            };
            for (mine, theirs) in self.sums[row].iter_mut().zip(their_sums) {
                mine.merge(theirs);
            }
        }
    }

    /// Adds the pending sums into each function's tally and empties them.
    pub(super) fn settle<'a>(&mut self, tallies: impl Iterator<Item = &'a mut DriverTally>) {
        let rows = std::mem::take(&mut self.rows);
        let sums = std::mem::take(&mut self.sums);
        for (f, tally) in tallies.enumerate() {
            for (key, &row) in &rows {
                let Some(m) = sums.get(row).and_then(|r| r.get(f)).filter(|m| m.n > 0) else { continue };
                match tally.inputs.get_mut(key) {
                    Some(mine) => mine.merge(m),
                    None => {
                        tally.inputs.insert(key.clone(), *m);
                    }
                }
            }
        }
    }
}

/// Counts one replica into every function's drivers: the critical path of each miss
/// at once, the input sums into `pending`.
pub(super) fn observe<'a>(
    tallies: impl Iterator<Item = &'a mut DriverTally>,
    pending: &mut PendingInputs,
    model: &Model,
    outcome: &Outcome,
    results: &Results,
) {
    let inputs = sampled_inputs(model, outcome, results);
    let declared = results.declaration.as_ref().map(|d| d.at);
    let mut ys = Vec::new();
    for (k, ((tally, f), fr)) in tallies.zip(&model.functions).zip(&results.functions).enumerate() {
        let Some(o) = fr.outages.first() else { continue };
        if o.within_rto == Some(false) {
            for key in critical_path(o, f.rto, declared, results.ended_at) {
                *tally.critical.entry(key).or_insert(0) += 1;
            }
        }
        // Not back: down until the end, the least it took.
        ys.push((k, o.back_after.unwrap_or(results.ended_at - o.start)));
    }
    pending.add(&inputs, &ys, model.functions.len());
}

/// What held a missed recovery up, as keys: `declaration`; `step:ID` with what kept
/// that step waiting (`system:ID`, `channel:ID`, `role:ID` nobody acting,
/// `handover:ROLE`, `busy:PERSON` or `busy:ROLE` when it never started,
/// `more-urgent:ROLE`); `dependency:KIND:ID` still down after the procedure; or, when
/// nothing waited, `step:ID` of the longest step with `runbook:ID` when its runbook was
/// out of reach (the delay is inside the step), else `duration`.
pub(super) fn critical_path(o: &OutageResult, rto: i64, declared: Option<i64>, end: i64) -> Vec<String> {
    let step_of = |id: &str| o.steps.iter().find(|s| s.id == id);
    match hold_up(o, rto, declared, end) {
        HoldUp::Declaration => vec!["declaration".to_owned()],
        HoldUp::Waited { step, why, .. } | HoldUp::NeverStarted { step, why, .. } => {
            let Some(s) = step_of(step) else { return vec![format!("step:{step}")] };
            let cause = match why.map_or(StepHold::RoleUnreachable, |w| w.hold) {
                StepHold::System(_) | StepHold::Channel(_) => {
                    let id = why.and_then(|w| w.id.as_deref()).unwrap_or_default();
                    format!("{}:{id}", why.map_or("system", |w| w.cause))
                }
                StepHold::RoleUnreachable => format!("role:{}", s.role),
                StepHold::Handover => format!("handover:{}", s.role),
                StepHold::Busy => format!("busy:{}", s.person.as_deref().unwrap_or(&s.role)),
                StepHold::MoreUrgent => format!("more-urgent:{}", s.role),
            };
            vec![format!("step:{step}"), cause]
        }
        HoldUp::Dependency { .. } => {
            let last = o.waited_for.iter().max_by_key(|w| w.until.unwrap_or(i64::MAX));
            last.map_or_else(Vec::new, |w| vec![format!("dependency:{}:{}", w.kind, w.id)])
        }
        HoldUp::None => {
            let took = |s: &crate::results::StepResult| Some(s.finished_at.unwrap_or(end) - s.started_at?);
            let longest = o.steps.iter().filter_map(|s| Some((took(s)?, s))).max_by(|a, b| {
                // The first of equally long steps, so the key never depends on ties.
                a.0.cmp(&b.0).then_with(|| b.1.id.cmp(&a.1.id))
            });
            match longest {
                // Its runbook was out of reach: the delay that made the step long.
                Some((_, s)) if s.runbook_delay > 0 => vec![format!("step:{}", s.id), format!("runbook:{}", s.id)],
                Some((_, s)) => vec![format!("step:{}", s.id), "duration".to_owned()],
                None => vec!["duration".to_owned()],
            }
        }
    }
}

/// What this replica drew, as the outcome records it, in seconds: `detection` (first
/// disruption to detection), `link:FROM>TO` (a call-tree link's first call, from its
/// start to its role reached), `step:FUNCTION/STEP` (a step's start to finish in the
/// function's first outage), `script:TITLE` (when an inject a script scheduled was
/// delivered, after the first disruption: scripts draw their timings from the run's
/// generator; digits in the title read `#`).
fn sampled_inputs(model: &Model, outcome: &Outcome, results: &Results) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    if let (Some(d0), Some(det)) = (results.disruption_at, results.detected_at) {
        out.push(("detection".to_owned(), det - d0));
    }
    let mut seen = Vec::new();
    for (n, r) in outcome.notifications.iter().zip(&results.notifications) {
        let (Some(link), Some(at), Some(from)) = (n.link, r.reached_at, r.from_role.as_deref()) else { continue };
        if !seen.contains(&link) {
            seen.push(link);
            out.push((format!("link:{from}>{}", r.to_role), at - r.started_at));
        }
    }
    for (f, fr) in model.functions.iter().zip(&results.functions) {
        let Some(o) = fr.outages.first() else { continue };
        for s in &o.steps {
            if let (Some(start), Some(end)) = (s.started_at, s.finished_at) {
                out.push((format!("step:{}/{}", f.id, s.id), end - start));
            }
        }
    }
    // From the first disruption, as back-after is from the outage.
    let d0 = results.disruption_at.unwrap_or(0);
    for i in &outcome.script_injects {
        out.push((format!("script:{}", without_numbers(&i.title)), i.at - d0));
    }
    // In key order, one value per key: the first of a title a script scheduled twice
    // (the sort is stable, so the first stays first among equal keys).
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|later, first| later.0 == first.0);
    out
}

/// A scripted inject's title with each run of digits as `#`: a script that writes a
/// drawn number into a title (`UPS lasted 17 min`) would otherwise make a new input per
/// replica, and the tally would grow with the study instead of staying flat.
fn without_numbers(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('#') {
            out.push('#');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn correlation_from_integer_sums_matches_the_textbook_values() {
        let mut m = Moments::default();
        for (x, y) in [(1, 2), (2, 4), (3, 6)] {
            m.add(x, y);
        }
        assert_eq!(m.correlation(), Some(1.0));
        let mut m = Moments::default();
        for (x, y) in [(1, 3), (2, 2), (3, 1)] {
            m.add(x, y);
        }
        assert_eq!(m.correlation(), Some(-1.0));
        // x = 1..5, y = 2, 1, 4, 3, 5: r = 0.8.
        let mut m = Moments::default();
        for (x, y) in [(1, 2), (2, 1), (3, 4), (4, 3), (5, 5)] {
            m.add(x, y);
        }
        assert!((m.correlation().unwrap_or(0.0) - 0.8).abs() < 1e-12);
        let mut flat = Moments::default();
        flat.add(5, 1);
        flat.add(5, 2);
        assert_eq!(flat.correlation(), None);
    }

    #[test]
    fn sums_beyond_64_bits_survive_json_exactly() {
        // A partial aggregate written and read back (sharded studies) must merge exactly.
        let m = Moments { n: 3, sx: 1, sy: -2, sxx: i128::from(u64::MAX) * 1000, syy: 5, sxy: -7 };
        let text = serde_json::to_string(&m).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Moments>(&text).ok(), Some(m), "{text}");
    }

    #[test]
    fn drawn_numbers_in_a_title_do_not_make_new_inputs() {
        assert_eq!(without_numbers("UPS lasted 17 min, 2 left"), "UPS lasted # min, # left");
        assert_eq!(without_numbers("UPS lasted 9 min, 2 left"), without_numbers("UPS lasted 23 min, 7 left"));
        assert_eq!(without_numbers("No numbers"), "No numbers");
    }

    #[test]
    fn merged_sums_are_the_sums_of_all() {
        let (mut a, mut b, mut all) = (Moments::default(), Moments::default(), Moments::default());
        for (i, (x, y)) in [(7, 100), (9, 140), (3, 60), (12, 200)].into_iter().enumerate() {
            if i % 2 == 0 {
                a.add(x, y)
            } else {
                b.add(x, y)
            }
            all.add(x, y);
        }
        let mut ba = b;
        ba.merge(&a);
        a.merge(&b);
        assert_eq!(a, all);
        assert_eq!(ba, all);
    }
}
