//! The mutable state of one run: what is up, who acts for each role, what is pending.
//! Reset, not reallocated, between runs, so that a worker playing thousands of replicas
//! allocates only what each run's outcome needs.

use super::dirty::Dirty;
use super::queue::Queue;
use crate::compile::{Change, Model};
use crate::ids::{CallId, RecordId, SupplierId, SystemId};
use crate::ids::{ChannelId, DecisionId, FunctionId, IdVec, OptionId, PersonId, RoleId, SiteId, StakeholderId};
use crate::outcome::{Outcome, StakeholderNotice};
use crate::rng::SimRng;

/// Someone acting for a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Acting {
    /// The person.
    pub person: PersonId,
    /// Their place in the role's holders: 0 is the primary, above 0 a backup.
    pub rank: usize,
    /// When they can act: a backup taking over needs the role's hand-over time first.
    pub ready_at: i64,
}

/// A decision posed and waiting for its answer from outside the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pending {
    /// The decision's record in the outcome.
    pub record: RecordId,
    /// The queue position reserved when it was posed, so that its answer is ordered as
    /// if it had been given at once.
    pub seq: u64,
    /// Position of its `decision_posed` entry in the log.
    pub log_position: usize,
}

/// Everything that changes while a scenario plays.
#[derive(Debug, Default)]
pub(super) struct State {
    pub now: i64,
    pub queue: Queue,
    pub site_down: IdVec<SiteId, bool>,
    /// Systems failed by an effect (as opposed to down because of what they depend on).
    pub system_failed: IdVec<SystemId, bool>,
    pub system_degraded: IdVec<SystemId, bool>,
    /// Systems brought up at their fail-over site by a recovery procedure.
    pub system_restored: IdVec<SystemId, bool>,
    pub system_up: IdVec<SystemId, bool>,
    /// Where in its backup cycle each system is at T+0 (drawn once per run).
    pub backup_phase: IdVec<SystemId, i64>,
    /// Data a system lost when it went down; `None` when no copy could be reached.
    pub system_loss: IdVec<SystemId, Option<i64>>,
    pub channel_forced_down: IdVec<ChannelId, bool>,
    pub channel_up: IdVec<ChannelId, bool>,
    pub unavailable_until: IdVec<PersonId, i64>,
    /// Working on a recovery step (one at a time).
    pub busy: IdVec<PersonId, bool>,
    pub acting: IdVec<RoleId, Option<Acting>>,
    pub supplier_cut: IdVec<SupplierId, bool>,
    pub supplier_alternate: IdVec<SupplierId, Option<SupplierId>>,
    /// Per function: its open outage (index into the function's outages).
    pub open_outage: IdVec<FunctionId, Option<usize>>,
    pub detection_scheduled: bool,
    /// A declaring role's holder is already deliberating.
    pub declare_pending: bool,
    /// Stakeholder notices waiting for a channel to come back.
    pub stakeholder_pending: IdVec<StakeholderId, bool>,
    /// Stakeholder notices waiting for a channel, by id.
    pub stakeholders_waiting: Vec<StakeholderId>,
    /// What changed since derived state was last brought in line.
    pub dirty: Dirty,
    /// Effects of script-scheduled injects, in scheduling order.
    pub script_changes: Vec<Vec<Change>>,
    /// How far into the log hooks have been called.
    pub hook_cursor: usize,
    /// Per decision: the option taken, once answered.
    pub decided: IdVec<DecisionId, Option<OptionId>>,
    /// Per decision: whether the default applied.
    pub defaulted: IdVec<DecisionId, bool>,
    /// Per notification: every holder was tried and none answered (retried when one is back).
    pub gave_up: IdVec<CallId, bool>,
    /// Decisions put to someone and not yet answered, oldest first.
    pub pending: std::collections::VecDeque<Pending>,
    /// Decisions posed while nobody acted for their role: asked once someone does.
    pub waiting: Vec<RecordId>,

    /// The run's generator between steps.
    pub rng: SimRng,
    pub out: Outcome,
}

impl State {
    /// Back to T+0 for `model`, keeping allocations.
    pub fn reset(&mut self, model: &Model, seed: u64) {
        let m = model;
        self.now = 0;
        self.queue.clear();
        self.site_down.reset(m.sites.len(), false);
        self.system_failed.reset(m.systems.len(), false);
        self.system_degraded.reset(m.systems.len(), false);
        self.system_restored.reset(m.systems.len(), false);
        self.system_up.reset(m.systems.len(), true);
        self.backup_phase.reset(m.systems.len(), 0);
        self.system_loss.reset(m.systems.len(), None);
        self.channel_forced_down.reset(m.channels.len(), false);
        self.channel_up.reset(m.channels.len(), true);
        self.unavailable_until.reset(m.people.len(), 0);
        self.busy.reset(m.people.len(), false);
        self.acting.reset(m.roles.len(), None);
        self.supplier_cut.reset(m.suppliers.len(), false);
        self.supplier_alternate.reset(m.suppliers.len(), None);
        self.open_outage.reset(m.functions.len(), None);
        self.stakeholder_pending.reset(m.stakeholders.len(), false);
        self.stakeholders_waiting.clear();
        self.dirty.reset(m);
        self.script_changes.clear();
        self.decided.reset(m.decisions.len(), None);
        self.defaulted.reset(m.decisions.len(), false);
        self.gave_up.reset(0, false);
        self.pending.clear();
        self.waiting.clear();
        self.hook_cursor = 0;
        self.detection_scheduled = false;
        self.declare_pending = false;
        self.rng = SimRng::new(seed);
        self.out = Outcome {
            seed,
            outages: vec![Vec::new(); m.functions.len()],
            stakeholders: crate::ids::all(&m.stakeholders)
                .map(|s| StakeholderNotice {
                    stakeholder: s,
                    deadline_at: None,
                    started: None,
                    notified: None,
                    attempts: Vec::new(),
                })
                .collect(),
            ..Outcome::default()
        };
    }

    /// Whether a person can be reached and can act now.
    pub fn available(&self, person: PersonId) -> bool {
        self.unavailable_until.get(person).is_none_or(|&until| until <= self.now)
    }
}
