//! The shape every language's catalogue must fill: one field per phrase, so a catalogue
//! that leaves one out does not compile.
//!
//! Phrases that embed names, durations or counts are functions, so that each language
//! puts the pieces in its own order. Their arguments arrive ready to print: durations
//! already written by [`Lang::duration`](super::Lang::duration), names as the plan and
//! scenario spell them. Each function's documentation lists its arguments in order.
//!
//! This file holds the report's groups (text, labels, scorecard, timeline, criteria,
//! ratings); the findings' groups are in `findings.rs`, what the command line says in
//! `interface.rs`, `compare` and `montecarlo` in files of their own.

use serde::Serialize;

pub use super::compare::ComparePhrases;
pub use super::findings::*;
pub use super::interface::{
    CliPhrases, CommandWords, EvidencePhrases, MselHeaders, PlayPhrases, SummaryPhrases, TypedTimePhrases,
};
pub use super::montecarlo::{MonteCarloPhrases, StudyPhrases};
pub use super::programme::ProgrammePhrases;
pub use super::shards::ShardPhrases;

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
    /// `--shard`, partial aggregates, `merge`, a study stopped by Ctrl-C.
    pub shards: ShardPhrases,
    /// `montecarlo`'s notices, drivers, what-if and HTML page.
    pub study: StudyPhrases,
    /// What `compare` and `diff` write.
    pub compare: ComparePhrases,
    /// What `pick` and `programme` write.
    pub programme: ProgrammePhrases,
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
