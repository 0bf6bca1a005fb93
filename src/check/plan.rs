//! Checks of a plan on its own.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::{Names, find_cycle};
use crate::diag::{Diagnostic, SourceFile};
use crate::format::distribution::Distribution;
use crate::format::plan::Plan;
use crate::load::Document;
use crate::spanned::Sp;

/// The plan's namespaces, for resolving references from the plan and from scenarios.
#[derive(Debug, Clone)]
pub struct PlanNames {
    /// Site ids.
    pub sites: Names,
    /// System ids.
    pub systems: Names,
    /// Channel ids.
    pub channels: Names,
    /// Person ids.
    pub people: Names,
    /// Role ids.
    pub roles: Names,
    /// Function ids.
    pub functions: Names,
    /// Procedure ids.
    pub procedures: Names,
    /// Stakeholder ids.
    pub stakeholders: Names,
    /// Supplier ids.
    pub suppliers: Names,
}

impl PlanNames {
    /// The namespace an effect target or criterion names (`"site"`, `"system"`, …).
    pub fn by_kind(&self, kind: &str) -> Option<&Names> {
        Some(match kind {
            "site" => &self.sites,
            "system" => &self.systems,
            "channel" => &self.channels,
            "person" => &self.people,
            "role" => &self.roles,
            "function" => &self.functions,
            "procedure" => &self.procedures,
            "stakeholder" => &self.stakeholders,
            "supplier" => &self.suppliers,
            _ => return None,
        })
    }
}

/// Checks a plan and returns its namespaces with everything found.
pub fn check_plan(plan: &Document<Plan>) -> (PlanNames, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let file = &plan.file;
    let p = &plan.doc;
    let names = PlanNames {
        sites: Names::collect("site", file, p.sites.iter().map(|s| &s.id), &mut out),
        systems: Names::collect("system", file, p.systems.iter().map(|s| &s.id), &mut out),
        channels: Names::collect("channel", file, p.channels.iter().map(|c| &c.id), &mut out),
        people: Names::collect("person", file, p.people.iter().map(|x| &x.id), &mut out),
        roles: Names::collect("role", file, p.roles.iter().map(|r| &r.id), &mut out),
        functions: Names::collect("function", file, p.functions.iter().map(|f| &f.id), &mut out),
        procedures: Names::collect("procedure", file, p.procedures.iter().map(|x| &x.id), &mut out),
        stakeholders: Names::collect("stakeholder", file, p.stakeholders.iter().map(|s| &s.id), &mut out),
        suppliers: Names::collect("supplier", file, p.suppliers.iter().map(|s| &s.id), &mut out),
    };
    let mut ck = PlanCheck { file, p, n: &names, out };
    ck.references();
    ck.distributions();
    ck.system_cycles();
    ck.objectives();
    ck.data_protection();
    ck.roles();
    ck.procedures();
    ck.reachability();
    ck.suppliers();
    ck.shared_fate();
    let diagnostics = ck.out;
    (names, diagnostics)
}

struct PlanCheck<'a> {
    file: &'a Arc<SourceFile>,
    p: &'a Plan,
    n: &'a PlanNames,
    out: Vec<Diagnostic>,
}

impl PlanCheck<'_> {
    fn resolve(&mut self, names: &Names, id: &Sp<String>) -> Option<usize> {
        names.resolve(self.file, id, &mut self.out)
    }

    fn warn(&mut self, code: &'static str, loc: crate::spanned::Loc, message: String, help: &str) {
        self.out.push(Diagnostic::warning(code, message).at(self.file, loc).with_help(help.to_owned()));
    }

    fn error(&mut self, code: &'static str, loc: crate::spanned::Loc, message: String, help: &str) {
        self.out.push(Diagnostic::error(code, message).at(self.file, loc).with_help(help.to_owned()));
    }

    fn references(&mut self) {
        let (p, n) = (self.p, self.n);
        for s in &p.systems {
            self.resolve(&n.sites, &s.site);
            for d in &s.depends_on {
                self.resolve(&n.systems, d);
            }
            if let Some(b) = &s.backup {
                self.resolve(&n.sites, &b.stored_at);
            }
            if let Some(r) = &s.replication {
                self.resolve(&n.sites, &r.target);
            }
            if let Some(f) = &s.failover {
                if self.resolve(&n.sites, f).is_some() && f.value == s.site.value {
                    self.error(
                        "plan::failover-to-self",
                        f.loc,
                        format!("system `{}` fails over to the site it runs at", s.id),
                        "name a different site, such as the DR or cloud site",
                    );
                }
            }
        }
        for c in &p.channels {
            for d in &c.depends_on {
                self.resolve(&n.systems, d);
            }
        }
        for person in &p.people {
            for c in &person.contacts {
                self.resolve(&n.channels, &c.channel);
            }
        }
        for r in &p.roles {
            self.resolve(&n.people, &r.primary);
            let mut seen = BTreeSet::from([r.primary.value.as_str()]);
            for b in &r.backups {
                if self.resolve(&n.people, b).is_some() && !seen.insert(b.value.as_str()) {
                    self.error(
                        "plan::backup-repeats",
                        b.loc,
                        format!("`{b}` already holds role `{}`", r.id),
                        "a backup must be a different person from the primary and the other backups",
                    );
                }
            }
        }
        for f in &p.functions {
            for s in &f.depends_on.systems {
                self.resolve(&n.systems, s);
            }
            for s in &f.depends_on.sites {
                self.resolve(&n.sites, s);
            }
            for r in &f.depends_on.roles {
                self.resolve(&n.roles, r);
            }
            for s in &f.depends_on.suppliers {
                self.resolve(&n.suppliers, s);
            }
            if let Some(pr) = &f.procedure {
                self.resolve(&n.procedures, pr);
            }
        }
        for proc in &p.procedures {
            for step in &proc.steps {
                self.resolve(&n.roles, &step.role);
                for s in &step.needs.systems {
                    self.resolve(&n.systems, s);
                }
                for c in &step.needs.channels {
                    self.resolve(&n.channels, c);
                }
                if let Some(rb) = &step.runbook {
                    self.resolve(&n.sites, &rb.kept_at);
                }
            }
        }
        if let Some(ct) = &p.call_tree {
            self.resolve(&n.roles, &ct.starts_with);
            for l in &ct.links {
                self.resolve(&n.roles, &l.from);
                self.resolve(&n.roles, &l.to);
                for c in &l.channels {
                    self.resolve(&n.channels, c);
                }
            }
        }
        for s in &p.stakeholders {
            self.resolve(&n.roles, &s.owner);
            for c in &s.channels {
                self.resolve(&n.channels, c);
            }
            if s.channels.is_empty() {
                self.error(
                    "plan::stakeholder-without-channel",
                    s.id.loc,
                    format!("stakeholder `{}` has no channels", s.id),
                    "list the channels used to notify them, in order",
                );
            }
        }
        for s in &p.suppliers {
            for a in &s.alternates {
                if self.resolve(&n.suppliers, &a.supplier).is_some() && a.supplier.value == s.id.value {
                    self.error(
                        "plan::alternate-is-self",
                        a.supplier.loc,
                        format!("supplier `{}` is its own alternate", s.id),
                        "name a different supplier",
                    );
                }
            }
        }
        if let Some(d) = &p.declaration {
            for r in &d.roles {
                self.resolve(&n.roles, r);
            }
        }
    }

    fn distributions(&mut self) {
        let p = self.p;
        let mut all: Vec<&Sp<Distribution>> = Vec::new();
        for person in &p.people {
            for c in &person.contacts {
                all.push(&c.answers);
                if let Some(rate) = &c.answer_rate {
                    if !(0.0..=1.0).contains(&rate.value) {
                        self.error(
                            "plan::bad-probability",
                            rate.loc,
                            format!("answer_rate {} is not a probability", rate.value),
                            "write a number from 0 (never answers) to 1 (always answers)",
                        );
                    }
                }
            }
        }
        for proc in &p.procedures {
            all.extend(proc.steps.iter().map(|s| &s.duration));
        }
        all.extend(p.call_tree.iter().filter_map(|c| c.detection.as_ref()));
        all.extend(p.declaration.iter().filter_map(|d| d.decision_time.as_ref()));
        all.extend(p.stakeholders.iter().filter_map(|s| s.effort.as_ref()));
        for d in all {
            if let Some(problem) = d.value.problem() {
                self.error("plan::bad-distribution", d.loc, problem, "fix the parameters' order");
            }
        }
    }

    fn system_cycles(&mut self) {
        let edges: Vec<Vec<usize>> = self
            .p
            .systems
            .iter()
            .map(|s| s.depends_on.iter().filter_map(|d| self.n.systems.index(d)).collect())
            .collect();
        if let Some(cycle) = find_cycle(&edges) {
            let path: Vec<&str> = cycle.iter().map(|&i| self.p.systems[i].id.value.as_str()).collect();
            let first = &self.p.systems[cycle[0]];
            let at = first.depends_on.iter().find(|d| d.value == path[1]).map_or(first.id.loc, |d| d.loc);
            self.error(
                "plan::dependency-cycle",
                at,
                format!("systems depend on each other in a circle: {}", path.join(" → ")),
                "a system cannot need itself to start; break the circle",
            );
        }
    }

    fn objectives(&mut self) {
        let p = self.p;
        for f in &p.functions {
            if f.rto.value > f.mtd.value {
                self.error(
                    "plan::rto-over-mtd",
                    f.rto.loc,
                    format!("function `{}` has RTO {} longer than its MTD {}", f.id, f.rto.value, f.mtd.value),
                    "the RTO must fit inside the maximum tolerable downtime",
                );
            } else if let Some(wrt) = &f.wrt {
                if f.rto.value.0 + wrt.value.0 > f.mtd.value.0 {
                    self.error(
                        "plan::rto-wrt-over-mtd",
                        wrt.loc,
                        format!(
                            "function `{}`: RTO {} plus WRT {} exceeds its MTD {}",
                            f.id, f.rto.value, wrt.value, f.mtd.value
                        ),
                        "MTD must be at least RTO + WRT",
                    );
                }
            }
            if f.procedure.is_none() {
                self.warn(
                    "plan::no-procedure",
                    f.id.loc,
                    format!("critical function `{}` has no recovery procedure", f.id),
                    "add `procedure:` naming the steps that bring it back",
                );
            }
        }
        // A more urgent tier should not be allowed to come back later than a less urgent one.
        for a in &p.functions {
            for b in &p.functions {
                if a.priority.value < b.priority.value && a.rto.value > b.rto.value {
                    self.warn(
                        "plan::priority-order",
                        a.rto.loc,
                        format!(
                            "`{}` (priority {}) has RTO {}, longer than `{}` (priority {}) with RTO {}",
                            a.id, a.priority.value, a.rto.value, b.id, b.priority.value, b.rto.value
                        ),
                        "recovery order and RTOs disagree; revisit the BIA",
                    );
                }
            }
        }
        if !p.functions.is_empty() && p.declaration.as_ref().is_none_or(|d| d.roles.is_empty()) {
            self.out.push(
                Diagnostic::warning("plan::no-declaration", "no role may declare a disaster")
                    .at(self.file, crate::spanned::Loc { line: 1, column: 1, len: 1 })
                    .with_help("add `declaration: {roles: [...]}`; recovery starts only after a declaration"),
            );
        }
    }

    /// Backups and replication must be frequent enough for every function's RPO.
    fn data_protection(&mut self) {
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
                if let Some(b) = &sys.backup {
                    if b.stored_at.value == sys.site.value {
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
    }

    fn roles(&mut self) {
        for r in &self.p.roles {
            if r.backups.is_empty() {
                self.warn(
                    "plan::no-backup-person",
                    r.id.loc,
                    format!("role `{}` has no backup person", r.id),
                    "every critical role needs a primary and at least one backup",
                );
            }
            if let Some(s) = &r.backup_slowdown {
                if !(s.value > 0.0 && s.value.is_finite()) {
                    self.error(
                        "plan::bad-slowdown",
                        s.loc,
                        format!("backup_slowdown {} must be a positive number", s.value),
                        "1 means as fast as the primary, 1.5 half as slow again",
                    );
                }
            }
        }
    }

    fn procedures(&mut self) {
        let p = self.p;
        for proc in &p.procedures {
            let steps = Names::collect("step", self.file, proc.steps.iter().map(|s| &s.id), &mut self.out);
            let mut edges = vec![Vec::new(); proc.steps.len()];
            for (i, step) in proc.steps.iter().enumerate() {
                for a in &step.after {
                    if let Some(j) = steps.resolve(self.file, a, &mut self.out) {
                        edges[i].push(j);
                    }
                }
            }
            if let Some(cycle) = find_cycle(&edges) {
                let path: Vec<&str> = cycle.iter().map(|&i| proc.steps[i].id.value.as_str()).collect();
                self.error(
                    "plan::step-cycle",
                    proc.steps[cycle[0]].id.loc,
                    format!("steps of `{}` wait for each other in a circle: {}", proc.id, path.join(" → ")),
                    "remove one `after:` so the steps can start",
                );
            }
            if proc.steps.is_empty() {
                self.warn(
                    "plan::empty-procedure",
                    proc.id.loc,
                    format!("procedure `{}` has no steps", proc.id),
                    "list the recovery steps",
                );
            }
        }
        // A runbook kept where the systems it recovers run is lost with them.
        for f in &p.functions {
            let Some(proc) = f.procedure.as_ref().and_then(|id| self.n.procedures.index(id)).map(|i| &p.procedures[i])
            else {
                continue;
            };
            let sites: BTreeSet<&str> = f
                .depends_on
                .systems
                .iter()
                .filter_map(|s| self.n.systems.index(s))
                .map(|i| p.systems[i].site.value.as_str())
                .collect();
            for step in &proc.steps {
                if let Some(rb) = &step.runbook {
                    if sites.contains(rb.kept_at.value.as_str()) {
                        self.warn(
                            "plan::runbook-at-risk",
                            rb.kept_at.loc,
                            format!(
                                "the runbook for `{}` is kept at `{}`, where the systems of `{}` run",
                                step.id, rb.kept_at, f.id
                            ),
                            "keep runbooks where an outage of that site cannot reach them (a cloud drive, paper copies)",
                        );
                    }
                }
            }
        }
    }

    /// The call tree should reach every role it names, and everyone it reaches should
    /// have more than one way of being reached.
    fn reachability(&mut self) {
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

    fn suppliers(&mut self) {
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
    fn shared_fate(&mut self) {
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
