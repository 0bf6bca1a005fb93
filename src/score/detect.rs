//! Finding what went wrong in a run: each detector reads the outcome and the results
//! and drafts findings with evidence from the event log and who should own the fix.

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
    lang: Lang,
    say: &'static Catalogue,
    found: Vec<Finding>,
    seen: BTreeSet<(FindingKind, String)>,
}

fn ev(t: i64, text: String) -> Evidence {
    Evidence { t, at: format_time(t), text }
}

/// A finding before it gets its id (`kind:subject`); its kind also gives its capability
/// element and corrective action.
struct Draft<'a> {
    kind: FindingKind,
    subject: &'a str,
    title: String,
    detail: String,
    evidence: Vec<Evidence>,
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
                corrective_action: d.kind.corrective_action(self.lang).to_owned(),
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
    let mut c = Ctx { m, out, lang, say: lang.catalogue(), found: Vec::new(), seen: BTreeSet::new() };
    runbooks(&mut c);
    channels(&mut c);
    unreachable_roles(&mut c);
    missed_rto(&mut c, r);
    missed_rpo(&mut c, r);
    single_channel(&mut c);
    single_source(&mut c);
    late_notices(&mut c);
    default_decisions(&mut c);
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
                (say.detail_site_down)(function)
            },
            evidence: vec![ev(
                t,
                if used {
                    format!("runbook_unreachable {}/{} at {}", m.functions[f].id, step.id, m.sites[site].id)
                } else {
                    format!("site_down {} (runbook for {}/{} kept there)", m.sites[site].id, m.functions[f].id, step.id)
                },
            )],
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
            .map(|a| ev(a.sent_at, format!("attempt to reach {} over {}: channel down", m.people[a.person].id, ch.id)))
            .collect();
        let went_down = out.log.iter().find(|e| e.kind == LogKind::ChannelDown(ci));
        let (Some(down), false) = (went_down, hits.is_empty()) else { continue };
        let systems: Vec<&str> = ch.depends_on.iter().map(|&s| m.systems[s].name.as_str()).collect();
        let mut evidence = vec![ev(down.t, format!("channel_down {}", ch.id))];
        evidence.extend(hits.into_iter().take(5));
        c.add(Draft {
            kind: FindingKind::ChannelOnFailedSystem,
            subject: &ch.id,
            title: (say.title)(&ch.id, &systems),
            detail: say.detail.to_owned(),
            evidence,
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
        let mut evidence = vec![ev(e.t, format!("unreachable {}", role.id))];
        evidence.extend(note.attempts.iter().take(6).map(|a| {
            ev(a.sent_at, format!("{} via {}: {}", m.people[a.person].id, m.channels[a.channel].id, a.end.as_str()))
        }));
        c.add(Draft {
            kind: FindingKind::RoleUnreachable,
            subject: &role.id,
            title: (say.title)(&role.name),
            detail: (say.detail)(&names),
            evidence,
            responsible: c.crisis_owner(),
        });
    }
}

/// A dependency's name as the plan gives it.
fn dependency_name(m: &Model, d: &crate::results::DependencyResult) -> String {
    let found = match d.kind {
        "site" => m.sites.iter().find(|x| x.id == d.id).map(|x| x.name.clone()),
        "role" => m.roles.iter().find(|x| x.id == d.id).map(|x| x.name.clone()),
        _ => m.suppliers.iter().find(|x| x.id == d.id).map(|x| x.name.clone()),
    };
    found.unwrap_or_else(|| d.id.clone())
}

/// When, after its procedure was done, a function waited for a site, role or supplier
/// longer than `other_wait` (the longest other hold-up), that wait is the finding.
fn waited_for_dependency(
    c: &mut Ctx,
    f: &crate::results::FunctionResult,
    o: &crate::results::OutageResult,
    end: i64,
    other_wait: Option<i64>,
) -> bool {
    let (m, lang) = (c.m, c.lang);
    let say = &c.say.findings.rto_missed;
    let Some(done) = o.procedure_done_at.filter(|_| !o.waited_for.is_empty()) else { return false };
    let until = o.recovered_at.unwrap_or(end);
    let wait = until - done;
    if other_wait.is_some_and(|w| w >= wait) {
        return false;
    }
    let ids: Vec<&str> = o.waited_for.iter().map(|d| d.id.as_str()).collect();
    let names: Vec<String> = o.waited_for.iter().map(|d| dependency_name(m, d)).collect();
    let back = o.back_after.map_or_else(|| c.say.scorecard.not_back.to_owned(), |b| lang.duration(b));
    let rto = lang.duration(f.rto);
    c.add(Draft {
        kind: FindingKind::RtoMissed,
        subject: &f.id,
        title: (say.title)(&f.name, &rto),
        detail: (say.detail_waited_for_dependency)(&back, &rto, &names.join(", "), &lang.duration(wait)),
        evidence: vec![
            ev(o.start, format!("function_down {}", f.id)),
            ev(done, "procedure_done".to_owned()),
            ev(until, format!("waited for {}: {} → {}", ids.join(", "), format_time(done), format_time(until))),
        ],
        responsible: c.crisis_owner(),
    });
    true
}

fn missed_rto(c: &mut Ctx, r: &Results) {
    let (m, lang) = (c.m, c.lang);
    let say = &c.say.findings.rto_missed;
    let not_back = c.say.scorecard.not_back;
    for (fi, f) in r.functions.iter().enumerate() {
        let Some(o) = f.outages.first() else { continue };
        if o.within_rto != Some(false) {
            continue;
        }
        let end = r.duration;
        // The step that held it up: the longest wait between being ready and starting,
        // or the first step that never started.
        let mut blame: Option<(i64, String, String)> = None;
        for s in &o.steps {
            let ready = s.ready_at.unwrap_or(o.start);
            let (wait, what) = match s.started_at {
                Some(st) => (st - ready, format!("{}: {} → {}", s.id, format_time(ready), format_time(st))),
                None if s.ready_at.is_some() => (end - ready, format!("{}: {} → never", s.id, format_time(ready))),
                None => continue,
            };
            if blame.as_ref().is_none_or(|(w, _, _)| wait > *w) {
                blame = Some((wait, s.id.clone(), what));
            }
        }
        let declared = r.declaration.as_ref().map(|d| d.at);
        // Waiting for the declaration holds up every step; it is the hold-up when it is
        // longer than any wait between steps.
        let declaration_wait = declared.map_or(end - o.start, |d| d - o.start).max(0);
        if blame.as_ref().is_none_or(|(w, _, _)| declaration_wait > *w) {
            blame = Some((
                declaration_wait,
                String::new(),
                format!(
                    "declaration: {} → {}",
                    format_time(o.start),
                    declared.map_or_else(|| "never".to_owned(), format_time)
                ),
            ));
        }
        if waited_for_dependency(c, f, o, end, blame.as_ref().map(|b| b.0)) {
            continue;
        }
        let step_name = |id: &str| {
            m.functions[fi]
                .procedure
                .and_then(|p| m.procedures[p].steps.iter().find(|s| s.id == id))
                .map_or(id.to_owned(), |s| s.name.clone())
        };
        let mut evidence = vec![ev(o.start, format!("function_down {}", f.id))];
        if let Some(d) = declared {
            evidence.push(ev(d, "declared".to_owned()));
        }
        let back = o.back_after.map_or_else(|| not_back.to_owned(), |b| lang.duration(b));
        let rto = lang.duration(f.rto);
        let detail = match &blame {
            Some((wait, step, _)) if step.is_empty() => {
                (say.detail_waited_for_declaration)(&back, &rto, &lang.duration(*wait))
            }
            Some((_, step, _)) if o.steps.iter().any(|s| s.id == *step && s.started_at.is_none()) => {
                let role = o.steps.iter().find(|s| s.id == *step).map_or(String::new(), |s| {
                    m.roles.iter().find(|r| r.id == s.role).map_or(s.role.clone(), |r| r.name.clone())
                });
                (say.detail_step_never_started)(&back, &rto, &step_name(step), &role)
            }
            Some((wait, step, _)) => (say.detail_step_held_up)(&back, &rto, &step_name(step), &lang.duration(*wait)),
            None if declared.is_none() => say.detail_never_declared.to_owned(),
            None => say.detail_not_completed.to_owned(),
        };
        if let Some((_, _, what)) = &blame {
            let t = o.steps.iter().find_map(|s| s.started_at.or(s.ready_at)).unwrap_or(o.start);
            evidence.push(ev(t, format!("critical step {what}")));
        }
        let responsible = m.functions[fi]
            .procedure
            .and_then(|p| {
                let name = blame.as_ref().map(|b| b.1.as_str());
                m.procedures[p].steps.iter().find(|s| Some(s.id.as_str()) == name).map(|s| m.roles[s.role].name.clone())
            })
            .unwrap_or_else(|| c.crisis_owner());
        c.add(Draft {
            kind: FindingKind::RtoMissed,
            subject: &f.id,
            title: (say.title)(&f.name, &rto),
            detail,
            evidence,
            responsible,
        });
    }
}

fn missed_rpo(c: &mut Ctx, r: &Results) {
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
            evidence: vec![ev(o.start, format!("function_down {}", f.id))],
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
            .map(|a| ev(a.sent_at, format!("{} via {}: {}", person.id, m.channels[a.channel].id, a.end.as_str())))
            .collect();
        c.add(Draft {
            kind: FindingKind::SingleChannel,
            subject: &person.id,
            title: (say.title)(&person.name),
            detail: say.detail.to_owned(),
            evidence,
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
        c.add(Draft {
            kind: FindingKind::SingleSource,
            subject: &s.id,
            title: (say.title)(&s.name),
            detail: say.detail.to_owned(),
            evidence: vec![ev(rec.cut_off_at, format!("supplier_cut_off {}", s.id))],
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
                let when =
                    note.reached.map_or_else(|| late_role.never.to_owned(), |r| lang.duration(r.at - note.started_at));
                let deadline = lang.duration(note.deadline_at.unwrap_or(0) - note.started_at);
                c.add(Draft {
                    kind: FindingKind::NotificationLate,
                    subject: &role.id,
                    title: (late_role.title)(&role.name),
                    detail: (late_role.detail)(&when, &deadline),
                    evidence: vec![ev(e.t, format!("notification_late {}", role.id))],
                    responsible: role.name.clone(),
                });
            }
            LogKind::StakeholderLate(s) => {
                let st = &m.stakeholders[s];
                c.add(Draft {
                    kind: FindingKind::StakeholderLate,
                    subject: &st.id,
                    title: (late_stakeholder.title)(&st.name, &lang.duration(st.deadline)),
                    detail: late_stakeholder.detail.to_owned(),
                    evidence: vec![ev(e.t, format!("stakeholder_late {}", st.id))],
                    responsible: m.roles[st.owner].name.clone(),
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
        let (true, Some(option), Some(answered_at)) = (d.by_default, d.option, d.answered_at()) else { continue };
        let dec = &m.decisions[d.decision];
        c.add(Draft {
            kind: FindingKind::DecisionDefault,
            subject: &dec.id,
            title: (say.title)(&dec.prompt, &lang.duration(dec.deadline)),
            detail: (say.detail)(&dec.options[option].label),
            evidence: vec![
                ev(d.posed_at, format!("decision_posed {}", dec.id)),
                ev(answered_at, format!("default {}", dec.options[option].id)),
            ],
            responsible: m.roles[dec.role].name.clone(),
        });
    }
}
