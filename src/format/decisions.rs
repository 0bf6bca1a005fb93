//! Answers to a scenario's decision points, prepared in advance or recorded live.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Id;
use crate::spanned::Sp;
use crate::time::Duration;

/// A decisions file: answers keyed by decision id.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decisions {
    /// The file format version; this release reads `1`.
    pub format_version: Sp<u32>,
    /// Answers by decision id.
    #[serde(default)]
    pub decisions: BTreeMap<Id, Answer>,
}

/// One answer.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The option chosen.
    pub option: Id,
    /// How long after the decision was posed the answer came, in scenario time.
    pub after: Sp<Duration>,
}
