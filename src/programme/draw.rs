//! `pick`'s draw: one ChaCha8 generator seeded by `--seed` makes, in this order, the
//! choice of scenario (one uniform number against the cumulative weights, in library
//! order), the start (one uniform integer over every allowed minute of the window inside
//! the date range) and the seed of the exercise's course (one integer from 1 to
//! 999 999). The same library, history, range and seed give the same pick.

use jiff::civil::{Date, DateTime};
use serde::Serialize;

use super::weights::{Candidate, Excluded, weigh};
use super::{History, Library, LibraryScenario, PICK_SCHEMA_VERSION};
use crate::format::programme::{DrillKind, Weekday, Window, minute_of_day};
use crate::rng::SimRng;

/// Without a window, a drill may start any day between these times of day.
pub const DEFAULT_HOURS: (u32, u32) = (9 * 60, 17 * 60);
/// The longest date range `pick` draws in, in days.
pub const MAX_RANGE_DAYS: i64 = 3 * 366;

/// What `pick` is asked.
#[derive(Debug, Clone, Serialize)]
pub struct PickRequest {
    /// The kind of exercise, when one is asked for.
    #[serde(rename = "type")]
    pub kind: Option<DrillKind>,
    /// First day the exercise may start.
    #[serde(serialize_with = "as_text")]
    pub from: Date,
    /// Last day the exercise may start.
    #[serde(serialize_with = "as_text")]
    pub to: Date,
    /// The seed of the whole choice.
    pub seed: u64,
}

/// The draw.
#[derive(Debug, Clone, Serialize)]
pub struct Draw {
    /// The uniform number in [0, 1) drawn against the cumulative weights.
    pub roll: f64,
    /// The chosen scenario's id.
    pub scenario: String,
    /// When the exercise starts (local wall-clock time).
    #[serde(serialize_with = "as_text")]
    pub start: DateTime,
    /// The seed of the exercise's course (`sandtable play --seed`).
    pub course_seed: u64,
    /// How many start minutes the window and range allowed.
    pub start_minutes: u64,
}

fn as_text<S: serde::Serializer, T: std::fmt::Display>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// The whole choice, as `pick.json` holds it.
#[derive(Debug, Clone, Serialize)]
pub struct Pick {
    /// [`PICK_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The plan's organisation.
    pub organisation: String,
    /// What was asked.
    pub request: PickRequest,
    /// Every scenario of the library with its weight and why.
    pub candidates: Vec<Candidate>,
    /// The sum of the weights.
    pub total_weight: f64,
    /// What was drawn.
    pub draw: Draw,
}

/// Why nothing could be picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickError {
    /// The library holds no scenario.
    EmptyLibrary,
    /// `from` is after `to`, or the range is longer than [`MAX_RANGE_DAYS`].
    BadRange,
    /// No scenario is a candidate; the scenarios' exclusions say why.
    NoCandidate,
}

/// The start minutes a window allows between two dates: each allowed day's first minute
/// (minutes since `from`'s midnight) and how many minutes it offers.
fn slots(window: Option<&Window>, from: Date, to: Date) -> Vec<(Date, u32, u32)> {
    let (days, open, close) = match window {
        Some(w) => (
            w.days.iter().map(|d| d.value).collect::<Vec<_>>(),
            minute_of_day(&w.from.value).unwrap_or(0),
            minute_of_day(&w.to.value).unwrap_or(0),
        ),
        None => (Weekday::ALL.to_vec(), DEFAULT_HOURS.0, DEFAULT_HOURS.1),
    };
    let mut out = Vec::new();
    if close <= open {
        return out;
    }
    let mut day = from;
    while day <= to {
        let weekday = Weekday::ALL[usize::from(day.weekday().to_monday_zero_offset().unsigned_abs())];
        if days.contains(&weekday) {
            out.push((day, open, close - open));
        }
        let Ok(next) = day.tomorrow() else { break };
        day = next;
    }
    out
}

/// The weights and the draw.
pub fn pick(library: &Library, history: &History, request: &PickRequest) -> Result<Pick, PickError> {
    if library.scenarios.is_empty() {
        return Err(PickError::EmptyLibrary);
    }
    let days = request.from.until(request.to).map(|s| s.get_days()).unwrap_or(-1);
    if request.from > request.to || i64::from(days) > MAX_RANGE_DAYS {
        return Err(PickError::BadRange);
    }
    let mut candidates = weigh(library, history, request.kind);
    for (c, s) in candidates.iter_mut().zip(&library.scenarios) {
        if c.excluded.is_none() && slots(s.window(), request.from, request.to).is_empty() {
            c.excluded = Some(Excluded::NoTime);
            c.weight = 0.0;
        }
    }
    let total: f64 = candidates.iter().map(|c| c.weight).sum();
    if total <= 0.0 {
        return Err(PickError::NoCandidate);
    }
    let mut rng = SimRng::new(request.seed);
    let roll = rng.unit();
    let index = choose(&candidates, roll * total);
    let chosen: &LibraryScenario = &library.scenarios[index];
    let slots = slots(chosen.window(), request.from, request.to);
    let minutes: u64 = slots.iter().map(|(_, _, n)| u64::from(*n)).sum();
    #[allow(clippy::cast_possible_wrap)] // at most 3 years of minutes
    let mut k = rng.int_between(0, minutes as i64 - 1) as u64;
    let mut start = DateTime::default();
    for (day, open, n) in &slots {
        if k < u64::from(*n) {
            let m = open + u32::try_from(k).unwrap_or(0);
            #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)] // m < 1440
            {
                start = day.at((m / 60) as i8, (m % 60) as i8, 0, 0);
            }
            break;
        }
        k -= u64::from(*n);
    }
    #[allow(clippy::cast_sign_loss)] // between 1 and 999 999
    let course_seed = rng.int_between(1, 999_999) as u64;
    Ok(Pick {
        schema_version: PICK_SCHEMA_VERSION,
        organisation: library.plan.doc.organisation.name.clone(),
        request: request.clone(),
        total_weight: total,
        draw: Draw { roll, scenario: chosen.id().to_owned(), start, course_seed, start_minutes: minutes },
        candidates,
    })
}

/// The first candidate whose cumulative weight passes `point`; the last with any weight
/// when rounding leaves `point` at the very end.
fn choose(candidates: &[Candidate], point: f64) -> usize {
    let mut sum = 0.0;
    let mut last = 0;
    for (i, c) in candidates.iter().enumerate().filter(|(_, c)| c.weight > 0.0) {
        sum += c.weight;
        last = i;
        if point < sum {
            return i;
        }
    }
    last
}
