//! Facilitated play, the pure part: the facilitator's commands, the journal that makes
//! a session crash-safe, the status board and how events read out at the table.
//! The terminal loop lives in `cli/play.rs`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::compile::Model;
use crate::outcome::{LogEntry, LogKind, Outcome, RecoveredBy};
use crate::time::{format_duration_approx, format_time, parse_seconds};

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

/// What the facilitator typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
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
pub fn parse_command(line: &str, options: &[&str]) -> Result<Command, String> {
    let line = line.trim();
    let (word, rest) = line.split_once(char::is_whitespace).map_or((line, ""), |(w, r)| (w, r.trim()));
    match word.to_lowercase().as_str() {
        "" | "n" | "next" => Ok(Command::Next),
        "j" | "jump" => parse_seconds(rest).map(Command::Jump).map_err(|e| format!("jump where? {e}")),
        "b" | "board" => Ok(Command::Board),
        "note" | "o" if !rest.is_empty() => Ok(Command::Note(rest.to_owned())),
        "note" | "o" => Err("note what? type `note` and the observation".into()),
        "end" | "q" | "quit" => Ok(Command::End),
        "help" | "h" | "?" => Ok(Command::Help),
        "default" if !options.is_empty() => Ok(Command::Default),
        option if options.contains(&option) || options.contains(&word) => {
            let latency = if rest.is_empty() { None } else { Some(parse_seconds(rest).map_err(|e| e.to_string())?) };
            Ok(Command::Answer(word.to_owned(), latency))
        }
        _ if !options.is_empty() => {
            Err(format!("`{word}` is not an option; answer with one of: {} (or `default`)", options.join(", ")))
        }
        _ => Err(format!("`{word}` is not a command; type `help` for the list")),
    }
}

/// How an event reads out at the table, or `None` for the engine's inner workings.
pub fn describe(m: &Model, out: &Outcome, e: &LogEntry) -> Option<String> {
    let at = format_time(e.t);
    Some(match e.kind {
        LogKind::Inject(i) => {
            let inj = &m.injects[i];
            format!("{at}  INJECT #{}  {}", inj.event, inj.title)
        }
        LogKind::ScriptInject(i) => {
            let inj = &out.script_injects[i];
            let mut s = format!("{at}  INJECT #{}  {}", inj.event, inj.title);
            if !inj.description.is_empty() {
                s.push_str(&format!("\n          {}", inj.description));
            }
            s
        }
        LogKind::Declared(p, r) => format!("{at}  DECLARED by {} ({})", m.people[p].name, m.roles[r].name),
        LogKind::Reached(n) => {
            let note = &out.notifications[n];
            let (p, _, c) = note.reached?;
            let via = c.map_or(String::new(), |c| format!(" by {}", m.channels[c].id));
            format!("{at}  reached {} ({}){via}", m.people[p].name, m.roles[note.to_role].name)
        }
        LogKind::Detected(r, p) => format!("{at}  detected by {} ({})", m.people[p].name, m.roles[r].name),
        LogKind::Unreachable(n) => format!("{at}  NOBODY REACHED for {}", m.roles[out.notifications[n].to_role].name),
        LogKind::NotificationLate(n) => {
            format!("{at}  late: {} not reached in time", m.roles[out.notifications[n].to_role].name)
        }
        LogKind::FunctionDown(f) => format!("{at}  DOWN: {}", m.functions[f].name),
        LogKind::FunctionRecovered(f, by) => format!(
            "{at}  BACK: {}{}",
            m.functions[f].name,
            if by == RecoveredBy::Restored { " (cause went away)" } else { "" }
        ),
        LogKind::StakeholderNotified(s, c) => {
            format!("{at}  notified {} by {}", m.stakeholders[s].name, m.channels[c].id)
        }
        LogKind::StakeholderLate(s) => format!("{at}  late: {} not notified in time", m.stakeholders[s].name),
        LogKind::DecisionAnswered(d) => {
            let rec = &out.decisions[d];
            let dec = &m.decisions[rec.decision];
            let how = if rec.by_default { " (default)" } else { "" };
            format!("{at}  decided: {}{how}", dec.options[rec.option].label)
        }
        LogKind::ScriptLog(i) => format!("{at}  note: {}", out.script_lines[i]),
        LogKind::SupplierCutOff(s) => format!("{at}  supplier cut off: {}", m.suppliers[s].name),
        LogKind::SupplierSwitched(s, a) => {
            format!("{at}  switched {} to {}", m.suppliers[s].name, m.suppliers[a].name)
        }
        _ => return None,
    })
}

/// The inject's full text for reading out: narrative, to whom, expected action.
pub fn inject_details(m: &Model, i: usize, scenario: &crate::format::scenario::Scenario) -> String {
    let inj = &m.injects[i];
    let Some(src) = scenario.injects.iter().find(|x| x.event.value.0 == inj.event) else { return String::new() };
    let mut s = String::new();
    for (label, v) in
        [("", &src.description), ("to: ", &src.to), ("by: ", &src.method), ("expected: ", &src.expected_action)]
    {
        if let Some(v) = v {
            s.push_str(&format!("          {label}{v}\n"));
        }
    }
    s
}

/// The status board: what is down, who has been reached, what is back, RTO clocks.
pub fn board(m: &Model, out: &Outcome, now: i64) -> String {
    let mut down_sites = BTreeMap::new();
    let mut down_systems = BTreeMap::new();
    for e in &out.log {
        match e.kind {
            LogKind::SiteDown(s) => {
                down_sites.insert(s, e.t);
            }
            LogKind::SiteUp(s) => {
                down_sites.remove(&s);
            }
            LogKind::SystemDown(s) => {
                down_systems.insert(s, e.t);
            }
            LogKind::SystemUp(s, _) => {
                down_systems.remove(&s);
            }
            _ => {}
        }
    }
    let mut b = format!("── board at {} ──\n", format_time(now));
    let names = |v: Vec<String>| if v.is_empty() { "none".to_owned() } else { v.join(", ") };
    b.push_str(&format!(
        "down: {}\n",
        names(
            down_sites
                .keys()
                .map(|&s| m.sites[s].name.clone())
                .chain(down_systems.keys().map(|&s| m.systems[s].name.clone()))
                .collect()
        )
    ));
    let reached: Vec<String> = out
        .notifications
        .iter()
        .filter_map(|n| n.reached.map(|(p, _, _)| format!("{} ({})", m.people[p].name, m.roles[n.to_role].name)))
        .collect();
    b.push_str(&format!("reached: {}\n", names(reached)));
    match out.declared {
        Some((t, p, _)) => b.push_str(&format!("declared at {} by {}\n", format_time(t), m.people[p].name)),
        None => b.push_str("not declared\n"),
    }
    for (f, outages) in out.outages.iter().enumerate() {
        let Some(o) = outages.last() else { continue };
        let func = &m.functions[f];
        match o.recovered {
            Some((t, _)) => b.push_str(&format!(
                "  {}: back after {} (RTO {})\n",
                func.name,
                format_duration_approx(t - o.start),
                format_duration_approx(func.rto)
            )),
            None => {
                let running = now - o.start;
                let left = func.rto - running;
                let clock = if left >= 0 {
                    format!("{} left of RTO {}", format_duration_approx(left), format_duration_approx(func.rto))
                } else {
                    format!("RTO {} MISSED by {}", format_duration_approx(func.rto), format_duration_approx(-left))
                };
                b.push_str(&format!("  {}: down {}, {clock}\n", func.name, format_duration_approx(running)));
            }
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse() {
        assert_eq!(parse_command("", &[]), Ok(Command::Next));
        assert_eq!(parse_command("jump T+2:00", &[]), Ok(Command::Jump(7200)));
        assert_eq!(parse_command("note runbook not found", &[]), Ok(Command::Note("runbook not found".into())));
        assert_eq!(parse_command("declare 8m", &["declare", "wait"]), Ok(Command::Answer("declare".into(), Some(480))));
        assert_eq!(parse_command("wait", &["declare", "wait"]), Ok(Command::Answer("wait".into(), None)));
        assert!(parse_command("panic", &["declare", "wait"]).is_err());
        assert!(parse_command("dance", &[]).is_err());
        assert!(parse_command("jump soon", &[]).is_err());
    }

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
