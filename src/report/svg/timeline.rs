//! The recovery timeline: one bar per disrupted function from its outage to its
//! recovery, or hatched and open-ended to the end of the exercise when it was not back,
//! with its RTO and MTD marked on its own row.

use super::axis::{self, Axis};
use super::layout::{self, Anchor, Label, Want};
use super::{FONT, LINE, SMALL, WIDTH, text_width, wrap};
use crate::score::{FunctionScore, Lang};

const NAME_RIGHT: f64 = 188.0;
const PLOT_LEFT: f64 = 204.0;
const PLOT_RIGHT: f64 = WIDTH - 24.0;
const LEGEND_LEFT: f64 = 48.0;
pub(super) const BAR: f64 = 16.0;
const ROW_GAP: f64 = 12.0;
/// A marker beyond this many times the exercise's own span is shown as an arrow at the
/// right edge, so that one far-off MTD does not squash every bar to a sliver.
const FAR: i64 = 10;

pub(super) const GREEN: &str = "#2e7d32";
pub(super) const RED: &str = "#c62828";
pub(super) const GREY: &str = "#757575";
const INK: &str = "#222";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bar {
    Within,
    After,
    Undecided,
    NotBack { rto_missed: bool },
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Marker {
    pub x: f64,
    pub y1: f64,
    pub y2: f64,
    pub mtd: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Row {
    pub bar: Bar,
    pub x1: f64,
    pub x2: f64,
    pub y: f64,
    pub markers: Vec<Marker>,
}

/// Everything the chart draws, in chart coordinates.
#[derive(Debug, Clone)]
pub(super) struct Timeline {
    /// The tests check the axis chosen; drawing needs only the ticks.
    #[cfg(test)]
    pub axis: Axis,
    pub rows: Vec<Row>,
    pub labels: Vec<Label>,
    pub ticks: Vec<f64>,
    pub end_x: f64,
    pub plot: (f64, f64),
    pub legend: Vec<(Swatch, Label)>,
    pub height: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Swatch {
    Fill(&'static str),
    Hatch(bool),
    Rto,
    Mtd,
    End,
}

struct Times {
    start: i64,
    back: Option<i64>,
    rto_at: i64,
    mtd_at: i64,
}

fn times(f: &FunctionScore) -> Times {
    let start = f.start.unwrap_or(0).max(0);
    Times {
        start,
        back: f.back_after.map(|b| start.saturating_add(b.max(0))),
        rto_at: start.saturating_add(f.rto.max(0)),
        mtd_at: start.saturating_add(f.mtd.max(0)),
    }
}

/// The exercise's own span (its end and every bar), widened to show markers up to
/// [`FAR`] times that.
fn span(all: &[Times], end: i64) -> i64 {
    let base = all.iter().flat_map(|t| [t.start, t.back.unwrap_or(end)]).chain([end, 60]).max().unwrap_or(60);
    let far = base.saturating_mul(FAR);
    all.iter().flat_map(|t| [t.rto_at, t.mtd_at]).filter(|t| *t <= far).chain([base]).max().unwrap_or(base)
}

fn choose_axis(span: i64, lang: Lang) -> Axis {
    axis::choose(span, |a| axis::labels_fit(a, PLOT_RIGHT - PLOT_LEFT, |t| text_width(&a.label(t, lang), SMALL)))
}

/// Lays out the chart; `None` when no function was disrupted.
pub(super) fn lay_out(functions: &[FunctionScore], end: i64, lang: Lang) -> Option<Timeline> {
    let rows: Vec<&FunctionScore> = functions.iter().filter(|f| f.disrupted).collect();
    if rows.is_empty() {
        return None;
    }
    let say = &lang.catalogue().labels;
    let end = end.max(0);
    let all: Vec<Times> = rows.iter().map(|f| times(f)).collect();
    let axis = choose_axis(span(&all, end), lang);
    let x = |t: i64| PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (t as f64 / axis.span()).clamp(0.0, 1.0);
    let mut labels = Vec::new();
    let end_x = x(end);
    let end_text = format!("{} {}", say.chart_end, crate::time::format_time(end));
    let end_want = Want { x: end_x, anchor: Anchor::Middle, width: text_width(&end_text, SMALL) };
    let placed = layout::place(&[end_want], PLOT_LEFT, PLOT_RIGHT);
    labels.push(Label::new(end_text, placed[0].left, 8.0 + LINE - 4.0, SMALL, INK).anchored(Anchor::Middle));
    let plot_top = 8.0 + LINE + 2.0;
    let mut y = plot_top + 4.0;
    let mut out_rows = Vec::new();
    for (f, t) in rows.iter().zip(&all) {
        let row = lay_out_row(f, t, end, y, &axis, lang, &mut labels);
        y = row.y + BAR + ROW_GAP;
        out_rows.push(row);
    }
    let plot_bottom = y - ROW_GAP + 6.0;
    let ticks: Vec<f64> = axis.ticks().map(x).collect();
    let title_y = axis::draw_labels(
        &axis,
        x,
        (PLOT_LEFT, PLOT_RIGHT),
        plot_bottom + 14.0,
        say.chart_time_axis,
        lang,
        &mut labels,
    );
    let (legend, height) = legend(&out_rows, title_y + 10.0, lang);
    Some(Timeline {
        #[cfg(test)]
        axis,
        rows: out_rows,
        labels,
        ticks,
        end_x,
        plot: (plot_top, plot_bottom),
        legend,
        height,
    })
}

/// One row: its band of marker labels, then the bar with the markers across it.
fn lay_out_row(
    f: &FunctionScore,
    t: &Times,
    end: i64,
    y: f64,
    axis: &Axis,
    lang: Lang,
    labels: &mut Vec<Label>,
) -> Row {
    let say = &lang.catalogue().labels;
    let span = axis.span();
    let x = |t: i64| PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (t as f64 / span).clamp(0.0, 1.0);
    let mut texts = Vec::new();
    let mut wants = Vec::new();
    let mut marks = Vec::new();
    // Placed first, so that "still down" sits over the bar's open end and the markers' labels move instead.
    if t.back.is_none() {
        let text = say.chart_not_back.to_owned();
        wants.push(Want { x: x(end), anchor: Anchor::End, width: text_width(&text, SMALL) });
        texts.push(text);
    }
    for (at, name, limit, mtd) in [(t.rto_at, say.chart_rto, f.rto, false), (t.mtd_at, say.chart_mtd, f.mtd, true)] {
        let text = format!("{name} {}", lang.duration(limit));
        if at as f64 <= span {
            wants.push(Want { x: x(at), anchor: Anchor::Middle, width: text_width(&text, SMALL) });
            marks.push((x(at), mtd));
            texts.push(text);
        } else {
            let text = format!("{text} →");
            wants.push(Want { x: PLOT_RIGHT, anchor: Anchor::End, width: text_width(&text, SMALL) });
            texts.push(text);
        }
    }
    let bar = match (t.back, f.rto_met) {
        (None, _) => Bar::NotBack { rto_missed: f.rto_met == Some(false) || t.rto_at < end },
        (Some(_), Some(true)) => Bar::Within,
        (Some(_), Some(false)) => Bar::After,
        (Some(_), None) => Bar::Undecided,
    };
    let placed = layout::place(&wants, PLOT_LEFT, PLOT_RIGHT);
    let lines = placed.iter().map(|p| p.line + 1).max().unwrap_or(1) as f64;
    for (text, p) in texts.into_iter().zip(&placed) {
        labels.push(
            Label::new(text, p.left, y + LINE * (p.line as f64 + 1.0) - 4.0, SMALL, INK).anchored(Anchor::Middle),
        );
    }
    let bar_y = y + LINE * lines + 2.0;
    let name_lines = wrap(&f.name, NAME_RIGHT - 8.0, FONT, 2);
    let centre = bar_y + BAR / 2.0 + 0.35 * FONT;
    let first = centre - (name_lines.len() as f64 - 1.0) / 2.0 * 1.2 * FONT;
    for (i, line) in name_lines.into_iter().enumerate() {
        let left = NAME_RIGHT - text_width(&line, FONT);
        labels.push(Label::new(line, left, first + 1.2 * FONT * i as f64, FONT, INK).anchored(Anchor::End));
    }
    let x1 = x(t.start);
    let x2 = x(t.back.unwrap_or(end)).max(x1 + 2.0);
    let markers =
        marks.into_iter().map(|(mx, mtd)| Marker { x: mx, y1: bar_y - 4.0, y2: bar_y + BAR + 4.0, mtd }).collect();
    Row { bar, x1, x2, y: bar_y, markers }
}

/// The legend under the axis, wrapped to the chart's width: the kinds of bar drawn,
/// then the marker and end lines. Returns the items and the chart's full height.
fn legend(rows: &[Row], top: f64, lang: Lang) -> (Vec<(Swatch, Label)>, f64) {
    let say = &lang.catalogue().labels;
    let has = |b: fn(&Bar) -> bool| rows.iter().any(|r| b(&r.bar));
    let mut items = Vec::new();
    if has(|b| *b == Bar::Within) {
        items.push((Swatch::Fill(GREEN), say.chart_within_rto));
    }
    if has(|b| *b == Bar::After) {
        items.push((Swatch::Fill(RED), say.chart_after_rto));
    }
    if has(|b| matches!(b, Bar::NotBack { .. })) {
        items.push((Swatch::Hatch(has(|b| *b == Bar::NotBack { rto_missed: true })), say.chart_not_back));
    }
    items.extend([(Swatch::Rto, say.chart_rto), (Swatch::Mtd, say.chart_mtd), (Swatch::End, say.chart_end)]);
    let (mut x, mut y) = (LEGEND_LEFT, top + SMALL);
    let mut out = Vec::new();
    for (swatch, text) in items {
        let width = 26.0 + text_width(text, SMALL);
        if x + width > WIDTH - 8.0 && x > LEGEND_LEFT {
            x = LEGEND_LEFT;
            y += LINE + 2.0;
        }
        out.push((swatch, Label::new(text.to_owned(), x + 26.0, y, SMALL, INK)));
        x += width + 18.0;
    }
    (out, y + 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // The drawn chart, end to end, as the report gets it.
    use crate::report::svg::recovery_timeline;

    const HOUR: i64 = 3600;
    const DAY: i64 = 24 * HOUR;

    fn function(name: &str, start: i64, back_after: Option<i64>, rto: i64, mtd: i64) -> FunctionScore {
        FunctionScore {
            id: name.to_owned(),
            name: name.to_owned(),
            priority: 1,
            rto,
            mtd,
            rpo: 0,
            disrupted: true,
            start: Some(start),
            back_after,
            rto_met: back_after.map(|b| b <= rto),
            mtd_met: back_after.map(|b| b <= mtd),
            data_lost: None,
            rpo_met: None,
            back_after_text: String::new(),
            data_lost_text: String::new(),
        }
    }

    fn all_labels(t: &Timeline) -> Vec<&Label> {
        t.labels.iter().chain(t.legend.iter().map(|(_, l)| l)).collect()
    }

    fn assert_no_overlap(t: &Timeline) -> Result<(), TestCaseError> {
        let labels = all_labels(t);
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                prop_assert!(!a.overlaps(b), "{:?} overlaps {:?}", a.text, b.text);
            }
        }
        Ok(())
    }

    /// The shape of the README's data-centre run: close RTO and MTD markers on one row,
    /// and an MTD on the next row right under the RTO of the row before.
    fn data_centre() -> Vec<FunctionScore> {
        vec![
            function("Core database service", 21 * 60, Some(98 * 60), 2 * HOUR, 4 * HOUR),
            function("Application service", 21 * 60, Some(194 * 60), 4 * HOUR, 8 * HOUR),
            function("Office systems", 21 * 60, None, 12 * HOUR, DAY),
        ]
    }

    #[test]
    fn markers_sit_on_their_own_row() {
        let t = lay_out(&data_centre(), 3 * HOUR + 15 * 60, Lang::En).expect("a chart");
        let x = |at: i64| PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * at as f64 / t.axis.span();
        for (row, f) in t.rows.iter().zip(data_centre()) {
            let start = f.start.unwrap_or(0);
            let wanted = [x(start + f.rto), x(start + f.mtd)];
            let drawn: Vec<f64> = row.markers.iter().map(|m| m.x).collect();
            let wanted: Vec<f64> = wanted.into_iter().filter(|&mx| mx <= PLOT_RIGHT).collect();
            assert_eq!(drawn.len(), wanted.len(), "{}", f.name);
            assert!(drawn.iter().zip(&wanted).all(|(a, b)| (a - b).abs() < 1e-6), "{}: {drawn:?} {wanted:?}", f.name);
            for m in &row.markers {
                assert_eq!((m.y1 + m.y2) / 2.0, row.y + BAR / 2.0, "{}: marker off its bar", f.name);
                assert!(m.y1 < row.y && m.y2 > row.y + BAR);
            }
        }
    }

    #[test]
    fn labels_of_the_data_centre_run_do_not_overlap() {
        for lang in Lang::ALL {
            let t = lay_out(&data_centre(), 3 * HOUR + 15 * 60, lang).expect("a chart");
            assert_no_overlap(&t).expect("no overlap");
        }
    }

    #[test]
    fn a_function_not_back_is_hatched_to_the_end_and_labelled() {
        let svg = recovery_timeline(&data_centre(), 3 * HOUR + 15 * 60, Lang::En);
        assert!(svg.contains(r#"fill="url(#st-hatch-grey)""#), "not back before its RTO passed: grey hatching");
        assert!(svg.contains(">still down at the end<"), "the row says so");
        assert!(svg.contains(">end of exercise T+3:15<"));
        let t = lay_out(&data_centre(), 3 * HOUR + 15 * 60, Lang::En).expect("a chart");
        let office = &t.rows[2];
        assert_eq!(office.bar, Bar::NotBack { rto_missed: false });
        assert_eq!(office.x2, t.end_x, "the bar runs to the end of the exercise");
        let late = recovery_timeline(&data_centre(), 14 * HOUR, Lang::Zh);
        assert!(late.contains("url(#st-hatch-red)") && late.contains(">结束时仍未恢复<"), "RTO passed: red");
    }

    #[test]
    fn the_legend_names_what_is_drawn() {
        let svg = recovery_timeline(&data_centre(), 3 * HOUR + 15 * 60, Lang::En);
        for entry in [">back within RTO<", ">still down at the end<", ">RTO<", ">MTD<", ">end of exercise<"] {
            assert!(svg.contains(entry), "legend lacks {entry}");
        }
        assert!(!svg.contains(">back after RTO<"), "no late bar, no legend entry for one");
    }

    /// Issue 13: an MTD of 99,999,999,999 days drew one tick per week without end.
    #[test]
    fn a_hundred_billion_day_mtd_is_an_arrow_not_a_million_ticks() {
        let mut functions = data_centre();
        functions[2].mtd = 99_999_999_999 * DAY;
        let svg = recovery_timeline(&functions, 3 * HOUR + 15 * 60, Lang::En);
        assert!(svg.len() < 20_000, "{} bytes", svg.len());
        assert!(svg.contains(">MTD 99999999999d →<"));
        let long = recovery_timeline(&functions, 99_999_999_999 * DAY, Lang::En);
        assert!(long.len() < 20_000, "{} bytes", long.len());
    }

    fn any_function() -> impl Strategy<Value = FunctionScore> {
        let time = prop_oneof![0i64..3 * DAY, 0i64..=i64::MAX / 4];
        (
            "[a-zA-Z ]{0,40}|[核心数据库服务应用平台办公系统]{0,20}",
            time.clone(),
            prop::option::of(time.clone()),
            time.clone(),
            time,
        )
            .prop_map(|(name, start, back, rto, mtd)| function(&name, start, back, rto, rto.saturating_add(mtd)))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever the plan and the exercise: no label over another, markers on their
        /// row, at most 13 ticks, and an output that grows with the rows alone.
        #[test]
        fn any_timeline_is_bounded_and_legible(
            functions in prop::collection::vec(any_function(), 1..6),
            end in prop_oneof![0i64..7 * DAY, 0i64..=i64::MAX],
            zh in any::<bool>(),
        ) {
            let lang = if zh { Lang::Zh } else { Lang::En };
            let t = lay_out(&functions, end, lang).expect("a chart");
            prop_assert!(t.axis.intervals <= axis::MAX_INTERVALS);
            prop_assert!(t.ticks.len() as i64 <= axis::MAX_INTERVALS + 1);
            assert_no_overlap(&t)?;
            for row in &t.rows {
                for m in &row.markers {
                    prop_assert_eq!((m.y1 + m.y2) / 2.0, row.y + BAR / 2.0);
                }
            }
            let svg = recovery_timeline(&functions, end, lang);
            prop_assert!(svg.len() < 6_000 + 2_500 * functions.len(), "{} bytes", svg.len());
        }
    }
}
