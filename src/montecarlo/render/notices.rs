//! Reaching people as the study writes it: each call-tree link's delay and each
//! stakeholder notice, with how often each was within its deadline.

use std::fmt::Write;

use serde::Serialize;

use super::{DurationsJson, durations, quantiles, share, table};
use crate::compile::Model;
use crate::montecarlo::notices::NoticeTally;
use crate::montecarlo::stats::Proportion;
use crate::montecarlo::tally::Aggregate;
use crate::score::Lang;

#[derive(Serialize)]
pub(super) struct LinkJson<'a> {
    from: &'a str,
    to: &'a str,
    deadline: i64,
    called: u64,
    within_deadline: Option<Proportion>,
    delay: DurationsJson,
}

#[derive(Serialize)]
pub(super) struct StakeholderJson<'a> {
    id: &'a str,
    deadline: i64,
    clock_started: u64,
    within_deadline: Option<Proportion>,
    delay: DurationsJson,
}

fn started(t: &NoticeTally) -> u64 {
    t.delay.seen.total() + t.delay.never
}

pub(super) fn links_json<'a>(model: &'a Model, agg: &Aggregate) -> Vec<LinkJson<'a>> {
    let Some(tree) = model.call_tree.as_ref() else { return Vec::new() };
    tree.links
        .iter()
        .zip(&agg.links)
        .map(|(l, t)| LinkJson {
            from: &model.roles[l.from].id,
            to: &model.roles[l.to].id,
            deadline: l.deadline,
            called: started(t),
            within_deadline: t.within_deadline.proportion(),
            delay: durations(&t.delay),
        })
        .collect()
}

pub(super) fn stakeholders_json<'a>(model: &'a Model, agg: &Aggregate) -> Vec<StakeholderJson<'a>> {
    model
        .stakeholders
        .iter()
        .zip(&agg.stakeholders)
        .map(|(s, t)| StakeholderJson {
            id: &s.id,
            deadline: s.deadline,
            clock_started: started(t),
            within_deadline: t.within_deadline.proportion(),
            delay: durations(&t.delay),
        })
        .collect()
}

fn row(name: String, deadline: i64, t: &NoticeTally, lang: Lang) -> Vec<String> {
    vec![
        name,
        lang.duration(deadline),
        started(t).to_string(),
        share(t.within_deadline, lang),
        quantiles(&t.delay, lang),
    ]
}

/// The tables of links and of stakeholder notices (headings and rows), leaving out a
/// table with no rows.
pub(super) fn tables(model: &Model, agg: &Aggregate, lang: Lang) -> Vec<(Vec<&'static str>, Vec<Vec<String>>)> {
    let say = &lang.catalogue().study;
    let links: Vec<Vec<String>> = model.call_tree.as_ref().map_or_else(Vec::new, |tree| {
        let name = |l: &crate::compile::Link| (say.link_name)(&model.roles[l.from].name, &model.roles[l.to].name);
        tree.links.iter().zip(&agg.links).map(|(l, t)| row(name(l), l.deadline, t, lang)).collect()
    });
    let notices: Vec<Vec<String>> = model
        .stakeholders
        .iter()
        .zip(&agg.stakeholders)
        .map(|(s, t)| row(s.name.clone(), s.deadline, t, lang))
        .collect();
    let mut out = Vec::new();
    if !links.is_empty() {
        out.push((vec![say.link, say.deadline, say.clock_started, say.within_deadline, say.delay], links));
    }
    if !notices.is_empty() {
        out.push((vec![say.stakeholder, say.deadline, say.clock_started, say.within_deadline, say.delay], notices));
    }
    out
}

/// The section of `montecarlo.md`; nothing when the plan has neither links nor
/// stakeholders.
pub(super) fn markdown(out: &mut String, model: &Model, agg: &Aggregate, lang: Lang) {
    let tables = tables(model, agg, lang);
    if tables.is_empty() {
        return;
    }
    let _ = write!(out, "## {}\n\n", lang.catalogue().study.notices_heading);
    for (head, rows) in &tables {
        table(out, head, rows);
    }
}

/// One summary line per stakeholder notice (links are many: they stay in the files).
pub(super) fn summary(out: &mut String, model: &Model, agg: &Aggregate, lang: Lang) {
    let say = &lang.catalogue().study;
    for (s, t) in model.stakeholders.iter().zip(&agg.stakeholders) {
        if started(t) > 0 {
            let line = (say.summary_notice)(&s.name, &share(t.within_deadline, lang), &quantiles(&t.delay, lang));
            let _ = writeln!(out, "  {line}");
        }
    }
}
