//! `events.jsonl`: the event log, one JSON object per line, ids instead of indices.

use serde_json::{Value, json};

use crate::compile::Model;
use crate::ids::{FunctionId, Id, PersonId, RoleId, StepId};
use crate::outcome::{LogEntry, LogKind, Outcome, RecoveredBy};
use crate::time::format_time;

/// The event log as JSON Lines: one object per event, keys in sorted order.
pub fn events_jsonl(m: &Model, out: &Outcome) -> String {
    let mut text = String::new();
    for e in &out.log {
        text.push_str(&event_json(m, out, e).to_string());
        text.push('\n');
    }
    text
}

fn event_json(m: &Model, out: &Outcome, e: &LogEntry) -> Value {
    let person = |p: PersonId| m.people[p].id.as_str();
    let role = |r: RoleId| m.roles[r].id.as_str();
    let mut v = match e.kind {
        LogKind::Inject(i) => json!({"number": m.injects[i].event, "title": m.injects[i].title}),
        LogKind::ScriptInject(i) => {
            let inj = &out.script_injects[i];
            json!({"number": inj.event, "title": inj.title, "description": inj.description, "scripted": true})
        }
        LogKind::ScriptLog(i) => json!({"text": out.script_lines[i]}),
        LogKind::SiteDown(s) | LogKind::SiteUp(s) => json!({"site": m.sites[s].id}),
        LogKind::SystemDown(s) | LogKind::SystemDegraded(s) => json!({"system": m.systems[s].id}),
        LogKind::SystemUp { system: s, at_failover: failed_over } => {
            json!({"system": m.systems[s].id, "failed_over": failed_over})
        }
        LogKind::ChannelDown(c) | LogKind::ChannelUp(c) => json!({"channel": m.channels[c].id}),
        LogKind::PersonUnavailable { person: p, until } => json!({"person": person(p), "until": until}),
        LogKind::PersonAvailable(p) => json!({"person": person(p)}),
        LogKind::SupplierCutOff(s) | LogKind::SupplierRestored(s) => json!({"supplier": m.suppliers[s].id}),
        LogKind::SupplierSwitched { supplier: s, to: a } => {
            json!({"supplier": m.suppliers[s].id, "alternate": m.suppliers[a].id})
        }
        LogKind::FunctionDown(f) => json!({"function": m.functions[f].id}),
        LogKind::Detected { role: r, person: p } | LogKind::Handover { role: r, person: p } => {
            json!({"role": role(r), "person": person(p)})
        }
        LogKind::Attempt { call: n, attempt: a } => {
            let at = &out.notifications[n].attempts[a];
            json!({"role": role(out.notifications[n].to_role), "person": person(at.person),
                   "channel": m.channels[at.channel].id, "sent_at": at.sent_at, "outcome": at.end.as_str()})
        }
        LogKind::Reached(n) => {
            let note = &out.notifications[n];
            json!({"role": role(note.to_role),
                   "person": note.reached.map(|r| person(r.person)),
                   "channel": note.reached.and_then(|r| r.channel).map(|c| m.channels[c].id.as_str())})
        }
        LogKind::Unreachable(n) | LogKind::NotificationLate(n) => json!({"role": role(out.notifications[n].to_role)}),
        LogKind::DecisionPosed(d) => {
            // Asked at once, or left waiting for someone who knows (`asked` null).
            let rec = &out.decisions[d];
            let asked = rec.asked.filter(|_| rec.asked_at == Some(rec.posed_at));
            json!({"decision": m.decisions[rec.decision].id, "asked": asked.map(person)})
        }
        LogKind::DecisionAsked(d) => {
            let rec = &out.decisions[d];
            json!({"decision": m.decisions[rec.decision].id, "asked": rec.asked.map(person),
                   "posed_at": rec.posed_at})
        }
        LogKind::DecisionAnswered(d) => {
            let rec = &out.decisions[d];
            let dec = &m.decisions[rec.decision];
            json!({"decision": dec.id, "option": rec.option.map(|o| dec.options[o].id.as_str()),
                   "by_default": rec.by_default, "latency": rec.latency})
        }
        LogKind::Declared { person: p, role: r } => json!({"person": person(p), "role": role(r)}),
        LogKind::StepStarted { function: f, step: s } | LogKind::StepFinished { function: f, step: s } => {
            step_json(m, f, s)
        }
        LogKind::RunbookUnreachable { function: f, step: s, site } => {
            let mut v = step_json(m, f, s);
            v["site"] = json!(m.sites[site].id);
            v
        }
        LogKind::FunctionRecovered { function: f, by } => json!({"function": m.functions[f].id,
            "by": match by { RecoveredBy::Procedure => "procedure", RecoveredBy::Restored => "restored" }}),
        LogKind::StakeholderNotified { stakeholder: s, channel: c } => {
            json!({"stakeholder": m.stakeholders[s].id, "channel": m.channels[c].id})
        }
        LogKind::StakeholderLate(s) => json!({"stakeholder": m.stakeholders[s].id}),
        LogKind::End => json!({}),
    };
    v["event"] = json!(e.kind.name());
    v["t"] = json!(e.t);
    v["at"] = json!(format_time(e.t));
    v
}

fn step_json(m: &Model, f: FunctionId, s: StepId) -> Value {
    let func = &m.functions[f];
    let step = func.procedure.and_then(|p| m.procedures[p].steps.get(s.index())).map_or("?", |st| st.id.as_str());
    json!({"function": func.id, "step": step})
}
