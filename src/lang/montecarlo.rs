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
