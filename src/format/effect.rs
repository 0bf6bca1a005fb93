//! What an inject or a decision does to the plan model.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Id;
use crate::spanned::Sp;
use crate::time::Duration;

/// A change to the state of the plan model, written as a one-key map
/// (`- site_down: dc-main`) or, for `declare`, a single word.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// A site is lost: everything hosted there goes down.
    SiteDown(Id),
    /// A site is back.
    SiteUp(Id),
    /// A system fails (and what depends on it).
    SystemDown(Id),
    /// A system runs, but badly.
    SystemDegraded(Id),
    /// A system is back.
    SystemUp(Id),
    /// A person cannot be reached.
    PersonUnavailable(Unavailability),
    /// A person is reachable again.
    PersonAvailable(Id),
    /// A channel stops working.
    ChannelDown(Id),
    /// A channel works again.
    ChannelUp(Id),
    /// A supplier stops delivering.
    SupplierCutOff(Id),
    /// A supplier delivers again.
    SupplierRestored(Id),
    /// The answering person declares a disaster.
    Declare,
}

/// A person unavailable for a while.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unavailability {
    /// The person id.
    pub person: Id,
    /// For how long; the rest of the exercise when absent.
    #[serde(default, rename = "for")]
    pub duration: Option<Sp<Duration>>,
}

impl Effect {
    /// The plan id the effect names and the namespace it belongs to, if any.
    pub fn target(&self) -> Option<(&'static str, &Id)> {
        Some(match self {
            Effect::SiteDown(id) | Effect::SiteUp(id) => ("site", id),
            Effect::SystemDown(id) | Effect::SystemDegraded(id) | Effect::SystemUp(id) => ("system", id),
            Effect::PersonUnavailable(u) => ("person", &u.person),
            Effect::PersonAvailable(id) => ("person", id),
            Effect::ChannelDown(id) | Effect::ChannelUp(id) => ("channel", id),
            Effect::SupplierCutOff(id) | Effect::SupplierRestored(id) => ("supplier", id),
            Effect::Declare => return None,
        })
    }
}
