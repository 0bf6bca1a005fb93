//! The exercise programme, pure: a library of scenarios against one plan and its risk
//! register (`library`), the past exercises (`history`), what is covered and what is not
//! (`coverage`), `pick`'s weights and draw (`weights`, `draw`), the sealed brief and the
//! notice (`brief`), the year's calendar (`calendar`) and the programme report (`report`),
//! written through a small document model (`doc`) to Markdown and HTML. `cli/pick.rs`
//! and `cli/programme.rs` read the files, the clock and the operating system's entropy.

pub mod brief;
pub mod calendar;
pub mod coverage;
pub mod doc;
pub mod draw;
pub mod history;
pub mod library;
pub mod report;
pub mod weights;

pub use draw::{Pick, PickError, PickRequest, pick};
pub use history::{History, PastExercise};
pub use library::{Library, LibraryScenario, Standing};

/// The layout version of `pick.json`; bumped only when a field changes meaning.
pub const PICK_SCHEMA_VERSION: u32 = 1;

/// A risk whose likelihood × impact reaches this is high: `validate --library` warns
/// when no scenario exercises it.
pub const HIGH_RISK: u32 = 12;
