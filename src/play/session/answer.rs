//! Answering the pending decision: an option with its latency, `default`, or the
//! confirmation a late answer needs before it is journaled.

use super::{Output, Session};
use crate::engine::{Question, Reply};
use crate::ids::{Id, OptionId};
use crate::lang::Lang;
use crate::lang::catalogue::CommandWords;
use crate::play::{FacilitatorCommand, JournalEntry, board, parse_command};

/// An answer past its deadline, waiting for the facilitator's yes or no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LateAnswer {
    option: String,
    latency: i64,
}

impl Session<'_> {
    pub(super) fn handle_answer(&mut self, q: Question, line: &str, clock: f64, out: &mut Output) {
        let say = &self.lang.catalogue().play;
        let dec = &self.model.decisions[q.decision];
        let options: Vec<&str> = dec.options.iter().map(|o| o.id.as_str()).collect();
        let reply = match parse_command(line, &options, self.lang) {
            Ok(FacilitatorCommand::Answer(option, typed)) => {
                // Time at the table, scaled to scenario time, unless the facilitator typed it.
                let waited = clock - self.asked_at.unwrap_or(clock);
                let latency = typed.unwrap_or_else(|| (waited.max(0.0) * self.pace).round() as i64);
                if latency > dec.deadline {
                    // Likely a slip (`45m` for `4m`): nothing is journaled until confirmed.
                    let (lang, default) = (self.lang, &dec.options[dec.default].id);
                    out.say((say.confirm_late)(
                        &option,
                        &lang.duration(latency),
                        &lang.duration(dec.deadline),
                        default,
                    ));
                    self.confirming = Some(LateAnswer { option, latency });
                    return;
                }
                self.answer(q, option, latency, out);
                return;
            }
            Ok(FacilitatorCommand::Default) => {
                out.journal.push(JournalEntry::Answer {
                    t: q.asked_at,
                    decision: dec.id.clone(),
                    option: None,
                    latency: dec.deadline,
                });
                Some(Reply::NoAnswer)
            }
            Ok(FacilitatorCommand::Board) => {
                out.say(board(self.model, self.engine.outcome(), q.asked_at, self.lang));
                None
            }
            Ok(FacilitatorCommand::Note(text)) => {
                self.note(q.asked_at, text, out);
                None
            }
            Ok(FacilitatorCommand::Help) => {
                out.say(say.help);
                None
            }
            Ok(FacilitatorCommand::End) => {
                // The question stays open: the default applies when the run is finished.
                self.ended_at = Some(self.position());
                None
            }
            Ok(FacilitatorCommand::Next | FacilitatorCommand::Jump(_)) => {
                out.say(say.answer_first);
                None
            }
            Err(error) => {
                out.say(error.say(self.lang));
                None
            }
        };
        if let Some(reply) = reply {
            self.engine.answer(reply);
            self.asked_at = None;
        }
    }

    /// The facilitator's yes or no to a late answer: yes journals it (and the default
    /// applies, as for any late answer), no leaves the question open.
    pub(super) fn handle_confirmation(&mut self, q: Question, late: LateAnswer, line: &str, out: &mut Output) {
        let say = &self.lang.catalogue().play;
        let word = line.trim();
        let is = |words: fn(&CommandWords) -> &'static [&'static str]| {
            [Lang::En, self.lang]
                .iter()
                .any(|l| words(&l.catalogue().commands).iter().any(|w| w.eq_ignore_ascii_case(word)))
        };
        if is(|w| w.yes) {
            self.answer(q, late.option, late.latency, out);
        } else if is(|w| w.no) {
            out.say(say.not_recorded);
        } else {
            out.say(say.yes_or_no);
            self.confirming = Some(late);
        }
    }

    /// Journals an answer and plays it; a late one means the default, and says so.
    fn answer(&mut self, q: Question, option: String, latency: i64, out: &mut Output) {
        let (say, dec) = (&self.lang.catalogue().play, &self.model.decisions[q.decision]);
        let index = dec.options.iter().position(|o| o.id == option).map(OptionId::from_index);
        out.journal.push(JournalEntry::Answer {
            t: q.asked_at,
            decision: dec.id.clone(),
            option: Some(option),
            latency,
        });
        let Some(option) = index else { return };
        self.engine.answer(Reply::Answer { option, latency });
        self.asked_at = None;
        if self.engine.outcome().decisions[q.record].by_default {
            out.say((say.answer_after_deadline)(&self.lang.duration(dec.deadline), &dec.options[dec.default].id));
        }
    }
}
