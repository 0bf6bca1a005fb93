//! `sandtable play`: run the exercise live in front of the team, with a journal that
//! survives a crash. Commands come from the terminal, or from standard input one per
//! line when there is no terminal, so sessions can be scripted.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::files::write_atomic;
use super::inputs;
use super::run::outputs;
use crate::compile::Model;
use crate::diag::RenderStyle;
use crate::engine::{Ask, DecisionSource, Engine, Prepared, Reply};
use crate::error::{Error, Result};
use crate::format::scenario::Scenario;
use crate::outcome::{LogKind, Outcome};
use crate::play::{
    Command, HELP, JOURNAL_VERSION, Journal, JournalEntry, board, describe, inject_details, parse_command,
};
use crate::report::{Format, Templates};
use crate::results::{Results, summary_table};
use crate::score::Lang;
use crate::time::{format_duration, format_time};

/// What `play` was asked to do.
#[derive(Debug, Clone)]
pub struct PlayArgs {
    /// Scenario, plan override, seed override.
    pub target: super::ScenarioArgs,
    /// Journal file (default: `<out>/journal.jsonl`).
    pub journal: Option<PathBuf>,
    /// Scenario seconds per wall-clock second (default: the scenario's `pace`, else 1).
    pub pace: Option<f64>,
    /// Continue the session recorded in the journal.
    pub resume: bool,
    /// Output directory.
    pub out: Option<PathBuf>,
    /// Report language.
    pub lang: Lang,
}

/// The live session: reads the facilitator's lines, writes the journal, and answers the
/// engine's decisions (from the journal first, when resuming).
struct Session<'a> {
    input: Box<dyn BufRead + 'a>,
    journal: File,
    replay: Prepared,
    pace: f64,
    bold: bool,
    printed: usize,
    notes: Vec<(i64, String)>,
    scenario: &'a Scenario,
    ended: bool,
    quiet: bool,
}

impl Session<'_> {
    /// Appends an entry and makes it durable before anything else happens.
    fn record(&mut self, entry: &JournalEntry) -> Result<()> {
        let fail = |source| Error::Write { path: "journal".into(), source };
        self.journal.write_all(entry.line().as_bytes()).map_err(fail)?;
        self.journal.flush().map_err(fail)?;
        self.journal.sync_data().map_err(fail)
    }

    fn say(&self, text: &str) {
        if !self.quiet {
            println!("{text}");
        }
    }

    fn emphasise(&self, text: &str) -> String {
        if self.bold { format!("\x1b[1m{text}\x1b[0m") } else { text.to_owned() }
    }

    /// Prints what happened since the last call, injects with their full text.
    fn show(&mut self, m: &Model, out: &Outcome) {
        while self.printed < out.log.len() {
            let e = out.log[self.printed];
            self.printed += 1;
            if let Some(line) = describe(m, out, &e) {
                let line = if matches!(e.kind, LogKind::Inject(_) | LogKind::ScriptInject(_)) {
                    self.emphasise(&line)
                } else {
                    line
                };
                self.say(&line);
                if let LogKind::Inject(i) = e.kind {
                    let details = inject_details(m, i, self.scenario);
                    if !details.is_empty() {
                        self.say(details.trim_end());
                    }
                }
            }
        }
    }

    fn read_line(&mut self, prompt: &str) -> Option<String> {
        if !self.quiet {
            print!("{prompt}");
            let _ = std::io::stdout().flush();
        }
        let mut line = String::new();
        match self.input.read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches(['\n', '\r']).to_owned()),
        }
    }

    fn note(&mut self, t: i64, text: String) -> Result<()> {
        self.record(&JournalEntry::Note { t, text: text.clone() })?;
        self.notes.push((t, text));
        self.say("noted.");
        Ok(())
    }

    /// Asks the team; returns the reply and what to journal.
    fn ask(&mut self, m: &Model, ask: &Ask<'_>) -> Result<Reply> {
        let dec = ask.decision;
        self.show(m, ask.so_far);
        let who = ask.asked.map_or("nobody".to_owned(), |p| m.people[p].name.clone());
        self.say(&self.emphasise(&format!(
            "{}  DECISION for {} ({}): {}",
            format_time(ask.posed_at),
            who,
            m.roles[dec.role].name,
            dec.prompt
        )));
        for o in &dec.options {
            let default = if o.id == dec.options[dec.default].id { "  (default)" } else { "" };
            self.say(&format!("          {}: {}{default}", o.id, o.label));
        }
        self.say(&format!(
            "          deadline: {} (answer with an option id, e.g. `{} 10m`)",
            format_duration(dec.deadline),
            dec.options[0].id
        ));
        let options: Vec<&str> = dec.options.iter().map(|o| o.id.as_str()).collect();
        let asked_at = Instant::now();
        loop {
            let Some(line) = self.read_line("decision> ") else {
                self.ended = true;
                return Ok(Reply::NoAnswer);
            };
            match parse_command(&line, &options) {
                Ok(Command::Answer(option, typed)) => {
                    // Wall-clock time at the table, scaled to scenario time, unless typed.
                    let latency =
                        typed.unwrap_or_else(|| (asked_at.elapsed().as_secs_f64() * self.pace).round() as i64);
                    if latency > dec.deadline {
                        self.say(&format!(
                            "that is after the {} deadline: the default `{}` applies.",
                            format_duration(dec.deadline),
                            dec.options[dec.default].id
                        ));
                        self.record(&JournalEntry::Answer {
                            t: ask.posed_at,
                            decision: dec.id.clone(),
                            option: None,
                            latency,
                        })?;
                        return Ok(Reply::NoAnswer);
                    }
                    let index = dec.options.iter().position(|o| o.id == option).unwrap_or(dec.default);
                    self.record(&JournalEntry::Answer {
                        t: ask.posed_at,
                        decision: dec.id.clone(),
                        option: Some(option),
                        latency,
                    })?;
                    return Ok(Reply::Answer { option: index, latency });
                }
                Ok(Command::Default) => {
                    self.record(&JournalEntry::Answer {
                        t: ask.posed_at,
                        decision: dec.id.clone(),
                        option: None,
                        latency: dec.deadline,
                    })?;
                    return Ok(Reply::NoAnswer);
                }
                Ok(Command::Board) => self.say(&board(m, ask.so_far, ask.posed_at)),
                Ok(Command::Note(text)) => self.note(ask.posed_at, text)?,
                Ok(Command::Help) => self.say(HELP),
                Ok(Command::End) => {
                    self.ended = true;
                    return Ok(Reply::NoAnswer);
                }
                Ok(Command::Next | Command::Jump(_)) => {
                    self.say("a decision is pending: answer it first (or type `default`).");
                }
                Err(message) => self.say(&message),
            }
        }
    }
}

/// A decision source over a session; journal write failures end the session.
struct Source<'s, 'a> {
    session: &'s mut Session<'a>,
    failure: Option<Error>,
}

impl DecisionSource for Source<'_, '_> {
    fn reply(&mut self, m: &Model, ask: Ask<'_>) -> Reply {
        if self.session.replay.has_unused(&ask.decision.id) {
            return self.session.replay.reply(m, ask);
        }
        if self.session.ended || self.failure.is_some() {
            return Reply::NoAnswer;
        }
        match self.session.ask(m, &ask) {
            Ok(reply) => reply,
            Err(e) => {
                self.failure = Some(e);
                self.session.ended = true;
                Reply::NoAnswer
            }
        }
    }
}

fn step(engine: &mut Engine<'_>, session: &mut Session<'_>) -> Result<Option<i64>> {
    let mut source = Source { session, failure: None };
    let t = engine.step(&mut source)?;
    match source.failure {
        Some(e) => Err(e),
        None => Ok(t),
    }
}

/// Runs the session.
pub fn play(args: &PlayArgs) -> Result<()> {
    let inputs::Compiled { scenario, model, scripts } =
        inputs::compiled(&args.target.scenario, args.target.plan.as_deref(), RenderStyle::PLAIN)?;
    let out_dir = args.out.clone().unwrap_or_else(|| Path::new("out").join(&model.meta.scenario_id));
    let journal_path = args.journal.clone().unwrap_or_else(|| out_dir.join("journal.jsonl"));
    let seed = args.target.seed.or(model.meta.seed).unwrap_or(0);

    let previous = if args.resume {
        let text = std::fs::read_to_string(&journal_path)
            .map_err(|source| Error::Read { path: journal_path.clone(), source })?;
        let j = Journal::parse(&text);
        if let Some(line) = j.unreadable.first() {
            return Err(Error::Failed(format!("{}: line {line} is not a journal entry", journal_path.display())));
        }
        match &j.start {
            Some((id, s)) if *id == model.meta.scenario_id && (*s == seed || args.target.seed.is_none()) => {}
            Some((id, s)) => {
                return Err(Error::Failed(format!(
                    "{} records scenario `{id}` with seed {s}, not `{}` with seed {seed}",
                    journal_path.display(),
                    model.meta.scenario_id
                )));
            }
            None => return Err(Error::Failed(format!("{} has no start line", journal_path.display()))),
        }
        Some(j)
    } else {
        if std::fs::metadata(&journal_path).is_ok_and(|m| m.len() > 0) {
            return Err(Error::Usage(format!(
                "{} already holds a session: continue it with --resume, or choose another --journal",
                journal_path.display()
            )));
        }
        None
    };
    let seed = previous.as_ref().and_then(|j| j.start.as_ref().map(|s| s.1)).unwrap_or(seed);
    if let Some(dir) = journal_path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write { path: dir.to_owned(), source })?;
    }
    let journal = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&journal_path)
        .map_err(|source| Error::Write { path: journal_path.clone(), source })?;
    let stdin = std::io::stdin();
    let mut session = Session {
        input: Box::new(stdin.lock()),
        journal,
        replay: previous.as_ref().map_or_else(Prepared::default, |j| Prepared::from_journal(&j.answers)),
        pace: args.pace.unwrap_or(model.meta.pace),
        bold: super::use_color(&std::io::stdout()),
        printed: 0,
        notes: previous.as_ref().map_or_else(Vec::new, |j| j.notes.clone()),
        scenario: &scenario.doc,
        ended: false,
        quiet: false,
    };
    if previous.is_none() {
        session.record(&JournalEntry::Start {
            journal: JOURNAL_VERSION,
            scenario: model.meta.scenario_id.clone(),
            seed,
        })?;
    }

    let mut engine = Engine::with_scripts(&model, &scripts);
    {
        let mut source = Source { session: &mut session, failure: None };
        engine.start(seed, &mut source)?;
    }
    let mut position = 0;
    let mut ended_at = None;
    if let Some(j) = &previous {
        // Replay quietly to where the session stood.
        session.quiet = true;
        while engine.next_time().is_some_and(|t| t <= j.position) {
            step(&mut engine, &mut session)?;
        }
        session.printed = engine.outcome().log.len();
        session.quiet = false;
        position = j.position.max(engine.now());
        ended_at = j.ended;
        println!("resumed {} at {} from {}", model.meta.title, format_time(position), journal_path.display());
    } else {
        println!("{} — seed {seed}. Type `help` for the commands.", model.meta.title);
    }

    while ended_at.is_none() {
        session.show(&model, engine.outcome());
        if session.ended {
            ended_at = Some(position.max(engine.now()));
            break;
        }
        let Some(line) = session.read_line(&format!("{} > ", format_time(position.max(engine.now())))) else {
            ended_at = Some(position.max(engine.now()));
            break;
        };
        match parse_command(&line, &[]) {
            Ok(Command::Next) => {
                let before = engine.outcome().log.len();
                let mut moved = false;
                while engine.next_time().is_some() && !session.ended {
                    step(&mut engine, &mut session)?;
                    moved = true;
                    let out = engine.outcome();
                    if out.log[before..].iter().any(|e| describe(&model, out, e).is_some()) {
                        break;
                    }
                }
                if !moved {
                    session.say("no more events: `jump` to move the clock on, or `end`.");
                }
                position = position.max(engine.now());
                session.record(&JournalEntry::Position { t: position })?;
            }
            Ok(Command::Jump(t)) => {
                if t < position {
                    session.say(&format!("the clock is already at {}; it only moves forward.", format_time(position)));
                    continue;
                }
                let t = t.min(model.meta.duration);
                while engine.next_time().is_some_and(|n| n <= t) && !session.ended {
                    step(&mut engine, &mut session)?;
                    session.show(&model, engine.outcome());
                }
                position = if session.ended { position.max(engine.now()) } else { t.max(engine.now()) };
                session.record(&JournalEntry::Position { t: position })?;
            }
            Ok(Command::Board) => session.say(&board(&model, engine.outcome(), position.max(engine.now()))),
            Ok(Command::Note(text)) => session.note(position.max(engine.now()), text)?,
            Ok(Command::End) => ended_at = Some(position.max(engine.now())),
            Ok(Command::Help) => session.say(HELP),
            Ok(Command::Answer(..) | Command::Default) => session.say("no decision is pending."),
            Err(message) => session.say(&message),
        }
    }
    let end = ended_at.unwrap_or(position);
    if previous.as_ref().is_none_or(|j| j.ended.is_none()) {
        session.record(&JournalEntry::End { t: end })?;
    }
    // Nothing more is asked once the exercise has ended.
    session.ended = true;
    let outcome = {
        let mut source = Source { session: &mut session, failure: None };
        engine.finish(Some(end), &mut source)?
    };
    let observations: Vec<String> =
        session.notes.iter().map(|(t, text)| format!("{} {text}", format_time(*t))).collect();
    let results = Results::new(&model, &outcome);
    let files = outputs(&model, &outcome, &results, &Format::ALL, args.lang, &Templates::default(), &observations)?;
    for (name, text) in &files {
        write_atomic(&out_dir.join(name), text.as_bytes())?;
    }
    print!("{}", summary_table(&model, &results));
    println!("\nThe exercise ended at {}. Wrote the report to {}.", format_time(end), out_dir.display());
    Ok(())
}
