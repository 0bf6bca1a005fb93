//! Findings: what went wrong, with the evidence from the event log, the capability
//! element it belongs to, a corrective action and who should own it.

use std::collections::BTreeSet;

use super::{Capability, Evidence, Finding, FindingKind, Lang};
use crate::compile::{Backup, Model, Replica};
use crate::ids::{self, ChannelId, Id};
use crate::outcome::{AttemptEnd, LogKind, Outcome};
use crate::results::Results;
use crate::time::format_time;

struct Ctx<'a> {
    m: &'a Model,
    out: &'a Outcome,
    lang: Lang,
    found: Vec<Finding>,
    seen: BTreeSet<(FindingKind, String)>,
}

fn ev(t: i64, text: String) -> Evidence {
    Evidence { t, at: format_time(t), text }
}

/// A finding before it gets its id: `kind:subject`.
struct Draft<'a> {
    kind: FindingKind,
    subject: &'a str,
    title: String,
    detail: String,
    evidence: Vec<Evidence>,
    capability: Capability,
    corrective_action: String,
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
                capability: d.capability,
                corrective_action: d.corrective_action,
                responsible: d.responsible,
            });
        }
    }

    fn t(&self, en: &str, zh: &str) -> String {
        self.lang.pick(en, zh).to_owned()
    }

    /// The role that owns organisation-wide actions: the first that may declare.
    fn crisis_owner(&self) -> String {
        self.m.declare_roles.first().map_or_else(|| self.m.meta.organisation.clone(), |&r| self.m.roles[r].name.clone())
    }
}

/// Every finding of one run, in a stable order: by kind, then as they arose.
pub fn find(m: &Model, out: &Outcome, r: &Results, lang: Lang) -> Vec<Finding> {
    let mut c = Ctx { m, out, lang, found: Vec::new(), seen: BTreeSet::new() };
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
        c.add(Draft {
            kind: FindingKind::RunbookUnreachable,
            subject: &format!("{}/{}", m.functions[f].id, step.id),
            title: match lang {
                Lang::En => format!("Runbook for \"{}\" kept at {site_name}, which was down", step.name),
                Lang::Zh => format!("“{}”的操作手册存放在已中断的{site_name}", step.name),
            },
            detail: match (lang, used) {
                (Lang::En, true) => format!(
                    "The step could not use its runbook and took {} longer; the recovery of {} was delayed.",
                    lang.duration(step.runbook.map_or(0, |r| r.delay_if_unreachable)),
                    m.functions[f].name
                ),
                (Lang::Zh, true) => format!(
                    "该步骤无法取得操作手册，多用了{}，{}的恢复因此延误。",
                    lang.duration(step.runbook.map_or(0, |r| r.delay_if_unreachable)),
                    m.functions[f].name
                ),
                (Lang::En, false) => format!(
                    "The runbook went down with the site, just when it was needed to recover {}.",
                    m.functions[f].name
                ),
                (Lang::Zh, false) => format!("操作手册随站点一同中断，而恢复{}恰恰需要它。", m.functions[f].name),
            },
            evidence: vec![ev(
                t,
                if used {
                    format!("runbook_unreachable {}/{} at {}", m.functions[f].id, step.id, m.sites[site].id)
                } else {
                    format!("site_down {} (runbook for {}/{} kept there)", m.sites[site].id, m.functions[f].id, step.id)
                },
            )],
            capability: Capability::Planning,
            corrective_action: c.t(
                "Keep every runbook where an outage of the primary site cannot reach it (a cloud drive and printed copies) and check access in the next exercise.",
                "将所有操作手册存放在主站点中断时仍可访问的位置（云盘及纸质副本），并在下次演练中检查可用性。",
            ),
            responsible: m.roles[step.role].name.clone(),
        });
    }
}

fn channels(c: &mut Ctx) {
    let (m, out, lang) = (c.m, c.out, c.lang);
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
            title: match lang {
                Lang::En => format!("Channel {} depends on {}, which failed", ch.id, systems.join(", ")),
                Lang::Zh => format!("通讯渠道 {} 依赖已故障的 {}", ch.id, systems.join("、")),
            },
            detail: c.t(
                "People were to be reached over a channel that went down with the systems it runs on; every attempt over it failed.",
                "需要通过该渠道联系的人员，因其所依赖的系统故障而无法联系，所有经此渠道的尝试均失败。",
            ),
            evidence,
            capability: Capability::Equipment,
            corrective_action: c.t(
                "Give the call tree a first channel that does not depend on the affected systems (phone, an instant-messaging group hosted elsewhere) and keep e-mail as a later channel.",
                "为通知流程设置不依赖受影响系统的首选渠道（电话、部署在其他平台的即时通讯群），电子邮件仅作后备渠道。",
            ),
            responsible: c.crisis_owner(),
        });
    }
}

fn unreachable_roles(c: &mut Ctx) {
    let (m, out, lang) = (c.m, c.out, c.lang);
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
            title: match lang {
                Lang::En => format!("Nobody holding {} could be reached", role.name),
                Lang::Zh => format!("{}的主要负责人和备援人均无法联系", role.name),
            },
            detail: match lang {
                Lang::En => format!(
                    "The primary and every backup ({}) were tried and none answered; the role's duties waited.",
                    names.join(", ")
                ),
                Lang::Zh => format!("已尝试主要负责人及所有备援人（{}），均无应答，该岗位职责被搁置。", names.join("、")),
            },
            evidence,
            capability: Capability::Organisation,
            corrective_action: c.t(
                "Name a further backup for this role, confirm everyone's contact details, and check that primary and backups are not away at the same time.",
                "为该岗位增设备援人，核实所有人员的联系方式，并确保主要负责人与备援人不会同时缺席。",
            ),
            responsible: c.crisis_owner(),
        });
    }
}

fn missed_rto(c: &mut Ctx, r: &Results) {
    let (m, lang) = (c.m, c.lang);
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
        let detail = match (&blame, o.back_after) {
            (Some((wait, step, _)), back) if step.is_empty() => {
                let back = back.map_or_else(|| lang.pick("not back", "未恢复").to_owned(), |b| lang.duration(b));
                match lang {
                    Lang::En => format!(
                        "Back after {back} against an RTO of {}. Recovery could start only when the disaster was declared, {} after the outage.",
                        lang.duration(f.rto),
                        lang.duration(*wait)
                    ),
                    Lang::Zh => format!(
                        "恢复用时{back}，RTO 为{}。恢复须在宣布灾难后才能开始，而宣布发生在中断后{}。",
                        lang.duration(f.rto),
                        lang.duration(*wait)
                    ),
                }
            }
            (Some((_, step, _)), back) if o.steps.iter().any(|s| s.id == *step && s.started_at.is_none()) => {
                let back = back.map_or_else(|| lang.pick("not back", "未恢复").to_owned(), |b| lang.duration(b));
                let role = o.steps.iter().find(|s| s.id == *step).map_or(String::new(), |s| {
                    m.roles.iter().find(|r| r.id == s.role).map_or(s.role.clone(), |r| r.name.clone())
                });
                let step = step_name(step);
                match lang {
                    Lang::En => format!(
                        "Back after {back} against an RTO of {}. The step \"{step}\" never started: nobody acting for {role} was reached or available.",
                        lang.duration(f.rto)
                    ),
                    Lang::Zh => format!(
                        "恢复用时{back}，RTO 为{}。步骤“{step}”从未开始：未能联系上{role}的任何人员。",
                        lang.duration(f.rto)
                    ),
                }
            }
            (Some((wait, step, _)), back) => {
                let back = back.map_or_else(|| lang.pick("not back", "未恢复").to_owned(), |b| lang.duration(b));
                let step = step_name(step);
                match lang {
                    Lang::En => format!(
                        "Back after {back} against an RTO of {}. The step holding it up was \"{step}\", which waited {} before it could start.",
                        lang.duration(f.rto),
                        lang.duration(*wait)
                    ),
                    Lang::Zh => format!(
                        "恢复用时{back}，RTO 为{}。拖延恢复的步骤是“{step}”，开始前等待了{}。",
                        lang.duration(f.rto),
                        lang.duration(*wait)
                    ),
                }
            }
            (None, _) if declared.is_none() => c.t(
                "No disaster was declared, so the recovery procedure never started.",
                "未宣布灾难，恢复程序从未启动。",
            ),
            (None, _) => c.t("The recovery procedure did not complete in time.", "恢复程序未能按时完成。"),
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
            title: match lang {
                Lang::En => format!("{} missed its RTO of {}", f.name, lang.duration(f.rto)),
                Lang::Zh => format!("{}未达成 {} 的 RTO", f.name, lang.duration(f.rto)),
            },
detail,
            evidence,
            capability: Capability::Planning,
            corrective_action: c.t(
                "Shorten the critical path: declare earlier, start the held-up step sooner (pre-authorise it, give its role a ready backup), and rehearse the procedure.",
                "缩短关键路径：更早宣布灾难，提前启动拖延的步骤（预先授权、为其岗位安排随时可用的备援人），并演练该恢复程序。",
            ),
responsible,
        });
    }
}

fn missed_rpo(c: &mut Ctx, r: &Results) {
    let (m, lang) = (c.m, c.lang);
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
                    (Some(Backup { interval: i, .. }), _) => {
                        format!("{}: {} {}", sys.id, lang.pick("backup every", "备份间隔"), lang.duration(i))
                    }
                    (None, Some(Replica { lag: l, .. })) => {
                        format!("{}: {} {}", sys.id, lang.pick("replica lag", "复制延迟"), lang.duration(l))
                    }
                    (None, None) => format!("{}: {}", sys.id, lang.pick("no backup", "无备份")),
                }
            })
            .collect();
        let lost = o
            .data_lost
            .map_or_else(|| c.t("all data (no reachable copy)", "全部数据（无可用副本）"), |d| lang.duration(d));
        c.add(Draft {
            kind: FindingKind::RpoMissed,
            subject: &f.id,
            title: match lang {
                Lang::En => format!("{} lost {lost} of data against an RPO of {}", f.name, lang.duration(f.rpo)),
                Lang::Zh => format!("{}丢失{lost}数据，RPO 为{}", f.name, lang.duration(f.rpo)),
            },
            detail: match lang {
                Lang::En => format!("Its data protection cannot meet the RPO: {}.", protection.join("; ")),
                Lang::Zh => format!("其数据保护无法满足 RPO：{}。", protection.join("；")),
            },
            evidence: vec![ev(o.start, format!("function_down {}", f.id))],
            capability: Capability::Equipment,
            corrective_action: c.t(
                "Back up or replicate at least as often as the RPO, keep a copy off-site, and test a restore.",
                "备份或复制频率不低于 RPO 要求，保留异地副本，并测试恢复。",
            ),
            responsible: c.crisis_owner(),
        });
    }
}

fn single_channel(c: &mut Ctx) {
    let (m, out, lang) = (c.m, c.out, c.lang);
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
            title: match lang {
                Lang::En => format!("{} can be reached through one channel only", person.name),
                Lang::Zh => format!("{}只有一种联系渠道", person.name),
            },
            detail: c.t(
                "When that channel fails or goes unanswered there is no other way to reach them.",
                "该渠道故障或无人应答时，没有其他方式可以联系到此人。",
            ),
            evidence,
            capability: Capability::Planning,
            corrective_action: c.t(
                "Record at least two independent channels for everyone in the call tree (mobile phone plus an instant-messaging group or SMS).",
                "为通知流程中的每个人登记至少两种相互独立的联系渠道（手机加即时通讯群或短信）。",
            ),
            responsible: c.crisis_owner(),
        });
    }
}

fn single_source(c: &mut Ctx) {
    let (m, out, lang) = (c.m, c.out, c.lang);
    for rec in &out.suppliers {
        let s = &m.suppliers[rec.supplier];
        if !s.alternates.is_empty() {
            continue;
        }
        c.add(Draft {
            kind: FindingKind::SingleSource,
            subject: &s.id,
            title: match lang {
                Lang::En => format!("{} was cut off and has no alternate", s.name),
                Lang::Zh => format!("{}断供且没有备用供应商", s.name),
            },
            detail: c.t(
                "Everything that depends on this supplier stayed down until it was restored.",
                "依赖该供应商的业务在其恢复前一直中断。",
            ),
            evidence: vec![ev(rec.cut_off_at, format!("supplier_cut_off {}", s.id))],
            capability: Capability::Planning,
            corrective_action: c.t(
                "Qualify an alternate supplier and record its switch-over lead time in the plan.",
                "认证一家备用供应商，并在计划中记录其切换所需时间。",
            ),
            responsible: c.crisis_owner(),
        });
    }
}

fn late_notices(c: &mut Ctx) {
    let (m, out, lang) = (c.m, c.out, c.lang);
    for e in &out.log {
        match e.kind {
            LogKind::NotificationLate(n) => {
                let note = &out.notifications[n];
                let role = &m.roles[note.to_role];
                let when = note
                    .reached
                    .map_or_else(|| c.t("never", "始终未联系上"), |r| lang.duration(r.at - note.started_at));
                c.add(Draft {
                    kind: FindingKind::NotificationLate,
                    subject: &role.id,
                    title: match lang {
                        Lang::En => format!("{} was not reached within the call tree's deadline", role.name),
                        Lang::Zh => format!("未能在通知时限内联系上{}", role.name),
                    },
                    detail: match lang {
                        Lang::En => format!("Reached after {when}, against a deadline of {}.", lang.duration(note.deadline_at.unwrap_or(0) - note.started_at)),
                        Lang::Zh => format!("实际用时{when}，时限为{}。", lang.duration(note.deadline_at.unwrap_or(0) - note.started_at)),
                    },
                    evidence: vec![ev(e.t, format!("notification_late {}", role.id))],
                    capability: Capability::Training,
                    corrective_action: c.t(
                        "Practise the call tree with the people concerned and agree which channel to answer first; run a communications-focused tabletop next quarter.",
                        "与相关人员演练通知流程，约定优先应答的渠道；下季度开展一次以沟通为重点的桌面推演。",
                    ),
                    responsible: role.name.clone(),
                });
            }
            LogKind::StakeholderLate(s) => {
                let st = &m.stakeholders[s];
                c.add(Draft {
                    kind: FindingKind::StakeholderLate,
                    subject: &st.id,
                    title: match lang {
                        Lang::En => format!("{} were not notified within {}", st.name, lang.duration(st.deadline)),
                        Lang::Zh => format!("未在{}内通知{}", lang.duration(st.deadline), st.name),
                    },
                    detail: c.t(
                        "The notice was not sent in time: its owner was reached late or its channels were down.",
                        "通知未能按时发出：负责人联系较晚，或通知渠道中断。",
                    ),
                    evidence: vec![ev(e.t, format!("stakeholder_late {}", st.id))],
                    capability: Capability::Planning,
                    corrective_action: c.t(
                        "Prepare the notice in advance as a template, give its owner a backup, and add a channel that does not depend on the primary site.",
                        "预先准备通知模板，为负责人指定备援人，并增加不依赖主站点的通知渠道。",
                    ),
                    responsible: m.roles[st.owner].name.clone(),
                });
            }
            _ => {}
        }
    }
}

fn default_decisions(c: &mut Ctx) {
    let (m, out, lang) = (c.m, c.out, c.lang);
    for d in &out.decisions {
        if !d.by_default {
            continue;
        }
        let dec = &m.decisions[d.decision];
        c.add(Draft {
            kind: FindingKind::DecisionDefault,
            subject: &dec.id,
            title: match lang {
                Lang::En => format!("No answer to \"{}\" within {}", dec.prompt, lang.duration(dec.deadline)),
                Lang::Zh => format!("“{}”未在{}内得到答复", dec.prompt, lang.duration(dec.deadline)),
            },
            detail: match lang {
                Lang::En => format!("The default, \"{}\", applied when the deadline passed.", dec.options[d.option].label),
                Lang::Zh => format!("时限过后按默认选项“{}”执行。", dec.options[d.option].label),
            },
            evidence: vec![ev(d.posed_at, format!("decision_posed {}", dec.id)), ev(d.posed_at + d.latency, format!("default {}", dec.options[d.option].id))],
            capability: Capability::Training,
            corrective_action: c.t(
                "Agree decision criteria in advance (pre-authorised triggers) and train the decision makers and their backups on them.",
                "预先约定决策标准（预授权的触发条件），并对决策人及其备援人进行培训。",
            ),
            responsible: m.roles[dec.role].name.clone(),
        });
    }
}
