//! Findings about reaching people: a role nobody could reach, a call-tree role reached
//! late, someone with one channel, a stakeholder told late. A late call names every
//! attempt, what its link allowed and the faster channel the person had, and its action
//! follows from that.

use std::collections::BTreeSet;

use super::{Ctx, Draft, attempt_evidence, ev, usual};
use crate::compile::Link;
use crate::ids::{CallId, ChannelId, Id, RoleId};
use crate::outcome::{AttemptEnd, LogKind, Notification};
use crate::score::FindingKind;
use crate::time::format_time;

/// Whether the role of notification `n` was logged as unreachable: the finding about
/// that (its cause) then also tells when the role was reached at last.
fn logged_unreachable(c: &Ctx, n: CallId) -> bool {
    c.out.log.iter().any(|e| e.kind == LogKind::Unreachable(n))
}

pub(super) fn unreachable_roles(c: &mut Ctx) {
    let (m, out, lang) = (c.m, c.out, c.lang);
    let say = &c.say.findings.role_unreachable;
    for e in &out.log {
        let LogKind::Unreachable(n) = e.kind else { continue };
        let note = &out.notifications[n];
        let role = &m.roles[note.to_role];
        let names: Vec<&str> = role.holders.iter().map(|&p| m.people[p].name.as_str()).collect();
        let tried: Vec<String> = c.attempts(&note.attempts);
        let tried: Vec<&str> = tried.iter().map(String::as_str).collect();
        let mut detail = if role.holders.len() > 1 { (say.detail)(&tried) } else { (say.detail_no_backup)(&tried) };
        let mut evidence = vec![ev(e.t, (c.say.evidence.unreachable)(&role.id))];
        evidence.extend(note.attempts.iter().take(6).map(|a| attempt_evidence(c, a)));
        let link = note.link.and_then(|l| m.call_tree.as_ref().map(|t| &t.links[l]));
        detail.push_str(&link_rule(c, link, &role.name));
        if let (Some(reached), Some(deadline)) = (note.reached, note.deadline_at)
            && reached.at > deadline
        {
            let allowed = deadline - note.started_at;
            let (after, deadline) =
                (lang.duration_against(reached.at - note.started_at, allowed), lang.duration(allowed));
            detail.push_str(&(say.reached_later)(&format_time(reached.at), &after, &deadline));
            evidence.push(ev(reached.at, (c.say.evidence.reached)(&role.id, &m.people[reached.person].id)));
        }
        let (action, responsible) = unreachable_action(c, note, e.t, &names);
        c.add(Draft {
            kind: FindingKind::RoleUnreachable,
            subject: &role.id,
            title: match note.reached {
                Some(r) => (say.title_reached_later)(
                    &role.name,
                    &lang.duration(r.at - note.started_at),
                    &m.people[r.person].name,
                    &format_time(r.at),
                ),
                None => (say.title)(&role.name),
            },
            detail,
            evidence,
            action,
            responsible,
        });
    }
}

/// What to do about a role nobody could reach, and who can do it: when every attempt
/// until then found its channel down, a channel that does not need those systems (the
/// call tree's keeper); else a further backup (the plan owner, who names the holders).
fn unreachable_action(c: &Ctx, note: &Notification, at: i64, holders: &[&str]) -> (String, String) {
    let say = &c.say.findings.role_unreachable;
    let role = &c.m.roles[note.to_role].name;
    let until_then: Vec<_> = note.attempts.iter().filter(|a| a.ended_at <= at).collect();
    if !until_then.is_empty() && until_then.iter().all(|a| a.end == AttemptEnd::ChannelDown) {
        let down: BTreeSet<&str> = until_then.iter().map(|a| c.m.channels[a.channel].id.as_str()).collect();
        let down: Vec<&str> = down.into_iter().collect();
        ((say.action_channels_down)(role, holders, &down), c.call_tree_owner())
    } else {
        ((say.corrective_action)(role, holders), c.plan_owner())
    }
}

/// What a link says about channels: the ones it allows, or that it follows each
/// person's own order. Empty for a call outside the call tree's links.
fn link_rule(c: &Ctx, link: Option<&Link>, to: &str) -> String {
    let say = &c.say.findings.notification_late;
    let name = link_name(c, link, to);
    match link.map(|l| l.channels.as_slice()) {
        Some([]) => (say.link_any_channel)(&name),
        Some(allowed) => {
            let ids: Vec<&str> = allowed.iter().map(|&ch| c.m.channels[ch].id.as_str()).collect();
            (say.link_allows)(&name, &ids)
        }
        None => String::new(),
    }
}

/// Channels of the plan that share no system with `channel`: those that stayed up
/// through the exercise, or, if none did, all of them.
fn independent_of<'a>(c: &Ctx<'a>, channel: ChannelId) -> Vec<&'a str> {
    let needs = &c.m.channels[channel].depends_on;
    let went_down = down_during(c, 0, c.out.ended_at);
    let others: Vec<(ChannelId, &str)> = crate::ids::all(&c.m.channels)
        .filter(|&ch| ch != channel && !c.m.channels[ch].depends_on.iter().any(|s| needs.contains(s)))
        .map(|ch| (ch, c.m.channels[ch].id.as_str()))
        .collect();
    let stayed_up: Vec<&str> = others.iter().filter(|(ch, _)| !went_down.contains(ch)).map(|&(_, id)| id).collect();
    if stayed_up.is_empty() { others.into_iter().map(|(_, id)| id).collect() } else { stayed_up }
}

pub(super) fn single_channel(c: &mut Ctx) {
    let (m, out) = (c.m, c.out);
    let say = &c.say.findings.single_channel;
    let called: BTreeSet<_> = out.notifications.iter().flat_map(|n| n.attempts.iter().map(|a| a.person)).collect();
    for &p in &called {
        let person = &m.people[p];
        let channels: BTreeSet<ChannelId> = person.contacts.iter().map(|k| k.channel).collect();
        let (1, Some(&only)) = (channels.len(), channels.first()) else { continue };
        let evidence = out
            .notifications
            .iter()
            .flat_map(|n| n.attempts.iter())
            .filter(|a| a.person == p)
            .take(3)
            .map(|a| attempt_evidence(c, a))
            .collect();
        let channel = &m.channels[only].id;
        let others = independent_of(c, only);
        c.add(Draft {
            kind: FindingKind::SingleChannel,
            subject: &person.id,
            title: (say.title)(&person.name),
            detail: (say.detail)(channel),
            evidence,
            action: if others.is_empty() {
                (say.action_add_new)(&person.name, channel)
            } else {
                (say.action_add)(&person.name, channel, &others)
            },
            responsible: c.call_tree_owner(),
        });
    }
}

/// Channels the log shows down at some moment between `from` and `to`.
fn down_during(c: &Ctx, from: i64, to: i64) -> BTreeSet<ChannelId> {
    let (mut now_down, mut was_down) = (BTreeSet::new(), BTreeSet::new());
    for e in c.out.log.iter().take_while(|e| e.t <= to) {
        match e.kind {
            LogKind::ChannelDown(ch) => {
                now_down.insert(ch);
            }
            LogKind::ChannelUp(ch) => {
                if e.t >= from && now_down.contains(&ch) {
                    was_down.insert(ch);
                }
                now_down.remove(&ch);
            }
            _ => {}
        }
    }
    was_down.extend(now_down);
    was_down
}

/// The link as a report names it: `Caller role → Called role`.
fn link_name(c: &Ctx, link: Option<&Link>, to: &str) -> String {
    link.map_or_else(|| to.to_owned(), |l| format!("{} → {}", c.m.roles[l.from].name, c.m.roles[l.to].name))
}

/// What the detail adds about the link and the person's faster channel, and the action
/// that follows from the attempts.
fn late_call_advice(c: &Ctx, note: &Notification, link: Option<&Link>, deadline: i64) -> (String, String) {
    let (m, lang) = (c.m, c.lang);
    let say = &c.say.findings.notification_late;
    let role = &m.roles[note.to_role];
    let name = link_name(c, link, &role.name);
    let mut detail = link_rule(c, link, &role.name);
    let allowed: &[ChannelId] = link.map_or(&[], |l| l.channels.as_slice());
    // The person who answered, or else the primary: which of their channels would have
    // been quicker than the one that reached them (or the first tried)?
    let answered = note.attempts.iter().find(|a| a.end == AttemptEnd::Answered);
    let person = note.reached.map(|r| r.person).or_else(|| role.holders.first().copied());
    // A channel that was down while the call went on is no faster way, tried or not.
    let mut down: BTreeSet<ChannelId> =
        note.attempts.iter().filter(|a| a.end == AttemptEnd::ChannelDown).map(|a| a.channel).collect();
    down.extend(down_during(c, note.started_at, note.reached.map_or(c.out.ended_at, |r| r.at)));
    if let Some(p) = person {
        let contacts = &m.people[p].contacts;
        let used = answered.or_else(|| note.attempts.iter().find(|a| a.person == p)).map(|a| a.channel);
        let reference = used
            .filter(|ch| !down.contains(ch))
            .and_then(|ch| contacts.iter().find(|k| k.channel == ch))
            .map_or(i64::MAX, |k| usual(k.answers));
        // A channel already tried on this call is no untried faster way: it was used, and
        // did not answer in time.
        let tried: BTreeSet<ChannelId> = note.attempts.iter().filter(|a| a.person == p).map(|a| a.channel).collect();
        let faster = contacts
            .iter()
            .filter(|k| !down.contains(&k.channel) && !tried.contains(&k.channel) && usual(k.answers) < reference)
            .min_by_key(|k| usual(k.answers));
        if let Some(k) = faster {
            let channel = &m.channels[k.channel].id;
            detail.push_str(&(say.faster_channel)(&m.people[p].name, channel, &lang.duration(usual(k.answers))));
            let action = if allowed.is_empty() || allowed.contains(&k.channel) {
                (say.action_faster_first)(channel, &name)
            } else {
                (say.action_allow_faster)(channel, &name)
            };
            return (detail, action);
        }
    }
    if let Some(action) = primary_away_action(c, note, &name) {
        return (detail, action);
    }
    let unanswered: i64 =
        note.attempts.iter().filter(|a| a.end == AttemptEnd::NoAnswer).map(|a| a.ended_at - a.sent_at).sum();
    let action = match answered {
        Some(a) if unanswered == 0 => (say.action_slow_answer)(
            &m.people[a.person].name,
            &m.channels[a.channel].id,
            &lang.duration(a.ended_at - a.sent_at),
            &name,
            &lang.duration(deadline),
        ),
        _ => {
            // A group chat every holder is in reaches them all at once: say to use it, not
            // to set one up.
            let shared_group = m.channels.iter().enumerate().find(|(ci, ch)| {
                ch.group && role.holders.iter().all(|&h| m.people[h].contacts.iter().any(|k| k.channel.index() == *ci))
            });
            // Tried on the group and nobody answered there either.
            let tried = |ci: usize| {
                let on_group = || note.attempts.iter().filter(|a| a.channel.index() == ci);
                on_group().next().is_some() && on_group().all(|a| a.end != AttemptEnd::Answered)
            };
            let lost = lang.duration(unanswered);
            match shared_group {
                // The group was tried and nobody answered it either: no channel to add.
                Some((ci, _)) if tried(ci) => (say.action_unanswered_plain)(&lost, &role.name, &name),
                Some((_, ch)) => (say.action_unanswered_group)(&lost, &role.name, &ch.id, &name),
                None => (say.action_unanswered)(&lost, &role.name, &name),
            }
        }
    };
    (detail, action)
}

pub(super) fn late_notifications(c: &mut Ctx) {
    let (m, out, lang) = (c.m, c.out, c.lang);
    let say = &c.say.findings.notification_late;
    for e in &out.log {
        let LogKind::NotificationLate(n) = e.kind else { continue };
        if logged_unreachable(c, n) {
            continue;
        }
        let note = &out.notifications[n];
        let role = &m.roles[note.to_role];
        let link = note.link.and_then(|l| m.call_tree.as_ref().map(|t| &t.links[l]));
        let allowed = note.deadline_at.unwrap_or(note.started_at) - note.started_at;
        let deadline = lang.duration(allowed);
        let tried: Vec<String> = c.attempts(&note.attempts);
        let tried: Vec<&str> = tried.iter().map(String::as_str).collect();
        let mut evidence = vec![ev(e.t, (c.say.evidence.notification_late)(&role.id))];
        evidence.extend(note.attempts.iter().map(|a| attempt_evidence(c, a)));
        let mut detail = match note.reached {
            Some(r) => (say.detail)(&lang.duration_against(r.at - note.started_at, allowed), &deadline, &tried),
            None => (say.detail_not_reached)(&format_time(out.ended_at), &deadline, &tried),
        };
        let (more, action) = late_call_advice(c, note, link, allowed);
        detail.push_str(&more);
        c.add(Draft {
            kind: FindingKind::NotificationLate,
            subject: &role.id,
            title: match note.reached {
                Some(_) => (say.title)(&role.name),
                None => (say.title_not_reached)(&role.name, &format_time(out.ended_at)),
            },
            detail,
            evidence,
            action,
            responsible: c.call_tree_owner(),
        });
    }
}

pub(super) fn late_stakeholders(c: &mut Ctx) {
    let (m, out, lang) = (c.m, c.out, c.lang);
    let say = &c.say.findings.stakeholder_late;
    for e in &out.log {
        let LogKind::StakeholderLate(s) = e.kind else { continue };
        let st = &m.stakeholders[s];
        let notice = &out.stakeholders[s.index()];
        let owner = &m.roles[st.owner].name;
        let mut evidence = vec![ev(e.t, (c.say.evidence.stakeholder_late)(&st.id))];
        let when = match (notice.notified, out.disruption_at) {
            (Some(n), Some(d0)) => {
                evidence.push(ev(n.at, (c.say.evidence.stakeholder_notified)(&st.id, &m.channels[n.channel].id)));
                (say.notified_after)(&lang.duration(n.at - d0), &m.channels[n.channel].id)
            }
            _ => (say.not_notified_by_end)(&format_time(out.ended_at)),
        };
        let began = match notice.started {
            Some(start) => (say.owner_began)(&m.people[start.by].name, &format_time(start.at)),
            None => (say.nobody_began)(owner),
        };
        let deadline = lang.duration(st.deadline);
        // What took the time says what to fix: nobody to begin it, a late start, or the
        // writing and sending.
        let knew = |role: RoleId| first_knew(c, role);
        let early = out.disruption_at.and_then(|_| {
            crate::ids::all(&m.roles).filter(|&r| r != st.owner).filter_map(|r| knew(r).map(|t| (t, r))).min()
        });
        let action = match (notice.started, notice.notified, out.disruption_at) {
            (None, _, _) => match (owner_caller_never_reached(c, st.owner), early) {
                (Some(caller), Some((_, reached))) => {
                    (say.action_link_from_reached)(&st.name, owner, &m.roles[caller].name, &m.roles[reached].name)
                }
                (None, Some((early_at, early_role))) if knew(st.owner).is_none() => {
                    (say.action_delegate_unreached)(&st.name, owner, &m.roles[early_role].name, &format_time(early_at))
                }
                _ => (say.action_owner_not_reached)(&st.name, owner, &deadline),
            },
            // Begun the moment its owner knew, and the owner knew late while another role
            // knew early: the wait was for the owner, so someone else should send it.
            (Some(start), _, Some(d0))
                if knew(st.owner).is_some_and(|t| start.at - t <= 3600 && t - d0 > st.deadline / 2)
                    && early.is_some_and(|(t, _)| t < knew(st.owner).unwrap_or(t)) =>
            {
                let (owner_at, (early_at, early_role)) =
                    (knew(st.owner).unwrap_or(start.at), early.unwrap_or((d0, st.owner)));
                (say.action_delegate)(
                    &st.name,
                    owner,
                    &format_time(owner_at),
                    &m.roles[early_role].name,
                    &format_time(early_at),
                )
            }
            (Some(start), Some(n), Some(d0)) if n.at - start.at > start.at - d0 => {
                (say.action_template)(&st.name, owner, &lang.duration(n.at - start.at))
            }
            (Some(start), _, Some(d0)) => (say.action_begin_sooner)(&st.name, owner, &lang.duration(start.at - d0)),
            (Some(_), _, None) => (say.action_template)(&st.name, owner, &deadline),
        };
        c.add(Draft {
            kind: FindingKind::StakeholderLate,
            subject: &st.id,
            title: (say.title)(&st.name, &lang.duration(st.deadline)),
            detail: (say.detail)(&when, &deadline, &began),
            evidence,
            action,
            // The plan says who sends each notice and who stands in: its owner fixes this.
            responsible: c.plan_owner(),
        });
    }
}

/// When someone acting for `role` first knew of the disruption: detected it, or was reached.
fn first_knew(c: &Ctx, role: RoleId) -> Option<i64> {
    let out = c.out;
    out.log
        .iter()
        .filter_map(|e| match e.kind {
            LogKind::Detected { role: r, .. } if r == role => Some(e.t),
            LogKind::Reached(n) if out.notifications[n].to_role == role => Some(e.t),
            _ => None,
        })
        .min()
}

/// The role that calls `role` in the call tree, when every link to `role` comes from a
/// role nobody reached.
fn owner_caller_never_reached(c: &Ctx, role: RoleId) -> Option<RoleId> {
    let tree = c.m.call_tree.as_ref()?;
    let callers: Vec<RoleId> = tree.links.iter().filter(|l| l.to == role).map(|l| l.from).collect();
    let all_unreached = !callers.is_empty() && callers.iter().all(|&r| first_knew(c, r).is_none());
    all_unreached.then(|| callers[0])
}

/// The primary known to be away when the call began, and still called first: the
/// backup should have been tried first, without the hand-over.
fn primary_away_action(c: &Ctx, note: &Notification, link: &str) -> Option<String> {
    let (m, lang) = (c.m, c.lang);
    let role = &m.roles[note.to_role];
    let (&primary, &backup) = (role.holders.first()?, role.holders.get(1)?);
    let since = away_when_called(c, primary, note.started_at)?;
    let called_first = note.attempts.first().is_some_and(|a| a.person == primary);
    (called_first && note.reached.is_none_or(|r| r.person != primary)).then(|| {
        (c.say.findings.notification_late.action_primary_away)(
            &m.people[primary].name,
            &format_time(since),
            &m.people[backup].name,
            &lang.duration(role.handover),
            link,
        )
    })
}

/// When `person` became unavailable, if they were still away when a call began at `at`.
fn away_when_called(c: &Ctx, person: crate::ids::PersonId, at: i64) -> Option<i64> {
    let mut since = None;
    for e in c.out.log.iter().take_while(|e| e.t <= at) {
        match e.kind {
            LogKind::PersonUnavailable { person: p, .. } if p == person => since = Some(e.t),
            LogKind::PersonAvailable(p) if p == person => since = None,
            _ => {}
        }
    }
    since
}
