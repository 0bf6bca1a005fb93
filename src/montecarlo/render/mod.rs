//! What a study says: `montecarlo.json` (every aggregate, with the inputs' SHA-256),
//! `montecarlo.md` and the summary table. Only figures counted in the aggregate appear;
//! every fixed phrase comes from the language catalogue.

use std::fmt::Write;

use serde::Serialize;

mod cdf;
mod drivers;
mod html;
mod notices;
mod whatif;

pub use whatif::VariantReport;

use super::histogram::Durations;
use super::histogram::{Bin, rank};
use super::stats::{Count, Proportion};
use super::tally::Aggregate;
use crate::compile::Model;
use crate::inputs::Inputs;
use crate::score::Lang;

/// Version of the `montecarlo.json` layout.
pub const MONTECARLO_SCHEMA_VERSION: u32 = 1;

/// The percentiles reported, in thousandths.
const PERCENTILES: [u64; 4] = [50, 500, 900, 990];

#[derive(Serialize)]
struct StudyJson<'a> {
    schema_version: u32,
    scenario: &'a str,
    inputs: &'a Inputs,
    seed: u64,
    runs: u64,
    runs_planned: u64,
    complete: bool,
    replica_seed: &'static str,
    functions: Vec<FunctionJson<'a>>,
    declaration: DurationsJson,
    call_tree_complete: DurationsJson,
    findings: Vec<FindingJson<'a>>,
    objectives: Vec<ObjectiveJson<'a>>,
    links: Vec<notices::LinkJson<'a>>,
    stakeholders: Vec<notices::StakeholderJson<'a>>,
    compare: Vec<whatif::VariantJson<'a>>,
}

#[derive(Serialize)]
struct FunctionJson<'a> {
    id: &'a str,
    rto: i64,
    mtd: i64,
    rpo: i64,
    disrupted: u64,
    within_rto: Option<Proportion>,
    within_mtd: Option<Proportion>,
    within_rpo: Option<Proportion>,
    not_back: Option<Proportion>,
    back_after: DurationsJson,
    data_lost: DurationsJson,
    misses: u64,
    critical_path: Vec<drivers::CriticalJson<'a>>,
    tornado: Vec<drivers::InputJson<'a>>,
}

/// Percentiles are `null` where they fall on replicas in which the moment never came.
#[derive(Serialize)]
pub(super) struct DurationsJson {
    measured: u64,
    never: u64,
    p5: Option<i64>,
    p50: Option<i64>,
    p90: Option<i64>,
    p99: Option<i64>,
    bins: Vec<Bin>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    id: &'a str,
    replicas: Option<Proportion>,
}

#[derive(Serialize)]
struct ObjectiveJson<'a> {
    id: &'a str,
    #[serde(rename = "P")]
    p: u64,
    #[serde(rename = "S")]
    s: u64,
    #[serde(rename = "M")]
    m: u64,
    #[serde(rename = "U")]
    u: u64,
    not_rated: u64,
}

/// The four percentiles, counting replicas where the moment never came as later than any.
fn percentiles(d: &Durations) -> [Option<i64>; 4] {
    let n = d.seen.total() + d.never;
    PERCENTILES.map(|q| if n == 0 { None } else { d.seen.at_rank(rank(q, n)) })
}

pub(super) fn durations(d: &Durations) -> DurationsJson {
    let [p5, p50, p90, p99] = percentiles(d);
    DurationsJson { measured: d.seen.total(), never: d.never, p5, p50, p90, p99, bins: d.seen.bins() }
}

/// What a study's files and summary are written from.
#[derive(Debug, Clone, Copy)]
pub struct StudyReport<'a> {
    /// The plan and scenario played.
    pub model: &'a Model,
    /// The inputs' SHA-256.
    pub inputs: &'a Inputs,
    /// The study's seed.
    pub seed: u64,
    /// How many replicas it was to play (`complete` says whether the aggregate counts
    /// them all).
    pub planned: u64,
    /// What the replicas added up to.
    pub aggregate: &'a Aggregate,
    /// The what-if comparison against plan variants: none without `--compare`, or for a
    /// study merged from shards.
    pub variants: &'a [VariantReport<'a>],
}

impl StudyReport<'_> {
    /// `montecarlo.json`.
    pub fn json(&self) -> String {
        json(self.model, self.inputs, self.seed, self.planned, self.aggregate, self.variants)
    }

    /// `montecarlo.md`.
    pub fn markdown(&self, lang: Lang) -> String {
        markdown(self.model, self.seed, self.planned, self.aggregate, self.variants, lang)
    }

    /// `montecarlo.html`.
    pub fn html(&self, lang: Lang) -> String {
        html::html(self.model, self.seed, self.planned, self.aggregate, self.variants, lang)
    }

    /// The summary table printed when a study finishes.
    pub fn summary(&self, lang: Lang) -> String {
        summary(self.model, self.seed, self.planned, self.aggregate, self.variants, lang)
    }
}

fn json<'a>(
    model: &'a Model,
    inputs: &'a Inputs,
    seed: u64,
    planned: u64,
    agg: &Aggregate,
    variants: &[VariantReport<'a>],
) -> String {
    let study = StudyJson {
        schema_version: MONTECARLO_SCHEMA_VERSION,
        scenario: &model.meta.scenario_id,
        inputs,
        seed,
        runs: agg.runs,
        runs_planned: planned,
        complete: agg.runs == planned,
        replica_seed: "splitmix64(seed, index)",
        functions: model
            .functions
            .iter()
            .zip(&agg.functions)
            .map(|(f, t)| FunctionJson {
                id: &f.id,
                rto: f.rto,
                mtd: f.mtd,
                rpo: f.rpo,
                disrupted: t.not_back.of,
                within_rto: t.within_rto.proportion(),
                within_mtd: t.within_mtd.proportion(),
                within_rpo: t.within_rpo.proportion(),
                not_back: t.not_back.proportion(),
                back_after: durations(&t.back_after),
                data_lost: durations(&t.data_lost),
                misses: drivers::misses(t),
                critical_path: drivers::critical_json(t),
                tornado: drivers::tornado(t),
            })
            .collect(),
        declaration: durations(&agg.declaration),
        call_tree_complete: durations(&agg.call_tree),
        findings: agg
            .findings
            .iter()
            .map(|(id, &n)| FindingJson { id, replicas: Count { hits: n, of: agg.runs }.proportion() })
            .collect(),
        objectives: model
            .objectives
            .iter()
            .zip(&agg.ratings)
            .map(|(o, c)| ObjectiveJson { id: &o.id, p: c[0], s: c[1], m: c[2], u: c[3], not_rated: c[4] })
            .collect(),
        links: notices::links_json(model, agg),
        stakeholders: notices::stakeholders_json(model, agg),
        compare: whatif::json(model, variants),
    };
    let mut text = serde_json::to_string_pretty(&study).unwrap_or_default();
    text.push('\n');
    text
}

/// Text made safe inside HTML and SVG.
pub(super) fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub(super) fn percent(p: f64) -> String {
    format!("{:.1}%", p * 100.0)
}

/// A proportion with its interval, or the no-value mark.
pub(super) fn share(count: Count, lang: Lang) -> String {
    let say = &lang.catalogue().montecarlo;
    count.proportion().map_or_else(
        || lang.catalogue().labels.no_value.to_owned(),
        |p| (say.interval)(&percent(p.p), &percent(p.low), &percent(p.high)),
    )
}

/// The four percentiles in words; the no-value mark when nothing was judged (a function
/// never disrupted), which is not the same as "never".
pub(super) fn quantiles(d: &Durations, lang: Lang) -> String {
    let say = &lang.catalogue().montecarlo;
    if d.seen.total() + d.never == 0 {
        return lang.catalogue().labels.no_value.to_owned();
    }
    let [a, b, c, e] = percentiles(d).map(|q| q.map_or_else(|| say.never.to_owned(), |s| lang.duration(s)));
    (say.quantiles)(&a, &b, &c, &e)
}

pub(super) fn title(model: &Model, seed: u64, agg: &Aggregate, lang: Lang) -> String {
    let say = &lang.catalogue().montecarlo;
    (say.title)(&model.meta.scenario_id, &model.meta.title, &agg.runs.to_string(), &seed.to_string())
}

fn row(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
    format!("| {} |\n", cells.join(" | "))
}

pub(super) fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    out.push_str(&row(&head.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>()));
    out.push_str(&row(&vec!["---".to_owned(); head.len()]));
    for r in rows {
        out.push_str(&row(r));
    }
    out.push('\n');
}

/// Said under the title when the study stopped before playing every replica.
pub(super) fn partial_note(agg: &Aggregate, planned: u64, lang: Lang) -> Option<String> {
    (agg.runs != planned).then(|| (lang.catalogue().shards.partial)(&agg.runs.to_string(), &planned.to_string()))
}

/// The recovery table: per function, where it was disrupted, the odds and back-after.
fn recovery_rows(model: &Model, agg: &Aggregate, lang: Lang) -> ([&'static str; 6], Vec<Vec<String>>) {
    let say = &lang.catalogue().montecarlo;
    let rows = model
        .functions
        .iter()
        .zip(&agg.functions)
        .map(|(f, t)| {
            vec![
                f.name.clone(),
                t.not_back.of.to_string(),
                share(t.within_rto, lang),
                share(t.within_mtd, lang),
                quantiles(&t.back_after, lang),
                share(t.not_back, lang),
            ]
        })
        .collect();
    ([say.function, say.disrupted, say.within_rto, say.within_mtd, say.back_after, say.not_back], rows)
}

fn markdown(
    model: &Model,
    seed: u64,
    planned: u64,
    agg: &Aggregate,
    variants: &[VariantReport<'_>],
    lang: Lang,
) -> String {
    let say = &lang.catalogue().montecarlo;
    let mut out = format!("# {}\n\n", title(model, seed, agg, lang));
    if let Some(note) = partial_note(agg, planned, lang) {
        let _ = write!(out, "**{note}**\n\n");
    }
    let _ = write!(out, "{}\n\n## {}\n\n", say.method, say.functions_heading);
    let functions: Vec<_> = model.functions.iter().zip(&agg.functions).collect();
    let (head, rows) = recovery_rows(model, agg, lang);
    table(&mut out, &head, &rows);
    let _ = write!(out, "## {}\n\n", say.data_heading);
    let rows: Vec<Vec<String>> = functions
        .iter()
        .map(|(f, t)| {
            let no_copy = Count { hits: t.data_lost.never, of: t.not_back.of };
            vec![f.name.clone(), share(t.within_rpo, lang), quantiles(&t.data_lost, lang), share(no_copy, lang)]
        })
        .collect();
    table(&mut out, &[say.function, say.within_rpo, say.data_lost, say.no_copy], &rows);
    drivers::markdown(&mut out, model, agg, lang);
    whatif::markdown(&mut out, model, variants, lang);
    let _ = write!(out, "## {}\n\n{}\n\n{}\n\n", say.people_heading, declared(agg, lang), call_tree(agg, lang));
    notices::markdown(&mut out, model, agg, lang);
    let _ = write!(out, "## {}\n\n", say.findings_heading);
    if agg.findings.is_empty() {
        let _ = write!(out, "{}\n\n", say.no_findings);
    } else {
        let rows: Vec<Vec<String>> = agg
            .findings
            .iter()
            .map(|(id, &n)| vec![format!("`{id}`"), share(Count { hits: n, of: agg.runs }, lang)])
            .collect();
        table(&mut out, &[say.finding, say.replicas], &rows);
    }
    if !model.objectives.is_empty() {
        let _ = write!(out, "## {}\n\n", say.objectives_heading);
        let rows: Vec<Vec<String>> = model
            .objectives
            .iter()
            .zip(&agg.ratings)
            .map(|(o, c)| std::iter::once(o.text.clone()).chain(c.iter().map(u64::to_string)).collect())
            .collect();
        table(&mut out, &[say.objective, "P", "S", "M", "U", say.not_rated], &rows);
    }
    out
}

pub(super) fn declared(agg: &Aggregate, lang: Lang) -> String {
    let say = &lang.catalogue().montecarlo;
    let d = &agg.declaration;
    if d.seen.total() + d.never == 0 {
        return say.no_disruption.to_owned();
    }
    (say.declared)(&share(Count { hits: d.seen.total(), of: d.seen.total() + d.never }, lang), &quantiles(d, lang))
}

pub(super) fn call_tree(agg: &Aggregate, lang: Lang) -> String {
    let say = &lang.catalogue().montecarlo;
    let d = &agg.call_tree;
    if d.seen.total() + d.never == 0 {
        return say.no_call_tree.to_owned();
    }
    (say.call_tree)(&share(Count { hits: d.seen.total(), of: d.seen.total() + d.never }, lang), &quantiles(d, lang))
}

fn summary(
    model: &Model,
    seed: u64,
    planned: u64,
    agg: &Aggregate,
    variants: &[VariantReport<'_>],
    lang: Lang,
) -> String {
    let say = &lang.catalogue().montecarlo;
    let mut out = format!("{}\n", title(model, seed, agg, lang));
    if let Some(note) = partial_note(agg, planned, lang) {
        let _ = writeln!(out, "  {note}");
    }
    for (f, t) in model.functions.iter().zip(&agg.functions) {
        let line = (say.summary_line)(
            &f.name,
            &share(t.within_rto, lang),
            &quantiles(&t.back_after, lang),
            &share(t.not_back, lang),
        );
        let _ = writeln!(out, "  {line}");
    }
    drivers::summary(&mut out, model, agg, lang);
    whatif::summary(&mut out, model, variants, lang);
    let _ = writeln!(out, "  {}", declared(agg, lang));
    let _ = writeln!(out, "  {}", call_tree(agg, lang));
    notices::summary(&mut out, model, agg, lang);
    out
}
