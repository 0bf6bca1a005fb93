//! Decisions: posed to whoever holds the role at that moment, answered from outside the
//! engine, applied when the answer comes. The rule that a late answer (or none) means
//! the default at the deadline is written here, once, for every front end.

use super::state::Pending;
use super::{Ask, Engine, Event, Question, Reply};
use crate::ids::{DecisionId, Id, RecordId};
use crate::outcome::{DecisionRecord, LogKind};

impl Engine<'_> {
    /// Poses a decision. Nobody to ask means the default at the deadline; otherwise the
    /// question waits for [`Engine::answer`].
    pub(super) fn pose(&mut self, d: DecisionId) {
        let dec = &self.model.decisions[d];
        let now = self.st.now;
        let asked = self.holder_now(dec.role);
        let record = RecordId::from_index(self.st.out.decisions.len());
        // Until answered, the record says what happens if nobody answers.
        self.st.out.decisions.push(DecisionRecord {
            decision: d,
            posed_at: now,
            asked: asked.map(|(p, _)| p),
            asked_backup: asked.is_some_and(|(_, rank)| rank > 0),
            option: dec.default,
            latency: dec.deadline,
            by_default: true,
        });
        let seq = self.st.queue.reserve();
        let log_position = self.st.out.log.len();
        self.log(LogKind::DecisionPosed(record));
        let pending = Pending { record, seq, log_position };
        if asked.is_some() {
            self.st.pending.push_back(pending);
        } else {
            self.settle_answer(pending, Reply::NoAnswer);
        }
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
        (rec.option, rec.latency, rec.by_default) = match reply {
            Reply::Answer { option, latency }
                if (0..=dec.deadline).contains(&latency) && option.index() < dec.options.len() =>
            {
                (option, latency, false)
            }
            _ => (dec.default, dec.deadline, true),
        };
        let at = rec.posed_at.saturating_add(rec.latency);
        self.st.queue.push_reserved(at, pending.seq, Event::Answer { record: pending.record });
    }

    /// The answer arrives: its option's effects apply, made by the person asked.
    pub(super) fn apply_answer(&mut self, record: RecordId) {
        let m = self.model;
        let rec = self.st.out.decisions[record.index()];
        self.st.decided[rec.decision] = Some(rec.option);
        self.st.defaulted[rec.decision] = rec.by_default;
        self.log(LogKind::DecisionAnswered(record));
        let dec = &m.decisions[rec.decision];
        let actor = rec.asked.map(|p| (p, dec.role));
        for &change in &dec.options[rec.option].changes {
            self.apply(change, actor);
        }
    }

    /// A question as a [`super::DecisionSource`] sees it.
    pub fn ask(&self, q: Question) -> Ask<'_> {
        Ask {
            id: q.decision,
            decision: &self.model.decisions[q.decision],
            posed_at: q.posed_at,
            asked: q.asked,
            so_far: &self.st.out,
        }
    }
}
