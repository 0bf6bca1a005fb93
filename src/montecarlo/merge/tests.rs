use proptest::prelude::*;

use super::*;
use crate::montecarlo::partial::{KeptInput, PARTIAL_SCHEMA_VERSION};
use crate::montecarlo::tally::{Aggregate, FunctionTally};

/// A shard's partial with a tally made from `values` (one per replica, as seconds):
/// every kind of field gets something, so a merge that dropped or overwrote one differs.
fn part(index: u64, count: u64, runs: u64, values: &[i64]) -> Partial {
    let mut aggregate =
        Aggregate { functions: vec![FunctionTally::default()], ratings: vec![[0; 5]], ..Aggregate::default() };
    for &v in values {
        aggregate.runs += 1;
        let f = &mut aggregate.functions[0];
        f.within_rto.add(v < 7200);
        f.back_after.seen.add(v);
        f.data_lost.never += u64::from(v % 3 == 0);
        aggregate.declaration.seen.add(v / 2);
        aggregate.ratings[0][(v % 5) as usize] += 1;
        *aggregate.findings.entry(format!("finding:{}", v % 4)).or_insert(0) += 1;
    }
    Partial {
        schema_version: PARTIAL_SCHEMA_VERSION,
        sandtable_version: "0.1.0".to_owned(),
        scenario: "drill".to_owned(),
        inputs: crate::inputs::Inputs::default(),
        seed: 3,
        runs,
        shard: Shard { index, count },
        complete: true,
        aggregate,
        scenario_path: "drill.yaml".to_owned(),
        plan_override: None,
        files: vec![KeptInput { role: "scenario".to_owned(), path: "drill.yaml".to_owned(), text: String::new() }],
    }
}

/// Replica values split into `count` interleaved shards, named `shard-K`.
fn split(values: &[i64], count: u64) -> Vec<(String, Partial)> {
    (0..count)
        .map(|k| {
            let mine: Vec<i64> = values.iter().copied().skip(k as usize).step_by(count as usize).collect();
            (format!("shard-{k}"), part(k, count, values.len() as u64, &mine))
        })
        .collect()
}

proptest! {
    #[test]
    fn the_merged_tally_does_not_depend_on_the_order_of_the_files(
        values in prop::collection::vec(0i64..200_000, 0..60),
        count in 1u64..6,
        order in prop::collection::vec(any::<prop::sample::Index>(), 6),
    ) {
        let parts = split(&values, count);
        let whole = part(0, 1, values.len() as u64, &values);
        let mut shuffled = parts.clone();
        for (i, pick) in order.iter().enumerate().take(shuffled.len()) {
            let j = pick.index(shuffled.len());
            shuffled.swap(i, j);
        }
        let merged = merge(&shuffled).expect("merges");
        prop_assert_eq!(&merged.aggregate, &whole.aggregate);
        prop_assert_eq!(merged.shard, Shard::WHOLE);
        prop_assert_eq!(merge(&parts).expect("merges"), merged);
    }
}

#[test]
fn a_missing_duplicated_stopped_or_foreign_shard_is_named() {
    let values = [100, 8000, 300, 9000, 50];
    let parts = split(&values, 3);
    let missing = merge(&[parts[0].clone(), parts[2].clone()]);
    assert_eq!(missing, Err(MergeError::Missing { indices: vec![1], count: 1, of: 3 }));
    let twice = merge(&[parts[0].clone(), parts[1].clone(), parts[2].clone(), parts[1].clone()]);
    let files = vec!["shard-1".to_owned(), "shard-1".to_owned()];
    assert_eq!(twice, Err(MergeError::Duplicate { shard: Shard { index: 1, count: 3 }, files }));
    let mut stopped = parts.clone();
    stopped[2].1.complete = false;
    stopped[2].1.aggregate.runs = 0;
    let incomplete = merge(&stopped);
    let expected = MergeError::Incomplete {
        file: "shard-2".to_owned(),
        shard: Shard { index: 2, count: 3 },
        played: 0,
        planned: 1,
    };
    assert_eq!(incomplete, Err(expected));
    let mut other_seed = parts.clone();
    other_seed[1].1.seed = 4;
    assert!(matches!(merge(&other_seed), Err(MergeError::Mismatch { what: "seed", file, .. }) if file == "shard-1"));
    let mut other_release = parts.clone();
    other_release[2].1.sandtable_version = "0.2.0".to_owned();
    let release = merge(&other_release);
    assert!(matches!(release, Err(MergeError::Mismatch { what: "sandtable_version", found, .. }) if found == "0.2.0"));
    let mut other_split = parts.clone();
    other_split[1].1.shard.count = 4;
    assert!(matches!(merge(&other_split), Err(MergeError::Mismatch { what: "shards", .. })));
    let mut other_runs = parts.clone();
    other_runs[2].1.runs = 6;
    assert!(matches!(merge(&other_runs), Err(MergeError::Mismatch { what: "runs", .. })));
    let mut other_inputs = parts;
    other_inputs[0].1.inputs.add("plan", "rto: 2h");
    assert!(
        matches!(merge(&other_inputs), Err(MergeError::Mismatch { what: "inputs", file, .. }) if file == "shard-1")
    );
    assert_eq!(merge(&[]), Err(MergeError::Nothing));
}

#[test]
fn missing_shards_are_listed_up_to_a_limit_and_counted() {
    assert_eq!(missing([1, 3].into_iter(), 5), vec![0, 2, 4]);
    assert_eq!(missing(std::iter::empty(), 1000).len(), MAX_LISTED);
}
