//! Draws a laid-out recovery timeline.

use std::fmt::Write;

use super::timeline::{self, BAR, Bar, GREEN, GREY, Marker, RED, Swatch, Timeline};
use super::{WIDTH, write};
use crate::score::{FunctionScore, Lang};

const GRID: &str = "#e0e0e0";
const MARK: &str = "#1a237e";
const END: &str = "#424242";

/// Hatching for a bar still down at the end: diagonal stripes, red when its RTO had
/// passed, grey when it had not.
fn patterns(s: &mut String) {
    s.push_str("<defs>");
    for (id, colour, pale) in [("st-hatch-red", RED, "#fbe3e3"), ("st-hatch-grey", GREY, "#eeeeee")] {
        let _ = write!(
            s,
            r#"<pattern id="{id}" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="7" height="7" fill="{pale}"/><line x1="0" y1="0" x2="0" y2="7" stroke="{colour}" stroke-width="3"/></pattern>"#
        );
    }
    s.push_str("</defs>");
}

fn dash(mtd: bool) -> &'static str {
    if mtd { "2 2" } else { "6 3" }
}

fn marker(s: &mut String, m: &Marker) {
    write::line(s, (m.x, m.y1), (m.x, m.y2), MARK, if m.mtd { 2.0 } else { 1.6 }, dash(m.mtd));
}

fn bar(s: &mut String, kind: Bar, x1: f64, x2: f64, y: f64) {
    match kind {
        Bar::Within => write::rect(s, x1, y, x2 - x1, BAR, GREEN),
        Bar::After => write::rect(s, x1, y, x2 - x1, BAR, RED),
        Bar::Undecided => write::rect(s, x1, y, x2 - x1, BAR, GREY),
        Bar::NotBack { rto_missed } => {
            let (id, colour) = if rto_missed { ("st-hatch-red", RED) } else { ("st-hatch-grey", GREY) };
            write::rect(s, x1, y, x2 - x1, BAR, &format!("url(#{id})"));
            // Open at the right: edges above and below and an arrow past the end line.
            write::line(s, (x1, y), (x2, y), colour, 1.0, "");
            write::line(s, (x1, y + BAR), (x2, y + BAR), colour, 1.0, "");
            write::line(s, (x1, y), (x1, y + BAR), colour, 1.0, "");
            let _ = write!(
                s,
                r#"<path d="M{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z" fill="{colour}"/>"#,
                x2 + 1.0,
                y - 2.0,
                x2 + 9.0,
                y + BAR / 2.0,
                x2 + 1.0,
                y + BAR + 2.0
            );
        }
    }
}

fn swatch(s: &mut String, kind: Swatch, x: f64, baseline: f64) {
    let y = baseline - 9.0;
    match kind {
        Swatch::Fill(colour) => write::rect(s, x, y, 20.0, 10.0, colour),
        Swatch::Hatch(red) => bar(s, Bar::NotBack { rto_missed: red }, x, x + 12.0, y - 3.0),
        Swatch::Rto => write::line(s, (x + 10.0, y - 3.0), (x + 10.0, y + 13.0), MARK, 1.6, dash(false)),
        Swatch::Mtd => write::line(s, (x + 10.0, y - 3.0), (x + 10.0, y + 13.0), MARK, 2.0, dash(true)),
        Swatch::End => write::line(s, (x + 10.0, y - 3.0), (x + 10.0, y + 13.0), END, 1.5, ""),
    }
}

/// One bar per disrupted function, from the outage to its recovery (or, hatched, to the
/// end of the exercise), with the RTO and MTD marked on its row and a legend.
pub fn recovery_timeline(functions: &[FunctionScore], end: i64, lang: Lang) -> String {
    timeline::lay_out(functions, end, lang).map_or_else(String::new, |t| timeline(&t, lang))
}

pub fn timeline(t: &Timeline, lang: Lang) -> String {
    let mut s = String::new();
    write::open(&mut s, WIDTH, t.height, lang.catalogue().report.timeline_chart);
    patterns(&mut s);
    let (top, bottom) = t.plot;
    for &x in &t.ticks {
        write::line(&mut s, (x, top), (x, bottom), GRID, 1.0, "");
    }
    for row in &t.rows {
        bar(&mut s, row.bar, row.x1, row.x2, row.y);
    }
    for m in t.rows.iter().flat_map(|r| &r.markers) {
        marker(&mut s, m);
    }
    write::line(&mut s, (t.end_x, top), (t.end_x, bottom), END, 1.5, "");
    for l in &t.labels {
        l.draw(&mut s);
    }
    for (kind, l) in &t.legend {
        swatch(&mut s, *kind, l.left - 26.0, l.baseline);
        l.draw(&mut s);
    }
    s.push_str("</svg>");
    s
}
