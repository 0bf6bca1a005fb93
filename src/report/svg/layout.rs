//! Where labels go: each label on the first line of a band where it fits, as near as it
//! can to where it points, and never over another label.

pub use super::write::Anchor;
use super::{text_width, write};

/// A piece of text and the box it takes.
#[derive(Debug, Clone)]
pub struct Label {
    pub text: String,
    pub left: f64,
    pub baseline: f64,
    pub size: f64,
    pub fill: &'static str,
    /// How it is drawn inside its box: the box is an estimate at least as wide as the
    /// text, so a label placed by its middle is drawn by its middle.
    pub anchor: Anchor,
}

impl Label {
    pub fn new(text: String, left: f64, baseline: f64, size: f64, fill: &'static str) -> Label {
        Label { text, left, baseline, size, fill, anchor: Anchor::Start }
    }
    pub fn anchored(self, anchor: Anchor) -> Label {
        Label { anchor, ..self }
    }
    pub fn draw(&self, s: &mut String) {
        let x = match self.anchor {
            Anchor::Start => self.left,
            Anchor::Middle => (self.left + self.right()) / 2.0,
            Anchor::End => self.right(),
        };
        write::text(s, x, self.baseline, self.size, self.anchor, self.fill, &self.text);
    }
    pub fn right(&self) -> f64 {
        self.left + text_width(&self.text, self.size)
    }
}

/// The label's box, for the tests that prove no two labels overlap and none leaves the picture.
#[cfg(test)]
impl Label {
    pub fn top(&self) -> f64 {
        self.baseline - 0.85 * self.size
    }
    pub fn bottom(&self) -> f64 {
        self.baseline + 0.25 * self.size
    }
    pub fn overlaps(&self, other: &Label) -> bool {
        self.left < other.right()
            && other.left < self.right()
            && self.top() < other.bottom()
            && other.top() < self.bottom()
    }
}

/// A label that wants to sit at `x`.
#[derive(Debug, Clone, Copy)]
pub struct Want {
    pub x: f64,
    pub anchor: Anchor,
    pub width: f64,
}

/// Where a label went: its line in the band and its left and right edges.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub line: usize,
    pub left: f64,
    pub right: f64,
}

/// The least space between two labels on one line.
pub const GAP: f64 = 6.0;

fn clear(left: f64, width: f64, taken: &[(f64, f64)]) -> bool {
    taken.iter().all(|&(l, r)| left >= r + GAP || left + width + GAP <= l)
}

/// Places labels in order, each between `lo` and `hi` (a label wider than that starts
/// at `lo`): on the first line where it fits, at the clear position nearest the one it
/// wants. A new line is always clear, so every label is placed; a band needs at most as
/// many lines as it has labels.
pub fn place(wants: &[Want], lo: f64, hi: f64) -> Vec<Placed> {
    let mut lines: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut out = Vec::with_capacity(wants.len());
    for want in wants {
        let offset = match want.anchor {
            Anchor::Start => 0.0,
            Anchor::Middle => want.width / 2.0,
            Anchor::End => want.width,
        };
        let max_left = (hi - want.width).max(lo);
        let wanted = (want.x - offset).clamp(lo, max_left);
        let mut chosen = None;
        for (line, taken) in lines.iter().enumerate() {
            let candidates = std::iter::once(wanted)
                .chain(taken.iter().flat_map(|&(l, r)| [r + GAP, l - GAP - want.width]))
                .filter(|left| (lo..=max_left).contains(left) && clear(*left, want.width, taken));
            let best = candidates.min_by(|a, b| (a - wanted).abs().total_cmp(&(b - wanted).abs()));
            if let Some(left) = best {
                chosen = Some((line, left));
                break;
            }
        }
        let (line, left) = chosen.unwrap_or_else(|| {
            lines.push(Vec::new());
            (lines.len() - 1, wanted)
        });
        if let Some(taken) = lines.get_mut(line) {
            taken.push((left, left + want.width));
        }
        out.push(Placed { line, left, right: left + want.width });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn want(x: f64, width: f64) -> Want {
        Want { x, anchor: Anchor::Middle, width }
    }

    #[test]
    fn labels_at_one_point_share_a_line_side_by_side_when_there_is_room() {
        let placed = place(&[want(300.0, 40.0), want(300.0, 40.0)], 0.0, 760.0);
        assert_eq!(placed[0], Placed { line: 0, left: 280.0, right: 320.0 });
        assert_eq!(placed[1].line, 0);
        assert!(placed[1].left >= 320.0 + GAP || placed[1].right + GAP <= 280.0);
    }

    #[test]
    fn labels_with_no_room_beside_each_other_go_to_the_next_line() {
        let placed = place(&[want(50.0, 90.0), want(50.0, 90.0)], 0.0, 100.0);
        assert_eq!(placed.iter().map(|p| p.line).collect::<Vec<_>>(), [0, 1]);
    }

    proptest! {
        /// Whatever the labels, no two on one line overlap and each stays in bounds.
        #[test]
        fn placed_labels_never_overlap(
            labels in prop::collection::vec((0.0f64..900.0, 1.0f64..300.0, 0u8..3), 0..8)
        ) {
            let wants: Vec<Want> = labels.iter().map(|&(x, width, a)| Want {
                x, width, anchor: [Anchor::Start, Anchor::Middle, Anchor::End][usize::from(a)],
            }).collect();
            let placed = place(&wants, 200.0, 744.0);
            prop_assert_eq!(placed.len(), wants.len());
            for (i, a) in placed.iter().enumerate() {
                prop_assert!(a.line < wants.len());
                prop_assert!(a.left >= 200.0 && (a.right <= 744.0 || a.left == 200.0));
                for b in &placed[i + 1..] {
                    prop_assert!(a.line != b.line || a.right + GAP <= b.left + 1e-9 || b.right + GAP <= a.left + 1e-9,
                        "{:?} overlaps {:?}", a, b);
                }
            }
        }
    }
}
