//! `montecarlo.html`: one self-contained page (no scripts, no external resources),
//! printable on A4: per function the back-after curve with its RTO and MTD, what was on
//! the critical path of its misses and its tornado as ranked bars; the what-if table;
//! reaching people; findings. Every figure is one `montecarlo.md` also gives.

use std::fmt::Write;

use super::drivers::{critical_json, driver, input, misses, r, tornado};
use super::{call_tree, cdf, declared, esc, notices, percent, recovery_rows, share, title, whatif};
use crate::compile::Model;
use crate::montecarlo::stats::Count;
use crate::montecarlo::tally::{Aggregate, FunctionTally};
use crate::score::Lang;

/// Rows of a function's critical-path table and bars of its tornado, at most.
const SHOWN: usize = 8;

fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    out.push_str("<table><tr>");
    for h in head {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr>\n");
    for row in rows {
        out.push_str("<tr>");
        for c in row {
            let _ = write!(out, "<td>{}</td>", esc(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

/// The page.
pub(super) fn html(
    model: &Model,
    seed: u64,
    planned: u64,
    agg: &Aggregate,
    variants: &[whatif::VariantReport<'_>],
    lang: Lang,
) -> String {
    let (say, study) = (&lang.catalogue().montecarlo, &lang.catalogue().study);
    let code = match lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    };
    let heading = title(model, seed, agg, lang);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"method\">{}</p>\n",
        esc(&heading),
        esc(&heading),
        esc(say.method)
    );
    if let Some(note) = super::partial_note(agg, planned, lang) {
        let _ = writeln!(out, "<p class=\"partial\"><strong>{}</strong></p>", esc(&note));
    }
    let _ = writeln!(out, "<h2>{}</h2>", esc(say.functions_heading));
    let (head, rows) = recovery_rows(model, agg, lang);
    table(&mut out, &head, &rows);
    // How the per-function drivers and tornadoes below are counted, said once.
    let _ = writeln!(
        out,
        "<p class=\"method\"><b>{}</b><br>{}</p>\n<p class=\"method\"><b>{}</b><br>{}</p>",
        esc(study.drivers_heading),
        esc(study.drivers_method),
        esc(study.tornado_heading),
        esc(study.tornado_method)
    );
    for (f, t) in model.functions.iter().zip(&agg.functions) {
        let Some(chart) = cdf::chart(f, &t.back_after, lang) else { continue };
        let _ = write!(out, "<section class=\"function\">\n<h3>{}</h3>\n{chart}\n", esc(&f.name));
        let caption =
            (study.chart_caption)(&share(t.within_rto, lang), &share(t.within_mtd, lang), &share(t.not_back, lang));
        let _ = writeln!(out, "<p class=\"caption\">{}</p>", esc(&caption));
        critical(&mut out, model, f, t, lang);
        bars(&mut out, model, f, t, lang);
        out.push_str("</section>\n");
    }
    if !variants.is_empty() {
        let _ = write!(
            out,
            "<h2>{}</h2>\n<p class=\"method\">{}</p>\n",
            esc(study.whatif_heading),
            esc(study.whatif_method)
        );
        // One table per variant under its plan's path: a column of paths would take half the page.
        let (head, rows) = whatif::rows(model, variants, lang);
        for v in variants {
            let mine: Vec<Vec<String>> = rows.iter().filter(|r| r[0] == v.plan).map(|r| r[1..].to_vec()).collect();
            let _ = writeln!(out, "<h3><code>{}</code></h3>", esc(v.plan));
            table(&mut out, &head[1..], &mine);
        }
    }
    let tables = notices::tables(model, agg, lang);
    if !tables.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", esc(study.notices_heading));
        for (head, rows) in &tables {
            table(&mut out, head, rows);
        }
    }
    let _ = write!(
        out,
        "<h2>{}</h2>\n<p>{}</p>\n<p>{}</p>\n",
        esc(say.people_heading),
        esc(&declared(agg, lang)),
        esc(&call_tree(agg, lang))
    );
    findings(&mut out, agg, lang);
    out.push_str("</body>\n</html>\n");
    out
}

fn critical(out: &mut String, model: &Model, f: &crate::compile::Function, t: &FunctionTally, lang: Lang) {
    let study = &lang.catalogue().study;
    let n = misses(t);
    if n == 0 {
        return;
    }
    let _ = writeln!(out, "<p>{}</p>", esc(&(study.misses)(&f.name, &n.to_string())));
    let rows: Vec<Vec<String>> = critical_json(t)
        .iter()
        .take(SHOWN)
        .map(|c| vec![driver(model, f, c.on_path, lang), percent(c.share)])
        .collect();
    table(out, &[study.driver, study.share_of_misses], &rows);
}

/// The tornado as ranked bars about r = 0: to the right when the input lengthens
/// back-after, to the left when it shortens it.
fn bars(out: &mut String, model: &Model, f: &crate::compile::Function, t: &FunctionTally, lang: Lang) {
    let study = &lang.catalogue().study;
    let ranked = tornado(t);
    if ranked.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h4>{}</h4>\n<table class=\"tornado\">", esc(&(study.tornado_chart_title)(&f.name)));
    for i in ranked.iter().take(SHOWN) {
        let width = i.r.abs() * 50.0;
        let (left, class) = if i.r >= 0.0 { (50.0, "pos") } else { (50.0 - width, "neg") };
        let _ = writeln!(
            out,
            "<tr><td class=\"input\">{}</td><td class=\"bar\"><div class=\"track\"><span class=\"{class}\" style=\"left:{left:.1}%;width:{width:.1}%\"></span></div></td><td class=\"r\">{}</td></tr>",
            esc(&input(model, i.input, lang)),
            esc(&r(i.r))
        );
    }
    out.push_str("</table>\n");
}

fn findings(out: &mut String, agg: &Aggregate, lang: Lang) {
    let say = &lang.catalogue().montecarlo;
    let _ = writeln!(out, "<h2>{}</h2>", esc(say.findings_heading));
    if agg.findings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(say.no_findings));
        return;
    }
    let rows: Vec<Vec<String>> =
        agg.findings.iter().map(|(id, &n)| vec![id.clone(), share(Count { hits: n, of: agg.runs }, lang)]).collect();
    table(out, &[say.finding, say.replicas], &rows);
}

const STYLE: &str = "body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;font-size:14px}\
h1{font-size:1.45rem}h2{font-size:1.2rem;margin-top:1.6rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}h4{font-size:.95rem;margin:.6rem 0 .2rem}\
.method{color:#555;font-size:.85rem}.caption{margin:.1rem 0 .5rem;font-size:.9rem}\
table{border-collapse:collapse;margin:.4rem 0 .9rem}th,td{border:1px solid #ccc;padding:.2rem .45rem;text-align:left;vertical-align:top}th{background:#f4f4f4}\
.tornado{width:100%}.tornado td{border:none;border-bottom:1px solid #eee}.tornado .input{width:48%}.tornado .r{width:4rem;text-align:right;font-variant-numeric:tabular-nums}\
.track{position:relative;height:.9rem;background:linear-gradient(#999,#999) no-repeat 50% 0/1px 100%}.track span{position:absolute;top:.1rem;height:.7rem}\
.pos{background:#c62828}.neg{background:#2e7d32}\
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\
@page{size:A4;margin:14mm}@media print{body{margin:0;max-width:none;font-size:10pt}h2,h3,h4{break-after:avoid}svg,tr,.caption{break-inside:avoid}}";
