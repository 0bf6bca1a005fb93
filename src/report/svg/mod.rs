//! Charts as inline SVG: no scripts, no external resources, prints as drawn.
//!
//! Every chart is bounded whatever the inputs: a time axis has at most
//! [`axis::MAX_INTERVALS`] steps from a fixed ladder, labels are placed so that none
//! overlaps another, and the output grows only with the number of rows the plan has.

mod axis;
mod curve;
mod draw;
mod layout;
mod timeline;
mod write;

pub use curve::call_tree_curve;
pub use draw::recovery_timeline;

/// The width every chart is drawn at; the page scales it down to fit.
const WIDTH: f64 = 760.0;
/// Text sizes: names and labels, then ticks and the legend. At A4 width the chart is
/// scaled to about 0.9, so nothing prints below 9.5 pt.
const FONT: f64 = 12.5;
const SMALL: f64 = 11.5;
/// One line of small text, for labels placed on several lines.
const LINE: f64 = 16.0;
/// Axis labels and titles.
const MUTED: &str = "#555";

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Characters a CJK font draws one em wide (ideographs, kana, Hangul, full-width forms).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// A generous estimate of a character's drawn width, so that boxes computed from it
/// are never smaller than the text a browser draws in a common sans-serif font.
fn char_width(c: char, size: f64) -> f64 {
    if is_wide(c) {
        size
    } else if c.is_ascii_uppercase() || matches!(c, 'm' | 'w' | 'M' | 'W' | '→') {
        0.78 * size
    } else if matches!(c, 'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '|' | '!' | '\'' | ' ') {
        0.36 * size
    } else {
        0.62 * size
    }
}

fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| char_width(c, size)).sum()
}

/// Breaks text into at most `max_lines` lines no wider than `width`, at spaces or
/// between CJK characters, never inside a word unless the word alone is too wide; the
/// last line ends in an ellipsis when text had to be left out.
fn wrap(text: &str, width: f64, size: f64, max_lines: usize) -> Vec<String> {
    let chars: Vec<char> = text.split_whitespace().collect::<Vec<_>>().join(" ").chars().collect();
    let breaks_here = |i: usize| i > 0 && (chars[i] == ' ' || is_wide(chars[i]) || is_wide(chars[i - 1]));
    let mut lines: Vec<String> = Vec::new();
    let mut start = 0;
    while start < chars.len() && lines.len() < max_lines {
        let (mut end, mut used, mut last_break) = (start, 0.0, None);
        while end < chars.len() {
            let w = char_width(chars[end], size);
            if used + w > width && end > start {
                break;
            }
            if end > start && breaks_here(end) {
                last_break = Some(end);
            }
            used += w;
            end += 1;
        }
        if end < chars.len()
            && !breaks_here(end)
            && let Some(b) = last_break
        {
            end = b;
        }
        lines.push(chars[start..end].iter().collect::<String>().trim_end().to_owned());
        start = end;
        while chars.get(start) == Some(&' ') {
            start += 1;
        }
    }
    if start < chars.len()
        && let Some(last) = lines.last_mut()
    {
        while !last.is_empty() && text_width(last, size) + char_width('…', size) > width {
            last.pop();
        }
        last.push('…');
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole_and_chinese_in_lines() {
        assert_eq!(wrap("Core database service", 100.0, 12.0, 2), ["Core database", "service"]);
        let zh = wrap("核心数据库服务与应用平台", 60.0, 12.0, 2);
        assert_eq!(zh, ["核心数据库", "服务与应…"]);
        for line in wrap("Supercalifragilisticexpialidocious payroll", 80.0, 12.0, 2) {
            assert!(text_width(&line, 12.0) <= 80.0, "{line}");
        }
    }
}
