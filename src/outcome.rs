//! What a run measured. Id-based (cheap to produce on the hot path); the `results`
//! module turns it into the JSON people and machines read.

use crate::compile::Dependency;
use crate::ids::{
    AttemptId, CallId, ChannelId, DecisionId, FunctionId, InjectId, LinkId, OptionId, PersonId, RecordId, RoleId,
    ScriptInjectId, ScriptLineId, SiteId, StakeholderId, StepId, SupplierId, SystemId,
};

crate::keyed_by! {
    Notification => CallId;
    DecisionRecord => RecordId;
    Attempt => AttemptId;
    ScriptInject => ScriptInjectId;
    String => ScriptLineId;
}

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

/// One step as played.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// back until they returned, in the order found.
    pub waited_for: Vec<Dependency>,
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

/// One line of the event log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogEntry {
    /// Scenario time.
    pub t: i64,
    /// What happened.
    pub kind: LogKind,
}

/// Everything the engine logs, by id into the model or the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    /// An inject was delivered.
    Inject(InjectId),
    /// Site lost.
    SiteDown(SiteId),
    /// Site back.
    SiteUp(SiteId),
    /// System down.
    SystemDown(SystemId),
    /// System degraded.
    SystemDegraded(SystemId),
    /// System up again.
    SystemUp {
        /// The system.
        system: SystemId,
        /// Running at its fail-over site, brought up by a recovery procedure.
        at_failover: bool,
    },
    /// Channel down.
    ChannelDown(ChannelId),
    /// Channel up.
    ChannelUp(ChannelId),
    /// Person unavailable.
    PersonUnavailable {
        /// The person.
        person: PersonId,
        /// Until when; `None`: the rest of the exercise.
        until: Option<i64>,
    },
    /// Person available again.
    PersonAvailable(PersonId),
    /// Supplier cut off.
    SupplierCutOff(SupplierId),
    /// Supplier switched to an alternate.
    SupplierSwitched {
        /// The supplier cut off.
        supplier: SupplierId,
        /// The alternate now delivering.
        to: SupplierId,
    },
    /// Supplier restored.
    SupplierRestored(SupplierId),
    /// Function disrupted.
    FunctionDown(FunctionId),
    /// Disruption noticed by the call tree's first role.
    Detected {
        /// The role on duty.
        role: RoleId,
        /// The person who noticed.
        person: PersonId,
    },
    /// A notification attempt ended.
    Attempt {
        /// The notification.
        call: CallId,
        /// The attempt within it.
        attempt: AttemptId,
    },
    /// A notification reached its role.
    Reached(CallId),
    /// Nobody holding the notification's role could be reached.
    Unreachable(CallId),
    /// The role was handed to a backup person.
    Handover {
        /// The role.
        role: RoleId,
        /// The person now acting.
        person: PersonId,
    },
    /// Decision posed (asked at once if a holder of its role knows).
    DecisionPosed(RecordId),
    /// A decision posed earlier is asked now, the moment a holder of its role knows.
    DecisionAsked(RecordId),
    /// Decision answered.
    DecisionAnswered(RecordId),
    /// Disaster declared.
    Declared {
        /// The person who declared.
        person: PersonId,
        /// The role they declared in.
        role: RoleId,
    },
    /// A recovery step started.
    StepStarted {
        /// The function recovered.
        function: FunctionId,
        /// The step of its procedure.
        step: StepId,
    },
    /// The step's runbook was unreachable.
    RunbookUnreachable {
        /// The function recovered.
        function: FunctionId,
        /// The step of its procedure.
        step: StepId,
        /// The site where the runbook is kept.
        site: SiteId,
    },
    /// A recovery step finished.
    StepFinished {
        /// The function recovered.
        function: FunctionId,
        /// The step of its procedure.
        step: StepId,
    },
    /// Function recovered.
    FunctionRecovered {
        /// The function.
        function: FunctionId,
        /// What brought it back.
        by: RecoveredBy,
    },
    /// Stakeholder notified.
    StakeholderNotified {
        /// The stakeholder.
        stakeholder: StakeholderId,
        /// The channel that carried the notice.
        channel: ChannelId,
    },
    /// A call-tree notification passed its deadline unreached.
    NotificationLate(CallId),
    /// A stakeholder's deadline passed without notice.
    StakeholderLate(StakeholderId),
    /// An inject scheduled by a script was delivered.
    ScriptInject(ScriptInjectId),
    /// A script wrote a line to the log (facilitator-only).
    ScriptLog(ScriptLineId),
    /// The exercise ended.
    End,
}

impl LogKind {
    /// The event's name in `events.jsonl` and in scripts' `on_event`. Exhaustive: a new
    /// kind must be named here before it compiles.
    pub fn name(self) -> &'static str {
        match self {
            LogKind::Inject(_) => "inject",
            LogKind::SiteDown(_) => "site_down",
            LogKind::SiteUp(_) => "site_up",
            LogKind::SystemDown(_) => "system_down",
            LogKind::SystemDegraded(_) => "system_degraded",
            LogKind::SystemUp { .. } => "system_up",
            LogKind::ChannelDown(_) => "channel_down",
            LogKind::ChannelUp(_) => "channel_up",
            LogKind::PersonUnavailable { .. } => "person_unavailable",
            LogKind::PersonAvailable(_) => "person_available",
            LogKind::SupplierCutOff(_) => "supplier_cut_off",
            LogKind::SupplierSwitched { .. } => "supplier_switched",
            LogKind::SupplierRestored(_) => "supplier_restored",
            LogKind::FunctionDown(_) => "function_down",
            LogKind::Detected { .. } => "detected",
            LogKind::Attempt { .. } => "attempt",
            LogKind::Reached(_) => "reached",
            LogKind::Unreachable(_) => "unreachable",
            LogKind::Handover { .. } => "handover",
            LogKind::DecisionPosed(_) => "decision_posed",
            LogKind::DecisionAsked(_) => "decision_asked",
            LogKind::DecisionAnswered(_) => "decision_answered",
            LogKind::Declared { .. } => "declared",
            LogKind::StepStarted { .. } => "step_started",
            LogKind::RunbookUnreachable { .. } => "runbook_unreachable",
            LogKind::StepFinished { .. } => "step_finished",
            LogKind::FunctionRecovered { .. } => "function_recovered",
            LogKind::StakeholderNotified { .. } => "stakeholder_notified",
            LogKind::NotificationLate(_) => "notification_late",
            LogKind::StakeholderLate(_) => "stakeholder_late",
            LogKind::ScriptInject(_) => "inject",
            LogKind::ScriptLog(_) => "script_log",
            LogKind::End => "end",
        }
    }
}

impl LogKind {
    /// Whether scripts' `on_event` hears of it. Injects and answers have hooks of their
    /// own; attempts are too fine-grained; script lines and the end would echo back.
    pub fn calls_on_event(self) -> bool {
        match self {
            LogKind::Inject(_)
            | LogKind::ScriptInject(_)
            | LogKind::DecisionAnswered(_)
            | LogKind::Attempt { .. }
            | LogKind::DecisionPosed(_)
            | LogKind::DecisionAsked(_)
            | LogKind::ScriptLog(_)
            | LogKind::End => false,
            LogKind::SiteDown(_)
            | LogKind::SiteUp(_)
            | LogKind::SystemDown(_)
            | LogKind::SystemDegraded(_)
            | LogKind::SystemUp { .. }
            | LogKind::ChannelDown(_)
            | LogKind::ChannelUp(_)
            | LogKind::PersonUnavailable { .. }
            | LogKind::PersonAvailable(_)
            | LogKind::SupplierCutOff(_)
            | LogKind::SupplierSwitched { .. }
            | LogKind::SupplierRestored(_)
            | LogKind::FunctionDown(_)
            | LogKind::Detected { .. }
            | LogKind::Reached(_)
            | LogKind::Unreachable(_)
            | LogKind::Handover { .. }
            | LogKind::Declared { .. }
            | LogKind::StepStarted { .. }
            | LogKind::RunbookUnreachable { .. }
            | LogKind::StepFinished { .. }
            | LogKind::FunctionRecovered { .. }
            | LogKind::StakeholderNotified { .. }
            | LogKind::NotificationLate(_)
            | LogKind::StakeholderLate(_) => true,
        }
    }
}

/// An inject a script added during the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptInject {
    /// Its event number, `S1`, `S2`, … in order of scheduling.
    pub event: String,
    /// When delivered.
    pub at: i64,
    /// Title.
    pub title: String,
    /// Narrative.
    pub description: String,
}

/// Everything one run produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The seed played.
    pub seed: u64,
    /// When the first disruption happened.
    pub disruption_at: Option<i64>,
    /// When it was detected.
    pub detected_at: Option<i64>,
    /// The declaration, if one was made.
    pub declared: Option<Declaration>,
    /// Outages per function (index = function).
    pub outages: Vec<Vec<Outage>>,
    /// Notifications in the order they started.
    pub notifications: Vec<Notification>,
    /// Stakeholder notices (index = stakeholder).
    pub stakeholders: Vec<StakeholderNotice>,
    /// Decisions in the order they were answered.
    pub decisions: Vec<DecisionRecord>,
    /// Suppliers cut off.
    pub suppliers: Vec<SupplierRecord>,
    /// Injects added by scripts.
    pub script_injects: Vec<ScriptInject>,
    /// Lines scripts wrote to the log.
    pub script_lines: Vec<String>,
    /// The event log.
    pub log: Vec<LogEntry>,
    /// When the exercise ended.
    pub ended_at: i64,
}
