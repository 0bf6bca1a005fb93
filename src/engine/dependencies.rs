//! Dependencies: a site takes its systems down, a system those that need it, a channel
//! follows the systems it runs on, and a function is disrupted while anything it needs
//! is missing. Recomputed after every event, in dependency order, logging every change.

use super::Engine;
use crate::ids::{self, Id, SystemId};
use crate::outcome::{LogKind, RecoveredBy};

impl Engine<'_> {
    /// Brings systems, channels and functions in line with sites, failures and
    /// recoveries, logging every transition and opening or closing outages.
    pub(super) fn recompute(&mut self) {
        let m = self.model;
        for &s in &m.system_order {
            let up = self.system_should_be_up(s);
            if up != self.st.system_up[s] {
                self.st.system_up[s] = up;
                if up {
                    self.log(LogKind::SystemUp { system: s, at_failover: self.st.system_restored[s] });
                } else {
                    self.st.system_loss[s] = self.data_loss(s);
                    self.log(LogKind::SystemDown(s));
                }
            }
        }
        for c in ids::all(&m.channels) {
            let up = !self.st.channel_forced_down[c] && m.channels[c].depends_on.iter().all(|&s| self.st.system_up[s]);
            if up != self.st.channel_up[c] {
                self.st.channel_up[c] = up;
                self.log(if up { LogKind::ChannelUp(c) } else { LogKind::ChannelDown(c) });
            }
        }
        for f in ids::all(&m.functions) {
            let func = &m.functions[f];
            let disrupted = func.systems.iter().any(|&s| !self.st.system_up[s])
                || func.sites.iter().any(|&s| self.st.site_down[s])
                || func.suppliers.iter().any(|&s| self.st.supplier_cut[s] && self.st.supplier_alternate[s].is_none());
            match (disrupted, self.st.open_outage[f]) {
                (true, None) => self.open_outage(f),
                (false, Some(o)) => {
                    if self.st.out.outages[f.index()][o].recovered.is_none() {
                        self.recover(f, RecoveredBy::Restored);
                    }
                    self.st.open_outage[f] = None;
                }
                _ => {}
            }
        }
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
