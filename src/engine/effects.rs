//! Effects: what injects, answers and scripts change in the plan model.

use super::dirty::Seen;
use super::dirty::Wake;
use super::{Engine, Event, FOREVER};
use crate::compile::{Change, Trigger};
use crate::ids::{self, InjectId, PersonId, RoleId, ScriptInjectId};
use crate::outcome::LogKind;

impl Engine<'_> {
    pub(super) fn deliver_inject(&mut self, i: InjectId) {
        let m = self.model;
        self.log(LogKind::Inject(i));
        for &change in &m.injects[i].changes {
            self.apply(change, None);
        }
        for d in ids::all(&m.decisions) {
            if m.decisions[d].trigger == Trigger::AfterInject(i) {
                self.pose(d);
            }
        }
    }

    pub(super) fn deliver_script_inject(&mut self, i: ScriptInjectId) {
        self.log(LogKind::ScriptInject(i));
        for c in 0..self.st.script_changes[ids::Id::index(i)].len() {
            let change = self.st.script_changes[ids::Id::index(i)][c];
            // A scripted declaration is made by whoever may declare at that moment.
            let actor = self.declarer();
            self.apply(change, actor);
        }
    }

    /// Applies an effect; `actor` is the person (and role) whose decision it was, if any.
    pub(super) fn apply(&mut self, change: Change, actor: Option<(PersonId, RoleId)>) {
        let now = self.st.now;
        match change {
            Change::SiteDown(s) => {
                self.st.site_down[s] = true;
                self.site_changed(s);
                self.log(LogKind::SiteDown(s));
            }
            Change::SiteUp(s) => {
                self.st.site_down[s] = false;
                self.site_changed(s);
                self.log(LogKind::SiteUp(s));
            }
            Change::SystemDown(s) => {
                self.st.system_failed[s] = true;
                self.system_changed(s);
            }
            Change::SystemDegraded(s) => {
                self.st.system_degraded[s] = true;
                self.seen(Seen::System(s));
                self.log(LogKind::SystemDegraded(s));
            }
            Change::SystemUp(s) => {
                self.st.system_failed[s] = false;
                self.st.system_degraded[s] = false;
                self.system_changed(s);
            }
            Change::PersonUnavailable(p, for_secs) => {
                let until = for_secs.map_or(FOREVER, |d| now.saturating_add(d));
                self.st.unavailable_until[p] = until;
                self.person_changed(p);
                if until != FOREVER {
                    self.wake_at(until, Wake::Person(p));
                }
                self.log(LogKind::PersonUnavailable { person: p, until: for_secs.map(|_| until) });
                if until != FOREVER {
                    self.st.queue.push(until, Event::PersonBack { person: p, until });
                }
                self.replace_absent_holders();
            }
            Change::PersonAvailable(p) => self.person_back(p),
            Change::ChannelDown(c) => {
                self.st.channel_forced_down[c] = true;
                self.channel_changed(c);
            }
            Change::ChannelUp(c) => {
                self.st.channel_forced_down[c] = false;
                self.channel_changed(c);
            }
            Change::SupplierCutOff(s) => self.cut_off(s),
            Change::SupplierRestored(s) => self.restore_supplier(s),
            Change::Declare => {
                if let Some((person, role)) = actor {
                    self.declare(person, role);
                }
            }
        }
    }
}
