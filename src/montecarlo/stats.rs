//! Proportions with their 95 % Wilson score interval, and the seed of each replica.

use serde::{Deserialize, Serialize};

/// The 97.5th percentile of the standard normal distribution: a two-sided 95 % interval.
const Z95: f64 = 1.959_963_984_540_054;

/// The seed replica `index` is played with: output `index + 1` of a SplitMix64
/// generator seeded with `seed` (Steele, Lea and Flood's constants). It depends only on
/// `(seed, index)`, never on threads or order.
pub fn replica_seed(seed: u64, index: u64) -> u64 {
    let mut z = seed.wrapping_add(index.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// How often something happened, out of how many replicas where it could be judged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// Replicas where it happened.
    pub hits: u64,
    /// Replicas where it could be judged.
    pub of: u64,
}

impl Count {
    /// Counts one replica.
    pub fn add(&mut self, hit: bool) {
        self.of += 1;
        self.hits += u64::from(hit);
    }

    /// Sums: order-independent.
    pub fn merge(&mut self, other: Count) {
        self.hits += other.hits;
        self.of += other.of;
    }

    /// The proportion with its interval, or `None` when nothing could be judged.
    pub fn proportion(self) -> Option<Proportion> {
        let (low, high) = wilson(self.hits, self.of)?;
        Some(Proportion { p: self.hits as f64 / self.of as f64, low, high, hits: self.hits, of: self.of })
    }
}

/// A proportion as `montecarlo.json` writes it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Proportion {
    /// hits / of.
    pub p: f64,
    /// Lower end of the 95 % Wilson interval.
    pub low: f64,
    /// Upper end.
    pub high: f64,
    /// Replicas where it happened.
    pub hits: u64,
    /// Replicas where it could be judged.
    pub of: u64,
}

/// The 95 % Wilson score interval of `hits` out of `n`; `None` for `n = 0`. The ends
/// are exactly 0 and 1 when every or no replica hit, where rounding could say 0.9999….
pub fn wilson(hits: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let (x, n) = (hits as f64, n as f64);
    let p = x / n;
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z95 / denominator * libm::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    let low = if hits == 0 { 0.0 } else { (centre - half).max(0.0) };
    let high = if x == n { 1.0 } else { (centre + half).min(1.0) };
    Some((low, high))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 5e-5
    }

    #[test]
    fn wilson_interval_matches_published_values() {
        // Newcombe (1998), method 3, and the usual tables: 5/10, 0/10, 10/10, 81/263.
        let (l, h) = wilson(5, 10).unwrap();
        assert!(close(l, 0.2366) && close(h, 0.7634), "{l} {h}");
        let (l, h) = wilson(0, 10).unwrap();
        assert!(l == 0.0 && close(h, 0.2775), "{l} {h}");
        let (l, h) = wilson(10, 10).unwrap();
        assert!(close(l, 0.7225) && h == 1.0, "{l} {h}");
        let (l, h) = wilson(81, 263).unwrap();
        assert!(close(l, 0.2553) && close(h, 0.3662), "{l} {h}");
        assert_eq!(wilson(0, 0), None);
    }

    #[test]
    fn replica_seeds_are_splitmix64_outputs() {
        // The first outputs of SplitMix64 seeded with 0, as published with the algorithm.
        assert_eq!(replica_seed(0, 0), 0xE220_A839_7B1D_CDAF);
        assert_eq!(replica_seed(0, 1), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(replica_seed(0, 2), 0x06C4_5D18_8009_454F);
        // Golden: seed 42's replica 7 never changes.
        assert_eq!(replica_seed(42, 7), 0xCCF6_35EE_9E9E_2FA4);
    }
}
