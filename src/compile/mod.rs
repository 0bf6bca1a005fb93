//! Resolves a checked plan and scenario into an indexed, read-only [`Model`].
//!
//! Every id becomes an index into a `Vec`, so that the engine never looks up a string
//! or clones the model on its hot path. A model is built once and shared, by reference,
//! by every run (and every thread) that plays it.

mod plan;
mod resolve;
mod scenario;

pub use plan::*;
pub use resolve::{Resolved, compile, resolve};
pub use scenario::*;

use crate::format::distribution::Distribution;
use crate::format::scenario::ExerciseType;
use crate::ids::{RoleId, SystemId};

/// Scenario facts the run and the report need.
#[derive(Debug, Clone)]
pub struct Meta {
    /// Scenario id.
    pub scenario_id: String,
    /// Scenario title.
    pub title: String,
    /// Organisation name.
    pub organisation: String,
    /// Who owns the plan, as `organisation.owner` writes it (a role id or a name).
    pub plan_owner: Option<String>,
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
    /// Sites, by `SiteId`.
    pub sites: Vec<Site>,
    /// Systems, in an order where dependencies come first.
    pub systems: Vec<System>,
    /// Systems in dependency order (dependencies before dependants).
    pub system_order: Vec<SystemId>,
    /// Channels people are reached over, by `ChannelId`.
    pub channels: Vec<Channel>,
    /// People, by `PersonId`.
    pub people: Vec<Person>,
    /// Roles with their holders in order (primary first), by `RoleId`.
    pub roles: Vec<Role>,
    /// Business functions with their targets, by `FunctionId`.
    pub functions: Vec<Function>,
    /// Recovery procedures and their steps, by `ProcedureId`.
    pub procedures: Vec<Procedure>,
    /// Call tree.
    pub call_tree: Option<CallTree>,
    /// Stakeholders to notify, by `StakeholderId`.
    pub stakeholders: Vec<Stakeholder>,
    /// Suppliers and their alternates, by `SupplierId`.
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
    /// The scenario's decision points, by `DecisionId`.
    pub decisions: Vec<Decision>,
    /// Objectives' criteria, resolved, for scoring.
    pub objectives: Vec<Objective>,
}
