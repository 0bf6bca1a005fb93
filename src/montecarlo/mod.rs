//! Monte Carlo studies, pure: replica seeds, the tallies counted while replicas stream in
//! (flat memory, merged order-independently), shards of a study and their partial
//! aggregates, merging them, and what `montecarlo.json`, `montecarlo.md` and the summary
//! table say of them. The CLI only picks the thread pool, shows progress, catches Ctrl-C
//! and reads and writes the files.

mod histogram;
mod merge;
mod partial;
mod play;
mod render;
mod shard;
mod stats;
mod tally;

pub use histogram::{Bin, Histogram, StoredBin, bin_of};
pub use merge::{MAX_LISTED, MergeError, merge};
pub use partial::{KeptInput, PARTIAL_FILE, PARTIAL_SCHEMA_VERSION, Partial, PartialError};
pub use play::{ReplicaFailed, Study, play, play_part};
pub use render::{MONTECARLO_SCHEMA_VERSION, json, markdown, summary};
pub use shard::{Shard, ShardError};
pub use stats::{Count, Proportion, replica_seed, wilson};
pub use tally::{Aggregate, Durations, FunctionTally};
