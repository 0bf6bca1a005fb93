//! What the facilitator types during a live session.

use crate::lang::Lang;
use crate::lang::catalogue::CommandWords;
use crate::time::{TimeError, parse_seconds};

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
    JumpWhere(TimeError),
    /// `note` with nothing to note.
    NoteWhat,
    /// A decision is pending and this is not one of its options (nor a command); the
    /// closest option or command, if one is close enough to be a slip of the keyboard.
    NotAnOption {
        /// What the facilitator typed.
        typed: String,
        /// The pending decision's option ids.
        options: Vec<String>,
        /// The closest option or command, if any.
        suggestion: Option<String>,
    },
    /// Not a command; the closest command, if one is close enough.
    NotACommand {
        /// What the facilitator typed.
        typed: String,
        /// The closest command, if any.
        suggestion: Option<String>,
    },
    /// An option followed by a latency that does not read: why.
    BadLatency(TimeError),
}

impl CommandError {
    /// The message, in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        let say = &lang.catalogue().play;
        let hint =
            |typed: &str, suggestion: &Option<String>| suggestion.as_deref().map(|s| (say.did_you_mean)(typed, s));
        match self {
            CommandError::JumpWhere(why) => (say.jump_where)(&lang.time_error(why)),
            CommandError::NoteWhat => say.note_what.to_owned(),
            CommandError::NotAnOption { typed, options, suggestion } => {
                let options: Vec<&str> = options.iter().map(String::as_str).collect();
                hint(typed, suggestion).unwrap_or_else(|| (say.not_an_option)(typed, &options))
            }
            CommandError::NotACommand { typed, suggestion } => {
                hint(typed, suggestion).unwrap_or_else(|| (say.not_a_command)(typed))
            }
            CommandError::BadLatency(why) => lang.time_error(why),
        }
    }
}

/// The commands a facilitator can name, each with its words in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Next,
    Jump,
    Board,
    Note,
    End,
    Help,
    Default,
}

const WORDS: [Word; 7] = [Word::Next, Word::Jump, Word::Board, Word::Note, Word::End, Word::Help, Word::Default];

fn spellings(which: Word, lang: Lang) -> &'static [&'static str] {
    let w: &CommandWords = &lang.catalogue().commands;
    match which {
        Word::Next => w.next,
        Word::Jump => w.jump,
        Word::Board => w.board,
        Word::Note => w.note,
        Word::End => w.end,
        Word::Help => w.help,
        Word::Default => w.default,
    }
}

/// Which command a word names: English words always (scripts and habits), and the words
/// of the session's language.
fn command_of(word: &str, lang: Lang) -> Option<Word> {
    WORDS
        .into_iter()
        .find(|&w| [Lang::En, lang].iter().any(|&l| spellings(w, l).iter().any(|s| s.eq_ignore_ascii_case(word))))
}

/// The command names of the session's language (one- and two-letter shorthands left
/// out), then the English ones, as candidates for "did you mean".
fn command_names(lang: Lang) -> Vec<&'static str> {
    let long = |n: &&str| n.chars().count() > 2 || !n.is_ascii();
    [lang, Lang::En]
        .into_iter()
        .flat_map(|l| WORDS.into_iter().flat_map(move |w| spellings(w, l).iter().copied()))
        .filter(long)
        .collect()
}

/// The closest candidate, if it is close enough to be a likely slip of the keyboard (the
/// same measure as unknown ids in files).
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed = typed.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::normalized_damerau_levenshtein(&typed, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// Parses a line. `options` are the pending decision's option ids, if one is pending;
/// `lang` adds its command words to the English ones.
pub fn parse_command(line: &str, options: &[&str], lang: Lang) -> Result<FacilitatorCommand, CommandError> {
    let line = line.trim();
    let (word, rest) = line.split_once(char::is_whitespace).map_or((line, ""), |(w, r)| (w, r.trim()));
    if word.is_empty() {
        return Ok(FacilitatorCommand::Next);
    }
    match command_of(word, lang) {
        Some(Word::Next) => return Ok(FacilitatorCommand::Next),
        Some(Word::Jump) => return parse_seconds(rest).map(FacilitatorCommand::Jump).map_err(CommandError::JumpWhere),
        Some(Word::Board) => return Ok(FacilitatorCommand::Board),
        Some(Word::Note) if rest.is_empty() => return Err(CommandError::NoteWhat),
        Some(Word::Note) => return Ok(FacilitatorCommand::Note(rest.to_owned())),
        Some(Word::End) => return Ok(FacilitatorCommand::End),
        Some(Word::Help) => return Ok(FacilitatorCommand::Help),
        // With nothing pending, the session says so.
        Some(Word::Default) => return Ok(FacilitatorCommand::Default),
        None => {}
    }
    if let Some(&option) = options.iter().find(|o| o.eq_ignore_ascii_case(word)) {
        let latency = if rest.is_empty() { None } else { Some(parse_seconds(rest).map_err(CommandError::BadLatency)?) };
        return Ok(FacilitatorCommand::Answer(option.to_owned(), latency));
    }
    if !options.is_empty() {
        let candidates = options.iter().copied().chain(command_names(lang));
        return Err(CommandError::NotAnOption {
            typed: word.to_owned(),
            options: options.iter().map(|&o| o.to_owned()).collect(),
            suggestion: closest(word, candidates).map(str::to_owned),
        });
    }
    Err(CommandError::NotACommand {
        typed: word.to_owned(),
        suggestion: closest(word, command_names(lang)).map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Lang = Lang::En;

    #[test]
    fn commands_parse() {
        assert_eq!(parse_command("", &[], EN), Ok(FacilitatorCommand::Next));
        assert_eq!(parse_command("jump T+2:00", &[], EN), Ok(FacilitatorCommand::Jump(7200)));
        assert_eq!(
            parse_command("note runbook not found", &[], EN),
            Ok(FacilitatorCommand::Note("runbook not found".into()))
        );
        assert_eq!(
            parse_command("declare 8m", &["declare", "wait"], EN),
            Ok(FacilitatorCommand::Answer("declare".into(), Some(480)))
        );
        assert_eq!(
            parse_command("wait", &["declare", "wait"], EN),
            Ok(FacilitatorCommand::Answer("wait".into(), None))
        );
        assert!(parse_command("panic", &["declare", "wait"], EN).is_err());
        assert!(parse_command("dance", &[], EN).is_err());
        assert!(parse_command("jump soon", &[], EN).is_err());
        assert_eq!(parse_command("default", &[], EN), Ok(FacilitatorCommand::Default));
    }

    #[test]
    fn chinese_commands_parse_in_a_chinese_session_and_english_ones_still_do() {
        assert_eq!(parse_command("跳到 两小时", &[], Lang::Zh), Ok(FacilitatorCommand::Jump(7200)));
        assert_eq!(parse_command("状态板", &[], Lang::Zh), Ok(FacilitatorCommand::Board));
        assert_eq!(parse_command("board", &[], Lang::Zh), Ok(FacilitatorCommand::Board));
        assert_eq!(parse_command("默认", &["a"], Lang::Zh), Ok(FacilitatorCommand::Default));
        assert!(parse_command("状态板", &[], EN).is_err(), "an English session knows only English words");
    }

    #[test]
    fn a_slip_of_the_keyboard_gets_a_suggestion_in_the_session_language() {
        let suggestion = |line: &str, options: &[&str], lang| match parse_command(line, options, lang) {
            Err(CommandError::NotACommand { suggestion, .. } | CommandError::NotAnOption { suggestion, .. }) => {
                suggestion
            }
            other => panic!("{line}: {other:?}"),
        };
        assert_eq!(suggestion("borad", &[], EN).as_deref(), Some("board"));
        assert_eq!(suggestion("jupm", &[], EN).as_deref(), Some("jump"));
        assert_eq!(suggestion("状态", &[], Lang::Zh).as_deref(), Some("状态板"));
        assert_eq!(suggestion("declar", &["declare", "wait"], EN).as_deref(), Some("declare"));
        assert_eq!(suggestion("xyzzy", &[], EN), None);
        let said = CommandError::NotACommand { typed: "borad".into(), suggestion: Some("board".into()) }.say(EN);
        assert_eq!(said, "`borad`: did you mean `board`?");
    }
}
