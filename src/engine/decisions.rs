//! Decisions: posed by an inject, a time or a script, and asked of the person acting for
//! its role (who therefore knows of the disruption): at once, or the moment someone
//! first acts for it (the deadline counts from the asking). A decision whose role nobody
//! acted for before the end was never asked and has no effect. Answered from outside the engine, applied when the
//! answer comes. The rule that a late answer (or none) means the default at the deadline
//! is written here, once, for every front end.

use super::state::Pending;
use super::{Ask, Engine, Event, Question, Reply};
use crate::ids::{DecisionId, Id, PersonId, RecordId, RoleId};
use crate::outcome::{DecisionRecord, LogKind};

impl Engine<'_> {
    /// Poses a decision: asked now if someone acts for its role, else it waits.
    pub(super) fn pose(&mut self, d: DecisionId) {
        let now = self.st.now;
        let record = RecordId::from_index(self.st.out.decisions.len());
        self.st.out.decisions.push(DecisionRecord {
            decision: d,
            posed_at: now,
            asked_at: None,
            asked: None,
            asked_backup: false,
            option: None,
            latency: None,
            by_default: false,
        });
        let log_position = self.st.out.log.len();
        match self.acting_holder(self.model.decisions[d].role) {
            Some((person, rank)) => {
                self.put_to(record, person, rank);
                self.log(LogKind::DecisionPosed(record));
                self.queue_question(record, log_position);
            }
            None => {
                self.log(LogKind::DecisionPosed(record));
                self.st.waiting.push(record);
            }
        }
    }

    /// Asks the waiting decisions whose role someone now acts for, in the order they
    /// were posed.
    pub(super) fn ask_waiting(&mut self) {
        let mut i = 0;
        while i < self.st.waiting.len() {
            let record = self.st.waiting[i];
            let role = self.model.decisions[self.st.out.decisions[record.index()].decision].role;
            match self.acting_holder(role) {
                Some((person, rank)) => {
                    self.st.waiting.remove(i);
                    self.put_to(record, person, rank);
                    let log_position = self.st.out.log.len();
                    self.log(LogKind::DecisionAsked(record));
                    self.queue_question(record, log_position);
                }
                None => i += 1,
            }
        }
    }

    /// Who answers for `role` now: the person acting for it (reached for it by the call
    /// tree, mobilised by a declaration, or taken over from an absent holder), if
    /// available. A backup who knows through another role does not stand in for a
    /// primary nobody has reached yet.
    pub(super) fn acting_holder(&self, role: RoleId) -> Option<(PersonId, usize)> {
        let acting = self.st.acting[role]?;
        self.st.available(acting.person).then_some((acting.person, acting.rank))
    }

    /// The decision is asked of `person` now. Until answered, the record says what
    /// happens if nobody answers: the default at the deadline.
    fn put_to(&mut self, record: RecordId, person: PersonId, rank: usize) {
        let now = self.st.now;
        let rec = &mut self.st.out.decisions[record.index()];
        let dec = &self.model.decisions[rec.decision];
        rec.asked_at = Some(now);
        rec.asked = Some(person);
        rec.asked_backup = rank > 0;
        rec.option = Some(dec.default);
        rec.latency = Some(dec.deadline);
        rec.by_default = true;
    }

    /// The question waits for [`Engine::answer`], its answer's place in the queue kept.
    fn queue_question(&mut self, record: RecordId, log_position: usize) {
        let seq = self.st.queue.reserve();
        self.st.pending.push_back(Pending { record, seq, log_position });
    }

    /// Gives the reply to the oldest pending question ([`Engine::question`]). An answer
    /// after the deadline, or an option the decision does not have, counts as no answer:
    /// the default applies at the deadline.
    pub fn answer(&mut self, reply: Reply) {
        if let Some(pending) = self.st.pending.pop_front() {
            self.settle_answer(pending, reply);
        }
    }

    fn settle_answer(&mut self, pending: Pending, reply: Reply) {
        let rec = &mut self.st.out.decisions[pending.record.index()];
        let dec = &self.model.decisions[rec.decision];
        let (option, latency, by_default) = match reply {
            Reply::Answer { option, latency }
                if (0..=dec.deadline).contains(&latency) && option.index() < dec.options.len() =>
            {
                (option, latency, false)
            }
            _ => (dec.default, dec.deadline, true),
        };
        (rec.option, rec.latency, rec.by_default) = (Some(option), Some(latency), by_default);
        let Some(at) = rec.answered_at() else { return };
        self.st.queue.push_reserved(at, pending.seq, Event::Answer { record: pending.record });
    }

    /// The answer arrives: its option's effects apply, made by the person asked.
    pub(super) fn apply_answer(&mut self, record: RecordId) {
        let m = self.model;
        let rec = self.st.out.decisions[record.index()];
        let Some(option) = rec.option else { return };
        self.st.decided[rec.decision] = Some(option);
        self.st.defaulted[rec.decision] = rec.by_default;
        self.log(LogKind::DecisionAnswered(record));
        let dec = &m.decisions[rec.decision];
        let actor = rec.asked.map(|p| (p, dec.role));
        for &change in &dec.options[option].changes {
            self.apply(change, actor);
        }
    }

    /// A question as a [`super::DecisionSource`] sees it.
    pub fn ask(&self, q: Question) -> Ask<'_> {
        Ask {
            id: q.decision,
            decision: &self.model.decisions[q.decision],
            posed_at: q.posed_at,
            asked_at: q.asked_at,
            asked: q.asked,
            so_far: &self.st.out,
        }
    }
}
