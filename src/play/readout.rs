//! How the exercise reads out at the table: events as lines, an inject's full text, and
//! the status board.

use std::collections::BTreeMap;

use crate::compile::Model;
use crate::ids::InjectId;
use crate::lang::Lang;
use crate::outcome::{LogEntry, LogKind, Outcome, RecoveredBy};
use crate::time::format_time;

/// How an event reads out at the table, or `None` for what the table does not hear:
/// the engine's inner workings, and script notes, which are for the facilitator only.
pub fn describe(m: &Model, out: &Outcome, e: &LogEntry, lang: Lang) -> Option<String> {
    let say = &lang.catalogue().play;
    let line = match e.kind {
        LogKind::Inject(i) => {
            let inj = &m.injects[i];
            (say.inject)(&inj.event.to_string(), &inj.title)
        }
        LogKind::ScriptInject(i) => {
            let inj = &out.script_injects[i];
            let mut s = (say.inject)(&inj.event.to_string(), &inj.title);
            if !inj.description.is_empty() {
                s.push_str(&format!("\n          {}", inj.description));
            }
            s
        }
        LogKind::Declared { person: p, role: r } => (say.declared)(&m.people[p].name, &m.roles[r].name),
        LogKind::Reached(n) => {
            let note = &out.notifications[n];
            let (p, c) = note.reached.map(|r| (r.person, r.channel))?;
            let (person, role) = (&m.people[p].name, &m.roles[note.to_role].name);
            match c {
                Some(c) => (say.reached_by)(person, role, &m.channels[c].id),
                None => (say.reached)(person, role),
            }
        }
        LogKind::Detected { role: r, person: p } => (say.detected)(&m.people[p].name, &m.roles[r].name),
        LogKind::Unreachable(n) => (say.nobody_reached)(&m.roles[out.notifications[n].to_role].name),
        LogKind::NotificationLate(n) => (say.notification_late)(&m.roles[out.notifications[n].to_role].name),
        LogKind::FunctionDown(f) => (say.function_down)(&m.functions[f].name),
        LogKind::FunctionRecovered { function: f, by } => match by {
            RecoveredBy::Restored => (say.function_back_cause_gone)(&m.functions[f].name),
            _ => (say.function_back)(&m.functions[f].name),
        },
        LogKind::StakeholderNotified { stakeholder: s, channel: c } => {
            (say.stakeholder_notified)(&m.stakeholders[s].name, &m.channels[c].id)
        }
        LogKind::StakeholderLate(s) => (say.stakeholder_late)(&m.stakeholders[s].name),
        LogKind::DecisionAnswered(d) => {
            let rec = &out.decisions[d];
            let option = rec.option.map(|o| &m.decisions[rec.decision].options[o].label)?;
            if rec.by_default { (say.decided_by_default)(option) } else { (say.decided)(option) }
        }
        LogKind::SupplierCutOff(s) => (say.supplier_cut_off)(&m.suppliers[s].name),
        LogKind::SupplierSwitched { supplier: s, to: a } => {
            (say.supplier_switched)(&m.suppliers[s].name, &m.suppliers[a].name)
        }
        // What a script notes is for the facilitator (it may give away what is coming),
        // not for the team at the table.
        LogKind::ScriptLog(_) => return None,
        // Engine detail the table does not need; the board and the report show its effect.
        LogKind::SiteDown(_)
        | LogKind::SiteUp(_)
        | LogKind::SystemDown(_)
        | LogKind::SystemDegraded(_)
        | LogKind::SystemUp { .. }
        | LogKind::ChannelDown(_)
        | LogKind::ChannelUp(_)
        | LogKind::PersonUnavailable { .. }
        | LogKind::PersonAvailable(_)
        | LogKind::SupplierRestored(_)
        | LogKind::Attempt { .. }
        | LogKind::Handover { .. }
        | LogKind::DecisionPosed(_)
        | LogKind::DecisionAsked(_)
        | LogKind::StepStarted { .. }
        | LogKind::RunbookUnreachable { .. }
        | LogKind::StepFinished { .. }
        | LogKind::End => return None,
    };
    Some(format!("{}  {line}", format_time(e.t)))
}

/// The inject's full text for reading out: narrative, to whom, expected action.
pub fn inject_details(m: &Model, i: InjectId, scenario: &crate::format::scenario::Scenario, lang: Lang) -> String {
    let say = &lang.catalogue().play;
    let inj = &m.injects[i];
    let Some(src) = scenario.injects.iter().find(|x| x.event.value.0 == inj.event) else { return String::new() };
    let mut s = String::new();
    for (label, v) in [
        ("", &src.description),
        (say.inject_to, &src.to),
        (say.inject_by, &src.method),
        (say.inject_expected, &src.expected_action),
    ] {
        if let Some(v) = v {
            s.push_str(&format!("          {label}{v}\n"));
        }
    }
    s
}

/// The status board: what is down, who has been reached, what is back, RTO clocks.
pub fn board(m: &Model, out: &Outcome, now: i64, lang: Lang) -> String {
    let say = &lang.catalogue().play;
    let mut down_sites = BTreeMap::new();
    let mut down_systems = BTreeMap::new();
    for e in &out.log {
        match e.kind {
            LogKind::SiteDown(s) => {
                down_sites.insert(s, e.t);
            }
            LogKind::SiteUp(s) => {
                down_sites.remove(&s);
            }
            LogKind::SystemDown(s) => {
                down_systems.insert(s, e.t);
            }
            LogKind::SystemUp { system: s, .. } => {
                down_systems.remove(&s);
            }
            _ => {}
        }
    }
    let list = |v: Vec<String>| if v.is_empty() { say.board_none.to_owned() } else { v.join(", ") };
    let mut b = format!("{}\n", (say.board_title)(&format_time(now)));
    let down: Vec<String> = down_sites
        .keys()
        .map(|&s| m.sites[s].name.clone())
        .chain(down_systems.keys().map(|&s| m.systems[s].name.clone()))
        .collect();
    b.push_str(&format!("{}\n", (say.board_down)(&list(down))));
    let reached: Vec<String> = out
        .notifications
        .iter()
        .filter_map(|n| n.reached.map(|r| format!("{} ({})", m.people[r.person].name, m.roles[n.to_role].name)))
        .collect();
    b.push_str(&format!("{}\n", (say.board_reached)(&list(reached))));
    match out.declared {
        Some(d) => b.push_str(&format!("{}\n", (say.board_declared)(&format_time(d.at), &m.people[d.by].name))),
        None => b.push_str(&format!("{}\n", say.board_not_declared)),
    }
    let duration = |secs| lang.duration(secs);
    for (f, outages) in out.outages.iter().enumerate() {
        let Some(o) = outages.last() else { continue };
        let func = &m.functions[f];
        let line = match o.recovered {
            Some(r) => (say.board_back)(&func.name, &duration(r.at - o.start), &duration(func.rto)),
            None => {
                let running = now - o.start;
                let left = func.rto - running;
                let clock = if left >= 0 {
                    (say.rto_left)(&duration(left), &duration(func.rto))
                } else {
                    (say.rto_missed)(&duration(func.rto), &duration(-left))
                };
                (say.board_down_for)(&func.name, &duration(running), &clock)
            }
        };
        b.push_str(&format!("  {line}\n"));
    }
    b
}
