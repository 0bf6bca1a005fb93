//! Playing a study's replicas in parallel: one compiled model and one script host shared
//! by every worker, one engine per worker's run of replicas (its buffers reused), and a
//! tally per worker merged into one. A shard plays its share of the indices, and a stop
//! flag (Ctrl-C, set by the CLI) is read between replicas, so a study stops cleanly with
//! the aggregate of exactly the replicas it played.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::shard::Shard;
use super::stats::replica_seed;
use super::tally::Aggregate;
use crate::compile::Model;
use crate::diag::Diagnostic;
use crate::engine::{Defaults, Engine, Prepared};
use crate::outcome::Outcome;
use crate::results::Results;
use crate::score::Lang;
use crate::script::ScriptHost;

/// What a study plays.
#[derive(Debug, Clone, Copy)]
pub struct Study<'a> {
    /// The compiled plan and scenario.
    pub model: &'a Model,
    /// The scenario's scripts.
    pub scripts: &'a ScriptHost,
    /// Answers from a decisions file or journal; the defaults when `None`.
    pub answers: Option<&'a Prepared>,
    /// Where a replayed journal ended the exercise; the planned end when `None`.
    pub end: Option<i64>,
    /// The study's seed, from which each replica's is derived.
    pub seed: u64,
    /// How many replicas.
    pub runs: u64,
    /// The language findings are judged in (their ids do not depend on it).
    pub lang: Lang,
}

/// A replica that could not be played (a script fault), the first by index.
#[derive(Debug)]
pub struct ReplicaFailed {
    /// Its index.
    pub index: u64,
    /// The seed it was played with; `run --seed` replays it.
    pub seed: u64,
    /// What went wrong.
    pub diagnostic: Diagnostic,
}

type Tally = Result<Aggregate, Box<ReplicaFailed>>;

/// Plays every replica on the current rayon pool and returns their aggregate, which does
/// not depend on the pool's size; `done` is called once per replica played. When replicas
/// fail, the one with the lowest index is returned, whatever the pool.
pub fn play(study: &Study<'_>, done: &(dyn Fn() + Sync)) -> Tally {
    play_part(study, Shard::WHOLE, &AtomicBool::new(false), done)
}

/// Plays `shard`'s replicas (the same indices and seeds they have in the whole study) as
/// [`play`] does, until `stop` is set: a replica under way finishes, none starts after,
/// and the aggregate counts exactly the replicas played (`runs`), which are then not
/// necessarily the first ones.
pub fn play_part(study: &Study<'_>, shard: Shard, stop: &AtomicBool, done: &(dyn Fn() + Sync)) -> Tally {
    let model = study.model;
    in_pieces(shard.replicas(study.runs))
        // Once stopped, no replica starts and the rest of the range is dropped at once
        // rather than walked (a study of 10^8 stops in a moment).
        .map(|nth| (!stop.load(Ordering::Relaxed)).then(|| shard.replica_index(nth)))
        .while_some()
        .fold(
            || (Engine::with_scripts(model, study.scripts), Ok(Aggregate::new(model))),
            |(mut engine, tally), index| {
                // A fold runs its indices in increasing order: after a failure, the
                // later ones cannot be the first to fail.
                let tally = tally.and_then(|mut aggregate| {
                    replica(study, &mut engine, index, &mut aggregate)?;
                    Ok(aggregate)
                });
                done();
                (engine, tally)
            },
        )
        .map(|(_, tally)| tally)
        .reduce(|| Ok(Aggregate::new(model)), merge)
        .map(|mut aggregate| {
            aggregate.settle();
            aggregate
        })
}

/// The numbers `0..count`, cut into at most four contiguous pieces a thread, each piece
/// walked in order by one worker. Each piece a worker takes may start an engine and an
/// aggregate, and merging aggregates costs as much as the plan is large (every
/// function's tornado sums): left to itself, rayon may cut a study into a piece per
/// replica, and on a plan 100 times the shipped one the merges then cost more than the
/// replicas themselves.
pub(super) fn in_pieces(count: u64) -> impl ParallelIterator<Item = u64> {
    let threads = u64::try_from(rayon::current_num_threads()).unwrap_or(1);
    let pieces = threads.saturating_mul(4).clamp(1, count.max(1));
    let at = move |k: u64| u64::try_from(u128::from(count) * u128::from(k) / u128::from(pieces)).unwrap_or(count);
    (0..pieces).into_par_iter().flat_map_iter(move |piece| at(piece)..at(piece + 1))
}

fn merge(a: Tally, b: Tally) -> Tally {
    merge_with(a, b, Aggregate::merge)
}

/// Merges two workers' tallies, or keeps the failure with the lowest index.
pub(super) fn merge_with<T>(
    a: Result<T, Box<ReplicaFailed>>,
    b: Result<T, Box<ReplicaFailed>>,
    add: impl Fn(&mut T, &T),
) -> Result<T, Box<ReplicaFailed>> {
    match (a, b) {
        (Ok(mut a), Ok(b)) => {
            add(&mut a, &b);
            Ok(a)
        }
        (Err(a), Err(b)) => Err(if a.index <= b.index { a } else { b }),
        (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
    }
}

/// Plays replica `index` and counts it.
fn replica(
    study: &Study<'_>,
    engine: &mut Engine<'_>,
    index: u64,
    into: &mut Aggregate,
) -> Result<(), Box<ReplicaFailed>> {
    let (outcome, results) = one(study.model, study.answers, study.end, engine, study.seed, index)?;
    into.observe(study.model, &outcome, &results, study.lang);
    Ok(())
}

/// Plays replica `index` of a study seeded `seed` on `engine` (built for `model`).
pub(super) fn one(
    model: &Model,
    answers: Option<&Prepared>,
    end: Option<i64>,
    engine: &mut Engine<'_>,
    seed: u64,
    index: u64,
) -> Result<(Outcome, Results), Box<ReplicaFailed>> {
    let seed = replica_seed(seed, index);
    let failed = |diagnostic| Box::new(ReplicaFailed { index, seed, diagnostic });
    engine.start(seed).map_err(failed)?;
    let outcome = match answers {
        Some(answers) => engine.finish(end, &mut answers.clone()),
        None => engine.finish(end, &mut Defaults),
    }
    .map_err(failed)?;
    let results = Results::new(model, &outcome);
    Ok((outcome, results))
}
