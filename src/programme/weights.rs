//! Each candidate's weight in `pick`, with its reasons, so the facilitator can show the
//! choice was fair:
//!
//! - register: the sum of likelihood × impact of the risks the scenario exercises (1 when
//!   it exercises none of the register's);
//! - recency: 0 when the scenario was played in the last `exclude_last` exercises
//!   (default 1); played `k` exercises ago otherwise, `k / (k + 1)` (a half for the one
//!   before the excluded ones, then two thirds, …); 1 when never played;
//! - boost: 1 + the staleness of the stalest risk or function the scenario exercises,
//!   where staleness is the number of exercises since it was last exercised divided by
//!   the number of exercises (1 when never exercised), so up to ×2.
//!
//! weight = register × recency × boost.

use serde::Serialize;

use super::coverage::exercised_risk;
use super::{History, Library, LibraryScenario};
use crate::format::programme::DrillKind;

/// Why a scenario of the library is not a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum Excluded {
    /// It does not check against the plan.
    NotForPlan {
        /// Its first error.
        first_error: String,
    },
    /// It is written for another plan (its `plan:`, as written).
    OtherPlan {
        /// The plan it names.
        plan: String,
    },
    /// It does not suit the kind of exercise asked for.
    Unsuited,
    /// It was played in the last `exclude_last` exercises.
    Recent {
        /// How many exercises ago (0 = the newest).
        ago: usize,
        /// The rotation's length.
        exclude_last: usize,
    },
    /// Its window allows no start in the date range.
    NoTime,
}

/// One scenario of the library and its weight.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    /// Scenario id.
    pub scenario: String,
    /// Its title.
    pub title: String,
    /// Its file.
    pub path: String,
    /// Ids of the register's risks it exercises.
    pub risks: Vec<String>,
    /// The register's sum of likelihood × impact (1 when none).
    pub register: u32,
    /// How many exercises ago it was last played (0 = the newest), if ever.
    pub played_ago: Option<usize>,
    /// The recency factor, 0 to 1.
    pub recency: f64,
    /// The stalest risk or function it exercises, when it exercises any.
    pub stalest: Option<String>,
    /// The boost for what it exercises that was not exercised for longest, 1 to 2.
    pub boost: f64,
    /// register × recency × boost; 0 when excluded.
    pub weight: f64,
    /// Why it is not a candidate, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded: Option<Excluded>,
}

/// How many of the newest exercises `pick` never repeats: the plan's `drills.exclude_last`,
/// else 1.
pub fn exclude_last(library: &Library) -> usize {
    library.plan.doc.drills.as_ref().and_then(|d| d.exclude_last.as_ref()).map_or(1, |n| n.value as usize)
}

/// Every scenario of the library with its weight, in library order.
pub fn weigh(library: &Library, history: &History, kind: Option<DrillKind>) -> Vec<Candidate> {
    let rotation = exclude_last(library);
    library.scenarios.iter().map(|s| candidate(library, history, kind, rotation, s)).collect()
}

fn candidate(
    library: &Library,
    history: &History,
    kind: Option<DrillKind>,
    rotation: usize,
    s: &LibraryScenario,
) -> Candidate {
    let risks: Vec<_> = library.risks_of(s).collect();
    let register = if risks.is_empty() { 1 } else { risks.iter().map(|r| r.score()).sum() };
    let played_ago = history.ago(|e| e.scenario_id == s.id());
    #[allow(clippy::cast_precision_loss)] // counts of exercises are small
    let recency = match played_ago {
        None => 1.0,
        Some(k) if k < rotation => 0.0,
        Some(k) => k as f64 / (k as f64 + 1.0),
    };
    let (stalest, boost) = stalest(library, history, s);
    let excluded = match (&s.standing, played_ago) {
        (super::Standing::NotForPlan { first, .. }, _) => Some(Excluded::NotForPlan { first_error: first.clone() }),
        (super::Standing::OtherPlan(plan), _) => Some(Excluded::OtherPlan { plan: plan.clone() }),
        _ if kind.is_some_and(|k| !s.suits(k)) => Some(Excluded::Unsuited),
        (_, Some(ago)) if ago < rotation => Some(Excluded::Recent { ago, exclude_last: rotation }),
        _ => None,
    };
    let weight = if excluded.is_some() { 0.0 } else { f64::from(register) * recency * boost };
    Candidate {
        scenario: s.id().to_owned(),
        title: s.doc.title.clone(),
        path: s.path.clone(),
        risks: risks.iter().map(|r| r.id.value.clone()).collect(),
        register,
        played_ago,
        recency,
        stalest,
        boost,
        weight,
        excluded,
    }
}

/// The stalest risk (`risk:ID`) or function (`function:ID`) the scenario exercises, and
/// the boost it earns: 1 + exercises since it was last exercised / exercises (2 when never).
fn stalest(library: &Library, history: &History, s: &LibraryScenario) -> (Option<String>, f64) {
    let n = history.len();
    let staleness = |ago: Option<usize>| -> f64 {
        #[allow(clippy::cast_precision_loss)]
        match ago {
            None => 1.0,
            Some(k) => k as f64 / n as f64,
        }
    };
    let mut best: Option<(f64, String)> = None;
    let mut consider = |name: String, ago: Option<usize>| {
        let st = staleness(ago);
        if best.as_ref().is_none_or(|(b, _)| st > *b) {
            best = Some((st, name));
        }
    };
    for r in library.risks_of(s) {
        consider(format!("risk:{}", r.id.value), history.ago(|e| exercised_risk(library, r, e)));
    }
    for f in s.disrupts() {
        consider(format!("function:{f}"), history.ago(|e| e.disrupted.contains(f)));
    }
    match best {
        Some((st, name)) => (Some(name), 1.0 + st),
        None => (None, 1.0),
    }
}
