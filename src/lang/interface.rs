//! The catalogue's groups for what the command line itself says (beside the report and
//! the session's read-out): the words a facilitator types, typed durations that do not
//! read, `validate`'s summary lines, and the evidence lines under findings. Part of the
//! shape [`Catalogue`](super::Catalogue) each language fills.

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
