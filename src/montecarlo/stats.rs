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

/// Replicas of one study played against two plans, judged on one target: met under
/// both, only under this plan, only under the variant, under neither.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Pairs {
    /// Met under both.
    pub both: u64,
    /// Met under this plan only.
    pub base_only: u64,
    /// Met under the variant only.
    pub variant_only: u64,
    /// Met under neither.
    pub neither: u64,
}

impl Pairs {
    /// Counts one replica judged under both plans.
    pub fn add(&mut self, base: bool, variant: bool) {
        match (base, variant) {
            (true, true) => self.both += 1,
            (true, false) => self.base_only += 1,
            (false, true) => self.variant_only += 1,
            (false, false) => self.neither += 1,
        }
    }

    /// Sums: order-independent.
    pub fn merge(&mut self, o: Pairs) {
        self.both += o.both;
        self.base_only += o.base_only;
        self.variant_only += o.variant_only;
        self.neither += o.neither;
    }

    /// Replicas judged under both.
    pub fn n(self) -> u64 {
        self.both + self.base_only + self.variant_only + self.neither
    }
}

/// The paired difference P(variant) − P(this plan) with its 95 % interval: Newcombe's
/// hybrid score interval for paired proportions (Statistics in Medicine 17, 1998,
/// pp. 2635–2650, method 10): the Wilson intervals of both proportions, combined with
/// the correlation φ of the pairs, so that concordant replicas (the common random
/// numbers) narrow it. `None` when no replica was judged under both.
pub fn paired_difference(p: Pairs) -> Option<(f64, f64, f64)> {
    let n = p.n();
    let (l1, u1) = wilson(p.both + p.variant_only, n)?;
    let (l2, u2) = wilson(p.both + p.base_only, n)?;
    let nf = n as f64;
    let (p1, p2) = ((p.both + p.variant_only) as f64 / nf, (p.both + p.base_only) as f64 / nf);
    let (a, b, c, d) = (p.both as f64, p.variant_only as f64, p.base_only as f64, p.neither as f64);
    let denominator = (a + b) * (c + d) * (a + c) * (b + d);
    let phi = if denominator > 0.0 { (a * d - b * c) / libm::sqrt(denominator) } else { 0.0 };
    let diff = p1 - p2;
    let spread = |x: f64, y: f64| libm::sqrt((x * x - 2.0 * phi * x * y + y * y).max(0.0));
    let low = diff - spread(p1 - l1, u2 - p2);
    let high = diff + spread(u1 - p1, p2 - l2);
    Some((diff, low.max(-1.0), high.min(1.0)))
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
    fn paired_difference_follows_newcombe_method_10() {
        // Every replica met only under the variant (n = 20): φ = 0 (a margin is empty),
        // difference 1, low = 1 − √2 · (1 − Wilson low of 20/20) = 1 − √2 · 0.16113.
        let all = Pairs { variant_only: 20, ..Pairs::default() };
        let (d, l, h) = paired_difference(all).unwrap();
        assert!(d == 1.0 && h == 1.0 && close(l, 0.77213), "{d} {l} {h}");
        // Concordant pairs only (10 met under both, 10 under neither): φ = 1, so the
        // interval is |(p − l) − (u − p)| wide each side: 0 for p = 1/2.
        let same = Pairs { both: 10, neither: 10, ..Pairs::default() };
        let (d, l, h) = paired_difference(same).unwrap();
        assert!(d == 0.0 && close(l, 0.0) && close(h, 0.0), "{d} {l} {h}");
        // A worked case, from the published formula (computed separately): both 30,
        // variant only 5, base only 1, neither 14; p1 = 0.7, p2 = 0.62, Wilson
        // (0.5625, 0.8090) and (0.4815, 0.7414), φ = (30·14 − 5·1)/√(35·15·31·19) =
        // 0.7463: difference 0.08 in [−0.0134, 0.1724].
        let mixed = Pairs { both: 30, variant_only: 5, base_only: 1, neither: 14 };
        let (d, l, h) = paired_difference(mixed).unwrap();
        assert!(close(d, 0.08) && close(l, -0.01343) && close(h, 0.17235), "{d} {l} {h}");
        assert_eq!(paired_difference(Pairs::default()), None);
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
