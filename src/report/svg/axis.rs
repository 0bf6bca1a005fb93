//! Time axes: a tick step from a fixed ladder (minutes, hours, days, weeks, months,
//! years), so that an axis has at most [`MAX_INTERVALS`] steps whatever the span, up to
//! the whole range of `i64` seconds.

use super::layout::{self, Anchor, Label, Want};
use super::{LINE, MUTED, SMALL, text_width};
use crate::score::Lang;

/// How far past either end of an axis its tick labels may reach.
pub const LABEL_MARGIN: f64 = 22.0;

/// The most steps an axis is divided into.
pub const MAX_INTERVALS: i64 = 12;

const MINUTE: i64 = 60;
const HOUR: i64 = 3600;
const DAY: i64 = 86_400;
const YEAR: i64 = 365 * DAY;

/// The unit a tick is labelled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Year,
}

/// Steps up to a year; beyond it, 1, 2 and 5 times a power of ten years.
const LADDER: [(i64, Unit); 19] = [
    (MINUTE, Unit::Minute),
    (2 * MINUTE, Unit::Minute),
    (5 * MINUTE, Unit::Minute),
    (10 * MINUTE, Unit::Minute),
    (15 * MINUTE, Unit::Minute),
    (30 * MINUTE, Unit::Minute),
    (HOUR, Unit::Hour),
    (2 * HOUR, Unit::Hour),
    (3 * HOUR, Unit::Hour),
    (6 * HOUR, Unit::Hour),
    (12 * HOUR, Unit::Hour),
    (DAY, Unit::Day),
    (2 * DAY, Unit::Day),
    (7 * DAY, Unit::Day),
    (14 * DAY, Unit::Day),
    (30 * DAY, Unit::Day),
    (90 * DAY, Unit::Day),
    (180 * DAY, Unit::Day),
    (YEAR, Unit::Year),
];

/// An axis from 0 to `step × intervals` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Axis {
    pub step: i64,
    pub intervals: i64,
    pub unit: Unit,
}

impl Axis {
    /// The axis length in seconds, as a float because `step × intervals` may pass `i64::MAX`.
    pub fn span(&self) -> f64 {
        self.step as f64 * self.intervals as f64
    }

    /// The ticks' times, 0 included.
    pub fn ticks(&self) -> impl Iterator<Item = i64> + '_ {
        (0..=self.intervals).map(|k| self.step.saturating_mul(k))
    }

    /// A tick's label in the axis's unit: `45m`, `30h`, `14d`, `5y` (in Chinese `30小时`, `14天`, `5年`).
    pub fn label(&self, t: i64, lang: Lang) -> String {
        let say = lang.catalogue();
        match self.unit {
            _ if t == 0 => "0".to_owned(),
            Unit::Minute => lang.duration(t),
            Unit::Hour => format!("{}{}", t / HOUR, say.durations.hour),
            Unit::Day => format!("{}{}", t / DAY, say.durations.day),
            Unit::Year => format!("{}{}", t / YEAR, say.labels.chart_year),
        }
    }
}

/// Whether tick labels as wide as `width(t)`, centred on their ticks along `length`
/// pixels (but kept within [`LABEL_MARGIN`] past either end), leave room between each other.
pub fn labels_fit(axis: &Axis, length: f64, width: impl Fn(i64) -> f64) -> bool {
    let margin = LABEL_MARGIN;
    let room = length / axis.intervals as f64;
    let mut previous_right = f64::NEG_INFINITY;
    for (k, t) in axis.ticks().enumerate() {
        let w = width(t);
        let left = (k as f64 * room - w / 2.0).clamp(-margin, (length + margin - w).max(-margin));
        if left < previous_right + super::layout::GAP {
            return false;
        }
        previous_right = left + w;
    }
    true
}

/// Every step the ladder offers, shortest first: a bounded list (about 55 steps).
fn steps() -> impl Iterator<Item = (i64, Unit)> {
    let years = (0..19u32)
        .flat_map(|exp| [1i64, 2, 5].map(|m| 10i64.checked_pow(exp).and_then(|p| p.checked_mul(m))))
        .map_while(|years| years.and_then(|y| y.checked_mul(YEAR)))
        .filter(|step| *step > YEAR)
        .map(|step| (step, Unit::Year));
    LADDER.into_iter().chain(years)
}

fn intervals(span: i64, step: i64) -> i64 {
    span / step + i64::from(span % step != 0)
}

/// The shortest step that covers `span` seconds in at most [`MAX_INTERVALS`] steps and
/// that `fits` accepts (the caller checks that tick labels have room).
pub fn choose(span: i64, fits: impl Fn(&Axis) -> bool) -> Axis {
    let span = span.max(1);
    let mut last = Axis { step: i64::MAX, intervals: 1, unit: Unit::Year };
    for (step, unit) in steps() {
        let axis = Axis { step, intervals: intervals(span, step), unit };
        if axis.intervals <= MAX_INTERVALS {
            if fits(&axis) {
                return axis;
            }
            last = axis;
        }
    }
    last
}

/// Draws the labels of a time axis under a plot that spans `left..right`: the tick labels
/// on as many lines as they need so that none overlaps, from `baseline` down, then
/// `title` centred below them. Returns the title's baseline.
pub fn draw_labels(
    axis: &Axis,
    x: impl Fn(i64) -> f64,
    (left, right): (f64, f64),
    baseline: f64,
    title: &str,
    lang: Lang,
    labels: &mut Vec<Label>,
) -> f64 {
    let ticks: Vec<(String, Want)> = axis
        .ticks()
        .map(|t| {
            let text = axis.label(t, lang);
            let width = text_width(&text, SMALL);
            (text, Want { x: x(t), anchor: Anchor::Middle, width })
        })
        .collect();
    let wants: Vec<Want> = ticks.iter().map(|(_, w)| *w).collect();
    let placed = layout::place(&wants, left - LABEL_MARGIN, right + LABEL_MARGIN);
    let lines = placed.iter().map(|p| p.line + 1).max().unwrap_or(1) as f64;
    for ((text, _), p) in ticks.into_iter().zip(&placed) {
        labels.push(Label::new(text, p.left, baseline + LINE * p.line as f64, SMALL, MUTED).anchored(Anchor::Middle));
    }
    let title_y = baseline + LINE * lines + 2.0;
    let title_w = text_width(title, SMALL);
    labels.push(Label::new(title.to_owned(), (left + right - title_w) / 2.0, title_y, SMALL, MUTED));
    title_y
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn familiar_spans_get_familiar_steps() {
        let any = |_: &Axis| true;
        assert_eq!(choose(3 * HOUR + 15 * MINUTE, any), Axis { step: 30 * MINUTE, intervals: 7, unit: Unit::Minute });
        assert_eq!(choose(DAY, any), Axis { step: 2 * HOUR, intervals: 12, unit: Unit::Hour });
        assert_eq!(choose(72 * HOUR, any), Axis { step: 6 * HOUR, intervals: 12, unit: Unit::Hour });
        assert_eq!(choose(100 * YEAR, any).step, 10 * YEAR);
        assert_eq!(choose(99_999_999_999 * DAY, any).intervals, 6);
    }

    #[test]
    fn labels_are_in_the_axis_unit() {
        let axis = choose(72 * HOUR, |_| true);
        let labels: Vec<String> = axis.ticks().map(|t| axis.label(t, Lang::En)).collect();
        assert_eq!(labels[..3], ["0", "6h", "12h"]);
        assert_eq!(labels[12], "72h");
        let years = choose(100 * YEAR, |_| true);
        assert_eq!(years.label(20 * YEAR, Lang::Zh), "20年");
    }

    proptest! {
        /// However long the exercise (up to the whole `i64` range of seconds), an axis
        /// has at most 13 ticks and covers the span.
        #[test]
        fn ticks_are_bounded_for_any_span(span in 0i64..=i64::MAX) {
            let axis = choose(span, |_| true);
            prop_assert!(axis.intervals >= 1 && axis.intervals <= MAX_INTERVALS);
            prop_assert!(axis.ticks().count() as i64 <= MAX_INTERVALS + 1);
            prop_assert!(axis.span() >= span as f64);
        }

        /// A caller that rejects every step still gets a bounded axis.
        #[test]
        fn a_picky_caller_still_gets_a_bounded_axis(span in 0i64..=i64::MAX) {
            let axis = choose(span, |_| false);
            prop_assert!(axis.intervals <= MAX_INTERVALS);
        }
    }
}
