//! The one error type the library returns, and the exit code each kind maps to.

use std::path::PathBuf;

use crate::diag::Diagnostic;

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The user's input is at fault; the diagnostics say where and why.
    #[error("{}", crate::diag::summary(.0))]
    Invalid(Vec<Diagnostic>),
    /// The input is at fault and the details were already printed.
    #[error("{0}")]
    Failed(String),
    /// A file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The path as given.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// An output could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The path being written.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A record replayed to other results; the message says where, in the record's language.
    #[error("{0}")]
    NotReproduced(String),
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// Stopped by Ctrl-C after writing what was done, marked partial; the message says so.
    #[error("{0}")]
    Interrupted(String),
}

impl Error {
    /// The process exit code: 1 when the input is at fault, 2 for a usage error, 130
    /// (128 + SIGINT, what shells report for Ctrl-C) when stopped by Ctrl-C.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Invalid(_)
            | Error::Failed(_)
            | Error::Read { .. }
            | Error::Write { .. }
            | Error::NotReproduced(_) => 1,
            Error::Usage(_) => 2,
            Error::Interrupted(_) => 130,
        }
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Invalid(vec![d])
    }
}

impl From<Box<Diagnostic>> for Error {
    fn from(d: Box<Diagnostic>) -> Self {
        Error::Invalid(vec![*d])
    }
}

/// Shorthand for results in sandtable.
pub type Result<T, E = Error> = std::result::Result<T, E>;
