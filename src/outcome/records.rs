//! What a run measured per thing: notifications and their attempts, outages and
//! steps, stakeholder notices, decisions, suppliers, the declaration.

use crate::compile::Dependency;
use crate::ids::{
    ChannelId, DecisionId, LinkId, OptionId, PersonId, RoleId, StakeholderId, StepId, SupplierId, SystemId,
};

/// How one attempt to reach someone ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptEnd {
    /// The person answered.
    Answered,
    /// No answer within the channel's give-up time.
    NoAnswer,
    /// The channel was down when tried.
    ChannelDown,
    /// Still waiting when the exercise ended.
    Pending,
}

impl AttemptEnd {
    /// The word used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            AttemptEnd::Answered => "answered",
            AttemptEnd::NoAnswer => "no_answer",
            AttemptEnd::ChannelDown => "channel_down",
            AttemptEnd::Pending => "pending",
        }
    }
}

/// One try over one channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// Person tried.
    pub person: PersonId,
    /// Channel used.
    pub channel: ChannelId,
    /// When the attempt began.
    pub sent_at: i64,
    /// When it ended (answered, gave up, or found the channel down).
    pub ended_at: i64,
    /// How it ended.
    pub end: AttemptEnd,
}

/// Who answered a notification, when, and over what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    /// The person now acting for the role.
    pub person: PersonId,
    /// When they were reached.
    pub at: i64,
    /// The channel that reached them; `None` when they noticed themselves (on duty).
    pub channel: Option<ChannelId>,
}

/// A notification along the call tree (or the detection that starts it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// The call-tree link, or `None` for detection by the on-duty role.
    pub link: Option<LinkId>,
    /// Role notified.
    pub to_role: RoleId,
    /// Person calling, if any.
    pub caller: Option<PersonId>,
    /// When notifying began.
    pub started_at: i64,
    /// When it should be done by.
    pub deadline_at: Option<i64>,
    /// Who was reached, if anyone.
    pub reached: Option<Reach>,
    /// Every attempt in order.
    pub attempts: Vec<Attempt>,
}

/// How a function came back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveredBy {
    /// Its recovery procedure completed.
    Procedure,
    /// The cause went away (power back, supplier restored, alternate supplier in place).
    Restored,
}

/// When a function came back, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recovery {
    /// Scenario time.
    pub at: i64,
    /// What brought it back.
    pub by: RecoveredBy,
}

/// Who took a piece of work on, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    /// The person doing it.
    pub by: PersonId,
    /// When they started.
    pub at: i64,
}

/// What kept a ready step from starting, checked in this order each time the engine
/// tried to start it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepHold {
    /// A system the step needs was down.
    System(SystemId),
    /// A channel the step needs was down.
    Channel(ChannelId),
    /// Nobody acted for the step's role, or the person acting was away.
    RoleUnreachable,
    /// The person acting for the role was still taking it over.
    Handover,
    /// The person acting for the role was busy with another step.
    Busy,
    /// The role was kept for an unfinished procedure of a more urgent function.
    MoreUrgent,
}

/// How long a ready step was kept from starting by one hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepWait {
    /// What held it.
    pub hold: StepHold,
    /// Seconds, summed over every time it held the step.
    pub secs: i64,
}

/// One step as played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRun {
    /// The step within its procedure.
    pub step: StepId,
    /// When its prerequisites were done (it could have started).
    pub ready_at: Option<i64>,
    /// Who did it and when it started.
    pub started: Option<Start>,
    /// Whether the person was a backup.
    pub by_backup: bool,
    /// Delay added because the runbook's site was down.
    pub runbook_delay: i64,
    /// When it finished.
    pub finished_at: Option<i64>,
    /// What kept it from starting once it was ready, in the order first met; a hold
    /// still in force is in `holding`, not here.
    pub waits: Vec<StepWait>,
    /// The hold in force, and since when.
    pub holding: Option<(StepHold, i64)>,
}

impl StepRun {
    /// Records what holds the step at `now` (`None`: nothing, it starts), closing the
    /// hold that was in force if it changed.
    pub fn hold(&mut self, hold: Option<StepHold>, now: i64) {
        if self.holding.map(|(h, _)| h) == hold {
            return;
        }
        if let Some((h, since)) = self.holding.take() {
            self.add_wait(h, now - since);
        }
        self.holding = hold.map(|h| (h, now));
    }

    /// Every wait, with the hold still in force counted up to `end`.
    pub fn waits_until(&self, end: i64) -> Vec<StepWait> {
        let mut all = self.clone();
        if let Some((h, since)) = all.holding.take() {
            all.add_wait(h, end.max(since) - since);
        }
        all.waits
    }

    fn add_wait(&mut self, hold: StepHold, secs: i64) {
        match self.waits.iter_mut().find(|w| w.hold == hold) {
            Some(w) => w.secs += secs,
            None => self.waits.push(StepWait { hold, secs }),
        }
    }
}

/// How a dependency that held a function back stopped holding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitEnd {
    /// It came back itself (site up, someone acting for the role, supplier restored).
    Back,
    /// A cut-off supplier's alternate took over.
    ReplacedBy(SupplierId),
}

/// A dependency still down after a function's procedure was done, that held it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DependencyWait {
    /// What was missing.
    pub dependency: Dependency,
    /// From when it held the function back (the procedure's end, or later).
    pub since: i64,
    /// When it stopped holding it; `None`: still at the end.
    pub until: Option<i64>,
    /// How it stopped.
    pub ended: Option<WaitEnd>,
}

/// One outage of a function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outage {
    /// When it started.
    pub start: i64,
    /// When and how the function came back, if it did.
    pub recovered: Option<Recovery>,
    /// Seconds of data lost; `None` when no backup or replica could be reached.
    pub data_lost: Option<i64>,
    /// The steps of its procedure as played.
    pub steps: Vec<StepRun>,
    /// When the procedure's last step finished. The function is back then only if
    /// nothing else it depends on is still down.
    pub procedure_done_at: Option<i64>,
    /// Dependencies still down after the procedure was done, that held the function
    /// back, in the order found, each with when and how it stopped holding it.
    pub waited_for: Vec<DependencyWait>,
    /// Dependencies still down after the procedure was done, that the procedure works
    /// around (`works_around` in the plan).
    pub worked_around: Vec<Dependency>,
}

/// When a stakeholder notice arrived, and over which channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delivery {
    /// Scenario time.
    pub at: i64,
    /// The channel that carried it.
    pub channel: ChannelId,
}

/// A stakeholder notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StakeholderNotice {
    /// The stakeholder.
    pub stakeholder: StakeholderId,
    /// Deadline (absolute scenario time), once a disruption started the clock.
    pub deadline_at: Option<i64>,
    /// Who prepared it and when preparation started.
    pub started: Option<Start>,
    /// When and over which channel it reached them.
    pub notified: Option<Delivery>,
    /// Channels tried.
    pub attempts: Vec<Attempt>,
}

/// A decision as posed, asked and answered.
///
/// A decision is posed (by an inject, a time or a script) and asked of the first holder
/// of its role who knows of the disruption: at once, or when one first knows. Its
/// deadline counts from the asking. One never asked was answered by nobody and had no
/// effect: `asked_at`, `option` and `latency` are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionRecord {
    /// The decision.
    pub decision: DecisionId,
    /// When it was posed.
    pub posed_at: i64,
    /// When it was put to a person who knew; `None`: nobody holding the role knew
    /// before the exercise ended.
    pub asked_at: Option<i64>,
    /// Person asked.
    pub asked: Option<PersonId>,
    /// Whether the person asked was a backup for the role.
    pub asked_backup: bool,
    /// Option taken (the default when nobody answered in time); `None` when never asked.
    pub option: Option<OptionId>,
    /// Seconds from asking to the answer (or to the deadline for a default).
    pub latency: Option<i64>,
    /// Whether the default applied.
    pub by_default: bool,
}

impl DecisionRecord {
    /// When the answer (or the default) takes effect, if the decision was asked.
    pub fn answered_at(&self) -> Option<i64> {
        Some(self.asked_at?.saturating_add(self.latency?))
    }
}

/// An alternate supplier taking over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Switch {
    /// The alternate now delivering.
    pub to: SupplierId,
    /// When it took over.
    pub at: i64,
}

/// A supplier's course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SupplierRecord {
    /// The supplier cut off.
    pub supplier: SupplierId,
    /// When cut off.
    pub cut_off_at: i64,
    /// The alternate switched to, if any.
    pub switched: Option<Switch>,
    /// When restored.
    pub restored_at: Option<i64>,
}

/// The declaration of a disaster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declaration {
    /// Scenario time.
    pub at: i64,
    /// The person who declared.
    pub by: PersonId,
    /// The role they declared in.
    pub role: RoleId,
}
