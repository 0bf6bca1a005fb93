//! Declaration: a declaring role's holder, once reached and ready, takes the plan's
//! decision time and declares a disaster (unless a scenario decision carries the
//! declaration instead). Nobody declares before knowing: a declaration comes from the
//! person acting for a declaring role, or from the person a decision was asked of.
//! Recovery starts only after it; teams outside the call tree are mobilised by it.

use super::{Engine, Event};
use crate::ids::{self, PersonId, RoleId};
use crate::outcome::{Declaration, LogKind};

impl Engine<'_> {
    /// A declaring person starts deciding: the plan's decision time, then the declaration.
    pub(super) fn deliberate(&mut self, person: PersonId, role: RoleId) {
        let secs = self.st.rng.sample(self.model.declare_time);
        self.st.queue.push(self.st.now.saturating_add(secs), Event::Declare { person, role });
    }

    pub(super) fn declare(&mut self, person: PersonId, role: RoleId) {
        if self.st.out.declared.is_some() {
            return;
        }
        self.st.out.declared = Some(Declaration { at: self.st.now, by: person, role });
        self.log(LogKind::Declared { person, role });
        // Recovery may start: every function's steps are gone over once.
        for f in 0..self.recovery_order.len() {
            self.st.dirty.steps.mark(f);
        }
        // Teams outside the call tree are mobilised by the declaration itself.
        self.mobilise(ids::all(&self.model.roles));
    }

    /// Who declares when a script says so: the person acting for the first declaring
    /// role that has one (they know of the disruption). Nobody acting, no declaration.
    pub(super) fn declarer(&self) -> Option<(PersonId, RoleId)> {
        self.model.declare_roles.iter().find_map(|&r| self.acting_holder(r).map(|(p, _)| (p, r)))
    }
}
