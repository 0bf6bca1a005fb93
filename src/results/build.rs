//! One builder per kind of result: each turns the outcome's ids into the ids and names
//! people read, so `Results::new` only assembles.

use super::{
    AttemptResult, DecisionResult, DependencyResult, DependencyWaitResult, FunctionResult, NotificationResult,
    OutageResult, StakeholderResult, StepResult, StepWaitResult, SupplierResult, met,
};
use crate::compile::{Model, Procedure};
use crate::ids::{FunctionId, Id};
use crate::outcome::{
    Attempt, DecisionRecord, DependencyWait, Notification, Outage, Outcome, RecoveredBy, StakeholderNotice, StepHold,
    StepRun, SupplierRecord, WaitEnd,
};

pub(super) fn function(m: &Model, out: &Outcome, f: FunctionId) -> FunctionResult {
    let func = &m.functions[f];
    let procedure = func.procedure.map(|p| &m.procedures[p]);
    FunctionResult {
        id: func.id.clone(),
        name: func.name.clone(),
        priority: func.priority,
        rto: func.rto,
        mtd: func.mtd,
        rpo: func.rpo,
        outages: out.outages[f.index()].iter().map(|o| outage(m, out, f, procedure, o)).collect(),
    }
}

fn outage(m: &Model, out: &Outcome, f: FunctionId, procedure: Option<&Procedure>, o: &Outage) -> OutageResult {
    let func = &m.functions[f];
    let end = out.ended_at;
    let back = o.recovered.map(|r| r.at);
    OutageResult {
        start: o.start,
        recovered_at: back,
        recovered_by: o.recovered.map(|r| match r.by {
            RecoveredBy::Procedure => "procedure",
            RecoveredBy::Restored => "restored",
        }),
        back_after: back.map(|t| t - o.start),
        within_rto: met(o.start, back, func.rto, end),
        within_mtd: met(o.start, back, func.mtd, end),
        data_lost: o.data_lost,
        within_rpo: o.data_lost.is_some_and(|d| d <= func.rpo),
        steps: o.steps.iter().filter_map(|s| step(m, procedure?, s, end)).collect(),
        procedure_done_at: o.procedure_done_at,
        waited_for: o.waited_for.iter().map(|w| dependency_wait(m, w)).collect(),
        worked_around: o.worked_around.iter().map(|&d| DependencyResult::new(m, d)).collect(),
    }
}

fn dependency_wait(m: &Model, w: &DependencyWait) -> DependencyWaitResult {
    let DependencyResult { kind, id } = DependencyResult::new(m, w.dependency);
    DependencyWaitResult {
        kind,
        id,
        since: w.since,
        until: w.until,
        ended: w.ended.map(|e| match e {
            WaitEnd::Back => "back",
            WaitEnd::ReplacedBy(_) => "replaced",
        }),
        replaced_by: match w.ended {
            Some(WaitEnd::ReplacedBy(s)) => Some(m.suppliers[s].id.clone()),
            _ => None,
        },
    }
}

fn step(m: &Model, procedure: &Procedure, s: &StepRun, end: i64) -> Option<StepResult> {
    let step = procedure.steps.get(s.step.index())?;
    let mut waits = s.waits_until(end);
    waits.sort_by_key(|w| std::cmp::Reverse(w.secs));
    let waits = waits
        .iter()
        .filter(|w| w.secs > 0)
        .map(|w| {
            let (cause, id) = match w.hold {
                StepHold::System(x) => ("system", Some(m.systems[x].id.clone())),
                StepHold::Channel(x) => ("channel", Some(m.channels[x].id.clone())),
                StepHold::RoleUnreachable => ("role_unreachable", None),
                StepHold::Handover => ("handover", None),
                StepHold::Busy => ("busy", None),
                StepHold::MoreUrgent => ("more_urgent", None),
            };
            StepWaitResult { cause, id, seconds: w.secs, hold: w.hold }
        })
        .collect();
    Some(StepResult {
        id: step.id.clone(),
        role: m.roles[step.role].id.clone(),
        person: s.started.map(|s| m.people[s.by].id.clone()),
        by_backup: s.by_backup,
        ready_at: s.ready_at,
        started_at: s.started.map(|s| s.at),
        finished_at: s.finished_at,
        runbook_delay: s.runbook_delay,
        waits,
    })
}

pub(super) fn notification(m: &Model, n: &Notification, end: i64) -> NotificationResult {
    let link = n.link.and_then(|l| m.call_tree.as_ref().map(|ct| &ct.links[l]));
    let reached_at = n.reached.map(|r| r.at);
    NotificationResult {
        from_role: link.map(|l| m.roles[l.from].id.clone()),
        to_role: m.roles[n.to_role].id.clone(),
        caller: n.caller.map(|p| m.people[p].id.clone()),
        started_at: n.started_at,
        deadline_at: n.deadline_at,
        reached_at,
        reached_person: n.reached.map(|r| m.people[r.person].id.clone()),
        channel: n.reached.and_then(|r| r.channel).map(|c| m.channels[c].id.clone()),
        within_deadline: n.deadline_at.and_then(|d| met(n.started_at, reached_at, d - n.started_at, end)),
        attempts: n.attempts.iter().map(|a| attempt(m, a)).collect(),
    }
}

pub(super) fn stakeholder(m: &Model, out: &Outcome, s: &StakeholderNotice) -> StakeholderResult {
    let st = &m.stakeholders[s.stakeholder];
    let notified_at = s.notified.map(|n| n.at);
    StakeholderResult {
        id: st.id.clone(),
        name: st.name.clone(),
        sent_by: s.started.map(|s| m.people[s.by].id.clone()),
        deadline_at: s.deadline_at,
        notified_at,
        channel: s.notified.map(|n| m.channels[n.channel].id.clone()),
        within_deadline: out.disruption_at.and_then(|d0| met(d0, notified_at, st.deadline, out.ended_at)),
        attempts: s.attempts.iter().map(|a| attempt(m, a)).collect(),
    }
}

pub(super) fn decision(m: &Model, d: &DecisionRecord, end: i64) -> DecisionResult {
    let dec = &m.decisions[d.decision];
    let person = |p: crate::ids::PersonId| m.people[p].id.clone();
    DecisionResult {
        id: dec.id.clone(),
        posed_at: d.posed_at,
        asked_at: d.asked_at,
        asked: d.asked.map(person),
        answered_by: d.asked.filter(|_| !d.by_default).map(person),
        by_backup: d.asked_backup,
        option: d.option.map(|o| dec.options[o].id.clone()),
        latency: d.latency,
        by_default: d.by_default,
        // A default that would fall after the end never happened.
        resolved_at: d.asked_at.zip(d.latency).map(|(a, l)| a.saturating_add(l)).filter(|&t| t <= end),
    }
}

pub(super) fn supplier(m: &Model, s: &SupplierRecord) -> SupplierResult {
    SupplierResult {
        id: m.suppliers[s.supplier].id.clone(),
        cut_off_at: s.cut_off_at,
        switched_to: s.switched.map(|s| m.suppliers[s.to].id.clone()),
        switched_at: s.switched.map(|s| s.at),
        restored_at: s.restored_at,
    }
}

fn attempt(m: &Model, a: &Attempt) -> AttemptResult {
    AttemptResult {
        person: m.people[a.person].id.clone(),
        channel: m.channels[a.channel].id.clone(),
        sent_at: a.sent_at,
        ended_at: a.ended_at,
        outcome: a.end.as_str(),
    }
}

/// Whether the declaration at `at` was the default of a decision nobody answered.
pub(super) fn declared_by_default(m: &Model, out: &Outcome, at: i64) -> bool {
    out.decisions.iter().any(|d| {
        d.by_default
            && d.asked_at.zip(d.latency).map(|(a, l)| a.saturating_add(l)) == Some(at)
            && d.option
                .is_some_and(|o| m.decisions[d.decision].options[o].changes.contains(&crate::compile::Change::Declare))
    })
}
