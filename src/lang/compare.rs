//! The catalogue's group for `sandtable compare` and `sandtable diff`: headings, column
//! labels and the sentences of a comparison of exercises. Part of the shape
//! [`Catalogue`](super::Catalogue) each language fills.

/// What a comparison of exercises and a plan diff write.
pub struct ComparePhrases {
    pub title: &'static str,
    pub exercises: &'static str,
    pub exercise: &'static str,
    pub date: &'static str,
    pub scenario: &'static str,
    pub seed: &'static str,
    pub regressions: &'static str,
    pub no_regressions: &'static str,
    /// Arguments: function, the exercise it met its RTO in, the exercise it misses it in.
    pub rto_now_missed: fn(&str, &str, &str) -> String,
    /// Arguments: objective, old rating, new rating, the exercise.
    pub rating_dropped: fn(&str, &str, &str, &str) -> String,
    /// Arguments: finding id, its title, the exercise it came back in.
    pub recurring_finding: fn(&str, &str, &str) -> String,
    /// Arguments: what was measured, old delay, new delay, the exercise.
    pub delay_grew: fn(&str, &str, &str, &str) -> String,
    pub functions: &'static str,
    pub function: &'static str,
    pub rto: &'static str,
    pub mtd: &'static str,
    pub rpo: &'static str,
    pub back_after: &'static str,
    pub data_lost: &'static str,
    pub change: &'static str,
    pub met: &'static str,
    pub missed: &'static str,
    pub not_back: &'static str,
    pub not_disrupted: &'static str,
    /// Arguments: the target (RTO, RPO, MTD), old value, new value.
    pub target_changed: fn(&str, &str, &str) -> String,
    /// Arguments: by how much.
    pub faster: fn(&str) -> String,
    /// Arguments: by how much.
    pub slower: fn(&str) -> String,
    pub unchanged: &'static str,
    pub response: &'static str,
    pub measure: &'static str,
    pub declared: &'static str,
    pub call_tree_complete: &'static str,
    /// Arguments: the stakeholder.
    pub stakeholder_notice: fn(&str) -> String,
    /// Arguments: the link, `from → to`.
    pub link_delay: fn(&str) -> String,
    /// Arguments: the decision's id.
    pub decision_latency: fn(&str) -> String,
    pub objectives: &'static str,
    pub objective: &'static str,
    pub findings: &'static str,
    pub finding: &'static str,
    pub new_finding: &'static str,
    pub recurring: &'static str,
    pub resolved: &'static str,
    pub no_findings: &'static str,
    pub improvement_items: &'static str,
    pub item: &'static str,
    pub due: &'static str,
    pub status: &'static str,
    pub closed: &'static str,
    pub not_effective: &'static str,
    pub not_yet_due: &'static str,
    pub no_items: &'static str,
    pub plan_changes: &'static str,
    /// Arguments: the earlier exercise, the later one.
    pub plan_changes_between: fn(&str, &str) -> String,
    pub no_plan_changes: &'static str,
    pub plan_not_recorded: &'static str,
    /// Arguments: the old plan, the new plan.
    pub diff_title: fn(&str, &str) -> String,
    pub section_functions: &'static str,
    pub section_roles: &'static str,
    pub section_people: &'static str,
    pub section_call_tree: &'static str,
    pub section_runbooks: &'static str,
    pub section_systems: &'static str,
    pub section_suppliers: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    pub changed: &'static str,
    pub id: &'static str,
    pub field: &'static str,
    pub old: &'static str,
    pub new: &'static str,
    pub none: &'static str,
    /// A finding's status in an exercise that did not touch its subject.
    pub not_retested: &'static str,
    /// An improvement item that no exercise since its due date put to the test.
    pub item_not_retested: &'static str,
    /// Between two sentences: a space, or nothing after a full-width full stop.
    pub sentence_gap: &'static str,
    /// Said instead of "no regressions" when no exercise had an earlier one of its
    /// scenario to be compared with.
    pub nothing_comparable: &'static str,
    /// Said when the exercises played different scenarios.
    pub different_scenarios: &'static str,
    pub not_covered: &'static str,
    /// Arguments: the functions, as a list.
    pub functions_not_disrupted: fn(&str) -> String,
    /// Arguments: the objectives, as a list.
    pub objectives_not_rated: fn(&str) -> String,
    /// Arguments: the capability.
    pub matched_by_capability: fn(&str) -> String,
    /// Arguments: how many records were found, the paths given.
    pub too_few_records: fn(&str, &str) -> String,
    /// Arguments: the path given to `--baseline`, how many records it holds.
    pub baseline_not_one: fn(&str, &str) -> String,
    /// Arguments: the file, its layout version, the versions this release reads.
    pub newer_report: fn(&str, &str, &str) -> String,
    /// Arguments: the file, why it does not read.
    pub corrupt_report: fn(&str, &str) -> String,
}
