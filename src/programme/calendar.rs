//! A suggested calendar for the coming year, following the plan's `drills`: announced
//! exercises (tabletop, live) on a working day spread evenly over the year, each with the
//! scenario that was played longest ago (never first; then the heavier register, then
//! the id), and unannounced drills as windows only, so that the calendar can be shared
//! without giving one away (`pick` chooses their scenario and moment).

use jiff::Span;
use jiff::civil::{Date, Weekday};

use super::weights::weigh;
use super::{History, Library};
use crate::format::programme::DrillKind;

/// One exercise of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// Its kind.
    pub kind: DrillKind,
    /// The day (announced) or the window's first day (unannounced).
    pub from: Date,
    /// The same day, or the window's last day.
    pub to: Date,
    /// The suggested scenario (announced kinds only, when one suits).
    pub scenario: Option<String>,
}

/// How many exercises of `kind` a year the plan requires (0 when it says nothing).
pub fn required(library: &Library, kind: DrillKind) -> u32 {
    let Some(d) = &library.plan.doc.drills else { return 0 };
    let n = match kind {
        DrillKind::Tabletop => &d.tabletop,
        DrillKind::Live => &d.live,
        DrillKind::Unannounced => &d.unannounced,
    };
    n.as_ref().map_or(0, |n| n.value)
}

fn months(start: Date, n: i64) -> Date {
    start.checked_add(Span::new().months(n)).unwrap_or(start)
}

/// The first working day (Monday to Friday) on or after `day`.
fn working_day(mut day: Date) -> Date {
    while matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
        let Ok(next) = day.tomorrow() else { break };
        day = next;
    }
    day
}

/// The calendar for the year from `start`, in date order.
pub fn calendar(library: &Library, history: &History, start: Date) -> Vec<Slot> {
    let mut slots = Vec::new();
    for kind in DrillKind::ALL {
        let n = i64::from(required(library, kind));
        for i in 0..n {
            let slot = if kind == DrillKind::Unannounced {
                let to = months(start, 12 * (i + 1) / n).yesterday().unwrap_or(start);
                Slot { kind, from: months(start, 12 * i / n), to, scenario: None }
            } else {
                let day = working_day(months(start, 12 * (2 * i + 1) / (2 * n)));
                Slot { kind, from: day, to: day, scenario: None }
            };
            slots.push(slot);
        }
    }
    slots.sort_by_key(|s| (s.from, s.kind));
    let weights = weigh(library, history, None);
    let mut used: Vec<String> = Vec::new();
    for slot in slots.iter_mut().filter(|s| s.kind != DrillKind::Unannounced) {
        let best = library
            .scenarios
            .iter()
            .zip(&weights)
            .filter(|(s, _)| s.playable() && s.suits(slot.kind))
            .min_by_key(|(s, w)| {
                let times = used.iter().filter(|u| u.as_str() == s.id()).count();
                // Never played sorts before anything played; longer ago before sooner.
                let recency = std::cmp::Reverse(w.played_ago.map_or(usize::MAX, |k| k));
                (times, recency, std::cmp::Reverse(w.register), s.id().to_owned())
            })
            .map(|(s, _)| s.id().to_owned());
        if let Some(id) = &best {
            used.push(id.clone());
        }
        slot.scenario = best;
    }
    slots
}
