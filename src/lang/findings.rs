//! The catalogue's groups for findings: one per [`FindingKind`](crate::score::FindingKind),
//! with the title, the detail and each corrective action a detector may choose from the
//! facts. Part of the shape [`Catalogue`](super::Catalogue) each language fills.

/// One group per [`FindingKind`](crate::score::FindingKind).
pub struct FindingPhrases {
    /// Who owns an improvement item when the plan names no owner (`organisation.owner`).
    pub plan_owner: &'static str,
    /// How one notification attempt went, for the findings that list them.
    pub attempts: AttemptPhrases,
    pub runbooks_at_site: RunbooksAtSite,
    pub channels_on_system: ChannelsOnSystem,
    pub role_unreachable: RoleUnreachable,
    pub rto_missed: RtoMissed,
    pub declared_late: DeclaredLate,
    pub rpo_missed: RpoMissed,
    pub single_channel: SingleChannel,
    pub single_source: SingleSource,
    pub notification_late: NotificationLate,
    pub stakeholder_late: StakeholderLate,
    pub decision_default: DecisionDefault,
    pub not_declared: NotDeclared,
}

/// One attempt to reach someone. Arguments of each: the person, the channel, then what
/// the phrase says it takes.
pub struct AttemptPhrases {
    /// Arguments: person, channel, how long they took to answer.
    pub answered: fn(&str, &str, &str) -> String,
    /// Arguments: person, channel, how long the caller waited.
    pub no_answer: fn(&str, &str, &str) -> String,
    /// Arguments: person, channel.
    pub channel_down: fn(&str, &str) -> String,
    /// A call still unanswered when the exercise ended. Arguments: person, channel, when it began.
    pub pending: fn(&str, &str, &str) -> String,
    /// A long pause between two attempts. Arguments: from, to.
    pub gap: fn(&str, &str) -> String,
}

/// Runbooks of recovery steps kept at one site that went down: one finding per site.
pub struct RunbooksAtSite {
    /// Arguments: the site, how many steps.
    pub title: fn(&str, usize) -> String,
    /// Arguments: the site, when it went down, each step (from the two below).
    pub detail: fn(&str, &str, &[&str]) -> String,
    /// The step looked for its runbook. Arguments: the step, its function, the time it lost.
    pub step_slowed: fn(&str, &str, &str) -> String,
    /// No step reached for it while the site was down. Arguments: the step, its function.
    pub step_not_reached: fn(&str, &str) -> String,
    /// Arguments: the site, the steps' names (the phrase quotes them).
    pub corrective_action: fn(&str, &[&str]) -> String,
}

/// Notification channels that went down with one system they run on: one finding per system.
pub struct ChannelsOnSystem {
    /// Arguments: the channels, the system.
    pub title: fn(&[&str], &str) -> String,
    /// Arguments: the system, when it went down, per channel how many attempts found it down
    /// (from `attempts_down`).
    pub detail: fn(&str, &str, &[&str]) -> String,
    /// Arguments: the channel, how many attempts.
    pub attempts_down: fn(&str, usize) -> String,
    /// Arguments: the channels, the system, channels of the plan that do not need it.
    pub action_other_channels: fn(&[&str], &str, &[&str]) -> String,
    /// Every channel of the plan needs the system. Arguments: the channels, the system.
    pub action_no_other_channel: fn(&[&str], &str) -> String,
}

/// A role whose primary and backups could not be reached.
pub struct RoleUnreachable {
    /// Nobody was reached by the end. Arguments: the role.
    pub title: fn(&str) -> String,
    /// Someone was reached on a later round. Arguments: the role, how long after the call
    /// began, who was reached, when.
    pub title_reached_later: fn(&str, &str, &str, &str) -> String,
    /// Arguments: every attempt (from [`AttemptPhrases`]).
    pub detail: fn(&[&str]) -> String,
    /// The role has no backup. Arguments: every attempt.
    pub detail_no_backup: fn(&[&str]) -> String,
    /// Reached on a later round. Arguments: when, how long after the call began, the deadline.
    pub reached_later: fn(&str, &str, &str) -> String,
    /// Arguments: the role, its holders.
    pub corrective_action: fn(&str, &[&str]) -> String,
    /// Every attempt found its channel down. Arguments: the role, its holders, those channels.
    pub action_channels_down: fn(&str, &[&str], &[&str]) -> String,
}

/// A function back later than its RTO, or still down after it; the detail names the
/// hold-up the log shows (never the result again: the title and the criterion say it)
/// and the action follows from it. A function held up by the declaration is said once,
/// in [`DeclaredLate`].
pub struct RtoMissed {
    /// Arguments: the function, its RTO, what became of it (`back after 3h`, `not back
    /// at end (T+3:15)`).
    pub title: fn(&str, &str, &str) -> String,
    /// Names joined into one list ("A, B and C").
    pub names: fn(&[&str]) -> String,
    /// Arguments: the step, when it was ready, what kept it (a `hold_*` phrase).
    pub detail_step_never_started: fn(&str, &str, &str) -> String,
    /// Arguments: the step, how long it waited after it was ready, how much of that its
    /// longest hold took, what that hold was.
    pub detail_step_held_up: fn(&str, &str, &str, &str) -> String,
    /// No step waited.
    pub detail_not_completed: &'static str,
    /// A system the step needs was down. Argument: the system.
    pub hold_system: fn(&str) -> String,
    /// A channel the step needs was down. Argument: the channel.
    pub hold_channel: fn(&str) -> String,
    /// Nobody acting for the role could do it. Argument: the role.
    pub hold_role_unreachable: fn(&str) -> String,
    /// The role was being handed over. Argument: the role.
    pub hold_handover: fn(&str) -> String,
    /// The person acting was on another step. Argument: the role.
    pub hold_busy: fn(&str) -> String,
    /// The role was kept for a more urgent recovery. Argument: the role.
    pub hold_more_urgent: fn(&str) -> String,
    /// Arguments: the step, the system it waited for.
    pub action_hold_system: fn(&str, &str) -> String,
    /// Arguments: the step, the channel it waited for.
    pub action_hold_channel: fn(&str, &str) -> String,
    /// Arguments: the step, its role.
    pub action_hold_role_unreachable: fn(&str, &str) -> String,
    /// Arguments: the step, its role.
    pub action_hold_handover: fn(&str, &str) -> String,
    /// Arguments: the step, its role (busy on other steps, or kept for a more urgent one).
    pub action_hold_busy: fn(&str, &str) -> String,
    /// Arguments: the function, its RTO.
    pub action_procedure_too_long: fn(&str, &str) -> String,
    /// The procedure was done but the function waited for what it depends on.
    /// Arguments: when the procedure was done, the waits (`wait_first`, then `wait_then`).
    pub detail_waited_for_dependency: fn(&str, &[&str]) -> String,
    /// The first wait. Arguments: how long, what was missing (names), how it ended.
    pub wait_first: fn(&str, &str, &str) -> String,
    /// A later wait. Arguments: until when, what was still missing, how it ended.
    pub wait_then: fn(&str, &str, &str) -> String,
    /// Arguments: what came back, when.
    pub ended_back: fn(&str, &str) -> String,
    /// Arguments: the alternate, the supplier it replaced, when, the alternate's lead time.
    pub ended_replaced: fn(&str, &str, &str, &str) -> String,
    /// Still missing at the end. Argument: the end.
    pub ended_not: fn(&str) -> String,
    /// Arguments: the function, what it waited for.
    pub action_wait_for_dependency: fn(&str, &str) -> String,
}

/// Recovery waited for a declaration that came late: one finding for the one cause,
/// naming every function it held up; also the root cause the criteria quote.
pub struct DeclaredLate {
    /// Argument: how long after the first disruption it was declared.
    pub title: fn(&str) -> String,
    /// Arguments: how long after the outage, the unanswered decision's question, when its
    /// default applied.
    pub because_default: fn(&str, &str, &str) -> String,
    /// Arguments: how long after the outage, the declaring role, when it was reached.
    pub because_unreached: fn(&str, &str, &str) -> String,
    /// Argument: how long after the outage.
    pub because_slow: fn(&str) -> String,
    /// Follows the cause in the same paragraph (starts with the space a language puts
    /// between sentences, if any). Argument: the functions held up (joined).
    pub held: fn(&str) -> String,
    /// Arguments: the declaring role, how soon its holders should be reached.
    pub action_name_declarer: fn(&str, &str) -> String,
    /// Arguments: the functions held up (joined), how long the declaration took.
    pub action_trigger: fn(&str, &str) -> String,
}

/// A function that lost more data than its RPO allows.
pub struct RpoMissed {
    /// Arguments: the function, how much data was lost, its RPO.
    pub title: fn(&str, &str, &str) -> String,
    /// How much was lost when no copy could be reached.
    pub all_data_lost: &'static str,
    /// Arguments: how each of its systems is protected (from the three below).
    pub detail: fn(&[&str]) -> String,
    /// Arguments: the system's id, the backup interval.
    pub backup_every: fn(&str, &str) -> String,
    /// Arguments: the system's id, the replication lag.
    pub replica_lag: fn(&str, &str) -> String,
    /// Arguments: the system's id.
    pub no_backup: fn(&str) -> String,
    /// Arguments: the system, the RPO, the backup interval now.
    pub action_back_up_more_often: fn(&str, &str, &str) -> String,
    /// Arguments: the system, the RPO, the replica's lag now.
    pub action_cut_replica_lag: fn(&str, &str, &str) -> String,
    /// Arguments: the system, the RPO.
    pub action_start_backups: fn(&str, &str) -> String,
    /// The copies were as recent as the RPO needs but could not be reached. Arguments:
    /// the system, the site that held them.
    pub action_copy_elsewhere: fn(&str, &str) -> String,
}

/// Someone in the call tree with a single channel.
pub struct SingleChannel {
    /// Arguments: the person.
    pub title: fn(&str) -> String,
    /// Arguments: their one channel.
    pub detail: fn(&str) -> String,
    /// Arguments: the person, their channel, channels of the plan that do not share its systems.
    pub action_add: fn(&str, &str, &[&str]) -> String,
    /// No such channel in the plan. Arguments: the person, their channel.
    pub action_add_new: fn(&str, &str) -> String,
}

/// A supplier cut off with no alternate.
pub struct SingleSource {
    /// Arguments: the supplier.
    pub title: fn(&str) -> String,
    /// Arguments: when it was restored.
    pub detail_restored: fn(&str) -> String,
    /// Arguments: the end of the exercise.
    pub detail_still_cut_off: fn(&str) -> String,
    /// Arguments: the supplier.
    pub corrective_action: fn(&str) -> String,
}

/// A call-tree role reached after its deadline: the detail lists every attempt, what
/// the link allowed and the faster channel the person had; the action follows from it.
pub struct NotificationLate {
    /// Arguments: the role.
    pub title: fn(&str) -> String,
    /// Nobody was reached by the end. Arguments: the role, the end.
    pub title_not_reached: fn(&str, &str) -> String,
    /// Arguments: how long reaching them took, the deadline, every attempt.
    pub detail: fn(&str, &str, &[&str]) -> String,
    /// Never reached. Arguments: the end of the exercise, the deadline, every attempt.
    pub detail_not_reached: fn(&str, &str, &[&str]) -> String,
    /// Arguments: the link (`A → B`), the channels it allows.
    pub link_allows: fn(&str, &[&str]) -> String,
    /// The link names no channels. Arguments: the link.
    pub link_any_channel: fn(&str) -> String,
    /// Arguments: the person, the faster channel, how long they usually take on it.
    pub faster_channel: fn(&str, &str, &str) -> String,
    /// Arguments: the faster channel, the link.
    pub action_faster_first: fn(&str, &str) -> String,
    /// The link does not allow the faster channel. Arguments: the channel, the link.
    pub action_allow_faster: fn(&str, &str) -> String,
    /// Calls went unanswered. Arguments: the time they took, the role, the link.
    pub action_unanswered: fn(&str, &str, &str) -> String,
    /// The primary was known to be away when the call began, and the backup was tried
    /// only after the calls to the primary and the hand-over. Arguments: the primary, since
    /// when, the backup, the hand-over, the link.
    pub action_primary_away: fn(&str, &str, &str, &str, &str) -> String,
    /// Time went on unanswered calls though the role's holders share a group chat.
    /// Arguments: the time lost, the role, the group channel, the link.
    pub action_unanswered_group: fn(&str, &str, &str, &str) -> String,
    /// Time went on unanswered calls over every channel, the group chat too. Arguments:
    /// the time lost, the role, the link.
    pub action_unanswered_plain: fn(&str, &str, &str) -> String,
    /// The one who answered was slow, with no faster channel. Arguments: the person,
    /// the channel, how long they took, the link, its deadline.
    pub action_slow_answer: fn(&str, &str, &str, &str, &str) -> String,
}

/// A stakeholder notified after their deadline.
pub struct StakeholderLate {
    /// Arguments: the stakeholder, the deadline.
    pub title: fn(&str, &str) -> String,
    /// Arguments: when they were told (or not), the deadline, who began the notice.
    pub detail: fn(&str, &str, &str) -> String,
    /// Arguments: how long after the disruption, the channel.
    pub notified_after: fn(&str, &str) -> String,
    /// Arguments: the end.
    pub not_notified_by_end: fn(&str) -> String,
    /// Arguments: the person who took the notice on, when.
    pub owner_began: fn(&str, &str) -> String,
    /// Arguments: the owning role.
    pub nobody_began: fn(&str) -> String,
    /// Nobody acting for the owning role began the notice. Arguments: the stakeholder,
    /// the owning role, the deadline.
    pub action_owner_not_reached: fn(&str, &str, &str) -> String,
    /// Writing and sending took longer than getting started. Arguments: the stakeholder,
    /// the owning role, how long writing and sending took.
    pub action_template: fn(&str, &str, &str) -> String,
    /// Getting started took longer. Arguments: the stakeholder, the owning role, how
    /// long after the disruption the notice was begun.
    pub action_begin_sooner: fn(&str, &str, &str) -> String,
    /// The owner was reached late; another role knew early. Arguments: the stakeholder,
    /// the owner, when the owner was reached, the role that knew early, when.
    pub action_delegate: fn(&str, &str, &str, &str, &str) -> String,
    /// Nobody acting for the owner began it, and the owner's only caller was never
    /// reached. Arguments: the stakeholder, the owner, its caller, a role that was reached.
    pub action_link_from_reached: fn(&str, &str, &str, &str) -> String,
    /// The owner was never reached; another role knew. Arguments: the stakeholder, the
    /// owner, the role that knew, when.
    pub action_delegate_unreached: fn(&str, &str, &str, &str) -> String,
}

/// A decision nobody answered in time, so its default applied.
pub struct DecisionDefault {
    /// Arguments: the decision's question, its deadline.
    pub title: fn(&str, &str) -> String,
    /// Arguments: the person asked, when, the default option's label, when it applied.
    pub detail: fn(&str, &str, &str, &str) -> String,
    /// Arguments: the role nobody could be asked for, the default, when it applied.
    pub detail_nobody_asked: fn(&str, &str, &str) -> String,
    /// The role has a backup. Arguments: the role, the person asked, the backup, the deadline.
    pub action_backup_answers: fn(&str, &str, &str, &str) -> String,
    /// The role has no backup. Arguments: the role, the person asked.
    pub action_name_backup: fn(&str, &str) -> String,
    /// Nobody holding the role could be asked. Arguments: the role.
    pub action_nobody_asked: fn(&str) -> String,
    /// The default declared the disaster; follows the detail (starts with the space a
    /// language puts between sentences, if any). Argument: the functions whose recovery
    /// waited for it (joined).
    pub declared_the_disaster: fn(&str) -> String,
}

/// Functions went down, nobody declared, and recovery never started.
pub struct NotDeclared {
    pub title: &'static str,
    /// Arguments: the end of the exercise, the functions still down after their RTO.
    pub detail: fn(&str, &[&str]) -> String,
    /// Arguments: the role that owns the declaration.
    pub corrective_action: fn(&str) -> String,
}
