//! The journal that makes a live session crash-safe: one JSON line per thing the team
//! or the facilitator did, appended and made durable as the session goes, and read
//! back to resume the session or to replay it with `run`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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

/// A journal read back: the answers in order, the observations, how far play got.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Journal {
    /// Scenario id and seed from the first line.
    pub start: Option<(String, u64)>,
    /// Answers by decision id, in the order given: (option or none, latency).
    pub answers: BTreeMap<String, Vec<(Option<String>, i64)>>,
    /// Observations with their scenario times.
    pub notes: Vec<(i64, String)>,
    /// The furthest position reached.
    pub position: i64,
    /// Where the facilitator ended the exercise, if they did.
    pub ended: Option<i64>,
    /// Lines that could not be read (a line cut short by a crash is expected at the end).
    pub unreadable: Vec<usize>,
}

impl Journal {
    /// Reads journal text. A last line cut short by a crash is ignored; any other
    /// unreadable line is listed.
    pub fn parse(text: &str) -> Journal {
        let mut j = Journal::default();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<JournalEntry>(line) {
                Ok(JournalEntry::Start { scenario, seed, .. }) => j.start = Some((scenario, seed)),
                Ok(JournalEntry::Answer { decision, option, latency, t }) => {
                    j.answers.entry(decision).or_default().push((option, latency));
                    j.position = j.position.max(t);
                }
                Ok(JournalEntry::Note { t, text }) => {
                    j.notes.push((t, text));
                    j.position = j.position.max(t);
                }
                Ok(JournalEntry::Position { t }) => j.position = j.position.max(t),
                Ok(JournalEntry::End { t }) => j.ended = Some(t),
                Err(_) if i + 1 == lines.len() => {}
                Err(_) => j.unreadable.push(i + 1),
            }
        }
        j
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

    #[test]
    fn a_journal_cut_short_by_a_crash_reads_back() {
        let text = format!(
            "{}{}{}{{\"kind\":\"note\",\"t\":9",
            JournalEntry::Start { journal: 1, scenario: "s".into(), seed: 7 }.line(),
            JournalEntry::Answer { t: 900, decision: "d".into(), option: Some("go".into()), latency: 60 }.line(),
            JournalEntry::Position { t: 3600 }.line(),
        );
        let j = Journal::parse(&text);
        assert_eq!(j.start, Some(("s".into(), 7)));
        assert_eq!(j.answers.get("d"), Some(&vec![(Some("go".into()), 60)]));
        assert_eq!((j.position, j.unreadable.len()), (3600, 0));
    }
}
