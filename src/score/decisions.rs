//! Decisions as they happened: who was asked, whether anyone answered, and when the
//! answer or the default took effect (or that the exercise ended first). The state is
//! worked out here once; the decision criterion, the finding and the tables read it.

use serde::Serialize;

use super::Lang;
use crate::compile::Model;
use crate::outcome::{DecisionRecord, Outcome};
use crate::time::format_time;

/// How a decision stood when the exercise ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionState {
    /// The person asked answered within the deadline.
    Answered,
    /// Nobody answered in time; the default applied at the deadline, within the exercise.
    DefaultApplied,
    /// Nobody had answered and the deadline lay after the end of the exercise: neither
    /// an answer nor the default took effect.
    OpenAtEnd,
    /// Nobody holding the role could be asked; the default applied at the deadline (or
    /// would have, after the end: `resolved_at` is then `null`).
    NeverAsked,
}

/// A decision's score.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionScore {
    /// Decision id.
    pub id: String,
    /// The question.
    pub prompt: String,
    /// How it stood at the end.
    pub state: DecisionState,
    /// When it was posed (scenario seconds).
    pub posed_at: i64,
    /// Who the question went to; `null` when nobody holding the role could be asked.
    pub asked: Option<String>,
    /// The person asked is a backup for the role.
    pub by_backup: bool,
    /// Who answered; `null` unless the state is `answered`.
    pub answered_by: Option<String>,
    /// Label of the option that took effect; `null` while the decision was still open.
    pub option: Option<String>,
    /// Label of the default option.
    pub default_option: String,
    /// Whether the option that took effect is the default because nobody answered.
    pub by_default: bool,
    /// Seconds from posing to the answer; `null` unless answered.
    pub latency: Option<i64>,
    /// When the answer or the default took effect; `null` when still open at the end.
    pub resolved_at: Option<i64>,
    /// When the default applied or was due (posed + deadline).
    pub default_due_at: i64,
    /// What happened, in one phrase (`answered by … after 12m`, `no answer; the default
    /// applied at T+0:51`, `still open at the end …`).
    pub outcome_text: String,
}

/// How a decision record stood at `end`. The one place the states are told apart.
pub fn state(rec: &DecisionRecord, end: i64) -> DecisionState {
    let resolved = rec.posed_at.saturating_add(rec.latency);
    match rec.asked {
        None => DecisionState::NeverAsked,
        Some(_) if resolved > end => DecisionState::OpenAtEnd,
        Some(_) if rec.by_default => DecisionState::DefaultApplied,
        Some(_) => DecisionState::Answered,
    }
}

/// Every decision posed, in the order they were answered (or fell due).
pub fn score(m: &Model, out: &Outcome, lang: Lang) -> Vec<DecisionScore> {
    let say = &lang.catalogue().scorecard;
    let end = out.ended_at;
    out.decisions
        .iter()
        .map(|d| {
            let dec = &m.decisions[d.decision];
            let st = state(d, end);
            let due = d.posed_at.saturating_add(dec.deadline);
            let resolved = Some(d.posed_at.saturating_add(d.latency)).filter(|&t| t <= end);
            let person = |p: Option<crate::ids::PersonId>| p.map(|p| m.people[p].name.clone());
            // After the deadline nothing is left open: a default due past the end is open.
            let default_or_open = || match resolved {
                Some(_) => (say.decision_defaulted)(&format_time(due)),
                None => (say.decision_open_at_end)(&format_time(end), &format_time(due)),
            };
            let outcome_text = match st {
                DecisionState::Answered => {
                    (say.decision_answered)(&person(d.asked).unwrap_or_default(), &lang.duration(d.latency))
                }
                DecisionState::DefaultApplied | DecisionState::OpenAtEnd => default_or_open(),
                DecisionState::NeverAsked => (say.decision_never_asked)(&m.roles[dec.role].name, &default_or_open()),
            };
            DecisionScore {
                id: dec.id.clone(),
                prompt: dec.prompt.clone(),
                state: st,
                posed_at: d.posed_at,
                asked: person(d.asked),
                by_backup: d.asked_backup,
                answered_by: person(d.asked).filter(|_| st == DecisionState::Answered),
                option: resolved.map(|_| dec.options[d.option].label.clone()),
                default_option: dec.options[dec.default].label.clone(),
                by_default: d.by_default && resolved.is_some(),
                latency: Some(d.latency).filter(|_| st == DecisionState::Answered),
                resolved_at: resolved,
                default_due_at: due,
                outcome_text,
            }
        })
        .collect()
}
