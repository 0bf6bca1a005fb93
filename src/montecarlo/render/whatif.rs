//! The what-if comparison as the study writes it: per variant plan and function, the
//! paired difference in P(within RTO), P(within MTD) and P(within RPO), with its
//! interval and the discordant replicas.

use std::fmt::Write;

use serde::Serialize;

use super::{percent, table};
use crate::compile::Model;
use crate::montecarlo::stats::{Pairs, paired_difference};
use crate::montecarlo::whatif::{TARGETS, VariantTally};
use crate::score::Lang;

/// A variant as the report names it: the plan as given, and its pairs.
#[derive(Debug, Clone, Copy)]
pub struct VariantReport<'a> {
    /// The plan's path as given on the command line.
    pub plan: &'a str,
    /// Its pairs against the study's plan.
    pub tally: &'a VariantTally,
}

#[derive(Serialize)]
pub(in crate::montecarlo) struct DifferenceJson {
    pub(in crate::montecarlo) pairs: u64,
    pub(in crate::montecarlo) this_plan: f64,
    pub(in crate::montecarlo) variant: f64,
    pub(in crate::montecarlo) difference: f64,
    pub(in crate::montecarlo) low: f64,
    pub(in crate::montecarlo) high: f64,
    pub(in crate::montecarlo) better_in: u64,
    pub(in crate::montecarlo) worse_in: u64,
}

#[derive(Serialize)]
pub(super) struct FunctionJson<'a> {
    id: &'a str,
    within_rto: Option<DifferenceJson>,
    within_mtd: Option<DifferenceJson>,
    within_rpo: Option<DifferenceJson>,
}

#[derive(Serialize)]
pub(super) struct VariantJson<'a> {
    plan: &'a str,
    functions: Vec<FunctionJson<'a>>,
}

pub(in crate::montecarlo) fn difference(p: Pairs) -> Option<DifferenceJson> {
    let (difference, low, high) = paired_difference(p)?;
    let n = p.n() as f64;
    Some(DifferenceJson {
        pairs: p.n(),
        this_plan: (p.both + p.base_only) as f64 / n,
        variant: (p.both + p.variant_only) as f64 / n,
        difference,
        low,
        high,
        better_in: p.variant_only,
        worse_in: p.base_only,
    })
}

pub(super) fn json<'a>(model: &'a Model, variants: &[VariantReport<'a>]) -> Vec<VariantJson<'a>> {
    variants
        .iter()
        .map(|v| VariantJson {
            plan: v.plan,
            functions: model
                .functions
                .iter()
                .zip(&v.tally.functions)
                .filter(|(_, pairs)| pairs.iter().any(|p| p.n() > 0))
                .map(|(f, [rto, mtd, rpo])| FunctionJson {
                    id: &f.id,
                    within_rto: difference(*rto),
                    within_mtd: difference(*mtd),
                    within_rpo: difference(*rpo),
                })
                .collect(),
        })
        .collect()
}

/// A signed difference in percentage points with its interval.
pub(in crate::montecarlo) fn signed(d: &DifferenceJson, lang: Lang) -> String {
    let pp = |x: f64| format!("{:+.1}%", x * 100.0);
    (lang.catalogue().montecarlo.interval)(&pp(d.difference), &pp(d.low), &pp(d.high))
}

fn measure(target: &str, lang: Lang) -> &'static str {
    let say = &lang.catalogue().montecarlo;
    match target {
        "within_rto" => say.within_rto,
        "within_mtd" => say.within_mtd,
        _ => say.within_rpo,
    }
}

/// The what-if table: headings and one row per variant, function and target judged.
pub(super) fn rows(model: &Model, variants: &[VariantReport<'_>], lang: Lang) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let say = &lang.catalogue().study;
    let head = vec![
        say.plan,
        lang.catalogue().montecarlo.function,
        say.measure,
        say.this_plan,
        say.variant,
        say.difference,
        say.better_in,
        say.worse_in,
    ];
    let mut rows = Vec::new();
    for v in variants {
        for (f, pairs) in model.functions.iter().zip(&v.tally.functions) {
            for (target, p) in TARGETS.iter().zip(pairs) {
                let Some(d) = difference(*p) else { continue };
                rows.push(vec![
                    v.plan.to_owned(),
                    f.name.clone(),
                    measure(target, lang).to_owned(),
                    percent(d.this_plan),
                    percent(d.variant),
                    signed(&d, lang),
                    d.better_in.to_string(),
                    d.worse_in.to_string(),
                ]);
            }
        }
    }
    (head, rows)
}

/// The section of `montecarlo.md`; nothing without variants.
pub(super) fn markdown(out: &mut String, model: &Model, variants: &[VariantReport<'_>], lang: Lang) {
    if variants.is_empty() {
        return;
    }
    let say = &lang.catalogue().study;
    let _ = write!(out, "## {}\n\n{}\n\n", say.whatif_heading, say.whatif_method);
    let (head, mut rows) = rows(model, variants, lang);
    for r in &mut rows {
        r[0] = format!("`{}`", r[0]);
    }
    table(out, &head, &rows);
}

/// One summary line per variant and function: the change in P(within RTO).
pub(super) fn summary(out: &mut String, model: &Model, variants: &[VariantReport<'_>], lang: Lang) {
    let say = &lang.catalogue().study;
    for v in variants {
        for (f, pairs) in model.functions.iter().zip(&v.tally.functions) {
            if let Some(d) = difference(pairs[0]) {
                let line = (say.summary_whatif)(v.plan, &f.name, measure(TARGETS[0], lang), &signed(&d, lang));
                let _ = writeln!(out, "  {line}");
            }
        }
    }
}
