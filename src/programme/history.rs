//! Past exercises, from the records in `--history`: which scenario, when, of which kind,
//! and what it disrupted. Newest first.

use std::collections::BTreeSet;

use jiff::civil::Date;

use crate::format::programme::DrillKind;
use crate::format::scenario::{ExerciseType, Scenario};

/// One past exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastExercise {
    /// The record's folder name.
    pub name: String,
    /// The scenario played.
    pub scenario_id: String,
    /// The exercise date, when the record gives one.
    pub date: Option<Date>,
    /// The kind of exercise it was.
    pub kind: DrillKind,
    /// Function ids it disrupted.
    pub disrupted: BTreeSet<String>,
}

/// The kind of exercise a scenario was played as: unannounced when the players were not
/// told, live for a drill, functional or full-scale exercise, else tabletop.
pub fn kind_of(scenario: &Scenario) -> DrillKind {
    if scenario.unannounced {
        return DrillKind::Unannounced;
    }
    match scenario.exercise_type.value {
        ExerciseType::Drill | ExerciseType::Functional | ExerciseType::FullScale => DrillKind::Live,
        ExerciseType::Seminar | ExerciseType::Workshop | ExerciseType::Tabletop | ExerciseType::Game => {
            DrillKind::Tabletop
        }
    }
}

/// Past exercises, newest first: by date (undated last), then by folder name, reversed.
#[derive(Debug, Clone, Default)]
pub struct History {
    exercises: Vec<PastExercise>,
}

impl History {
    /// Orders the exercises newest first.
    pub fn new(mut exercises: Vec<PastExercise>) -> History {
        exercises.sort_by(|a, b| (b.date.is_some(), b.date, &b.name).cmp(&(a.date.is_some(), a.date, &a.name)));
        History { exercises }
    }

    /// Newest first.
    pub fn newest_first(&self) -> &[PastExercise] {
        &self.exercises
    }

    /// How many exercises there are.
    pub fn len(&self) -> usize {
        self.exercises.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.exercises.is_empty()
    }

    /// How many exercises ago (0 = the newest) the first one matching `played` was.
    pub fn ago(&self, played: impl Fn(&PastExercise) -> bool) -> Option<usize> {
        self.exercises.iter().position(played)
    }

    /// The newest exercise matching `played`.
    pub fn last(&self, played: impl Fn(&PastExercise) -> bool) -> Option<&PastExercise> {
        self.exercises.iter().find(|e| played(e))
    }
}
