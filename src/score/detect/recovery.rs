//! Findings about recovery: a function that missed its RTO, with the hold-up the event
//! log shows, and an exercise in which nobody declared, so recovery never began. Every
//! sentence rests on a logged time: an undeclared disaster is never given a
//! declaration time, and a function still down is "not back at end", never a duration.

use super::{Ctx, Draft, ev};
use crate::compile::{Change, Dependency};
use crate::outcome::LogKind;
use crate::results::{FunctionResult, OutageResult};
use crate::score::FindingKind;
use crate::time::format_time;

/// What held a function's recovery up longest, as the log shows it.
enum HoldUp {
    /// Steps could start only once the disaster was declared, this long after the outage.
    Declaration { wait: i64, at: i64 },
    /// A step was ready from `ready` and had not started when the exercise ended.
    NeverStarted { step: String, ready: i64 },
    /// A step waited this long between being ready and starting.
    Waited { step: String, wait: i64, ready: i64, started: i64 },
    /// The procedure was done at `done`, but the function waited this long more for
    /// what it depends on (a site, a role's acting person, a supplier).
    Dependency { wait: i64, done: i64, until: i64 },
    /// No step waited: the steps themselves took longer than the RTO.
    None,
}

fn hold_up(o: &OutageResult, declared: Option<i64>, end: i64) -> HoldUp {
    let mut worst = HoldUp::None;
    let mut longest = 0;
    for s in &o.steps {
        let Some(ready) = s.ready_at else { continue };
        let (wait, this) = match s.started_at {
            Some(st) => (st - ready, HoldUp::Waited { step: s.id.clone(), wait: st - ready, ready, started: st }),
            None => (end - ready, HoldUp::NeverStarted { step: s.id.clone(), ready }),
        };
        if wait > longest {
            (longest, worst) = (wait, this);
        }
    }
    if let Some(at) = declared {
        // Steps wait for the declaration; it is the hold-up when it was the longest wait.
        let wait = at - o.start;
        if wait > longest {
            (longest, worst) = (wait, HoldUp::Declaration { wait, at });
        }
    }
    // After its procedure, a function waits for what it depends on to be back.
    if let Some(done) = o.procedure_done_at.filter(|_| !o.waited_for.is_empty()) {
        let until = o.recovered_at.unwrap_or(end);
        if until - done > longest {
            worst = HoldUp::Dependency { wait: until - done, done, until };
        }
    }
    worst
}

/// What a function waited for after its procedure, by the names the plan gives (from
/// the outcome's ids, never by looking an id string up again).
fn waited_for_names(m: &crate::compile::Model, waited_for: &[Dependency]) -> String {
    let names: Vec<&str> = waited_for
        .iter()
        .map(|&d| match d {
            Dependency::Site(s) => m.sites[s].name.as_str(),
            Dependency::Role(r) => m.roles[r].name.as_str(),
            Dependency::Supplier(s) => m.suppliers[s].name.as_str(),
        })
        .collect();
    names.join(", ")
}

/// A function back after its RTO, or still down when its RTO had passed. A function
/// whose recovery never began because nobody declared is left to [`not_declared`],
/// the one finding about that cause.
pub(super) fn missed_rto(c: &mut Ctx) {
    let (m, r, lang) = (c.m, c.r, c.lang);
    let say = &c.say.findings.rto_missed;
    let end = r.ended_at;
    let declared = r.declaration.as_ref().map(|d| d.at);
    for (fi, f) in r.functions.iter().enumerate() {
        let Some(o) = f.outages.first() else { continue };
        if o.within_rto != Some(false) || (declared.is_none() && o.steps.iter().all(|s| s.started_at.is_none())) {
            continue;
        }
        let step_of =
            |id: &str| m.functions[fi].procedure.and_then(|p| m.procedures[p].steps.iter().find(|s| s.id == id));
        let step_name = |id: &str| step_of(id).map_or(id.to_owned(), |s| s.name.clone());
        let step_role = |id: &str| step_of(id).map_or_else(|| c.plan_owner(), |s| m.roles[s.role].name.clone());
        // The procedure's keeper can change its steps and who may start them.
        let keeper = c.procedure_owners(m.functions[fi].procedure);
        let state = o.back_after.map_or_else(
            || (c.say.scorecard.not_back_at_end)(&format_time(end)),
            |b| (c.say.criteria.back_after)(&lang.duration(b)),
        );
        let rto = lang.duration(f.rto);
        let mut evidence = vec![ev(o.start, (c.say.evidence.function_down)(&f.id))];
        let (detail, action, responsible) = match hold_up(o, declared, end) {
            HoldUp::Declaration { wait, at } => {
                evidence.push(ev(at, c.say.evidence.declared.to_owned()));
                let wait = lang.duration(wait);
                (
                    (say.detail_waited_for_declaration)(&state, &rto, &wait),
                    (say.action_declare_sooner)(&f.name, &wait),
                    c.plan_owner(),
                )
            }
            HoldUp::NeverStarted { step, ready } => {
                evidence.push(ev(ready, (c.say.evidence.step_ready_not_started)(&step, &format_time(end))));
                let (name, role) = (step_name(&step), step_role(&step));
                (
                    (say.detail_step_never_started)(&state, &rto, &name, &format_time(ready)),
                    (say.action_step_never_started)(&name, &role),
                    keeper,
                )
            }
            HoldUp::Waited { step, wait, ready, started } => {
                evidence.push(ev(ready, (c.say.evidence.step_ready)(&step)));
                evidence.push(ev(started, (c.say.evidence.step_started)(&step)));
                let (name, role, wait) = (step_name(&step), step_role(&step), lang.duration(wait));
                (
                    (say.detail_step_held_up)(&state, &rto, &name, &wait),
                    (say.action_step_held_up)(&name, &role, &wait),
                    keeper,
                )
            }
            HoldUp::Dependency { wait, done, until } => {
                let ids: Vec<&str> = o.waited_for.iter().map(|d| d.id.as_str()).collect();
                evidence.push(ev(done, c.say.evidence.procedure_done.to_owned()));
                evidence.push(ev(
                    until,
                    (c.say.evidence.waited_for)(&ids.join(", "), &format_time(done), &format_time(until)),
                ));
                let waited_for = c.out.outages[fi].first().map_or(&[][..], |o| &o.waited_for[..]);
                let (what, wait) = (waited_for_names(m, waited_for), lang.duration(wait));
                (
                    (say.detail_waited_for_dependency)(&state, &rto, &what, &wait),
                    (say.action_wait_for_dependency)(&f.name, &what),
                    c.plan_owner(),
                )
            }
            HoldUp::None => {
                ((say.detail_not_completed)(&state, &rto), (say.action_procedure_too_long)(&f.name, &rto), keeper)
            }
        };
        c.add(Draft {
            kind: FindingKind::RtoMissed,
            subject: &f.id,
            title: (say.title)(&f.name, &rto),
            detail,
            evidence,
            action,
            responsible,
        });
    }
}

/// Nobody declared, and a function whose recovery needs the declaration was still down
/// after its RTO had passed: one finding for the one cause, naming every such function.
pub(super) fn not_declared(c: &mut Ctx) {
    let (m, out, r) = (c.m, c.out, c.r);
    if r.declaration.is_some() {
        return;
    }
    let stranded: Vec<&FunctionResult> = r
        .functions
        .iter()
        .enumerate()
        .filter(|(fi, f)| {
            m.functions[*fi].procedure.is_some()
                && f.outages.first().is_some_and(|o| o.back_after.is_none() && o.within_rto == Some(false))
        })
        .map(|(_, f)| f)
        .collect();
    if stranded.is_empty() {
        return;
    }
    let say = &c.say.findings.not_declared;
    let end = format_time(r.ended_at);
    let mut evidence: Vec<_> = stranded
        .iter()
        .filter_map(|f| f.outages.first().map(|o| ev(o.start, (c.say.evidence.function_down)(&f.id))))
        .collect();
    // A decision whose options could have declared, answered with one that did not.
    for e in &out.log {
        let LogKind::DecisionAnswered(rec) = e.kind else { continue };
        let rec = &out.decisions[rec];
        let dec = &m.decisions[rec.decision];
        let Some(option) = rec.option else { continue };
        if dec.options.iter().any(|o| o.changes.contains(&Change::Declare)) {
            let said =
                if rec.by_default { c.say.evidence.default_not_declaring } else { c.say.evidence.answer_not_declaring };
            evidence.push(ev(e.t, said(&dec.id, &dec.options[option].id)));
        }
    }
    evidence.push(ev(r.ended_at, c.say.evidence.end_not_declared.to_owned()));
    let names: Vec<&str> = stranded.iter().map(|f| f.name.as_str()).collect();
    let declarer = c.crisis_owner();
    let subject = m.declare_roles.first().map_or("plan", |&role| m.roles[role].id.as_str());
    c.add(Draft {
        kind: FindingKind::NotDeclared,
        subject,
        title: say.title.to_owned(),
        detail: (say.detail)(&end, &names),
        evidence,
        action: (say.corrective_action)(&declarer),
        responsible: c.plan_owner(),
    });
}
