//! The discrete-event engine: plays a compiled scenario against its plan on a scenario
//! clock of integer seconds and records what happened in an [`Outcome`].
//!
//! No I/O, no wall clock; every random draw comes from the run's [`SimRng`]. Events are
//! ordered by (time, sequence number), so simultaneous events always resolve in the order
//! they were scheduled.
//!
//! The engine is a state machine driven from outside: [`Engine::start`], then
//! [`Engine::step`] until it returns [`Progress::Done`]. When a decision is posed, `step`
//! returns [`Progress::Ask`] and nothing moves until [`Engine::answer`] gives the reply;
//! so a live front end asks the team at its own pace and the engine never calls back
//! into it. [`Engine::play`] drives a whole run from a [`DecisionSource`].
//!
//! Each behaviour lives in its own file: `dependencies` (sites → systems → channels →
//! functions), `effects`, `call_tree` (detection, escalation, hand-over), `decisions`,
//! `declaration`, `recovery`, `data_loss`, `stakeholders`, `suppliers` and `hooks`
//! (scripts). After each event, derived state is brought in line incrementally: only
//! what the change reaches, found through the dependency index (`index`, `dirty`), and
//! hooks see a snapshot updated the same way (`snapshot`).

mod call_tree;
mod data_loss;
mod decide;
mod decisions;
mod declaration;
mod dependencies;
mod dirty;
mod effects;
mod hooks;
mod index;
mod queue;
mod recovery;
mod snapshot;
mod stakeholders;
mod state;
mod suppliers;

use crate::compile::{Model, Trigger};
use crate::diag::Diagnostic;
use crate::ids::{self, DecisionId, FunctionId, Id, PersonId, RecordId, SystemId};
use crate::outcome::{AttemptEnd, LogEntry, LogKind, Outcome};
use crate::script::{Hook, ScriptHost, ScriptRun, Snapshot};
pub use decide::{Ask, DecisionSource, Defaults, Prepared, Reply};
use index::Index;
use queue::Event;
use state::State;

/// "Until the end of the exercise".
const FOREVER: i64 = i64::MAX;

/// Plays scenarios of one model, reusing its buffers from run to run.
#[derive(Debug)]
pub struct Engine<'m> {
    model: &'m Model,
    scripts: Option<ScriptRun<'m>>,
    /// What hooks see; a buffer kept between calls.
    snapshot: Snapshot,
    /// Functions in recovery order: priority tier, then plan order.
    recovery_order: Vec<FunctionId>,
    /// What depends on what, built once.
    index: Index,
    st: State,
}

/// What one call to [`Engine::step`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Handled the events at this scenario time.
    Event(i64),
    /// A decision waits for its answer: call [`Engine::answer`].
    Ask(Question),
    /// Nothing is left before the end of the exercise.
    Done,
}

/// A decision posed and waiting for an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Its record in the outcome.
    pub record: RecordId,
    /// The decision.
    pub decision: DecisionId,
    /// Scenario time it was posed at.
    pub posed_at: i64,
    /// Scenario time it was asked at: when a holder of its role first knew, at or after
    /// `posed_at`. Its deadline and the answer's latency count from here.
    pub asked_at: i64,
    /// The person asked (the role's holder who knows).
    pub asked: Option<PersonId>,
    /// Position of its `decision_posed` (or, if it waited, `decision_asked`) entry in the
    /// log: a front end shows what led up to the question, and no more, before asking.
    pub log_position: usize,
}

impl<'m> Engine<'m> {
    /// An engine for `model`, without scripts.
    pub fn new(model: &'m Model) -> Self {
        let mut recovery_order: Vec<FunctionId> = ids::all(&model.functions).collect();
        recovery_order.sort_by_key(|&f| (model.functions[f].priority, f));
        let index = Index::new(model, &recovery_order);
        Engine { model, scripts: None, snapshot: Snapshot::default(), recovery_order, index, st: State::default() }
    }

    /// An engine whose runs call the scenario's scripts.
    pub fn with_scripts(model: &'m Model, scripts: &'m ScriptHost) -> Self {
        let mut engine = Engine::new(model);
        engine.scripts = Some(scripts.start_run());
        engine
    }

    /// Plays a whole run with `seed`, taking decisions from `source`. Fails only when a
    /// script fails; the diagnostic names the script, line and hook.
    pub fn play(&mut self, seed: u64, source: &mut dyn DecisionSource) -> Result<Outcome, Diagnostic> {
        self.start(seed)?;
        self.finish(None, source)
    }

    /// Starts a run: resets the state, schedules the injects and timed decisions, and
    /// calls `on_start`. Then call [`Engine::step`] until it returns [`Progress::Done`],
    /// and [`Engine::finish`].
    pub fn start(&mut self, seed: u64) -> Result<(), Diagnostic> {
        let m = self.model;
        self.st.reset(m, seed);
        // Backups run on their own schedule; where in it the outage falls is drawn once.
        for (i, s) in m.systems.iter().enumerate() {
            self.st.backup_phase[SystemId::from_index(i)] =
                s.backup.map_or(0, |b| self.st.rng.int_between(0, b.interval.max(1) - 1));
        }
        for (i, inj) in m.injects.iter().enumerate() {
            self.st.queue.push(inj.at, Event::Inject(Id::from_index(i)));
        }
        for (d, dec) in m.decisions.iter().enumerate() {
            if let Trigger::At(t) = dec.trigger {
                self.st.queue.push(t, Event::Pose(DecisionId::from_index(d)));
            }
        }
        if let Some(run) = &mut self.scripts {
            run.reset()?;
        }
        self.recompute();
        self.call_hook(Hook::Start, Vec::new())?;
        self.after_event()
    }

    /// The time of the next event, if it falls within the exercise.
    pub fn next_time(&self) -> Option<i64> {
        self.st.queue.peek_time().filter(|t| *t <= self.model.meta.duration)
    }

    /// The oldest decision waiting for its answer, if any.
    pub fn question(&self) -> Option<Question> {
        let pending = self.st.pending.front()?;
        let rec = self.st.out.decisions.get(pending.record.index())?;
        Some(Question {
            record: pending.record,
            decision: rec.decision,
            posed_at: rec.posed_at,
            asked_at: rec.asked_at.unwrap_or(rec.posed_at),
            asked: rec.asked,
            log_position: pending.log_position,
        })
    }

    /// Moves the run on by one event, unless a decision waits for its answer.
    pub fn step(&mut self) -> Result<Progress, Diagnostic> {
        if let Some(q) = self.question() {
            return Ok(Progress::Ask(q));
        }
        let Some(t) = self.next_time() else { return Ok(Progress::Done) };
        let Some((_, ev)) = self.st.queue.pop() else { return Ok(Progress::Done) };
        self.st.now = t;
        self.wake_up_to(t);
        self.handle(ev);
        self.after_event()?;
        Ok(Progress::Event(t))
    }

    /// Plays every event up to `end`, answering decisions from `source` as they come.
    pub fn run_until(&mut self, end: i64, source: &mut dyn DecisionSource) -> Result<(), Diagnostic> {
        loop {
            if self.answer_from(source) {
                continue;
            }
            if self.next_time().is_some_and(|t| t <= end) {
                self.step()?;
            } else {
                return Ok(());
            }
        }
    }

    /// Answers the oldest waiting question from `source`; false when none waits.
    fn answer_from(&mut self, source: &mut dyn DecisionSource) -> bool {
        let Some(q) = self.question() else { return false };
        let reply = source.reply(self.model, self.ask(q));
        self.answer(reply);
        true
    }

    /// What the run has recorded so far.
    pub fn outcome(&self) -> &Outcome {
        &self.st.out
    }

    /// How many random draws the run has taken (scripts' included): the benchmark's
    /// floor draws as many.
    pub fn draws(&self) -> u64 {
        self.st.rng.draws()
    }

    /// The scenario clock.
    pub fn now(&self) -> i64 {
        self.st.now
    }

    /// Ends the run at `at` (default: the exercise's duration) and returns its outcome.
    /// Events at or before `at` that are still queued are handled first, so that ending
    /// a live session and replaying its journal give the same outcome.
    pub fn finish(&mut self, at: Option<i64>, source: &mut dyn DecisionSource) -> Result<Outcome, Diagnostic> {
        let end = at.unwrap_or(self.model.meta.duration).min(self.model.meta.duration);
        self.run_until(end, source)?;
        let end = end.max(self.st.now);
        self.st.now = end;
        // What `on_end` sees: whoever is back by the end is available in its snapshot.
        self.wake_up_to(end);
        self.log(LogKind::End);
        self.st.hook_cursor = self.st.out.log.len();
        self.call_hook(Hook::End, Vec::new())?;
        // A question posed by `on_end` is answered, but its consequences lie past the end.
        while self.answer_from(source) {}
        self.close_pending();
        self.st.out.ended_at = end;
        Ok(std::mem::take(&mut self.st.out))
    }

    fn log(&mut self, kind: LogKind) {
        self.st.out.log.push(LogEntry { t: self.st.now, kind });
    }

    /// Handles one event; its consequences settle in [`Engine::after_event`].
    fn handle(&mut self, ev: Event) {
        match ev {
            Event::Inject(i) => self.deliver_inject(i),
            Event::ScriptInject(i) => self.deliver_script_inject(i),
            Event::DetectionDelay => self.schedule_detection(),
            Event::Detect => self.detect(),
            Event::AttemptDone { call, answered, pos } => self.attempt_done(call, answered, pos),
            Event::TryHolder { call, rank } => self.try_holder(call, rank, 0),
            Event::CallDeadline(call) => self.call_deadline(call),
            Event::PersonBack { person, until } => {
                // Only if no later effect changed how long they are away.
                if self.st.unavailable_until[person] == until {
                    self.person_back(person);
                }
            }
            Event::Deliberate { person, role } => self.deliberate(person, role),
            Event::Declare { person, role } => self.declare(person, role),
            Event::Pose(d) => self.pose(d),
            Event::Answer { record } => self.apply_answer(record),
            Event::StepDone { function, step } => self.step_done(function, step),
            Event::SupplierSwitch { supplier, alternate } => self.supplier_switch(supplier, alternate),
            Event::PrepareNotice(s) => self.prepare_notice(s),
            Event::StakeholderSend(s) => self.stakeholder_send(s),
            Event::StakeholderDeadline(s) => self.stakeholder_deadline(s),
            // Someone becomes available or a hand-over completes: settling is the point.
            Event::Wake => {}
        }
    }

    /// Recomputes derived state and starts whatever can start.
    fn settle(&mut self) {
        self.recompute();
        self.ask_waiting();
        self.start_steps();
        self.retry_stakeholders();
    }

    /// At the end, attempts still under way end with the exercise.
    fn close_pending(&mut self) {
        let end = self.st.now;
        for n in &mut self.st.out.notifications {
            for a in &mut n.attempts {
                if a.end == AttemptEnd::Pending {
                    a.ended_at = end;
                }
            }
        }
    }
}
