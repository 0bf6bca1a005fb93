//! Resolves a checked plan and scenario into an indexed, read-only [`Model`].
//!
//! Every id becomes an index into a `Vec`, so that the engine never looks up a string
//! or clones the model on its hot path. A model is built once and shared, by reference,
//! by every run (and every thread) that plays it.

use crate::check::Names;
use crate::diag::Diagnostic;
use crate::format::distribution::Distribution;
use crate::format::effect::Effect;
use crate::format::plan::Plan;
use crate::format::scenario::{Criterion, ExerciseType, Scenario};
use crate::ids::{
    ChannelId, DecisionId, FunctionId, Id, InjectId, OptionId, PersonId, ProcedureId, RoleId, SiteId, StakeholderId,
    StepId, SupplierId, SystemId,
};
use crate::load::Document;
use crate::spanned::Sp;

/// A site.
#[derive(Debug, Clone)]
pub struct Site {
    /// Plan id.
    pub id: String,
    /// Display name (the id when none is given).
    pub name: String,
}

/// A system with its dependencies resolved.
#[derive(Debug, Clone)]
pub struct System {
    /// Plan id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Hosting site.
    pub site: SiteId,
    /// Systems it needs.
    pub depends_on: Vec<SystemId>,
    /// Periodic backups, if any.
    pub backup: Option<Backup>,
    /// Continuous replication, if any.
    pub replication: Option<Replica>,
    /// Fail-over site.
    pub failover: Option<SiteId>,
}

/// Periodic backups of a system: the newest copy is at most `interval` old.
#[derive(Debug, Clone, Copy)]
pub struct Backup {
    /// Seconds between backups.
    pub interval: i64,
    /// The site holding the copies: if it is down too, the backups cannot be restored.
    pub stored_at: SiteId,
}

/// Continuous replication of a system to another site.
#[derive(Debug, Clone, Copy)]
pub struct Replica {
    /// Seconds the replica trails the primary.
    pub lag: i64,
    /// The site holding the replica.
    pub target: SiteId,
}

/// Where a step's runbook is kept.
#[derive(Debug, Clone, Copy)]
pub struct Runbook {
    /// The site holding it.
    pub kept_at: SiteId,
    /// Seconds lost finding another copy when that site is down.
    pub delay_if_unreachable: i64,
}

/// A supplier that stands in for another.
#[derive(Debug, Clone, Copy)]
pub struct Alternate {
    /// The standing-in supplier.
    pub supplier: SupplierId,
    /// Seconds from the cut-off until it delivers.
    pub lead_time: i64,
}

/// A channel.
#[derive(Debug, Clone)]
pub struct Channel {
    /// Plan id.
    pub id: String,
    /// Systems it needs.
    pub depends_on: Vec<SystemId>,
    /// Seconds a caller waits for an answer.
    pub give_up_after: i64,
}

/// One way of reaching a person.
#[derive(Debug, Clone, Copy)]
pub struct Contact {
    /// The channel.
    pub channel: ChannelId,
    /// Time to answer.
    pub answers: Distribution,
    /// Chance of answering at all.
    pub answer_rate: f64,
}

/// A person.
#[derive(Debug, Clone)]
pub struct Person {
    /// Plan id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Contacts in the order to try.
    pub contacts: Vec<Contact>,
}

/// A role.
#[derive(Debug, Clone)]
pub struct Role {
    /// Plan id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Primary first, then backups in order.
    pub holders: Vec<PersonId>,
    /// Seconds a backup needs to take over.
    pub handover: i64,
    /// Duration multiplier for backups.
    pub backup_slowdown: f64,
    /// Whether the call tree names this role (others are mobilised at declaration).
    pub in_call_tree: bool,
}

/// A critical function.
#[derive(Debug, Clone)]
pub struct Function {
    /// Plan id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Maximum tolerable downtime, seconds.
    pub mtd: i64,
    /// Recovery time objective, seconds.
    pub rto: i64,
    /// Recovery point objective, seconds.
    pub rpo: i64,
    /// Priority tier (1 first).
    pub priority: u32,
    /// Systems it needs.
    pub systems: Vec<SystemId>,
    /// Sites it needs.
    pub sites: Vec<SiteId>,
    /// Suppliers it needs.
    pub suppliers: Vec<SupplierId>,
    /// Its recovery procedure.
    pub procedure: Option<ProcedureId>,
}

/// A procedure step.
#[derive(Debug, Clone)]
pub struct Step {
    /// Step id.
    pub id: String,
    /// What is done.
    pub name: String,
    /// The role that carries it out.
    pub role: RoleId,
    /// Duration.
    pub duration: Distribution,
    /// Steps (indices in the same procedure) to finish first.
    pub after: Vec<StepId>,
    /// Systems that must be up.
    pub needs_systems: Vec<SystemId>,
    /// Channels that must be up.
    pub needs_channels: Vec<ChannelId>,
    /// Where the runbook is kept, if the plan says.
    pub runbook: Option<Runbook>,
}

/// A recovery procedure.
#[derive(Debug, Clone)]
pub struct Procedure {
    /// Plan id.
    pub id: String,
    /// Steps.
    pub steps: Vec<Step>,
}

/// A call-tree link.
#[derive(Debug, Clone)]
pub struct Link {
    /// Notifying role.
    pub from: RoleId,
    /// Notified role.
    pub to: RoleId,
    /// Channels to try; empty means the person's own order.
    pub channels: Vec<ChannelId>,
    /// Seconds allowed from the caller being reached.
    pub deadline: i64,
}

/// The call tree.
#[derive(Debug, Clone)]
pub struct CallTree {
    /// The role that detects a disruption.
    pub root: RoleId,
    /// Time to detection.
    pub detection: Distribution,
    /// Links.
    pub links: Vec<Link>,
}

/// A stakeholder.
#[derive(Debug, Clone)]
pub struct Stakeholder {
    /// Plan id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Owner role.
    pub owner: RoleId,
    /// Seconds after the disruption.
    pub deadline: i64,
    /// Channels in order.
    pub channels: Vec<ChannelId>,
    /// Time to prepare the notice.
    pub effort: Distribution,
}

/// A supplier.
#[derive(Debug, Clone)]
pub struct Supplier {
    /// Plan id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Alternates, in the order to switch to them.
    pub alternates: Vec<Alternate>,
}

/// A resolved effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Site lost.
    SiteDown(SiteId),
    /// Site back.
    SiteUp(SiteId),
    /// System failed.
    SystemDown(SystemId),
    /// System degraded.
    SystemDegraded(SystemId),
    /// System repaired.
    SystemUp(SystemId),
    /// Person unavailable for seconds (None: until the end).
    PersonUnavailable(PersonId, Option<i64>),
    /// Person back.
    PersonAvailable(PersonId),
    /// Channel down.
    ChannelDown(ChannelId),
    /// Channel up.
    ChannelUp(ChannelId),
    /// Supplier cut off.
    SupplierCutOff(SupplierId),
    /// Supplier restored.
    SupplierRestored(SupplierId),
    /// Declare a disaster.
    Declare,
}

/// The kinds of id an effect can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// A site.
    Site,
    /// A system.
    System,
    /// A person.
    Person,
    /// A channel.
    Channel,
    /// A supplier.
    Supplier,
}

impl IdKind {
    /// The word for it in messages.
    pub fn noun(self) -> &'static str {
        match self {
            IdKind::Site => "site",
            IdKind::System => "system",
            IdKind::Person => "person",
            IdKind::Channel => "channel",
            IdKind::Supplier => "supplier",
        }
    }
}

/// Resolves an id of a kind to its position in the model's list of that kind.
pub type LookupId<'a, E> = dyn FnMut(IdKind, &Sp<String>) -> Result<usize, E> + 'a;

impl Change {
    /// The change an effect makes, its ids resolved by `lookup` (to a position in the
    /// model's list of that kind). The one mapping from effects as written to changes,
    /// used by the compiler (names checked beforehand) and by scripts (names checked now).
    pub fn resolve<E>(effect: &Effect, lookup: &mut LookupId<'_, E>) -> Result<Change, E> {
        Ok(match effect {
            Effect::SiteDown(id) => Change::SiteDown(SiteId::from_index(lookup(IdKind::Site, id)?)),
            Effect::SiteUp(id) => Change::SiteUp(SiteId::from_index(lookup(IdKind::Site, id)?)),
            Effect::SystemDown(id) => Change::SystemDown(SystemId::from_index(lookup(IdKind::System, id)?)),
            Effect::SystemDegraded(id) => Change::SystemDegraded(SystemId::from_index(lookup(IdKind::System, id)?)),
            Effect::SystemUp(id) => Change::SystemUp(SystemId::from_index(lookup(IdKind::System, id)?)),
            Effect::PersonUnavailable(u) => Change::PersonUnavailable(
                PersonId::from_index(lookup(IdKind::Person, &u.person)?),
                u.duration.as_ref().map(|d| d.value.0),
            ),
            Effect::PersonAvailable(id) => Change::PersonAvailable(PersonId::from_index(lookup(IdKind::Person, id)?)),
            Effect::ChannelDown(id) => Change::ChannelDown(ChannelId::from_index(lookup(IdKind::Channel, id)?)),
            Effect::ChannelUp(id) => Change::ChannelUp(ChannelId::from_index(lookup(IdKind::Channel, id)?)),
            Effect::SupplierCutOff(id) => Change::SupplierCutOff(SupplierId::from_index(lookup(IdKind::Supplier, id)?)),
            Effect::SupplierRestored(id) => {
                Change::SupplierRestored(SupplierId::from_index(lookup(IdKind::Supplier, id)?))
            }
            Effect::Declare => Change::Declare,
        })
    }
}

/// An inject.
#[derive(Debug, Clone)]
pub struct Inject {
    /// MSEL event number.
    pub event: String,
    /// Scenario time, seconds.
    pub at: i64,
    /// Title.
    pub title: String,
    /// Effects.
    pub changes: Vec<Change>,
}

/// When a decision is posed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// At a time.
    At(i64),
    /// When an inject (index) is delivered.
    AfterInject(InjectId),
    /// Only when a script poses it.
    Script,
}

/// One option of a decision.
#[derive(Debug, Clone)]
pub struct DecisionOption {
    /// Option id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Effects.
    pub changes: Vec<Change>,
}

/// A decision point.
#[derive(Debug, Clone)]
pub struct Decision {
    /// Id.
    pub id: String,
    /// Role asked.
    pub role: RoleId,
    /// Question.
    pub prompt: String,
    /// When posed.
    pub trigger: Trigger,
    /// Seconds allowed.
    pub deadline: i64,
    /// The option that applies when the deadline passes unanswered.
    pub default: OptionId,
    /// Options.
    pub options: Vec<DecisionOption>,
}

/// Scenario facts the run and the report need.
#[derive(Debug, Clone)]
pub struct Meta {
    /// Scenario id.
    pub scenario_id: String,
    /// Scenario title.
    pub title: String,
    /// Organisation name.
    pub organisation: String,
    /// Exercise type.
    pub exercise_type: ExerciseType,
    /// Exercise date, if given.
    pub date: Option<String>,
    /// Exercise length, seconds.
    pub duration: i64,
    /// The scenario's default seed.
    pub seed: Option<u64>,
    /// What the exercise covers.
    pub scope: Option<String>,
    /// Who sponsors it.
    pub sponsor: Option<String>,
    /// Whether players were told in advance.
    pub unannounced: bool,
    /// Scenario seconds per wall-clock second in live play.
    pub pace: f64,
}

/// A compiled plan and scenario: read-only, shareable across runs and threads.
#[derive(Debug, Clone)]
pub struct Model {
    /// Scenario facts.
    pub meta: Meta,
    /// Sites.
    pub sites: Vec<Site>,
    /// Systems, in an order where dependencies come first.
    pub systems: Vec<System>,
    /// Systems in dependency order (dependencies before dependants).
    pub system_order: Vec<SystemId>,
    /// Channels.
    pub channels: Vec<Channel>,
    /// People.
    pub people: Vec<Person>,
    /// Roles.
    pub roles: Vec<Role>,
    /// Functions.
    pub functions: Vec<Function>,
    /// Procedures.
    pub procedures: Vec<Procedure>,
    /// Call tree.
    pub call_tree: Option<CallTree>,
    /// Stakeholders.
    pub stakeholders: Vec<Stakeholder>,
    /// Suppliers.
    pub suppliers: Vec<Supplier>,
    /// Roles that may declare, in order of authority.
    pub declare_roles: Vec<RoleId>,
    /// Time to decide on declaration.
    pub declare_time: Distribution,
    /// Whether the plan's declaring role declares on its own (false when a decision
    /// point in the scenario carries the declaration).
    pub auto_declare: bool,
    /// Injects in delivery order (time, then file order).
    pub injects: Vec<Inject>,
    /// Decisions.
    pub decisions: Vec<Decision>,
    /// Objectives' criteria, resolved, for scoring.
    pub objectives: Vec<Objective>,
}

/// An objective with resolved criteria.
#[derive(Debug, Clone)]
pub struct Objective {
    /// Id.
    pub id: String,
    /// Text.
    pub text: String,
    /// Capability.
    pub capability: Option<String>,
    /// Criteria.
    pub criteria: Vec<Measure>,
}

/// A resolved criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Function index back within RTO.
    FunctionWithinRto(FunctionId),
    /// Function index back within MTD.
    FunctionWithinMtd(FunctionId),
    /// Function index within RPO.
    FunctionWithinRpo(FunctionId),
    /// All disrupted functions within RTO.
    AllFunctionsWithinRto,
    /// Stakeholder index notified in time.
    StakeholderNotified(StakeholderId),
    /// Declared within seconds.
    DeclaredWithin(i64),
    /// Call tree complete within seconds.
    CallTreeCompleteWithin(i64),
    /// Decision index answered within seconds.
    DecisionWithin(DecisionId, i64),
}

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
        let systems: Vec<System> = p
            .systems
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
            .collect();
        let system_order = topological(&systems);
        let channels = p
            .channels
            .iter()
            .map(|c| Channel {
                id: c.id.value.clone(),
                depends_on: self.many(&n.systems, &c.depends_on),
                give_up_after: c.give_up_after.value.0,
            })
            .collect();
        let people = p
            .people
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
            .collect();
        let call_tree = p.call_tree.as_ref().map(|ct| CallTree {
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
        });
        let roles = p
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| Role {
                id: r.id.value.clone(),
                name: r.name.clone(),
                holders: std::iter::once(&r.primary).chain(&r.backups).map(|x| self.one(&n.people, x, true)).collect(),
                handover: r.handover.as_ref().map_or(0, |h| h.value.0),
                backup_slowdown: r.backup_slowdown.as_ref().map_or(1.0, |f| f.value),
                in_call_tree: call_tree.as_ref().is_some_and(|ct| {
                    ct.root == RoleId::from_index(i) || ct.links.iter().any(|l| l.to == RoleId::from_index(i))
                }),
            })
            .collect();
        let functions = p
            .functions
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
                procedure: f.procedure.as_ref().map(|x| self.one(&n.procedures, x, true)),
            })
            .collect();
        let procedures = p
            .procedures
            .iter()
            .map(|pr| {
                let step_names: Vec<&str> = pr.steps.iter().map(|s| s.id.value.as_str()).collect();
                Procedure {
                    id: pr.id.value.clone(),
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
            .collect();
        let stakeholders = p
            .stakeholders
            .iter()
            .map(|x| Stakeholder {
                id: x.id.value.clone(),
                name: x.name.clone(),
                owner: self.one(&n.roles, &x.owner, true),
                deadline: x.deadline.value.0,
                channels: self.many(&n.channels, &x.channels),
                effort: fixed(x.effort.as_ref()),
            })
            .collect();
        let suppliers = p
            .suppliers
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
            .collect();
        let (declare_roles, declare_time) = match &p.declaration {
            Some(d) => (self.many(&n.roles, &d.roles), fixed(d.decision_time.as_ref())),
            None => (Vec::new(), fixed(None)),
        };

        // Injects in delivery order: by time, then as written.
        let mut order: Vec<usize> = (0..s.injects.len()).collect();
        order.sort_by_key(|&i| (s.injects[i].at.value.0, i));
        let injects: Vec<Inject> = order
            .iter()
            .map(|&i| {
                let inj = &s.injects[i];
                Inject {
                    event: inj.event.value.0.clone(),
                    at: inj.at.value.0,
                    title: inj.title.clone(),
                    changes: inj.effects.iter().map(|e| self.change(&e.value)).collect(),
                }
            })
            .collect();
        let decisions: Vec<Decision> = s
            .decisions
            .iter()
            .map(|d| {
                let trigger = match (&d.at, &d.after_inject) {
                    (Some(at), _) => Trigger::At(at.value.0),
                    (None, Some(ev)) => Trigger::AfterInject(InjectId::from_index(
                        injects.iter().position(|i| i.event == ev.value.0).unwrap_or(0),
                    )),
                    (None, None) => Trigger::Script,
                };
                Decision {
                    id: d.id.value.clone(),
                    role: self.one(&n.roles, &d.role, false),
                    prompt: d.prompt.clone(),
                    trigger,
                    deadline: d.deadline.value.0,
                    default: OptionId::from_index(
                        d.options.iter().position(|o| o.id.value == d.default.value).unwrap_or(0),
                    ),
                    options: d
                        .options
                        .iter()
                        .map(|o| DecisionOption {
                            id: o.id.value.clone(),
                            label: o.label.clone(),
                            changes: o.effects.iter().map(|e| self.change(&e.value)).collect(),
                        })
                        .collect(),
                }
            })
            .collect();
        let auto_declare = !decisions.iter().any(|d| d.options.iter().any(|o| o.changes.contains(&Change::Declare)));
        let objectives = s
            .objectives
            .iter()
            .map(|o| Objective {
                id: o.id.value.clone(),
                text: o.text.clone(),
                capability: o.capability.clone(),
                criteria: o.criteria.iter().map(|c| self.measure(c, &decisions)).collect(),
            })
            .collect();
        Model {
            meta: Meta {
                scenario_id: s.id.value.clone(),
                title: s.title.clone(),
                organisation: p.organisation.name.clone(),
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

    fn change(&mut self, e: &Effect) -> Change {
        let names = self.names;
        let file = &self.scenario.file;
        let diags = &mut self.diags;
        let resolved: Result<Change, std::convert::Infallible> = Change::resolve(e, &mut |kind, id| {
            let namespace = match kind {
                IdKind::Site => &names.sites,
                IdKind::System => &names.systems,
                IdKind::Person => &names.people,
                IdKind::Channel => &names.channels,
                IdKind::Supplier => &names.suppliers,
            };
            Ok(namespace.resolve(file, id, diags).unwrap_or(0))
        });
        match resolved {
            Ok(change) => change,
            Err(never) => match never {},
        }
    }

    fn measure(&mut self, c: &Criterion, decisions: &[Decision]) -> Measure {
        let n = self.names;
        match c {
            Criterion::FunctionWithinRto(f) => Measure::FunctionWithinRto(self.one(&n.functions, f, false)),
            Criterion::FunctionWithinMtd(f) => Measure::FunctionWithinMtd(self.one(&n.functions, f, false)),
            Criterion::FunctionWithinRpo(f) => Measure::FunctionWithinRpo(self.one(&n.functions, f, false)),
            Criterion::AllFunctionsWithinRto => Measure::AllFunctionsWithinRto,
            Criterion::StakeholderNotified(s) => Measure::StakeholderNotified(self.one(&n.stakeholders, s, false)),
            Criterion::DeclaredWithin(d) => Measure::DeclaredWithin(d.value.0),
            Criterion::CallTreeCompleteWithin(d) => Measure::CallTreeCompleteWithin(d.value.0),
            Criterion::DecisionWithin(dw) => Measure::DecisionWithin(
                DecisionId::from_index(decisions.iter().position(|d| d.id == dw.decision.value).unwrap_or(0)),
                dw.within.value.0,
            ),
        }
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
