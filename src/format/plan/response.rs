//! What the plan does in a disruption: critical functions and what they depend on,
//! recovery procedures and their steps, the call tree, stakeholders, suppliers and their
//! alternates, and who may declare.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::super::Id;
use super::super::distribution::Distribution;
use crate::spanned::Sp;
use crate::time::Duration;

/// A critical business function from the BIA.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Function {
    /// Unique id.
    pub id: Id,
    /// Display name.
    pub name: String,
    /// Maximum tolerable downtime.
    pub mtd: Sp<Duration>,
    /// Recovery time objective.
    pub rto: Sp<Duration>,
    /// Recovery point objective: the most data, in time, that may be lost.
    pub rpo: Sp<Duration>,
    /// Work recovery time after systems are back; MTD >= RTO + WRT.
    #[serde(default)]
    pub wrt: Option<Sp<Duration>>,
    /// Recovery order: 1 first.
    pub priority: Sp<u32>,
    /// What the function cannot run without.
    #[serde(default)]
    pub depends_on: Dependencies,
    /// The procedure that recovers it.
    #[serde(default)]
    pub procedure: Option<Id>,
}

/// What a function depends on.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dependencies {
    /// System ids.
    #[serde(default)]
    pub systems: Vec<Id>,
    /// Site ids.
    #[serde(default)]
    pub sites: Vec<Id>,
    /// Role ids.
    #[serde(default)]
    pub roles: Vec<Id>,
    /// Supplier ids.
    #[serde(default)]
    pub suppliers: Vec<Id>,
}

/// A recovery procedure.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// Unique id.
    pub id: Id,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// The steps; order is given by `after`, not by position.
    pub steps: Vec<Step>,
    /// The role that keeps this procedure and its runbooks, and so answers for the
    /// improvement items about them; default: the plan's owner.
    #[serde(default)]
    pub owner: Option<Id>,
    /// Dependencies of the functions it recovers that it does without (a second
    /// warehouse for a site, paper forms for a supplier). Any other dependency still
    /// down when the last step finishes holds the function until it is back.
    #[serde(default)]
    pub works_around: WorksAround,
}

/// What a procedure does without.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorksAround {
    /// Site ids.
    #[serde(default)]
    pub sites: Vec<Id>,
    /// Role ids.
    #[serde(default)]
    pub roles: Vec<Id>,
    /// Supplier ids.
    #[serde(default)]
    pub suppliers: Vec<Id>,
}

/// One step of a procedure.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Id, unique within the procedure.
    pub id: Id,
    /// What is done.
    #[serde(default)]
    pub name: Option<String>,
    /// The role that does it.
    pub role: Id,
    /// How long it takes.
    pub duration: Sp<Distribution>,
    /// Steps of the same procedure that must be done first.
    #[serde(default)]
    pub after: Vec<Id>,
    /// Systems and channels that must be up.
    #[serde(default)]
    pub needs: Needs,
    /// Where the runbook for this step is kept.
    #[serde(default)]
    pub runbook: Option<Runbook>,
}

/// What a step needs to be up.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Needs {
    /// System ids.
    #[serde(default)]
    pub systems: Vec<Id>,
    /// Channel ids.
    #[serde(default)]
    pub channels: Vec<Id>,
}

/// Where a runbook is kept.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Runbook {
    /// The site holding it (a cloud drive is a site of kind `cloud`).
    pub kept_at: Id,
    /// Extra time the step takes when that site is down; default 1h.
    #[serde(default)]
    pub delay_if_unreachable: Option<Sp<Duration>>,
}

/// The call tree: who is alerted first and who notifies whom.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallTree {
    /// The role that detects a disruption (the on-duty operator).
    pub starts_with: Id,
    /// Time from the disruption to its detection.
    #[serde(default)]
    pub detection: Option<Sp<Distribution>>,
    /// Notifications, each from one role to another.
    pub links: Vec<CallLink>,
    /// The role that keeps the call tree (its links, channels and contact details), and
    /// so answers for the improvement items about reaching people; default: the plan's owner.
    #[serde(default)]
    pub owner: Option<Id>,
}

/// One link of the call tree.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallLink {
    /// The notifying role.
    pub from: Id,
    /// The role notified.
    pub to: Id,
    /// Channels to try, in order; default: the person's own contact order.
    #[serde(default)]
    pub channels: Vec<Id>,
    /// The notified role must be reached within this time of the caller being reached.
    pub deadline: Sp<Duration>,
}

/// Who a stakeholder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StakeholderKind {
    /// The organisation's own employees.
    Staff,
    /// Customers who must hear of a disruption.
    Customer,
    /// Regulators and authorities.
    Regulator,
    /// Suppliers and partners who must hear of a disruption.
    Supplier,
    /// Partners, shareholders, insurers.
    Partner,
    /// The public and the press.
    Public,
}

/// A group that must be told, by a deadline.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    /// Unique id.
    pub id: Id,
    /// Display name.
    pub name: String,
    /// Who they are.
    pub kind: Sp<StakeholderKind>,
    /// The role that notifies them.
    pub owner: Id,
    /// Deadline after the disruption.
    pub deadline: Sp<Duration>,
    /// Channels to use, in order.
    pub channels: Vec<Id>,
    /// How long it takes to prepare and send the notice once the owner acts.
    #[serde(default)]
    pub effort: Option<Sp<Distribution>>,
}

/// A supplier.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Supplier {
    /// Unique id.
    pub id: Id,
    /// Display name.
    pub name: String,
    /// What they provide.
    #[serde(default)]
    pub provides: Option<String>,
    /// Suppliers that can stand in, in order of preference.
    #[serde(default)]
    pub alternates: Vec<Alternate>,
}

/// An alternate supplier.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Alternate {
    /// The alternate's supplier id.
    pub supplier: Id,
    /// Time to switch over.
    pub lead_time: Sp<Duration>,
}

/// Who may declare a disaster.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    /// Roles allowed to declare, in order of authority.
    pub roles: Vec<Id>,
    /// Time the declaring person takes to decide once reached.
    #[serde(default)]
    pub decision_time: Option<Sp<Distribution>>,
}
