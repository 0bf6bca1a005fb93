//! Finding what went wrong in a run: each detector reads the outcome and the results
//! and drafts findings with evidence from the event log and who should own the fix.

mod recovery;

use std::collections::BTreeSet;

use super::{Evidence, Finding, FindingKind, Lang};
use crate::compile::{Backup, Model, Replica};
use crate::ids::{self, ChannelId, Id};
use crate::lang::Catalogue;
use crate::outcome::{AttemptEnd, LogKind, Outcome};
use crate::results::Results;
use crate::time::format_time;

struct Ctx<'a> {
    m: &'a Model,
    out: &'a Outcome,
    r: &'a Results,
    lang: Lang,
    say: &'static Catalogue,
    found: Vec<Finding>,
    seen: BTreeSet<(FindingKind, String)>,
}

fn ev(t: i64, text: String) -> Evidence {
    Evidence { t, at: format_time(t), text }
}

/// One attempt to reach someone, as an evidence line.
fn attempt_evidence(say: &Catalogue, person: &str, channel: &str, end: AttemptEnd) -> String {
    let e = &say.evidence;
    let how = match end {
        AttemptEnd::Answered => e.answered,
        AttemptEnd::NoAnswer => e.no_answer,
        AttemptEnd::ChannelDown => e.channel_was_down,
        AttemptEnd::Pending => e.pending,
    };
    (e.attempt)(person, channel, how)
}

/// A finding before it gets its id (`kind:subject`); its kind also gives its capability
/// element and corrective action.
struct Draft<'a> {
    kind: FindingKind,
    subject: &'a str,
    title: String,
    detail: String,
    evidence: Vec<Evidence>,
    /// Derived from this finding's facts, in the report language.
    action: String,
    responsible: String,
}

impl Ctx<'_> {
    /// Adds a finding unless one of the same kind about the same subject (so with the
    /// same id) was already found.
    fn add(&mut self, d: Draft<'_>) {
        if self.seen.insert((d.kind, d.subject.to_owned())) {
            self.found.push(Finding {
                id: d.kind.id(d.subject),
                kind: d.kind,
                subject: d.subject.to_owned(),
                title: d.title,
                detail: d.detail,
                evidence: d.evidence,
                capability: d.kind.capability(),
                corrective_action: d.action,
                responsible: d.responsible,
            });
        }
    }

    /// The role that owns organisation-wide actions: the first that may declare.
    fn crisis_owner(&self) -> String {
        self.m.declare_roles.first().map_or_else(|| self.m.meta.organisation.clone(), |&r| self.m.roles[r].name.clone())
    }
}

/// Every finding of one run, in a stable order: by kind, then as they arose.
pub fn find(m: &Model, out: &Outcome, r: &Results, lang: Lang) -> Vec<Finding> {
    let mut c = Ctx { m, out, r, lang, say: lang.catalogue(), found: Vec::new(), seen: BTreeSet::new() };
    runbooks(&mut c);
    channels(&mut c);
    unreachable_roles(&mut c);
    recovery::missed_rto(&mut c);
    missed_rpo(&mut c);
    single_channel(&mut c);
    single_source(&mut c);
    late_notices(&mut c);
    default_decisions(&mut c);
    recovery::not_declared(&mut c);
    c.found
}

fn runbooks(c: &mut Ctx) {
    let (m, out, lang) = (c.m, c.out, c.lang);
    let say = &c.say.findings.runbook_unreachable;
    // A runbook is lost with its site whether or not anyone got as far as opening it:
    // a step that found it missing, or a disrupted function whose steps keep it there.
    let mut lost: Vec<(i64, usize, usize, usize, bool)> = Vec::new();
    for e in &out.log {
        match e.kind {
            LogKind::RunbookUnreachable { function: f, step: s, site } => {
                lost.push((e.t, f.index(), s.index(), site.index(), true));
            }
            LogKind::SiteDown(site) => {
                for (f, outages) in out.outages.iter().enumerate() {
                    let (false, Some(p)) = (outages.is_empty(), m.functions[f].procedure) else { continue };
                    for (s, step) in m.procedures[p].steps.iter().enumerate() {
                        if step.runbook.is_some_and(|r| r.kept_at == site) {
                            lost.push((e.t, f, s, site.index(), false));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // A step that found its runbook missing says more than the site outage: report it first.
    lost.sort_by_key(|&(t, f, s, _, used)| (!used, f, s, t));
    for (t, f, s, site, used) in lost {
        let Some(p) = m.functions[f].procedure else { continue };
        let step = &m.procedures[p].steps[s];
        let site_name = &m.sites[site].name;
        let function = &m.functions[f].name;
        c.add(Draft {
            kind: FindingKind::RunbookUnreachable,
            subject: &format!("{}/{}", m.functions[f].id, step.id),
            title: (say.title)(&step.name, site_name),
            detail: if used {
                (say.detail_step_slowed)(&lang.duration(step.runbook.map_or(0, |r| r.delay_if_unreachable)), function)
            } else {
                (say.detail_site_down)(function, &format_time(t))
            },
            evidence: vec![ev(
                t,
                if used {
                    (c.say.evidence.runbook_unreachable)(
                        &format!("{}/{}", m.functions[f].id, step.id),
                        &m.sites[site].id,
                    )
                } else {
                    (c.say.evidence.runbook_site_down)(&m.sites[site].id, &format!("{}/{}", m.functions[f].id, step.id))
                },
            )],
            action: (say.corrective_action)(&step.name, site_name),
            responsible: m.roles[step.role].name.clone(),
        });
    }
}

fn channels(c: &mut Ctx) {
    let (m, out) = (c.m, c.out);
    let say = &c.say.findings.channel_on_failed_system;
    for ci in ids::all(&m.channels) {
        let ch = &m.channels[ci];
        if ch.depends_on.is_empty() {
            continue;
        }
        let hits: Vec<Evidence> = out
            .notifications
            .iter()
            .flat_map(|n| n.attempts.iter())
            .chain(out.stakeholders.iter().flat_map(|s| s.attempts.iter()))
            .filter(|a| a.channel == ci && a.end == AttemptEnd::ChannelDown)
            .map(|a| ev(a.sent_at, (c.say.evidence.attempt_channel_down)(&m.people[a.person].id, &ch.id)))
            .collect();
        let went_down = out.log.iter().find(|e| e.kind == LogKind::ChannelDown(ci));
        let (Some(down), false) = (went_down, hits.is_empty()) else { continue };
        let failed = hits.len();
        let systems: Vec<&str> = ch.depends_on.iter().map(|&s| m.systems[s].name.as_str()).collect();
        let mut evidence = vec![ev(down.t, (c.say.evidence.channel_down)(&ch.id))];
        evidence.extend(hits.into_iter().take(5));
        c.add(Draft {
            kind: FindingKind::ChannelOnFailedSystem,
            subject: &ch.id,
            title: (say.title)(&ch.id, &systems),
            detail: (say.detail)(&failed.to_string()),
            evidence,
            action: (say.corrective_action)(&ch.id),
            responsible: c.crisis_owner(),
        });
    }
}

fn unreachable_roles(c: &mut Ctx) {
    let (m, out) = (c.m, c.out);
    let say = &c.say.findings.role_unreachable;
    for e in &out.log {
        let LogKind::Unreachable(n) = e.kind else { continue };
        let note = &out.notifications[n];
        let role = &m.roles[note.to_role];
        let names: Vec<&str> = role.holders.iter().map(|&p| m.people[p].name.as_str()).collect();
        let mut evidence = vec![ev(e.t, (c.say.evidence.unreachable)(&role.id))];
        evidence.extend(
            note.attempts.iter().take(6).map(|a| {
                ev(a.sent_at, attempt_evidence(c.say, &m.people[a.person].id, &m.channels[a.channel].id, a.end))
            }),
        );
        c.add(Draft {
            kind: FindingKind::RoleUnreachable,
            subject: &role.id,
            title: (say.title)(&role.name),
            detail: (say.detail)(&names),
            evidence,
            action: (say.corrective_action)(&role.name),
            responsible: c.crisis_owner(),
        });
    }
}

fn missed_rpo(c: &mut Ctx) {
    let r = c.r;
    let (m, lang) = (c.m, c.lang);
    let say = &c.say.findings.rpo_missed;
    for (fi, f) in r.functions.iter().enumerate() {
        let Some(o) = f.outages.first() else { continue };
        if o.within_rpo {
            continue;
        }
        let protection: Vec<String> = m.functions[fi]
            .systems
            .iter()
            .map(|&s| {
                let sys = &m.systems[s];
                match (sys.backup, sys.replication) {
                    (Some(Backup { interval, .. }), _) => (say.backup_every)(&sys.id, &lang.duration(interval)),
                    (None, Some(Replica { lag, .. })) => (say.replica_lag)(&sys.id, &lang.duration(lag)),
                    (None, None) => (say.no_backup)(&sys.id),
                }
            })
            .collect();
        let protection: Vec<&str> = protection.iter().map(String::as_str).collect();
        let lost = o.data_lost.map_or_else(|| say.all_data_lost.to_owned(), |d| lang.duration(d));
        c.add(Draft {
            kind: FindingKind::RpoMissed,
            subject: &f.id,
            title: (say.title)(&f.name, &lost, &lang.duration(f.rpo)),
            detail: (say.detail)(&protection),
            evidence: vec![ev(o.start, (c.say.evidence.function_down)(&f.id))],
            action: say.corrective_action.to_owned(),
            responsible: c.crisis_owner(),
        });
    }
}

fn single_channel(c: &mut Ctx) {
    let (m, out) = (c.m, c.out);
    let say = &c.say.findings.single_channel;
    let mut called = BTreeSet::new();
    for n in &out.notifications {
        for a in &n.attempts {
            called.insert(a.person);
        }
    }
    for &p in &called {
        let person = &m.people[p];
        let channels: BTreeSet<ChannelId> = person.contacts.iter().map(|k| k.channel).collect();
        if channels.len() > 1 {
            continue;
        }
        let evidence = out
            .notifications
            .iter()
            .flat_map(|n| n.attempts.iter())
            .filter(|a| a.person == p)
            .take(3)
            .map(|a| ev(a.sent_at, attempt_evidence(c.say, &person.id, &m.channels[a.channel].id, a.end)))
            .collect();
        c.add(Draft {
            kind: FindingKind::SingleChannel,
            subject: &person.id,
            title: (say.title)(&person.name),
            detail: say.detail.to_owned(),
            evidence,
            action: say.corrective_action.to_owned(),
            responsible: c.crisis_owner(),
        });
    }
}

fn single_source(c: &mut Ctx) {
    let (m, out) = (c.m, c.out);
    let say = &c.say.findings.single_source;
    for rec in &out.suppliers {
        let s = &m.suppliers[rec.supplier];
        if !s.alternates.is_empty() {
            continue;
        }
        let mut evidence = vec![ev(rec.cut_off_at, (c.say.evidence.supplier_cut_off)(&s.id))];
        let detail = match rec.restored_at {
            Some(t) => {
                evidence.push(ev(t, (c.say.evidence.supplier_restored)(&s.id)));
                (say.detail_restored)(&format_time(t))
            }
            None => (say.detail_still_cut_off)(&format_time(out.ended_at)),
        };
        c.add(Draft {
            kind: FindingKind::SingleSource,
            subject: &s.id,
            title: (say.title)(&s.name),
            detail,
            evidence,
            action: (say.corrective_action)(&s.name),
            responsible: c.crisis_owner(),
        });
    }
}

fn late_notices(c: &mut Ctx) {
    let (m, out, lang) = (c.m, c.out, c.lang);
    let (late_role, late_stakeholder) = (&c.say.findings.notification_late, &c.say.findings.stakeholder_late);
    for e in &out.log {
        match e.kind {
            LogKind::NotificationLate(n) => {
                let note = &out.notifications[n];
                let role = &m.roles[note.to_role];
                let deadline = lang.duration(note.deadline_at.unwrap_or(0) - note.started_at);
                let detail = match note.reached {
                    Some(r) => (late_role.detail)(&lang.duration(r.at - note.started_at), &deadline),
                    None => (late_role.detail_not_reached)(&format_time(out.ended_at), &deadline),
                };
                c.add(Draft {
                    kind: FindingKind::NotificationLate,
                    subject: &role.id,
                    title: (late_role.title)(&role.name),
                    detail,
                    evidence: vec![ev(e.t, (c.say.evidence.notification_late)(&role.id))],
                    action: late_role.corrective_action.to_owned(),
                    responsible: role.name.clone(),
                });
            }
            LogKind::StakeholderLate(s) => {
                let st = &m.stakeholders[s];
                let notice = &out.stakeholders[s.index()];
                let owner = m.roles[st.owner].name.clone();
                let mut evidence = vec![ev(e.t, (c.say.evidence.stakeholder_late)(&st.id))];
                let when = match (notice.notified, out.disruption_at) {
                    (Some(n), Some(d0)) => {
                        evidence
                            .push(ev(n.at, (c.say.evidence.stakeholder_notified)(&st.id, &m.channels[n.channel].id)));
                        (late_stakeholder.notified_after)(&lang.duration(n.at - d0), &m.channels[n.channel].id)
                    }
                    _ => (late_stakeholder.not_notified_by_end)(&format_time(out.ended_at)),
                };
                let began = match notice.started {
                    Some(start) => (late_stakeholder.owner_began)(&m.people[start.by].name, &format_time(start.at)),
                    None => (late_stakeholder.nobody_began)(&owner),
                };
                c.add(Draft {
                    kind: FindingKind::StakeholderLate,
                    subject: &st.id,
                    title: (late_stakeholder.title)(&st.name, &lang.duration(st.deadline)),
                    detail: (late_stakeholder.detail)(&when, &lang.duration(st.deadline), &began),
                    evidence,
                    action: (late_stakeholder.corrective_action)(&st.name, &owner),
                    responsible: owner,
                });
            }
            _ => {}
        }
    }
}

fn default_decisions(c: &mut Ctx) {
    let (m, out, lang) = (c.m, c.out, c.lang);
    let say = &c.say.findings.decision_default;
    for d in &out.decisions {
        // A default due after the end never applied: the decision was still open, which
        // its criterion reports; there is no default to find fault with. Neither is there
        // for a decision never asked (nobody acting for its role knew).
        let (Some(applied_at), Some(option)) = (d.answered_at(), d.option) else { continue };
        if !d.by_default || applied_at > out.ended_at {
            continue;
        }
        let dec = &m.decisions[d.decision];
        let role = m.roles[dec.role].name.clone();
        let (asked, detail) = match d.asked {
            Some(p) => (
                (c.say.evidence.decision_asked)(&dec.id, &m.people[p].id),
                (say.detail)(&m.people[p].name, &dec.options[option].label, &format_time(applied_at)),
            ),
            None => (
                (c.say.evidence.decision_posed_nobody)(&dec.id, &m.roles[dec.role].id),
                (say.detail_nobody_asked)(&role, &dec.options[option].label, &format_time(applied_at)),
            ),
        };
        c.add(Draft {
            kind: FindingKind::DecisionDefault,
            subject: &dec.id,
            title: (say.title)(&dec.prompt, &lang.duration(dec.deadline)),
            detail,
            evidence: vec![
                ev(d.asked_at.unwrap_or(d.posed_at), asked),
                ev(applied_at, (c.say.evidence.default_applied)(&dec.options[option].id)),
            ],
            action: say.corrective_action.to_owned(),
            responsible: role,
        });
    }
}
