//! A live session as a state machine. The terminal front end feeds it what the
//! facilitator typed (with a reading of its own monotonic clock, for how long the team
//! took) and prints what comes back; it writes the journal entries that come back
//! before it prints anything, so an answer is durable before anyone sees its effect.
//! Everything else (moving the clock, asking, answering from the journal first when
//! resuming) happens here, where a test can drive it without a process.

mod answer;

use super::{FacilitatorCommand, Journal, JournalEntry, board, describe, inject_details, parse_command};
use crate::compile::Model;
use crate::diag::Diagnostic;
use crate::engine::{DecisionSource, Defaults, Engine, Prepared, Question, Reply};
use crate::format::scenario::Scenario;
use crate::ids::Id;
use crate::inputs::Inputs;
use crate::lang::Lang;
use crate::outcome::{LogKind, Outcome};
use crate::script::ScriptHost;
use crate::time::format_time;

/// One line for the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text, without a trailing newline.
    pub text: String,
    /// Shown in bold where the terminal allows (injects, decisions).
    pub emphasis: bool,
}

/// What one input produced: lines to print and entries to make durable first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Output {
    /// To print, in order.
    pub lines: Vec<Line>,
    /// To append to the journal (and sync) before printing.
    pub journal: Vec<JournalEntry>,
}

impl Output {
    fn say(&mut self, text: impl Into<String>) {
        self.lines.push(Line { text: text.into(), emphasis: false });
    }

    fn emphasise(&mut self, text: impl Into<String>) {
        self.lines.push(Line { text: text.into(), emphasis: true });
    }
}

/// How the clock is being moved, across questions that interrupt it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Motion {
    Idle,
    /// On to the next event the table hears of: from this log position.
    Next {
        from: usize,
        moved: bool,
    },
    /// On to this scenario time.
    Jump {
        to: i64,
    },
}

/// How a session is played: the seed, the pace, the language it speaks, and the inputs'
/// SHA-256 for the journal.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The run's seed.
    pub seed: u64,
    /// Scenario seconds per wall-clock second, for answers typed without a latency.
    pub pace: f64,
    /// The language of everything the session prints.
    pub lang: Lang,
    /// What the session is played from, recorded in the journal's first line.
    pub inputs: Inputs,
}

/// A session in progress.
#[derive(Debug)]
pub struct Session<'m> {
    model: &'m Model,
    scenario: &'m Scenario,
    engine: Engine<'m>,
    /// Answers recorded in the journal of the session being resumed: used first.
    replay: Prepared,
    pace: f64,
    lang: Lang,
    /// How much of the log has been printed.
    printed: usize,
    position: i64,
    motion: Motion,
    /// The clock reading when the pending question was shown, once it has been.
    asked_at: Option<f64>,
    /// An answer past the deadline, not journaled until the facilitator confirms it.
    confirming: Option<answer::LateAnswer>,
    notes: Vec<(i64, String)>,
    ended_at: Option<i64>,
    /// The journal of a resumed session already records its end.
    end_recorded: bool,
}

/// A finished session: the outcome to score and what the report needs besides.
#[derive(Debug)]
pub struct SessionEnd {
    /// What the run recorded.
    pub outcome: Outcome,
    /// Where the exercise ended.
    pub ended_at: i64,
    /// The facilitator's observations as the report lists them.
    pub observations: Vec<String>,
    /// Entries still to journal.
    pub journal: Vec<JournalEntry>,
}

impl<'m> Session<'m> {
    /// Starts a session, or resumes the one `previous` records (replaying it quietly up to
    /// where it stood). The output greets the table.
    pub fn start(
        model: &'m Model,
        scenario: &'m Scenario,
        scripts: &'m ScriptHost,
        settings: Settings,
        previous: Option<&Journal>,
    ) -> Result<(Session<'m>, Output), Diagnostic> {
        let Settings { seed, pace, lang, inputs } = settings;
        let mut out = Output::default();
        let mut engine = Engine::with_scripts(model, scripts);
        if previous.is_none() {
            out.journal.push(JournalEntry::Start {
                journal: super::JOURNAL_VERSION,
                scenario: model.meta.scenario_id.clone(),
                seed,
                inputs: Some(inputs),
            });
        }
        engine.start(seed)?;
        let mut session = Session {
            model,
            scenario,
            engine,
            replay: previous.map_or_else(Prepared::default, |j| Prepared::from_journal(&j.answers)),
            pace,
            lang,
            printed: 0,
            position: 0,
            motion: Motion::Idle,
            asked_at: None,
            confirming: None,
            notes: previous.map_or_else(Vec::new, |j| j.notes.clone()),
            ended_at: None,
            end_recorded: previous.is_some_and(|j| j.ended.is_some()),
        };
        match previous {
            Some(j) => {
                // Replay quietly to where the session stood.
                session.motion = Motion::Jump { to: j.position };
                let mut quiet = Output::default();
                session.advance(0.0, &mut quiet)?;
                session.motion = Motion::Idle;
                session.printed =
                    session.engine.question().map_or(session.engine.outcome().log.len(), |q| q.log_position);
                session.asked_at = None;
                session.position = j.position.max(session.engine.now());
                session.ended_at = j.ended;
            }
            None => {
                out.say((lang.catalogue().play.welcome)(&model.meta.title, &seed.to_string()));
            }
        }
        session.advance(0.0, &mut out)?;
        Ok((session, out))
    }

    /// Whether the exercise has ended (by `end`, or the input closing).
    pub fn is_over(&self) -> bool {
        self.ended_at.is_some()
    }

    /// Where the session stands, for a resumed session's greeting.
    pub fn position(&self) -> i64 {
        self.position.max(self.engine.now())
    }

    /// What to show before reading the next line.
    pub fn prompt(&self) -> String {
        if self.confirming.is_some() {
            self.lang.catalogue().play.confirm_prompt.to_owned()
        } else if self.asked_at.is_some() {
            self.lang.catalogue().play.decision_prompt.to_owned()
        } else {
            format!("{} > ", format_time(self.position()))
        }
    }

    /// Handles one line the facilitator typed; `clock` is the front end's monotonic clock
    /// in seconds, from which the time the team took to answer is measured. Control
    /// characters (arrow keys through a terminal without line editing, pasted escape
    /// codes) are taken out first, so they never reach the journal or the report.
    pub fn handle(&mut self, line: &str, clock: f64) -> Result<Output, Diagnostic> {
        let mut out = Output::default();
        if self.is_over() {
            return Ok(out);
        }
        let typed = crate::text::typed_line(line);
        if typed.trim().is_empty() && !line.trim().is_empty() {
            // Only keys (an arrow, a function key): not the Enter that means `next`.
            return Ok(out);
        }
        let line = typed;
        match self.engine.question().filter(|_| self.asked_at.is_some()) {
            Some(q) => match self.confirming.take() {
                Some(late) => self.handle_confirmation(q, late, &line, &mut out),
                None => self.handle_answer(q, &line, clock, &mut out),
            },
            None => self.handle_command(&line, &mut out),
        }
        self.advance(clock, &mut out)?;
        Ok(out)
    }

    /// The input closed: the exercise ends where it stands.
    pub fn close(&mut self) {
        if self.ended_at.is_none() {
            self.ended_at = Some(self.position());
        }
    }

    fn handle_command(&mut self, line: &str, out: &mut Output) {
        let say = &self.lang.catalogue().play;
        match parse_command(line, &[], self.lang) {
            Ok(FacilitatorCommand::Next) => {
                self.motion = Motion::Next { from: self.engine.outcome().log.len(), moved: false };
            }
            Ok(FacilitatorCommand::Jump(t)) if t < self.position => {
                out.say((say.clock_forward_only)(&format_time(self.position)));
            }
            Ok(FacilitatorCommand::Jump(t)) => self.motion = Motion::Jump { to: t.min(self.model.meta.duration) },
            Ok(FacilitatorCommand::Board) => {
                out.say(board(self.model, self.engine.outcome(), self.position(), self.lang));
            }
            Ok(FacilitatorCommand::Note(text)) => self.note(self.position(), text, out),
            Ok(FacilitatorCommand::End) => self.ended_at = Some(self.position()),
            Ok(FacilitatorCommand::Help) => out.say(say.help),
            Ok(FacilitatorCommand::Answer(..) | FacilitatorCommand::Default) => out.say(say.no_decision_pending),
            Err(error) => out.say(error.say(self.lang)),
        }
    }

    fn note(&mut self, t: i64, text: String, out: &mut Output) {
        out.journal.push(JournalEntry::Note { t, text: text.clone() });
        self.notes.push((t, text));
        out.say(self.lang.catalogue().play.noted);
    }

    /// Drives the engine for the current motion until it is done or a question needs the
    /// team; prints what the table hears of.
    fn advance(&mut self, clock: f64, out: &mut Output) -> Result<(), Diagnostic> {
        loop {
            if self.is_over() {
                self.motion = Motion::Idle;
                self.show(self.engine.outcome().log.len(), out);
                return Ok(());
            }
            if let Some(q) = self.engine.question() {
                let id = &self.model.decisions[q.decision].id;
                if self.replay.has_unused(id) {
                    let reply = self.replay.reply(self.model, self.engine.ask(q));
                    self.engine.answer(reply);
                    continue;
                }
                if self.asked_at.is_none() {
                    // Journalled before the team sees it: a session killed while the
                    // question is open resumes at this question.
                    if q.asked_at > self.position {
                        self.position = q.asked_at;
                        out.journal.push(JournalEntry::Position { t: q.asked_at });
                    }
                    self.show(q.log_position, out);
                    self.show_question(q, out);
                    self.asked_at = Some(clock);
                }
                return Ok(());
            }
            match self.motion {
                Motion::Idle => {
                    self.show(self.engine.outcome().log.len(), out);
                    return Ok(());
                }
                Motion::Next { from, moved } => {
                    if self.engine.next_time().is_none() {
                        if !moved {
                            out.say(self.lang.catalogue().play.no_more_events);
                        }
                        self.end_motion(self.position(), out);
                        continue;
                    }
                    self.engine.step()?;
                    self.motion = Motion::Next { from, moved: true };
                    let log = &self.engine.outcome();
                    if log.log[from..].iter().any(|e| describe(self.model, log, e, self.lang).is_some()) {
                        self.end_motion(self.position(), out);
                    }
                }
                Motion::Jump { to } => {
                    if self.engine.next_time().is_some_and(|t| t <= to) {
                        self.engine.step()?;
                        self.show(self.engine.outcome().log.len(), out);
                    } else {
                        self.end_motion(to.max(self.engine.now()), out);
                    }
                }
            }
        }
    }

    fn end_motion(&mut self, position: i64, out: &mut Output) {
        self.position = self.position.max(position);
        self.motion = Motion::Idle;
        out.journal.push(JournalEntry::Position { t: self.position });
    }

    /// Prints the log up to `until`, injects with their full text.
    fn show(&mut self, until: usize, out: &mut Output) {
        let (m, log) = (self.model, self.engine.outcome());
        while self.printed < until.min(log.log.len()) {
            let e = log.log[self.printed];
            self.printed += 1;
            let Some(line) = describe(m, log, &e, self.lang) else { continue };
            match e.kind {
                LogKind::Inject(i) => {
                    out.emphasise(line);
                    let details = inject_details(m, i, self.scenario, self.lang);
                    if !details.is_empty() {
                        out.say(details.trim_end());
                    }
                }
                LogKind::ScriptInject(_) => out.emphasise(line),
                _ => out.say(line),
            }
        }
    }

    fn show_question(&self, q: Question, out: &mut Output) {
        let (m, say) = (self.model, &self.lang.catalogue().play);
        let dec = &m.decisions[q.decision];
        let who = q.asked.map_or(say.nobody, |p| m.people[p].name.as_str());
        let question = (say.decision_for)(who, &m.roles[dec.role].name, &dec.prompt);
        out.emphasise(format!("{}  {question}", format_time(q.asked_at)));
        for (i, o) in dec.options.iter().enumerate() {
            let default = if i == dec.default.index() { say.default_marker } else { "" };
            out.say(format!("          {}: {}{default}", o.id, o.label));
        }
        let example = dec.options.first().map_or("", |o| o.id.as_str());
        out.say(format!("          {}", (say.deadline_hint)(&self.lang.duration(dec.deadline), example)));
    }

    /// Ends the run where the exercise ended: nothing more is asked, questions still open
    /// take the answers the journal recorded or their defaults.
    pub fn finish(mut self) -> Result<SessionEnd, Diagnostic> {
        let end = self.ended_at.unwrap_or_else(|| self.position());
        let mut journal = Vec::new();
        if !self.end_recorded {
            journal.push(JournalEntry::End { t: end });
        }
        let mut source = ReplayThenDefaults { replay: &mut self.replay };
        let outcome = self.engine.finish(Some(end), &mut source)?;
        let observations = self.notes.iter().map(|(t, text)| format!("{} {text}", format_time(*t))).collect();
        Ok(SessionEnd { outcome, ended_at: end, observations, journal })
    }
}

/// After the end: the journal's answers where it has them, else the defaults.
struct ReplayThenDefaults<'a> {
    replay: &'a mut Prepared,
}

impl DecisionSource for ReplayThenDefaults<'_> {
    fn reply(&mut self, model: &Model, ask: crate::engine::Ask<'_>) -> Reply {
        if self.replay.has_unused(&ask.decision.id) {
            self.replay.reply(model, ask)
        } else {
            Defaults.reply(model, ask)
        }
    }
}
