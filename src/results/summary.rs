//! The summary table `run` and `play` print: RTO and RPO per function, the declaration,
//! the call tree and the stakeholder notices.

use unicode_width::UnicodeWidthStr;

use super::{NotificationResult, Results};
use crate::compile::Model;
use crate::time::{format_duration, format_duration_approx, format_time};

fn pad(text: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "NO",
        None => "-",
    }
}

/// The short table `run` prints: per function RTO and RPO against what happened, then
/// the declaration, call tree and stakeholders.
pub fn summary_table(m: &Model, r: &Results) -> String {
    let mut rows = vec![[
        "Function".to_owned(),
        "RTO".to_owned(),
        "Back after".to_owned(),
        "Met".to_owned(),
        "RPO".to_owned(),
        "Data lost".to_owned(),
        "Met".to_owned(),
    ]];
    for f in &r.functions {
        let Some(o) = f.outages.first() else { continue };
        rows.push([
            f.name.clone(),
            format_duration(f.rto),
            o.back_after
                .map_or_else(|| format!("not back at end ({})", format_time(r.ended_at)), format_duration_approx),
            yes_no(o.within_rto).to_owned(),
            format_duration(f.rpo),
            o.data_lost.map_or_else(|| "all".to_owned(), format_duration_approx),
            yes_no(Some(o.within_rpo)).to_owned(),
        ]);
    }
    let mut widths = [0usize; 7];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(UnicodeWidthStr::width(cell.as_str()));
        }
    }
    let mut out = format!("{} — {} (seed {})\n\n", r.scenario.id, r.scenario.title, r.seed);
    if rows.len() == 1 {
        out.push_str("No function was disrupted.\n");
    } else {
        for row in &rows {
            let cells: Vec<String> = row.iter().zip(widths).map(|(c, w)| pad(c, w)).collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
    }
    out.push('\n');
    match &r.declaration {
        Some(d) => {
            let who = m.people.iter().find(|p| p.id == d.person).map_or(d.person.as_str(), |p| p.name.as_str());
            let after = d.after_disruption.map_or_else(|| format_time(d.at), format_duration_approx);
            out.push_str(&format!("Declared after {after} by {who}.\n"));
        }
        None => out.push_str("No disaster was declared.\n"),
    }
    if let Some(ct) = &m.call_tree {
        let targets: std::collections::BTreeSet<&str> = ct.links.iter().map(|l| m.roles[l.to].id.as_str()).collect();
        let tree: Vec<&NotificationResult> = r.notifications.iter().filter(|n| n.from_role.is_some()).collect();
        let reached =
            targets.iter().filter(|t| tree.iter().any(|n| n.to_role == **t && n.reached_at.is_some())).count();
        let late = tree.iter().filter(|n| n.within_deadline == Some(false)).count();
        if !targets.is_empty() {
            out.push_str(&format!("Call tree: {reached} of {} roles reached, {late} late.\n", targets.len()));
        }
    }
    for s in &r.stakeholders {
        let when = s.notified_at.zip(r.disruption_at).map_or_else(
            || "not notified".to_owned(),
            |(t, d)| format!("notified after {}", format_duration_approx(t - d)),
        );
        out.push_str(&format!(
            "Stakeholder {}: {when} ({}).\n",
            s.name,
            match s.within_deadline {
                Some(true) => "within deadline",
                Some(false) => "LATE",
                None => "deadline not reached",
            }
        ));
    }
    out
}
