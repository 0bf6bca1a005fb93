//! Stakeholder notices: the clock starts at the first disruption; the owning role's
//! acting person prepares the notice (its effort is drawn) and sends it over the first
//! of its channels that works, or as soon as one comes back.

use super::{Engine, Event};
use crate::ids::{self, Id, StakeholderId};
use crate::outcome::{Attempt, AttemptEnd, Delivery, LogKind, Start};

impl Engine<'_> {
    /// Every stakeholder's deadline counts from the first disruption.
    pub(super) fn start_stakeholder_clocks(&mut self) {
        let m = self.model;
        let now = self.st.now;
        for s in ids::all(&m.stakeholders) {
            let deadline = now.saturating_add(m.stakeholders[s].deadline);
            self.st.out.stakeholders[s.index()].deadline_at = Some(deadline);
            self.st.queue.push(deadline, Event::StakeholderDeadline(s));
        }
    }

    /// An owner who acts and a disruption that started the clock: prepare the notice.
    pub(super) fn maybe_start_stakeholder(&mut self, s: StakeholderId) {
        let m = self.model;
        let now = self.st.now;
        if self.st.out.disruption_at.is_none() || self.st.out.stakeholders[s.index()].started.is_some() {
            return;
        }
        let Some(acting) = self.st.acting[m.stakeholders[s].owner] else { return };
        let start = acting.ready_at.max(now);
        self.st.out.stakeholders[s.index()].started = Some(Start { by: acting.person, at: start });
        self.st.queue.push(start, Event::PrepareNotice(s));
    }

    /// Preparation begins: the notice goes out after the drawn effort.
    pub(super) fn prepare_notice(&mut self, s: StakeholderId) {
        let secs = self.st.rng.sample(self.model.stakeholders[s].effort);
        self.st.queue.push(self.st.now.saturating_add(secs), Event::StakeholderSend(s));
    }

    pub(super) fn stakeholder_send(&mut self, s: StakeholderId) {
        let m = self.model;
        let now = self.st.now;
        let Some(start) = self.st.out.stakeholders[s.index()].started else { return };
        let person = start.by;
        for &channel in &m.stakeholders[s].channels {
            let notice = &mut self.st.out.stakeholders[s.index()];
            if self.st.channel_up[channel] {
                notice.attempts.push(Attempt {
                    person,
                    channel,
                    sent_at: now,
                    ended_at: now,
                    end: AttemptEnd::Answered,
                });
                notice.notified = Some(Delivery { at: now, channel });
                self.st.stakeholder_pending[s] = false;
                self.st.stakeholders_waiting.retain(|&w| w != s);
                self.log(LogKind::StakeholderNotified { stakeholder: s, channel });
                return;
            }
            if !notice.attempts.iter().any(|a| a.channel == channel && a.end == AttemptEnd::ChannelDown) {
                notice.attempts.push(Attempt {
                    person,
                    channel,
                    sent_at: now,
                    ended_at: now,
                    end: AttemptEnd::ChannelDown,
                });
            }
        }
        // Every channel is down: send as soon as one comes back.
        self.st.stakeholder_pending[s] = true;
        if let Err(at) = self.st.stakeholders_waiting.binary_search(&s) {
            self.st.stakeholders_waiting.insert(at, s);
        }
    }

    /// Notices waiting for a channel go out when one of theirs is back.
    pub(super) fn retry_stakeholders(&mut self) {
        // Only those waiting, in id order: the others have nothing to send. Sending
        // takes a notice off the list, so the next one moves into its place.
        let mut i = 0;
        while let Some(&s) = self.st.stakeholders_waiting.get(i) {
            if self.model.stakeholders[s].channels.iter().any(|&c| self.st.channel_up[c]) {
                self.stakeholder_send(s);
            }
            if self.st.stakeholders_waiting.get(i) == Some(&s) {
                i += 1;
            }
        }
    }

    pub(super) fn stakeholder_deadline(&mut self, s: StakeholderId) {
        if self.st.out.stakeholders[s.index()].notified.is_none() {
            self.log(LogKind::StakeholderLate(s));
        }
    }
}
