//! The appendix timeline: the event log's milestones, in the report language.

use serde::Serialize;

use super::Lang;
use crate::compile::Model;
use crate::outcome::Outcome;

/// A line of the appendix timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// Seconds after T+0, for sorting and machines.
    pub t: i64,
    /// `T+0:15`.
    pub at: String,
    /// Inject, notification, decision, declaration, recovery.
    pub kind: &'static str,
    /// What happened.
    pub text: String,
}

/// The log entries a reader of the report cares about, each as one line.
pub fn timeline(m: &Model, out: &Outcome, lang: Lang) -> Vec<TimelineEntry> {
    use crate::outcome::LogKind as K;
    let say = &lang.catalogue().timeline;
    let mut lines = Vec::new();
    for e in &out.log {
        let (kind, text) = match e.kind {
            K::Inject(i) => ("inject", format!("#{} {}", m.injects[i].event, m.injects[i].title)),
            K::ScriptInject(i) => {
                let inj = &out.script_injects[i];
                ("inject", format!("#{} {}", inj.event, inj.title))
            }
            K::Detected { role: r, person: p } => ("notification", (say.detected)(&m.people[p].name, &m.roles[r].name)),
            K::Reached(n) => {
                let note = &out.notifications[n];
                let who = note.reached.map_or("?", |r| m.people[r.person].name.as_str());
                let via = note.reached.and_then(|r| r.channel).map_or("", |c| m.channels[c].id.as_str());
                ("notification", (say.reached)(who, &m.roles[note.to_role].name, via))
            }
            K::Unreachable(n) => ("notification", (say.nobody_reached)(&m.roles[out.notifications[n].to_role].name)),
            K::DecisionAnswered(d) => {
                let rec = &out.decisions[d];
                let dec = &m.decisions[rec.decision];
                let option = rec.option.map_or("", |o| dec.options[o].label.as_str());
                let text = match rec.asked.filter(|_| !rec.by_default) {
                    Some(p) => (say.decision_answered)(&dec.prompt, option, &m.people[p].name),
                    None => (say.decision_defaulted)(&dec.prompt, option),
                };
                ("decision", text)
            }
            K::Declared { person: p, role: r } => ("declaration", (say.declared)(&m.people[p].name, &m.roles[r].name)),
            K::FunctionDown(f) => ("recovery", (say.function_down)(&m.functions[f].name)),
            K::FunctionRecovered { function: f, .. } => ("recovery", (say.function_recovered)(&m.functions[f].name)),
            K::StakeholderNotified { stakeholder: s, channel: c } => {
                ("notification", (say.stakeholder_notified)(&m.stakeholders[s].name, &m.channels[c].id))
            }
            // What scripts note is for the facilitator: see `facilitator_notes`.
            K::ScriptLog(_) => continue,
            // Engine detail: the tables and findings above report its effect.
            K::SiteDown(_)
            | K::SiteUp(_)
            | K::SystemDown(_)
            | K::SystemDegraded(_)
            | K::SystemUp { .. }
            | K::ChannelDown(_)
            | K::ChannelUp(_)
            | K::PersonUnavailable { .. }
            | K::PersonAvailable(_)
            | K::SupplierCutOff(_)
            | K::SupplierSwitched { .. }
            | K::SupplierRestored(_)
            | K::Attempt { .. }
            | K::Handover { .. }
            | K::DecisionPosed(_)
            | K::DecisionAsked(_)
            | K::StepStarted { .. }
            | K::RunbookUnreachable { .. }
            | K::StepFinished { .. }
            | K::NotificationLate(_)
            | K::StakeholderLate(_)
            | K::End => continue,
        };
        lines.push(TimelineEntry { t: e.t, at: crate::time::format_time(e.t), kind, text });
    }
    lines
}

/// What the scenario's scripts noted during the run ("UPS runtime drawn: 21 min"): for
/// the facilitator, since it can give away how the scenario was drawn; the report keeps
/// it out of the timeline and lists it in an appendix marked as such.
pub fn facilitator_notes(out: &Outcome) -> Vec<TimelineEntry> {
    out.log
        .iter()
        .filter_map(|e| match e.kind {
            crate::outcome::LogKind::ScriptLog(i) => Some(TimelineEntry {
                t: e.t,
                at: crate::time::format_time(e.t),
                kind: "note",
                text: out.script_lines[i].clone(),
            }),
            _ => None,
        })
        .collect()
}
