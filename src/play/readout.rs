//! How the exercise reads out at the table: events as lines, an inject's full text, and
//! the status board.

use std::collections::BTreeMap;

use crate::compile::Model;
use crate::ids::InjectId;
use crate::outcome::{LogEntry, LogKind, Outcome, RecoveredBy};
use crate::time::{format_duration_approx, format_time};

/// How an event reads out at the table, or `None` for the engine's inner workings.
pub fn describe(m: &Model, out: &Outcome, e: &LogEntry) -> Option<String> {
    let at = format_time(e.t);
    Some(match e.kind {
        LogKind::Inject(i) => {
            let inj = &m.injects[i];
            format!("{at}  INJECT #{}  {}", inj.event, inj.title)
        }
        LogKind::ScriptInject(i) => {
            let inj = &out.script_injects[i];
            let mut s = format!("{at}  INJECT #{}  {}", inj.event, inj.title);
            if !inj.description.is_empty() {
                s.push_str(&format!("\n          {}", inj.description));
            }
            s
        }
        LogKind::Declared { person: p, role: r } => {
            format!("{at}  DECLARED by {} ({})", m.people[p].name, m.roles[r].name)
        }
        LogKind::Reached(n) => {
            let note = &out.notifications[n];
            let (p, _, c) = note.reached.map(|r| (r.person, r.at, r.channel))?;
            let via = c.map_or(String::new(), |c| format!(" by {}", m.channels[c].id));
            format!("{at}  reached {} ({}){via}", m.people[p].name, m.roles[note.to_role].name)
        }
        LogKind::Detected { role: r, person: p } => {
            format!("{at}  detected by {} ({})", m.people[p].name, m.roles[r].name)
        }
        LogKind::Unreachable(n) => format!("{at}  NOBODY REACHED for {}", m.roles[out.notifications[n].to_role].name),
        LogKind::NotificationLate(n) => {
            format!("{at}  late: {} not reached in time", m.roles[out.notifications[n].to_role].name)
        }
        LogKind::FunctionDown(f) => format!("{at}  DOWN: {}", m.functions[f].name),
        LogKind::FunctionRecovered { function: f, by } => format!(
            "{at}  BACK: {}{}",
            m.functions[f].name,
            if by == RecoveredBy::Restored { " (cause went away)" } else { "" }
        ),
        LogKind::StakeholderNotified { stakeholder: s, channel: c } => {
            format!("{at}  notified {} by {}", m.stakeholders[s].name, m.channels[c].id)
        }
        LogKind::StakeholderLate(s) => format!("{at}  late: {} not notified in time", m.stakeholders[s].name),
        LogKind::DecisionAnswered(d) => {
            let rec = &out.decisions[d];
            let dec = &m.decisions[rec.decision];
            let how = if rec.by_default { " (default)" } else { "" };
            format!("{at}  decided: {}{how}", dec.options[rec.option].label)
        }
        LogKind::ScriptLog(i) => format!("{at}  note: {}", out.script_lines[i]),
        LogKind::SupplierCutOff(s) => format!("{at}  supplier cut off: {}", m.suppliers[s].name),
        LogKind::SupplierSwitched { supplier: s, to: a } => {
            format!("{at}  switched {} to {}", m.suppliers[s].name, m.suppliers[a].name)
        }
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
        | LogKind::StepStarted { .. }
        | LogKind::RunbookUnreachable { .. }
        | LogKind::StepFinished { .. }
        | LogKind::End => return None,
    })
}

/// The inject's full text for reading out: narrative, to whom, expected action.
pub fn inject_details(m: &Model, i: InjectId, scenario: &crate::format::scenario::Scenario) -> String {
    let inj = &m.injects[i];
    let Some(src) = scenario.injects.iter().find(|x| x.event.value.0 == inj.event) else { return String::new() };
    let mut s = String::new();
    for (label, v) in
        [("", &src.description), ("to: ", &src.to), ("by: ", &src.method), ("expected: ", &src.expected_action)]
    {
        if let Some(v) = v {
            s.push_str(&format!("          {label}{v}\n"));
        }
    }
    s
}

/// The status board: what is down, who has been reached, what is back, RTO clocks.
pub fn board(m: &Model, out: &Outcome, now: i64) -> String {
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
    let mut b = format!("── board at {} ──\n", format_time(now));
    let names = |v: Vec<String>| if v.is_empty() { "none".to_owned() } else { v.join(", ") };
    b.push_str(&format!(
        "down: {}\n",
        names(
            down_sites
                .keys()
                .map(|&s| m.sites[s].name.clone())
                .chain(down_systems.keys().map(|&s| m.systems[s].name.clone()))
                .collect()
        )
    ));
    let reached: Vec<String> = out
        .notifications
        .iter()
        .filter_map(|n| n.reached.map(|r| format!("{} ({})", m.people[r.person].name, m.roles[n.to_role].name)))
        .collect();
    b.push_str(&format!("reached: {}\n", names(reached)));
    match out.declared {
        Some(d) => b.push_str(&format!(
            "declared at {} by {}
",
            format_time(d.at),
            m.people[d.by].name
        )),
        None => b.push_str("not declared\n"),
    }
    for (f, outages) in out.outages.iter().enumerate() {
        let Some(o) = outages.last() else { continue };
        let func = &m.functions[f];
        match o.recovered {
            Some(r) => b.push_str(&format!(
                "  {}: back after {} (RTO {})\n",
                func.name,
                format_duration_approx(r.at - o.start),
                format_duration_approx(func.rto)
            )),
            None => {
                let running = now - o.start;
                let left = func.rto - running;
                let clock = if left >= 0 {
                    format!("{} left of RTO {}", format_duration_approx(left), format_duration_approx(func.rto))
                } else {
                    format!("RTO {} MISSED by {}", format_duration_approx(func.rto), format_duration_approx(-left))
                };
                b.push_str(&format!("  {}: down {}, {clock}\n", func.name, format_duration_approx(running)));
            }
        }
    }
    b
}
