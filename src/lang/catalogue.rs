//! The shape every language's catalogue must fill: one field per phrase, so a catalogue
//! that leaves one out does not compile.
//!
//! Phrases that embed names, durations or counts are functions, so that each language
//! puts the pieces in its own order. Their arguments arrive ready to print: durations
//! already written by [`Lang::duration`](super::Lang::duration), names as the plan and
//! scenario spell them. Each function's documentation lists its arguments in order.
//!
//! Size: this file is long because it is a table, one field per phrase, grouped by where
//! the phrase appears; it holds no logic, and keeping one shape in one file is what lets
//! a missing phrase fail to compile in every language at once.

use serde::Serialize;

pub use super::compare::ComparePhrases;
pub use super::interface::{CliPhrases, CommandWords, EvidencePhrases, TypedTimePhrases};
pub use super::montecarlo::MonteCarloPhrases;

/// Every phrase of one language, grouped by where it appears.
pub struct Catalogue {
    /// How durations are written.
    pub durations: DurationUnits,
    /// The HSEEP exercise types, as the overview names them.
    pub exercise_types: ExerciseTypes,
    /// Headings and labels that report templates read as `t.<field>`.
    pub report: ReportText,
    /// Labels the report renderers put in cells, charts and the CSV header.
    pub labels: ReportLabels,
    /// Words in the scorecard's tables when there is no duration to show.
    pub scorecard: ScorecardPhrases,
    /// The appendix timeline's lines.
    pub timeline: TimelinePhrases,
    /// What each objective criterion asks and what happened.
    pub criteria: CriterionPhrases,
    /// Why an objective got its rating.
    pub ratings: RatingPhrases,
    /// Titles, details and corrective actions of findings.
    pub findings: FindingPhrases,
    /// What a live session prints at the table: read-out, board, prompts and replies.
    pub play: PlayPhrases,
    /// The summary `run` and `play` print when they finish.
    pub summary: SummaryPhrases,
    /// The column headings `msel export` writes.
    pub msel: MselHeaders,
    /// The words that name `play`'s commands.
    pub commands: CommandWords,
    /// Why a duration typed at the `play` prompt does not read.
    pub typed_time: TypedTimePhrases,
    /// `validate`'s lines, the warning summary, refused settings.
    pub cli: CliPhrases,
    /// The evidence lines under findings.
    pub evidence: EvidencePhrases,
    /// `montecarlo`'s report, summary and messages.
    pub montecarlo: MonteCarloPhrases,
    /// What `compare` and `diff` write.
    pub compare: ComparePhrases,
}

/// The unit after each number of a duration (`1h 50m`, `1小时50分`) and what goes
/// between the parts.
pub struct DurationUnits {
    pub day: &'static str,
    pub hour: &'static str,
    pub minute: &'static str,
    pub second: &'static str,
    /// Between two parts; may be empty for languages that write them together.
    pub separator: &'static str,
}

/// One name per [`ExerciseType`](crate::format::scenario::ExerciseType).
pub struct ExerciseTypes {
    pub seminar: &'static str,
    pub workshop: &'static str,
    pub tabletop: &'static str,
    pub game: &'static str,
    pub drill: &'static str,
    pub functional: &'static str,
    pub full_scale: &'static str,
}

/// The report's fixed headings and labels. The field names are the keys user templates
/// use (`{{ t.aar }}`), so renaming one breaks their templates.
#[derive(Serialize)]
pub struct ReportText {
    pub aar: &'static str,
    pub overview: &'static str,
    pub exercise_name: &'static str,
    pub organisation: &'static str,
    pub date: &'static str,
    // `type` is a Rust keyword; templates have always said `t.type`.
    #[serde(rename = "type")]
    pub exercise_type: &'static str,
    pub scope: &'static str,
    pub scenario: &'static str,
    pub sponsor: &'static str,
    pub duration: &'static str,
    pub seed: &'static str,
    pub unannounced: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub participants: &'static str,
    pub objectives: &'static str,
    pub capability: &'static str,
    pub summary: &'static str,
    pub function: &'static str,
    pub priority: &'static str,
    pub back_after: &'static str,
    pub met: &'static str,
    pub data_lost: &'static str,
    pub declared: &'static str,
    pub declared_by: &'static str,
    /// Before the person when the declaration was a decision's default.
    pub declared_by_default: &'static str,
    pub not_declared: &'static str,
    pub call_tree: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub reached: &'static str,
    pub channel: &'static str,
    pub delay: &'static str,
    pub deadline: &'static str,
    pub attempts: &'static str,
    pub stakeholders: &'static str,
    pub stakeholder: &'static str,
    pub decisions: &'static str,
    pub decision: &'static str,
    pub option: &'static str,
    pub answered_by: &'static str,
    pub latency: &'static str,
    /// The decisions table: who the question went to, and what became of it.
    pub asked: &'static str,
    pub outcome: &'static str,
    /// The analysis: criteria that could not be assessed, with the reason.
    pub not_assessed: &'static str,
    /// The overview: when the exercise ended.
    pub ended_at: &'static str,
    pub by_default: &'static str,
    pub by_backup: &'static str,
    pub recovery_order: &'static str,
    pub order_kept: &'static str,
    pub order_broken: &'static str,
    pub timeline_chart: &'static str,
    pub curve_chart: &'static str,
    pub analysis: &'static str,
    pub rating: &'static str,
    pub strengths: &'static str,
    pub improvements: &'static str,
    pub none: &'static str,
    pub findings: &'static str,
    pub no_findings: &'static str,
    pub evidence: &'static str,
    pub corrective_action: &'static str,
    pub responsible: &'static str,
    pub improvement_plan: &'static str,
    pub number: &'static str,
    pub issue: &'static str,
    pub capability_element: &'static str,
    pub org: &'static str,
    pub start: &'static str,
    pub completion: &'static str,
    pub appendix: &'static str,
    pub facilitator_notes: &'static str,
    pub facilitator_notes_intro: &'static str,
    /// The language's punctuation between the report's fixed words and its values (a
    /// Chinese report uses full-width marks): `colon` after a label, `stop` at the end of
    /// a sentence, `lparen`/`rparen` around a remark, `comma` between two names.
    pub colon: &'static str,
    pub stop: &'static str,
    pub lparen: &'static str,
    pub rparen: &'static str,
    pub comma: &'static str,
    /// Between the items of a list (`、` in Chinese).
    pub list: &'static str,
    pub time: &'static str,
    pub event: &'static str,
    pub observations: &'static str,
    pub rating_p: &'static str,
    pub rating_s: &'static str,
    pub rating_m: &'static str,
    pub rating_u: &'static str,
    pub rating_none: &'static str,
    /// The capability elements (POETE); also the improvement plan's capability column.
    pub planning: &'static str,
    pub organisation_el: &'static str,
    pub equipment: &'static str,
    pub training: &'static str,
    pub exercise: &'static str,
    /// The closing line on how the report was made.
    pub generated: &'static str,
}

/// Labels the renderers write themselves rather than through `t.<field>`.
pub struct ReportLabels {
    /// A rating with its letter, as the `rating` filter writes it (`P: performed …`).
    pub rating_p: &'static str,
    pub rating_s: &'static str,
    pub rating_m: &'static str,
    pub rating_u: &'static str,
    /// An objective none of whose criteria could be assessed.
    pub not_rated: &'static str,
    /// A missed target in the `yesno` filter; met targets use [`ReportText::yes`].
    pub not_met: &'static str,
    /// A cell with nothing to show.
    pub no_value: &'static str,
    /// The improvement-plan CSV column holding the finding's id.
    pub finding_column: &'static str,
    /// The x axis of the call-tree curve.
    pub curve_axis: &'static str,
    /// The RTO and MTD markers on the recovery timeline chart.
    pub chart_rto: &'static str,
    pub chart_mtd: &'static str,
    /// The recovery timeline's time axis (exercise time from T+0).
    pub chart_time_axis: &'static str,
    /// The call-tree curve's y axis.
    pub chart_share_reached: &'static str,
    /// Legend of the recovery timeline: the three kinds of bar and the end line.
    pub chart_within_rto: &'static str,
    pub chart_after_rto: &'static str,
    pub chart_not_back: &'static str,
    pub chart_end: &'static str,
    /// The call-tree curve's deadline when no objective sets one: the plan's latest
    /// link deadline in this run, as a duration after the disruption.
    pub chart_plan_deadline: fn(&str) -> String,
    /// The unit of year ticks on a time axis (`5y`); shorter ticks use the duration units.
    pub chart_year: &'static str,
}

/// Table cells where a duration would go but there is none.
pub struct ScorecardPhrases {
    /// A function the scenario never disrupted.
    pub not_disrupted: &'static str,
    /// A function still down at the end of the exercise. Arguments: the end, `T+3:15`.
    pub not_back_at_end: fn(&str) -> String,
    /// Data loss when no copy could be restored.
    pub all_data: &'static str,
    /// A call-tree role nobody reached.
    pub not_reached: &'static str,
    /// A stakeholder never notified.
    pub not_notified: &'static str,
    /// A decision answered in time. Arguments: who answered, how long it took.
    pub decision_answered: fn(&str, &str) -> String,
    /// Nobody answered and the default applied. Arguments: when it applied, `T+0:51`.
    pub decision_defaulted: fn(&str) -> String,
    /// Nobody had answered and the default was due after the end. Arguments: the end,
    /// when the default was due.
    pub decision_open_at_end: fn(&str, &str) -> String,
    /// Nobody acting for the role knew of the disruption before the end, so nobody was
    /// asked and nothing was decided (no default either). Arguments: the role, the end.
    pub decision_never_asked: fn(&str, &str) -> String,
    /// The recovery order when every disrupted function came back, none too early.
    pub order_kept: &'static str,
    /// The recovery order when nothing was disrupted.
    pub order_nothing_disrupted: &'static str,
    /// Arguments: the function back first, the more urgent one back later (both with `(P1)`).
    pub order_back_before: fn(&str, &str) -> String,
    /// Arguments: the function back first, the more urgent one still down at the end.
    pub order_back_while_down: fn(&str, &str) -> String,
    /// Arguments: the functions still down, the end.
    pub order_not_back: fn(&[&str], &str) -> String,
}

/// Lines of the appendix timeline.
pub struct TimelinePhrases {
    /// Arguments: the person who noticed the disruption, their role.
    pub detected: fn(&str, &str) -> String,
    /// Arguments: the person reached, the role they were called for, the channel.
    pub reached: fn(&str, &str, &str) -> String,
    /// Arguments: the role nobody could be reached for.
    pub nobody_reached: fn(&str) -> String,
    /// Arguments: the decision's question, the option taken, who answered.
    pub decision_answered: fn(&str, &str, &str) -> String,
    /// Nobody answered. Arguments: the decision's question, the default option.
    pub decision_defaulted: fn(&str, &str) -> String,
    /// Arguments: the person who declared, their role.
    pub declared: fn(&str, &str) -> String,
    /// Arguments: the function.
    pub function_down: fn(&str) -> String,
    /// Arguments: the function.
    pub function_recovered: fn(&str) -> String,
    /// Arguments: the stakeholder, the channel.
    pub stakeholder_notified: fn(&str, &str) -> String,
}

/// An objective's criteria: what each asks, then what happened in the run.
pub struct CriterionPhrases {
    /// Arguments: the function, its RTO.
    pub within_rto: fn(&str, &str) -> String,
    /// Arguments: the function, its MTD.
    pub within_mtd: fn(&str, &str) -> String,
    /// Arguments: the function, its RPO.
    pub within_rpo: fn(&str, &str) -> String,
    /// Every disrupted function back within its RTO.
    pub all_within_rto: &'static str,
    /// Arguments: the stakeholder, the deadline.
    pub stakeholder_notified: fn(&str, &str) -> String,
    /// Arguments: the time allowed.
    pub declared_within: fn(&str) -> String,
    /// Arguments: the time allowed.
    pub call_tree_within: fn(&str) -> String,
    /// Arguments: the decision's question, the time allowed.
    pub decision_within: fn(&str, &str) -> String,
    /// The criterion's subject was not disrupted, so it cannot be assessed.
    pub not_disrupted: &'static str,
    /// A criterion about the whole response (declaration, call tree, a notice) when no
    /// function was disrupted at all.
    pub nothing_disrupted: &'static str,
    /// Arguments: how long the function took to come back.
    pub back_after: fn(&str) -> String,
    /// What was still missing when a criterion's window was still open at the end: a
    /// function not back.
    pub not_back: &'static str,
    /// Arguments: the functions still down.
    pub still_down: fn(&[&str]) -> String,
    /// Not assessable: the exercise ended before the time allowed ran out. Arguments:
    /// what was still missing (`not back`, `not declared`…), the end.
    pub window_open: fn(&str, &str) -> String,
    /// Still missing at the end: no declaration yet.
    pub not_declared: &'static str,
    /// Still missing at the end: no answer yet.
    pub no_answer: &'static str,
    /// Arguments: how much data was lost.
    pub lost: fn(&str) -> String,
    /// No copy of the data could be reached.
    pub no_reachable_copy: &'static str,
    /// Arguments: the functions that missed their RTO.
    pub missed: fn(&[&str]) -> String,
    /// Arguments: how long after the disruption it happened.
    pub after: fn(&str) -> String,
    /// The stakeholder was never notified.
    pub not_notified: &'static str,
    /// Nobody declared a disaster, and the time allowed had passed. Arguments: the end.
    pub never_declared: fn(&str) -> String,
    /// Arguments: when the last role in the call tree was reached.
    pub complete_after: fn(&str) -> String,
    /// Some role in the call tree was never reached.
    pub not_everyone_reached: &'static str,
    /// The decision never came up in this run.
    pub not_posed: &'static str,
    /// A stakeholder's owner was never called because the role that calls it was never
    /// reached. Arguments: the owner, the first role up the call tree nobody reached.
    pub owner_never_called: fn(&str, &str) -> String,
    /// Nobody holding the stakeholder's owner could be reached. Argument: the owner.
    pub owner_unreachable: fn(&str) -> String,
}

/// The reason given with an objective's rating.
pub struct RatingPhrases {
    /// Arguments: the findings behind a missed criterion (titles or details).
    pub root_cause: fn(&[&str]) -> String,
    /// No criterion of the objective could be assessed. Arguments: why, per criterion.
    pub not_rated: fn(&[&str]) -> String,
    /// Rating P. Arguments: criteria met, criteria assessed (the same number).
    pub all_met: fn(usize, usize) -> String,
    /// Rating S. Arguments: criteria met, criteria assessed.
    pub narrowly_missed: fn(usize, usize) -> String,
    /// Ratings M and U. Arguments: criteria met, criteria assessed.
    pub some_met: fn(usize, usize) -> String,
    /// Added when some criteria could not be assessed. Arguments: how many.
    pub partly_assessed: fn(usize) -> String,
    /// A criterion and what was measured. Arguments: the criterion, the detail.
    pub criterion: fn(&str, &str) -> String,
    /// A missed criterion with its root cause. Arguments: the criterion, the detail, the
    /// root cause (from `root_cause`).
    pub criterion_caused: fn(&str, &str, &str) -> String,
}

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

/// What `play` prints at the table. Lines about events start with the scenario time
/// (`T+0:21`), written by the caller; the phrase is what follows it.
pub struct PlayPhrases {
    /// Arguments: the scenario's title, the seed.
    pub welcome: fn(&str, &str) -> String,
    /// The commands, for `help`.
    pub help: &'static str,
    /// The prompt while a decision waits for the team.
    pub decision_prompt: &'static str,
    /// Arguments: the scenario's title, where the session stands, the journal.
    pub resumed: fn(&str, &str, &str) -> String,
    /// Arguments: where the exercise ended, the output folder.
    pub ended: fn(&str, &str) -> String,
    /// Arguments: the journal whose half-written last line was cut away on resume.
    pub cut_back: fn(&str) -> String,
    /// Arguments: the inject's number, its title.
    pub inject: fn(&str, &str) -> String,
    /// Before the inject's recipients, method and expected action as it is read out.
    pub inject_to: &'static str,
    pub inject_by: &'static str,
    pub inject_expected: &'static str,
    /// Arguments: the person, their role.
    pub detected: fn(&str, &str) -> String,
    /// Arguments: the person, their role.
    pub reached: fn(&str, &str) -> String,
    /// Arguments: the person, their role, the channel.
    pub reached_by: fn(&str, &str, &str) -> String,
    /// Arguments: the role.
    pub nobody_reached: fn(&str) -> String,
    /// Arguments: the role.
    pub notification_late: fn(&str) -> String,
    /// Arguments: the person, their role.
    pub declared: fn(&str, &str) -> String,
    /// Arguments: the function.
    pub function_down: fn(&str) -> String,
    /// Arguments: the function.
    pub function_back: fn(&str) -> String,
    /// Arguments: the function, back because what caused the outage went away.
    pub function_back_cause_gone: fn(&str) -> String,
    /// Arguments: the stakeholder, the channel.
    pub stakeholder_notified: fn(&str, &str) -> String,
    /// Arguments: the stakeholder.
    pub stakeholder_late: fn(&str) -> String,
    /// Arguments: the option taken.
    pub decided: fn(&str) -> String,
    /// Arguments: the option that applied by default.
    pub decided_by_default: fn(&str) -> String,
    /// Arguments: the supplier.
    pub supplier_cut_off: fn(&str) -> String,
    /// Arguments: the supplier, its alternate.
    pub supplier_switched: fn(&str, &str) -> String,
    /// Arguments: the person asked, their role, the question.
    pub decision_for: fn(&str, &str, &str) -> String,
    /// In place of a person: nobody could be asked.
    pub nobody: &'static str,
    /// After the default option in the list of options.
    pub default_marker: &'static str,
    /// Arguments: the deadline, an option id to show as an example.
    pub deadline_hint: fn(&str, &str) -> String,
    /// Arguments: the deadline, the default option's id.
    pub answer_after_deadline: fn(&str, &str) -> String,
    /// Arguments: the scenario time the clock stands at.
    pub clock_forward_only: fn(&str) -> String,
    pub no_decision_pending: &'static str,
    pub answer_first: &'static str,
    pub noted: &'static str,
    pub no_more_events: &'static str,
    /// Arguments: why the time could not be read.
    pub jump_where: fn(&str) -> String,
    pub note_what: &'static str,
    /// Arguments: what was typed, the options.
    pub not_an_option: fn(&str, &[&str]) -> String,
    /// Arguments: what was typed.
    pub not_a_command: fn(&str) -> String,
    /// Arguments: what was typed, the command or option it was probably meant to be.
    pub did_you_mean: fn(&str, &str) -> String,
    /// An answer past its deadline, before it is journaled. Arguments: the option, the
    /// latency, the deadline, the default option.
    pub confirm_late: fn(&str, &str, &str, &str) -> String,
    /// The prompt while a late answer waits for confirmation.
    pub confirm_prompt: &'static str,
    /// Neither yes nor no while a late answer waits for confirmation.
    pub yes_or_no: &'static str,
    /// The late answer was not confirmed: the question is still open.
    pub not_recorded: &'static str,
    /// Arguments: the scenario time.
    pub board_title: fn(&str) -> String,
    /// Arguments: what is down (or [`PlayPhrases::board_none`]).
    pub board_down: fn(&str) -> String,
    /// Arguments: who has been reached (or [`PlayPhrases::board_none`]).
    pub board_reached: fn(&str) -> String,
    pub board_none: &'static str,
    /// Arguments: when, by whom.
    pub board_declared: fn(&str, &str) -> String,
    pub board_not_declared: &'static str,
    /// Arguments: the function, how long it was down, its RTO.
    pub board_back: fn(&str, &str, &str) -> String,
    /// Arguments: the function, how long it has been down, the RTO clock.
    pub board_down_for: fn(&str, &str, &str) -> String,
    /// Arguments: time left, the RTO.
    pub rto_left: fn(&str, &str) -> String,
    /// Arguments: the RTO, by how much it was missed.
    pub rto_missed: fn(&str, &str) -> String,
}

/// The summary `run` and `play` print on the terminal when they finish.
pub struct SummaryPhrases {
    /// Arguments: the scenario's id, its title, the seed.
    pub title: fn(&str, &str, &str) -> String,
    /// The table's column headings.
    pub function: &'static str,
    pub rto: &'static str,
    pub back_after: &'static str,
    pub met: &'static str,
    pub rpo: &'static str,
    pub data_lost: &'static str,
    pub yes: &'static str,
    /// Capitals in English, so that a miss stands out in a plain terminal.
    pub no: &'static str,
    /// Arguments: when the exercise ended.
    pub not_back_at_end: fn(&str) -> String,
    /// Data lost when no copy could be restored.
    pub all_data: &'static str,
    pub nothing_disrupted: &'static str,
    /// Arguments: how long after the disruption, who.
    pub declared_after: fn(&str, &str) -> String,
    /// The declaration was the default of a decision nobody answered. Arguments: how
    /// long after the disruption, the person who was asked.
    pub declared_after_default: fn(&str, &str) -> String,
    pub not_declared: &'static str,
    /// Arguments: roles reached, roles in the call tree, how many late.
    pub call_tree: fn(&str, &str, &str) -> String,
    /// Arguments: the stakeholder, what happened, against the deadline.
    pub stakeholder: fn(&str, &str, &str) -> String,
    /// Arguments: how long after the disruption.
    pub notified_after: fn(&str) -> String,
    pub not_notified: &'static str,
    pub within_deadline: &'static str,
    pub late: &'static str,
    pub deadline_not_reached: &'static str,
    /// Arguments: the files written, the folder.
    pub wrote: fn(&str, &str) -> String,
    /// `rerun` found the same results. Arguments: the record's folder, the seed.
    pub reproduced: fn(&str, &str) -> String,
    /// `rerun` found other results. Arguments: the record's folder, the line number,
    /// the recorded line, the replayed line.
    pub not_reproduced: fn(&str, &str, &str, &str) -> String,
    /// Said when a record made by another release did not reproduce. Arguments: the
    /// release that made it, this release.
    pub other_release: fn(&str, &str) -> String,
}

/// The column headings of an exported MSEL (HSEEP's columns, plus sandtable's row kind
/// and effects). `msel import` recognises them in every language.
pub struct MselHeaders {
    pub event: &'static str,
    pub time: &'static str,
    pub kind: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub method: &'static str,
    pub expected_action: &'static str,
    pub objectives: &'static str,
    pub notes: &'static str,
    pub effects: &'static str,
}
