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

impl Effect {
    /// The effect as one line of text, as spreadsheets and scripts write it:
    /// `site_down dc-main`, `person_unavailable ma-jun 7d`, `declare`.
    pub fn to_text(&self) -> String {
        let kind = match self {
            Effect::SiteDown(_) => "site_down",
            Effect::SiteUp(_) => "site_up",
            Effect::SystemDown(_) => "system_down",
            Effect::SystemDegraded(_) => "system_degraded",
            Effect::SystemUp(_) => "system_up",
            Effect::PersonUnavailable(_) => "person_unavailable",
            Effect::PersonAvailable(_) => "person_available",
            Effect::ChannelDown(_) => "channel_down",
            Effect::ChannelUp(_) => "channel_up",
            Effect::SupplierCutOff(_) => "supplier_cut_off",
            Effect::SupplierRestored(_) => "supplier_restored",
            Effect::Declare => return "declare".to_owned(),
        };
        match self {
            Effect::PersonUnavailable(u) => match &u.duration {
                Some(d) => format!("{kind} {} {}", u.person.value, d.value),
                None => format!("{kind} {}", u.person.value),
            },
            _ => self.target().map_or_else(|| kind.to_owned(), |(_, id)| format!("{kind} {}", id.value)),
        }
    }
}

impl std::str::FromStr for Effect {
    type Err = String;

    /// Parses the text form written by [`Effect::to_text`].
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut words = text.split_whitespace();
        let kind = words.next().unwrap_or_default();
        let id = words.next().map(|w| Sp::new(w.to_owned()));
        let rest: Vec<&str> = words.collect();
        let need = |id: Option<Id>| id.ok_or_else(|| format!("`{kind}` needs an id, as in \"{kind} <id>\""));
        Ok(match kind {
            "site_down" => Effect::SiteDown(need(id)?),
            "site_up" => Effect::SiteUp(need(id)?),
            "system_down" => Effect::SystemDown(need(id)?),
            "system_degraded" => Effect::SystemDegraded(need(id)?),
            "system_up" => Effect::SystemUp(need(id)?),
            "person_unavailable" => Effect::PersonUnavailable(Unavailability {
                person: need(id)?,
                duration: if rest.is_empty() {
                    None
                } else {
                    Some(Sp::new(rest.join(" ").parse::<Duration>().map_err(|e| e.to_string())?))
                },
            }),
            "person_available" => Effect::PersonAvailable(need(id)?),
            "channel_down" => Effect::ChannelDown(need(id)?),
            "channel_up" => Effect::ChannelUp(need(id)?),
            "supplier_cut_off" => Effect::SupplierCutOff(need(id)?),
            "supplier_restored" => Effect::SupplierRestored(need(id)?),
            "declare" => Effect::Declare,
            other => {
                return Err(format!(
                    "`{other}` is not an effect; use site_down, site_up, system_down, system_degraded, system_up, \
                     person_unavailable, person_available, channel_down, channel_up, supplier_cut_off, \
                     supplier_restored or declare"
                ));
            }
        })
    }
}
