//! Findings about recovery: a function that missed its RTO, with the hold-up the event
//! log shows, and an exercise in which nobody declared, so recovery never began. Every
//! sentence rests on a logged time: an undeclared disaster is never given a
//! declaration time, and a function still down is "not back at end", never a duration.

use super::{Ctx, Draft, ev};
use crate::compile::{Change, Dependency, Model, Step};
use crate::outcome::{DependencyWait, LogKind, StepHold, WaitEnd};
use crate::results::{FunctionResult, StepWaitResult};
use crate::score::FindingKind;
use crate::score::holdup::{DeclarationCause, HoldUp, declaration_cause, held_by_declaration, hold_up};
use crate::time::format_time;

/// What a step waited for, as the finding says it, and what to do about it.
fn step_hold(c: &Ctx, step: &Step, why: Option<&StepWaitResult>) -> (String, String) {
    let say = &c.say.findings.rto_missed;
    let role = &c.m.roles[step.role].name;
    match why.map_or(StepHold::RoleUnreachable, |w| w.hold) {
        StepHold::System(x) => {
            let name = c.m.systems[x].name.as_str();
            ((say.hold_system)(name), (say.action_hold_system)(&step.name, name))
        }
        StepHold::Channel(x) => {
            let id = c.m.channels[x].id.as_str();
            ((say.hold_channel)(id), (say.action_hold_channel)(&step.name, id))
        }
        StepHold::Handover => ((say.hold_handover)(role), (say.action_hold_handover)(&step.name, role)),
        StepHold::Busy => ((say.hold_busy)(role), (say.action_hold_busy)(&step.name, role)),
        StepHold::MoreUrgent => ((say.hold_more_urgent)(role), (say.action_hold_busy)(&step.name, role)),
        StepHold::RoleUnreachable => {
            ((say.hold_role_unreachable)(role), (say.action_hold_role_unreachable)(&step.name, role))
        }
    }
}

/// The name of what a function waited for (from the outcome's ids, never by looking an
/// id string up again).
fn dependency_name(m: &Model, d: Dependency) -> &str {
    match d {
        Dependency::Site(s) => m.sites[s].name.as_str(),
        Dependency::Role(r) => m.roles[r].name.as_str(),
        Dependency::Supplier(s) => m.suppliers[s].name.as_str(),
    }
}

/// The waits after a function's procedure, as one sentence's parts: what was missing
/// between one end of a wait and the next, and how each wait ended (back, or replaced
/// by an alternate supplier after its lead time), so that a supplier replaced is never
/// said to have been waited for until the end.
fn dependency_waits(c: &Ctx, waits: &[DependencyWait], done: i64, until: i64) -> (Vec<String>, String) {
    let (m, say, lang) = (c.m, &c.say.findings.rto_missed, c.lang);
    let mut ends: Vec<i64> = waits.iter().map(|w| w.until.unwrap_or(until).min(until)).collect();
    ends.sort_unstable();
    ends.dedup();
    let mut parts = Vec::new();
    let mut from = done;
    for &t in &ends {
        let open: Vec<&DependencyWait> =
            waits.iter().filter(|w| w.since <= from && w.until.unwrap_or(until).min(until) >= t).collect();
        let names: Vec<&str> = open.iter().map(|w| dependency_name(m, w.dependency)).collect();
        let how: Vec<String> = open
            .iter()
            .filter(|w| w.until.unwrap_or(until).min(until) == t)
            .map(|w| {
                let name = dependency_name(m, w.dependency);
                match (w.until, w.ended, w.dependency) {
                    (Some(at), Some(WaitEnd::ReplacedBy(alt)), Dependency::Supplier(s)) => {
                        let lead =
                            m.suppliers[s].alternates.iter().find(|a| a.supplier == alt).map_or(0, |a| a.lead_time);
                        (say.ended_replaced)(&m.suppliers[alt].name, name, &format_time(at), &lang.duration(lead))
                    }
                    (Some(at), _, _) => (say.ended_back)(name, &format_time(at)),
                    (None, _, _) => (say.ended_not)(&format_time(until)),
                }
            })
            .collect();
        let (names, how) = ((say.names)(&names), how.join("; "));
        parts.push(if parts.is_empty() {
            (say.wait_first)(&lang.duration(t - from), &names, &how)
        } else {
            (say.wait_then)(&format_time(t), &names, &how)
        });
        from = t;
    }
    let all: Vec<&str> = waits.iter().map(|w| dependency_name(m, w.dependency)).collect();
    let mut unique: Vec<&str> = Vec::new();
    for n in all {
        if !unique.contains(&n) {
            unique.push(n);
        }
    }
    (parts, (say.names)(&unique))
}

/// A function back after its RTO, or still down when its RTO had passed. A function
/// whose recovery never began because nobody declared is left to [`not_declared`], and
/// one held up by a late declaration to [`declared_late`]: one finding per cause.
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
        // The procedure's keeper can change its steps and who may start them.
        let keeper = c.procedure_owners(m.functions[fi].procedure);
        let state = o.back_after.map_or_else(
            || (c.say.scorecard.not_back_at_end)(&format_time(end)),
            |b| (c.say.criteria.back_after)(&lang.duration(b)),
        );
        let rto = lang.duration(f.rto);
        let mut evidence = vec![ev(o.start, (c.say.evidence.function_down)(&f.id))];
        let (detail, action, responsible) = match hold_up(o, f.rto, declared, end) {
            HoldUp::Declaration => continue,
            HoldUp::NeverStarted { step, ready, why } => {
                let Some(st) = step_of(step) else { continue };
                evidence.push(ev(ready, (c.say.evidence.step_ready_not_started)(step, &format_time(end))));
                let (why, action) = step_hold(c, st, why);
                ((say.detail_step_never_started)(&st.name, &format_time(ready), &why), action, keeper)
            }
            HoldUp::Waited { step, wait, ready, started, why } => {
                let Some(st) = step_of(step) else { continue };
                evidence.push(ev(ready, (c.say.evidence.step_ready)(step)));
                if let Some(w) = why {
                    let e = &c.say.evidence;
                    let what = match w.hold {
                        StepHold::System(x) => (e.held_by_system)(&m.systems[x].id),
                        StepHold::Channel(x) => (e.held_by_channel)(&m.channels[x].id),
                        StepHold::RoleUnreachable => e.held_by_unreachable_role.to_owned(),
                        StepHold::Handover => e.held_by_handover.to_owned(),
                        StepHold::Busy => e.held_by_busy.to_owned(),
                        StepHold::MoreUrgent => e.held_by_more_urgent.to_owned(),
                    };
                    evidence.push(ev(ready, (c.say.evidence.step_held)(step, &what, &lang.duration(w.seconds))));
                }
                evidence.push(ev(started, (c.say.evidence.step_started)(step)));
                let held = lang.duration(why.map_or(wait, |w| w.seconds));
                let (why, action) = step_hold(c, st, why);
                ((say.detail_step_held_up)(&st.name, &lang.duration(wait), &held, &why), action, keeper)
            }
            HoldUp::Dependency { done, until, .. } => {
                let waits = c.out.outages[fi].first().map_or(&[][..], |o| &o.waited_for[..]);
                evidence.push(ev(done, c.say.evidence.procedure_done.to_owned()));
                for w in waits {
                    let how = match w.ended {
                        Some(WaitEnd::ReplacedBy(alt)) => (c.say.evidence.replaced_by)(&m.suppliers[alt].id),
                        Some(WaitEnd::Back) => c.say.evidence.came_back.to_owned(),
                        None => c.say.evidence.still_missing.to_owned(),
                    };
                    let t = w.until.unwrap_or(until);
                    let (id, since) = (dependency_id(m, w.dependency), format_time(w.since));
                    evidence.push(ev(t, (c.say.evidence.waited_until)(id, &since, &format_time(t), &how)));
                }
                let (parts, what) = dependency_waits(c, waits, done, until);
                let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
                (
                    (say.detail_waited_for_dependency)(&format_time(done), &parts),
                    (say.action_wait_for_dependency)(&f.name, &what),
                    c.plan_owner(),
                )
            }
            HoldUp::None => {
                (say.detail_not_completed.to_owned(), (say.action_procedure_too_long)(&f.name, &rto), keeper)
            }
        };
        c.add(Draft {
            kind: FindingKind::RtoMissed,
            subject: &f.id,
            title: (say.title)(&f.name, &rto, &state),
            detail,
            evidence,
            action,
            responsible,
        });
    }
}

fn dependency_id(m: &Model, d: Dependency) -> &str {
    match d {
        Dependency::Site(s) => m.sites[s].id.as_str(),
        Dependency::Role(r) => m.roles[r].id.as_str(),
        Dependency::Supplier(s) => m.suppliers[s].id.as_str(),
    }
}

/// The declaration came late and recovery waited for it: one finding for the one cause,
/// naming every function it held past its RTO. When the declaration was the default of
/// an unanswered decision, that decision's finding is the one finding
/// (`default_decisions` says it declared), so no second item is made.
pub(super) fn declared_late(c: &mut Ctx) {
    let (m, r, lang) = (c.m, c.r, c.lang);
    let say = &c.say.findings.declared_late;
    let Some(d) = r.declaration.as_ref() else { return };
    let held = held_by_late_declaration(c);
    if held.is_empty() {
        return;
    }
    let wait = lang.duration(d.after_disruption.unwrap_or(0));
    let names = (c.say.findings.rto_missed.names)(&held);
    let mut evidence: Vec<_> = r
        .functions
        .iter()
        .filter(|f| held.contains(&f.name.as_str()))
        .filter_map(|f| f.outages.first().map(|o| ev(o.start, (c.say.evidence.function_down)(&f.id))))
        .collect();
    let (because, action) = match declaration_cause(m, r) {
        Some(DeclarationCause::Default { .. }) | None => return,
        Some(DeclarationCause::DeclarerUnreached { role, reached, within }) => {
            evidence.push(ev(reached, (c.say.evidence.role_reached)(&m.roles[role].id)));
            let name = &m.roles[role].name;
            (
                (say.because_unreached)(&wait, name, &format_time(reached)),
                (say.action_name_declarer)(name, &lang.duration(within)),
            )
        }
        Some(DeclarationCause::Slow) => ((say.because_slow)(&wait), (say.action_trigger)(&names, &wait)),
    };
    evidence.push(ev(d.at, (c.say.evidence.declared_by)(&d.person, &d.role)));
    let subject = m.declare_roles.first().map_or("plan", |&role| m.roles[role].id.as_str());
    c.add(Draft {
        kind: FindingKind::DeclaredLate,
        subject,
        title: (say.title)(&wait),
        detail: format!("{because}{}", (say.held)(&names)),
        evidence,
        action,
        responsible: c.plan_owner(),
    });
}

/// The functions (by name) that missed their RTO mainly because the declaration came late.
pub(super) fn held_by_late_declaration<'a>(c: &Ctx<'a>) -> Vec<&'a str> {
    let r = c.r;
    r.functions.iter().filter(|f| held_by_declaration(r, f)).map(|f| f.name.as_str()).collect()
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
