//! A library of scenarios as played against one plan: which are playable against it,
//! which functions each disrupts (from playing it once with its own seed and default
//! decisions), which risks each exercises and which exercise kinds it suits.

use std::collections::BTreeSet;

use crate::format::plan::Plan;
use crate::format::programme::{DrillKind, Risk, Window};
use crate::format::scenario::Scenario;
use crate::load::Document;

/// The plan and every scenario file found in the library folder.
#[derive(Debug, Clone)]
pub struct Library {
    /// The plan, as read.
    pub plan: Document<Plan>,
    /// The scenarios, in file-name order.
    pub scenarios: Vec<LibraryScenario>,
}

/// One scenario of the library.
#[derive(Debug, Clone)]
pub struct LibraryScenario {
    /// Its path as found (for messages, `pick.json` and the brief's command lines).
    pub path: String,
    /// The scenario as written.
    pub doc: Scenario,
    /// Whether it plays against the plan, and what it disrupts.
    pub standing: Standing,
}

/// Whether a library scenario plays against the plan.
#[derive(Debug, Clone)]
pub enum Standing {
    /// It checks and plays against the plan; the functions it disrupts, by id.
    Playable {
        /// Function ids that go down when it is played with its seed and default decisions.
        disrupts: BTreeSet<String>,
    },
    /// It does not check against the plan: how many errors, and the first one's message.
    NotForPlan {
        /// Errors found.
        errors: usize,
        /// The first error's message.
        first: String,
    },
    /// Its own `plan:` names another plan (as written), against which it does not check.
    OtherPlan(String),
}

impl LibraryScenario {
    /// The scenario's id.
    pub fn id(&self) -> &str {
        &self.doc.id.value
    }

    /// Whether it plays against the plan.
    pub fn playable(&self) -> bool {
        matches!(self.standing, Standing::Playable { .. })
    }

    /// The functions it disrupts (none when it does not play).
    pub fn disrupts(&self) -> impl Iterator<Item = &str> {
        let set = match &self.standing {
            Standing::Playable { disrupts } => Some(disrupts),
            Standing::NotForPlan { .. } | Standing::OtherPlan(_) => None,
        };
        set.into_iter().flatten().map(String::as_str)
    }

    /// Whether it suits an exercise kind: it says so, or it names no kinds at all.
    pub fn suits(&self, kind: DrillKind) -> bool {
        let suits = self.doc.programme.as_ref().map(|p| p.suits.as_slice()).unwrap_or_default();
        suits.is_empty() || suits.iter().any(|s| s.value == kind)
    }

    /// Its delivery window, when it gives one.
    pub fn window(&self) -> Option<&Window> {
        self.doc.programme.as_ref().and_then(|p| p.window.as_ref())
    }
}

impl Library {
    /// The plan's risks a scenario exercises: those its `programme.risks` names and those
    /// whose `scenarios` name it, in register order.
    pub fn risks_of<'a>(&'a self, scenario: &'a LibraryScenario) -> impl Iterator<Item = &'a Risk> {
        let named: BTreeSet<&str> =
            scenario.doc.programme.iter().flat_map(|p| p.risks.iter().map(|r| r.value.as_str())).collect();
        self.plan.doc.risks.iter().filter(move |r| {
            named.contains(r.id.value.as_str()) || r.scenarios.iter().any(|s| s.value == scenario.id())
        })
    }

    /// The playable scenarios.
    pub fn playable(&self) -> impl Iterator<Item = &LibraryScenario> {
        self.scenarios.iter().filter(|s| s.playable())
    }

    /// A playable scenario by id.
    pub fn scenario(&self, id: &str) -> Option<&LibraryScenario> {
        self.playable().find(|s| s.id() == id)
    }
}
