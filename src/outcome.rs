//! What a run measured. Index-based (cheap to produce on the hot path); the `results`
//! module turns it into the JSON people and machines read.

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
    pub person: usize,
    /// Channel used.
    pub channel: usize,
    /// When the attempt began.
    pub sent_at: i64,
    /// When it ended (answered, gave up, or found the channel down).
    pub ended_at: i64,
    /// How it ended.
    pub end: AttemptEnd,
}

/// A notification along the call tree (or the detection that starts it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// The call-tree link, or `None` for detection by the on-duty role.
    pub link: Option<usize>,
    /// Role notified.
    pub to_role: usize,
    /// Person calling, if any.
    pub caller: Option<usize>,
    /// When notifying began.
    pub started_at: i64,
    /// When it should be done by.
    pub deadline_at: Option<i64>,
    /// Who was reached, when, over which channel (`None`: on duty, no channel).
    pub reached: Option<(usize, i64, Option<usize>)>,
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

/// One step as played.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepRun {
    /// Step index in the procedure.
    pub step: usize,
    /// When its prerequisites were done (it could have started).
    pub ready_at: Option<i64>,
    /// Who did it and when it started.
    pub started: Option<(usize, i64)>,
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
    /// When the function was back, if it came back.
    pub recovered: Option<(i64, RecoveredBy)>,
    /// Seconds of data lost; `None` when no backup or replica could be reached.
    pub data_lost: Option<i64>,
    /// The steps of its procedure as played.
    pub steps: Vec<StepRun>,
}

/// A stakeholder notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StakeholderNotice {
    /// Stakeholder index.
    pub stakeholder: usize,
    /// Deadline (absolute scenario time), once a disruption started the clock.
    pub deadline_at: Option<i64>,
    /// Who sent it and when preparation started.
    pub started: Option<(usize, i64)>,
    /// When and over which channel it reached them.
    pub notified: Option<(i64, usize)>,
    /// Channels tried.
    pub attempts: Vec<Attempt>,
}

/// A decision as answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionRecord {
    /// Decision index.
    pub decision: usize,
    /// When it was posed.
    pub posed_at: i64,
    /// Person asked.
    pub asked: Option<usize>,
    /// Whether the person asked was a backup for the role.
    pub asked_backup: bool,
    /// Option taken.
    pub option: usize,
    /// Seconds from posing to the answer (or to the deadline for a default).
    pub latency: i64,
    /// Whether the default applied.
    pub by_default: bool,
}

/// A supplier's course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SupplierRecord {
    /// Supplier index.
    pub supplier: usize,
    /// When cut off.
    pub cut_off_at: i64,
    /// Alternate switched to, and when.
    pub switched: Option<(usize, i64)>,
    /// When restored.
    pub restored_at: Option<i64>,
}

/// One line of the event log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogEntry {
    /// Scenario time.
    pub t: i64,
    /// What happened.
    pub kind: LogKind,
}

/// Everything the engine logs, by index into the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    /// An inject was delivered.
    Inject(usize),
    /// Site lost.
    SiteDown(usize),
    /// Site back.
    SiteUp(usize),
    /// System down.
    SystemDown(usize),
    /// System degraded.
    SystemDegraded(usize),
    /// System up (`true`: running at its fail-over site).
    SystemUp(usize, bool),
    /// Channel down.
    ChannelDown(usize),
    /// Channel up.
    ChannelUp(usize),
    /// Person unavailable until (None: the end).
    PersonUnavailable(usize, Option<i64>),
    /// Person available again.
    PersonAvailable(usize),
    /// Supplier cut off.
    SupplierCutOff(usize),
    /// Supplier switched to an alternate.
    SupplierSwitched(usize, usize),
    /// Supplier restored.
    SupplierRestored(usize),
    /// Function disrupted.
    FunctionDown(usize),
    /// Disruption detected by a role's person.
    Detected(usize, usize),
    /// A notification attempt ended (notification index, attempt index).
    Attempt(usize, usize),
    /// Role reached (notification index).
    Reached(usize),
    /// Nobody holding the role could be reached (notification index).
    Unreachable(usize),
    /// The role was handed to a backup person (role, person).
    Handover(usize, usize),
    /// Decision posed (record index).
    DecisionPosed(usize),
    /// Decision answered (record index).
    DecisionAnswered(usize),
    /// Disaster declared (person, role).
    Declared(usize, usize),
    /// A recovery step started (function, step).
    StepStarted(usize, usize),
    /// The step's runbook was unreachable (function, step, site).
    RunbookUnreachable(usize, usize, usize),
    /// A recovery step finished (function, step).
    StepFinished(usize, usize),
    /// Function recovered.
    FunctionRecovered(usize, RecoveredBy),
    /// Stakeholder notified (stakeholder, channel).
    StakeholderNotified(usize, usize),
    /// A call-tree notification passed its deadline unreached (notification index).
    NotificationLate(usize),
    /// A stakeholder's deadline passed without notice (stakeholder index).
    StakeholderLate(usize),
    /// An inject scheduled by a script was delivered (index into `script_injects`).
    ScriptInject(usize),
    /// A script wrote a line to the log (index into `script_lines`).
    ScriptLog(usize),
    /// The exercise ended.
    End,
}

impl LogKind {
    /// The event's name in `events.jsonl` and in scripts' `on_event`.
    pub fn name(self) -> &'static str {
        match self {
            LogKind::Inject(_) => "inject",
            LogKind::SiteDown(_) => "site_down",
            LogKind::SiteUp(_) => "site_up",
            LogKind::SystemDown(_) => "system_down",
            LogKind::SystemDegraded(_) => "system_degraded",
            LogKind::SystemUp(..) => "system_up",
            LogKind::ChannelDown(_) => "channel_down",
            LogKind::ChannelUp(_) => "channel_up",
            LogKind::PersonUnavailable(..) => "person_unavailable",
            LogKind::PersonAvailable(_) => "person_available",
            LogKind::SupplierCutOff(_) => "supplier_cut_off",
            LogKind::SupplierSwitched(..) => "supplier_switched",
            LogKind::SupplierRestored(_) => "supplier_restored",
            LogKind::FunctionDown(_) => "function_down",
            LogKind::Detected(..) => "detected",
            LogKind::Attempt(..) => "attempt",
            LogKind::Reached(_) => "reached",
            LogKind::Unreachable(_) => "unreachable",
            LogKind::Handover(..) => "handover",
            LogKind::DecisionPosed(_) => "decision_posed",
            LogKind::DecisionAnswered(_) => "decision_answered",
            LogKind::Declared(..) => "declared",
            LogKind::StepStarted(..) => "step_started",
            LogKind::RunbookUnreachable(..) => "runbook_unreachable",
            LogKind::StepFinished(..) => "step_finished",
            LogKind::FunctionRecovered(..) => "function_recovered",
            LogKind::StakeholderNotified(..) => "stakeholder_notified",
            LogKind::NotificationLate(_) => "notification_late",
            LogKind::StakeholderLate(_) => "stakeholder_late",
            LogKind::ScriptInject(_) => "inject",
            LogKind::ScriptLog(_) => "script_log",
            LogKind::End => "end",
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
    /// When a disaster was declared, by whom (person, role).
    pub declared: Option<(i64, usize, usize)>,
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
