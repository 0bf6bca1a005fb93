//! What the facilitator types during a live session.

use crate::lang::Lang;
use crate::time::parse_seconds;

/// What the facilitator typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FacilitatorCommand {
    /// Move on to the next thing that happens (an empty line too).
    Next,
    /// Move the clock on to this scenario time.
    Jump(i64),
    /// Show the status board.
    Board,
    /// Record an observation.
    Note(String),
    /// End the exercise now.
    End,
    /// List the commands.
    Help,
    /// Answer the pending decision: option, and the latency if typed.
    Answer(String, Option<i64>),
    /// Let the pending decision's deadline pass.
    Default,
}

/// Why a line is not a command; the session says it in the session's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandError {
    /// `jump` to a time that does not read: why.
    JumpWhere(String),
    /// `note` with nothing to note.
    NoteWhat,
    /// A decision is pending and this is not one of its options.
    NotAnOption {
        /// What the facilitator typed.
        typed: String,
        /// The pending decision's option ids.
        options: Vec<String>,
    },
    /// Not a command.
    NotACommand(String),
    /// An option followed by a latency that does not read: why.
    BadLatency(String),
}

impl CommandError {
    /// The message, in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        let say = &lang.catalogue().play;
        match self {
            CommandError::JumpWhere(why) => (say.jump_where)(why),
            CommandError::NoteWhat => say.note_what.to_owned(),
            CommandError::NotAnOption { typed, options } => {
                (say.not_an_option)(typed, &options.iter().map(String::as_str).collect::<Vec<_>>())
            }
            CommandError::NotACommand(typed) => (say.not_a_command)(typed),
            CommandError::BadLatency(why) => why.clone(),
        }
    }
}

/// Parses a line. `options` are the pending decision's option ids, if one is pending.
pub fn parse_command(line: &str, options: &[&str]) -> Result<FacilitatorCommand, CommandError> {
    let line = line.trim();
    let (word, rest) = line.split_once(char::is_whitespace).map_or((line, ""), |(w, r)| (w, r.trim()));
    match word.to_lowercase().as_str() {
        "" | "n" | "next" => Ok(FacilitatorCommand::Next),
        "j" | "jump" => {
            parse_seconds(rest).map(FacilitatorCommand::Jump).map_err(|e| CommandError::JumpWhere(e.to_string()))
        }
        "b" | "board" => Ok(FacilitatorCommand::Board),
        "note" | "o" if !rest.is_empty() => Ok(FacilitatorCommand::Note(rest.to_owned())),
        "note" | "o" => Err(CommandError::NoteWhat),
        "end" | "q" | "quit" => Ok(FacilitatorCommand::End),
        "help" | "h" | "?" => Ok(FacilitatorCommand::Help),
        "default" if !options.is_empty() => Ok(FacilitatorCommand::Default),
        option if options.contains(&option) || options.contains(&word) => {
            let latency = if rest.is_empty() {
                None
            } else {
                Some(parse_seconds(rest).map_err(|e| CommandError::BadLatency(e.to_string()))?)
            };
            Ok(FacilitatorCommand::Answer(word.to_owned(), latency))
        }
        _ if !options.is_empty() => Err(CommandError::NotAnOption {
            typed: word.to_owned(),
            options: options.iter().map(|&o| o.to_owned()).collect(),
        }),
        _ => Err(CommandError::NotACommand(word.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse() {
        assert_eq!(parse_command("", &[]), Ok(FacilitatorCommand::Next));
        assert_eq!(parse_command("jump T+2:00", &[]), Ok(FacilitatorCommand::Jump(7200)));
        assert_eq!(
            parse_command("note runbook not found", &[]),
            Ok(FacilitatorCommand::Note("runbook not found".into()))
        );
        assert_eq!(
            parse_command("declare 8m", &["declare", "wait"]),
            Ok(FacilitatorCommand::Answer("declare".into(), Some(480)))
        );
        assert_eq!(parse_command("wait", &["declare", "wait"]), Ok(FacilitatorCommand::Answer("wait".into(), None)));
        assert!(parse_command("panic", &["declare", "wait"]).is_err());
        assert!(parse_command("dance", &[]).is_err());
        assert!(parse_command("jump soon", &[]).is_err());
    }
}
