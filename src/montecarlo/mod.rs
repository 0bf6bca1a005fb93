//! Monte Carlo studies, pure: replica seeds, the tallies counted while replicas stream in
//! (flat memory, merged order-independently), shards of a study and their partial
//! aggregates, merging them, and what `montecarlo.json`, `montecarlo.md` and the summary
//! table say of them. The CLI only picks the thread pool, shows progress, catches Ctrl-C
//! and reads and writes the files.

pub(crate) mod drivers;
mod histogram;
mod merge;
pub(crate) mod notices;
mod partial;
mod play;
mod render;
mod shard;
pub(crate) mod stats;
pub(crate) mod tally;
mod whatif;

pub use drivers::{DriverTally, Moments};
pub use histogram::Durations;
pub use histogram::{Bin, Histogram, StoredBin, bin_of};
pub use merge::{MAX_LISTED, MergeError, merge};
pub use notices::NoticeTally;
pub use partial::{KeptInput, PARTIAL_FILE, PARTIAL_SCHEMA_VERSION, Partial, PartialError};
pub use play::{ReplicaFailed, Study, play, play_part};
pub use render::{MONTECARLO_SCHEMA_VERSION, StudyReport, VariantReport};
pub use shard::{Shard, ShardError};
pub use stats::{Count, Pairs, Proportion, paired_difference, replica_seed, wilson};
pub use tally::{Aggregate, FunctionTally};
pub use whatif::{Compared, TARGETS, Variant, VariantTally, play_compare};
