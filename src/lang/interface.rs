//! The catalogue's groups for what the command line itself says (beside the report):
//! `play`'s read-out and prompts, the words a facilitator types, typed durations that do
//! not read, the summary `run` and `play` print, `validate`'s lines, the MSEL export's
//! headings, and the evidence lines under findings. Part of the shape
//! [`Catalogue`](super::Catalogue) each language fills.

/// The words that name each `play` command. English words are accepted in every
/// language; a language adds its own. One- and two-letter shorthands are not offered as
/// "did you mean" suggestions.
pub struct CommandWords {
    pub next: &'static [&'static str],
    pub jump: &'static [&'static str],
    pub board: &'static [&'static str],
    pub note: &'static [&'static str],
    pub end: &'static [&'static str],
    pub help: &'static [&'static str],
    pub default: &'static [&'static str],
    /// Confirming a late answer.
    pub yes: &'static [&'static str],
    pub no: &'static [&'static str],
}

/// Why a duration typed at the `play` prompt does not read (a [`TimeError`](crate::time::TimeError)).
pub struct TypedTimePhrases {
    pub empty: &'static str,
    /// Arguments: the text.
    pub bad_clock: fn(&str) -> String,
    /// Arguments: the text.
    pub clock_range: fn(&str) -> String,
    /// Arguments: the text.
    pub too_large: fn(&str) -> String,
    /// Arguments: the text, what stands where a number should.
    pub no_number: fn(&str, &str) -> String,
    /// Arguments: the number.
    pub no_unit: fn(&str) -> String,
    /// Arguments: the text, what was probably meant (`2h30` → `2h30m`).
    pub last_unit_missing: fn(&str, &str) -> String,
    /// Arguments: the unit.
    pub not_a_unit: fn(&str) -> String,
    /// Arguments: the part.
    pub not_whole: fn(&str) -> String,
}

/// What the command line says besides diagnostics: `validate`'s lines, the warning
/// summary, refused settings.
pub struct CliPhrases {
    /// A file with nothing to say about it.
    pub ok: &'static str,
    /// Arguments: errors, warnings.
    pub counts: fn(usize, usize) -> String,
    /// Arguments: the files with errors.
    pub invalid: fn(&[&str]) -> String,
    /// Instead of every warning, on the projector. Arguments: how many, the scenario file.
    pub warnings_summary: fn(usize, &str) -> String,
    /// Arguments: the pace as typed.
    pub bad_pace: fn(&str) -> String,
    /// Arguments: the value of `SANDTABLE_LANG`.
    pub bad_lang_variable: fn(&str) -> String,
}

/// The evidence lines under findings: what the event log shows, by id.
pub struct EvidencePhrases {
    /// Arguments: function/step, the site.
    pub runbook_unreachable: fn(&str, &str) -> String,
    /// Arguments: the site, function/step.
    pub runbook_site_down: fn(&str, &str) -> String,
    /// Arguments: the person, the channel.
    pub attempt_channel_down: fn(&str, &str) -> String,
    /// Arguments: the channel.
    pub channel_down: fn(&str) -> String,
    /// Arguments: the site.
    pub site_down: fn(&str) -> String,
    /// Arguments: the system.
    pub system_down: fn(&str) -> String,
    /// A step that found its runbook missing. Arguments: function/step, the delay.
    pub runbook_delay: fn(&str, &str) -> String,
    /// Arguments: the role, the person reached.
    pub reached: fn(&str, &str) -> String,
    /// Arguments: the role reached (its acting person is not named).
    pub role_reached: fn(&str) -> String,
    /// Arguments: the person, the role.
    pub declared_by: fn(&str, &str) -> String,
    /// A ready step held. Arguments: the step, what held it (`system core-db`, `busy`), how long.
    pub step_held: fn(&str, &str, &str) -> String,
    /// What held a ready step, for `step_held`. Arguments of the first two: the id.
    pub held_by_system: fn(&str) -> String,
    pub held_by_channel: fn(&str) -> String,
    pub held_by_unreachable_role: &'static str,
    pub held_by_handover: &'static str,
    pub held_by_busy: &'static str,
    pub held_by_more_urgent: &'static str,
    /// A dependency waited for. Arguments: it, from, until, how the wait ended (one of the three below).
    pub waited_until: fn(&str, &str, &str, &str) -> String,
    /// Arguments: the alternate that took over.
    pub replaced_by: fn(&str) -> String,
    pub came_back: &'static str,
    pub still_missing: &'static str,
    /// Arguments: the role.
    pub unreachable: fn(&str) -> String,
    /// Arguments: the person, the channel, how the attempt ended (one of the four below).
    pub attempt: fn(&str, &str, &str) -> String,
    pub answered: &'static str,
    pub no_answer: &'static str,
    pub channel_was_down: &'static str,
    pub pending: &'static str,
    /// Arguments: the function.
    pub function_down: fn(&str) -> String,
    /// Arguments: the supplier.
    pub supplier_cut_off: fn(&str) -> String,
    /// Arguments: the supplier.
    pub supplier_restored: fn(&str) -> String,
    /// Arguments: the role.
    pub notification_late: fn(&str) -> String,
    /// Arguments: the stakeholder.
    pub stakeholder_late: fn(&str) -> String,
    /// Arguments: the stakeholder, the channel.
    pub stakeholder_notified: fn(&str, &str) -> String,
    /// Arguments: the decision, the person asked.
    pub decision_asked: fn(&str, &str) -> String,
    /// Arguments: the decision, the role nobody held.
    pub decision_posed_nobody: fn(&str, &str) -> String,
    /// Arguments: the option.
    pub default_applied: fn(&str) -> String,
    pub declared: &'static str,
    /// Arguments: the step, when the exercise ended.
    pub step_ready_not_started: fn(&str, &str) -> String,
    /// Arguments: the step.
    pub step_ready: fn(&str) -> String,
    /// Arguments: the step.
    pub step_started: fn(&str) -> String,
    pub procedure_done: &'static str,
    /// Arguments: what was waited for, from, until.
    pub waited_for: fn(&str, &str, &str) -> String,
    /// Arguments: the decision, the option answered.
    pub answer_not_declaring: fn(&str, &str) -> String,
    /// Arguments: the decision, the option applied by default.
    pub default_not_declaring: fn(&str, &str) -> String,
    pub end_not_declared: &'static str,
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
