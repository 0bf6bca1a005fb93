//! One exercise as a comparison sees it: its report, the plan its record keeps, and what
//! it put to the test.

use std::collections::BTreeSet;

use super::read::ReportView;
use crate::format::plan::Plan;

/// One exercise to compare: its name (the record's folder), report and plan (when the
/// record keeps it), and the ids of what it put to the test.
pub struct Exercise {
    /// How the comparison names it.
    pub name: String,
    /// Its `report.json`.
    pub report: ReportView,
    /// The plan it was played against.
    pub plan: Option<Plan>,
    /// Ids of everything it put to the test (sites, systems, people, roles, channels,
    /// suppliers, functions, decisions, stakeholders, steps).
    pub exercised: BTreeSet<String>,
}

impl Exercise {
    /// An exercise from its report, its plan and its event log (`events.jsonl`), when
    /// the record keeps them. Without the log, what was tested is read from the report.
    pub fn new(name: String, report: ReportView, plan: Option<Plan>, events: Option<&str>) -> Self {
        let mut exercised = report.exercised_in_report();
        if let Some(events) = events {
            exercised.extend(super::read::exercised_ids(events));
        }
        Exercise { name, report, plan, exercised }
    }
}
