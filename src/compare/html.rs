//! `comparison.html`: one self-contained page (no scripts, no external resources) with
//! the regressions, a bar chart per function (back-after per exercise against that
//! exercise's RTO and MTD) and a ratings grid, then the tables of `comparison.md`.

use std::fmt::Write;

use super::model::{Comparison, FindingStatus, FunctionTrend};
use super::plan_diff::{ChangeKind, Section};
use super::render;
use crate::lang::Lang;

/// Chart geometry: label column, plot width, one row per exercise.
const LABEL: f64 = 150.0;
const PLOT: f64 = 560.0;
const ROW: f64 = 26.0;
const WIDTH: f64 = LABEL + PLOT + 80.0;

fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The page.
pub fn page(c: &Comparison) -> String {
    let (lang, say) = (c.lang, &c.lang.catalogue().compare);
    let code = match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(say.title),
        esc(say.title)
    );
    let _ = write!(
        out,
        "<h2>{}</h2>\n<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        esc(say.exercises),
        esc(say.exercise),
        esc(say.date),
        esc(say.scenario)
    );
    for e in &c.exercises {
        let date = e.date.as_deref().unwrap_or(say.none);
        let _ = writeln!(out, "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", esc(&e.name), esc(date), esc(&e.title));
    }
    out.push_str("</table>\n");
    if !c.same_scenario {
        let _ = writeln!(out, "<p>{}</p>", esc(say.different_scenarios));
    }
    if !c.not_covered.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>\n<ul>", esc(say.not_covered));
        for line in render::not_covered_lines(c) {
            let _ = writeln!(out, "<li>{}</li>", esc(&plain(&line)));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(out, "<h2>{}</h2>", esc(say.regressions));
    if c.regressions.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(render::no_regressions(c)));
    } else {
        out.push_str("<ul class=\"regressions\">\n");
        for r in &c.regressions {
            // The Markdown sentence marks ids as code with backticks; here they are plain.
            let _ = writeln!(out, "<li>{}</li>", esc(&plain(&render::regression_text(c, r))));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(out, "<h2>{}</h2>", esc(say.functions));
    // A function no exercise disrupted has nothing to draw; its targets are in the Markdown.
    for f in c.functions.iter().filter(|f| f.points.iter().flatten().any(|p| p.disrupted)) {
        let _ = writeln!(out, "<h3>{}</h3>\n{}", esc(&f.name), chart(c, f));
    }
    response(&mut out, c);
    ratings(&mut out, c);
    findings(&mut out, c);
    items(&mut out, c);
    plan_changes(&mut out, c);
    out.push_str("</body>\n</html>\n");
    out
}

/// A sentence written for Markdown, as plain text: ids are marked as code with
/// backticks there, and a Markdown table escapes `|` and `\`.
fn plain(markdown: &str) -> String {
    markdown.replace('`', "").replace("\\|", "|").replace("\\\\", "\\")
}

/// Opens a table whose columns are the exercises, after a first column `first`.
fn by_exercise_header(out: &mut String, c: &Comparison, class: &str, first: &str) {
    let _ = write!(out, "<table class=\"{class}\"><tr><th>{}</th>", esc(first));
    for e in &c.exercises {
        let _ = write!(out, "<th>{}</th>", esc(&e.name));
    }
    out.push_str("</tr>\n");
}

fn response(out: &mut String, c: &Comparison) {
    let (lang, say) = (c.lang, &c.lang.catalogue().compare);
    let _ = writeln!(out, "<h2>{}</h2>", esc(say.response));
    by_exercise_header(out, c, "response", say.measure);
    for d in &c.response {
        let _ = write!(out, "<tr><td>{}</td>", esc(&plain(&render::measure_name(say, &d.measure, &d.name))));
        for v in &d.values {
            let _ = write!(out, "<td>{}</td>", esc(&v.map_or_else(|| say.none.to_owned(), |s| lang.duration(s))));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn plan_changes(out: &mut String, c: &Comparison) {
    let say = &c.lang.catalogue().compare;
    let _ = writeln!(out, "<h2>{}</h2>", esc(say.plan_changes));
    for step in &c.plan_changes {
        let name = |k: usize| c.exercises.get(k).map(|e| e.name.as_str()).unwrap_or_default();
        let _ = writeln!(out, "<h3>{}</h3>", esc(&(say.plan_changes_between)(name(step.from), name(step.to))));
        let Some(diff) = &step.diff else {
            let _ = writeln!(out, "<p>{}</p>", esc(say.plan_not_recorded));
            continue;
        };
        if diff.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", esc(say.no_plan_changes));
            continue;
        }
        let _ = writeln!(
            out,
            "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            esc(say.id),
            esc(say.change),
            esc(say.field),
            esc(say.old),
            esc(say.new)
        );
        for section in Section::ALL {
            for change in diff.changes.iter().filter(|ch| ch.section == section) {
                let kind = match change.kind {
                    ChangeKind::Added => say.added,
                    ChangeKind::Removed => say.removed,
                    ChangeKind::Changed => say.changed,
                };
                for field in &change.fields {
                    let value = |v: &Option<String>| esc(v.as_deref().unwrap_or(say.none));
                    let _ = writeln!(
                        out,
                        "<tr><td>{} <code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        esc(render::section_name(say, section)),
                        esc(&change.id),
                        esc(kind),
                        esc(field.field),
                        value(&field.old),
                        value(&field.new)
                    );
                }
            }
        }
        out.push_str("</table>\n");
    }
}

/// Horizontal bars, one per exercise where the function was disrupted and came back,
/// with that exercise's RTO (dashed) and MTD (solid) marked on its row.
fn chart(c: &Comparison, f: &FunctionTrend) -> String {
    let (lang, say) = (c.lang, &c.lang.catalogue().compare);
    let rows: Vec<(usize, &super::model::FunctionPoint)> =
        f.points.iter().enumerate().filter_map(|(k, p)| p.as_ref().map(|p| (k, p))).collect();
    let max = rows.iter().flat_map(|(_, p)| [p.back_after.unwrap_or(0), p.rto, p.mtd]).max().unwrap_or(1).max(1);
    let scale = |secs: i64| LABEL + PLOT * secs as f64 / max as f64;
    let height = ROW * rows.len() as f64 + 30.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\n",
        esc(&f.name)
    );
    for (row, (k, p)) in rows.iter().enumerate() {
        let y = ROW * row as f64 + 4.0;
        let name = c.exercises.get(*k).map(|e| e.name.as_str()).unwrap_or_default();
        let _ = writeln!(svg, "<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text>", y + 15.0, esc(name));
        let (width, colour, label) = match (p.disrupted, p.back_after) {
            (true, Some(b)) => {
                (scale(b) - LABEL, if p.rto_met == Some(true) { "#3a7d44" } else { "#b3362c" }, lang.duration(b))
            }
            (true, None) => (PLOT, "#b3362c", say.not_back.to_owned()),
            (false, _) => (0.0, "#999", say.not_disrupted.to_owned()),
        };
        let _ = writeln!(svg, "<rect x=\"{LABEL}\" y=\"{y}\" width=\"{width:.1}\" height=\"18\" fill=\"{colour}\"/>");
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\">{}</text>",
            LABEL + width + 4.0,
            y + 14.0,
            esc(&label)
        );
        for (target, dash) in [(p.rto, "4 3"), (p.mtd, "none")] {
            let x = scale(target);
            let _ = writeln!(
                svg,
                "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{}\" y2=\"{}\" stroke=\"#222\" stroke-dasharray=\"{dash}\"/>",
                y - 2.0,
                y + 20.0
            );
        }
    }
    let legend_y = height - 6.0;
    let _ = writeln!(
        svg,
        "<text x=\"{LABEL}\" y=\"{legend_y}\" font-size=\"11\" fill=\"#555\">- - {} │ {}</text>\n</svg>",
        esc(say.rto),
        esc(say.mtd)
    );
    svg
}

fn ratings(out: &mut String, c: &Comparison) {
    let say = &c.lang.catalogue().compare;
    let _ = writeln!(out, "<h2>{}</h2>", esc(say.objectives));
    by_exercise_header(out, c, "grid", say.objective);
    for o in &c.objectives {
        let _ = write!(out, "<tr><td>{}</td>", esc(&plain(&render::objective_label(c, o))));
        for r in &o.ratings {
            let r = r.as_deref().unwrap_or(say.none);
            let _ = write!(out, "<td class=\"r{}\">{}</td>", esc(r), esc(r));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn findings(out: &mut String, c: &Comparison) {
    let say = &c.lang.catalogue().compare;
    let _ = writeln!(out, "<h2>{}</h2>", esc(say.findings));
    if c.findings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(say.no_findings));
        return;
    }
    by_exercise_header(out, c, "findings", say.finding);
    for f in &c.findings {
        let _ = write!(out, "<tr><td><code>{}</code> {}</td>", esc(&f.id), esc(&f.title));
        for s in &f.status {
            let class = match s {
                Some(FindingStatus::New) => "new",
                Some(FindingStatus::Recurring) => "recurring",
                Some(FindingStatus::Resolved) => "resolved",
                Some(FindingStatus::NotRetested) => "untested",
                None => "",
            };
            let text = s.map_or("", |s| render::finding_status(say, s));
            let _ = write!(out, "<td class=\"{class}\">{}</td>", esc(text));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

fn items(out: &mut String, c: &Comparison) {
    let say = &c.lang.catalogue().compare;
    let _ = writeln!(out, "<h2>{}</h2>", esc(say.improvement_items));
    if c.improvement_items.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(say.no_items));
        return;
    }
    let _ = writeln!(
        out,
        "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        esc(say.exercise),
        esc(say.item),
        esc(say.due),
        esc(say.status)
    );
    for i in &c.improvement_items {
        let status = render::item_status(say, i.status);
        let name = c.exercises.get(i.exercise).map(|e| e.name.as_str()).unwrap_or_default();
        let due = i.due.as_deref().unwrap_or(say.none);
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td></tr>",
            esc(name),
            esc(&i.number),
            esc(&i.corrective_action),
            esc(due),
            esc(status)
        );
    }
    out.push_str("</table>\n");
}

const STYLE: &str = "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\
.regressions li{color:#b3362c;font-weight:600}.recurring{background:#f6d5d2;font-weight:600}.resolved{background:#d9eedc}\
.untested{color:#666;font-style:italic}.grid td{text-align:center}.grid td:first-child{text-align:left}.rP{background:#d9eedc}.rS{background:#eef5d0}.rM{background:#fbe7c6}.rU{background:#f6d5d2}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}svg{break-inside:avoid}}";
