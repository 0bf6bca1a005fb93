//! What drives the misses as the study writes it: what was most often on the critical
//! path of a function's RTO misses, and its sampled inputs ranked by |r| (the tornado).

use std::fmt::Write;

use serde::Serialize;

use super::{percent, table};
use crate::compile::{Function, Model};
use crate::montecarlo::tally::{Aggregate, FunctionTally};
use crate::score::Lang;

/// Rows of a table in `montecarlo.md` and lines in the summary, at most.
const SHOWN: usize = 8;

#[derive(Serialize)]
pub(super) struct CriticalJson<'a> {
    pub(super) on_path: &'a str,
    pub(super) misses: u64,
    pub(super) share: f64,
}

#[derive(Serialize)]
pub(in crate::montecarlo) struct InputJson<'a> {
    pub(in crate::montecarlo) input: &'a str,
    pub(in crate::montecarlo) replicas: u64,
    pub(in crate::montecarlo) r: f64,
}

/// Replicas in which the function missed its RTO.
pub(super) fn misses(t: &FunctionTally) -> u64 {
    t.within_rto.of - t.within_rto.hits
}

/// What was on the critical path of the misses, most often first (ties by key).
pub(super) fn critical_json(t: &FunctionTally) -> Vec<CriticalJson<'_>> {
    let total = misses(t);
    let mut out: Vec<CriticalJson<'_>> = t
        .drivers
        .critical
        .iter()
        .map(|(k, &n)| CriticalJson { on_path: k, misses: n, share: n as f64 / total.max(1) as f64 })
        .collect();
    out.sort_by(|a, b| b.misses.cmp(&a.misses).then_with(|| a.on_path.cmp(b.on_path)));
    out
}

/// The tornado: inputs that varied and were measured in at least half the replicas in
/// which the function was disrupted (an input drawn only in a few, such as an
/// escalation that rarely happens, is too small a sample to rank), by |r| (ties by key).
pub(in crate::montecarlo) fn tornado(t: &FunctionTally) -> Vec<InputJson<'_>> {
    let disrupted = t.not_back.of;
    let mut out: Vec<InputJson<'_>> = t
        .drivers
        .inputs
        .iter()
        .filter(|(_, m)| m.n * 2 >= disrupted)
        .filter_map(|(k, m)| Some(InputJson { input: k, replicas: m.n, r: m.correlation()? }))
        .collect();
    out.sort_by(|a, b| b.r.abs().total_cmp(&a.r.abs()).then_with(|| a.input.cmp(b.input)));
    out
}

fn step_name<'a>(model: &'a Model, f: &Function, id: &'a str) -> &'a str {
    let steps = f.procedure.map(|p| model.procedures[p].steps.as_slice()).unwrap_or_default();
    steps.iter().find(|s| s.id == id).map_or(id, |s| s.name.as_str())
}

fn role_name<'a>(model: &'a Model, id: &'a str) -> &'a str {
    model.roles.iter().find(|r| r.id == id).map_or(id, |r| r.name.as_str())
}

/// A critical-path key in words, with the plan's names.
pub(super) fn driver(model: &Model, f: &Function, key: &str, lang: Lang) -> String {
    let say = &lang.catalogue().study;
    let (kind, id) = key.split_once(':').unwrap_or((key, ""));
    match kind {
        "declaration" => say.driver_declaration.to_owned(),
        "duration" => say.driver_duration.to_owned(),
        "runbook" => (say.driver_runbook)(step_name(model, f, id)),
        "step" => (say.driver_step)(step_name(model, f, id)),
        "system" => (say.driver_system)(model.systems.iter().find(|s| s.id == id).map_or(id, |s| s.name.as_str())),
        "channel" => (say.driver_channel)(id),
        "role" => (say.driver_role)(role_name(model, id)),
        "handover" => (say.driver_handover)(role_name(model, id)),
        "more-urgent" => (say.driver_more_urgent)(role_name(model, id)),
        "busy" => (say.driver_busy)(
            model.people.iter().find(|p| p.id == id).map_or_else(|| role_name(model, id), |p| p.name.as_str()),
        ),
        "dependency" => {
            let (kind, id) = id.split_once(':').unwrap_or(("", id));
            let name = match kind {
                "site" => model.sites.iter().find(|s| s.id == id).map(|s| s.name.as_str()),
                "role" => Some(role_name(model, id)),
                "supplier" => model.suppliers.iter().find(|s| s.id == id).map(|s| s.name.as_str()),
                _ => None,
            };
            (say.driver_dependency)(name.unwrap_or(id))
        }
        _ => key.to_owned(),
    }
}

/// A sampled input's key in words, with the plan's names.
pub(in crate::montecarlo) fn input(model: &Model, key: &str, lang: Lang) -> String {
    let say = &lang.catalogue().study;
    let (kind, id) = key.split_once(':').unwrap_or((key, ""));
    match kind {
        "detection" => say.input_detection.to_owned(),
        "link" => {
            let (from, to) = id.split_once('>').unwrap_or((id, ""));
            (say.input_link)(role_name(model, from), role_name(model, to))
        }
        "step" => {
            let (function, step) = id.split_once('/').unwrap_or((id, ""));
            match model.functions.iter().find(|f| f.id == function) {
                Some(f) => (say.input_step)(&f.name, step_name(model, f, step)),
                None => (say.input_step)(function, step),
            }
        }
        "script" => (say.input_script)(id),
        _ => key.to_owned(),
    }
}

/// `r` as the report writes it.
pub(in crate::montecarlo) fn r(value: f64) -> String {
    format!("{value:+.2}")
}

/// The two sections of `montecarlo.md`.
pub(super) fn markdown(out: &mut String, model: &Model, agg: &Aggregate, lang: Lang) {
    let say = &lang.catalogue().study;
    let _ = write!(out, "## {}\n\n{}\n\n", say.drivers_heading, say.drivers_method);
    let mut any = false;
    for (f, t) in model.functions.iter().zip(&agg.functions) {
        let n = misses(t);
        if n == 0 {
            continue;
        }
        any = true;
        let _ = write!(out, "{}\n\n", (say.misses)(&f.name, &n.to_string()));
        let rows: Vec<Vec<String>> = critical_json(t)
            .iter()
            .take(SHOWN)
            .map(|c| vec![driver(model, f, c.on_path, lang), percent(c.share)])
            .collect();
        table(out, &[say.driver, say.share_of_misses], &rows);
    }
    if !any {
        let _ = write!(out, "{}\n\n", say.no_misses);
    }
    let _ = write!(out, "## {}\n\n{}\n\n", say.tornado_heading, say.tornado_method);
    let mut any = false;
    for (f, t) in model.functions.iter().zip(&agg.functions) {
        let ranked = tornado(t);
        if ranked.is_empty() {
            continue;
        }
        any = true;
        let _ = write!(out, "### {}\n\n", f.name);
        let rows: Vec<Vec<String>> = ranked
            .iter()
            .take(SHOWN)
            .map(|i| vec![input(model, i.input, lang), r(i.r), i.replicas.to_string()])
            .collect();
        table(out, &[say.input, say.correlation, say.pairs], &rows);
    }
    if !any {
        let _ = write!(out, "{}\n\n", say.no_inputs);
    }
}

/// Per function that missed: what was most often on the critical path, and the input
/// that moves its back-after most.
pub(super) fn summary(out: &mut String, model: &Model, agg: &Aggregate, lang: Lang) {
    let say = &lang.catalogue().study;
    for (f, t) in model.functions.iter().zip(&agg.functions) {
        if misses(t) == 0 {
            continue;
        }
        if let Some(c) = critical_json(t).first() {
            let line = (say.summary_driver)(&f.name, &driver(model, f, c.on_path, lang), &percent(c.share));
            let _ = writeln!(out, "  {line}");
        }
        if let Some(i) = tornado(t).first() {
            let line = (say.summary_input)(&f.name, &input(model, i.input, lang), &r(i.r));
            let _ = writeln!(out, "  {line}");
        }
    }
}
