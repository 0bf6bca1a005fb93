//! Placing imported rows in scenario time: offsets stay, absolute times (clock, date,
//! DTG) count from the earliest, a row without a time goes with the row before, and a
//! date far from all the others (a typo'd year) is set aside with a warning instead of
//! moving the whole exercise.

use super::when::When;
use crate::format::scenario::Inject;
use crate::spanned::Sp;
use crate::time::{DAY, HOUR, Time};

/// A data row as read, before times are made relative to the first inject.
pub struct ReadRow {
    /// Spreadsheet row.
    pub number: usize,
    /// The inject, at T+0 until placed.
    pub inject: Inject,
    /// What the time cell said.
    pub when: Option<When>,
    /// The date column, in seconds since 1970.
    pub date: Option<i64>,
    /// The exercise day column, 0-based.
    pub day: Option<i64>,
}

/// An absolute time this far from the middle of the others is an outlier.
pub const OUTLIER_DAYS: i64 = 30;

/// Injects with their scenario times, the absolute time T+0 stands for, whether the
/// sheet gave any time at all, and the rows whose date was set aside (row, message).
pub struct Placed {
    pub injects: Vec<Inject>,
    pub origin: Option<i64>,
    pub any_time: bool,
    pub outliers: Vec<(usize, String)>,
}

/// The absolute time of each row, if it has one.
fn absolute_times(rows: &[ReadRow]) -> Vec<Option<i64>> {
    let mut absolute = Vec::with_capacity(rows.len());
    let mut last_clock: Option<i64> = None;
    let mut rollover = 0;
    for ReadRow { when, date, day, .. } in rows {
        let a = match when {
            Some(When::Absolute(a)) => Some(*a),
            Some(When::Clock(c)) => {
                // A clock going back by more than 12 hours has passed midnight.
                if date.is_none() && day.is_none() {
                    if last_clock.is_some_and(|l| *c + 12 * HOUR < l) {
                        rollover += DAY;
                    }
                    last_clock = Some(*c);
                }
                Some(date.unwrap_or(0) + day.unwrap_or(0) * DAY + rollover + c)
            }
            None => date.map(|d| d + day.unwrap_or(0) * DAY).or(day.map(|d| d * DAY)),
            Some(When::Offset(_)) => None,
        };
        absolute.push(a);
    }
    absolute
}

/// Sets aside the absolute times more than [`OUTLIER_DAYS`] from the median of them all,
/// returning (row, message) for each.
fn set_aside_outliers(rows: &[ReadRow], absolute: &mut [Option<i64>]) -> Vec<(usize, String)> {
    let mut sorted: Vec<i64> = absolute.iter().flatten().copied().collect();
    sorted.sort_unstable();
    let Some(&median) = sorted.get(sorted.len() / 2) else { return Vec::new() };
    let mut outliers = Vec::new();
    for (row, a) in rows.iter().zip(absolute.iter_mut()) {
        if let Some(t) = *a
            && (t - median).abs() > OUTLIER_DAYS * DAY
        {
            let days = ((t - median).abs() + DAY / 2) / DAY;
            outliers.push((
                row.number,
                format!(
                    "its date is {} days from the other rows' (a typo?), so it is delivered with the row \
                     before instead of moving the whole exercise; check the date",
                    days
                ),
            ));
            *a = None;
        }
    }
    outliers
}

/// Places every row in scenario time.
pub fn place_in_time(rows: Vec<ReadRow>) -> Placed {
    let mut absolute = absolute_times(&rows);
    let outliers = set_aside_outliers(&rows, &mut absolute);
    let origin = absolute.iter().flatten().min().copied();
    let mut previous = 0;
    let mut previous_row = 0;
    let mut any_time = false;
    let mut injects = Vec::with_capacity(rows.len());
    for (ReadRow { number, mut inject, when, .. }, abs) in rows.into_iter().zip(absolute) {
        let set_aside = outliers.iter().any(|(r, _)| *r == number);
        let at = match (when, abs, origin) {
            (Some(When::Offset(o)), _, _) => Some(o),
            (_, Some(a), Some(o)) => Some(a - o),
            _ => None,
        };
        match at {
            Some(t) => {
                any_time = true;
                previous = t;
            }
            None if any_time => {
                let why = if set_aside { "its date was set aside as an outlier" } else { "no time in the sheet" };
                let note = format!("{why}; delivered with the row before (row {previous_row})");
                inject.notes = Some(inject.notes.map_or(note.clone(), |n| format!("{n}\n{note}")));
            }
            None => {}
        }
        inject.at = Sp::new(Time(at.unwrap_or(previous).max(0)));
        previous_row = number;
        injects.push(inject);
    }
    Placed { injects, origin, any_time, outliers }
}

/// The calendar date of an absolute time, when it is a real date (not a bare clock
/// counted from 1970).
pub fn calendar_date(absolute: i64) -> Option<Sp<String>> {
    let days = absolute.div_euclid(DAY);
    let epoch = jiff::civil::Date::new(1970, 1, 1).ok()?;
    let d = epoch.checked_add(jiff::Span::new().days(days)).ok()?;
    (d.year() > 1971).then(|| Sp::new(d.to_string()))
}
