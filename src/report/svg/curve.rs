//! The call-tree curve: the share of the call tree reached over time after the
//! disruption, as a step line, against the deadline the exercise set for it.

use std::fmt::Write;

use super::axis::{self, Axis};
use super::layout::{self, Anchor, Label, Want};
use super::{LINE, MUTED, SMALL, WIDTH, text_width, write};
use crate::score::{CallTreeDeadline, CurvePoint, DeadlineSource, Lang};

const LEFT: f64 = 60.0;
const RIGHT: f64 = WIDTH - 24.0;
const PLOT_HEIGHT: f64 = 170.0;
/// As on the timeline: a deadline further out than this many times the curve's own
/// span is an arrow at the right edge.
const FAR: i64 = 10;
const DEADLINE: &str = "#c62828";

/// Everything the chart draws, in chart coordinates.
#[derive(Debug, Clone)]
pub(super) struct Curve {
    pub axis: Axis,
    /// The step line's corners.
    pub path: Vec<(f64, f64)>,
    /// The deadline's x, when it is on the axis.
    pub deadline_x: Option<f64>,
    pub labels: Vec<Label>,
    pub plot: (f64, f64),
    pub height: f64,
}

fn deadline_text(d: CallTreeDeadline, lang: Lang) -> String {
    let limit = lang.duration(d.after);
    let say = lang.catalogue();
    match d.source {
        DeadlineSource::Objective => (say.criteria.call_tree_within)(&limit),
        DeadlineSource::PlanLinks => (say.labels.chart_plan_deadline)(&limit),
    }
}

/// Lays out the chart; `None` with fewer than two points (nothing was measured).
pub(super) fn lay_out(points: &[CurvePoint], deadline: Option<CallTreeDeadline>, lang: Lang) -> Option<Curve> {
    if points.len() < 2 {
        return None;
    }
    let say = &lang.catalogue().labels;
    let seconds = |p: &CurvePoint| p.minute.max(0).saturating_mul(60);
    let base = points.iter().map(seconds).max().unwrap_or(0).max(600);
    let deadline = deadline.map(|d| CallTreeDeadline { after: d.after.max(0), ..d });
    let span = deadline.map_or(base, |d| if d.after <= base.saturating_mul(FAR) { base.max(d.after) } else { base });
    let axis = axis::choose(span, |a| axis::labels_fit(a, RIGHT - LEFT, |t| text_width(&a.label(t, lang), SMALL)));
    let x = |t: i64| LEFT + (RIGHT - LEFT) * (t as f64 / axis.span()).clamp(0.0, 1.0);
    // The band above the plot: the y axis's title at the left, the deadline's label at its line.
    let mut band = vec![(
        say.chart_share_reached.to_owned(),
        Want { x: 8.0, anchor: Anchor::Start, width: text_width(say.chart_share_reached, SMALL) },
    )];
    let mut deadline_x = None;
    if let Some(d) = deadline {
        let text = deadline_text(d, lang);
        if d.after as f64 <= axis.span() {
            deadline_x = Some(x(d.after));
            band.push((text.clone(), Want { x: x(d.after), anchor: Anchor::Middle, width: text_width(&text, SMALL) }));
        } else {
            let text = format!("{text} →");
            band.push((text.clone(), Want { x: RIGHT, anchor: Anchor::End, width: text_width(&text, SMALL) }));
        }
    }
    let wants: Vec<Want> = band.iter().map(|(_, w)| *w).collect();
    let placed = layout::place(&wants, 8.0, WIDTH - 8.0);
    let mut labels = Vec::new();
    for ((text, _), p) in band.into_iter().zip(&placed) {
        let fill = if labels.is_empty() { MUTED } else { DEADLINE };
        labels.push(Label::new(text, p.left, 4.0 + LINE * (p.line as f64 + 1.0), SMALL, fill).anchored(Anchor::Middle));
    }
    let lines = placed.iter().map(|p| p.line + 1).max().unwrap_or(1) as f64;
    let top = 8.0 + LINE * lines + 6.0;
    let bottom = top + PLOT_HEIGHT;
    let y = |share: f64| top + PLOT_HEIGHT * (1.0 - share.clamp(0.0, 1.0));
    for pct in [0u32, 25, 50, 75, 100] {
        let text = format!("{pct}%");
        let w = text_width(&text, SMALL);
        labels.push(
            Label::new(text, LEFT - 6.0 - w, y(f64::from(pct) / 100.0) + 4.0, SMALL, MUTED).anchored(Anchor::End),
        );
    }
    let title_y = axis::draw_labels(&axis, x, (LEFT, RIGHT), bottom + 16.0, say.curve_axis, lang, &mut labels);
    let mut path = vec![(x(0), y(0.0))];
    let mut prev = 0.0;
    for p in points {
        path.extend([(x(seconds(p)), y(prev)), (x(seconds(p)), y(p.share))]);
        prev = p.share;
    }
    path.push((RIGHT, y(prev)));
    Some(Curve { axis, path, deadline_x, labels, plot: (top, bottom), height: title_y + 10.0 })
}

fn draw(c: &Curve, lang: Lang) -> String {
    let mut s = String::new();
    write::open(&mut s, WIDTH, c.height, lang.catalogue().report.curve_chart);
    let (top, bottom) = c.plot;
    for pct in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let gy = top + (bottom - top) * pct;
        write::line(&mut s, (LEFT, gy), (RIGHT, gy), "#e0e0e0", 1.0, "");
    }
    for k in 0..=c.axis.intervals {
        let gx = LEFT + (RIGHT - LEFT) * k as f64 / c.axis.intervals as f64;
        write::line(&mut s, (gx, bottom), (gx, bottom + 4.0), MUTED, 1.0, "");
    }
    write::line(&mut s, (LEFT, bottom), (RIGHT, bottom), MUTED, 1.0, "");
    if let Some(dx) = c.deadline_x {
        write::line(&mut s, (dx, top - 4.0), (dx, bottom), DEADLINE, 1.6, "6 3");
    }
    let mut d = String::new();
    for (i, (px, py)) in c.path.iter().enumerate() {
        let _ = write!(d, "{}{px:.1},{py:.1}", if i == 0 { "M" } else { " L" });
    }
    let _ = write!(s, r##"<path d="{d}" fill="none" stroke="#1565c0" stroke-width="2.2"/>"##);
    for l in &c.labels {
        l.draw(&mut s);
    }
    s.push_str("</svg>");
    s
}

/// The share of the call tree reached over time, with the deadline it was set.
pub fn call_tree_curve(points: &[CurvePoint], deadline: Option<CallTreeDeadline>, lang: Lang) -> String {
    lay_out(points, deadline, lang).map_or_else(String::new, |c| draw(&c, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn points(minutes: &[i64]) -> Vec<CurvePoint> {
        let total = minutes.len() as f64;
        std::iter::once(CurvePoint { minute: 0, share: 0.0 })
            .chain(minutes.iter().enumerate().map(|(i, &minute)| CurvePoint { minute, share: (i + 1) as f64 / total }))
            .collect()
    }

    const HOUR: Option<CallTreeDeadline> = Some(CallTreeDeadline { after: 3600, source: DeadlineSource::Objective });

    #[test]
    fn the_objective_is_a_line_at_its_time_with_its_words() {
        let c = lay_out(&points(&[8, 9, 10, 11]), HOUR, Lang::En).expect("a chart");
        let x = LEFT + (RIGHT - LEFT) * 3600.0 / c.axis.span();
        assert_eq!(c.deadline_x, Some(x));
        let svg = draw(&c, Lang::En);
        assert!(svg.contains(">Everyone in the call tree reached within 1h<"));
        assert!(svg.contains(r##"stroke="#c62828""##), "the deadline line is drawn");
        let plan = Some(CallTreeDeadline { after: 25 * 60, source: DeadlineSource::PlanLinks });
        assert!(call_tree_curve(&points(&[8, 30]), plan, Lang::Zh).contains(">通知流程最后一个环节的时限：25分<"));
    }

    #[test]
    fn the_axis_title_is_inside_the_picture() {
        for lang in Lang::ALL {
            let c = lay_out(&points(&[8, 9, 10, 11]), HOUR, lang).expect("a chart");
            let title = c.labels.last().expect("labels");
            assert_eq!(title.text, lang.catalogue().labels.curve_axis);
            assert!(title.bottom() <= c.height && title.left >= 0.0 && title.right() <= WIDTH, "{lang:?}: clipped");
        }
    }

    #[test]
    fn a_deadline_far_beyond_the_curve_is_an_arrow_at_the_edge() {
        let far = Some(CallTreeDeadline { after: 99_999_999_999 * 86_400, source: DeadlineSource::Objective });
        let c = lay_out(&points(&[8, 9]), far, Lang::En).expect("a chart");
        assert_eq!(c.deadline_x, None);
        assert!(c.labels.iter().any(|l| l.text.ends_with('→')));
    }

    proptest! {
        /// Any curve and deadline: bounded ticks and output, no label over another, and
        /// every label inside the picture.
        #[test]
        fn any_curve_is_bounded_and_legible(
            mut minutes in prop::collection::vec(prop_oneof![0i64..600, 0i64..=i64::MAX / 60], 1..12),
            after in prop::option::of(prop_oneof![0i64..86_400, 0i64..=i64::MAX]),
            zh in any::<bool>(),
        ) {
            minutes.sort_unstable();
            let lang = if zh { Lang::Zh } else { Lang::En };
            let deadline = after.map(|after| CallTreeDeadline { after, source: DeadlineSource::Objective });
            let c = lay_out(&points(&minutes), deadline, lang).expect("a chart");
            prop_assert!(c.axis.intervals <= axis::MAX_INTERVALS);
            for (i, a) in c.labels.iter().enumerate() {
                prop_assert!(a.left >= 0.0 && a.right() <= WIDTH && a.bottom() <= c.height, "{:?} outside", a.text);
                for b in &c.labels[i + 1..] {
                    prop_assert!(!a.overlaps(b), "{:?} overlaps {:?}", a.text, b.text);
                }
            }
            prop_assert!(draw(&c, lang).len() < 8_000 + 60 * minutes.len());
        }
    }
}
