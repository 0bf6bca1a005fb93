//! The phrases of sharded studies: `--shard`, partial aggregates, `merge` and a study
//! stopped by Ctrl-C.

/// What `montecarlo --shard`, `merge` and an interrupted study say.
#[derive(Debug)]
pub struct ShardPhrases {
    /// Under the title of a study that did not play every replica. Arguments: replicas
    /// played, replicas planned.
    pub partial: fn(&str, &str) -> String,
    /// Arguments: the `--shard` text as given.
    pub not_k_over_n: fn(&str) -> String,
    /// Arguments: the `--shard` text.
    pub no_shards: fn(&str) -> String,
    /// Arguments: the `--shard` text, the largest K allowed (N − 1).
    pub index_too_large: fn(&str, &str) -> String,
    /// More shards than replicas: some would play nothing and the study could never be
    /// merged whole. Arguments: the spec as typed, the number of replicas.
    pub more_shards_than_runs: fn(&str, &str) -> String,
    /// After a shard is played. Arguments: the shard `K/N`, replicas played, replicas
    /// the shard has, the study's replicas.
    pub shard_played: fn(&str, &str, &str, &str) -> String,
    /// Arguments: replicas played, replicas planned.
    pub interrupted: fn(&str, &str) -> String,
    /// Arguments: the paths given.
    pub nothing_to_merge: fn(&str) -> String,
    /// Arguments: the file, what is wrong.
    pub corrupt: fn(&str, &str) -> String,
    /// Arguments: the file, its layout version, the newest this release reads.
    pub newer: fn(&str, &str, &str) -> String,
    /// Arguments: the file, the field that differs (`inputs`, `sandtable_version`, `seed`, `runs`, `shards`,
    /// named as in the file), its value in the file, the first file, the value there.
    pub mismatch: fn(&str, &str, &str, &str, &str) -> String,
    /// Arguments: the file, its shard, replicas played, replicas the shard has.
    pub incomplete: fn(&str, &str, &str, &str) -> String,
    /// Arguments: the shard, the files that hold it.
    pub duplicate: fn(&str, &str) -> String,
    /// Arguments: the missing K listed (perhaps the first ones only), how many are
    /// missing, N.
    pub missing: fn(&str, &str, &str) -> String,
    /// The kept scenario, plan and scripts do not have the SHA-256 recorded. Arguments:
    /// the file, the roles that differ.
    pub kept_files_changed: fn(&str, &str) -> String,
    /// `--shard` given with `--compare`.
    pub compare_not_sharded: &'static str,
}
