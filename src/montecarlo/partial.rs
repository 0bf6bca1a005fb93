//! `montecarlo.partial.json`: what one shard of a study counted, losslessly, with what
//! `merge` needs to check that shards belong together and to write the study's files
//! without the project at hand: the inputs' SHA-256, seed, runs, the shard, and the
//! texts of the scenario, plan and scripts (so the model is compiled from exactly what
//! was played).

use serde::{Deserialize, Serialize};

use super::histogram::Durations;
use super::shard::Shard;
use super::tally::Aggregate;
use crate::inputs::Inputs;

/// Version of the `montecarlo.partial.json` layout.
pub const PARTIAL_SCHEMA_VERSION: u32 = 1;

/// The name a shard's partial aggregate is written under.
pub const PARTIAL_FILE: &str = "montecarlo.partial.json";

/// An input file as played: its role (as [`Inputs`] names it), the path it was read
/// from, and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptInput {
    /// `scenario`, `plan` or `script PATH`.
    pub role: String,
    /// The path it was read from; the model is compiled from these texts at these paths.
    pub path: String,
    /// The text.
    pub text: String,
}

/// A shard's aggregate and what it was played from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partial {
    /// [`PARTIAL_SCHEMA_VERSION`] when written.
    pub schema_version: u32,
    /// The release that played the shard: another release may play the same seed
    /// differently, so shards of different releases do not make one study.
    pub sandtable_version: String,
    /// The scenario's id, to name it in messages.
    pub scenario: String,
    /// The SHA-256 of every input, the decisions file's included.
    pub inputs: Inputs,
    /// The study's seed.
    pub seed: u64,
    /// The study's replicas, all shards together.
    pub runs: u64,
    /// Which replicas this file counts.
    pub shard: Shard,
    /// Whether every replica of the shard was played (not stopped by Ctrl-C).
    pub complete: bool,
    /// The tally; `aggregate.runs` replicas were played.
    pub aggregate: Aggregate,
    /// The scenario's path, as read.
    pub scenario_path: String,
    /// The plan given with `--plan`, when one was.
    pub plan_override: Option<String>,
    /// The scenario, plan and scripts as read.
    pub files: Vec<KeptInput>,
}

/// Why a partial aggregate cannot be read, for the caller to say in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartialError {
    /// Not JSON, not this layout, or figures no study could have counted.
    Corrupt(String),
    /// Written by a newer sandtable, in layout `found`.
    Newer {
        /// The file's `schema_version`.
        found: u64,
    },
}

impl Partial {
    /// The file's text: pretty JSON ending in a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads a partial aggregate, refusing a newer layout before trying to read it and
    /// anything inconsistent after, so that merging only meets figures a shard could have
    /// counted.
    pub fn read(text: &str) -> Result<Partial, PartialError> {
        let corrupt = |why: String| PartialError::Corrupt(why);
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| corrupt(e.to_string()))?;
        match value.get("schema_version").and_then(serde_json::Value::as_u64) {
            Some(v) if v > u64::from(PARTIAL_SCHEMA_VERSION) => return Err(PartialError::Newer { found: v }),
            Some(_) => {}
            None => return Err(corrupt("no schema_version".to_owned())),
        }
        let partial: Partial = serde_json::from_value(value).map_err(|e| corrupt(e.to_string()))?;
        partial.check().map_err(corrupt)?;
        Ok(partial)
    }

    /// The replicas this file should count when complete.
    pub fn planned(&self) -> u64 {
        self.shard.replicas(self.runs)
    }

    fn check(&self) -> Result<(), String> {
        if !self.shard.is_valid() {
            return Err(format!("shard {} is not a shard", self.shard));
        }
        let played = self.aggregate.runs;
        if played > self.planned() {
            return Err(format!("it counts {played} replicas; shard {} has {}", self.shard, self.planned()));
        }
        if self.complete != (played == self.planned()) {
            return Err("`complete` does not agree with the replicas counted".to_owned());
        }
        if !self.files.iter().any(|f| f.role == "scenario" && f.path == self.scenario_path) {
            return Err("it does not keep the scenario it names".to_owned());
        }
        counts_within(&self.aggregate)
    }
}

/// Every count is at most the replicas counted, so that sums over shards cannot
/// overflow and proportions stay within [0, 1]. A tally field added later is bounded
/// here too.
fn counts_within(agg: &Aggregate) -> Result<(), String> {
    let runs = agg.runs;
    let durations_ok = |d: &Durations| d.seen.total().checked_add(d.never).is_some_and(|n| n <= runs);
    let count_ok = |c: super::Count| c.hits <= c.of && c.of <= runs;
    let functions_ok = agg.functions.iter().all(|f| {
        [f.within_rto, f.within_mtd, f.within_rpo, f.not_back].into_iter().all(count_ok)
            && durations_ok(&f.back_after)
            && durations_ok(&f.data_lost)
    });
    let ratings_ok =
        agg.ratings.iter().all(|r| r.iter().try_fold(0u64, |sum, &n| sum.checked_add(n)).is_some_and(|n| n <= runs));
    let notices_ok =
        agg.links.iter().chain(&agg.stakeholders).all(|t| count_ok(t.within_deadline) && durations_ok(&t.delay));
    let drivers_ok = agg.functions.iter().all(|f| {
        f.drivers.critical.values().all(|&n| n <= runs) && f.drivers.inputs.values().all(|m| moments_ok(m, runs))
    });
    let ok = functions_ok
        && ratings_ok
        && notices_ok
        && drivers_ok
        && durations_ok(&agg.declaration)
        && durations_ok(&agg.call_tree)
        && agg.findings.values().all(|&n| n <= runs);
    if ok { Ok(()) } else { Err(format!("some count exceeds the {runs} replicas it counts")) }
}

/// Seconds a sampled input or back-after can be: 2^40 s is 34,000 years. Sums of up to
/// `runs` such values, and of their squares and products, then fit an `i128` however
/// many shards are merged, so a hand-edited file cannot make a sum overflow.
const MAX_SECONDS: i128 = 1 << 40;

fn moments_ok(m: &super::Moments, runs: u64) -> bool {
    let n = i128::from(m.n);
    let (one, two) = (n.saturating_mul(MAX_SECONDS), n.saturating_mul(MAX_SECONDS).saturating_mul(MAX_SECONDS));
    m.n <= runs
        && m.sx.checked_abs().is_some_and(|v| v <= one)
        && m.sy.checked_abs().is_some_and(|v| v <= one)
        && (0..=two).contains(&m.sxx)
        && (0..=two).contains(&m.syy)
        && m.sxy.checked_abs().is_some_and(|v| v <= two)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Partial {
        let mut aggregate = Aggregate { runs: 2, ..Aggregate::default() };
        aggregate.findings.insert("rpo-missed:orders".to_owned(), 1);
        aggregate.declaration.seen.add(600);
        Partial {
            schema_version: PARTIAL_SCHEMA_VERSION,
            sandtable_version: "0.1.0".to_owned(),
            scenario: "drill".to_owned(),
            inputs: Inputs::default(),
            seed: 7,
            runs: 5,
            shard: Shard { index: 1, count: 2 },
            complete: true,
            aggregate,
            scenario_path: "drill.yaml".to_owned(),
            plan_override: None,
            files: vec![KeptInput {
                role: "scenario".to_owned(),
                path: "drill.yaml".to_owned(),
                text: "id: drill".to_owned(),
            }],
        }
    }

    #[test]
    fn a_partial_reads_back_as_written() {
        let p = sample();
        assert_eq!(Partial::read(&p.to_json()), Ok(p));
    }

    #[test]
    fn newer_corrupt_and_impossible_files_are_refused() {
        let text = sample().to_json();
        assert_eq!(
            Partial::read(&text.replace("\"schema_version\": 1", "\"schema_version\": 2")),
            Err(PartialError::Newer { found: 2 })
        );
        let corrupt = |t: &str| matches!(Partial::read(t), Err(PartialError::Corrupt(_)));
        assert!(corrupt(&text[..text.len() / 2]), "truncated");
        assert!(corrupt("[]"), "no schema_version");
        assert!(
            corrupt(&text.replace("\"schema_version\": 1", "\"schema_version\": 1, \"extra\": 0")),
            "unknown field"
        );
        assert!(corrupt(&text.replace("\"index\": 1", "\"index\": 2")), "shard 2/2");
        assert!(corrupt(&text.replace("\"complete\": true", "\"complete\": false")), "complete disagrees");
        assert!(corrupt(&text.replace("\"rpo-missed:orders\": 1", "\"rpo-missed:orders\": 3")), "count above runs");
        assert!(corrupt(&text.replace("\"runs\": 5", "\"runs\": 2")), "more counted than the shard has");
        assert!(corrupt(&text.replace("\"role\": \"scenario\"", "\"role\": \"plan\"")), "no scenario kept");
    }
}
