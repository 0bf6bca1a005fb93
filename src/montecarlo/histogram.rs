//! Durations in flat memory: a fixed set of log-spaced bins of seconds, so that the
//! quantiles of a million replicas take the same memory as those of ten.
//!
//! Bins: every whole second below 32 s has its own bin; from 32 s on, each doubling
//! (32–63 s, 64–127 s, …) is cut into 16 equal bins, so a bin is at most 1/16 (6.25 %)
//! of its lower edge wide. Integer arithmetic only, so the bin of a value is the same on
//! every platform. Each bin keeps its count and the smallest value that fell in it; a
//! quantile reads as that smallest value, which is exact when a bin holds one value
//! (a fixed duration) and otherwise at most 6.25 % below the true quantile.

use serde::{Deserialize, Serialize};

/// Values below this have one bin each.
const EXACT: u64 = 32;
/// Bins per doubling above `EXACT`.
const PER_DOUBLING: u64 = 16;
/// How many bins: the exact ones and 16 per doubling from 2^5 to 2^62 (the largest
/// doubling an `i64` reaches).
const BINS: usize = (EXACT + (63 - 5) * PER_DOUBLING) as usize;

/// The bin a number of seconds falls in (negative values count as 0).
pub fn bin_of(seconds: i64) -> usize {
    let v = u64::try_from(seconds).unwrap_or(0);
    if v < EXACT {
        return v as usize;
    }
    let doubling = 63 - u64::from(v.leading_zeros()); // floor(log2 v), at least 5
    let within = (v >> (doubling - 4)) & (PER_DOUBLING - 1);
    (EXACT + (doubling - 5) * PER_DOUBLING + within) as usize
}

/// Counts of durations by bin, with the smallest value seen in each. A partial aggregate
/// stores it as its non-empty bins ([`StoredBin`]), read back only when they are
/// consistent, so that merging never meets a histogram it could not have made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "Vec<StoredBin>", try_from = "Vec<StoredBin>")]
pub struct Histogram {
    counts: Vec<u64>,
    least: Vec<i64>,
    total: u64,
}

impl Default for Histogram {
    fn default() -> Self {
        Histogram { counts: vec![0; BINS], least: vec![i64::MAX; BINS], total: 0 }
    }
}

/// A histogram bin as `montecarlo.json` lists it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Bin {
    /// The smallest value that fell in the bin, seconds.
    pub from: i64,
    /// How many values.
    pub count: u64,
}

impl Histogram {
    /// Counts one value.
    pub fn add(&mut self, seconds: i64) {
        let b = bin_of(seconds);
        self.counts[b] += 1;
        self.least[b] = self.least[b].min(seconds.max(0));
        self.total += 1;
    }

    /// Adds another histogram's counts: sums and minima, so the order of merging never
    /// changes the result.
    pub fn merge(&mut self, other: &Histogram) {
        for b in 0..BINS {
            self.counts[b] += other.counts[b];
            self.least[b] = self.least[b].min(other.least[b]);
        }
        self.total += other.total;
    }

    /// How many values were counted.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The value of rank `rank` (1-based, in increasing order), as its bin's smallest
    /// value; `None` when fewer values were counted.
    pub fn at_rank(&self, rank: u64) -> Option<i64> {
        let mut seen = 0;
        for b in 0..BINS {
            seen += self.counts[b];
            if seen >= rank && self.counts[b] > 0 {
                return Some(self.least[b]);
            }
        }
        None
    }

    /// The bins that hold something, in increasing order.
    pub fn bins(&self) -> Vec<Bin> {
        (0..BINS).filter(|&b| self.counts[b] > 0).map(|b| Bin { from: self.least[b], count: self.counts[b] }).collect()
    }
}

/// A non-empty bin as a partial aggregate stores it: everything needed to merge.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredBin {
    /// The bin's number (see [`bin_of`]).
    pub bin: usize,
    /// How many values fell in it.
    pub count: u64,
    /// The smallest of them, seconds.
    pub least: i64,
}

impl From<Histogram> for Vec<StoredBin> {
    fn from(h: Histogram) -> Self {
        (0..BINS)
            .filter(|&b| h.counts[b] > 0)
            .map(|b| StoredBin { bin: b, count: h.counts[b], least: h.least[b] })
            .collect()
    }
}

impl TryFrom<Vec<StoredBin>> for Histogram {
    type Error = String;

    /// Bins in increasing order, each used once, non-empty, its least value inside it,
    /// and a total that fits in 64 bits.
    fn try_from(stored: Vec<StoredBin>) -> Result<Self, String> {
        let mut h = Histogram::default();
        let mut previous = None;
        for s in stored {
            if s.bin >= BINS || previous.is_some_and(|p| p >= s.bin) {
                return Err(format!("histogram bin {} is out of range or out of order", s.bin));
            }
            if s.count == 0 || s.least < 0 || bin_of(s.least) != s.bin {
                return Err(format!("histogram bin {} holds an impossible count or least value", s.bin));
            }
            h.total = h.total.checked_add(s.count).ok_or("histogram counts overflow")?;
            h.counts[s.bin] = s.count;
            h.least[s.bin] = s.least;
            previous = Some(s.bin);
        }
        Ok(h)
    }
}

/// The nearest rank of quantile `permille`/1000 among `n` values: ceil(q·n), at least 1.
pub fn rank(permille: u64, n: u64) -> u64 {
    (permille * n).div_ceil(1000).max(1)
}

/// Durations measured, and how many replicas never reached the moment measured.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Durations {
    /// The durations measured.
    pub seen: Histogram,
    /// Replicas where the moment never came within the exercise.
    pub never: u64,
}

impl Durations {
    pub(crate) fn add(&mut self, value: Option<i64>) {
        match value {
            Some(v) => self.seen.add(v),
            None => self.never += 1,
        }
    }

    pub(crate) fn merge(&mut self, other: &Durations) {
        self.seen.merge(&other.seen);
        self.never += other.never;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_are_exact_below_32_seconds_and_a_sixteenth_of_a_doubling_above() {
        assert_eq!(bin_of(-5), 0);
        assert_eq!(bin_of(31), 31);
        assert_eq!(bin_of(32), 32);
        // 32–63 s: 16 bins of 2 s.
        assert_eq!(bin_of(33), 32);
        assert_eq!(bin_of(34), 33);
        assert_eq!(bin_of(63), 47);
        assert_eq!(bin_of(64), 48);
        assert_eq!(bin_of(65), 48);
        // 7200 s = 2^12 · 1.7578: the 12th bin of its doubling, 7168–7423 s.
        assert_eq!(bin_of(7168), bin_of(7423));
        assert_ne!(bin_of(7167), bin_of(7168));
        assert_eq!(bin_of(i64::MAX), BINS - 1);
    }

    #[test]
    fn quantiles_read_the_smallest_value_of_their_bin() {
        let mut h = Histogram::default();
        for v in [7200, 7200, 7300, 60, 10] {
            h.add(v);
        }
        assert_eq!(h.at_rank(1), Some(10));
        assert_eq!(h.at_rank(2), Some(60));
        assert_eq!(h.at_rank(5), Some(7200));
        assert_eq!(h.at_rank(6), None);
        assert_eq!(rank(500, 5), 3);
        assert_eq!(rank(50, 5), 1);
        assert_eq!(rank(990, 1000), 990);
    }

    #[test]
    fn merging_in_either_order_gives_the_same_histogram() {
        let (mut a, mut b) = (Histogram::default(), Histogram::default());
        a.add(100);
        a.add(5000);
        b.add(101);
        let mut ab = a.clone();
        ab.merge(&b);
        b.merge(&a);
        assert_eq!(ab, b);
        assert_eq!(ab.at_rank(1), Some(100));
    }

    #[test]
    fn a_stored_histogram_reads_back_equal_and_impossible_bins_are_refused() {
        let mut h = Histogram::default();
        for v in [0, 31, 7200, 7300, 90_000, i64::MAX] {
            h.add(v);
        }
        let text = serde_json::to_string(&h).expect("json");
        assert_eq!(serde_json::from_str::<Histogram>(&text).expect("reads back"), h);
        for bad in [
            r#"[{"bin":960,"count":1,"least":0}]"#,
            r#"[{"bin":5,"count":1,"least":5},{"bin":5,"count":1,"least":5}]"#,
            r#"[{"bin":6,"count":1,"least":6},{"bin":5,"count":1,"least":5}]"#,
            r#"[{"bin":5,"count":0,"least":5}]"#,
            r#"[{"bin":5,"count":1,"least":6}]"#,
            r#"[{"bin":0,"count":1,"least":-1}]"#,
            r#"[{"bin":1,"count":18446744073709551615,"least":1},{"bin":2,"count":1,"least":2}]"#,
        ] {
            assert!(serde_json::from_str::<Histogram>(bad).is_err(), "{bad}");
        }
    }
}
