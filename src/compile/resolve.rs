//! The resolving pass: checks a plan and scenario once and turns their names into ids.

use super::*;
use crate::check::Names;
use crate::diag::Diagnostic;
use crate::format::effect::Effect;
use crate::format::plan::Plan;
use crate::format::scenario::{Criterion, Scenario};
use crate::ids::{DecisionId, Id, InjectId, OptionId, RoleId, StepId, SystemId};
use crate::load::Document;
use crate::spanned::Sp;

mod scenario;

/// What one resolving pass found: the plan's and the scenario's diagnostics, kept apart
/// so that a plan shared by several scenarios is reported once, and the model when
/// nothing stood in the way of building it.
#[derive(Debug)]
pub struct Resolved {
    /// The model, when there were no errors.
    pub model: Option<Model>,
    /// Errors and warnings about the plan.
    pub plan_diagnostics: Vec<Diagnostic>,
    /// Errors and warnings about the scenario.
    pub scenario_diagnostics: Vec<Diagnostic>,
}

/// Checks a plan and scenario and, when neither has errors, resolves them into a
/// [`Model`]: one pass, whose names serve both the checks and the model.
pub fn resolve(plan: &Document<Plan>, scenario: &Document<Scenario>) -> Resolved {
    let (names, plan_diagnostics) = crate::check::check_plan(plan);
    let mut scenario_diagnostics = crate::check::check_scenario(scenario, Some(&names));
    let model = if crate::check::has_errors(&plan_diagnostics) || crate::check::has_errors(&scenario_diagnostics) {
        None
    } else {
        let mut r = Resolver { names: &names, scenario, plan, diags: Vec::new() };
        let model = r.model();
        // The checks resolve every name first, so this stays empty; kept so that a gap
        // between checks and model is reported rather than played.
        let clean = r.diags.is_empty();
        scenario_diagnostics.extend(r.diags);
        clean.then_some(model)
    };
    Resolved { model, plan_diagnostics, scenario_diagnostics }
}

/// The model of a plan and scenario, or every error that prevents it.
pub fn compile(plan: &Document<Plan>, scenario: &Document<Scenario>) -> Result<Model, Vec<Diagnostic>> {
    let resolved = resolve(plan, scenario);
    match resolved.model {
        Some(model) => Ok(model),
        None => Err(resolved
            .plan_diagnostics
            .into_iter()
            .chain(resolved.scenario_diagnostics)
            .filter(Diagnostic::is_error)
            .collect()),
    }
}

struct Resolver<'a> {
    names: &'a crate::check::PlanNames,
    plan: &'a Document<Plan>,
    scenario: &'a Document<Scenario>,
    diags: Vec<Diagnostic>,
}

fn fixed(d: Option<&Sp<Distribution>>) -> Distribution {
    d.map_or(Distribution::Fixed(crate::time::Duration(0)), |d| d.value)
}

impl Resolver<'_> {
    fn one<I: Id>(&mut self, names: &Names, id: &Sp<String>, in_plan: bool) -> I {
        let file = if in_plan { &self.plan.file } else { &self.scenario.file };
        I::from_index(names.resolve(file, id, &mut self.diags).unwrap_or(0))
    }

    fn many<I: Id>(&mut self, names: &Names, ids: &[Sp<String>]) -> Vec<I> {
        ids.iter().map(|id| self.one(names, id, true)).collect()
    }

    fn model(&mut self) -> Model {
        let p = &self.plan.doc;
        let s = &self.scenario.doc;
        let n = self.names;
        let sites = p
            .sites
            .iter()
            .map(|x| Site { id: x.id.value.clone(), name: x.name.clone().unwrap_or_else(|| x.id.value.clone()) })
            .collect();
        let systems = self.systems();
        let system_order = topological(&systems);
        let channels = self.channels();
        let people = self.people();
        let call_tree = self.call_tree();
        let roles = self.roles(call_tree.as_ref());
        let functions = self.functions();
        let procedures = self.procedures();
        let stakeholders = self.stakeholders();
        let suppliers = self.suppliers();
        let (declare_roles, declare_time) = match &p.declaration {
            Some(d) => (self.many(&n.roles, &d.roles), fixed(d.decision_time.as_ref())),
            None => (Vec::new(), fixed(None)),
        };

        let (injects, decisions) = self.injects_and_decisions();
        let auto_declare = !decisions.iter().any(|d| d.options.iter().any(|o| o.changes.contains(&Change::Declare)));
        let objectives = self.objectives(&decisions);
        Model {
            meta: Meta {
                scenario_id: s.id.value.clone(),
                title: s.title.clone(),
                organisation: p.organisation.name.clone(),
                plan_owner: p.organisation.owner.clone(),
                exercise_type: s.exercise_type.value,
                date: s.date.as_ref().map(|d| d.value.clone()),
                duration: s.duration.value.0,
                seed: s.seed,
                scope: s.scope.clone(),
                sponsor: s.sponsor.clone(),
                unannounced: s.unannounced,
                pace: s.pace.as_ref().map_or(1.0, |p| p.value),
            },
            sites,
            systems,
            system_order,
            channels,
            people,
            roles,
            functions,
            procedures,
            call_tree,
            stakeholders,
            suppliers,
            declare_roles,
            declare_time,
            auto_declare,
            injects,
            decisions,
            objectives,
        }
    }

    fn systems(&mut self) -> Vec<System> {
        let p = &self.plan.doc;
        let n = self.names;
        p.systems
            .iter()
            .map(|x| System {
                id: x.id.value.clone(),
                name: x.name.clone().unwrap_or_else(|| x.id.value.clone()),
                site: self.one(&n.sites, &x.site, true),
                depends_on: self.many(&n.systems, &x.depends_on),
                backup: x.backup.as_ref().map(|b| Backup {
                    interval: b.interval.value.0,
                    stored_at: self.one(&n.sites, &b.stored_at, true),
                }),
                replication: x
                    .replication
                    .as_ref()
                    .map(|b| Replica { lag: b.lag.value.0, target: self.one(&n.sites, &b.target, true) }),
                failover: x.failover.as_ref().map(|f| self.one(&n.sites, f, true)),
            })
            .collect()
    }

    fn channels(&mut self) -> Vec<Channel> {
        let p = &self.plan.doc;
        let n = self.names;
        p.channels
            .iter()
            .map(|c| Channel {
                id: c.id.value.clone(),
                depends_on: self.many(&n.systems, &c.depends_on),
                give_up_after: c.give_up_after.value.0,
                group: c.kind.value == crate::format::plan::ChannelKind::Chat,
            })
            .collect()
    }

    fn people(&mut self) -> Vec<Person> {
        let p = &self.plan.doc;
        let n = self.names;
        p.people
            .iter()
            .map(|x| Person {
                id: x.id.value.clone(),
                name: x.name.clone(),
                contacts: x
                    .contacts
                    .iter()
                    .map(|c| Contact {
                        channel: self.one(&n.channels, &c.channel, true),
                        answers: c.answers.value,
                        answer_rate: c.answer_rate.as_ref().map_or(1.0, |r| r.value),
                    })
                    .collect(),
            })
            .collect()
    }

    fn call_tree(&mut self) -> Option<CallTree> {
        let p = &self.plan.doc;
        let n = self.names;
        p.call_tree.as_ref().map(|ct| CallTree {
            root: self.one(&n.roles, &ct.starts_with, true),
            detection: fixed(ct.detection.as_ref()),
            links: ct
                .links
                .iter()
                .map(|l| Link {
                    from: self.one(&n.roles, &l.from, true),
                    to: self.one(&n.roles, &l.to, true),
                    channels: self.many(&n.channels, &l.channels),
                    deadline: l.deadline.value.0,
                })
                .collect(),
            owner: ct.owner.as_ref().map(|o| self.one(&n.roles, o, true)),
        })
    }

    fn roles(&mut self, call_tree: Option<&CallTree>) -> Vec<Role> {
        let p = &self.plan.doc;
        let n = self.names;
        p.roles
            .iter()
            .enumerate()
            .map(|(i, r)| Role {
                id: r.id.value.clone(),
                name: r.name.clone(),
                holders: std::iter::once(&r.primary).chain(&r.backups).map(|x| self.one(&n.people, x, true)).collect(),
                handover: r.handover.as_ref().map_or(0, |h| h.value.0),
                backup_slowdown: r.backup_slowdown.as_ref().map_or(1.0, |f| f.value),
                in_call_tree: call_tree.is_some_and(|ct| {
                    ct.root == RoleId::from_index(i) || ct.links.iter().any(|l| l.to == RoleId::from_index(i))
                }),
            })
            .collect()
    }

    fn functions(&mut self) -> Vec<Function> {
        let p = &self.plan.doc;
        let n = self.names;
        p.functions
            .iter()
            .map(|f| Function {
                id: f.id.value.clone(),
                name: f.name.clone(),
                mtd: f.mtd.value.0,
                rto: f.rto.value.0,
                rpo: f.rpo.value.0,
                priority: f.priority.value,
                systems: self.many(&n.systems, &f.depends_on.systems),
                sites: self.many(&n.sites, &f.depends_on.sites),
                suppliers: self.many(&n.suppliers, &f.depends_on.suppliers),
                roles: self.many(&n.roles, &f.depends_on.roles),
                procedure: f.procedure.as_ref().map(|x| self.one(&n.procedures, x, true)),
            })
            .collect()
    }

    fn procedures(&mut self) -> Vec<Procedure> {
        let p = &self.plan.doc;
        let n = self.names;
        p.procedures
            .iter()
            .map(|pr| {
                let step_names: Vec<&str> = pr.steps.iter().map(|s| s.id.value.as_str()).collect();
                let around = &pr.works_around;
                let works_around = (self.many(&n.sites, &around.sites).into_iter().map(Dependency::Site))
                    .chain(self.many(&n.roles, &around.roles).into_iter().map(Dependency::Role))
                    .chain(self.many(&n.suppliers, &around.suppliers).into_iter().map(Dependency::Supplier))
                    .collect();
                Procedure {
                    id: pr.id.value.clone(),
                    works_around,
                    owner: pr.owner.as_ref().map(|o| self.one(&n.roles, o, true)),
                    steps: pr
                        .steps
                        .iter()
                        .map(|st| Step {
                            id: st.id.value.clone(),
                            name: st.name.clone().unwrap_or_else(|| st.id.value.clone()),
                            role: self.one(&n.roles, &st.role, true),
                            duration: st.duration.value,
                            after: st
                                .after
                                .iter()
                                .filter_map(|a| step_names.iter().position(|s| *s == a.value))
                                .map(StepId::from_index)
                                .collect(),
                            needs_systems: self.many(&n.systems, &st.needs.systems),
                            needs_channels: self.many(&n.channels, &st.needs.channels),
                            runbook: st.runbook.as_ref().map(|rb| Runbook {
                                kept_at: self.one(&n.sites, &rb.kept_at, true),
                                delay_if_unreachable: rb
                                    .delay_if_unreachable
                                    .as_ref()
                                    .map_or(crate::time::HOUR, |d| d.value.0),
                            }),
                        })
                        .collect(),
                }
            })
            .collect()
    }

    fn stakeholders(&mut self) -> Vec<Stakeholder> {
        let p = &self.plan.doc;
        let n = self.names;
        p.stakeholders
            .iter()
            .map(|x| Stakeholder {
                id: x.id.value.clone(),
                name: x.name.clone(),
                owner: self.one(&n.roles, &x.owner, true),
                deadline: x.deadline.value.0,
                channels: self.many(&n.channels, &x.channels),
                effort: fixed(x.effort.as_ref()),
            })
            .collect()
    }

    fn suppliers(&mut self) -> Vec<Supplier> {
        let p = &self.plan.doc;
        let n = self.names;
        p.suppliers
            .iter()
            .map(|x| Supplier {
                id: x.id.value.clone(),
                name: x.name.clone(),
                alternates: x
                    .alternates
                    .iter()
                    .map(|a| Alternate {
                        supplier: self.one(&n.suppliers, &a.supplier, true),
                        lead_time: a.lead_time.value.0,
                    })
                    .collect(),
            })
            .collect()
    }
}

/// Systems ordered so that every system comes after the systems it depends on.
/// Cycles were rejected by the checks; any left over are appended as they stand.
fn topological(systems: &[System]) -> Vec<SystemId> {
    let mut order = Vec::with_capacity(systems.len());
    let mut placed = vec![false; systems.len()];
    loop {
        let before = order.len();
        for (i, s) in systems.iter().enumerate() {
            if !placed[i] && s.depends_on.iter().all(|&d| placed.get(d.index()).copied().unwrap_or(true)) {
                placed[i] = true;
                order.push(SystemId::from_index(i));
            }
        }
        if order.len() == before {
            break;
        }
    }
    order.extend((0..systems.len()).filter(|&i| !placed[i]).map(SystemId::from_index));
    order
}
