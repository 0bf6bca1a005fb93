//! The phrases of `pick` and `programme`: the sealed brief, the notice, the weights,
//! the programme report and their messages.

/// What `pick` and `programme` write.
#[derive(Debug)]
pub struct ProgrammePhrases {
    /// Monday to Sunday, short.
    pub weekdays: [&'static str; 7],
    /// A wall-clock moment. Arguments: the date (YYYY-MM-DD), the weekday, the time (HH:MM).
    pub moment: fn(&str, &str, &str) -> String,
    pub kind_tabletop: &'static str,
    pub kind_live: &'static str,
    pub kind_unannounced: &'static str,
    /// When no kind was asked for.
    pub any_kind: &'static str,
    /// Argument: the scenario's title.
    pub brief_title: fn(&str) -> String,
    /// The warning at the top of the brief.
    pub sealed: &'static str,
    pub the_draw: &'static str,
    pub item: &'static str,
    pub value: &'static str,
    pub organisation: &'static str,
    pub scenario: &'static str,
    pub exercise_kind: &'static str,
    pub starts: &'static str,
    pub ends: &'static str,
    pub course_seed: &'static str,
    pub pick_seed: &'static str,
    pub date_range: &'static str,
    /// Before the command lines that play the course and repeat the pick.
    pub commands: &'static str,
    pub overview: &'static str,
    pub duration: &'static str,
    pub scope: &'static str,
    pub objectives: &'static str,
    pub variants: &'static str,
    pub variants_intro: &'static str,
    pub msel: &'static str,
    pub event: &'static str,
    pub wall_clock: &'static str,
    pub scenario_time: &'static str,
    pub inject: &'static str,
    pub from_to: &'static str,
    pub method: &'static str,
    pub expected_action: &'static str,
    /// The method of an inject a script adds in this course.
    pub scripted: &'static str,
    pub decisions: &'static str,
    pub no_decisions: &'static str,
    pub decision: &'static str,
    pub when: &'static str,
    pub role: &'static str,
    pub prompt: &'static str,
    pub options: &'static str,
    pub deadline: &'static str,
    pub default: &'static str,
    /// Arguments: the inject's event number, its wall-clock time.
    pub after_inject: fn(&str, &str) -> String,
    pub posed_by_script: &'static str,
    pub observe: &'static str,
    /// Arguments: the function's name, when it goes down, its RTO, when the RTO runs out.
    pub observe_function: fn(&str, &str, &str, &str) -> String,
    /// Arguments: the inject's event number, the action expected.
    pub observe_action: fn(&str, &str) -> String,
    /// Argument: the objective's text.
    pub observe_objective: fn(&str) -> String,
    pub why: &'static str,
    /// How weights are made, above the table.
    pub weights_rule: &'static str,
    pub register: &'static str,
    pub played_ago: &'static str,
    pub recency: &'static str,
    pub boost: &'static str,
    pub weight: &'static str,
    pub share: &'static str,
    pub note: &'static str,
    pub chosen: &'static str,
    pub never: &'static str,
    /// Argument: the scenario's first error against the plan.
    pub excluded_not_for_plan: fn(&str) -> String,
    /// Argument: the plan the scenario names.
    pub excluded_other_plan: fn(&str) -> String,
    pub excluded_unsuited: &'static str,
    /// Arguments: how many exercises ago it was played (1 = the last), the rotation's length.
    pub excluded_recent: fn(usize, usize) -> String,
    pub excluded_no_time: &'static str,
    pub notice_title: &'static str,
    /// Arguments: the organisation, the first and last day.
    pub notice_body: fn(&str, &str, &str) -> String,
    pub notice_respond: &'static str,
    /// Argument: the organisation.
    pub programme_title: fn(&str) -> String,
    /// Arguments: playable scenarios, scenarios in the library, past exercises.
    pub programme_intro: fn(usize, usize, usize) -> String,
    pub risks: &'static str,
    pub no_register: &'static str,
    pub risk: &'static str,
    pub score: &'static str,
    pub functions: &'static str,
    pub function: &'static str,
    pub priority: &'static str,
    pub last: &'static str,
    /// Arguments: the date, the kind, the scenario id.
    pub last_exercised: fn(&str, &str, &str) -> String,
    pub no_date: &'static str,
    pub gaps: &'static str,
    pub no_gaps: &'static str,
    /// Argument: the risk's name and id.
    pub gap_high_risk: fn(&str) -> String,
    pub gap_risk: fn(&str) -> String,
    /// Argument: the function's name and id.
    pub gap_function: fn(&str) -> String,
    pub gap_risk_never: fn(&str) -> String,
    pub gap_function_never: fn(&str) -> String,
    /// Argument: the calendar's first day.
    pub calendar_title: fn(&str) -> String,
    pub no_drills: &'static str,
    pub chosen_by_pick: &'static str,
    pub no_scenario_suits: &'static str,
    /// Argument: the seed drawn from the operating system.
    pub seed_drawn: fn(&str) -> String,
    /// Arguments: the kind, the first and last day (what `pick` prints: nothing sealed).
    pub picked: fn(&str, &str, &str) -> String,
    /// Argument: the library folder.
    pub error_empty_library: fn(&str) -> String,
    pub error_bad_range: &'static str,
    /// `programme --from` whose year runs past the last date the calendar can hold.
    pub error_year_too_late: &'static str,
    /// Argument: each scenario with why it is not a candidate, one per line.
    pub error_no_candidate: fn(&str) -> String,
    /// Arguments: the record, its plan's organisation, the plan's organisation.
    pub error_other_plan: fn(&str, &str, &str) -> String,
    /// Argument: the record.
    pub error_no_plan: fn(&str) -> String,
    /// A library scenario written for another plan, in `validate --library`. Argument: errors against the plan.
    pub not_for_plan: fn(usize) -> String,
}
