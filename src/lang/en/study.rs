//! English: what `montecarlo` says of reaching people, of what drives the misses, of
//! plan variants, and on its HTML page.

use crate::lang::catalogue::*;

pub(super) const STUDY: StudyPhrases = StudyPhrases {
    notices_heading: "Call-tree links and stakeholder notices",
    link: "Call-tree link",
    stakeholder: "Stakeholder",
    deadline: "Deadline",
    clock_started: "Clock started in",
    within_deadline: "P(within deadline)",
    delay: "Delay (p5, p50, p90, p99)",
    link_name: |from, to| format!("{from} → {to}"),
    summary_notice: |name, share, q| {
        format!("Notice to {name}: P(within deadline) {share}; delay (p5, p50, p90, p99) {q}")
    },
    drivers_heading: "What drives the misses",
    drivers_method: "For each replica in which a function missed its RTO, the outcome says what held its recovery up longest, by the same rule as a single run's finding: the step kept waiting longest and what kept it waiting (a system or channel down, nobody acting for its role, a hand-over, the person busy, a more urgent function), the declaration, or a dependency still down after the procedure; when nothing waited, the longest step. Each is counted once per miss; a share is of the replicas that missed.",
    misses: |function, n| format!("{function}: missed its RTO in {n} replicas."),
    driver: "On the critical path",
    share_of_misses: "Share of misses",
    driver_step: |step| format!("step: {step}"),
    driver_system: |system| format!("system {system} down"),
    driver_channel: |channel| format!("channel {channel} down"),
    driver_role: |role| format!("nobody acting for {role}"),
    driver_more_urgent: |role| format!("{role} kept for a more urgent function"),
    driver_handover: |role| format!("{role} still being handed over"),
    driver_busy: |person| format!("{person} busy with another step"),
    driver_declaration: "waiting for the declaration",
    driver_dependency: |name| format!("{name} still down after the procedure"),
    driver_duration: "no wait: the steps took longer than the RTO",
    driver_runbook: |step| format!("the runbook of {step} out of reach"),
    no_misses: "No function missed its RTO in any replica.",
    summary_driver: |function, driver, share| {
        format!("{function}: most often on the critical path of its misses: {driver} ({share} of misses)")
    },
    summary_input: |function, input, r| format!("{function}: back-after moves most with {input} (r = {r})"),
    tornado_heading: "Inputs that move back-after (tornado)",
    tornado_method: "Pearson's r, over the replicas in which the function was disrupted, between each input drawn in the run and the function's back-after (a function not back counts as down until the end). Inputs: each recovery step's duration (start to finish), each call-tree link's delay, the time to detect, the time of each inject a script scheduled. The sums are kept as integers, so r is the same for any thread count. Ranked by |r|; inputs that never varied, or were measured in fewer than half the replicas in which the function was disrupted, are left out.",
    input: "Input",
    correlation: "r",
    pairs: "Replicas",
    input_step: |function, step| format!("duration of {step} ({function})"),
    input_link: |from, to| format!("delay {from} → {to}"),
    input_detection: "time to detect",
    input_script: |title| format!("time of scripted inject “{title}”"),
    no_inputs: "No sampled input varied.",
    whatif_heading: "What if: the same replicas against each plan",
    whatif_method: "Each plan is played with the same replica seeds (common random numbers), so replica i meets the same draws wherever the plans agree. A difference is the variant minus this plan, over the replicas in which both could be judged; its 95 % interval is Newcombe's hybrid score interval for paired proportions (1998, method 10), from both Wilson intervals and the pairs' correlation. Better in / worse in: replicas that met the target only under the variant / only under this plan.",
    plan: "Plan",
    measure: "Measure",
    this_plan: "This plan",
    variant: "Variant",
    difference: "Difference [95 % interval]",
    better_in: "Better in",
    worse_in: "Worse in",
    summary_whatif: |plan, function, measure, diff| format!("{plan}: {function} {measure} changes by {diff}"),
    chart_title: |function| format!("{function}: back after the outage"),
    chart_axis_share: "share of replicas back",
    chart_axis_time: "time after the outage",
    chart_caption: |rto, mtd, not_back| {
        format!("P(within RTO) {rto} · P(within MTD) {mtd} · P(not back at end) {not_back}")
    },
    tornado_chart_title: |function| format!("{function}: correlation with back-after"),
};
