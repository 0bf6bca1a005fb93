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
    /// Nobody acting for the role knew of the disruption before the end: nobody was
    /// asked, and nothing (not even the default) took effect.
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
    /// When it was put to someone acting for its role, who knew of the disruption; the
    /// deadline and the latency count from here. `null`: never asked.
    pub asked_at: Option<i64>,
    /// Who the question went to; `null` when nobody was asked.
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
    /// Seconds from asking to the answer; `null` unless answered.
    pub latency: Option<i64>,
    /// When the answer or the default took effect; `null` when still open at the end or
    /// never asked.
    pub resolved_at: Option<i64>,
    /// When the default applied or was due (asked + deadline); `null` when never asked.
    pub default_due_at: Option<i64>,
    /// What happened, in one phrase (`answered by … after 12m`, `no answer; the default
    /// applied at T+0:51`, `still open at the end …`).
    pub outcome_text: String,
}

/// How a decision record stood at `end`. The one place the states are told apart.
pub fn state(rec: &DecisionRecord, end: i64) -> DecisionState {
    match rec.answered_at() {
        None => DecisionState::NeverAsked,
        Some(at) if at > end => DecisionState::OpenAtEnd,
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
            let due = d.asked_at.map(|a| a.saturating_add(dec.deadline));
            let resolved = d.answered_at().filter(|&t| t <= end);
            let person = |p: Option<crate::ids::PersonId>| p.map(|p| m.people[p].name.clone());
            let outcome_text = match (st, due) {
                (DecisionState::Answered, _) => (say.decision_answered)(
                    &person(d.asked).unwrap_or_default(),
                    &lang.duration(d.latency.unwrap_or_default()),
                ),
                (DecisionState::DefaultApplied, Some(due)) => (say.decision_defaulted)(&format_time(due)),
                (DecisionState::OpenAtEnd, Some(due)) => {
                    (say.decision_open_at_end)(&format_time(end), &format_time(due))
                }
                _ => (say.decision_never_asked)(&m.roles[dec.role].name, &format_time(end)),
            };
            DecisionScore {
                id: dec.id.clone(),
                prompt: dec.prompt.clone(),
                state: st,
                posed_at: d.posed_at,
                asked_at: d.asked_at,
                asked: person(d.asked),
                by_backup: d.asked_backup,
                answered_by: person(d.asked).filter(|_| st == DecisionState::Answered),
                option: resolved.and(d.option).map(|o| dec.options[o].label.clone()),
                default_option: dec.options[dec.default].label.clone(),
                by_default: d.by_default && resolved.is_some(),
                latency: d.latency.filter(|_| st == DecisionState::Answered),
                resolved_at: resolved,
                default_due_at: due,
                outcome_text,
            }
        })
        .collect()
}
