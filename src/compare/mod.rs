//! Comparing exercises over time, pure: what `sandtable compare` and `sandtable diff`
//! compute from records already read. `read` takes what a comparison needs from a
//! `report.json` of any layout this release wrote; `plan_diff` diffs two plans by id;
//! `build` lines the exercises up into a `model::Comparison` (functions, response times, ratings, findings,
//! improvement items, regressions, plan changes); `render` writes it as Markdown.
//! `cli/compare.rs` finds and reads the files and writes the output set.

pub mod build;
pub mod html;
pub mod model;
pub mod plan_diff;
pub mod read;
mod regressions;
pub mod render;

pub use build::{Exercise, compare};
pub use model::Comparison;
pub use plan_diff::{PlanDiff, diff};

/// Version of `comparison.json`'s layout.
pub const COMPARISON_SCHEMA_VERSION: u32 = 1;
