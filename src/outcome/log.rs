//! The event log: one entry per thing that happened, by id into the model or the outcome.

use super::records::RecoveredBy;
use crate::ids::{
    AttemptId, CallId, ChannelId, FunctionId, InjectId, PersonId, RecordId, RoleId, ScriptInjectId, ScriptLineId,
    SiteId, StakeholderId, StepId, SupplierId, SystemId,
};

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
