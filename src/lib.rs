//! sandtable: deterministic business-continuity tabletop exercises.
//!
//! Data flows one way: files are [`load`]ed into the [`format`] types, [`check`]ed as a
//! whole, and (from later phases) compiled, played and scored. Only [`cli`] touches the
//! file system, the environment, the clock or the terminal; everything else is pure.

// Every public item says what it is for; CI denies warnings, so this holds.
#![warn(missing_docs)]

pub mod check;
pub mod cli;
pub mod compare;
pub mod compile;
pub mod diag;
pub mod engine;
pub(crate) mod error;
pub mod format;
pub(crate) mod ids;
pub mod inputs;
pub(crate) mod lang;
pub mod load;
pub mod montecarlo;
pub mod msel;
pub mod outcome;
pub mod play;
pub mod programme;
pub mod project;
pub mod record;
pub(crate) mod report;
pub mod results;
pub(crate) mod rng;
pub mod schema;
pub(crate) mod score;
pub mod script;
pub mod spanned;
pub(crate) mod text;
pub mod time;

pub use error::{Error, Result};
pub use lang::Lang;
