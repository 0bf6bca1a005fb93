//! Findings whose cause is one place or one system that went down: the runbooks kept at
//! a site, the notification channels that ran on a system. Each is one finding per
//! cause, listing every step or channel it took with it.

use std::collections::BTreeMap;

use super::{Ctx, Draft, ev};
use crate::ids::{ChannelId, Id, SiteId, SystemId};
use crate::outcome::{AttemptEnd, LogKind};
use crate::score::{Evidence, FindingKind};
use crate::time::format_time;

/// A step whose runbook was kept at a site that went down.
struct LostRunbook {
    function: usize,
    step: usize,
    /// When the step found it missing; `None`: the step did not start while the site was down.
    looked_at: Option<i64>,
}

/// Per site that went down (with when it first did), the steps whose runbooks it held:
/// a step that found its runbook missing, or a step not yet finished, of an outage still
/// open when the site went down, that keeps its runbook there.
fn lost_runbooks(c: &Ctx) -> BTreeMap<SiteId, (i64, Vec<LostRunbook>)> {
    let (m, out) = (c.m, c.out);
    let mut by_site: BTreeMap<SiteId, (i64, Vec<LostRunbook>)> = BTreeMap::new();
    for e in &out.log {
        match e.kind {
            LogKind::RunbookUnreachable { function, step, site } => {
                let entry = by_site.entry(site).or_insert((e.t, Vec::new()));
                entry.1.retain(|l| (l.function, l.step) != (function.index(), step.index()));
                entry.1.push(LostRunbook { function: function.index(), step: step.index(), looked_at: Some(e.t) });
            }
            LogKind::SiteDown(site) => {
                for (f, outages) in out.outages.iter().enumerate() {
                    let Some(p) = m.functions[f].procedure else { continue };
                    // Only an outage still open then needed its runbooks, and only for
                    // the steps it had yet to finish.
                    let open = outages.iter().find(|o| o.start <= e.t && o.recovered.is_none_or(|r| r.at > e.t));
                    let Some(outage) = open else { continue };
                    for (s, step) in m.procedures[p].steps.iter().enumerate() {
                        let finished = outage.steps.get(s).and_then(|run| run.finished_at).is_some_and(|t| t <= e.t);
                        if !finished && step.runbook.is_some_and(|r| r.kept_at == site) {
                            let entry = by_site.entry(site).or_insert((e.t, Vec::new()));
                            if !entry.1.iter().any(|l| (l.function, l.step) == (f, s)) {
                                entry.1.push(LostRunbook { function: f, step: s, looked_at: None });
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    for (_, steps) in by_site.values_mut() {
        // The steps that were slowed say most: they come first.
        steps.sort_by_key(|l| (l.looked_at.is_none(), l.function, l.step));
    }
    by_site
}

/// One finding per site that held runbooks of steps needed while it was down.
pub(super) fn runbooks(c: &mut Ctx) {
    let (m, lang) = (c.m, c.lang);
    let say = &c.say.findings.runbooks_at_site;
    for (site, (down_at, lost)) in lost_runbooks(c) {
        let site_name = &m.sites[site].name;
        let mut steps = Vec::new();
        let mut names = Vec::new();
        let mut procedures = Vec::new();
        let mut evidence = vec![ev(down_at, (c.say.evidence.site_down)(&m.sites[site].id))];
        for l in &lost {
            let function = &m.functions[l.function];
            let Some(p) = function.procedure else { continue };
            let step = &m.procedures[p].steps[l.step];
            procedures.push(p);
            names.push(step.name.as_str());
            let delay = step.runbook.map_or(0, |r| r.delay_if_unreachable);
            steps.push(match l.looked_at {
                Some(t) => {
                    let delay = lang.duration(delay);
                    evidence
                        .push(ev(t, (c.say.evidence.runbook_delay)(&format!("{}/{}", function.id, step.id), &delay)));
                    (say.step_slowed)(&step.name, &function.name, &delay)
                }
                None => (say.step_not_reached)(&step.name, &function.name),
            });
        }
        let steps: Vec<&str> = steps.iter().map(String::as_str).collect();
        c.add(Draft {
            kind: FindingKind::RunbooksAtSite,
            subject: &m.sites[site].id,
            title: (say.title)(site_name, steps.len()),
            detail: (say.detail)(site_name, &format_time(down_at), &steps),
            evidence,
            action: (say.corrective_action)(site_name, &names),
            responsible: c.procedure_owners(procedures),
        });
    }
}

/// A channel that went down with failed attempts on it.
struct DownChannel {
    channel: ChannelId,
    down_at: i64,
    failed: Vec<Evidence>,
}

/// The system a channel went down with: of the systems it needs, the one that went down
/// last at or before the channel did (the first it needs, if the log shows none).
fn cause_of(c: &Ctx, ch: ChannelId, down_at: i64) -> Option<SystemId> {
    let needs = &c.m.channels[ch].depends_on;
    let mut logged = c.out.log.iter().filter(|e| e.t <= down_at).filter_map(|e| match e.kind {
        LogKind::SystemDown(s) if needs.contains(&s) => Some(s),
        _ => None,
    });
    logged.next_back().or_else(|| needs.first().copied())
}

/// One finding per system that took notification channels down with it while people
/// were being called over them.
pub(super) fn channels(c: &mut Ctx) {
    let (m, out) = (c.m, c.out);
    let say = &c.say.findings.channels_on_system;
    let mut by_system: BTreeMap<SystemId, Vec<DownChannel>> = BTreeMap::new();
    for ci in crate::ids::all(&m.channels) {
        let ch = &m.channels[ci];
        let failed: Vec<Evidence> = out
            .notifications
            .iter()
            .flat_map(|n| n.attempts.iter())
            .chain(out.stakeholders.iter().flat_map(|s| s.attempts.iter()))
            .filter(|a| a.channel == ci && a.end == AttemptEnd::ChannelDown)
            .map(|a| ev(a.sent_at, (c.say.evidence.attempt_channel_down)(&m.people[a.person].id, &ch.id)))
            .collect();
        let went_down = out.log.iter().find(|e| e.kind == LogKind::ChannelDown(ci));
        let (Some(down), false) = (went_down, failed.is_empty()) else { continue };
        let Some(system) = cause_of(c, ci, down.t) else { continue };
        by_system.entry(system).or_default().push(DownChannel { channel: ci, down_at: down.t, failed });
    }
    for (system, down) in by_system {
        let sys = &m.systems[system];
        let system_down = out.log.iter().find(|e| e.kind == LogKind::SystemDown(system)).map(|e| e.t);
        let at = system_down.unwrap_or_else(|| down.iter().map(|d| d.down_at).min().unwrap_or(0));
        let mut evidence = vec![ev(at, (c.say.evidence.system_down)(&sys.id))];
        let mut counts = Vec::new();
        for d in &down {
            let id = &m.channels[d.channel].id;
            counts.push((say.attempts_down)(id, d.failed.len()));
            evidence.push(ev(d.down_at, (c.say.evidence.channel_down)(id)));
            evidence.extend(d.failed.iter().take(5).cloned());
        }
        let ids: Vec<&str> = down.iter().map(|d| m.channels[d.channel].id.as_str()).collect();
        let others: Vec<&str> = m
            .channels
            .iter()
            .filter(|ch| !ch.depends_on.contains(&system) && !ids.contains(&ch.id.as_str()))
            .map(|ch| ch.id.as_str())
            .collect();
        let counts: Vec<&str> = counts.iter().map(String::as_str).collect();
        c.add(Draft {
            kind: FindingKind::ChannelsOnSystem,
            subject: &sys.id,
            title: (say.title)(&ids, &sys.name),
            detail: (say.detail)(&sys.name, &format_time(at), &counts),
            evidence,
            action: if others.is_empty() {
                (say.action_no_other_channel)(&ids, &sys.name)
            } else {
                (say.action_other_channels)(&ids, &sys.name, &others)
            },
            responsible: c.call_tree_owner(),
        });
    }
}
