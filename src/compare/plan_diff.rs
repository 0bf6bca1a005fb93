//! A semantic diff of two plans by id: what a reader needs to tie a change in an
//! exercise's figures to a change in the plan (targets, who stands in, how people are
//! reached, where runbooks and backups are kept, which suppliers stand in). Each item is
//! reduced to a few named facts written as text, and two plans are compared fact by fact,
//! so that every section is diffed by the same rule and the order is always the same.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::format::plan::Plan;
use crate::time::format_duration;

/// The part of the plan an item belongs to, in the order a diff lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Critical functions: RTO, MTD, RPO, priority.
    Functions,
    /// Roles: primary and backups.
    Roles,
    /// People: the channels they are reached on, in order.
    People,
    /// Call-tree links (`from → to`): channels and deadline.
    CallTree,
    /// Procedure steps (`procedure/step`): where the runbook is kept.
    Runbooks,
    /// Systems: backups and replication.
    Systems,
    /// Suppliers: their alternates and lead times.
    Suppliers,
}

impl Section {
    /// Every section, in the order a diff lists them.
    pub const ALL: [Section; 7] = [
        Section::Functions,
        Section::Roles,
        Section::People,
        Section::CallTree,
        Section::Runbooks,
        Section::Systems,
        Section::Suppliers,
    ];
}

/// Whether an item was added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Only in the new plan.
    Added,
    /// Only in the old plan.
    Removed,
    /// In both, with at least one fact different.
    Changed,
}

/// One fact of an item, old → new; a side without it is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The plan's own field name (`rto`, `backups`, `channels`, …).
    pub field: &'static str,
    /// Its value in the old plan.
    pub old: Option<String>,
    /// Its value in the new plan.
    pub new: Option<String>,
}

/// One item that differs between the plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    /// Where it is.
    pub section: Section,
    /// Its id (`from → to` for a call-tree link, `procedure/step` for a runbook).
    pub id: String,
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The facts that differ (for an added or removed item: all of them).
    pub fields: Vec<FieldChange>,
}

/// Every difference between two plans, by section, then id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PlanDiff {
    /// The items that differ.
    pub changes: Vec<ItemChange>,
}

impl PlanDiff {
    /// Whether the plans are the same in everything the diff looks at.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The change to one item, if it changed.
    pub fn find(&self, section: Section, id: &str) -> Option<&ItemChange> {
        self.changes.iter().find(|c| c.section == section && c.id == id)
    }
}

/// An item's facts: field name → value as text.
type Facts = BTreeMap<&'static str, String>;
/// A section's items: id → facts.
type Items = BTreeMap<String, Facts>;

/// The semantic diff from `old` to `new`.
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    let mut changes = Vec::new();
    for section in Section::ALL {
        let (before, after) = (items(old, section), items(new, section));
        let ids: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
        for id in ids {
            if let Some(change) = compare_item(section, id, before.get(id), after.get(id)) {
                changes.push(change);
            }
        }
    }
    PlanDiff { changes }
}

fn compare_item(section: Section, id: &str, old: Option<&Facts>, new: Option<&Facts>) -> Option<ItemChange> {
    let kind = match (old, new) {
        (None, Some(_)) => ChangeKind::Added,
        (Some(_), None) => ChangeKind::Removed,
        (Some(_), Some(_)) => ChangeKind::Changed,
        (None, None) => return None,
    };
    let empty = Facts::new();
    let (old, new) = (old.unwrap_or(&empty), new.unwrap_or(&empty));
    let fields: std::collections::BTreeSet<&'static str> = old.keys().chain(new.keys()).copied().collect();
    let fields: Vec<FieldChange> = fields
        .into_iter()
        .filter(|f| old.get(f) != new.get(f))
        .map(|field| FieldChange { field, old: old.get(field).cloned(), new: new.get(field).cloned() })
        .collect();
    (kind != ChangeKind::Changed || !fields.is_empty()).then(|| ItemChange { section, id: id.to_owned(), kind, fields })
}

fn duration(d: crate::time::Duration) -> String {
    format_duration(d.0)
}

fn list<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    values.into_iter().collect::<Vec<_>>().join(", ")
}

/// Facts that are absent are left out, so that "none" and an empty list read alike.
fn facts(pairs: impl IntoIterator<Item = (&'static str, String)>) -> Facts {
    pairs.into_iter().filter(|(_, v)| !v.is_empty()).collect()
}

fn items(plan: &Plan, section: Section) -> Items {
    match section {
        Section::Functions => plan
            .functions
            .iter()
            .map(|f| {
                let facts = facts([
                    ("rto", duration(f.rto.value)),
                    ("mtd", duration(f.mtd.value)),
                    ("rpo", duration(f.rpo.value)),
                    ("priority", f.priority.value.to_string()),
                ]);
                (f.id.value.clone(), facts)
            })
            .collect(),
        Section::Roles => plan
            .roles
            .iter()
            .map(|r| {
                let backups = list(r.backups.iter().map(|b| b.value.as_str()));
                (r.id.value.clone(), facts([("primary", r.primary.value.clone()), ("backups", backups)]))
            })
            .collect(),
        Section::People => plan
            .people
            .iter()
            .map(|p| {
                let channels = list(p.contacts.iter().map(|c| c.channel.value.as_str()));
                (p.id.value.clone(), facts([("contacts", channels)]))
            })
            .collect(),
        Section::CallTree => call_tree_items(plan),
        Section::Runbooks => runbook_items(plan),
        Section::Systems => system_items(plan),
        Section::Suppliers => plan
            .suppliers
            .iter()
            .map(|s| {
                let alternates: Vec<String> = s
                    .alternates
                    .iter()
                    .map(|a| format!("{} ({})", a.supplier.value, duration(a.lead_time.value)))
                    .collect();
                (s.id.value.clone(), facts([("alternates", alternates.join(", "))]))
            })
            .collect(),
    }
}

fn call_tree_items(plan: &Plan) -> Items {
    let Some(tree) = &plan.call_tree else { return Items::new() };
    tree.links
        .iter()
        .map(|l| {
            let channels = list(l.channels.iter().map(|c| c.value.as_str()));
            let facts = facts([("channels", channels), ("deadline", duration(l.deadline.value))]);
            (format!("{} → {}", l.from.value, l.to.value), facts)
        })
        .collect()
}

fn runbook_items(plan: &Plan) -> Items {
    let mut items = Items::new();
    for procedure in &plan.procedures {
        for step in &procedure.steps {
            let Some(runbook) = &step.runbook else { continue };
            let facts = facts([("kept_at", runbook.kept_at.value.clone())]);
            items.insert(format!("{}/{}", procedure.id.value, step.id.value), facts);
        }
    }
    items
}

fn system_items(plan: &Plan) -> Items {
    plan.systems
        .iter()
        .map(|s| {
            let backup = s.backup.as_ref().map(|b| format!("{} @ {}", duration(b.interval.value), b.stored_at.value));
            let replication = s.replication.as_ref().map(|r| format!("{} ({})", r.target.value, duration(r.lag.value)));
            let facts = facts([
                ("backup", backup.unwrap_or_default()),
                ("replication", replication.unwrap_or_default()),
                ("failover", s.failover.as_ref().map(|f| f.value.clone()).unwrap_or_default()),
            ]);
            (s.id.value.clone(), facts)
        })
        .collect()
}
