//! Where answers to decision points come from when a whole run is played at once: a
//! decisions file, a session's journal, or the defaults. A live session answers through
//! [`super::Engine::answer`] instead, at its own pace.

use std::collections::BTreeMap;

use crate::compile::{Decision, Model};
use crate::ids::{DecisionId, Id, OptionId, PersonId};

/// A decision being put to someone.
#[derive(Debug, Clone, Copy)]
pub struct Ask<'a> {
    /// The decision's id in the model.
    pub id: DecisionId,
    /// The decision.
    pub decision: &'a Decision,
    /// Scenario time it was posed at.
    pub posed_at: i64,
    /// Scenario time it is asked at (a holder of the role knows); latency counts from here.
    pub asked_at: i64,
    /// The person asked, a holder of the role who knows.
    pub asked: Option<PersonId>,
    /// The run so far, for a live front end to show what led up to the question.
    pub so_far: &'a crate::outcome::Outcome,
}

/// An answer to a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// This option, this many scenario seconds after the decision was asked.
    Answer {
        /// The option chosen.
        option: OptionId,
        /// Seconds after asking.
        latency: i64,
    },
    /// No answer: the default applies when the deadline passes.
    NoAnswer,
}

/// Supplies answers to decision points as the engine poses them.
pub trait DecisionSource {
    /// The reply to `ask`. The engine decides what a late answer means (the default).
    fn reply(&mut self, model: &Model, ask: Ask<'_>) -> Reply;
}

/// Every decision takes its default when its deadline passes.
#[derive(Debug, Default, Clone, Copy)]
pub struct Defaults;

impl DecisionSource for Defaults {
    fn reply(&mut self, _: &Model, _: Ask<'_>) -> Reply {
        Reply::NoAnswer
    }
}

/// Answers prepared in advance or recorded in a session's journal, keyed by decision id.
/// A decision posed more than once takes the recorded answers in order, and the last
/// again when they run out.
#[derive(Debug, Default, Clone)]
pub struct Prepared {
    answers: BTreeMap<String, Vec<(Option<String>, i64)>>,
    used: BTreeMap<String, usize>,
    /// A decisions file answers every posing; a journal only those it recorded.
    repeat_last: bool,
}

impl Prepared {
    /// Prepared answers from (decision id → (option id, latency)).
    pub fn new(answers: BTreeMap<String, (String, i64)>) -> Self {
        Prepared {
            answers: answers.into_iter().map(|(k, (o, l))| (k, vec![(Some(o), l)])).collect(),
            used: BTreeMap::new(),
            repeat_last: true,
        }
    }

    /// The answers recorded in a journal, in the order they were given (`None`: the team
    /// let the deadline pass).
    pub fn from_journal(answers: &BTreeMap<String, Vec<(Option<String>, i64)>>) -> Self {
        Prepared { answers: answers.clone(), used: BTreeMap::new(), repeat_last: false }
    }

    /// The next recorded answer for a decision, if any is left.
    pub fn take(&mut self, id: &str) -> Option<(Option<String>, i64)> {
        let list = self.answers.get(id)?;
        let n = self.used.entry(id.to_owned()).or_insert(0);
        let answer = list.get(*n).or(if self.repeat_last { list.last() } else { None }).cloned();
        *n += 1;
        answer
    }

    /// Whether answers remain that have not been used yet.
    pub fn has_unused(&self, id: &str) -> bool {
        self.answers.get(id).is_some_and(|l| self.used.get(id).copied().unwrap_or(0) < l.len())
    }
}

impl DecisionSource for Prepared {
    fn reply(&mut self, _: &Model, ask: Ask<'_>) -> Reply {
        match self.take(&ask.decision.id) {
            Some((Some(option), latency)) => match ask.decision.options.iter().position(|o| o.id == option) {
                Some(option) => Reply::Answer { option: OptionId::from_index(option), latency: latency.max(0) },
                None => Reply::NoAnswer,
            },
            _ => Reply::NoAnswer,
        }
    }
}

impl Prepared {
    /// Answers from a decisions file, checked against the model: an unknown decision or
    /// option is an error that points into the file.
    pub fn from_document(
        doc: &crate::load::Document<crate::format::decisions::Decisions>,
        model: &Model,
    ) -> Result<Prepared, Vec<crate::diag::Diagnostic>> {
        use crate::diag::Diagnostic;
        let mut diags = Vec::new();
        let mut answers = BTreeMap::new();
        let ids: Vec<crate::format::Id> =
            model.decisions.iter().map(|d| crate::spanned::Sp::new(d.id.clone())).collect();
        let names = crate::check::Names::collect("decision", &doc.file, &ids, &mut diags);
        for (id, answer) in &doc.doc.decisions {
            let Some(decision) =
                names.resolve(&doc.file, id, &mut diags).map(|i| &model.decisions[DecisionId::from_index(i)])
            else {
                continue;
            };
            if !decision.options.iter().any(|o| o.id == answer.option.value) {
                let known: Vec<&str> = decision.options.iter().map(|o| o.id.as_str()).collect();
                diags.push(
                    Diagnostic::error(
                        "decisions::unknown-option",
                        format!("decision `{id}` has no option `{}`", answer.option.value),
                    )
                    .at(&doc.file, answer.option.loc)
                    .with_help(format!("its options are: {}", known.join(", "))),
                );
                continue;
            }
            answers.insert(id.value.clone(), (answer.option.value.clone(), answer.after.value.0));
        }
        if diags.is_empty() { Ok(Prepared::new(answers)) } else { Err(diags) }
    }
}
