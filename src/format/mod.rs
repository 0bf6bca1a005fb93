//! The files as people write them: serde types for plans, scenarios and decisions.
//!
//! These types mirror the YAML one to one and keep every identifier's source location
//! ([`Sp`]) so that [`crate::check`] can point at it. They are not used on the hot path:
//! [`crate::compile`] turns them into an indexed model first.

pub mod decisions;
pub mod distribution;
pub mod effect;
pub mod plan;
pub mod programme;
pub mod scenario;

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, de};

use crate::spanned::Sp;

/// The format version this release writes and reads. Files carry it as
/// `format_version: 1`; a later release keeps reading version 1 files unchanged.
pub const FORMAT_VERSION: u32 = 1;

/// An identifier written in a file, with its location.
pub type Id = Sp<String>;

/// A label such as an MSEL event number: written as text (`5-A`) or a number (`12`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Label(pub String);

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

struct LabelVisitor;

impl de::Visitor<'_> for LabelVisitor {
    type Value = Label;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a label such as `12` or `5-A`")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Label, E> {
        Ok(Label(v.to_owned()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Label, E> {
        Ok(Label(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Label, E> {
        Ok(Label(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Label, E> {
        Ok(Label(v.to_string()))
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LabelVisitor)
    }
}

impl JsonSchema for Label {
    fn schema_name() -> Cow<'static, str> {
        "Label".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["string", "integer"], "description": "An event number such as `12` or `5-A`." })
    }
}
