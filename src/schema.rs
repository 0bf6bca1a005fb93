//! JSON Schemas of the file formats, for editors that check and complete YAML.

use crate::format::decisions::Decisions;
use crate::format::plan::Plan;
use crate::format::scenario::Scenario;

/// Which file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// A business-continuity plan.
    Plan,
    /// An exercise scenario.
    Scenario,
    /// A decisions file.
    Decisions,
}

impl SchemaKind {
    /// Every kind, in a fixed order.
    pub const ALL: [SchemaKind; 3] = [SchemaKind::Plan, SchemaKind::Scenario, SchemaKind::Decisions];

    /// The committed file name under `schemas/`.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Plan => "plan.schema.json",
            SchemaKind::Scenario => "scenario.schema.json",
            SchemaKind::Decisions => "decisions.schema.json",
        }
    }
}

/// The schema as pretty-printed JSON with a trailing newline.
pub fn schema_json(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Plan => schemars::schema_for!(Plan),
        SchemaKind::Scenario => schemars::schema_for!(Scenario),
        SchemaKind::Decisions => schemars::schema_for!(Decisions),
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}
