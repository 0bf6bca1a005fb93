//! What if: the same replicas played against plan variants (common random numbers:
//! replica `i` has the same seed under every plan), each replica judged under both
//! plans and counted as a pair, so the difference is measured on the same draws.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::play::{ReplicaFailed, Study, merge_with, one};
use super::stats::Pairs;
use super::tally::Aggregate;
use crate::compile::Model;
use crate::engine::{Engine, Prepared};
use crate::results::{OutageResult, Results};
use crate::script::ScriptHost;

/// A plan variant to play the study's replicas against.
#[derive(Debug, Clone, Copy)]
pub struct Variant<'a> {
    /// The scenario compiled against the variant plan.
    pub model: &'a Model,
    /// The scenario's scripts, checked against it.
    pub scripts: &'a ScriptHost,
    /// Answers from the decisions file, prepared for it; the defaults when `None`.
    pub answers: Option<&'a Prepared>,
}

/// The targets compared, in the order `VariantTally` keeps them.
pub const TARGETS: [&str; 3] = ["within_rto", "within_mtd", "within_rpo"];

/// One variant against the study's plan: per function of the study's plan (in its
/// order), the pairs for each of [`TARGETS`]; a function the variant lacks stays empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct VariantTally {
    /// Per function: RTO, MTD, RPO pairs.
    pub functions: Vec<[Pairs; 3]>,
}

impl VariantTally {
    fn new(model: &Model) -> Self {
        VariantTally { functions: vec![[Pairs::default(); 3]; model.functions.len()] }
    }

    /// Sums: order-independent.
    pub fn merge(&mut self, other: &VariantTally) {
        for (a, b) in self.functions.iter_mut().zip(&other.functions) {
            for (x, y) in a.iter_mut().zip(b) {
                x.merge(*y);
            }
        }
    }
}

/// The study's aggregate and, per variant, its pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compared {
    /// The study's own plan, as `play` counts it.
    pub base: Aggregate,
    /// Per variant, in the order given.
    pub variants: Vec<VariantTally>,
}

impl Compared {
    fn merge(&mut self, other: &Compared) {
        self.base.merge(&other.base);
        for (a, b) in self.variants.iter_mut().zip(&other.variants) {
            a.merge(b);
        }
    }
}

/// Counts the pairs of one replica: each function of the study's plan against the
/// function with the same id in the variant, on each target judged under both.
fn pair(tally: &mut VariantTally, map: &[Option<usize>], base: &Results, variant: &Results) {
    fn first(r: &Results, i: usize) -> Option<&OutageResult> {
        r.functions.get(i)?.outages.first()
    }
    for (i, pairs) in tally.functions.iter_mut().enumerate() {
        let Some(j) = map.get(i).copied().flatten() else { continue };
        let (Some(b), Some(v)) = (first(base, i), first(variant, j)) else { continue };
        if let (Some(x), Some(y)) = (b.within_rto, v.within_rto) {
            pairs[0].add(x, y);
        }
        if let (Some(x), Some(y)) = (b.within_mtd, v.within_mtd) {
            pairs[1].add(x, y);
        }
        pairs[2].add(b.within_rpo, v.within_rpo);
    }
}

/// Plays every replica against the study's plan and each variant, with the same seeds,
/// on the current rayon pool, until `stop` is set (as `play_part` does). As with `play`,
/// the result does not depend on the pool, and the failing replica with the lowest
/// index is reported.
pub fn play_compare(
    study: &Study<'_>,
    variants: &[Variant<'_>],
    stop: &AtomicBool,
    done: &(dyn Fn() + Sync),
) -> Result<Compared, Box<ReplicaFailed>> {
    let maps: Vec<Vec<Option<usize>>> = variants
        .iter()
        .map(|v| study.model.functions.iter().map(|f| v.model.functions.iter().position(|g| g.id == f.id)).collect())
        .collect();
    let empty = || Compared {
        base: Aggregate::new(study.model),
        variants: variants.iter().map(|_| VariantTally::new(study.model)).collect(),
    };
    let engines = || {
        let base = Engine::with_scripts(study.model, study.scripts);
        let others: Vec<Engine<'_>> = variants.iter().map(|v| Engine::with_scripts(v.model, v.scripts)).collect();
        (base, others)
    };
    super::play::in_pieces(study.runs)
        .map(|index| (!stop.load(Ordering::Relaxed)).then_some(index))
        .while_some()
        .fold(
            || (engines(), Ok(empty())),
            |((mut base, mut others), tally), index| {
                let tally = tally.and_then(|mut c: Compared| {
                    let (outcome, results) = one(study.model, study.answers, study.end, &mut base, study.seed, index)?;
                    c.base.observe(study.model, &outcome, &results, study.lang);
                    for (k, (v, engine)) in variants.iter().zip(others.iter_mut()).enumerate() {
                        let (_, theirs) = one(v.model, v.answers, study.end, engine, study.seed, index)?;
                        pair(&mut c.variants[k], &maps[k], &results, &theirs);
                    }
                    Ok(c)
                });
                done();
                ((base, others), tally)
            },
        )
        .map(|(_, tally)| tally)
        .reduce(|| Ok(empty()), |a, b| merge_with(a, b, Compared::merge))
        .map(|mut c| {
            c.base.settle();
            c
        })
}
