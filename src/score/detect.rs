//! Finding what went wrong in a run: each detector reads the outcome and the results
//! and drafts findings with evidence from the event log. Symptoms of one cause (steps
//! whose runbooks sat at one site, channels that ran on one system) make one finding
//! named after the cause, so that its id is stable and it gets one improvement item.
//! Every corrective action is derived from the finding's own facts.

mod calls;
mod recovery;
mod sites;

use std::collections::BTreeSet;

use super::{Evidence, Finding, FindingKind, Lang};
use crate::compile::{Backup, Model, Replica};
use crate::format::distribution::Distribution;
use crate::lang::Catalogue;
use crate::outcome::{Attempt, AttemptEnd, LogKind, Outcome};
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

/// How long someone usually takes on a channel: the middle of its distribution.
fn usual(d: Distribution) -> i64 {
    match d {
        Distribution::Fixed(x) => x.0,
        Distribution::Uniform { min, max } => (min.0 + max.0) / 2,
        Distribution::Triangular { mode, .. } => mode.0,
        Distribution::Lognormal { median, .. } => median.0,
    }
}

/// One attempt to reach someone, as an evidence line.
fn attempt_evidence(c: &Ctx, a: &crate::outcome::Attempt) -> Evidence {
    let e = &c.say.evidence;
    let how = match a.end {
        crate::outcome::AttemptEnd::Answered => e.answered,
        crate::outcome::AttemptEnd::NoAnswer => e.no_answer,
        crate::outcome::AttemptEnd::ChannelDown => e.channel_was_down,
        crate::outcome::AttemptEnd::Pending => e.pending,
    };
    ev(a.sent_at, (e.attempt)(&c.m.people[a.person].id, &c.m.channels[a.channel].id, how))
}

/// A finding before it gets its id (`kind:subject`); its kind also gives its capability
/// element.
struct Draft<'a> {
    kind: FindingKind,
    /// The cause, by id.
    subject: &'a str,
    title: String,
    detail: String,
    evidence: Vec<Evidence>,
    /// Derived from this finding's facts, in the report language.
    action: String,
    /// The role that can fix the cause (from [`Ctx::plan_owner`] and its kin), never
    /// merely the one who was late.
    responsible: String,
}

impl Ctx<'_> {
    /// Adds a finding unless one of the same kind about the same cause (so with the
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

    /// Who answers for the plan: the role `organisation.owner` names, its own words when
    /// it names no role, or "Plan owner". Items whose cause has no owner of its own
    /// (data protection, suppliers, declaration triggers, role backups) go to it.
    fn plan_owner(&self) -> String {
        match &self.m.meta.plan_owner {
            Some(owner) => {
                self.m.roles.iter().find(|r| r.id == *owner).map_or_else(|| owner.clone(), |r| r.name.clone())
            }
            None => self.say.findings.plan_owner.to_owned(),
        }
    }

    /// The role named, or else the plan owner.
    fn role_or_plan_owner(&self, role: Option<crate::ids::RoleId>) -> String {
        role.map_or_else(|| self.plan_owner(), |r| self.m.roles[r].name.clone())
    }

    /// Who keeps the call tree (`call_tree.owner`): items about reaching people go to it,
    /// not to whoever was slow to answer.
    fn call_tree_owner(&self) -> String {
        self.role_or_plan_owner(self.m.call_tree.as_ref().and_then(|t| t.owner))
    }

    /// Who keeps these procedures and their runbooks (`procedures[].owner`, else the
    /// plan owner), each named once.
    fn procedure_owners(&self, procedures: impl IntoIterator<Item = crate::ids::ProcedureId>) -> String {
        let owners: BTreeSet<Option<crate::ids::RoleId>> =
            procedures.into_iter().map(|p| self.m.procedures[p].owner).collect();
        let mut names: Vec<String> = Vec::new();
        for owner in owners {
            let name = self.role_or_plan_owner(owner);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        if names.is_empty() { self.plan_owner() } else { names.join(", ") }
    }

    /// The role that declares: the first that may.
    fn crisis_owner(&self) -> String {
        self.m.declare_roles.first().map_or_else(|| self.plan_owner(), |&r| self.m.roles[r].name.clone())
    }

    /// One attempt to reach someone, as a finding lists it.
    fn attempt(&self, a: &Attempt) -> String {
        let say = &self.say.findings.attempts;
        let (person, channel) = (&self.m.people[a.person].name, &self.m.channels[a.channel].id);
        let took = self.lang.duration(a.ended_at - a.sent_at);
        match a.end {
            AttemptEnd::Answered => (say.answered)(person, channel, &took),
            AttemptEnd::NoAnswer => (say.no_answer)(person, channel, &took),
            AttemptEnd::ChannelDown => (say.channel_down)(person, channel),
            AttemptEnd::Pending => (say.pending)(person, channel, &format_time(a.sent_at)),
        }
    }

    /// Every attempt of a call in words, with the long pauses between them said as such
    /// (half an hour or more without a try is part of what happened, not a gap in the story).
    fn attempts(&self, attempts: &[Attempt]) -> Vec<String> {
        const LONG_PAUSE: i64 = 30 * 60;
        let mut out = Vec::new();
        for (i, a) in attempts.iter().enumerate() {
            if let Some(prev) = i.checked_sub(1).map(|j| &attempts[j])
                && a.sent_at - prev.ended_at >= LONG_PAUSE
            {
                out.push((self.say.findings.attempts.gap)(&format_time(prev.ended_at), &format_time(a.sent_at)));
            }
            out.push(self.attempt(a));
        }
        out
    }
}

/// Every finding of one run, in a stable order: by kind, then as they arose.
pub fn find(m: &Model, out: &Outcome, r: &Results, lang: Lang) -> Vec<Finding> {
    let mut c = Ctx { m, out, r, lang, say: lang.catalogue(), found: Vec::new(), seen: BTreeSet::new() };
    sites::runbooks(&mut c);
    sites::channels(&mut c);
    calls::unreachable_roles(&mut c);
    recovery::missed_rto(&mut c);
    recovery::declared_late(&mut c);
    missed_rpo(&mut c);
    calls::single_channel(&mut c);
    single_source(&mut c);
    calls::late_notifications(&mut c);
    calls::late_stakeholders(&mut c);
    default_decisions(&mut c);
    recovery::not_declared(&mut c);
    c.found
}

/// What to do about one system's copies when its function lost more than the RPO: the
/// protection that cannot meet the RPO, or, when it could, the site that held the copies
/// and went down. `None` when this system's copies were neither.
fn rpo_action(c: &Ctx, s: crate::ids::SystemId, rpo: i64, copies_lost: bool) -> Option<String> {
    let (say, lang) = (&c.say.findings.rpo_missed, c.lang);
    let sys = &c.m.systems[s];
    let site_went_down = |site| c.out.log.iter().any(|e| e.kind == LogKind::SiteDown(site));
    match (sys.backup, sys.replication) {
        (Some(Backup { interval, stored_at }), _) => {
            if interval > rpo {
                Some((say.action_back_up_more_often)(&sys.id, &lang.duration(rpo), &lang.duration(interval)))
            } else {
                (copies_lost && site_went_down(stored_at))
                    .then(|| (say.action_copy_elsewhere)(&sys.id, &c.m.sites[stored_at].name))
            }
        }
        (None, Some(Replica { lag, target })) => {
            if lag > rpo {
                Some((say.action_cut_replica_lag)(&sys.id, &lang.duration(rpo), &lang.duration(lag)))
            } else {
                (copies_lost && site_went_down(target))
                    .then(|| (say.action_copy_elsewhere)(&sys.id, &c.m.sites[target].name))
            }
        }
        (None, None) => Some((say.action_start_backups)(&sys.id, &lang.duration(rpo))),
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
        let systems = &m.functions[fi].systems;
        let protection: Vec<String> = systems
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
        let lost = o.data_lost.map_or_else(|| say.all_data_lost.to_owned(), |d| lang.duration_against(d, f.rpo));
        let actions: Vec<String> =
            systems.iter().filter_map(|&s| rpo_action(c, s, f.rpo, o.data_lost.is_none())).collect();
        c.add(Draft {
            kind: FindingKind::RpoMissed,
            subject: &f.id,
            title: (say.title)(&f.name, &lost, &lang.duration(f.rpo)),
            detail: (say.detail)(&protection),
            evidence: vec![ev(o.start, (c.say.evidence.function_down)(&f.id))],
            action: actions.join(" "),
            responsible: c.plan_owner(),
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
            responsible: c.plan_owner(),
        });
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
        let role = &m.roles[dec.role];
        let option_label = &dec.options[option].label;
        let asked_at = d.asked_at.unwrap_or(d.posed_at);
        let (asked, detail, action) = match d.asked {
            Some(p) => {
                let person = &m.people[p].name;
                let backup = role.holders.iter().find(|&&h| h != p).map(|&h| m.people[h].name.as_str());
                (
                    (c.say.evidence.decision_asked)(&dec.id, &m.people[p].id),
                    (say.detail)(person, &format_time(asked_at), option_label, &format_time(applied_at)),
                    match backup {
                        Some(b) => (say.action_backup_answers)(&role.name, person, b, &lang.duration(dec.deadline)),
                        None => (say.action_name_backup)(&role.name, person),
                    },
                )
            }
            None => (
                (c.say.evidence.decision_posed_nobody)(&dec.id, &role.id),
                (say.detail_nobody_asked)(&role.name, option_label, &format_time(applied_at)),
                (say.action_nobody_asked)(&role.name),
            ),
        };
        // A default that declared the disaster is the one cause of the recovery that
        // waited for it: said here, not in a second finding.
        let declared = matches!(
            crate::score::holdup::declaration_cause(m, c.r),
            Some(crate::score::holdup::DeclarationCause::Default { decision, .. }) if decision == d.decision
        );
        let held = recovery::held_by_late_declaration(c);
        let detail = if declared && !held.is_empty() {
            format!("{detail}{}", (say.declared_the_disaster)(&(c.say.findings.rto_missed.names)(&held)))
        } else {
            detail
        };
        c.add(Draft {
            kind: FindingKind::DecisionDefault,
            subject: &dec.id,
            title: (say.title)(&dec.prompt, &lang.duration(dec.deadline)),
            detail,
            evidence: vec![
                ev(asked_at, asked),
                ev(applied_at, (c.say.evidence.default_applied)(&dec.options[option].id)),
            ],
            action,
            // Who may decide for a role, and when, is the plan's to say.
            responsible: c.plan_owner(),
        });
    }
}
