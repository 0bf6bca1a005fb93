//! Script hooks: after each event settles, every new log entry calls its hook with a
//! snapshot of the state; the actions scripts ask for are carried out here. Scripts
//! never touch the engine's state, and no rhai type reaches the engine.

use super::{Engine, Event};
use crate::diag::Diagnostic;
use crate::ids::{Id, ScriptInjectId, ScriptLineId};
use crate::outcome::{LogKind, ScriptInject};
use crate::script::{Hook, ScriptAction, ScriptRun};

impl Engine<'_> {
    /// Derived state, then the scripts' hooks for everything logged since the last call,
    /// then the state again for whatever the scripts changed, until nothing new happens.
    /// Scripts that keep reacting to their own effects are stopped by the script host,
    /// which counts hook calls per moment and per run and refuses the next action.
    pub(super) fn after_event(&mut self) -> Result<(), Diagnostic> {
        self.settle();
        if self.scripts.is_none() {
            self.st.hook_cursor = self.st.out.log.len();
            return Ok(());
        }
        while self.st.hook_cursor < self.st.out.log.len() {
            let entry = self.st.out.log[self.st.hook_cursor];
            self.st.hook_cursor += 1;
            if !self.scripts.as_ref().is_some_and(|s| wants(s, entry.kind)) {
                continue;
            }
            let Some((hook, args)) = self.hook_for(entry.kind) else { continue };
            self.call_hook(hook, args)?;
            self.settle();
        }
        Ok(())
    }

    /// Which hook a log entry calls, with its arguments.
    fn hook_for(&self, kind: LogKind) -> Option<(Hook, Vec<String>)> {
        let m = self.model;
        let out = &self.st.out;
        Some(match kind {
            LogKind::Inject(i) => (Hook::Inject, vec![m.injects[i].event.clone(), m.injects[i].title.clone()]),
            LogKind::ScriptInject(i) => {
                let inj = &out.script_injects[i.index()];
                (Hook::Inject, vec![inj.event.clone(), inj.title.clone()])
            }
            LogKind::DecisionAnswered(r) => {
                let rec = &out.decisions[r.index()];
                let dec = &m.decisions[rec.decision];
                let who = rec.asked.map_or(String::new(), |p| m.people[p].id.clone());
                let option = rec.option.map_or(String::new(), |o| dec.options[o].id.clone());
                (Hook::Decision, vec![dec.id.clone(), option, who])
            }
            _ if !kind.calls_on_event() => return None,
            other => (Hook::Event, vec![other.name().to_owned(), self.subject(other)]),
        })
    }

    /// The id an event is about, as scripts see it.
    fn subject(&self, kind: LogKind) -> String {
        let m = self.model;
        let out = &self.st.out;
        match kind {
            LogKind::SiteDown(i) | LogKind::SiteUp(i) => m.sites[i].id.clone(),
            LogKind::SystemDown(i) | LogKind::SystemDegraded(i) | LogKind::SystemUp { system: i, .. } => {
                m.systems[i].id.clone()
            }
            LogKind::ChannelDown(i) | LogKind::ChannelUp(i) => m.channels[i].id.clone(),
            LogKind::PersonUnavailable { person: p, .. }
            | LogKind::PersonAvailable(p)
            | LogKind::Declared { person: p, .. } => m.people[p].id.clone(),
            LogKind::SupplierCutOff(i)
            | LogKind::SupplierSwitched { supplier: i, .. }
            | LogKind::SupplierRestored(i) => m.suppliers[i].id.clone(),
            LogKind::FunctionDown(f) | LogKind::FunctionRecovered { function: f, .. } => m.functions[f].id.clone(),
            LogKind::Detected { role, .. } | LogKind::Handover { role, .. } => m.roles[role].id.clone(),
            LogKind::Reached(n) | LogKind::Unreachable(n) | LogKind::NotificationLate(n) => {
                m.roles[out.notifications[n.index()].to_role].id.clone()
            }
            LogKind::StepStarted { function: f, step }
            | LogKind::StepFinished { function: f, step }
            | LogKind::RunbookUnreachable { function: f, step, .. } => {
                let step = m.functions[f].procedure.and_then(|p| m.procedures[p].steps.get(step.index()));
                format!("{}/{}", m.functions[f].id, step.map_or("?", |x| x.id.as_str()))
            }
            LogKind::StakeholderNotified { stakeholder: i, .. } | LogKind::StakeholderLate(i) => {
                m.stakeholders[i].id.clone()
            }
            LogKind::Inject(_)
            | LogKind::ScriptInject(_)
            | LogKind::Attempt { .. }
            | LogKind::DecisionPosed(_)
            | LogKind::DecisionAsked(_)
            | LogKind::DecisionAnswered(_)
            | LogKind::ScriptLog(_)
            | LogKind::End => String::new(),
        }
    }

    /// Calls a hook with a snapshot of the state and the run's generator, then carries
    /// out what the scripts asked for.
    pub(super) fn call_hook(&mut self, hook: Hook, args: Vec<String>) -> Result<(), Diagnostic> {
        if !self.scripts.as_ref().is_some_and(|s| s.has(hook)) {
            return Ok(());
        }
        self.fill_snapshot();
        let Some(run) = &mut self.scripts else { return Ok(()) };
        let actions = run.call(hook, &args, &mut self.snapshot, &mut self.st.rng)?;
        for action in actions {
            self.carry_out(action);
        }
        Ok(())
    }

    fn carry_out(&mut self, action: ScriptAction) {
        let now = self.st.now;
        match action {
            ScriptAction::Apply(change) => {
                let actor = self.declarer();
                self.apply(change, actor);
            }
            ScriptAction::Schedule { delay, title, description, changes } => {
                let i = ScriptInjectId::from_index(self.st.out.script_injects.len());
                self.st.out.script_injects.push(ScriptInject {
                    event: format!("S{}", i.index() + 1),
                    at: now.saturating_add(delay),
                    title,
                    description,
                });
                self.st.script_changes.push(changes);
                self.st.queue.push(now.saturating_add(delay), Event::ScriptInject(i));
            }
            ScriptAction::Pose(d) => self.pose(d),
            ScriptAction::Log(text) => {
                self.st.out.script_lines.push(text);
                self.log(LogKind::ScriptLog(ScriptLineId::from_index(self.st.out.script_lines.len() - 1)));
            }
        }
    }
}

/// Whether a log entry calls a hook some script defines (for `on_event`, one that can
/// react to its kind), before its arguments are built.
fn wants(scripts: &ScriptRun, kind: LogKind) -> bool {
    match kind {
        LogKind::Inject(_) | LogKind::ScriptInject(_) => scripts.has(Hook::Inject),
        LogKind::DecisionAnswered(_) => scripts.has(Hook::Decision),
        _ => kind.calls_on_event() && scripts.reacts_to(kind.name()),
    }
}
