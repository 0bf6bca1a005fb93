//! What the facilitator types during a live session.

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

/// The commands, for `help`.
pub const HELP: &str = "\
  next (or Enter)   move on to the next event
  jump T+2:00       move the clock on to a scenario time (also: jump 90m)
  board             show what is down, who has been reached, the RTO clocks
  note TEXT         record an observation for the report
  end               end the exercise and write the report
  help              this list
When a decision is pending, type an option id, optionally with how long the team took
(`declare 8m`); without it, the time since the question times the pace is used.
`default` lets the deadline pass.";

/// Parses a line. `options` are the pending decision's option ids, if one is pending.
pub fn parse_command(line: &str, options: &[&str]) -> Result<FacilitatorCommand, String> {
    let line = line.trim();
    let (word, rest) = line.split_once(char::is_whitespace).map_or((line, ""), |(w, r)| (w, r.trim()));
    match word.to_lowercase().as_str() {
        "" | "n" | "next" => Ok(FacilitatorCommand::Next),
        "j" | "jump" => parse_seconds(rest).map(FacilitatorCommand::Jump).map_err(|e| format!("jump where? {e}")),
        "b" | "board" => Ok(FacilitatorCommand::Board),
        "note" | "o" if !rest.is_empty() => Ok(FacilitatorCommand::Note(rest.to_owned())),
        "note" | "o" => Err("note what? type `note` and the observation".into()),
        "end" | "q" | "quit" => Ok(FacilitatorCommand::End),
        "help" | "h" | "?" => Ok(FacilitatorCommand::Help),
        "default" if !options.is_empty() => Ok(FacilitatorCommand::Default),
        option if options.contains(&option) || options.contains(&word) => {
            let latency = if rest.is_empty() { None } else { Some(parse_seconds(rest).map_err(|e| e.to_string())?) };
            Ok(FacilitatorCommand::Answer(word.to_owned(), latency))
        }
        _ if !options.is_empty() => {
            Err(format!("`{word}` is not an option; answer with one of: {} (or `default`)", options.join(", ")))
        }
        _ => Err(format!("`{word}` is not a command; type `help` for the list")),
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
