//! Every catalogue says something for every phrase, and says it in its own language.

use super::Lang;
use super::catalogue::*;

/// Entries whose translation is meant to read exactly like the English: symbols and
/// acronyms that reports use as they are in every language.
const SAME_AS_ENGLISH: &[&str] =
    &["labels.no_value", "labels.chart_rto", "labels.chart_mtd", "summary.rto", "summary.rpo", "study.link_name"];

/// Entries that may be empty: Chinese writes a duration's parts with nothing between them.
const MAY_BE_EMPTY: &[&str] = &["durations.separator", "compare.sentence_gap"];

/// A phrase written out with placeholder arguments, so that fixed text and functions
/// can be compared alike.
trait Render {
    fn render(&self) -> String;
}

impl Render for &'static str {
    fn render(&self) -> String {
        (*self).to_owned()
    }
}

impl Render for fn(&str) -> String {
    fn render(&self) -> String {
        self("‹1›")
    }
}

impl Render for fn(&str, &str) -> String {
    fn render(&self) -> String {
        self("‹1›", "‹2›")
    }
}

impl Render for fn(&str, &str, &str) -> String {
    fn render(&self) -> String {
        self("‹1›", "‹2›", "‹3›")
    }
}

impl Render for fn(&str, &str, &str, &str) -> String {
    fn render(&self) -> String {
        self("‹1›", "‹2›", "‹3›", "‹4›")
    }
}

impl Render for fn(&str, &str, &str, &str, &str) -> String {
    fn render(&self) -> String {
        self("‹1›", "‹2›", "‹3›", "‹4›", "‹5›")
    }
}

impl Render for fn(&str, usize) -> String {
    fn render(&self) -> String {
        self("‹1›", 2)
    }
}

impl Render for fn(&str, &str, &[&str]) -> String {
    fn render(&self) -> String {
        self("‹1›", "‹2›", &["‹3›", "‹4›"])
    }
}

impl Render for fn(&[&str], &str, &[&str]) -> String {
    fn render(&self) -> String {
        self(&["‹1›", "‹2›"], "‹3›", &["‹4›", "‹5›"])
    }
}

impl Render for fn(&str, &[&str], &[&str]) -> String {
    fn render(&self) -> String {
        self("‹1›", &["‹2›", "‹3›"], &["‹4›", "‹5›"])
    }
}

impl Render for fn(&[&str], &str) -> String {
    fn render(&self) -> String {
        self(&["‹1›", "‹2›"], "‹3›")
    }
}

impl Render for fn(&[&str]) -> String {
    fn render(&self) -> String {
        self(&["‹1›", "‹2›"])
    }
}

impl Render for fn(&str, &[&str]) -> String {
    fn render(&self) -> String {
        self("‹1›", &["‹2›", "‹3›"])
    }
}

impl Render for &'static [&'static str] {
    fn render(&self) -> String {
        self.join(" ")
    }
}

impl Render for fn(usize, &str) -> String {
    fn render(&self) -> String {
        self(2, "‹2›")
    }
}

impl Render for fn(usize) -> String {
    fn render(&self) -> String {
        self(2)
    }
}

impl Render for [&'static str; 7] {
    fn render(&self) -> String {
        self.join(" ")
    }
}

impl Render for fn(usize, usize, usize) -> String {
    fn render(&self) -> String {
        self(1, 2, 3)
    }
}

impl Render for fn(usize, usize) -> String {
    fn render(&self) -> String {
        self(1, 2)
    }
}

/// Destructures a group without `..`, so a new field that is missing here fails to
/// compile instead of going untested.
macro_rules! group {
    ($out:ident, $prefix:literal, $value:expr, $ty:ident { $($field:ident),+ $(,)? }) => {{
        let $ty { $($field),+ } = $value;
        $($out.push((concat!($prefix, ".", stringify!($field)), $field.render()));)+
    }};
}

/// Every entry of a catalogue by name (`group.field`), rendered. Long because it names
/// every field of every group: the destructuring is what makes a new phrase fail here
/// until it is listed.
fn entries(c: &Catalogue) -> Vec<(&'static str, String)> {
    let Catalogue {
        durations,
        exercise_types,
        report,
        labels,
        scorecard,
        timeline,
        criteria,
        ratings,
        findings,
        play,
        summary,
        msel,
        commands,
        typed_time,
        cli,
        evidence,
        montecarlo,
        shards,
        study,
        compare,
        programme,
    } = c;
    let mut out = Vec::new();
    group!(out, "durations", durations, DurationUnits { day, hour, minute, second, separator });
    group!(
        out,
        "exercise_types",
        exercise_types,
        ExerciseTypes { seminar, workshop, tabletop, game, drill, functional, full_scale }
    );
    #[rustfmt::skip]
    group!(out, "report", report, ReportText {
        aar, overview, exercise_name, organisation, date, exercise_type, scope, scenario, sponsor, duration,
        seed, unannounced, yes, no, participants, objectives, capability, summary, function, priority,
        back_after, met, data_lost, declared, declared_by, declared_by_default, not_declared, call_tree, from, to, reached,
        channel, delay, deadline, attempts, stakeholders, stakeholder, decisions, decision, option,
        answered_by, latency, asked, outcome, not_assessed, ended_at, by_default, by_backup, recovery_order, order_kept, order_broken,
        timeline_chart, curve_chart, analysis, rating, strengths, improvements, none, findings,
        no_findings, evidence, corrective_action, responsible, improvement_plan, number, issue,
        capability_element, org, start, completion, appendix, facilitator_notes, facilitator_notes_intro, colon, stop, lparen, rparen, comma, list, time, event,
        observations, rating_p,
        rating_s, rating_m, rating_u, rating_none, planning, organisation_el, equipment, training,
        exercise, generated,
    });
    #[rustfmt::skip]
    group!(out, "labels", labels, ReportLabels {
        rating_p, rating_s, rating_m, rating_u, not_rated, not_met, no_value, finding_column, curve_axis,
        chart_rto, chart_mtd, chart_time_axis, chart_share_reached, chart_within_rto, chart_after_rto,
        chart_not_back, chart_end, chart_plan_deadline, chart_year,
    });
    group!(
        out,
        "scorecard",
        scorecard,
        ScorecardPhrases {
            not_disrupted,
            not_back_at_end,
            all_data,
            not_reached,
            not_notified,
            decision_answered,
            decision_defaulted,
            decision_open_at_end,
            decision_never_asked,
            order_kept,
            order_nothing_disrupted,
            order_back_before,
            order_back_while_down,
            order_not_back,
        }
    );
    #[rustfmt::skip]
    group!(out, "timeline", timeline, TimelinePhrases {
        detected, reached, nobody_reached, decision_answered, decision_defaulted, declared, function_down, function_recovered,
        stakeholder_notified,
    });
    #[rustfmt::skip]
    group!(out, "criteria", criteria, CriterionPhrases {
        within_rto, within_mtd, within_rpo, all_within_rto, stakeholder_notified, declared_within,
        call_tree_within, decision_within, not_disrupted, nothing_disrupted, back_after, not_back, still_down, window_open,
        not_declared, no_answer, lost, no_reachable_copy, missed, after, not_notified, never_declared,
        complete_after, not_everyone_reached, not_posed, owner_never_called, owner_unreachable,
    });
    #[rustfmt::skip]
    group!(out, "ratings", ratings, RatingPhrases {
        root_cause, not_rated, all_met, narrowly_missed, some_met, partly_assessed, criterion, criterion_caused,
    });
    let FindingPhrases {
        plan_owner,
        attempts,
        runbooks_at_site,
        channels_on_system,
        role_unreachable,
        rto_missed,
        declared_late,
        rpo_missed,
        single_channel,
        single_source,
        notification_late,
        stakeholder_late,
        decision_default,
        not_declared,
    } = findings;
    out.push(("findings.plan_owner", plan_owner.render()));
    group!(out, "attempts", attempts, AttemptPhrases { answered, no_answer, channel_down, pending, gap });
    #[rustfmt::skip]
    group!(out, "runbooks_at_site", runbooks_at_site, RunbooksAtSite {
        title, detail, step_slowed, step_not_reached, corrective_action,
    });
    #[rustfmt::skip]
    group!(out, "channels_on_system", channels_on_system, ChannelsOnSystem {
        title, detail, attempts_down, action_other_channels, action_no_other_channel,
    });
    #[rustfmt::skip]
    group!(out, "role_unreachable", role_unreachable, RoleUnreachable {
        title, title_reached_later, detail, detail_no_backup, reached_later, corrective_action, action_channels_down,
    });
    #[rustfmt::skip]
    group!(out, "rto_missed", rto_missed, RtoMissed {
        title, names, detail_step_never_started, detail_step_held_up, detail_not_completed, hold_system,
        hold_channel, hold_role_unreachable, hold_handover, hold_busy, hold_more_urgent, action_hold_system,
        action_hold_channel, action_hold_role_unreachable, action_hold_handover, action_hold_busy,
        action_procedure_too_long, detail_waited_for_dependency, wait_first, wait_then, ended_back,
        ended_replaced, ended_not, action_wait_for_dependency,
    });
    #[rustfmt::skip]
    group!(out, "declared_late", declared_late, DeclaredLate {
        title, because_default, because_unreached, because_slow, held, action_name_declarer, action_trigger,
    });
    #[rustfmt::skip]
    group!(out, "rpo_missed", rpo_missed, RpoMissed {
        title, all_data_lost, detail, backup_every, replica_lag, no_backup, action_back_up_more_often,
        action_cut_replica_lag, action_start_backups, action_copy_elsewhere,
    });
    #[rustfmt::skip]
    group!(out, "single_channel", single_channel, SingleChannel { title, detail, action_add, action_add_new });
    #[rustfmt::skip]
    group!(out, "single_source", single_source, SingleSource {
        title, detail_restored, detail_still_cut_off, corrective_action,
    });
    #[rustfmt::skip]
    group!(out, "notification_late", notification_late, NotificationLate {
        title, title_not_reached, detail, detail_not_reached, link_allows, link_any_channel, faster_channel, action_faster_first,
        action_allow_faster, action_unanswered, action_primary_away, action_unanswered_group, action_unanswered_plain, action_slow_answer,
    });
    #[rustfmt::skip]
    group!(out, "stakeholder_late", stakeholder_late, StakeholderLate {
        title, detail, notified_after, not_notified_by_end, owner_began, nobody_began,
        action_owner_not_reached, action_template, action_delegate, action_link_from_reached, action_delegate_unreached, action_begin_sooner,
    });
    #[rustfmt::skip]
    group!(out, "decision_default", decision_default, DecisionDefault {
        title, detail, detail_nobody_asked, action_backup_answers, action_name_backup, action_nobody_asked,
        declared_the_disaster,
    });
    group!(out, "not_declared", not_declared, NotDeclared { title, detail, corrective_action });
    #[rustfmt::skip]
    group!(out, "play", play, PlayPhrases {
        welcome, help, decision_prompt, resumed, ended, cut_back, inject, inject_to, inject_by, inject_expected, detected, reached,
        reached_by, nobody_reached, notification_late, declared, function_down, function_back,
        function_back_cause_gone, stakeholder_notified, stakeholder_late, decided, decided_by_default,
        supplier_cut_off, supplier_switched, decision_for, nobody, default_marker, deadline_hint,
        answer_after_deadline, clock_forward_only, no_decision_pending, answer_first, noted, no_more_events,
        jump_where, note_what, not_an_option, not_a_command, board_title, board_down, board_reached,
        board_none, board_declared, board_not_declared, board_back, board_down_for, rto_left, rto_missed,
        did_you_mean, confirm_late, confirm_prompt, yes_or_no, not_recorded,
    });
    group!(out, "commands", commands, CommandWords { next, jump, board, note, end, help, default, yes, no });
    #[rustfmt::skip]
    group!(out, "typed_time", typed_time, TypedTimePhrases {
        empty, bad_clock, clock_range, too_large, no_number, no_unit, last_unit_missing, not_a_unit, not_whole,
    });
    group!(out, "cli", cli, CliPhrases { ok, counts, invalid, warnings_summary, bad_pace, bad_lang_variable });
    #[rustfmt::skip]
    group!(out, "evidence", evidence, EvidencePhrases {
        runbook_unreachable, runbook_site_down, attempt_channel_down, site_down, system_down, runbook_delay, reached, role_reached, declared_by, step_held, held_by_system, held_by_channel, held_by_unreachable_role, held_by_handover, held_by_busy, held_by_more_urgent, waited_until, replaced_by, came_back, still_missing, channel_down, unreachable, attempt,
        answered, no_answer, channel_was_down, pending, function_down, supplier_cut_off, supplier_restored,
        notification_late, stakeholder_late, stakeholder_notified, decision_asked, decision_posed_nobody,
        default_applied, declared, step_ready_not_started, step_ready, step_started, procedure_done, waited_for,
        answer_not_declaring, default_not_declaring, end_not_declared,
    });
    #[rustfmt::skip]
    group!(out, "summary", summary, SummaryPhrases {
        title, function, rto, back_after, met, rpo, data_lost, yes, no, not_back_at_end, all_data,
        nothing_disrupted, declared_after, declared_after_default, not_declared, call_tree, stakeholder, notified_after, not_notified,
        within_deadline, late, deadline_not_reached, wrote, reproduced, not_reproduced, other_release,
    });
    #[rustfmt::skip]
    group!(out, "montecarlo", montecarlo, MonteCarloPhrases {
        title, method, functions_heading, data_heading, people_heading, findings_heading, objectives_heading,
        function, disrupted, within_rto, within_mtd, within_rpo, back_after, not_back, data_lost, no_copy,
        finding, replicas, objective, not_rated, interval, quantiles, never, summary_line, declared, call_tree, no_call_tree,
        no_disruption, no_findings, replica_failed,
    });
    #[rustfmt::skip]
    group!(out, "shards", shards, ShardPhrases {
        partial, not_k_over_n, no_shards, index_too_large, shard_played, interrupted, nothing_to_merge, corrupt,
        newer, mismatch, incomplete, duplicate, missing, kept_files_changed, compare_not_sharded,
        more_shards_than_runs,
    });
    #[rustfmt::skip]
    group!(out, "study", study, StudyPhrases {
        notices_heading, link, stakeholder, deadline, clock_started, within_deadline, delay, link_name, summary_notice,
        drivers_heading, drivers_method, misses, driver, share_of_misses, driver_step, driver_system, driver_channel,
        driver_role, driver_more_urgent, driver_handover, driver_busy, driver_declaration, driver_dependency,
        driver_duration, driver_runbook, no_misses, summary_driver, summary_input, tornado_heading, tornado_method, input, correlation, pairs,
        input_step, input_link, input_detection, input_script, no_inputs, whatif_heading, whatif_method, plan, measure,
        this_plan, variant, difference, better_in, worse_in, summary_whatif, chart_title, chart_axis_share,
        chart_axis_time, chart_caption, tornado_chart_title,
    });
    #[rustfmt::skip]
    group!(out, "msel", msel, MselHeaders {
        event, time, kind, title, description, from, to, method, expected_action, objectives, notes, effects,
    });
    #[rustfmt::skip]
    group!(out, "compare", compare, ComparePhrases {
        title, exercises, exercise, date, scenario, seed, regressions, no_regressions, rto_now_missed,
        rating_dropped, recurring_finding, delay_grew, functions, function, rto, mtd, rpo, back_after,
        data_lost, change, met, missed, not_back, not_disrupted, target_changed, faster, slower, unchanged,
        response, measure, declared, call_tree_complete, stakeholder_notice, link_delay, decision_latency, objectives, objective,
        findings, finding, new_finding, recurring, resolved, no_findings, improvement_items, item, due,
        status, closed, not_effective, not_yet_due, no_items, plan_changes, plan_changes_between,
        no_plan_changes, plan_not_recorded, diff_title, section_functions, section_roles, section_people,
        section_call_tree, section_runbooks, section_systems, section_suppliers, added, removed, changed,
        id, field, old, new, none, not_retested, sentence_gap, nothing_comparable, item_not_retested, different_scenarios, not_covered,
        functions_not_disrupted, objectives_not_rated, matched_by_capability, too_few_records, baseline_not_one,
        newer_report, corrupt_report,
    });
    #[rustfmt::skip]
    group!(out, "programme", programme, ProgrammePhrases {
        weekdays, moment, kind_tabletop, kind_live, kind_unannounced, any_kind, brief_title, sealed, the_draw, item, value,
        organisation, scenario, exercise_kind, starts, ends, course_seed, pick_seed, date_range, commands, overview,
        duration, scope, objectives, variants, variants_intro, msel, event, wall_clock, scenario_time, inject, from_to,
        method, expected_action, scripted, decisions, no_decisions, decision, when, role, prompt, options, deadline,
        default, after_inject, posed_by_script, observe, observe_function, observe_action, observe_objective, why,
        weights_rule, register, played_ago, recency, boost, weight, share, note, chosen, never, excluded_not_for_plan, excluded_other_plan,
        excluded_unsuited, excluded_recent, excluded_no_time, notice_title, notice_body, notice_respond,
        programme_title, programme_intro, risks, no_register, risk, score, functions, function, priority, last,
        last_exercised, no_date, gaps, no_gaps, gap_high_risk, gap_risk, gap_function, gap_risk_never,
        gap_function_never, calendar_title, no_drills, chosen_by_pick, no_scenario_suits, seed_drawn, picked,
        error_empty_library, error_bad_range, error_year_too_late, error_no_candidate, error_other_plan, error_no_plan, not_for_plan,
    });
    out
}

#[test]
fn every_entry_says_something_in_every_language() {
    for lang in Lang::ALL {
        for (name, text) in entries(lang.catalogue()) {
            assert!(!text.trim().is_empty() || MAY_BE_EMPTY.contains(&name), "{lang:?}: {name} is empty");
        }
    }
}

#[test]
fn translations_differ_from_the_english_except_where_listed() {
    let english = entries(Lang::En.catalogue());
    for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
        let translated = entries(lang.catalogue());
        for ((name, en), (_, other)) in english.iter().zip(&translated) {
            let same = en == other;
            assert!(!same || SAME_AS_ENGLISH.contains(name), "{lang:?}: {name} reads exactly as in English: {en}");
            assert!(same || !SAME_AS_ENGLISH.contains(name), "{lang:?}: {name} is listed as English but differs");
        }
    }
}

#[test]
fn durations_read_as_before() {
    assert_eq!(Lang::En.duration(6600), "1h 50m");
    assert_eq!(Lang::Zh.duration(6600), "1小时50分");
    assert_eq!(Lang::En.duration(0), "0s");
    assert_eq!(Lang::Zh.duration(45), "45秒");
    assert_eq!(Lang::Zh.duration(-90_000), "-1天1小时");
    assert_eq!(Lang::En.duration(90_061), "1d 1h 1m");
}

#[test]
fn a_figure_beside_its_limit_reads_the_same_only_when_it_is_the_same() {
    // Rounded to the minute as usual ...
    assert_eq!(Lang::En.duration_against(40 * 60 + 10, 15 * 60), "40m");
    assert_eq!(Lang::En.duration_against(15 * 60, 15 * 60), "15m");
    // ... but exact where rounding would hide a miss or a margin.
    assert_eq!(Lang::En.duration_against(15 * 60 + 19, 15 * 60), "15m 19s");
    assert_eq!(Lang::En.duration_against(2 * 3600 - 20, 2 * 3600), "1h 59m 40s");
    assert_eq!(Lang::Zh.duration_against(15 * 60 + 19, 15 * 60), "15分19秒");
}
