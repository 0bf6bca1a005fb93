//! What hooks see: the snapshot is brought up to date before each call with only what
//! changed since the last (the same marks that drive settling, `dirty.rs`), so that a
//! hook costs the same in a large plan as in a small one. The first call of a run fills
//! it whole.

use super::Engine;
use super::dirty::Seen;
use super::state::State;
use crate::ids::{FunctionId, Id, SupplierId};
use crate::script::Snapshot;

impl Engine<'_> {
    /// Notes a change for the next hook's snapshot (only when there are scripts).
    pub(super) fn seen(&mut self, what: Seen) {
        if self.scripts.is_some() && !self.st.dirty.snapshot_stale {
            self.st.dirty.seen.push(what);
        }
    }

    pub(super) fn fill_snapshot(&mut self) {
        let (st, snap) = (&mut self.st, &mut self.snapshot);
        if std::mem::take(&mut st.dirty.snapshot_stale) {
            fill_all(st, snap);
        } else {
            fill_seen(st, snap, &st.dirty.seen);
        }
        st.dirty.seen.clear();
    }

    /// Whether the next hook's snapshot, brought up to date, equals one filled whole.
    pub(super) fn check_snapshot(&self) -> Result<(), String> {
        if self.scripts.is_none() || self.st.dirty.snapshot_stale {
            return Ok(());
        }
        let (mut updated, mut whole) = (self.snapshot.clone(), Snapshot::default());
        fill_seen(&self.st, &mut updated, &self.st.dirty.seen);
        fill_all(&self.st, &mut whole);
        if format!("{updated:?}") == format!("{whole:?}") {
            Ok(())
        } else {
            Err("the snapshot a hook would see differs from the state".to_owned())
        }
    }
}

fn fill_all(st: &State, snap: &mut Snapshot) {
    fill(&mut snap.system_up, st.system_up.values().copied());
    fill(&mut snap.system_degraded, st.system_degraded.values().copied());
    fill(&mut snap.person_available, st.unavailable_until.ids().map(|p| st.available(p)));
    fill(&mut snap.channel_up, st.channel_up.values().copied());
    fill(&mut snap.supplier_available, st.supplier_cut.ids().map(|s| supplier_available(st, s)));
    fill(&mut snap.function_ok, st.open_outage.ids().map(|f| function_ok(st, f)));
    fill_small(st, snap);
}

/// Sites and decisions are few (a scenario's, not a plan's), and the rest is counters.
fn fill_small(st: &State, snap: &mut Snapshot) {
    snap.now = st.now;
    fill(&mut snap.site_up, st.site_down.values().map(|d| !d));
    snap.declared = st.out.declared.is_some();
    fill(&mut snap.decided, st.decided.values().map(|o| o.map(Id::index)));
    fill(&mut snap.defaulted, st.defaulted.values().copied());
    snap.scheduled = st.out.script_injects.len();
}

fn fill_seen(st: &State, snap: &mut Snapshot, seen: &[Seen]) {
    for &what in seen {
        match what {
            Seen::System(s) => {
                snap.system_up[s.index()] = st.system_up[s];
                snap.system_degraded[s.index()] = st.system_degraded[s];
            }
            Seen::Person(p) => snap.person_available[p.index()] = st.available(p),
            Seen::Channel(c) => snap.channel_up[c.index()] = st.channel_up[c],
            Seen::Supplier(s) => snap.supplier_available[s.index()] = supplier_available(st, s),
            Seen::Function(f) => snap.function_ok[f.index()] = function_ok(st, f),
        }
    }
    fill_small(st, snap);
}

fn supplier_available(st: &State, s: SupplierId) -> bool {
    !st.supplier_cut[s] || st.supplier_alternate[s].is_some()
}

fn function_ok(st: &State, f: FunctionId) -> bool {
    st.open_outage[f].is_none_or(|o| st.out.outages[f.index()][o].recovered.is_some())
}

fn fill<T>(v: &mut Vec<T>, items: impl Iterator<Item = T>) {
    v.clear();
    v.extend(items);
}
