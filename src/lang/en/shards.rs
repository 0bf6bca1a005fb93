//! English: sharded studies, partial aggregates, `merge`, Ctrl-C.

use crate::lang::catalogue::ShardPhrases;

pub const SHARDS: ShardPhrases = ShardPhrases {
    partial: |played, planned| {
        format!(
            "Partial study: stopped after {played} of {planned} replicas; every figure counts only the replicas played."
        )
    },
    not_k_over_n: |text| {
        format!(
            "--shard {text}: expected K/N, two whole numbers with K counted from 0 (the shards of 4 are 0/4, 1/4, 2/4 and 3/4)"
        )
    },
    no_shards: |text| format!("--shard {text}: N, the number of shards, must be at least 1"),
    more_shards_than_runs: |text, runs| {
        format!(
            "--shard {text}: more shards than the {runs} replicas of --runs; some would play nothing (use at most {runs} shards)"
        )
    },
    index_too_large: |text, last| {
        format!("--shard {text}: K counts from 0 and must be below N, so here it is at most {last}")
    },
    shard_played: |shard, played, planned, runs| {
        format!(
            "Shard {shard}: played {played} of its {planned} replicas (of {runs} in the study); `sandtable merge` combines the shards."
        )
    },
    interrupted: |played, planned| {
        format!("stopped by Ctrl-C after {played} of {planned} replicas; the files written are marked partial")
    },
    nothing_to_merge: |paths| format!("no montecarlo.partial.json found in {paths}"),
    corrupt: |file, why| format!("{file} is not a readable partial aggregate: {why}"),
    newer: |file, found, reads| {
        format!(
            "{file} was written by a newer sandtable (partial layout {found}; this release reads up to {reads}): merge it with that release or a later one"
        )
    },
    mismatch: |file, what, found, first, expected| {
        format!("{file} belongs to another study than {first}: {what} {found} here, {expected} there")
    },
    incomplete: |file, shard, played, planned| {
        format!(
            "{file} holds shard {shard} stopped after {played} of its {planned} replicas: play that shard again, then merge"
        )
    },
    duplicate: |shard, files| format!("shard {shard} is given more than once: {files}"),
    missing: |list, count, of| {
        format!("{count} of {of} shards missing (K = {list}): play them with --shard K/{of}, then merge them all")
    },
    kept_files_changed: |file, roles| {
        format!(
            "{file}: the files it keeps no longer have the SHA-256 it records ({roles}); it was edited after it was written"
        )
    },
    compare_not_sharded: "--shard cannot be combined with --compare: a what-if study is played on one machine (its pairs are not kept in partial aggregates yet)",
};
