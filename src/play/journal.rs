//! The journal that makes a live session crash-safe: one JSON line per thing the team
//! or the facilitator did, appended and made durable as the session goes, and read
//! back to resume the session or to replay it with `run`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::compile::Model;
use crate::inputs::Inputs;
use crate::time::format_time;

/// Version of the journal layout.
pub const JOURNAL_VERSION: u32 = 1;

/// One line of the journal (JSON Lines, appended and flushed as the session goes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JournalEntry {
    /// The first line: which exercise, which seed.
    Start {
        /// Journal layout version.
        journal: u32,
        /// Scenario id.
        scenario: String,
        /// Seed played.
        seed: u64,
        /// The SHA-256 of the scenario, plan and scripts played (absent in journals
        /// written before it was recorded).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        inputs: Option<Inputs>,
    },
    /// The team's answer to a decision.
    Answer {
        /// Scenario time it was given.
        t: i64,
        /// Decision id.
        decision: String,
        /// Option id, or `None` when the team let the deadline pass.
        option: Option<String>,
        /// Scenario seconds from the question to the answer.
        latency: i64,
    },
    /// A facilitator's observation for the report.
    Note {
        /// Scenario time.
        t: i64,
        /// What was observed.
        text: String,
    },
    /// How far the facilitator has moved the clock.
    Position {
        /// Scenario time.
        t: i64,
    },
    /// The facilitator ended the exercise.
    End {
        /// Scenario time.
        t: i64,
    },
}

/// The first line of a journal: which exercise, played with which seed, from which files.
#[derive(Debug, Clone, PartialEq)]
pub struct Started {
    /// Scenario id.
    pub scenario: String,
    /// Seed played.
    pub seed: u64,
    /// The inputs' SHA-256, when the journal recorded them.
    pub inputs: Option<Inputs>,
}

/// An answer as the journal records it, with its line for messages.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedAnswer {
    /// 1-based line in the journal.
    pub line: usize,
    /// Scenario time it was given for.
    pub t: i64,
    /// Decision id.
    pub decision: String,
    /// Option id, or `None` when the team let the deadline pass.
    pub option: Option<String>,
    /// Scenario seconds the team took.
    pub latency: i64,
}

/// A journal read back: the answers in order, the observations, how far play got.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Journal {
    /// The first line.
    pub start: Option<Started>,
    /// Every answer, in the order given.
    pub recorded: Vec<RecordedAnswer>,
    /// Answers by decision id, in the order given: (option or none, latency).
    pub answers: BTreeMap<String, Vec<(Option<String>, i64)>>,
    /// Observations with their scenario times.
    pub notes: Vec<(i64, String)>,
    /// The furthest position reached.
    pub position: i64,
    /// Where the facilitator ended the exercise, if they did.
    pub ended: Option<i64>,
    /// Bytes up to the end of the last complete entry, line break included when there is
    /// one. What follows is a last line cut short, which a resumed session cuts away.
    pub complete_len: usize,
    /// The 1-based number of a last line cut short (a power cut or a full disk while it
    /// was written), if there is one.
    pub partial_line: Option<usize>,
}

/// Why a journal cannot be used, at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalProblem {
    /// 1-based line.
    pub line: usize,
    /// The diagnostic code.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
}

impl JournalProblem {
    fn new(line: usize, code: &'static str, message: impl Into<String>) -> Self {
        JournalProblem { line, code, message: message.into() }
    }
}

impl Journal {
    /// Reads journal text. A last line cut short by a crash is set aside (see
    /// [`Journal::partial_line`]); every other problem is refused with its line: a line
    /// that is not an entry, a missing or second start line, a time that goes backwards,
    /// a second answer to one question, a negative latency.
    pub fn parse(text: &str) -> Result<Journal, Vec<JournalProblem>> {
        let mut j = Journal::default();
        let mut problems = Vec::new();
        let mut latest: Option<(i64, usize)> = None;
        let mut any_entry = false;
        let mut offset = 0;
        for (i, raw) in text.split_inclusive('\n').enumerate() {
            let number = i + 1;
            let line = raw.trim_end_matches(['\n', '\r']);
            offset += raw.len();
            if line.trim().is_empty() {
                j.complete_len = offset;
                continue;
            }
            let entry = match serde_json::from_str::<JournalEntry>(line) {
                Ok(entry) => entry,
                // Only the very last line can have been cut short: it has no line break.
                Err(_) if !raw.ends_with('\n') => {
                    j.partial_line = Some(number);
                    break;
                }
                Err(e) => {
                    any_entry = true;
                    // serde's own "at line 1 column 2" counts within this line only.
                    let why = e.to_string();
                    let why = why.split(" at line ").next().unwrap_or_default();
                    problems.push(JournalProblem::new(
                        number,
                        "journal::unreadable",
                        format!("line {number} is not a journal entry ({why})"),
                    ));
                    continue;
                }
            };
            j.complete_len = offset;
            any_entry = true;
            if let Some(t) = entry.time() {
                if let Some((before, at)) = latest.filter(|(before, _)| t < *before) {
                    problems.push(JournalProblem::new(
                        number,
                        "journal::inconsistent",
                        format!("time goes backwards: {} after {} on line {at}", format_time(t), format_time(before)),
                    ));
                }
                if latest.is_none_or(|(before, _)| t >= before) {
                    latest = Some((t, number));
                }
            }
            j.take(number, entry, &mut problems);
        }
        if j.start.is_none() && any_entry {
            problems.push(JournalProblem::new(1, "journal::inconsistent", "the journal has no start line"));
        }
        if problems.is_empty() { Ok(j) } else { Err(problems) }
    }

    /// Takes one entry in.
    fn take(&mut self, number: usize, entry: JournalEntry, problems: &mut Vec<JournalProblem>) {
        let mut problem =
            |message: String| problems.push(JournalProblem::new(number, "journal::inconsistent", message));
        match entry {
            JournalEntry::Start { journal, scenario, seed, inputs } => {
                if journal > JOURNAL_VERSION {
                    problem(format!(
                        "journal layout {journal} is newer than this sandtable reads ({JOURNAL_VERSION}): update sandtable"
                    ));
                }
                if self.start.is_some() {
                    problem("a second start line: one journal holds one session".to_owned());
                } else if self.has_entries() {
                    problem("the start line must come first".to_owned());
                }
                self.start.get_or_insert(Started { scenario, seed, inputs });
            }
            JournalEntry::Answer { t, decision, option, latency } => {
                if latency < 0 {
                    problem(format!("the answer to `{decision}` has a negative latency ({latency} s)"));
                }
                if let Some(first) = self.recorded.iter().find(|a| a.decision == decision && a.t == t) {
                    problem(format!(
                        "a second answer to `{decision}` asked at {}; the first is on line {}",
                        format_time(t),
                        first.line
                    ));
                }
                self.answers.entry(decision.clone()).or_default().push((option.clone(), latency));
                self.recorded.push(RecordedAnswer { line: number, t, decision, option, latency });
                self.position = self.position.max(t);
            }
            JournalEntry::Note { t, text } => {
                self.notes.push((t, text));
                self.position = self.position.max(t);
            }
            JournalEntry::Position { t } => self.position = self.position.max(t),
            JournalEntry::End { t } => self.ended = Some(t),
        }
    }

    fn has_entries(&self) -> bool {
        !self.recorded.is_empty() || !self.notes.is_empty() || self.position > 0 || self.ended.is_some()
    }

    /// Answers that do not fit the scenario: an unknown decision, or an option the
    /// decision does not have.
    pub fn check(&self, model: &Model) -> Vec<JournalProblem> {
        let mut problems = Vec::new();
        for a in &self.recorded {
            let Some(decision) = model.decisions.iter().find(|d| d.id == a.decision) else {
                let known: Vec<&str> = model.decisions.iter().map(|d| d.id.as_str()).collect();
                problems.push(JournalProblem::new(
                    a.line,
                    "journal::unknown-answer",
                    format!(
                        "an answer to `{}`, which the scenario does not have (it has: {})",
                        a.decision,
                        known.join(", ")
                    ),
                ));
                continue;
            };
            if let Some(option) = a.option.as_deref().filter(|o| !decision.options.iter().any(|x| x.id == *o)) {
                let known: Vec<&str> = decision.options.iter().map(|o| o.id.as_str()).collect();
                problems.push(JournalProblem::new(
                    a.line,
                    "journal::unknown-answer",
                    format!("`{option}` is not an option of `{}` (its options: {})", a.decision, known.join(", ")),
                ));
            }
        }
        problems
    }

    /// Whether text looks like a journal rather than a YAML decisions file.
    pub fn is_journal(text: &str) -> bool {
        text.trim_start().starts_with('{')
    }

    /// Observations as the report lists them: `T+0:45 text`.
    pub fn observations(&self) -> Vec<String> {
        self.notes.iter().map(|(t, text)| format!("{} {text}", format_time(*t))).collect()
    }
}

impl JournalEntry {
    /// The scenario time the entry is about, if it has one.
    fn time(&self) -> Option<i64> {
        match self {
            JournalEntry::Start { .. } => None,
            JournalEntry::Answer { t, .. }
            | JournalEntry::Note { t, .. }
            | JournalEntry::Position { t }
            | JournalEntry::End { t } => Some(*t),
        }
    }

    /// One JSON line, newline included.
    pub fn line(&self) -> String {
        let mut s = serde_json::to_string(self).unwrap_or_default();
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> String {
        JournalEntry::Start { journal: 1, scenario: "s".into(), seed: 7, inputs: None }.line()
    }

    fn answer(t: i64, option: &str, latency: i64) -> String {
        JournalEntry::Answer { t, decision: "d".into(), option: Some(option.into()), latency }.line()
    }

    #[test]
    fn a_journal_cut_short_by_a_crash_reads_back_to_its_last_complete_entry() {
        let complete = format!("{}{}{}", start(), answer(900, "go", 60), JournalEntry::Position { t: 3600 }.line());
        let text = format!("{complete}{{\"kind\":\"note\",\"t\":9");
        let j = Journal::parse(&text).expect("reads");
        assert_eq!(j.start.map(|s| (s.scenario, s.seed)), Some(("s".into(), 7)));
        assert_eq!(j.answers.get("d"), Some(&vec![(Some("go".into()), 60)]));
        assert_eq!(j.position, 3600);
        assert_eq!((j.complete_len, j.partial_line), (complete.len(), Some(4)));
    }

    #[test]
    fn each_inconsistency_is_refused_with_its_line() {
        let problems = |text: String| Journal::parse(&text).err().unwrap_or_default();
        let line_and_code = |text: String| problems(text).iter().map(|p| (p.line, p.code)).collect::<Vec<_>>();
        assert_eq!(line_and_code(format!("{}not json\n{}", start(), answer(1, "go", 1))), [(2, "journal::unreadable")]);
        assert_eq!(line_and_code(answer(1, "go", 1)), [(1, "journal::inconsistent")]);
        assert_eq!(line_and_code(format!("{}{}", start(), answer(60, "go", -5))), [(2, "journal::inconsistent")]);
        let backwards = format!("{}{}{}", start(), JournalEntry::Position { t: 600 }.line(), answer(60, "go", 5));
        assert_eq!(line_and_code(backwards), [(3, "journal::inconsistent")]);
        let twice = format!("{}{}{}", start(), answer(60, "go", 5), answer(60, "stay", 5));
        let found = problems(twice);
        assert_eq!(found.iter().map(|p| p.line).collect::<Vec<_>>(), [3]);
        assert!(found[0].message.contains("first is on line 2"), "{found:?}");
        assert_eq!(line_and_code(format!("{}{}", start(), start())), [(2, "journal::inconsistent")]);
    }

    #[test]
    fn a_complete_last_entry_without_its_line_break_is_kept() {
        let text = format!("{}{}", start(), answer(60, "go", 5).trim_end());
        let j = Journal::parse(&text).expect("reads");
        assert_eq!((j.recorded.len(), j.partial_line, j.complete_len), (1, None, text.len()));
    }
}
