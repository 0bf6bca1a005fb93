//! The few SVG elements the charts draw, written one way.

use std::fmt::Write;

use super::esc;

/// The page's fonts first, so that Chinese labels use the same CJK font as the text.
const FONTS: &str = "system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/// Opens a chart: drawn at `width`, scaled down by the page to fit (never up).
pub fn open(s: &mut String, width: f64, height: f64, title: &str) {
    let _ = write!(
        s,
        r#"<svg viewBox="0 0 {width} {height:.0}" width="{width}" height="{height:.0}" style="max-width:100%;height:auto" role="img" aria-label="{}" font-family="{FONTS}">"#,
        esc(title)
    );
}

pub fn text(s: &mut String, x: f64, y: f64, size: f64, anchor: Anchor, fill: &str, content: &str) {
    let anchor = match anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let _ = write!(
        s,
        r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" text-anchor="{anchor}" fill="{fill}">{}</text>"#,
        esc(content)
    );
}

/// A line; `dash` is an SVG dash array, empty for a solid line.
pub fn line(s: &mut String, (x1, y1): (f64, f64), (x2, y2): (f64, f64), stroke: &str, width: f64, dash: &str) {
    let dash = if dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{dash}""#) };
    let _ = write!(
        s,
        r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="{width}"{dash}/>"#
    );
}

pub fn rect(s: &mut String, x: f64, y: f64, w: f64, h: f64, fill: &str) {
    let _ = write!(s, r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fill}"/>"#);
}

/// Which point of the label its x names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}
