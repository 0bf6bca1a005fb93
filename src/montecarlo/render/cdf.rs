//! One function's back-after as an inline SVG chart: the share of disrupted replicas
//! back by each time after the outage (a step curve read from the histogram's bins),
//! with the RTO and the MTD marked. No scripts, no external resources.

use std::fmt::Write;

use super::esc;
use crate::compile::Function;
use crate::montecarlo::histogram::Durations;
use crate::score::Lang;

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 250.0;
const LEFT: f64 = 58.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 52.0;
const CURVE: &str = "#1565c0";
const RTO: &str = "#2e7d32";
const MTD: &str = "#c62828";
const GRID: &str = "#e0e0e0";
const MUTED: &str = "#555";
const FONTS: &str = "system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/// Tick steps in seconds, from 5 minutes to a week; the first that gives at most 8
/// intervals is used.
const STEPS: [i64; 11] = [300, 600, 900, 1800, 3600, 7200, 14_400, 21_600, 43_200, 86_400, 604_800];

/// The chart, or `None` when the function was never disrupted.
pub(super) fn chart(f: &Function, d: &Durations, lang: Lang) -> Option<String> {
    let total = d.seen.total() + d.never;
    if total == 0 {
        return None;
    }
    let say = &lang.catalogue().study;
    let labels = &lang.catalogue().labels;
    let bins = d.seen.bins();
    let last = bins.last().map_or(0, |b| b.from);
    let span = (last.max(f.mtd).max(f.rto) as f64 * 1.08).max(600.0) as i64;
    let step = STEPS.iter().copied().find(|s| span / s <= 8).unwrap_or(604_800);
    let span = (span + step - 1) / step * step;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |secs: i64| LEFT + plot_w * secs as f64 / span as f64;
    let y = |share: f64| TOP + plot_h * (1.0 - share);
    let mut s = format!(
        r#"<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" style="max-width:{WIDTH}px;height:auto" role="img" aria-label="{}" font-family="{FONTS}">"#,
        esc(&(say.chart_title)(&f.name))
    );
    for q in [0.0, 0.25, 0.5, 0.75, 1.0] {
        line(&mut s, (LEFT, y(q)), (WIDTH - RIGHT, y(q)), GRID, 1.0, "");
        text(&mut s, LEFT - 6.0, y(q) + 4.0, "end", MUTED, &format!("{:.0}%", q * 100.0));
    }
    let mut t = 0;
    while t <= span {
        line(&mut s, (x(t), TOP), (x(t), TOP + plot_h), GRID, 1.0, "");
        text(&mut s, x(t), TOP + plot_h + 16.0, "middle", MUTED, &lang.duration(t));
        t += step;
    }
    text(&mut s, LEFT + plot_w / 2.0, HEIGHT - 8.0, "middle", MUTED, say.chart_axis_time);
    let _ = write!(
        s,
        r#"<text x="14" y="{:.1}" font-size="11.5" fill="{MUTED}" text-anchor="middle" transform="rotate(-90 14 {:.1})">{}</text>"#,
        TOP + plot_h / 2.0,
        TOP + plot_h / 2.0,
        esc(say.chart_axis_share)
    );
    // The step curve: flat until a bin's least value, then up by its share.
    let mut path = format!("M{:.1},{:.1}", x(0), y(0.0));
    let mut back = 0u64;
    for b in &bins {
        back += b.count;
        let share = back as f64 / total as f64;
        let _ = write!(path, " H{:.1} V{:.1}", x(b.from.min(span)), y(share));
    }
    let _ = write!(path, " H{:.1}", x(span));
    let _ = write!(s, r#"<path d="{path}" fill="none" stroke="{CURVE}" stroke-width="2"/>"#);
    for (at, colour, dash, label) in [(f.rto, RTO, "6 3", labels.chart_rto), (f.mtd, MTD, "2 2", labels.chart_mtd)] {
        line(&mut s, (x(at), TOP), (x(at), TOP + plot_h), colour, 1.8, dash);
        text(&mut s, x(at) + 4.0, TOP + 12.0, "start", colour, &format!("{label} {}", lang.duration(at)));
    }
    s.push_str("</svg>");
    Some(s)
}

fn line(s: &mut String, (x1, y1): (f64, f64), (x2, y2): (f64, f64), stroke: &str, width: f64, dash: &str) {
    let dash = if dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{dash}""#) };
    let _ = write!(
        s,
        r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="{width}"{dash}/>"#
    );
}

fn text(s: &mut String, x: f64, y: f64, anchor: &str, fill: &str, content: &str) {
    let _ = write!(
        s,
        r#"<text x="{x:.1}" y="{y:.1}" font-size="11.5" text-anchor="{anchor}" fill="{fill}">{}</text>"#,
        esc(content)
    );
}
