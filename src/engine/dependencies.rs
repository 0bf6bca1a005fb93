//! Dependencies: a site takes its systems down, a system those that need it, a channel
//! follows the systems it runs on, and a function is disrupted while anything it needs
//! is missing. A function whose procedure is done is back only when every site, role
//! and supplier it depends on is available again, or worked around by the procedure.
//! Brought in line after every event, in dependency order, logging every change; only
//! what a change reaches is gone over (`index.rs`, `dirty.rs`).

use super::Engine;
use crate::compile::Dependency;
use crate::ids::{self, ChannelId, FunctionId, Id, SystemId};
use crate::outcome::{DependencyWait, LogKind, RecoveredBy, WaitEnd};

impl Engine<'_> {
    /// Brings systems, channels and functions in line with sites, failures and
    /// recoveries, logging every transition and opening or closing outages. Only what
    /// was marked (`dirty.rs`) is gone over, in the order a full pass would take: systems
    /// in dependency order, then channels, then functions, each by id.
    pub(super) fn recompute(&mut self) {
        let m = self.model;
        while let Some(pos) = self.st.dirty.systems.next() {
            let s = m.system_order[pos];
            let up = self.system_should_be_up(s);
            if up != self.st.system_up[s] {
                self.st.system_up[s] = up;
                self.system_flipped(s);
                if up {
                    self.log(LogKind::SystemUp { system: s, at_failover: self.st.system_restored[s] });
                } else {
                    self.st.system_loss[s] = self.data_loss(s);
                    self.log(LogKind::SystemDown(s));
                }
            }
        }
        while let Some(i) = self.st.dirty.channels.next() {
            let c = ChannelId::from_index(i);
            let up = self.channel_should_be_up(c);
            if up != self.st.channel_up[c] {
                self.st.channel_up[c] = up;
                self.channel_flipped(c);
                self.log(if up { LogKind::ChannelUp(c) } else { LogKind::ChannelDown(c) });
            }
        }
        for i in 0..self.st.dirty.watched.len() {
            self.st.dirty.functions.mark(self.st.dirty.watched[i].index());
        }
        self.st.dirty.watched.clear();
        while let Some(i) = self.st.dirty.functions.next() {
            self.recompute_function(FunctionId::from_index(i));
        }
    }

    /// One function: its outage opens, ends, or waits for what its procedure cannot do
    /// without.
    fn recompute_function(&mut self, f: FunctionId) {
        let disrupted = self.disrupted(f);
        let Some(o) = self.st.open_outage[f] else {
            if disrupted {
                self.open_outage(f);
            }
            return;
        };
        let outage = &self.st.out.outages[f.index()][o];
        if outage.recovered.is_none() {
            if outage.procedure_done_at.is_some() {
                self.back_when_nothing_holds(f, o);
                if self.st.out.outages[f.index()][o].recovered.is_none() {
                    self.st.dirty.watched.push(f);
                }
            } else if !disrupted {
                self.recover(f, RecoveredBy::Restored);
            }
        }
        if !disrupted && self.st.out.outages[f.index()][o].recovered.is_some() {
            self.st.open_outage[f] = None;
        }
    }

    /// Whether something a function needs is down: a system, a site, or a supplier cut
    /// off with no alternate in place.
    fn disrupted(&self, f: FunctionId) -> bool {
        let (func, st) = (&self.model.functions[f], &self.st);
        func.systems.iter().any(|&s| !st.system_up[s])
            || func.sites.iter().any(|&s| st.site_down[s])
            || func.suppliers.iter().any(|&s| st.supplier_cut[s] && st.supplier_alternate[s].is_none())
    }

    fn channel_should_be_up(&self, c: ChannelId) -> bool {
        !self.st.channel_forced_down[c] && self.model.channels[c].depends_on.iter().all(|&s| self.st.system_up[s])
    }

    /// Whether the derived state is what a full recomputation would make of it: every
    /// system and channel as its inputs say, and every function at rest (no outage to
    /// open or close, none to end) or watched. The invariant of `dirty.rs`, for tests.
    pub(super) fn check_derived_state(&self) -> Result<(), String> {
        let (m, st) = (self.model, &self.st);
        for s in ids::all(&m.systems) {
            if self.system_should_be_up(s) != st.system_up[s] {
                return Err(format!("system {} should be {}", m.systems[s].id, updown(!st.system_up[s])));
            }
        }
        for c in ids::all(&m.channels) {
            if self.channel_should_be_up(c) != st.channel_up[c] {
                return Err(format!("channel {} should be {}", m.channels[c].id, updown(!st.channel_up[c])));
            }
        }
        for f in ids::all(&m.functions) {
            let disrupted = self.disrupted(f);
            let settled = match st.open_outage[f].map(|o| &st.out.outages[f.index()][o]) {
                None => !disrupted,
                Some(o) if o.recovered.is_some() => disrupted,
                Some(o) if o.procedure_done_at.is_some() => st.dirty.watched.contains(&f),
                Some(_) => disrupted,
            };
            if !settled {
                return Err(format!("function {} is not where its inputs put it", m.functions[f].id));
            }
        }
        Ok(())
    }

    /// The procedure is done: the function is back unless something it depends on that
    /// the procedure does not work around is still down. Both kinds are recorded, and a
    /// wait, once over, with when and how it ended (back, or a supplier's alternate in).
    fn back_when_nothing_holds(&mut self, f: FunctionId, o: usize) {
        let m = self.model;
        let now = self.st.now;
        let around = m.functions[f].procedure.map_or(&[][..], |p| &m.procedures[p].works_around[..]);
        let missing = self.missing(f);
        let ended = |d: Dependency| match d {
            Dependency::Supplier(s) if self.st.supplier_cut[s] => {
                self.st.supplier_alternate[s].map_or(WaitEnd::Back, WaitEnd::ReplacedBy)
            }
            _ => WaitEnd::Back,
        };
        let ends: Vec<(usize, WaitEnd)> = self.st.out.outages[f.index()][o]
            .waited_for
            .iter()
            .enumerate()
            .filter(|(_, w)| w.until.is_none() && !missing.contains(&w.dependency))
            .map(|(i, w)| (i, ended(w.dependency)))
            .collect();
        let outage = &mut self.st.out.outages[f.index()][o];
        for (i, how) in ends {
            outage.waited_for[i].until = Some(now);
            outage.waited_for[i].ended = Some(how);
        }
        let mut held = false;
        for d in missing {
            if around.contains(&d) {
                if !outage.worked_around.contains(&d) {
                    outage.worked_around.push(d);
                }
                continue;
            }
            held = true;
            if !outage.waited_for.iter().any(|w| w.dependency == d && w.until.is_none()) {
                outage.waited_for.push(DependencyWait { dependency: d, since: now, until: None, ended: None });
            }
        }
        if !held {
            self.recover(f, RecoveredBy::Procedure);
        }
    }

    /// What a function depends on that is not available now: a site down, a role nobody
    /// acts for (or whose acting person is away or still taking over), a supplier cut off
    /// with no alternate in place.
    fn missing(&self, f: FunctionId) -> Vec<Dependency> {
        let (func, st) = (&self.model.functions[f], &self.st);
        let sites = func.sites.iter().filter(|&&s| st.site_down[s]).map(|&s| Dependency::Site(s));
        let roles = func
            .roles
            .iter()
            .filter(|&&r| !st.acting[r].is_some_and(|a| st.available(a.person) && a.ready_at <= st.now));
        let suppliers = func.suppliers.iter().filter(|&&s| st.supplier_cut[s] && st.supplier_alternate[s].is_none());
        sites.chain(roles.map(|&r| Dependency::Role(r))).chain(suppliers.map(|&s| Dependency::Supplier(s))).collect()
    }

    /// A system runs when a recovery procedure brought it up at its fail-over site, or
    /// when it has not failed, its site is up and everything it needs runs.
    fn system_should_be_up(&self, s: SystemId) -> bool {
        let sys = &self.model.systems[s];
        self.st.system_restored[s]
            || (!self.st.system_failed[s]
                && !self.st.site_down[sys.site]
                && sys.depends_on.iter().all(|&d| self.st.system_up[d]))
    }
}

fn updown(up: bool) -> &'static str {
    if up { "up" } else { "down" }
}
