//! The plan as the engine reads it: sites, systems, channels, people, roles, functions,
//! procedures, the call tree, stakeholders and suppliers, every reference a typed id.

use crate::format::distribution::Distribution;
use crate::ids::{
    ChannelId, FunctionId, PersonId, ProcedureId, RoleId, SiteId, StakeholderId, StepId, SupplierId, SystemId,
};

crate::keyed_by! {
    Site => SiteId;
    System => SystemId;
    Channel => ChannelId;
    Person => PersonId;
    Role => RoleId;
    Function => FunctionId;
    Procedure => ProcedureId;
    Stakeholder => StakeholderId;
    Supplier => SupplierId;
    Link => crate::ids::LinkId;
    Step => StepId;
}

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
    /// A group chat: one message reaches everyone in it at once.
    pub group: bool,
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
    /// The name the plan gives, for reports.
    pub name: String,
    /// Contacts in the order to try.
    pub contacts: Vec<Contact>,
}

/// A role.
#[derive(Debug, Clone)]
pub struct Role {
    /// Plan id.
    pub id: String,
    /// The name the plan gives, for reports.
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
    /// The name the plan gives, for reports.
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
    /// Roles it needs someone acting for.
    pub roles: Vec<RoleId>,
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
    /// How long the step takes, drawn per run.
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
    /// The steps, in the order they run.
    pub steps: Vec<Step>,
    /// Dependencies it does without: these do not hold a function back once it is done.
    pub works_around: Vec<Dependency>,
    /// The role that keeps it and its runbooks, if the plan names one.
    pub owner: Option<RoleId>,
}

/// Something a function depends on besides its systems (which its procedure brings up at
/// their fail-over site).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Dependency {
    /// A site.
    Site(SiteId),
    /// A role, through the person acting for it.
    Role(RoleId),
    /// A supplier, or its alternate.
    Supplier(SupplierId),
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
    /// Who calls whom, with each link's deadline and channels.
    pub links: Vec<Link>,
    /// The role that keeps the call tree, if the plan names one.
    pub owner: Option<RoleId>,
}

/// A stakeholder.
#[derive(Debug, Clone)]
pub struct Stakeholder {
    /// Plan id.
    pub id: String,
    /// The name the plan gives, for reports.
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
    /// The name the plan gives, for reports.
    pub name: String,
    /// Alternates, in the order to switch to them.
    pub alternates: Vec<Alternate>,
}
