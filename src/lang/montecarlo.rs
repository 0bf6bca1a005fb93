//! The phrases of `montecarlo`: its report, its summary table and its messages.

/// What `montecarlo.md` and the summary table say.
#[derive(Debug)]
pub struct MonteCarloPhrases {
    /// Arguments: the scenario's id, its title, the number of replicas, the seed.
    pub title: fn(&str, &str, &str, &str) -> String,
    /// How replica seeds and quantiles are made, under the title.
    pub method: &'static str,
    pub functions_heading: &'static str,
    pub data_heading: &'static str,
    pub people_heading: &'static str,
    pub findings_heading: &'static str,
    pub objectives_heading: &'static str,
    /// Column headings.
    pub function: &'static str,
    pub disrupted: &'static str,
    pub within_rto: &'static str,
    pub within_mtd: &'static str,
    pub within_rpo: &'static str,
    pub back_after: &'static str,
    pub not_back: &'static str,
    pub data_lost: &'static str,
    pub no_copy: &'static str,
    pub finding: &'static str,
    pub replicas: &'static str,
    pub objective: &'static str,
    pub not_rated: &'static str,
    /// Arguments: a proportion, the low and high ends of its 95 % interval.
    pub interval: fn(&str, &str, &str) -> String,
    /// Arguments: the 5th, 50th, 90th and 99th percentiles.
    pub quantiles: fn(&str, &str, &str, &str) -> String,
    /// A percentile that fell on replicas where the moment never came.
    pub never: &'static str,
    /// A function's line in the summary. Arguments: its name, P(within RTO) with interval,
    /// the back-after percentiles, P(not back at end) with interval.
    pub summary_line: fn(&str, &str, &str, &str) -> String,
    /// Arguments: the share of replicas declared (with interval), the quantiles.
    pub declared: fn(&str, &str) -> String,
    /// Arguments: the share of replicas whose call tree completed, the quantiles.
    pub call_tree: fn(&str, &str) -> String,
    pub no_call_tree: &'static str,
    pub no_disruption: &'static str,
    pub no_findings: &'static str,
    /// Arguments: the replica's index, its seed.
    pub replica_failed: fn(&str, &str) -> String,
}

/// What a study says beyond the odds per function: reaching people, what drives the
/// misses, the what-if comparison and the HTML page.
#[derive(Debug)]
pub struct StudyPhrases {
    pub notices_heading: &'static str,
    /// Column headings of the notices tables.
    pub link: &'static str,
    pub stakeholder: &'static str,
    pub deadline: &'static str,
    pub clock_started: &'static str,
    pub within_deadline: &'static str,
    pub delay: &'static str,
    /// Arguments: the calling role, the role called.
    pub link_name: fn(&str, &str) -> String,
    /// A stakeholder's line in the summary. Arguments: its name, P(within deadline)
    /// with interval, the delay's percentiles.
    pub summary_notice: fn(&str, &str, &str) -> String,
    pub drivers_heading: &'static str,
    /// How a miss is attributed, under the heading.
    pub drivers_method: &'static str,
    /// Arguments: the function's name, the replicas in which it missed its RTO.
    pub misses: fn(&str, &str) -> String,
    pub driver: &'static str,
    pub share_of_misses: &'static str,
    /// What was on the critical path of a miss; arguments are names from the plan.
    pub driver_step: fn(&str) -> String,
    pub driver_system: fn(&str) -> String,
    pub driver_channel: fn(&str) -> String,
    pub driver_role: fn(&str) -> String,
    pub driver_more_urgent: fn(&str) -> String,
    pub driver_handover: fn(&str) -> String,
    pub driver_busy: fn(&str) -> String,
    pub driver_declaration: &'static str,
    pub driver_dependency: fn(&str) -> String,
    pub driver_duration: &'static str,
    /// Arguments: the step whose runbook was out of reach.
    pub driver_runbook: fn(&str) -> String,
    pub no_misses: &'static str,
    /// A function's line in the summary. Arguments: its name, what was most often on
    /// the critical path of its misses, the share of its misses.
    pub summary_driver: fn(&str, &str, &str) -> String,
    /// Arguments: the function's name, the input most correlated with back-after, r.
    pub summary_input: fn(&str, &str, &str) -> String,
    pub tornado_heading: &'static str,
    /// What the correlation is computed on, under the heading.
    pub tornado_method: &'static str,
    pub input: &'static str,
    pub correlation: &'static str,
    pub pairs: &'static str,
    /// A sampled input. Arguments: the function's name, the step's name.
    pub input_step: fn(&str, &str) -> String,
    /// Arguments: the calling role, the role called.
    pub input_link: fn(&str, &str) -> String,
    pub input_detection: &'static str,
    /// Arguments: the inject's title.
    pub input_script: fn(&str) -> String,
    pub no_inputs: &'static str,
    pub whatif_heading: &'static str,
    /// How the variants are played and the interval computed, under the heading.
    pub whatif_method: &'static str,
    pub plan: &'static str,
    pub measure: &'static str,
    pub this_plan: &'static str,
    pub variant: &'static str,
    pub difference: &'static str,
    pub better_in: &'static str,
    pub worse_in: &'static str,
    /// A variant's line in the summary. Arguments: the plan, the function, the measure,
    /// the difference with its interval.
    pub summary_whatif: fn(&str, &str, &str, &str) -> String,
    /// The HTML page's chart of a function. Arguments: the function's name.
    pub chart_title: fn(&str) -> String,
    pub chart_axis_share: &'static str,
    pub chart_axis_time: &'static str,
    /// Under a chart. Arguments: P(within RTO), P(within MTD) and P(not back at end),
    /// each with its interval.
    pub chart_caption: fn(&str, &str, &str) -> String,
    pub tornado_chart_title: fn(&str) -> String,
}
