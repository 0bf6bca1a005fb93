//! Charts as inline SVG: no scripts, no external resources, prints as drawn.

use std::fmt::Write;

use crate::score::{CurvePoint, FunctionScore};

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

const WIDTH: f64 = 760.0;
const LABEL: f64 = 210.0;
const ROW: f64 = 30.0;

/// One bar per disrupted function, from the outage to its recovery (or the end of the
/// exercise), with the RTO and MTD marked.
pub fn recovery_timeline(functions: &[FunctionScore], end: i64, rto_label: &str, mtd_label: &str) -> String {
    let rows: Vec<&FunctionScore> = functions.iter().filter(|f| f.disrupted).collect();
    if rows.is_empty() {
        return String::new();
    }
    let horizon = rows
        .iter()
        .map(|f| {
            let start = f.start.unwrap_or(0);
            let back = f.back_after.map_or(end, |b| start + b);
            back.max(start + f.mtd)
        })
        .max()
        .unwrap_or(end)
        .max(3600);
    let plot = WIDTH - LABEL - 20.0;
    let x = |t: i64| LABEL + plot * t as f64 / horizon as f64;
    let height = 44.0 + ROW * rows.len() as f64 + 30.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" font-family="sans-serif" font-size="12">"#
    );
    // Hour grid.
    let hours = (horizon / 3600).max(1);
    let step = [1, 2, 4, 6, 12, 24, 48, 168].into_iter().find(|s| hours / s <= 12).unwrap_or(168);
    let mut h = 0;
    while h <= hours {
        let gx = x(h * 3600);
        let _ = write!(
            s,
            r##"<line x1="{gx:.1}" y1="30" x2="{gx:.1}" y2="{:.1}" stroke="#ddd"/><text x="{gx:.1}" y="22" text-anchor="middle" fill="#555">{h}h</text>"##,
            height - 30.0
        );
        h += step;
    }
    for (i, f) in rows.iter().enumerate() {
        let y = 44.0 + ROW * i as f64;
        let start = f.start.unwrap_or(0);
        let back = f.back_after.map_or(end, |b| start + b);
        let colour = match f.rto_met {
            Some(true) => "#2e7d32",
            Some(false) => "#c62828",
            None => "#9e9e9e",
        };
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text><rect x="{:.1}" y="{:.1}" width="{:.1}" height="14" fill="{colour}" rx="2"/>"##,
            LABEL - 8.0,
            y + 11.0,
            esc(&f.name),
            x(start),
            y,
            (x(back) - x(start)).max(1.0)
        );
        // RTO labelled above the bar, MTD below, so the two never overlap.
        for (t, label, dash, label_y) in
            [(start + f.rto, rto_label, "4 2", y - 5.0), (start + f.mtd, mtd_label, "1 2", y + 27.0)]
        {
            let mx = x(t);
            let _ = write!(
                s,
                r##"<line x1="{mx:.1}" y1="{:.1}" x2="{mx:.1}" y2="{:.1}" stroke="#333" stroke-dasharray="{dash}"/><text x="{mx:.1}" y="{label_y:.1}" text-anchor="middle" font-size="9" fill="#333">{}</text>"##,
                y - 4.0,
                y + 18.0,
                esc(label)
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// The share of the call tree reached over time, as a step line.
pub fn call_tree_curve(points: &[CurvePoint], minutes_label: &str) -> String {
    if points.len() < 2 {
        return String::new();
    }
    let (w, h, left, bottom) = (WIDTH, 220.0, 50.0, 30.0);
    let last = points.last().map_or(60, |p| p.minute).max(10);
    let max_min = ((last + 9) / 10) * 10;
    let x = |m: i64| left + (w - left - 20.0) * m as f64 / max_min as f64;
    let y = |share: f64| 10.0 + (h - 10.0 - bottom) * (1.0 - share);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" font-family="sans-serif" font-size="12">"#
    );
    for pct in [0, 25, 50, 75, 100] {
        let gy = y(pct as f64 / 100.0);
        let _ = write!(
            s,
            r##"<line x1="{left}" y1="{gy:.1}" x2="{:.1}" y2="{gy:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#555">{pct}%</text>"##,
            w - 20.0,
            left - 6.0,
            gy + 4.0
        );
    }
    let ticks = 5;
    for i in 0..=ticks {
        let m = max_min * i / ticks;
        let _ = write!(s, r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#555">{m}</text>"##, x(m), h - 12.0);
    }
    let _ = write!(
        s,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="#555">{}</text>"##,
        w - 20.0,
        h - 0.5,
        esc(minutes_label)
    );
    let mut path = format!("M{:.1},{:.1}", x(0), y(0.0));
    let mut prev = 0.0;
    for p in points {
        let _ = write!(path, " L{:.1},{:.1} L{:.1},{:.1}", x(p.minute), y(prev), x(p.minute), y(p.share));
        prev = p.share;
    }
    let _ = write!(path, " L{:.1},{:.1}", x(max_min), y(prev));
    let _ = write!(s, r##"<path d="{path}" fill="none" stroke="#1565c0" stroke-width="2"/></svg>"##);
    s
}
