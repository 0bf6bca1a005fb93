//! `comparison.md` and the Markdown of `sandtable diff`: every fixed phrase from the
//! language catalogue, names from the records as they are (table cells escaped).

use std::fmt::Write;

use super::model::{Comparison, FindingStatus, FunctionPoint, ItemStatus, Measure, Regression};
use super::plan_diff::{ChangeKind, PlanDiff, Section};
use crate::lang::Lang;
use crate::lang::catalogue::ComparePhrases;

/// Text from a record made safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn header(cells: &[&str]) -> String {
    let mut out = row(&cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>());
    out.push_str(&row(&vec!["---".to_owned(); cells.len()]));
    out
}

/// The Markdown of a plan diff, under `###` headings per section.
pub fn plan_diff_markdown(diff: &PlanDiff, lang: Lang) -> String {
    let say = &lang.catalogue().compare;
    if diff.is_empty() {
        return format!("{}\n", say.no_plan_changes);
    }
    let mut out = String::new();
    for section in Section::ALL {
        let changes: Vec<_> = diff.changes.iter().filter(|c| c.section == section).collect();
        if changes.is_empty() {
            continue;
        }
        let _ = write!(out, "### {}\n\n", section_name(say, section));
        out.push_str(&header(&[say.id, say.change, say.field, say.old, say.new]));
        for change in changes {
            let kind = match change.kind {
                ChangeKind::Added => say.added,
                ChangeKind::Removed => say.removed,
                ChangeKind::Changed => say.changed,
            };
            for field in &change.fields {
                let value = |v: &Option<String>| v.as_deref().map_or_else(|| say.none.to_owned(), cell);
                out.push_str(&row(&[
                    format!("`{}`", cell(&change.id)),
                    kind.to_owned(),
                    field.field.to_owned(),
                    value(&field.old),
                    value(&field.new),
                ]));
            }
        }
        out.push('\n');
    }
    out
}

/// A plan diff section's heading.
pub fn section_name(say: &ComparePhrases, section: Section) -> &'static str {
    match section {
        Section::Functions => say.section_functions,
        Section::Roles => say.section_roles,
        Section::People => say.section_people,
        Section::CallTree => say.section_call_tree,
        Section::Runbooks => say.section_runbooks,
        Section::Systems => say.section_systems,
        Section::Suppliers => say.section_suppliers,
    }
}

/// `comparison.md`.
pub fn markdown(c: &Comparison) -> String {
    let lang = c.lang;
    let say = &lang.catalogue().compare;
    let mut out = format!("# {}\n\n## {}\n\n", say.title, say.exercises);
    out.push_str(&header(&[say.exercise, say.date, say.scenario, say.seed]));
    for e in &c.exercises {
        out.push_str(&row(&[
            cell(&e.name),
            e.date.clone().unwrap_or_else(|| say.none.to_owned()),
            format!("{} (`{}`)", cell(&e.title), cell(&e.scenario_id)),
            e.seed.map_or_else(|| say.none.to_owned(), |s| s.to_string()),
        ]));
    }
    if !c.same_scenario {
        let _ = write!(out, "\n{}\n", say.different_scenarios);
    }
    not_covered(&mut out, c);
    let _ = write!(out, "\n## {}\n\n", say.regressions);
    if c.regressions.is_empty() {
        let _ = writeln!(out, "{}", no_regressions(c));
    }
    for r in &c.regressions {
        let _ = writeln!(out, "- **{}**", regression_text(c, r));
    }
    functions(&mut out, c);
    response(&mut out, c);
    objectives(&mut out, c);
    findings(&mut out, c);
    items(&mut out, c);
    plan_changes(&mut out, c);
    out
}

fn not_covered(out: &mut String, c: &Comparison) {
    if c.not_covered.is_empty() {
        return;
    }
    let say = &c.lang.catalogue().compare;
    let _ = write!(out, "\n## {}\n\n", say.not_covered);
    for line in not_covered_lines(c) {
        let _ = writeln!(out, "- {line}");
    }
}

/// Per exercise with gaps: its name, then what it did not cover, as sentences.
pub fn not_covered_lines(c: &Comparison) -> Vec<String> {
    let say = &c.lang.catalogue().compare;
    let list = |ids: &[String], name: &dyn Fn(&str) -> String| {
        ids.iter().map(|id| name(id)).collect::<Vec<_>>().join(c.lang.catalogue().report.list)
    };
    let function_name =
        |id: &str| c.functions.iter().find(|f| f.id == id).map_or_else(|| id.to_owned(), |f| cell(&f.name));
    let objective_name = |id: &str| format!("`{}`", cell(id));
    c.not_covered
        .iter()
        .map(|n| {
            let mut parts = Vec::new();
            if !n.functions.is_empty() {
                parts.push((say.functions_not_disrupted)(&list(&n.functions, &function_name)));
            }
            if !n.objectives.is_empty() {
                parts.push((say.objectives_not_rated)(&list(&n.objectives, &objective_name)));
            }
            format!(
                "{}{}{}",
                cell(&name_of(c, n.exercise)),
                c.lang.catalogue().report.colon,
                parts.join(say.sentence_gap)
            )
        })
        .collect()
}

/// What to say when nothing got worse: that nothing did, or that nothing could be judged.
pub fn no_regressions(c: &Comparison) -> &'static str {
    let say = &c.lang.catalogue().compare;
    if c.reference.iter().all(Option::is_none) { say.nothing_comparable } else { say.no_regressions }
}

fn name_of(c: &Comparison, k: usize) -> String {
    c.exercises.get(k).map(|e| e.name.clone()).unwrap_or_default()
}

/// What a delay measures, for people.
pub fn measure_name(say: &ComparePhrases, measure: &Measure, name: &str) -> String {
    match measure {
        Measure::Declared => say.declared.to_owned(),
        Measure::CallTreeComplete => say.call_tree_complete.to_owned(),
        Measure::Stakeholder(_) => (say.stakeholder_notice)(name),
        Measure::Link(_) => (say.link_delay)(name),
        Measure::Decision(_) => (say.decision_latency)(name),
    }
}

/// One regression as a sentence.
pub fn regression_text(c: &Comparison, r: &Regression) -> String {
    let (lang, say) = (c.lang, &c.lang.catalogue().compare);
    match r {
        Regression::RecurringFinding { exercise, id, title } => {
            (say.recurring_finding)(&format!("`{id}`"), title, &name_of(c, *exercise))
        }
        Regression::RtoNowMissed { exercise, reference, function } => {
            (say.rto_now_missed)(function, &name_of(c, *reference), &name_of(c, *exercise))
        }
        Regression::RatingDropped { exercise, objective, old, new } => {
            (say.rating_dropped)(&format!("`{objective}`"), old, new, &name_of(c, *exercise))
        }
        Regression::DelayGrew { exercise, measure, name, old, new } => (say.delay_grew)(
            &measure_name(say, measure, name),
            &lang.duration(*old),
            &lang.duration(*new),
            &name_of(c, *exercise),
        ),
    }
}

fn verdict(say: &ComparePhrases, met: Option<bool>) -> &'static str {
    match met {
        Some(true) => say.met,
        Some(false) => say.missed,
        None => say.none,
    }
}

fn function_row(c: &Comparison, k: usize, p: &FunctionPoint) -> Vec<String> {
    let (lang, say) = (c.lang, &c.lang.catalogue().compare);
    let back = match (p.disrupted, p.back_after) {
        (false, _) => say.not_disrupted.to_owned(),
        (true, None) => say.not_back.to_owned(),
        (true, Some(b)) => lang.duration(b),
    };
    let lost = p.data_lost.map_or_else(|| say.none.to_owned(), |d| lang.duration(d));
    let mut change = match p.change {
        None => say.none.to_owned(),
        Some(0) => say.unchanged.to_owned(),
        Some(d) if d < 0 => (say.faster)(&lang.duration(-d)),
        Some(d) => (say.slower)(&lang.duration(d)),
    };
    for t in &p.target_changes {
        let target = match t.target {
            "rto" => say.rto,
            "mtd" => say.mtd,
            _ => say.rpo,
        };
        let flag = (say.target_changed)(target, &lang.duration(t.old), &lang.duration(t.new));
        let _ = write!(change, "; **{flag}**");
    }
    vec![
        cell(&name_of(c, k)),
        lang.duration(p.rto),
        format!("{back} ({} / {})", verdict(say, p.rto_met), verdict(say, p.mtd_met)),
        lang.duration(p.rpo),
        format!("{lost} ({})", verdict(say, p.rpo_met)),
        change,
    ]
}

fn functions(out: &mut String, c: &Comparison) {
    let say = &c.lang.catalogue().compare;
    let _ = write!(out, "\n## {}\n", say.functions);
    for f in &c.functions {
        let _ = write!(out, "\n### {} (`{}`)\n\n", cell(&f.name), cell(&f.id));
        let back = format!("{} ({} / {})", say.back_after, say.rto, say.mtd);
        let lost = format!("{} ({})", say.data_lost, say.rpo);
        out.push_str(&header(&[say.exercise, say.rto, &back, say.rpo, &lost, say.change]));
        for (k, p) in f.points.iter().enumerate() {
            if let Some(p) = p {
                out.push_str(&row(&function_row(c, k, p)));
            }
        }
    }
}

fn by_exercise_header(c: &Comparison, first: &str) -> String {
    let mut cells = vec![first.to_owned()];
    cells.extend(c.exercises.iter().map(|e| cell(&e.name)));
    let mut out = row(&cells);
    out.push_str(&row(&vec!["---".to_owned(); cells.len()]));
    out
}

fn response(out: &mut String, c: &Comparison) {
    let (lang, say) = (c.lang, &c.lang.catalogue().compare);
    let _ = write!(out, "\n## {}\n\n{}", say.response, by_exercise_header(c, say.measure));
    for d in &c.response {
        let mut cells = vec![cell(&measure_name(say, &d.measure, &d.name))];
        cells.extend(d.values.iter().map(|v| v.map_or_else(|| say.none.to_owned(), |s| lang.duration(s))));
        out.push_str(&row(&cells));
    }
}

fn objectives(out: &mut String, c: &Comparison) {
    let say = &c.lang.catalogue().compare;
    let _ = write!(out, "\n## {}\n\n{}", say.objectives, by_exercise_header(c, say.objective));
    for o in &c.objectives {
        let mut cells = vec![objective_label(c, o)];
        cells.extend(o.ratings.iter().map(|r| r.clone().unwrap_or_else(|| say.none.to_owned())));
        out.push_str(&row(&cells));
    }
}

/// An objective's row label: its ids, what it asks, and the capability when objectives
/// of different ids were matched by it.
pub fn objective_label(c: &Comparison, o: &super::model::ObjectiveTrend) -> String {
    let say = &c.lang.catalogue().compare;
    let mut ids: Vec<&str> = Vec::new();
    for id in o.ids.iter().flatten() {
        if !ids.contains(&id.as_str()) {
            ids.push(id);
        }
    }
    let ids: Vec<String> = ids.iter().map(|id| format!("`{}`", cell(id))).collect();
    let mut label = format!("{} {}", ids.join(" / "), cell(&o.text));
    if let (true, Some(capability)) = (o.matched_by_capability, &o.capability) {
        let t = &c.lang.catalogue().report;
        let _ = write!(label, "{}{}{}", t.lparen, (say.matched_by_capability)(&cell(capability)), t.rparen);
    }
    label
}

fn findings(out: &mut String, c: &Comparison) {
    let say = &c.lang.catalogue().compare;
    let _ = write!(out, "\n## {}\n\n", say.findings);
    if c.findings.is_empty() {
        let _ = writeln!(out, "{}", say.no_findings);
        return;
    }
    out.push_str(&by_exercise_header(c, say.finding));
    for f in &c.findings {
        let mut cells = vec![format!("`{}` {}", cell(&f.id), cell(&f.title))];
        cells.extend(f.status.iter().map(|s| match s {
            Some(FindingStatus::Recurring) => format!("**{}**", say.recurring),
            Some(s) => finding_status(say, *s).to_owned(),
            None => String::new(),
        }));
        out.push_str(&row(&cells));
    }
}

/// A finding's status in one exercise, as a word.
pub fn finding_status(say: &ComparePhrases, status: FindingStatus) -> &'static str {
    match status {
        FindingStatus::New => say.new_finding,
        FindingStatus::Recurring => say.recurring,
        FindingStatus::Resolved => say.resolved,
        FindingStatus::NotRetested => say.not_retested,
    }
}

/// What became of an improvement item, as a phrase.
pub fn item_status(say: &ComparePhrases, status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Closed => say.closed,
        ItemStatus::NotEffective => say.not_effective,
        ItemStatus::NotYetDue => say.not_yet_due,
        ItemStatus::NotRetested => say.item_not_retested,
    }
}

fn items(out: &mut String, c: &Comparison) {
    let say = &c.lang.catalogue().compare;
    let _ = write!(out, "\n## {}\n\n", say.improvement_items);
    if c.improvement_items.is_empty() {
        let _ = writeln!(out, "{}", say.no_items);
        return;
    }
    out.push_str(&header(&[say.exercise, say.item, say.finding, say.due, say.status]));
    for i in &c.improvement_items {
        let status = item_status(say, i.status);
        out.push_str(&row(&[
            cell(&name_of(c, i.exercise)),
            format!("{} {}", cell(&i.number), cell(&i.corrective_action)),
            format!("`{}`", cell(&i.finding)),
            i.due.clone().unwrap_or_else(|| say.none.to_owned()),
            status.to_owned(),
        ]));
    }
}

fn plan_changes(out: &mut String, c: &Comparison) {
    let say = &c.lang.catalogue().compare;
    let _ = write!(out, "\n## {}\n", say.plan_changes);
    for step in &c.plan_changes {
        let title = (say.plan_changes_between)(&name_of(c, step.from), &name_of(c, step.to));
        let _ = write!(out, "\n### {title}\n\n");
        match &step.diff {
            Some(diff) => {
                let text = plan_diff_markdown(diff, c.lang).replace("### ", "#### ");
                let _ = writeln!(out, "{}", text.trim_end());
            }
            None => {
                let _ = writeln!(out, "{}", say.plan_not_recorded);
            }
        }
    }
}
