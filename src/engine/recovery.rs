//! Recovery: an outage opens when a function is disrupted, its procedure's steps start
//! once the disaster is declared (in priority order, one step per person at a time, each
//! after its prerequisites and with what it needs up), and the function is back when the
//! last step finishes and nothing else it depends on is down (see `dependencies`), or
//! when the cause goes away first.

use super::dirty::Seen;
use super::{Engine, Event};
use crate::ids::{self, FunctionId, Id, StepId};
use crate::outcome::{LogKind, Outage, RecoveredBy, Recovery, Start, StepHold, StepRun};

impl Engine<'_> {
    pub(super) fn open_outage(&mut self, f: FunctionId) {
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
        let outages = &mut self.st.out.outages[f.index()];
        outages.push(Outage {
            start: now,
            recovered: None,
            data_lost: lost,
            steps: (0..steps)
                .map(|step| StepRun {
                    step: StepId::from_index(step),
                    ready_at: None,
                    started: None,
                    by_backup: false,
                    runbook_delay: 0,
                    finished_at: None,
                    waits: Vec::new(),
                    holding: None,
                })
                .collect(),
            procedure_done_at: None,
            waited_for: Vec::new(),
            worked_around: Vec::new(),
        });
        self.st.open_outage[f] = Some(outages.len() - 1);
        self.seen(Seen::Function(f));
        self.claim_steps(f, 1);
        self.log(LogKind::FunctionDown(f));
        let first = self.st.out.disruption_at.is_none();
        if first {
            self.st.out.disruption_at = Some(now);
            self.start_stakeholder_clocks();
        }
        if !self.st.detection_scheduled {
            self.st.detection_scheduled = true;
            self.st.queue.push(now, Event::DetectionDelay);
        }
        // Owners already reached start on the new notice clock (after the first
        // disruption, every owner who acts has started).
        if first {
            for s in ids::all(&m.stakeholders) {
                self.maybe_start_stakeholder(s);
            }
        }
    }

    /// The unstarted steps of `f`'s open outage claim their roles for its tier (`by` 1),
    /// or stop claiming them (`by` -1); either way, those roles' steps are gone over again.
    fn claim_steps(&mut self, f: FunctionId, by: i64) {
        let m = self.model;
        let (Some(o), Some(p)) = (self.st.open_outage[f], m.functions[f].procedure) else { return };
        let tier = m.functions[f].priority;
        for (step, run) in m.procedures[p].steps.iter().zip(&self.st.out.outages[f.index()][o].steps) {
            if run.started.is_none() {
                self.st.dirty.claim(step.role, tier, by);
                let (x, d) = (&self.index, &mut self.st.dirty);
                x.role_steps[step.role.index()].iter().for_each(|g| d.steps.mark(x.recovery_position[g.index()]));
            }
        }
        self.steps_changed(f);
    }

    pub(super) fn recover(&mut self, f: FunctionId, by: RecoveredBy) {
        let Some(o) = self.st.open_outage[f] else { return };
        let now = self.st.now;
        let outage = &mut self.st.out.outages[f.index()][o];
        if outage.recovered.is_some() {
            return;
        }
        outage.recovered = Some(Recovery { at: now, by });
        self.claim_steps(f, -1);
        self.seen(Seen::Function(f));
        self.log(LogKind::FunctionRecovered { function: f, by });
    }

    /// Starts every recovery step that can start now, in priority order. A person works on
    /// one step at a time, and a role still needed by an unfinished procedure of a higher
    /// priority tier does not start work for a lower one. Only the functions marked
    /// since (`dirty.rs`) are gone over, in the order a full pass would take.
    pub(super) fn start_steps(&mut self) {
        if self.st.out.declared.is_none() {
            return;
        }
        self.st.dirty.steps.begin_pass();
        while let Some(pos) = self.st.dirty.steps.next() {
            self.start_steps_of(self.recovery_order[pos]);
        }
        self.st.dirty.steps.end_pass();
        // A step started in the pass claimed its role until the pass was over.
        for i in 0..self.st.dirty.started.len() {
            let (role, tier) = self.st.dirty.started[i];
            self.st.dirty.claim(role, tier, -1);
            self.role_changed(role);
        }
        self.st.dirty.started.clear();
    }

    fn start_steps_of(&mut self, f: FunctionId) {
        let m = self.model;
        let now = self.st.now;
        let (Some(o), Some(p)) = (self.st.open_outage[f], m.functions[f].procedure) else { return };
        if self.st.out.outages[f.index()][o].recovered.is_some() {
            return;
        }
        let tier = m.functions[f].priority;
        let proc = &m.procedures[p];
        for si in ids::all(&proc.steps) {
            let step = &proc.steps[si];
            if self.st.out.outages[f.index()][o].steps[si.index()].started.is_some() {
                continue;
            }
            let claimed = self.st.dirty.claimed(step.role);
            let steps = &self.st.out.outages[f.index()][o].steps;
            if !step.after.iter().all(|&a| steps[a.index()].finished_at.is_some()) {
                continue;
            }
            let run = &mut self.st.out.outages[f.index()][o].steps[si.index()];
            if run.ready_at.is_none() {
                run.ready_at = Some(now);
            }
            // What it waits for is recorded from the moment it is ready, so that
            // a report can say why it did not start (not only for how long).
            let hold = self.step_hold(step, claimed < tier);
            self.st.out.outages[f.index()][o].steps[si.index()].hold(hold, now);
            let (None, Some(acting)) = (hold, self.st.acting[step.role]) else { continue };
            let person = acting.person;
            let mut secs = self.st.rng.sample(step.duration);
            if acting.rank > 0 {
                secs = (secs as f64 * m.roles[step.role].backup_slowdown).round() as i64;
            }
            let mut runbook_delay = 0;
            if let Some(runbook) = step.runbook
                && self.st.site_down[runbook.kept_at]
            {
                runbook_delay = runbook.delay_if_unreachable;
                self.log(LogKind::RunbookUnreachable { function: f, step: si, site: runbook.kept_at });
            }
            let run = &mut self.st.out.outages[f.index()][o].steps[si.index()];
            run.started = Some(Start { by: person, at: now });
            run.by_backup = acting.rank > 0;
            run.runbook_delay = runbook_delay;
            self.st.busy[person] = true;
            self.st.dirty.started.push((step.role, tier));
            self.person_changed(person);
            self.log(LogKind::StepStarted { function: f, step: si });
            self.st.queue.push(
                now.saturating_add(secs).saturating_add(runbook_delay),
                Event::StepDone { function: f, step: si },
            );
        }
    }

    /// What keeps a ready step from starting now, if anything: what it needs first,
    /// then who would do it.
    pub(super) fn step_hold(&self, step: &crate::compile::Step, kept_for_more_urgent: bool) -> Option<StepHold> {
        let st = &self.st;
        if let Some(&s) = step.needs_systems.iter().find(|&&s| !st.system_up[s]) {
            return Some(StepHold::System(s));
        }
        if let Some(&c) = step.needs_channels.iter().find(|&&c| !st.channel_up[c]) {
            return Some(StepHold::Channel(c));
        }
        let Some(acting) = st.acting[step.role].filter(|a| st.available(a.person)) else {
            return Some(StepHold::RoleUnreachable);
        };
        if acting.ready_at > st.now {
            Some(StepHold::Handover)
        } else if kept_for_more_urgent {
            Some(StepHold::MoreUrgent)
        } else if st.busy[acting.person] {
            Some(StepHold::Busy)
        } else {
            None
        }
    }

    pub(super) fn step_done(&mut self, f: FunctionId, step: StepId) {
        let Some(o) = self.st.open_outage[f] else { return };
        let now = self.st.now;
        let outage = &mut self.st.out.outages[f.index()][o];
        let run = &mut outage.steps[step.index()];
        run.finished_at = Some(now);
        let worker = run.started.map(|start| start.by);
        let all_done = outage.steps.iter().all(|s| s.finished_at.is_some());
        if let Some(person) = worker {
            self.st.busy[person] = false;
            self.person_changed(person);
        }
        self.log(LogKind::StepFinished { function: f, step });
        if all_done && self.model.functions[f].procedure.is_some() {
            // The procedure brought its systems up at their fail-over site; the function
            // is back once nothing else it depends on holds it (settled in `recompute`).
            self.st.out.outages[f.index()][o].procedure_done_at = Some(now);
            for &s in &self.model.functions[f].systems {
                self.st.system_restored[s] = true;
                self.system_changed(s);
            }
            self.st.dirty.functions.mark(f.index());
        }
        self.steps_changed(f);
    }
}
