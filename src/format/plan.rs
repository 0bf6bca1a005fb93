//! The business-continuity plan as written: organisation, sites, systems, channels,
//! people and roles here; what the plan does in a disruption (critical functions,
//! procedures, call tree, stakeholders, suppliers, declaration) in `plan/response.rs`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Id;
use super::distribution::Distribution;
use crate::spanned::Sp;
use crate::time::Duration;

mod response;

pub use response::*;

/// A business-continuity plan (BCP), the model a scenario is played against.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The file format version; this release reads `1`.
    pub format_version: Sp<u32>,
    /// Whose plan this is.
    pub organisation: Organisation,
    /// Places: data centres, DR or cloud sites, offices, warehouses, plants.
    #[serde(default)]
    pub sites: Vec<Site>,
    /// IT systems, each hosted at a site.
    #[serde(default)]
    pub systems: Vec<System>,
    /// Ways of reaching people: phone, SMS, e-mail, chat, video.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// The people who hold roles, with how they are reached.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Roles with a primary person and backups.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Critical business functions from the business impact analysis (BIA).
    #[serde(default)]
    pub functions: Vec<Function>,
    /// Recovery procedures as steps.
    #[serde(default)]
    pub procedures: Vec<Procedure>,
    /// Who notifies whom when a disruption is detected.
    #[serde(default)]
    pub call_tree: Option<CallTree>,
    /// Staff, customers, regulators and suppliers to be told, each by a deadline.
    #[serde(default)]
    pub stakeholders: Vec<Stakeholder>,
    /// Suppliers and their alternates.
    #[serde(default)]
    pub suppliers: Vec<Supplier>,
    /// Who may declare a disaster, and how long they take to decide.
    #[serde(default)]
    pub declaration: Option<Declaration>,
    /// The risk register: what could disrupt the business, how likely and how bad.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<super::programme::Risk>,
    /// How many exercises of each kind a year the plan requires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drills: Option<super::programme::Drills>,
}

/// The organisation that owns the plan.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Its name, as it should appear in reports.
    pub name: String,
    /// Line of business, for the report's overview.
    #[serde(default)]
    pub sector: Option<String>,
    /// The plan document's own version, e.g. `3.2`.
    #[serde(default)]
    pub plan_version: Option<String>,
    /// Who owns the plan (a role or a name).
    #[serde(default)]
    pub owner: Option<String>,
}

/// What kind of place a site is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SiteKind {
    /// A primary data centre.
    DataCentre,
    /// A disaster-recovery site.
    DrSite,
    /// A cloud region or tenancy.
    Cloud,
    /// An office.
    Office,
    /// A warehouse or store of goods.
    Warehouse,
    /// A production plant.
    Plant,
    /// Anything else.
    Other,
}

/// A place where systems run or people work.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Unique id, used in references.
    pub id: Id,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// What kind of site.
    pub kind: Sp<SiteKind>,
}

/// An IT system.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct System {
    /// Unique id.
    pub id: Id,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// The site it runs at.
    pub site: Id,
    /// Systems it cannot run without.
    #[serde(default)]
    pub depends_on: Vec<Id>,
    /// Periodic backups; bound the achievable RPO.
    #[serde(default)]
    pub backup: Option<Backup>,
    /// Continuous replication to another site.
    #[serde(default)]
    pub replication: Option<Replication>,
    /// The site it fails over to.
    #[serde(default)]
    pub failover: Option<Id>,
}

/// Periodic backups of a system.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// Time between backups.
    pub interval: Sp<Duration>,
    /// The site the backups are kept at.
    pub stored_at: Id,
}

/// Continuous replication of a system's data.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Replication {
    /// The site receiving the copy.
    pub target: Id,
    /// How far the copy lags behind.
    pub lag: Sp<Duration>,
}

/// What kind of channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// Voice call.
    Phone,
    /// Text message.
    Sms,
    /// E-mail: needs the mail system, read when the person next looks.
    Email,
    /// Instant-messaging group or chat.
    Chat,
    /// Video call.
    Video,
    /// Two-way radio: works without the phone network.
    Radio,
    /// Someone walks over.
    InPerson,
    /// Anything else.
    Other,
}

/// A way of reaching people.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// Unique id.
    pub id: Id,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// What kind of channel.
    pub kind: Sp<ChannelKind>,
    /// Systems the channel needs (a mail server, a chat service).
    #[serde(default)]
    pub depends_on: Vec<Id>,
    /// How long a caller waits for an answer before trying the next channel.
    pub give_up_after: Sp<Duration>,
}

/// A person who holds roles.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique id.
    pub id: Id,
    /// Name as it should appear in reports.
    pub name: String,
    /// How to reach them, in the order to try.
    #[serde(default)]
    pub contacts: Vec<Contact>,
}

/// One way of reaching a person.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The channel id.
    pub channel: Id,
    /// How long they take to answer on it.
    pub answers: Sp<Distribution>,
    /// The chance (0 to 1) that they answer at all; default 1.
    #[serde(default)]
    pub answer_rate: Option<Sp<f64>>,
}

/// A role with a primary person and backups.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Unique id.
    pub id: Id,
    /// Display name.
    pub name: String,
    /// The person who normally holds it.
    pub primary: Id,
    /// Who takes over, in order; key posts have two.
    #[serde(default)]
    pub backups: Vec<Id>,
    /// Time a backup needs to take over.
    #[serde(default)]
    pub handover: Option<Sp<Duration>>,
    /// How much slower a backup works (1.5 = half as slow again); default 1.
    #[serde(default)]
    pub backup_slowdown: Option<Sp<f64>>,
}
