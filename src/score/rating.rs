//! HSEEP ratings: each objective's measurable criteria assessed, then rated
//! P (performed without challenges), S (with some), M (with major) or U (unable).

use super::{CriterionScore, Finding, FindingKind, Lang, ObjectiveScore, Rating};
use crate::compile::{Measure, Model};
use crate::results::Results;

/// Assesses one criterion: (what it asks, met or not assessable, what happened, the
/// fraction by which it was missed, the kind and subject of findings that would explain a miss).
fn assess(
    m: &Model,
    r: &Results,
    c: Measure,
    lang: Lang,
) -> (String, Option<bool>, String, f64, Vec<(FindingKind, String)>) {
    let outage = |f: crate::ids::FunctionId| r.functions[f].outages.first();
    let not_disrupted = || lang.pick("not disrupted in this run", "本次未中断").to_owned();
    match c {
        Measure::FunctionWithinRto(f) | Measure::FunctionWithinMtd(f) => {
            let func = &r.functions[f];
            let (limit, word) = match c {
                Measure::FunctionWithinRto(_) => (func.rto, "RTO"),
                _ => (func.mtd, "MTD"),
            };
            let text = match lang {
                Lang::En => format!("{} back within its {word} ({})", func.name, lang.duration(limit)),
                Lang::Zh => format!("{}在 {word}（{}）内恢复", func.name, lang.duration(limit)),
            };
            let Some(o) = outage(f) else { return (text, None, not_disrupted(), 0.0, Vec::new()) };
            let met = if word == "RTO" { o.within_rto } else { o.within_mtd };
            let back = o.back_after.unwrap_or(r.duration - o.start);
            let detail = match o.back_after {
                Some(b) => format!("{} {}", lang.pick("back after", "恢复用时"), lang.duration(b)),
                None => lang.pick("not back by the end", "演练结束时仍未恢复").to_owned(),
            };
            let miss = (back - limit).max(0) as f64 / limit.max(1) as f64;
            (text, met, detail, miss, vec![(FindingKind::RtoMissed, func.id.clone())])
        }
        Measure::FunctionWithinRpo(f) => {
            let func = &r.functions[f];
            let text = match lang {
                Lang::En => format!("{} loses no more than its RPO ({})", func.name, lang.duration(func.rpo)),
                Lang::Zh => format!("{}数据丢失不超过 RPO（{}）", func.name, lang.duration(func.rpo)),
            };
            let Some(o) = outage(f) else { return (text, None, not_disrupted(), 0.0, Vec::new()) };
            let detail = o.data_lost.map_or_else(
                || lang.pick("no reachable copy", "无可用副本").to_owned(),
                |d| format!("{} {}", lang.pick("lost", "丢失"), lang.duration(d)),
            );
            let miss = o.data_lost.map_or(1.0, |d| (d - func.rpo).max(0) as f64 / func.rpo.max(1) as f64);
            (text, Some(o.within_rpo), detail, miss, vec![(FindingKind::RpoMissed, func.id.clone())])
        }
        Measure::AllFunctionsWithinRto => {
            let text =
                lang.pick("Every disrupted function back within its RTO", "所有中断业务均在 RTO 内恢复").to_owned();
            let disrupted: Vec<_> = r.functions.iter().filter(|f| !f.outages.is_empty()).collect();
            if disrupted.is_empty() {
                return (text, None, not_disrupted(), 0.0, Vec::new());
            }
            let missed: Vec<&str> =
                disrupted.iter().filter(|f| f.outages[0].within_rto == Some(false)).map(|f| f.name.as_str()).collect();
            let detail = if missed.is_empty() {
                format!("{}/{}", disrupted.len(), disrupted.len())
            } else {
                format!("{}: {}", lang.pick("missed", "未达成"), missed.join(", "))
            };
            let miss = missed.len() as f64 / disrupted.len() as f64;
            let ids = disrupted.iter().map(|f| (FindingKind::RtoMissed, f.id.clone())).collect();
            (text, Some(missed.is_empty()), detail, miss, ids)
        }
        Measure::StakeholderNotified(s) => {
            let st = &r.stakeholders[s];
            let deadline = m.stakeholders[s].deadline;
            let text = match lang {
                Lang::En => format!("{} notified within {}", st.name, lang.duration(deadline)),
                Lang::Zh => format!("在{}内通知{}", lang.duration(deadline), st.name),
            };
            let after = st.notified_at.zip(r.disruption_at).map(|(t, d)| t - d);
            let detail = after.map_or_else(
                || lang.pick("not notified", "未通知").to_owned(),
                |a| format!("{} {}", lang.pick("after", "用时"), lang.duration(a)),
            );
            let miss = after.map_or(1.0, |a| (a - deadline).max(0) as f64 / deadline.max(1) as f64);
            (text, st.within_deadline, detail, miss, vec![(FindingKind::StakeholderLate, st.id.clone())])
        }
        Measure::DeclaredWithin(limit) => {
            let text = match lang {
                Lang::En => format!("Disaster declared within {}", lang.duration(limit)),
                Lang::Zh => format!("在{}内宣布灾难", lang.duration(limit)),
            };
            let Some(d0) = r.disruption_at else { return (text, None, not_disrupted(), 0.0, Vec::new()) };
            match r.declaration.as_ref() {
                Some(d) => {
                    let after = d.at - d0;
                    let detail = format!("{} {}", lang.pick("after", "用时"), lang.duration(after));
                    (
                        text,
                        Some(after <= limit),
                        detail,
                        (after - limit).max(0) as f64 / limit.max(1) as f64,
                        Vec::new(),
                    )
                }
                None => (text, Some(false), lang.pick("never declared", "未宣布").to_owned(), 1.0, Vec::new()),
            }
        }
        Measure::CallTreeCompleteWithin(limit) => {
            let text = match lang {
                Lang::En => format!("Everyone in the call tree reached within {}", lang.duration(limit)),
                Lang::Zh => format!("在{}内联系上通知流程中的所有人", lang.duration(limit)),
            };
            let Some(d0) = r.disruption_at else { return (text, None, not_disrupted(), 0.0, Vec::new()) };
            let tree: Vec<_> = r.notifications.iter().filter(|n| n.from_role.is_some()).collect();
            // Every role the call tree names must be reached, including roles whose caller
            // was never reached and so never called them.
            let targets: std::collections::BTreeSet<&str> =
                m.call_tree.iter().flat_map(|ct| ct.links.iter().map(|l| m.roles[l.to].id.as_str())).collect();
            let last = targets.iter().try_fold(0, |acc, role| {
                tree.iter().filter(|n| n.to_role == *role).filter_map(|n| n.reached_at).min().map(|t| acc.max(t - d0))
            });
            let ids = tree
                .iter()
                .map(|n| (FindingKind::NotificationLate, n.to_role.clone()))
                .chain(tree.iter().map(|n| (FindingKind::RoleUnreachable, n.to_role.clone())));
            match last {
                Some(last) => (
                    text,
                    Some(last <= limit),
                    format!("{} {}", lang.pick("complete after", "全部联系上用时"), lang.duration(last)),
                    (last - limit).max(0) as f64 / limit.max(1) as f64,
                    ids.collect(),
                ),
                None => (
                    text,
                    Some(false),
                    lang.pick("not everyone was reached", "有人未能联系上").to_owned(),
                    1.0,
                    ids.collect(),
                ),
            }
        }
        Measure::DecisionWithin(d, limit) => {
            let dec = &m.decisions[d];
            let text = match lang {
                Lang::En => format!("\"{}\" answered within {}", dec.prompt, lang.duration(limit)),
                Lang::Zh => format!("“{}”在{}内作出决定", dec.prompt, lang.duration(limit)),
            };
            match r.decisions.iter().find(|x| x.id == dec.id) {
                None => (text, None, lang.pick("not posed in this run", "本次未提出").to_owned(), 0.0, Vec::new()),
                Some(x) => {
                    let met = !x.by_default && x.latency <= limit;
                    let detail = if x.by_default {
                        lang.pick("no answer; the default applied", "无答复，按默认选项执行").to_owned()
                    } else {
                        format!("{} {}", lang.pick("answered after", "答复用时"), lang.duration(x.latency))
                    };
                    let miss = if met { 0.0 } else { (x.latency - limit).max(1) as f64 / limit.max(1) as f64 };
                    (text, Some(met), detail, miss, vec![(FindingKind::DecisionDefault, dec.id.clone())])
                }
            }
        }
    }
}

/// Rates every objective.
pub fn rate(m: &Model, r: &Results, findings: &[Finding], lang: Lang) -> Vec<ObjectiveScore> {
    m.objectives
        .iter()
        .map(|o| {
            let mut criteria = Vec::new();
            let mut strengths = Vec::new();
            let mut improvements = Vec::new();
            let mut misses = Vec::new();
            for &c in &o.criteria {
                let (text, met, detail, miss, ids) = assess(m, r, c, lang);
                match met {
                    Some(true) => strengths.push(format!("{text}: {detail}")),
                    Some(false) => {
                        misses.push(miss);
                        // A missed RTO or RPO is its own title; its detail says why.
                        let causes: Vec<&str> = findings
                            .iter()
                            .filter(|f| ids.iter().any(|(kind, subject)| f.kind == *kind && f.subject == *subject))
                            .map(|f| {
                                if f.kind.title_restates_its_criterion() { f.detail.as_str() } else { f.title.as_str() }
                            })
                            .collect();
                        improvements.push(if causes.is_empty() {
                            format!("{text}: {detail}")
                        } else {
                            format!(
                                "{text}: {detail}. {} {}",
                                lang.pick("Root cause:", "根本原因："),
                                causes.join("; ")
                            )
                        });
                    }
                    None => {}
                }
                criteria.push(CriterionScore { text, met, detail });
            }
            let assessed = criteria.iter().filter(|c| c.met.is_some()).count();
            let met = criteria.iter().filter(|c| c.met == Some(true)).count();
            let (rating, reason) = if assessed == 0 {
                (
                    None,
                    lang.pick("No criterion could be assessed in this run.", "本次推演无法评估任何标准。").to_owned(),
                )
            } else if met == assessed {
                (Some(Rating::P), format!("{}/{assessed} {}", met, lang.pick("criteria met.", "项标准均达成。")))
            } else if misses.len() == 1 && misses[0] <= 0.25 {
                (
                    Some(Rating::S),
                    format!(
                        "{met}/{assessed} {}",
                        lang.pick(
                            "criteria met; the one missed was missed narrowly (by 25 % or less).",
                            "项标准达成；未达成的一项仅小幅超出（不超过 25%）。"
                        )
                    ),
                )
            } else if met * 2 >= assessed {
                (Some(Rating::M), format!("{met}/{assessed} {}", lang.pick("criteria met.", "项标准达成。")))
            } else {
                (Some(Rating::U), format!("{met}/{assessed} {}", lang.pick("criteria met.", "项标准达成。")))
            };
            ObjectiveScore {
                id: o.id.clone(),
                text: o.text.clone(),
                capability: o.capability.clone(),
                rating,
                reason,
                criteria,
                strengths,
                improvements,
            }
        })
        .collect()
}
