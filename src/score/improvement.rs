//! The improvement plan: one item per finding, dated from the exercise by how long its
//! capability element usually takes to fix.

use serde::Serialize;

use super::{Capability, Finding};
use crate::compile::Model;

/// One row of the improvement plan.
#[derive(Debug, Clone, Serialize)]
pub struct ImprovementItem {
    /// Item number, `IP-1`.
    pub number: String,
    /// The finding's stable id.
    pub finding: String,
    /// The issue.
    pub issue: String,
    /// Corrective action.
    pub corrective_action: String,
    /// Capability element.
    pub capability: Capability,
    /// Responsible role.
    pub responsible: String,
    /// The organisation that owns the item (the plan's, or a supplier's).
    pub organisation: String,
    /// Start date (`YYYY-MM-DD`) or, without an exercise date, days after it (`+7d`).
    pub start: String,
    /// Completion date.
    pub due: String,
}

/// Days from the exercise to the start and the completion of an action, by capability:
/// plans are fixed within a month; equipment takes a quarter; training and organisation
/// two months; exercise items come with the next semi-annual exercise.
fn schedule_days(c: Capability) -> (i64, i64) {
    match c {
        Capability::Planning => (7, 30),
        Capability::Organisation | Capability::Training => (14, 60),
        Capability::Equipment => (14, 90),
        Capability::Exercise => (30, 180),
    }
}

/// The improvement plan, in the order of the findings.
pub fn plan(m: &Model, findings: &[Finding]) -> Vec<ImprovementItem> {
    let date = m.meta.date.as_deref().and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let day = |n: i64| match date {
        Some(d) => d.checked_add(jiff::Span::new().days(n)).map_or_else(|_| format!("+{n}d"), |x| x.to_string()),
        None => format!("+{n}d"),
    };
    findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (start, due) = schedule_days(f.capability);
            ImprovementItem {
                number: format!("IP-{}", i + 1),
                finding: f.id.clone(),
                issue: f.title.clone(),
                corrective_action: f.corrective_action.clone(),
                capability: f.capability,
                responsible: f.responsible.clone(),
                organisation: m.meta.organisation.clone(),
                start: day(start),
                due: day(due),
            }
        })
        .collect()
}
