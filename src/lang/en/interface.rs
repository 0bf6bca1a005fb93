//! English: what the command line says (play's read-out and prompts, command words,
//! typed durations, the summary, validate's lines, MSEL headings, evidence lines).

use crate::lang::catalogue::*;

pub(super) const PLAY: PlayPhrases = PlayPhrases {
    welcome: |title, seed| format!("{title} — seed {seed}. Type `help` for the commands."),
    help: "\
  next (or Enter)   move on to the next event
  jump T+2:00       move the clock on to a scenario time (also: jump 90m)
  board             show what is down, who has been reached, the RTO clocks
  note TEXT         record an observation for the report
  end               end the exercise and write the report
  help              this list
When a decision is pending, type an option id, optionally with how long the team took
(`declare 8m`); without it, the time since the question times the pace is used.
`default` lets the deadline pass. An answer past its deadline is recorded only once you
confirm it (y/n). Durations may be written as 8m, 1h 30m, 两小时 or 半小时.",
    decision_prompt: "decision> ",
    resumed: |title, at, journal| format!("resumed {title} at {at} from {journal}"),
    ended: |at, out| format!("The exercise ended at {at}. Wrote the report to {out}."),
    cut_back: |journal| format!("{journal}: cut back to its last complete entry; the session continues from there."),
    inject: |number, title| format!("INJECT #{number}  {title}"),
    inject_to: "to: ",
    inject_by: "by: ",
    inject_expected: "expected: ",
    detected: |person, role| format!("detected by {person} ({role})"),
    reached: |person, role| format!("reached {person} ({role})"),
    reached_by: |person, role, channel| format!("reached {person} ({role}) by {channel}"),
    nobody_reached: |role| format!("NOBODY REACHED for {role}"),
    notification_late: |role| format!("late: {role} not reached in time"),
    declared: |person, role| format!("DECLARED by {person} ({role})"),
    function_down: |function| format!("DOWN: {function}"),
    function_back: |function| format!("BACK: {function}"),
    function_back_cause_gone: |function| format!("BACK: {function} (cause went away)"),
    stakeholder_notified: |stakeholder, channel| format!("notified {stakeholder} by {channel}"),
    stakeholder_late: |stakeholder| format!("late: {stakeholder} not notified in time"),
    decided: |option| format!("decided: {option}"),
    decided_by_default: |option| format!("decided: {option} (default)"),
    supplier_cut_off: |supplier| format!("supplier cut off: {supplier}"),
    supplier_switched: |supplier, to| format!("switched {supplier} to {to}"),
    decision_for: |person, role, question| format!("DECISION for {person} ({role}): {question}"),
    nobody: "nobody",
    default_marker: "  (default)",
    deadline_hint: |deadline, example| format!("deadline: {deadline} (answer with an option id, e.g. `{example} 10m`)"),
    answer_after_deadline: |deadline, default| {
        format!("that is after the {deadline} deadline: the default `{default}` applies.")
    },
    clock_forward_only: |at| format!("the clock is already at {at}; it only moves forward."),
    no_decision_pending: "no decision is pending.",
    answer_first: "a decision is pending: answer it first (or type `default`).",
    noted: "noted.",
    no_more_events: "no more events: `jump` to move the clock on, or `end`.",
    jump_where: |why| format!("jump where? {why}"),
    note_what: "note what? type `note` and the observation",
    not_an_option: |typed, options| {
        format!("`{typed}` is not an option; answer with one of: {} (or `default`)", options.join(", "))
    },
    not_a_command: |typed| format!("`{typed}` is not a command; type `help` for the list"),
    did_you_mean: |typed, meant| format!("`{typed}`: did you mean `{meant}`?"),
    confirm_late: |option, latency, deadline, default| {
        format!(
            "`{option}` after {latency} is past the {deadline} deadline: the default `{default}` would apply instead. Record it? (y/n)"
        )
    },
    confirm_prompt: "record late answer (y/n)> ",
    yes_or_no: "type y to record the late answer, or n to answer again",
    not_recorded: "Not recorded; the decision is still open: answer again (or type `default`).",
    board_title: |at| format!("── board at {at} ──"),
    board_down: |what| format!("down: {what}"),
    board_reached: |who| format!("reached: {who}"),
    board_none: "none",
    board_declared: |at, person| format!("declared at {at} by {person}"),
    board_not_declared: "not declared",
    board_back: |function, after, rto| format!("{function}: back after {after} (RTO {rto})"),
    board_down_for: |function, down, clock| format!("{function}: down {down}, {clock}"),
    rto_left: |left, rto| format!("{left} left of RTO {rto}"),
    rto_missed: |rto, by| format!("RTO {rto} MISSED by {by}"),
};

pub(super) const SUMMARY: SummaryPhrases = SummaryPhrases {
    title: |id, title, seed| format!("{id} — {title} (seed {seed})"),
    function: "Function",
    rto: "RTO",
    back_after: "Back after",
    met: "Met",
    rpo: "RPO",
    data_lost: "Data lost",
    yes: "yes",
    no: "NO",
    not_back_at_end: |at| format!("not back at end ({at})"),
    all_data: "all",
    nothing_disrupted: "No function was disrupted.",
    declared_after: |after, who| format!("Declared after {after} by {who}."),
    declared_after_default: |after, who| {
        format!("Declared after {after}, by the default of a decision {who} did not answer.")
    },
    not_declared: "No disaster was declared.",
    call_tree: |reached, total, late| format!("Call tree: {reached} of {total} roles reached, {late} late."),
    stakeholder: |name, what, status| format!("Stakeholder {name}: {what} ({status})."),
    notified_after: |after| format!("notified after {after}"),
    not_notified: "not notified",
    within_deadline: "within deadline",
    late: "LATE",
    deadline_not_reached: "deadline still open at the end",
    wrote: |files, dir| format!("Wrote {files} to {dir}."),
    reproduced: |dir, seed| format!("Reproduced {dir}: results.json is the same byte for byte (seed {seed})."),
    not_reproduced: |dir, line, recorded, replayed| {
        format!(
            "Not reproduced: {dir}/results.json differs at line {line}.\n  recorded: {recorded}\n  replayed: {replayed}"
        )
    },
    other_release: |then, now| format!("The record was made by sandtable {then}; this is sandtable {now}."),
};

pub(super) const MSEL: MselHeaders = MselHeaders {
    event: "Event #",
    time: "Scenario time",
    kind: "Row kind",
    title: "Inject title",
    description: "Description",
    from: "From",
    to: "To",
    method: "Delivery method",
    expected_action: "Expected player action",
    objectives: "Objective / capability",
    notes: "Notes",
    effects: "Effects",
};

pub(super) const COMMANDS: CommandWords = CommandWords {
    next: &["next", "n"],
    jump: &["jump", "j"],
    board: &["board", "b"],
    note: &["note", "o"],
    end: &["end", "quit", "q"],
    help: &["help", "h", "?"],
    default: &["default"],
    yes: &["y", "yes"],
    no: &["n", "no"],
};

pub(super) const TYPED_TIME: TypedTimePhrases = TypedTimePhrases {
    empty: "empty time; expected a duration such as `90s`, `15m`, `1h 50m`, `7d`, `2小时30分钟` or a clock offset `T+2:30`",
    bad_clock: |t| format!("`{t}` is not a clock offset; expected `H:MM` or `H:MM:SS`"),
    clock_range: |t| format!("`{t}`: minutes and seconds must be below 60"),
    too_large: |t| format!("`{t}` is too large"),
    no_number: |t, at| format!("`{t}`: expected a number before `{at}`; write a duration such as `15m` or `1h 50m`"),
    no_unit: |n| format!("`{n}` has no unit: write `{n}h`, `{n}m` or `{n}s`"),
    last_unit_missing: |t, meant| format!("`{t}` ends without a unit: did you mean `{meant}`?"),
    not_a_unit: |u| format!("`{u}` is not a unit of time; use s, m, h, d or w"),
    not_whole: |p| format!("`{p}` is not a whole number of seconds or is too large"),
};

pub(super) const CLI: CliPhrases = CliPhrases {
    ok: "ok",
    counts: |errors, warnings| {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        format!("{}, {}", plural(errors, "error"), plural(warnings, "warning"))
    },
    invalid: |files| format!("invalid: {}", files.join(", ")),
    warnings_summary: |n, file| {
        format!("{n} warning{}; see `sandtable validate {file}`", if n == 1 { "" } else { "s" })
    },
    bad_pace: |pace| {
        format!(
            "--pace {pace}: the pace must be a positive, finite number of scenario seconds per wall-clock second (60 plays an hour in a minute)"
        )
    },
    bad_lang_variable: |value| format!("SANDTABLE_LANG={value}: expected `en` or `zh`"),
};

pub(super) const EVIDENCE: EvidencePhrases = EvidencePhrases {
    runbook_unreachable: |step, site| format!("runbook_unreachable {step} at {site}"),
    runbook_site_down: |site, step| format!("site_down {site} (runbook for {step} kept there)"),
    attempt_channel_down: |person, channel| format!("attempt to reach {person} over {channel}: channel down"),
    channel_down: |channel| format!("channel_down {channel}"),
    site_down: |site| format!("site_down {site}"),
    system_down: |system| format!("system_down {system}"),
    runbook_delay: |step, delay| format!("runbook_unreachable {step}: +{delay}"),
    reached: |role, person| format!("reached {role} ({person})"),
    role_reached: |role| format!("reached {role}"),
    declared_by: |person, role| format!("declared by {person} ({role})"),
    step_held: |step, what, took| format!("step {step} held by {what} for {took}"),
    held_by_system: |id| format!("system {id}"),
    held_by_channel: |id| format!("channel {id}"),
    held_by_unreachable_role: "role_unreachable",
    held_by_handover: "handover",
    held_by_busy: "busy",
    held_by_more_urgent: "more_urgent",
    waited_until: |what, from, until, how| format!("waited for {what}: {from} → {until} ({how})"),
    replaced_by: |alternate| format!("supplier_switched to {alternate}"),
    came_back: "back",
    still_missing: "still missing",
    unreachable: |role| format!("unreachable {role}"),
    attempt: |person, channel, end| format!("{person} via {channel}: {end}"),
    answered: "answered",
    no_answer: "no_answer",
    channel_was_down: "channel_down",
    pending: "pending",
    function_down: |function| format!("function_down {function}"),
    supplier_cut_off: |supplier| format!("supplier_cut_off {supplier}"),
    supplier_restored: |supplier| format!("supplier_restored {supplier}"),
    notification_late: |role| format!("notification_late {role}"),
    stakeholder_late: |stakeholder| format!("stakeholder_late {stakeholder}"),
    stakeholder_notified: |stakeholder, channel| format!("stakeholder_notified {stakeholder} via {channel}"),
    decision_asked: |decision, person| format!("decision_asked {decision} to {person}"),
    decision_posed_nobody: |decision, role| format!("decision_posed {decision} (nobody holding {role} to ask)"),
    default_applied: |option| format!("default {option}"),
    declared: "declared",
    step_ready_not_started: |step, end| format!("step {step} ready, not started by {end}"),
    step_ready: |step| format!("step {step} ready"),
    step_started: |step| format!("step_started {step}"),
    procedure_done: "procedure_done",
    waited_for: |what, from, until| format!("waited for {what}: {from} → {until}"),
    answer_not_declaring: |decision, option| format!("decision {decision} answer: {option} (does not declare)"),
    default_not_declaring: |decision, option| format!("decision {decision} default: {option} (does not declare)"),
    end_not_declared: "end (no declaration logged)",
};
