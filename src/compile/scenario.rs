//! The scenario as the engine reads it: injects and their changes, decision points,
//! objectives' criteria; and the one mapping from an effect as written to a change.

use crate::format::effect::Effect;
use crate::ids::{
    ChannelId, DecisionId, FunctionId, Id, InjectId, OptionId, PersonId, RoleId, SiteId, StakeholderId, SupplierId,
    SystemId,
};
use crate::spanned::Sp;

crate::keyed_by! {
    Inject => InjectId;
    Decision => DecisionId;
    DecisionOption => OptionId;
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
    /// The inject's title as the players hear it.
    pub title: String,
    /// What the inject changes when it arrives.
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
    /// The option as the players see it.
    pub label: String,
    /// What choosing it changes.
    pub changes: Vec<Change>,
}

/// A decision point.
#[derive(Debug, Clone)]
pub struct Decision {
    /// The decision's id, as scripts and decisions files name it.
    pub id: String,
    /// Role asked.
    pub role: RoleId,
    /// The question put to the role.
    pub prompt: String,
    /// When posed.
    pub trigger: Trigger,
    /// Seconds allowed.
    pub deadline: i64,
    /// The option that applies when the deadline passes unanswered.
    pub default: OptionId,
    /// The choices, in the order the scenario lists them.
    pub options: Vec<DecisionOption>,
}

/// An objective with resolved criteria.
#[derive(Debug, Clone)]
pub struct Objective {
    /// The objective's id, stable across exercises.
    pub id: String,
    /// The objective as the scenario states it.
    pub text: String,
    /// The capability it exercises, if named.
    pub capability: Option<String>,
    /// How it is measured: each criterion, resolved to ids.
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
