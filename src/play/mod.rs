//! Facilitated play, the pure part: the facilitator's commands, the journal that makes a
//! session crash-safe, how events read out at the table, and the session itself as a
//! state machine (`Session::handle`: a line in, lines to print and journal entries out).
//! The terminal, the wall clock and fsync live in `cli/play.rs`.

mod command;
mod journal;
mod readout;
mod session;

pub use command::{CommandError, FacilitatorCommand, parse_command};
pub use journal::{JOURNAL_VERSION, Journal, JournalEntry, JournalProblem, RecordedAnswer, Started};
pub use readout::{board, describe, inject_details};
pub use session::{Line, Output, Session, SessionEnd, Settings};
