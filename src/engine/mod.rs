//! The discrete-event engine: plays a compiled scenario against its plan on a scenario
//! clock of integer seconds and records what happened in an [`Outcome`].
//!
//! No I/O, no wall clock; every random draw comes from the run's [`SimRng`]. Events are
//! ordered by (time, sequence number), so simultaneous events always resolve in the order
//! they were scheduled.

pub mod decide;
mod queue;
pub mod rng;

use rhai::Dynamic;

use crate::compile::{Change, Model, Trigger};
use crate::diag::Diagnostic;
use crate::outcome::{
    Attempt, AttemptEnd, DecisionRecord, LogEntry, LogKind, Notification, Outage, Outcome, RecoveredBy, ScriptInject,
    StakeholderNotice, StepRun, SupplierRecord,
};
use crate::script::{Command, Hook, ScriptHost, Shared};
pub use decide::{Ask, DecisionSource, Defaults, Prepared, Reply};
use queue::{Event, Queue};
pub use rng::SimRng;

/// "Until the end of the exercise".
const FOREVER: i64 = i64::MAX;

/// Hook calls one engine event may set off (scripts reacting to their own effects):
/// beyond this a script is taken to be looping through `on_event`.
const MAX_HOOK_CALLS_PER_EVENT: usize = 10_000;

/// Plays scenarios of one model, reusing its buffers from run to run.
#[derive(Debug)]
pub struct Engine<'m> {
    model: &'m Model,
    scripts: Option<&'m ScriptHost>,
    hook_ctx: Option<Shared>,
    /// Functions in recovery order: priority tier, then plan order.
    recovery_order: Vec<usize>,
    st: State,
}

/// The mutable state of one run. Reset, not reallocated, between runs.
#[derive(Debug, Default)]
struct State {
    now: i64,
    queue: Queue,
    site_down: Vec<bool>,
    system_failed: Vec<bool>,
    system_degraded: Vec<bool>,
    system_restored: Vec<bool>,
    system_up: Vec<bool>,
    backup_phase: Vec<i64>,
    system_loss: Vec<Option<i64>>,
    channel_forced_down: Vec<bool>,
    channel_up: Vec<bool>,
    unavailable_until: Vec<i64>,
    busy: Vec<bool>,
    /// Per role: acting person, holder rank, and when they can act.
    acting: Vec<Option<(usize, usize, i64)>>,
    supplier_cut: Vec<bool>,
    supplier_alt: Vec<Option<usize>>,
    /// Per function: index of its open outage, and whether it has been worked around.
    open_outage: Vec<Option<usize>>,
    worked_around: Vec<bool>,
    detection_scheduled: bool,
    declare_pending: bool,
    stakeholder_pending: Vec<bool>,
    /// Per role: the highest priority tier (lowest number) that still needs it.
    claimed_by_tier: Vec<u32>,
    /// Effects of script-scheduled injects, by index.
    script_changes: Vec<Vec<Change>>,
    /// How far into the log hooks have been called.
    hook_cursor: usize,
    /// Per decision: the option taken, once answered.
    decided: Vec<Option<usize>>,
    /// Per decision: whether the default applied.
    defaulted: Vec<bool>,
    /// Per notification: every holder was tried and none answered (retried when one is back).
    gave_up: Vec<bool>,
    /// The run's generator between steps.
    rng: Option<SimRng>,
    out: Outcome,
}

impl<'m> Engine<'m> {
    /// An engine for `model`.
    pub fn new(model: &'m Model) -> Self {
        let mut recovery_order: Vec<usize> = (0..model.functions.len()).collect();
        recovery_order.sort_by_key(|&f| (model.functions[f].priority, f));
        Engine { model, scripts: None, hook_ctx: None, recovery_order, st: State::default() }
    }

    /// An engine whose runs call the scenario's scripts.
    pub fn with_scripts(model: &'m Model, scripts: &'m ScriptHost) -> Self {
        let mut engine = Engine::new(model);
        engine.hook_ctx = Some(scripts.context());
        engine.scripts = Some(scripts);
        engine
    }

    /// Plays the scenario with `seed`, taking decisions from `source`. Fails only when
    /// a script fails; the diagnostic names the script, line and hook.
    pub fn play(&mut self, seed: u64, source: &mut dyn DecisionSource) -> Result<Outcome, Diagnostic> {
        self.start(seed, source)?;
        while self.step(source)?.is_some() {}
        self.finish(None, source)
    }

    /// Starts a run: resets the state, schedules the injects and timed decisions, and
    /// calls `on_start`. Then call [`Engine::step`] until it returns `None`, and
    /// [`Engine::finish`]; a live front end can look at [`Engine::outcome`] in between.
    pub fn start(&mut self, seed: u64, source: &mut dyn DecisionSource) -> Result<(), Diagnostic> {
        self.reset(seed);
        let mut rng = SimRng::new(seed);
        let m = self.model;
        // Backups run on their own schedule; where in it the outage falls is drawn once.
        for (i, s) in m.systems.iter().enumerate() {
            self.st.backup_phase[i] = s.backup.map_or(0, |(interval, _)| rng.int_between(0, interval.max(1) - 1));
        }
        for (i, inj) in m.injects.iter().enumerate() {
            self.st.queue.push(inj.at, Event::Inject(i));
        }
        for (d, dec) in m.decisions.iter().enumerate() {
            if let Trigger::At(t) = dec.trigger {
                self.st.queue.push(t, Event::Pose(d));
            }
        }
        if let Some(shared) = &self.hook_ctx {
            shared.lock().map_err(|_| poisoned())?.memory.clear();
        }
        self.recompute();
        self.call_hook(Hook::Start, Vec::new(), &mut rng, source)?;
        self.after_event(&mut rng, source)?;
        self.st.rng = Some(rng);
        Ok(())
    }

    /// The time of the next event, if it falls within the exercise.
    pub fn next_time(&self) -> Option<i64> {
        self.st.queue.peek_time().filter(|t| *t <= self.model.meta.duration)
    }

    /// Handles the next event; returns its time, or `None` when the exercise is over.
    pub fn step(&mut self, source: &mut dyn DecisionSource) -> Result<Option<i64>, Diagnostic> {
        let Some(t) = self.next_time() else { return Ok(None) };
        let Some((_, ev)) = self.st.queue.pop() else { return Ok(None) };
        let mut rng = self.st.rng.take().unwrap_or_else(|| SimRng::new(self.st.out.seed));
        self.st.now = t;
        self.handle(ev, &mut rng, source);
        let result = self.after_event(&mut rng, source);
        self.st.rng = Some(rng);
        result.map(|()| Some(t))
    }

    /// What the run has recorded so far.
    pub fn outcome(&self) -> &Outcome {
        &self.st.out
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
        while self.next_time().is_some_and(|t| t <= end) {
            self.step(source)?;
        }
        let mut rng = self.st.rng.take().unwrap_or_else(|| SimRng::new(self.st.out.seed));
        let end = end.max(self.st.now);
        self.st.now = end;
        self.log(LogKind::End);
        self.st.hook_cursor = self.st.out.log.len();
        self.call_hook(Hook::End, Vec::new(), &mut rng, source)?;
        self.close_pending();
        self.st.out.ended_at = end;
        Ok(std::mem::take(&mut self.st.out))
    }

    /// Derived state, then the scripts' hooks for everything logged since the last call,
    /// then the state again for whatever the scripts changed, until nothing new happens.
    fn after_event(&mut self, rng: &mut SimRng, source: &mut dyn DecisionSource) -> Result<(), Diagnostic> {
        self.settle(rng);
        let Some(host) = self.scripts else {
            self.st.hook_cursor = self.st.out.log.len();
            return Ok(());
        };
        let mut calls = 0;
        while self.st.hook_cursor < self.st.out.log.len() {
            let entry = self.st.out.log[self.st.hook_cursor];
            self.st.hook_cursor += 1;
            let Some((hook, args)) = self.hook_for(entry.kind) else { continue };
            if !host.has(hook) {
                continue;
            }
            calls += 1;
            if calls > MAX_HOOK_CALLS_PER_EVENT {
                return Err(Diagnostic::error(
                    "script::hook-loop",
                    format!(
                        "scripts reacted to their own effects more than {MAX_HOOK_CALLS_PER_EVENT} times at one moment"
                    ),
                )
                .with_help("an on_event hook probably undoes and redoes the same effect; guard it with a condition"));
            }
            self.call_hook(hook, args, rng, source)?;
            self.settle(rng);
        }
        Ok(())
    }

    /// Recomputes derived state and starts whatever can start.
    fn settle(&mut self, rng: &mut SimRng) {
        self.recompute();
        self.start_steps(rng);
        self.retry_stakeholders();
    }

    /// Which hook a log entry calls, with its arguments.
    fn hook_for(&self, kind: LogKind) -> Option<(Hook, Vec<Dynamic>)> {
        let m = self.model;
        let out = &self.st.out;
        let s = |v: &str| Dynamic::from(v.to_owned());
        Some(match kind {
            LogKind::Inject(i) => (Hook::Inject, vec![s(&m.injects[i].event), s(&m.injects[i].title)]),
            LogKind::ScriptInject(i) => {
                let inj = &out.script_injects[i];
                (Hook::Inject, vec![s(&inj.event), s(&inj.title)])
            }
            LogKind::DecisionAnswered(r) => {
                let rec = &out.decisions[r];
                let dec = &m.decisions[rec.decision];
                let who = rec.asked.map_or("", |p| m.people[p].id.as_str());
                (Hook::Decision, vec![s(&dec.id), s(&dec.options[rec.option].id), s(who)])
            }
            LogKind::Attempt(..) | LogKind::DecisionPosed(_) | LogKind::ScriptLog(_) | LogKind::End => return None,
            other => (Hook::Event, vec![s(other.name()), s(&self.subject(other))]),
        })
    }

    /// The id an event is about, as scripts see it.
    fn subject(&self, kind: LogKind) -> String {
        let m = self.model;
        let out = &self.st.out;
        match kind {
            LogKind::SiteDown(i) | LogKind::SiteUp(i) => m.sites[i].id.clone(),
            LogKind::SystemDown(i) | LogKind::SystemDegraded(i) | LogKind::SystemUp(i, _) => m.systems[i].id.clone(),
            LogKind::ChannelDown(i) | LogKind::ChannelUp(i) => m.channels[i].id.clone(),
            LogKind::PersonUnavailable(p, _) | LogKind::PersonAvailable(p) | LogKind::Declared(p, _) => {
                m.people[p].id.clone()
            }
            LogKind::SupplierCutOff(i) | LogKind::SupplierSwitched(i, _) | LogKind::SupplierRestored(i) => {
                m.suppliers[i].id.clone()
            }
            LogKind::FunctionDown(f) | LogKind::FunctionRecovered(f, _) => m.functions[f].id.clone(),
            LogKind::Detected(r, _) | LogKind::Handover(r, _) => m.roles[r].id.clone(),
            LogKind::Reached(n) | LogKind::Unreachable(n) | LogKind::NotificationLate(n) => {
                m.roles[out.notifications[n].to_role].id.clone()
            }
            LogKind::StepStarted(f, st) | LogKind::StepFinished(f, st) | LogKind::RunbookUnreachable(f, st, _) => {
                let step = m.functions[f].procedure.and_then(|p| m.procedures[p].steps.get(st));
                format!("{}/{}", m.functions[f].id, step.map_or("?", |x| x.id.as_str()))
            }
            LogKind::StakeholderNotified(i, _) | LogKind::StakeholderLate(i) => m.stakeholders[i].id.clone(),
            LogKind::Inject(_)
            | LogKind::ScriptInject(_)
            | LogKind::Attempt(..)
            | LogKind::DecisionPosed(_)
            | LogKind::DecisionAnswered(_)
            | LogKind::ScriptLog(_)
            | LogKind::End => String::new(),
        }
    }

    /// Calls a hook with a snapshot of the state and the run's generator, then carries
    /// out what the scripts asked for.
    fn call_hook(
        &mut self,
        hook: Hook,
        args: Vec<Dynamic>,
        rng: &mut SimRng,
        source: &mut dyn DecisionSource,
    ) -> Result<(), Diagnostic> {
        let (Some(host), Some(shared)) = (self.scripts, self.hook_ctx.clone()) else { return Ok(()) };
        if !host.has(hook) {
            return Ok(());
        }
        self.fill_context(&shared, rng)?;
        let result = host.call(hook, &shared, &args);
        let commands = {
            let mut ctx = shared.lock().map_err(|_| poisoned())?;
            std::mem::swap(&mut ctx.rng, rng);
            std::mem::take(&mut ctx.commands)
        };
        result?;
        for command in commands {
            self.carry_out(command, source);
        }
        Ok(())
    }

    fn fill_context(&self, shared: &Shared, rng: &mut SimRng) -> Result<(), Diagnostic> {
        let m = self.model;
        let st = &self.st;
        let mut c = shared.lock().map_err(|_| poisoned())?;
        c.now = st.now;
        fill(&mut c.site_up, st.site_down.iter().map(|d| !d));
        fill(&mut c.system_up, st.system_up.iter().copied());
        fill(&mut c.system_degraded, st.system_degraded.iter().copied());
        fill(&mut c.person_available, (0..m.people.len()).map(|p| self.available(p)));
        fill(&mut c.channel_up, st.channel_up.iter().copied());
        fill(
            &mut c.supplier_available,
            (0..m.suppliers.len()).map(|s| !st.supplier_cut[s] || st.supplier_alt[s].is_some()),
        );
        fill(
            &mut c.function_ok,
            (0..m.functions.len()).map(|f| st.open_outage[f].is_none_or(|o| st.out.outages[f][o].recovered.is_some())),
        );
        c.declared = st.out.declared.is_some();
        fill(&mut c.decided, st.decided.iter().copied());
        fill(&mut c.defaulted, st.defaulted.iter().copied());
        c.scheduled = st.out.script_injects.len();
        c.commands.clear();
        std::mem::swap(&mut c.rng, rng);
        Ok(())
    }

    fn carry_out(&mut self, command: Command, source: &mut dyn DecisionSource) {
        let now = self.st.now;
        match command {
            Command::Apply(change) => {
                let actor = self.declarer();
                self.apply(change, actor);
            }
            Command::Schedule { delay, title, description, changes } => {
                let i = self.st.out.script_injects.len();
                self.st.out.script_injects.push(ScriptInject {
                    event: format!("S{}", i + 1),
                    at: now.saturating_add(delay),
                    title,
                    description,
                });
                self.st.script_changes.push(changes);
                self.st.queue.push(now.saturating_add(delay), Event::ScriptInject(i));
            }
            Command::Pose(d) => self.pose(d, source),
            Command::Log(text) => {
                self.st.out.script_lines.push(text);
                self.log(LogKind::ScriptLog(self.st.out.script_lines.len() - 1));
            }
        }
    }

    /// Who declares when a script says so: the first declaring role's acting or first
    /// available holder.
    fn declarer(&self) -> Option<(usize, usize)> {
        self.model.declare_roles.iter().find_map(|&r| self.holder_now(r).map(|(p, _)| (p, r)))
    }

    fn reset(&mut self, seed: u64) {
        let m = self.model;
        let st = &mut self.st;
        st.now = 0;
        st.queue.clear();
        reset_vec(&mut st.site_down, m.sites.len(), false);
        reset_vec(&mut st.system_failed, m.systems.len(), false);
        reset_vec(&mut st.system_degraded, m.systems.len(), false);
        reset_vec(&mut st.system_restored, m.systems.len(), false);
        reset_vec(&mut st.system_up, m.systems.len(), true);
        reset_vec(&mut st.backup_phase, m.systems.len(), 0);
        reset_vec(&mut st.system_loss, m.systems.len(), None);
        reset_vec(&mut st.channel_forced_down, m.channels.len(), false);
        reset_vec(&mut st.channel_up, m.channels.len(), true);
        reset_vec(&mut st.unavailable_until, m.people.len(), 0);
        reset_vec(&mut st.busy, m.people.len(), false);
        reset_vec(&mut st.acting, m.roles.len(), None);
        reset_vec(&mut st.supplier_cut, m.suppliers.len(), false);
        reset_vec(&mut st.supplier_alt, m.suppliers.len(), None);
        reset_vec(&mut st.open_outage, m.functions.len(), None);
        reset_vec(&mut st.worked_around, m.functions.len(), false);
        reset_vec(&mut st.stakeholder_pending, m.stakeholders.len(), false);
        reset_vec(&mut st.claimed_by_tier, m.roles.len(), u32::MAX);
        st.script_changes.clear();
        reset_vec(&mut st.decided, m.decisions.len(), None);
        reset_vec(&mut st.defaulted, m.decisions.len(), false);
        st.gave_up.clear();
        st.hook_cursor = 0;
        st.detection_scheduled = false;
        st.declare_pending = false;
        st.out = Outcome {
            seed,
            outages: vec![Vec::new(); m.functions.len()],
            stakeholders: (0..m.stakeholders.len())
                .map(|s| StakeholderNotice {
                    stakeholder: s,
                    deadline_at: None,
                    started: None,
                    notified: None,
                    attempts: Vec::new(),
                })
                .collect(),
            ..Outcome::default()
        };
    }

    fn log(&mut self, kind: LogKind) {
        self.st.out.log.push(LogEntry { t: self.st.now, kind });
    }

    fn available(&self, person: usize) -> bool {
        self.st.unavailable_until.get(person).is_none_or(|&u| u <= self.st.now)
    }

    fn handle(&mut self, ev: Event, rng: &mut SimRng, source: &mut dyn DecisionSource) {
        match ev {
            Event::Inject(i) => {
                self.log(LogKind::Inject(i));
                for c in 0..self.model.injects[i].changes.len() {
                    self.apply(self.model.injects[i].changes[c], None);
                }
                for d in 0..self.model.decisions.len() {
                    if self.model.decisions[d].trigger == Trigger::AfterInject(i) {
                        self.pose(d, source);
                    }
                }
            }
            Event::DetectionDelay => {
                let delay = self.model.call_tree.as_ref().map_or(0, |ct| rng.sample(ct.detection));
                self.st.queue.push(self.st.now.saturating_add(delay), Event::Detect);
            }
            Event::Detect => self.detect(),
            Event::AttemptDone { call, answered } => self.attempt_done(call, answered, rng),
            Event::TryHolder { call, rank } => self.try_holder(call, rank, 0, rng),
            Event::Deliberate { person, role } => {
                let secs = rng.sample(self.model.declare_time);
                self.st.queue.push(self.st.now.saturating_add(secs), Event::Declare { person, role });
            }
            Event::Declare { person, role } => self.declare(person, role),
            Event::Pose(d) => self.pose(d, source),
            Event::Answer { record } => self.answer(record),
            Event::StepDone { function, step } => self.step_done(function, step),
            Event::SupplierSwitch { supplier, alternate } => self.supplier_switch(supplier, alternate),
            Event::PrepareNotice(s) => {
                let secs = rng.sample(self.model.stakeholders[s].effort);
                self.st.queue.push(self.st.now.saturating_add(secs), Event::StakeholderSend(s));
            }
            Event::StakeholderSend(s) => self.stakeholder_send(s),
            Event::ScriptInject(i) => {
                self.log(LogKind::ScriptInject(i));
                for c in 0..self.st.script_changes[i].len() {
                    let change = self.st.script_changes[i][c];
                    let actor = self.declarer();
                    self.apply(change, actor);
                }
            }
            Event::CallDeadline(call) => {
                if self.st.out.notifications[call].reached.is_none() {
                    self.log(LogKind::NotificationLate(call));
                }
            }
            Event::StakeholderDeadline(s) => {
                if self.st.out.stakeholders[s].notified.is_none() {
                    self.log(LogKind::StakeholderLate(s));
                }
            }
            Event::PersonBack { person, until } => {
                // Only if no later effect changed how long they are away.
                if self.st.unavailable_until[person] == until {
                    self.person_back(person);
                }
            }
            Event::Wake => {}
        }
    }

    /// A person is reachable again: notifications that gave up on everyone holding one of
    /// their roles try again, starting with them.
    fn person_back(&mut self, p: usize) {
        self.st.unavailable_until[p] = 0;
        self.log(LogKind::PersonAvailable(p));
        for call in 0..self.st.out.notifications.len() {
            if !self.st.gave_up.get(call).copied().unwrap_or(false) {
                continue;
            }
            let role = self.st.out.notifications[call].to_role;
            if let Some(rank) = self.model.roles[role].holders.iter().position(|&h| h == p) {
                self.st.gave_up[call] = false;
                self.st.queue.push(self.st.now, Event::TryHolder { call, rank });
            }
        }
    }

    /// Nobody holding the call's role could be reached, for now.
    fn give_up(&mut self, call: usize) {
        if self.st.gave_up.len() <= call {
            self.st.gave_up.resize(call + 1, false);
        }
        self.st.gave_up[call] = true;
        self.log(LogKind::Unreachable(call));
    }

    /// Applies an effect; `actor` is the person whose decision it was, if any.
    fn apply(&mut self, change: Change, actor: Option<(usize, usize)>) {
        let now = self.st.now;
        match change {
            Change::SiteDown(s) => {
                self.st.site_down[s] = true;
                self.log(LogKind::SiteDown(s));
            }
            Change::SiteUp(s) => {
                self.st.site_down[s] = false;
                self.log(LogKind::SiteUp(s));
            }
            Change::SystemDown(s) => self.st.system_failed[s] = true,
            Change::SystemDegraded(s) => {
                self.st.system_degraded[s] = true;
                self.log(LogKind::SystemDegraded(s));
            }
            Change::SystemUp(s) => {
                self.st.system_failed[s] = false;
                self.st.system_degraded[s] = false;
            }
            Change::PersonUnavailable(p, for_secs) => {
                let until = for_secs.map_or(FOREVER, |d| now.saturating_add(d));
                self.st.unavailable_until[p] = until;
                self.log(LogKind::PersonUnavailable(p, for_secs.map(|_| until)));
                if until != FOREVER {
                    self.st.queue.push(until, Event::PersonBack { person: p, until });
                }
                self.replace_absent_holders();
            }
            Change::PersonAvailable(p) => self.person_back(p),
            Change::ChannelDown(c) => self.st.channel_forced_down[c] = true,
            Change::ChannelUp(c) => self.st.channel_forced_down[c] = false,
            Change::SupplierCutOff(s) => {
                if !self.st.supplier_cut[s] {
                    self.st.supplier_cut[s] = true;
                    self.st.supplier_alt[s] = None;
                    self.log(LogKind::SupplierCutOff(s));
                    self.st.out.suppliers.push(SupplierRecord {
                        supplier: s,
                        cut_off_at: now,
                        switched: None,
                        restored_at: None,
                    });
                    if let Some(&(_, lead)) = self.model.suppliers[s].alternates.first() {
                        self.st
                            .queue
                            .push(now.saturating_add(lead), Event::SupplierSwitch { supplier: s, alternate: 0 });
                    }
                }
            }
            Change::SupplierRestored(s) => {
                if self.st.supplier_cut[s] {
                    self.st.supplier_cut[s] = false;
                    self.log(LogKind::SupplierRestored(s));
                    if let Some(r) = self.st.out.suppliers.iter_mut().rev().find(|r| r.supplier == s) {
                        r.restored_at = Some(now);
                    }
                }
            }
            Change::Declare => {
                if let Some((person, role)) = actor {
                    self.declare(person, role);
                }
            }
        }
    }

    /// Brings systems, channels and functions in line with sites, failures and
    /// recoveries, logging every transition and opening or closing outages.
    fn recompute(&mut self) {
        let m = self.model;
        for &s in &m.system_order {
            let sys = &m.systems[s];
            let up = self.st.system_restored[s]
                || (!self.st.system_failed[s]
                    && !self.st.site_down[sys.site]
                    && sys.depends_on.iter().all(|&d| self.st.system_up[d]));
            if up != self.st.system_up[s] {
                self.st.system_up[s] = up;
                if up {
                    self.log(LogKind::SystemUp(s, self.st.system_restored[s]));
                } else {
                    self.st.system_loss[s] = self.data_loss(s);
                    self.log(LogKind::SystemDown(s));
                }
            }
        }
        for (c, ch) in m.channels.iter().enumerate() {
            let up = !self.st.channel_forced_down[c] && ch.depends_on.iter().all(|&s| self.st.system_up[s]);
            if up != self.st.channel_up[c] {
                self.st.channel_up[c] = up;
                self.log(if up { LogKind::ChannelUp(c) } else { LogKind::ChannelDown(c) });
            }
        }
        for f in 0..m.functions.len() {
            let func = &m.functions[f];
            let disrupted = func.systems.iter().any(|&s| !self.st.system_up[s])
                || func.sites.iter().any(|&s| self.st.site_down[s])
                || func.suppliers.iter().any(|&s| self.st.supplier_cut[s] && self.st.supplier_alt[s].is_none());
            match (disrupted, self.st.open_outage[f]) {
                (true, None) => self.open_outage(f),
                (false, Some(o)) => {
                    if self.st.out.outages[f][o].recovered.is_none() {
                        self.recover(f, RecoveredBy::Restored);
                    }
                    self.st.open_outage[f] = None;
                    self.st.worked_around[f] = false;
                }
                _ => {}
            }
        }
    }

    /// Seconds of data lost if system `s` went down now: the newest reachable backup or
    /// replica decides. `None` when none can be reached.
    fn data_loss(&self, s: usize) -> Option<i64> {
        let sys = &self.model.systems[s];
        let now = self.st.now;
        let from_backup = sys.backup.filter(|&(_, site)| !self.st.site_down[site]).map(|(interval, _)| {
            let interval = interval.max(1);
            let phase = self.st.backup_phase[s];
            (now - phase).rem_euclid(interval)
        });
        let from_replica = sys.replication.filter(|&(_, site)| !self.st.site_down[site]).map(|(lag, _)| lag);
        match (from_backup, from_replica) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn open_outage(&mut self, f: usize) {
        let m = self.model;
        let now = self.st.now;
        let func = &m.functions[f];
        // Data lost is that of the worst-hit system the function needs.
        let mut lost = Some(0);
        for &s in &func.systems {
            if !self.st.system_up[s] {
                lost = match (lost, self.st.system_loss[s]) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
        }
        let steps = func.procedure.map_or(0, |p| m.procedures[p].steps.len());
        self.st.out.outages[f].push(Outage {
            start: now,
            recovered: None,
            data_lost: lost,
            steps: (0..steps)
                .map(|step| StepRun {
                    step,
                    ready_at: None,
                    started: None,
                    by_backup: false,
                    runbook_delay: 0,
                    finished_at: None,
                })
                .collect(),
        });
        self.st.open_outage[f] = Some(self.st.out.outages[f].len() - 1);
        self.log(LogKind::FunctionDown(f));
        if self.st.out.disruption_at.is_none() {
            self.st.out.disruption_at = Some(now);
            for s in 0..m.stakeholders.len() {
                let deadline = now.saturating_add(m.stakeholders[s].deadline);
                self.st.out.stakeholders[s].deadline_at = Some(deadline);
                self.st.queue.push(deadline, Event::StakeholderDeadline(s));
            }
        }
        if !self.st.detection_scheduled {
            self.st.detection_scheduled = true;
            self.st.queue.push(now, Event::DetectionDelay);
        }
        // Owners already reached start on the new notice clock.
        for s in 0..m.stakeholders.len() {
            self.maybe_start_stakeholder(s);
        }
    }

    fn recover(&mut self, f: usize, by: RecoveredBy) {
        let Some(o) = self.st.open_outage[f] else { return };
        let now = self.st.now;
        let outage = &mut self.st.out.outages[f][o];
        if outage.recovered.is_some() {
            return;
        }
        outage.recovered = Some((now, by));
        self.log(LogKind::FunctionRecovered(f, by));
        if by == RecoveredBy::Procedure {
            self.st.worked_around[f] = true;
            // The procedure brought its systems up at their fail-over site.
            for &s in &self.model.functions[f].systems {
                self.st.system_restored[s] = true;
            }
        }
    }

    fn detect(&mut self) {
        let m = self.model;
        let now = self.st.now;
        self.st.out.detected_at = Some(now);
        let Some(ct) = &m.call_tree else {
            self.mobilise_declarers();
            return;
        };
        let root = ct.root;
        let holder = m.roles[root].holders.iter().enumerate().find(|&(_, &p)| self.available(p));
        let call = self.st.out.notifications.len();
        self.st.out.notifications.push(Notification {
            link: None,
            to_role: root,
            caller: None,
            started_at: self.st.out.disruption_at.unwrap_or(now),
            deadline_at: None,
            reached: None,
            attempts: Vec::new(),
        });
        match holder {
            Some((rank, &person)) => {
                self.st.out.notifications[call].reached = Some((person, now, None));
                self.log(LogKind::Detected(root, person));
                self.role_reached(root, person, rank);
            }
            None => self.log(LogKind::Unreachable(call)),
        }
        self.mobilise_declarers();
    }

    /// Declaring roles outside the call tree learn of the disruption at detection.
    fn mobilise_declarers(&mut self) {
        let m = self.model;
        for i in 0..m.declare_roles.len() {
            let r = m.declare_roles[i];
            if !m.roles[r].in_call_tree && self.st.acting[r].is_none() {
                if let Some((rank, &p)) = m.roles[r].holders.iter().enumerate().find(|&(_, &p)| self.available(p)) {
                    self.role_reached(r, p, rank);
                }
            }
        }
    }

    /// Someone now acts for `role`: they pass the call on, may declare, and notify the
    /// stakeholders they own.
    fn role_reached(&mut self, role: usize, person: usize, rank: usize) {
        let m = self.model;
        let now = self.st.now;
        if self.st.acting[role].is_some() {
            return;
        }
        let ready = if rank == 0 { now } else { now.saturating_add(m.roles[role].handover) };
        self.st.acting[role] = Some((person, rank, ready));
        if ready > now {
            self.st.queue.push(ready, Event::Wake);
        }
        if let Some(ct) = &m.call_tree {
            for (l, link) in ct.links.iter().enumerate() {
                if link.from == role && self.st.acting[link.to].is_none() {
                    self.start_call(l, person);
                }
            }
        }
        if m.auto_declare && !self.st.declare_pending && m.declare_roles.contains(&role) {
            self.st.declare_pending = true;
            self.st.queue.push(ready, Event::Deliberate { person, role });
        }
        for s in 0..m.stakeholders.len() {
            self.maybe_start_stakeholder(s);
        }
    }

    fn start_call(&mut self, link: usize, caller: usize) {
        let Some(ct) = &self.model.call_tree else { return };
        let now = self.st.now;
        let l = &ct.links[link];
        let call = self.st.out.notifications.len();
        self.st.out.notifications.push(Notification {
            link: Some(link),
            to_role: l.to,
            caller: Some(caller),
            started_at: now,
            deadline_at: Some(now.saturating_add(l.deadline)),
            reached: None,
            attempts: Vec::new(),
        });
        self.st.queue.push(now, Event::TryHolder { call, rank: 0 });
        self.st.queue.push(now.saturating_add(l.deadline), Event::CallDeadline(call));
    }

    /// The channels to try for `person` on this call: the link's list (where the person
    /// has a contact on it) or the person's own order.
    fn contact_at(&self, call: usize, person: usize, pos: usize) -> Option<crate::compile::Contact> {
        let m = self.model;
        let contacts = &m.people[person].contacts;
        let link = self.st.out.notifications[call].link.and_then(|l| m.call_tree.as_ref().map(|ct| &ct.links[l]));
        match link {
            Some(l) if !l.channels.is_empty() => {
                l.channels.iter().filter_map(|&c| contacts.iter().find(|k| k.channel == c)).nth(pos).copied()
            }
            _ => contacts.get(pos).copied(),
        }
    }

    /// Tries holder `rank` of the call's role, from channel position `pos` on.
    fn try_holder(&mut self, call: usize, rank: usize, pos: usize, rng: &mut SimRng) {
        let m = self.model;
        let now = self.st.now;
        let role = self.st.out.notifications[call].to_role;
        if let Some((p, _, _)) = self.st.acting[role] {
            // Someone else already reached this role by another path.
            self.st.out.notifications[call].reached = Some((p, now, None));
            return;
        }
        let Some(&person) = m.roles[role].holders.get(rank) else {
            self.give_up(call);
            return;
        };
        let mut pos = pos;
        while let Some(contact) = self.contact_at(call, person, pos) {
            let channel = contact.channel;
            if !self.st.channel_up[channel] {
                self.push_attempt(call, person, channel, now, AttemptEnd::ChannelDown);
                pos += 1;
                continue;
            }
            // Both draws always happen, so the number of draws does not depend on who is away.
            let answers = rng.chance(contact.answer_rate);
            let after = rng.sample(contact.answers);
            let give_up = m.channels[channel].give_up_after;
            let answered = answers && after <= give_up && self.available(person);
            let ends = now.saturating_add(if answered { after } else { give_up });
            self.st.out.notifications[call].attempts.push(Attempt {
                person,
                channel,
                sent_at: now,
                ended_at: ends,
                end: AttemptEnd::Pending,
            });
            self.st.queue.push(ends, Event::AttemptDone { call, answered });
            return;
        }
        // Every channel of this person failed: the role's next holder, after the hand-over delay.
        if rank + 1 < m.roles[role].holders.len() {
            self.st.queue.push(now.saturating_add(m.roles[role].handover), Event::TryHolder { call, rank: rank + 1 });
        } else {
            self.give_up(call);
        }
    }

    fn push_attempt(&mut self, call: usize, person: usize, channel: usize, at: i64, end: AttemptEnd) {
        let n = &mut self.st.out.notifications[call];
        n.attempts.push(Attempt { person, channel, sent_at: at, ended_at: at, end });
        let idx = n.attempts.len() - 1;
        self.log(LogKind::Attempt(call, idx));
    }

    fn attempt_done(&mut self, call: usize, answered: bool, rng: &mut SimRng) {
        let m = self.model;
        let now = self.st.now;
        let n = &mut self.st.out.notifications[call];
        let Some(idx) = n.attempts.len().checked_sub(1) else { return };
        let attempt = &mut n.attempts[idx];
        attempt.end = if answered { AttemptEnd::Answered } else { AttemptEnd::NoAnswer };
        let (person, channel) = (attempt.person, attempt.channel);
        self.log(LogKind::Attempt(call, idx));
        let role = self.st.out.notifications[call].to_role;
        let rank = m.roles[role].holders.iter().position(|&p| p == person).unwrap_or(0);
        if answered {
            self.st.out.notifications[call].reached = Some((person, now, Some(channel)));
            self.log(LogKind::Reached(call));
            self.role_reached(role, person, rank);
        } else {
            // Next channel of the same person: count the channels already tried for them.
            let tried = self.st.out.notifications[call].attempts.iter().filter(|a| a.person == person).count();
            self.try_holder(call, rank, tried, rng);
        }
    }

    /// When a role's acting person becomes unavailable, the next available holder takes
    /// over after the hand-over delay.
    fn replace_absent_holders(&mut self) {
        let m = self.model;
        let now = self.st.now;
        for r in 0..m.roles.len() {
            let Some((person, _, _)) = self.st.acting[r] else { continue };
            if self.available(person) {
                continue;
            }
            let next = m.roles[r].holders.iter().enumerate().find(|&(_, &p)| p != person && self.available(p));
            if let Some((rank, &p)) = next {
                let ready = now.saturating_add(m.roles[r].handover);
                self.st.acting[r] = Some((p, rank, ready));
                self.st.queue.push(ready, Event::Wake);
                self.log(LogKind::Handover(r, p));
            }
        }
    }

    fn declare(&mut self, person: usize, role: usize) {
        if self.st.out.declared.is_some() {
            return;
        }
        let m = self.model;
        self.st.out.declared = Some((self.st.now, person, role));
        self.log(LogKind::Declared(person, role));
        // Teams outside the call tree are mobilised by the declaration itself.
        for r in 0..m.roles.len() {
            if !m.roles[r].in_call_tree && self.st.acting[r].is_none() {
                if let Some((rank, &p)) = m.roles[r].holders.iter().enumerate().find(|&(_, &p)| self.available(p)) {
                    self.role_reached(r, p, rank);
                }
            }
        }
    }

    /// The person who answers for `role` now: the acting holder if available, else the
    /// first available holder. Returns (person, rank).
    fn holder_now(&self, role: usize) -> Option<(usize, usize)> {
        if let Some((p, rank, _)) = self.st.acting[role] {
            if self.available(p) {
                return Some((p, rank));
            }
        }
        self.model.roles[role].holders.iter().enumerate().find(|&(_, &p)| self.available(p)).map(|(r, &p)| (p, r))
    }

    fn pose(&mut self, d: usize, source: &mut dyn DecisionSource) {
        let m = self.model;
        let dec = &m.decisions[d];
        let now = self.st.now;
        let asked = self.holder_now(dec.role);
        let reply = match asked {
            Some((p, _)) => {
                source.reply(m, Ask { index: d, decision: dec, posed_at: now, asked: Some(p), so_far: &self.st.out })
            }
            None => Reply::NoAnswer,
        };
        let (option, latency, by_default) = match reply {
            Reply::Answer { option, latency } if latency <= dec.deadline && option < dec.options.len() => {
                (option, latency, false)
            }
            _ => (dec.default, dec.deadline, true),
        };
        let record = self.st.out.decisions.len();
        self.st.out.decisions.push(DecisionRecord {
            decision: d,
            posed_at: now,
            asked: asked.map(|(p, _)| p),
            asked_backup: asked.is_some_and(|(_, rank)| rank > 0),
            option,
            latency,
            by_default,
        });
        self.log(LogKind::DecisionPosed(record));
        self.st.queue.push(now.saturating_add(latency), Event::Answer { record });
    }

    fn answer(&mut self, record: usize) {
        let m = self.model;
        let rec = self.st.out.decisions[record];
        self.st.decided[rec.decision] = Some(rec.option);
        self.st.defaulted[rec.decision] = rec.by_default;
        self.log(LogKind::DecisionAnswered(record));
        let dec = &m.decisions[rec.decision];
        let actor = rec.asked.map(|p| (p, dec.role));
        for c in 0..dec.options[rec.option].changes.len() {
            self.apply(dec.options[rec.option].changes[c], actor);
        }
    }

    /// Starts every recovery step that can start now, in priority order. A person works on
    /// one step at a time, and a role still needed by an unfinished procedure of a higher
    /// priority tier does not start work for a lower one.
    fn start_steps(&mut self, rng: &mut SimRng) {
        if self.st.out.declared.is_none() {
            return;
        }
        let m = self.model;
        let now = self.st.now;
        self.st.claimed_by_tier.fill(u32::MAX);
        for oi in 0..self.recovery_order.len() {
            let f = self.recovery_order[oi];
            let (Some(o), Some(p)) = (self.st.open_outage[f], m.functions[f].procedure) else { continue };
            if self.st.out.outages[f][o].recovered.is_some() {
                continue;
            }
            let tier = m.functions[f].priority;
            let proc = &m.procedures[p];
            for si in 0..proc.steps.len() {
                let step = &proc.steps[si];
                let run = self.st.out.outages[f][o].steps[si];
                if run.started.is_some() {
                    continue;
                }
                let claimed = self.st.claimed_by_tier[step.role];
                self.st.claimed_by_tier[step.role] = claimed.min(tier);
                let prereqs = step.after.iter().all(|&a| self.st.out.outages[f][o].steps[a].finished_at.is_some());
                if !prereqs {
                    continue;
                }
                if run.ready_at.is_none() {
                    self.st.out.outages[f][o].steps[si].ready_at = Some(now);
                }
                if claimed < tier {
                    continue;
                }
                let needs_up = step.needs_systems.iter().all(|&s| self.st.system_up[s])
                    && step.needs_channels.iter().all(|&c| self.st.channel_up[c]);
                let Some((person, rank, ready)) = self.st.acting[step.role] else { continue };
                if !needs_up || !self.available(person) || self.st.busy[person] || ready > now {
                    continue;
                }
                let mut secs = rng.sample(step.duration);
                if rank > 0 {
                    secs = (secs as f64 * m.roles[step.role].backup_slowdown).round() as i64;
                }
                let mut runbook_delay = 0;
                if let Some((site, delay)) = step.runbook {
                    if self.st.site_down[site] {
                        runbook_delay = delay;
                        self.log(LogKind::RunbookUnreachable(f, si, site));
                    }
                }
                let run = &mut self.st.out.outages[f][o].steps[si];
                run.started = Some((person, now));
                run.by_backup = rank > 0;
                run.runbook_delay = runbook_delay;
                self.st.busy[person] = true;
                self.log(LogKind::StepStarted(f, si));
                self.st.queue.push(
                    now.saturating_add(secs).saturating_add(runbook_delay),
                    Event::StepDone { function: f, step: si },
                );
            }
        }
    }

    fn step_done(&mut self, f: usize, si: usize) {
        let m = self.model;
        let Some(o) = self.st.open_outage[f] else { return };
        let now = self.st.now;
        let run = &mut self.st.out.outages[f][o].steps[si];
        run.finished_at = Some(now);
        if let Some((p, _)) = run.started {
            self.st.busy[p] = false;
        }
        self.log(LogKind::StepFinished(f, si));
        let all_done = self.st.out.outages[f][o].steps.iter().all(|s| s.finished_at.is_some());
        if all_done && m.functions[f].procedure.is_some() {
            self.recover(f, RecoveredBy::Procedure);
        }
    }

    fn supplier_switch(&mut self, s: usize, alt: usize) {
        let m = self.model;
        let now = self.st.now;
        if !self.st.supplier_cut[s] {
            return;
        }
        let Some(&(alternate, _)) = m.suppliers[s].alternates.get(alt) else { return };
        if self.st.supplier_cut[alternate] {
            if let Some(&(_, lead)) = m.suppliers[s].alternates.get(alt + 1) {
                self.st.queue.push(now.saturating_add(lead), Event::SupplierSwitch { supplier: s, alternate: alt + 1 });
            }
            return;
        }
        self.st.supplier_alt[s] = Some(alternate);
        self.log(LogKind::SupplierSwitched(s, alternate));
        if let Some(r) = self.st.out.suppliers.iter_mut().rev().find(|r| r.supplier == s) {
            r.switched = Some((alternate, now));
        }
    }

    /// An owner who acts and a disruption that started the clock: prepare the notice.
    fn maybe_start_stakeholder(&mut self, s: usize) {
        let m = self.model;
        let now = self.st.now;
        if self.st.out.disruption_at.is_none() || self.st.out.stakeholders[s].started.is_some() {
            return;
        }
        let Some((person, _, ready)) = self.st.acting[m.stakeholders[s].owner] else { return };
        let start = ready.max(now);
        self.st.out.stakeholders[s].started = Some((person, start));
        self.st.queue.push(start, Event::PrepareNotice(s));
    }

    fn stakeholder_send(&mut self, s: usize) {
        let m = self.model;
        let now = self.st.now;
        let Some((person, _)) = self.st.out.stakeholders[s].started else { return };
        for &c in &m.stakeholders[s].channels {
            if self.st.channel_up[c] {
                let notice = &mut self.st.out.stakeholders[s];
                notice.attempts.push(Attempt {
                    person,
                    channel: c,
                    sent_at: now,
                    ended_at: now,
                    end: AttemptEnd::Answered,
                });
                notice.notified = Some((now, c));
                self.st.stakeholder_pending[s] = false;
                self.log(LogKind::StakeholderNotified(s, c));
                return;
            }
            let notice = &mut self.st.out.stakeholders[s];
            if !notice.attempts.iter().any(|a| a.channel == c && a.end == AttemptEnd::ChannelDown) {
                notice.attempts.push(Attempt {
                    person,
                    channel: c,
                    sent_at: now,
                    ended_at: now,
                    end: AttemptEnd::ChannelDown,
                });
            }
        }
        // Every channel is down: send as soon as one comes back.
        self.st.stakeholder_pending[s] = true;
    }

    fn retry_stakeholders(&mut self) {
        for s in 0..self.st.stakeholder_pending.len() {
            if self.st.stakeholder_pending[s]
                && self.model.stakeholders[s].channels.iter().any(|&c| self.st.channel_up[c])
            {
                self.stakeholder_send(s);
            }
        }
    }

    /// At the end, attempts still under way are marked pending.
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

fn fill<T>(v: &mut Vec<T>, items: impl Iterator<Item = T>) {
    v.clear();
    v.extend(items);
}

fn poisoned() -> Diagnostic {
    Diagnostic::error("script::state", "the exercise state was lost after a script error")
}

fn reset_vec<T: Clone>(v: &mut Vec<T>, len: usize, value: T) {
    v.clear();
    v.resize(len, value);
}
