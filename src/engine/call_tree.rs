//! Detection and the call tree: the on-duty role notices, each role reached calls the
//! roles its links name over their channels, and a holder who cannot be reached gives
//! way to the role's next holder after the hand-over delay. A person who comes back
//! makes the calls that gave up on them try again.

use super::dirty::Wake;
use super::state::Acting;
use super::{Engine, Event};
use crate::compile::Contact;
use crate::ids::{self, AttemptId, CallId, ChannelId, Id, LinkId, PersonId, RoleId};
use crate::outcome::{Attempt, AttemptEnd, LogKind, Notification, Reach};

impl Engine<'_> {
    /// A disruption began: detection takes the call tree's detection time.
    pub(super) fn schedule_detection(&mut self) {
        let delay = self.model.call_tree.as_ref().map_or(0, |ct| self.st.rng.sample(ct.detection));
        self.st.queue.push(self.st.now.saturating_add(delay), Event::Detect);
    }

    pub(super) fn detect(&mut self) {
        let m = self.model;
        let now = self.st.now;
        self.st.out.detected_at = Some(now);
        let Some(ct) = &m.call_tree else {
            self.mobilise_declarers();
            return;
        };
        let root = ct.root;
        let holder = self.first_available_holder(root);
        let call = CallId::from_index(self.st.out.notifications.len());
        self.st.out.notifications.push(Notification {
            link: None,
            to_role: root,
            caller: None,
            started_at: self.st.out.disruption_at.unwrap_or(now),
            deadline_at: None,
            reached: None,
            attempts: Vec::new(),
        });
        match holder {
            Some((person, rank)) => {
                self.st.out.notifications[call.index()].reached = Some(Reach { person, at: now, channel: None });
                self.log(LogKind::Detected { role: root, person });
                self.role_reached(root, person, rank);
            }
            None => self.log(LogKind::Unreachable(call)),
        }
        self.mobilise_declarers();
    }

    /// The first holder of `role` who is available now, with their rank.
    pub(super) fn first_available_holder(&self, role: RoleId) -> Option<(PersonId, usize)> {
        self.model.roles[role].holders.iter().enumerate().find(|&(_, &p)| self.st.available(p)).map(|(r, &p)| (p, r))
    }

    /// Roles outside the call tree that `roles` selects learn of the disruption now.
    pub(super) fn mobilise(&mut self, roles: impl Iterator<Item = RoleId>) {
        for r in roles {
            if !self.model.roles[r].in_call_tree
                && self.st.acting[r].is_none()
                && let Some((p, rank)) = self.first_available_holder(r)
            {
                self.role_reached(r, p, rank);
            }
        }
    }

    /// Without a call tree nobody would tell anyone: the declaring roles are the ones
    /// who notice. With one, they learn only through it (or a declaration).
    fn mobilise_declarers(&mut self) {
        let m = self.model;
        if m.call_tree.is_none() {
            self.mobilise(m.declare_roles.iter().copied());
        }
    }

    /// Someone now acts for `role`: they pass the call on, may declare, and notify the
    /// stakeholders they own.
    pub(super) fn role_reached(&mut self, role: RoleId, person: PersonId, rank: usize) {
        let m = self.model;
        let now = self.st.now;
        if self.st.acting[role].is_some() {
            return;
        }
        let ready_at = if rank == 0 { now } else { now.saturating_add(m.roles[role].handover) };
        self.st.acting[role] = Some(Acting { person, rank, ready_at });
        self.role_changed(role);
        self.wake_at(ready_at, Wake::Role(role));
        if ready_at > now {
            self.st.queue.push(ready_at, Event::Wake);
        }
        if let Some(ct) = &m.call_tree {
            for i in 0..self.index.role_links[role.index()].len() {
                let l = self.index.role_links[role.index()][i];
                if self.st.acting[ct.links[l].to].is_none() {
                    self.start_call(l, person);
                }
            }
        }
        if m.auto_declare && !self.st.declare_pending && m.declare_roles.contains(&role) {
            self.st.declare_pending = true;
            self.st.queue.push(ready_at, Event::Deliberate { person, role });
        }
        // Only its own: every other owner who acts has started theirs already.
        for i in 0..self.index.role_stakeholders[role.index()].len() {
            self.maybe_start_stakeholder(self.index.role_stakeholders[role.index()][i]);
        }
    }

    fn start_call(&mut self, link: LinkId, caller: PersonId) {
        let Some(ct) = &self.model.call_tree else { return };
        let now = self.st.now;
        let l = &ct.links[link];
        let call = CallId::from_index(self.st.out.notifications.len());
        self.st.out.notifications.push(Notification {
            link: Some(link),
            to_role: l.to,
            caller: Some(caller),
            started_at: now,
            deadline_at: Some(now.saturating_add(l.deadline)),
            reached: None,
            attempts: Vec::new(),
        });
        self.st.queue.push(now, Event::TryHolder { call, rank: 0 });
        self.st.queue.push(now.saturating_add(l.deadline), Event::CallDeadline(call));
    }

    pub(super) fn call_deadline(&mut self, call: CallId) {
        if self.st.out.notifications[call.index()].reached.is_none() {
            self.log(LogKind::NotificationLate(call));
        }
    }

    /// The channels to try for `person` on this call: the link's list (where the person
    /// has a contact on it) or the person's own order.
    fn contact_at(&self, call: CallId, person: PersonId, pos: usize) -> Option<Contact> {
        let m = self.model;
        let contacts = &m.people[person].contacts;
        let link =
            self.st.out.notifications[call.index()].link.and_then(|l| m.call_tree.as_ref().map(|ct| &ct.links[l]));
        match link {
            Some(l) if !l.channels.is_empty() => {
                l.channels.iter().filter_map(|&c| contacts.iter().find(|k| k.channel == c)).nth(pos).copied()
            }
            _ => contacts.get(pos).copied(),
        }
    }

    /// Tries holder `rank` of the call's role, from channel position `pos` on.
    pub(super) fn try_holder(&mut self, call: CallId, rank: usize, pos: usize) {
        let m = self.model;
        let now = self.st.now;
        let role = self.st.out.notifications[call.index()].to_role;
        if let Some(acting) = self.st.acting[role] {
            // Someone else already reached this role by another path.
            self.st.out.notifications[call.index()].reached =
                Some(Reach { person: acting.person, at: now, channel: None });
            return;
        }
        let Some(&person) = m.roles[role].holders.get(rank) else {
            self.give_up(call);
            return;
        };
        let mut pos = pos;
        while let Some(contact) = self.contact_at(call, person, pos) {
            let channel = contact.channel;
            if !self.st.channel_up[channel] {
                self.push_attempt(call, person, channel, AttemptEnd::ChannelDown);
                pos += 1;
                continue;
            }
            // Both draws always happen, so the number of draws does not depend on who is away.
            let answers = self.st.rng.chance(contact.answer_rate);
            let after = self.st.rng.sample(contact.answers);
            let give_up = m.channels[channel].give_up_after;
            let answered = answers && after <= give_up && self.st.available(person);
            let ends = now.saturating_add(if answered { after } else { give_up });
            self.st.out.notifications[call.index()].attempts.push(Attempt {
                person,
                channel,
                sent_at: now,
                ended_at: ends,
                end: AttemptEnd::Pending,
            });
            self.st.queue.push(ends, Event::AttemptDone { call, answered, pos });
            return;
        }
        // Every channel of this person failed: the role's next holder, after the hand-over delay.
        if rank + 1 < m.roles[role].holders.len() {
            self.st.queue.push(now.saturating_add(m.roles[role].handover), Event::TryHolder { call, rank: rank + 1 });
        } else {
            self.give_up(call);
        }
    }

    /// An attempt that ended as soon as it began (the channel was down).
    fn push_attempt(&mut self, call: CallId, person: PersonId, channel: ChannelId, end: AttemptEnd) {
        let now = self.st.now;
        let n = &mut self.st.out.notifications[call.index()];
        n.attempts.push(Attempt { person, channel, sent_at: now, ended_at: now, end });
        let attempt = AttemptId::from_index(n.attempts.len() - 1);
        self.log(LogKind::Attempt { call, attempt });
    }

    pub(super) fn attempt_done(&mut self, call: CallId, answered: bool, pos: usize) {
        let m = self.model;
        let now = self.st.now;
        let n = &mut self.st.out.notifications[call.index()];
        let Some(idx) = n.attempts.len().checked_sub(1) else { return };
        let attempt = &mut n.attempts[idx];
        attempt.end = if answered { AttemptEnd::Answered } else { AttemptEnd::NoAnswer };
        let (person, channel) = (attempt.person, attempt.channel);
        self.log(LogKind::Attempt { call, attempt: AttemptId::from_index(idx) });
        let role = self.st.out.notifications[call.index()].to_role;
        let rank = m.roles[role].holders.iter().position(|&p| p == person).unwrap_or(0);
        if answered {
            self.st.out.notifications[call.index()].reached = Some(Reach { person, at: now, channel: Some(channel) });
            self.log(LogKind::Reached(call));
            self.role_reached(role, person, rank);
        } else {
            // Next channel of the same person in this round. Counting every attempt at them
            // on this call would skip their other channels on a later round (when they came
            // back), as if those had been tried again already.
            self.try_holder(call, rank, pos + 1);
        }
    }

    /// Nobody holding the call's role could be reached, for now.
    fn give_up(&mut self, call: CallId) {
        self.st.gave_up.set_growing(call, true, false);
        self.log(LogKind::Unreachable(call));
    }

    /// A person is reachable again: notifications that gave up on everyone holding one of
    /// their roles try again, starting with them.
    pub(super) fn person_back(&mut self, p: PersonId) {
        self.st.unavailable_until[p] = 0;
        self.person_changed(p);
        self.log(LogKind::PersonAvailable(p));
        let gave_up: Vec<CallId> = self.st.gave_up.iter().filter(|(_, g)| **g).map(|(c, _)| c).collect();
        for call in gave_up {
            let role = self.st.out.notifications[call.index()].to_role;
            if let Some(rank) = self.model.roles[role].holders.iter().position(|&h| h == p) {
                self.st.gave_up[call] = false;
                self.st.queue.push(self.st.now, Event::TryHolder { call, rank });
            }
        }
    }

    /// When a role's acting person becomes unavailable, the next available holder takes
    /// over after the hand-over delay.
    pub(super) fn replace_absent_holders(&mut self) {
        let m = self.model;
        let now = self.st.now;
        for r in ids::all(&m.roles) {
            let Some(acting) = self.st.acting[r] else { continue };
            if self.st.available(acting.person) {
                continue;
            }
            let next =
                m.roles[r].holders.iter().enumerate().find(|&(_, &p)| p != acting.person && self.st.available(p));
            if let Some((rank, &p)) = next {
                let ready_at = now.saturating_add(m.roles[r].handover);
                self.st.acting[r] = Some(Acting { person: p, rank, ready_at });
                self.role_changed(r);
                self.wake_at(ready_at, Wake::Role(r));
                self.st.queue.push(ready_at, Event::Wake);
                self.log(LogKind::Handover { role: r, person: p });
            }
        }
    }
}
