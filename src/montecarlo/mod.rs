//! Monte Carlo studies, pure: replica seeds, the tallies counted while replicas stream in
//! (flat memory, merged order-independently), and what `montecarlo.json`,
//! `montecarlo.md` and the summary table say of them. The CLI only picks the thread
//! pool, shows progress and writes the files.

pub(crate) mod drivers;
mod histogram;
pub(crate) mod notices;
mod play;
mod render;
pub(crate) mod stats;
pub(crate) mod tally;
mod whatif;

pub use drivers::{DriverTally, Moments};
pub use histogram::{Bin, Histogram, bin_of};
pub use notices::NoticeTally;
pub use play::{ReplicaFailed, Study, play};
pub use render::{
    MONTECARLO_SCHEMA_VERSION, VariantReport, html, json, json_compared, markdown, markdown_compared, summary,
    summary_compared,
};
pub use stats::{Count, Pairs, Proportion, paired_difference, replica_seed, wilson};
pub use tally::{Aggregate, Durations, FunctionTally};
pub use whatif::{Compared, TARGETS, Variant, VariantTally, play_compare};
