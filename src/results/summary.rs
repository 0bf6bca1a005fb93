//! The summary table `run` and `play` print: RTO and RPO per function, the declaration,
//! the call tree and the stakeholder notices.

use unicode_width::UnicodeWidthStr;

use super::{NotificationResult, Results};
use crate::compile::Model;
use crate::lang::Lang;
use crate::time::format_time;

/// A name on one line: a line break inside a plan's name must not break the table.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

fn pad(text: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// The short table `run` and `play` print: per function RTO and RPO against what
/// happened, then the declaration, call tree and stakeholders, in `lang`.
pub fn summary_table(m: &Model, r: &Results, lang: Lang) -> String {
    let say = &lang.catalogue().summary;
    let yes_no = |v: Option<bool>| match v {
        Some(true) => say.yes,
        Some(false) => say.no,
        None => "-",
    };
    let mut rows =
        vec![[say.function, say.rto, say.back_after, say.met, say.rpo, say.data_lost, say.met].map(str::to_owned)];
    for f in &r.functions {
        let Some(o) = f.outages.first() else { continue };
        rows.push([
            one_line(&f.name),
            lang.duration(f.rto),
            o.back_after
                .map_or_else(|| (say.not_back_at_end)(&format_time(r.ended_at)), |b| lang.duration_against(b, f.rto)),
            yes_no(o.within_rto).to_owned(),
            lang.duration(f.rpo),
            o.data_lost.map_or_else(|| say.all_data.to_owned(), |d| lang.duration_against(d, f.rpo)),
            yes_no(Some(o.within_rpo)).to_owned(),
        ]);
    }
    let mut widths = [0usize; 7];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(UnicodeWidthStr::width(cell.as_str()));
        }
    }
    let mut out = format!("{}\n\n", (say.title)(&r.scenario.id, &one_line(&r.scenario.title), &r.seed.to_string()));
    if rows.len() == 1 {
        out.push_str(say.nothing_disrupted);
        out.push('\n');
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
            let after = d.after_disruption.map_or_else(|| format_time(d.at), |a| lang.duration(a));
            // A declaration that was an unanswered decision's default is not the person's act.
            let said = if d.by_default { say.declared_after_default } else { say.declared_after };
            out.push_str(&said(&after, &one_line(who)));
        }
        None => out.push_str(say.not_declared),
    }
    out.push('\n');
    if let Some(ct) = &m.call_tree {
        let targets: std::collections::BTreeSet<&str> = ct.links.iter().map(|l| m.roles[l.to].id.as_str()).collect();
        let tree: Vec<&NotificationResult> = r.notifications.iter().filter(|n| n.from_role.is_some()).collect();
        let reached =
            targets.iter().filter(|t| tree.iter().any(|n| n.to_role == **t && n.reached_at.is_some())).count();
        let late = tree.iter().filter(|n| n.within_deadline == Some(false)).count();
        if !targets.is_empty() {
            let line = (say.call_tree)(&reached.to_string(), &targets.len().to_string(), &late.to_string());
            out.push_str(&format!("{line}\n"));
        }
    }
    for s in &r.stakeholders {
        let what = s
            .notified_at
            .zip(r.disruption_at)
            .map_or_else(|| say.not_notified.to_owned(), |(t, d)| (say.notified_after)(&lang.duration(t - d)));
        let status = match s.within_deadline {
            Some(true) => say.within_deadline,
            Some(false) => say.late,
            None => say.deadline_not_reached,
        };
        out.push_str(&format!("{}\n", (say.stakeholder)(&one_line(&s.name), &what, status)));
    }
    out
}
