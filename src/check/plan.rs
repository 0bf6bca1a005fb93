//! Checks of a plan on its own.

use std::collections::BTreeSet;
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
    /// Risk ids of the register.
    pub risks: Names,
    /// The roles the plan allows to declare a disaster (none when it says nothing).
    pub declarers: Vec<String>,
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
        risks: Names::collect("risk", file, p.risks.iter().map(|r| &r.id), &mut out),
        declarers: p.declaration.iter().flat_map(|d| d.roles.iter().map(|r| r.value.clone())).collect(),
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
    ck.risks();
    let diagnostics = ck.out;
    (names, diagnostics)
}

pub(super) struct PlanCheck<'a> {
    pub(super) file: &'a Arc<SourceFile>,
    pub(super) p: &'a Plan,
    pub(super) n: &'a PlanNames,
    pub(super) out: Vec<Diagnostic>,
}

impl PlanCheck<'_> {
    pub(super) fn resolve(&mut self, names: &Names, id: &Sp<String>) -> Option<usize> {
        names.resolve(self.file, id, &mut self.out)
    }

    pub(super) fn warn(&mut self, code: &'static str, loc: crate::spanned::Loc, message: String, help: &str) {
        self.out.push(Diagnostic::warning(code, message).at(self.file, loc).with_help(help.to_owned()));
    }

    pub(super) fn error(&mut self, code: &'static str, loc: crate::spanned::Loc, message: String, help: &str) {
        self.out.push(Diagnostic::error(code, message).at(self.file, loc).with_help(help.to_owned()));
    }

    fn resolve_each<'a>(&mut self, names: &Names, ids: impl IntoIterator<Item = &'a Sp<String>>) {
        for id in ids {
            self.resolve(names, id);
        }
    }

    /// Every id the plan names resolves, and no reference loops back on itself.
    fn references(&mut self) {
        self.system_references();
        self.people_references();
        self.function_references();
        self.communication_references();
        self.supplier_references();
    }

    fn system_references(&mut self) {
        let (p, n) = (self.p, self.n);
        for s in &p.systems {
            self.resolve(&n.sites, &s.site);
            self.resolve_each(&n.systems, &s.depends_on);
            if let Some(b) = &s.backup {
                self.resolve(&n.sites, &b.stored_at);
            }
            if let Some(r) = &s.replication {
                self.resolve(&n.sites, &r.target);
            }
            if let Some(f) = &s.failover
                && self.resolve(&n.sites, f).is_some()
                && f.value == s.site.value
            {
                self.error(
                    "plan::failover-to-self",
                    f.loc,
                    format!("system `{}` fails over to the site it runs at", s.id),
                    "name a different site, such as the DR or cloud site",
                );
            }
        }
        for c in &p.channels {
            self.resolve_each(&n.systems, &c.depends_on);
        }
    }

    /// Contacts, role holders and who may declare.
    fn people_references(&mut self) {
        let (p, n) = (self.p, self.n);
        for person in &p.people {
            self.resolve_each(&n.channels, person.contacts.iter().map(|c| &c.channel));
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
        if let Some(d) = &p.declaration {
            self.resolve_each(&n.roles, &d.roles);
        }
    }

    /// What functions depend on, and what their procedures' steps need.
    fn function_references(&mut self) {
        let (p, n) = (self.p, self.n);
        for f in &p.functions {
            self.resolve_each(&n.systems, &f.depends_on.systems);
            self.resolve_each(&n.sites, &f.depends_on.sites);
            self.resolve_each(&n.roles, &f.depends_on.roles);
            self.resolve_each(&n.suppliers, &f.depends_on.suppliers);
            if let Some(pr) = &f.procedure {
                self.resolve(&n.procedures, pr);
            }
        }
        for proc in &p.procedures {
            self.resolve_each(&n.sites, &proc.works_around.sites);
            self.resolve_each(&n.roles, &proc.works_around.roles);
            self.resolve_each(&n.suppliers, &proc.works_around.suppliers);
            for step in &proc.steps {
                self.resolve(&n.roles, &step.role);
                self.resolve_each(&n.systems, &step.needs.systems);
                self.resolve_each(&n.channels, &step.needs.channels);
                if let Some(rb) = &step.runbook {
                    self.resolve(&n.sites, &rb.kept_at);
                }
            }
        }
    }

    /// The call tree's links and the stakeholders' notices.
    fn communication_references(&mut self) {
        let (p, n) = (self.p, self.n);
        if let Some(ct) = &p.call_tree {
            self.resolve(&n.roles, &ct.starts_with);
            for l in &ct.links {
                self.resolve(&n.roles, &l.from);
                self.resolve(&n.roles, &l.to);
                self.resolve_each(&n.channels, &l.channels);
            }
        }
        for s in &p.stakeholders {
            self.resolve(&n.roles, &s.owner);
            self.resolve_each(&n.channels, &s.channels);
            if s.channels.is_empty() {
                self.error(
                    "plan::stakeholder-without-channel",
                    s.id.loc,
                    format!("stakeholder `{}` has no channels", s.id),
                    "list the channels used to notify them, in order",
                );
            }
        }
    }

    fn supplier_references(&mut self) {
        let (p, n) = (self.p, self.n);
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
    }

    fn distributions(&mut self) {
        let p = self.p;
        let mut all: Vec<&Sp<Distribution>> = Vec::new();
        for person in &p.people {
            for c in &person.contacts {
                all.push(&c.answers);
                if let Some(rate) = &c.answer_rate
                    && !(0.0..=1.0).contains(&rate.value)
                {
                    self.error(
                        "plan::bad-probability",
                        rate.loc,
                        format!("answer_rate {} is not a probability", rate.value),
                        "write a number from 0 (never answers) to 1 (always answers)",
                    );
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
            } else if let Some(wrt) = &f.wrt
                && f.rto.value.0 + wrt.value.0 > f.mtd.value.0
            {
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
                if let Some(rb) = &step.runbook
                    && sites.contains(rb.kept_at.value.as_str())
                {
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
