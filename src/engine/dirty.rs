//! What must be brought in line after a change, found through the dependency index
//! (`index.rs`). The invariant: after every settle, a full recomputation of the derived
//! state (every system, channel and function, as `recompute` once did after every event)
//! would change nothing, and a full pass of `start_steps` would change only the
//! functions marked for the next one. Every write to an input of derived state marks
//! what reads it: a site (its systems and the functions that need it), a failure or
//! restoration (the system), a channel forced down or up, a supplier cut, switched or
//! restored, a role's acting person, a person's availability or work, a finished step,
//! a claim of a more urgent tier; time marks the people who come back and the holders
//! whose hand-over ends. `Engine::check_derived` tests the invariant.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::Engine;
use crate::ids::{self, ChannelId, FunctionId, Id, PersonId, RoleId, SiteId, SupplierId, SystemId};

/// A thing whose state a hook may read changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Seen {
    System(SystemId),
    Person(PersonId),
    Channel(ChannelId),
    Supplier(SupplierId),
    Function(FunctionId),
}

/// Items to go over, smallest key first, each once. During a pass (`floor` set), an item
/// at or below the one being handled waits for the next pass, as a full pass in key
/// order would have gone past it already.
#[derive(Debug, Default)]
pub(super) struct Marks {
    marked: Vec<bool>,
    heap: BinaryHeap<Reverse<usize>>,
    floor: Option<usize>,
    later: Vec<usize>,
}

impl Marks {
    pub fn reset(&mut self, len: usize) {
        self.marked.clear();
        self.marked.resize(len, false);
        self.heap.clear();
        self.later.clear();
        self.floor = None;
    }

    pub fn mark(&mut self, key: usize) {
        if self.marked.get(key).is_none_or(|&m| m) {
            return;
        }
        self.marked[key] = true;
        match self.floor {
            Some(floor) if key <= floor => self.later.push(key),
            _ => self.heap.push(Reverse(key)),
        }
    }

    pub fn is_marked(&self, key: usize) -> bool {
        self.marked.get(key).is_some_and(|&m| m)
    }

    /// The next item, unmarked.
    pub fn next(&mut self) -> Option<usize> {
        let Reverse(key) = self.heap.pop()?;
        self.marked[key] = false;
        if self.floor.is_some() {
            self.floor = Some(key);
        }
        Some(key)
    }

    pub fn begin_pass(&mut self) {
        self.floor = Some(0);
    }

    pub fn end_pass(&mut self) {
        self.floor = None;
        self.heap.extend(self.later.drain(..).map(Reverse));
    }
}

/// Per-run bookkeeping of what changed.
#[derive(Debug, Default)]
pub(super) struct Dirty {
    /// Systems, by place in the system order (dependencies first).
    pub systems: Marks,
    /// Channels, by id.
    pub channels: Marks,
    /// Functions, by id.
    pub functions: Marks,
    /// Functions whose procedure is done but that something still holds: they depend on
    /// who acts and on time, so they are gone over at every settle.
    pub watched: Vec<FunctionId>,
    /// Functions whose recovery steps to go over, by place in the recovery order.
    pub steps: Marks,
    /// Per role: (tier, unstarted steps) of the open, unrecovered outages that need it:
    /// what keeps a less urgent tier from starting work with it.
    pub claims: Vec<Vec<(u32, u32)>>,
    /// Claims to drop once the pass that started their steps is over (a full pass counts
    /// a step started in it as claiming for the rest of that pass).
    pub started: Vec<(RoleId, u32)>,
    /// When someone comes back (person) or a hand-over ends (role): (time, person or role).
    pub wakes: BinaryHeap<Reverse<(i64, Wake)>>,
    /// What changed since the last hook's snapshot (`snapshot.rs`).
    pub seen: Vec<Seen>,
    /// The snapshot is to be filled whole (a new run).
    pub snapshot_stale: bool,
}

/// What time brings back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Wake {
    Person(PersonId),
    Role(RoleId),
}

impl Dirty {
    pub fn reset(&mut self, m: &crate::compile::Model) {
        self.systems.reset(m.systems.len());
        self.channels.reset(m.channels.len());
        self.functions.reset(m.functions.len());
        self.watched.clear();
        self.steps.reset(m.functions.len());
        self.claims.iter_mut().for_each(Vec::clear);
        self.claims.resize_with(m.roles.len(), Vec::new);
        self.started.clear();
        self.wakes.clear();
        self.seen.clear();
        self.snapshot_stale = true;
    }

    /// The most urgent tier with an unstarted step for `role` (`u32::MAX` for none).
    pub fn claimed(&self, role: RoleId) -> u32 {
        self.claims[role.index()].iter().filter(|c| c.1 > 0).map(|c| c.0).min().unwrap_or(u32::MAX)
    }

    pub fn claim(&mut self, role: RoleId, tier: u32, by: i64) {
        let claims = &mut self.claims[role.index()];
        match claims.iter_mut().find(|c| c.0 == tier) {
            Some(c) => c.1 = c.1.saturating_add_signed(by as i32),
            None if by > 0 => claims.push((tier, by as u32)),
            None => {}
        }
    }
}

impl Engine<'_> {
    pub(super) fn site_changed(&mut self, s: SiteId) {
        for &sys in &self.index.site_systems[s.index()] {
            self.st.dirty.systems.mark(self.index.system_position[sys.index()]);
        }
        for &f in &self.index.site_functions[s.index()] {
            self.st.dirty.functions.mark(f.index());
        }
    }

    pub(super) fn system_changed(&mut self, s: SystemId) {
        self.seen(Seen::System(s));
        self.st.dirty.systems.mark(self.index.system_position[s.index()]);
    }

    pub(super) fn channel_changed(&mut self, c: ChannelId) {
        self.st.dirty.channels.mark(c.index());
    }

    pub(super) fn supplier_changed(&mut self, s: SupplierId) {
        self.seen(Seen::Supplier(s));
        for &f in &self.index.supplier_functions[s.index()] {
            self.st.dirty.functions.mark(f.index());
        }
    }

    /// A system went up or down: what runs on it and what needs it.
    pub(super) fn system_flipped(&mut self, s: SystemId) {
        self.seen(Seen::System(s));
        let (x, d) = (&self.index, &mut self.st.dirty);
        x.system_dependants[s.index()].iter().for_each(|t| d.systems.mark(x.system_position[t.index()]));
        x.system_channels[s.index()].iter().for_each(|c| d.channels.mark(c.index()));
        x.system_functions[s.index()].iter().for_each(|f| d.functions.mark(f.index()));
        x.system_steps[s.index()].iter().for_each(|f| d.steps.mark(x.recovery_position[f.index()]));
    }

    pub(super) fn channel_flipped(&mut self, c: ChannelId) {
        self.seen(Seen::Channel(c));
        let (x, d) = (&self.index, &mut self.st.dirty);
        x.channel_steps[c.index()].iter().for_each(|f| d.steps.mark(x.recovery_position[f.index()]));
    }

    pub(super) fn steps_changed(&mut self, f: FunctionId) {
        self.st.dirty.steps.mark(self.index.recovery_position[f.index()]);
    }

    /// Who acts for `role`, or whether they can, changed: the steps it does.
    pub(super) fn role_changed(&mut self, r: RoleId) {
        let (x, d) = (&self.index, &mut self.st.dirty);
        x.role_steps[r.index()].iter().for_each(|f| d.steps.mark(x.recovery_position[f.index()]));
    }

    /// Whether `p` is available, or busy, changed: the steps of the roles they hold.
    pub(super) fn person_changed(&mut self, p: PersonId) {
        self.seen(Seen::Person(p));
        for i in 0..self.index.person_roles[p.index()].len() {
            self.role_changed(self.index.person_roles[p.index()][i]);
        }
    }

    /// Marks what time brings back by `now`.
    pub(super) fn wake_up_to(&mut self, now: i64) {
        while let Some(&Reverse((at, wake))) = self.st.dirty.wakes.peek() {
            if at > now {
                return;
            }
            self.st.dirty.wakes.pop();
            match wake {
                Wake::Person(p) => self.person_changed(p),
                Wake::Role(r) => self.role_changed(r),
            }
        }
    }

    pub(super) fn wake_at(&mut self, at: i64, wake: Wake) {
        if at > self.st.now {
            self.st.dirty.wakes.push(Reverse((at, wake)));
        }
    }
}

impl Engine<'_> {
    /// Whether the run keeps the invariant of incremental settling (see the module's
    /// documentation): `Err` says what a full recomputation would change that nothing
    /// marked. Costs a pass over the whole plan; for tests, after any `step`.
    pub fn check_derived(&self) -> Result<(), String> {
        self.check_derived_state()?;
        self.check_steps()?;
        self.check_snapshot()
    }

    /// A full pass of `start_steps` now, without doing anything: every function whose
    /// steps it would change (one becoming ready, a hold changing, a step starting) must
    /// be marked.
    fn check_steps(&self) -> Result<(), String> {
        let (m, st) = (self.model, &self.st);
        if st.out.declared.is_none() {
            return Ok(());
        }
        let mut claimed = vec![u32::MAX; m.roles.len()];
        for (pos, &f) in self.recovery_order.iter().enumerate() {
            let (Some(o), Some(p)) = (st.open_outage[f], m.functions[f].procedure) else { continue };
            let outage = &st.out.outages[f.index()][o];
            if outage.recovered.is_some() {
                continue;
            }
            let tier = m.functions[f].priority;
            for si in ids::all(&m.procedures[p].steps) {
                let (step, run) = (&m.procedures[p].steps[si], &outage.steps[si.index()]);
                if run.started.is_some() {
                    continue;
                }
                let before = claimed[step.role.index()];
                claimed[step.role.index()] = before.min(tier);
                if !step.after.iter().all(|&a| outage.steps[a.index()].finished_at.is_some()) {
                    continue;
                }
                let hold = self.step_hold(step, before < tier);
                let changes = run.ready_at.is_none() || hold.is_none() || run.holding.map(|h| h.0) != hold;
                if changes && !st.dirty.steps.is_marked(pos) {
                    return Err(format!(
                        "step {}/{} would change ({hold:?}) but nothing marked it",
                        m.functions[f].id, step.id
                    ));
                }
            }
        }
        Ok(())
    }
}
