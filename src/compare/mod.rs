//! Comparing exercises over time, pure: what `sandtable compare` and `sandtable diff`
//! compute from records already read. `read` takes what a comparison needs from a
//! `report.json` of any layout this release wrote; `plan_diff` diffs two plans by id;
//! `build` lines the exercises up into a `model::Comparison` (functions, response times, ratings, findings,
//! improvement items, regressions, plan changes, what each did not cover), with
//! `objectives` matching objectives by id or capability; `render` writes it as Markdown,
//! `html` as a page.
//! `cli/compare.rs` finds and reads the files and writes the output set.

pub mod build;
mod exercise;
pub mod html;
pub mod model;
mod objectives;
pub mod plan_diff;
pub mod read;
mod regressions;
pub mod render;

pub use build::compare;
pub use exercise::Exercise;
pub use model::Comparison;
pub use plan_diff::{PlanDiff, diff};

/// Version of `comparison.json`'s layout: 2 added `same_scenario`, `not_covered`,
/// objectives matched by capability, and the `not_retested` statuses.
pub const COMPARISON_SCHEMA_VERSION: u32 = 2;
