//! The weaknesses a business-continuity manager wants to see in a plan that is otherwise
//! valid: RPOs the backups cannot meet, roles without a backup, people or roles the call
//! tree cannot reach, single-source suppliers, channels that fail with what they report
//! on. All warnings: they are printed and never stop a run.

use std::collections::{BTreeMap, BTreeSet};

use super::plan::PlanCheck;
use crate::diag::Diagnostic;
use crate::spanned::Sp;

impl PlanCheck<'_> {
    /// Backups and replication must be frequent enough for every function's RPO.
    pub(super) fn data_protection(&mut self) {
        let p = self.p;
        for f in &p.functions {
            for sys_id in &f.depends_on.systems {
                let Some(i) = self.n.systems.index(sys_id) else { continue };
                let sys = &p.systems[i];
                let best =
                    [sys.backup.as_ref().map(|b| b.interval.value), sys.replication.as_ref().map(|r| r.lag.value)]
                        .into_iter()
                        .flatten()
                        .min();
                match best {
                    None => self.warn(
                        "plan::no-backup",
                        sys.id.loc,
                        format!("system `{}` has neither backups nor replication, but `{}` needs it", sys.id, f.id),
                        "add `backup:` or `replication:`; without them all its data can be lost",
                    ),
                    Some(b) if b > f.rpo.value => self.warn(
                        "plan::rpo-unreachable",
                        f.rpo.loc,
                        format!("`{}` has RPO {}, but `{}` is protected only every {}", f.id, f.rpo.value, sys.id, b),
                        "back up or replicate more often, or relax the RPO",
                    ),
                    Some(_) => {}
                }
                if let Some(b) = &sys.backup
                    && b.stored_at.value == sys.site.value
                {
                    self.warn(
                        "plan::backup-on-site",
                        b.stored_at.loc,
                        format!("backups of `{}` are kept at the site it runs at", sys.id),
                        "keep at least one copy off-site (the 3-2-1 rule)",
                    );
                }
            }
        }
    }

    pub(super) fn roles(&mut self) {
        for r in &self.p.roles {
            if r.backups.is_empty() {
                self.warn(
                    "plan::no-backup-person",
                    r.id.loc,
                    format!("role `{}` has no backup person", r.id),
                    "every critical role needs a primary and at least one backup",
                );
            }
            if let Some(s) = &r.backup_slowdown
                && !(s.value > 0.0 && s.value.is_finite())
            {
                self.error(
                    "plan::bad-slowdown",
                    s.loc,
                    format!("backup_slowdown {} must be a positive number", s.value),
                    "1 means as fast as the primary, 1.5 half as slow again",
                );
            }
        }
    }

    /// The call tree should reach every role it names, and everyone it reaches should
    /// have more than one way of being reached.
    pub(super) fn reachability(&mut self) {
        let p = self.p;
        let Some(ct) = &p.call_tree else {
            if !p.roles.is_empty() {
                self.out.push(
                    Diagnostic::warning("plan::no-call-tree", "the plan has no call tree")
                        .at(self.file, crate::spanned::Loc { line: 1, column: 1, len: 1 })
                        .with_help("add `call_tree:` saying who notifies whom; without it nobody is alerted"),
                );
            }
            return;
        };
        let mut reached = BTreeSet::from([ct.starts_with.value.as_str()]);
        loop {
            let before = reached.len();
            for l in &ct.links {
                if reached.contains(l.from.value.as_str()) {
                    reached.insert(l.to.value.as_str());
                }
            }
            if reached.len() == before {
                break;
            }
        }
        for l in &ct.links {
            if !reached.contains(l.from.value.as_str()) && self.n.roles.contains(&l.from) {
                self.warn(
                    "plan::call-tree-unreachable",
                    l.from.loc,
                    format!("role `{}` is never notified, so it never passes the call on", l.from),
                    "add a link that notifies it, starting from `starts_with`",
                );
            }
        }
        // People named in the call tree and reachable by one channel only.
        let mut single: BTreeMap<&str, &Sp<String>> = BTreeMap::new();
        for role_id in &reached {
            let Some(role) = self.n.roles.index(role_id).map(|i| &p.roles[i]) else { continue };
            for person_id in std::iter::once(&role.primary).chain(&role.backups) {
                let Some(person) = self.n.people.index(person_id).map(|i| &p.people[i]) else { continue };
                let channels: BTreeSet<&str> = person.contacts.iter().map(|c| c.channel.value.as_str()).collect();
                if channels.len() < 2 {
                    single.insert(person.id.value.as_str(), &person.id);
                }
            }
        }
        for (_, id) in single {
            self.warn(
                "plan::single-channel",
                id.loc,
                format!("`{id}` can be reached through one channel at most"),
                "give everyone in the call tree a second channel (phone plus chat, say)",
            );
        }
    }

    pub(super) fn suppliers(&mut self) {
        let p = self.p;
        let mut warned = BTreeSet::new();
        for f in &p.functions {
            for s in &f.depends_on.suppliers {
                let Some(sup) = self.n.suppliers.index(s).map(|i| &p.suppliers[i]) else { continue };
                if sup.alternates.is_empty() && warned.insert(sup.id.value.as_str()) {
                    self.warn(
                        "plan::single-source",
                        s.loc,
                        format!("`{}` depends on `{}`, a single-source supplier with no alternate", f.id, sup.id),
                        "qualify an alternate supplier and note its switch-over lead time",
                    );
                }
            }
        }
    }

    /// A channel that runs on a system at a single site dies with that site, just when it
    /// is needed to tell people that the site's functions are down.
    pub(super) fn shared_fate(&mut self) {
        let p = self.p;
        let site_of = |sys: usize| p.systems[sys].site.value.as_str();
        let critical_sites: BTreeSet<&str> = p
            .functions
            .iter()
            .flat_map(|f| f.depends_on.systems.iter())
            .filter_map(|s| self.n.systems.index(s))
            .map(site_of)
            .collect();
        for c in &p.channels {
            for d in &c.depends_on {
                let Some(i) = self.n.systems.index(d) else { continue };
                let site = site_of(i);
                if p.systems[i].failover.is_none() && critical_sites.contains(site) {
                    self.warn(
                        "plan::channel-shares-site",
                        d.loc,
                        format!(
                            "channel `{}` depends on `{}` at `{site}`, the same site as the critical systems it must report on",
                            c.id, d
                        ),
                        "give the channel a fail-over site, or make sure people have a channel that does not depend on it",
                    );
                }
            }
        }
    }
}
