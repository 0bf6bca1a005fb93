//! How long something takes, fixed or drawn at random from a named distribution.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, de};

use crate::time::Duration;

/// A duration that is either fixed or drawn from a distribution at play time.
///
/// Written as a plain duration (`45m`) or as a one-key map:
/// `{uniform: {min: 30m, max: 1h}}`, `{triangular: {min: 30m, mode: 45m, max: 2h}}`,
/// `{lognormal: {median: 10m, p90: 40m}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Distribution {
    /// Always this long.
    Fixed(Duration),
    /// Any value between `min` and `max`, equally likely.
    Uniform {
        /// The shortest it can take.
        min: Duration,
        /// The longest it can take.
        max: Duration,
    },
    /// Most often `mode`, never below `min` or above `max`.
    Triangular {
        /// The shortest it can take.
        min: Duration,
        /// Most likely.
        mode: Duration,
        /// The longest it can take.
        max: Duration,
    },
    /// Right-skewed: half the draws below `median`, nine in ten below `p90`.
    Lognormal {
        /// The middle value.
        median: Duration,
        /// The 90th percentile.
        p90: Duration,
    },
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct UniformArgs {
    min: Duration,
    max: Duration,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct TriangularArgs {
    min: Duration,
    mode: Duration,
    max: Duration,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct LognormalArgs {
    median: Duration,
    p90: Duration,
}

const KINDS: &[&str] = &["uniform", "triangular", "lognormal"];

struct DistributionVisitor;

impl<'de> de::Visitor<'de> for DistributionVisitor {
    type Value = Distribution;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a duration such as `45m`, or one of {uniform: {min, max}}, {triangular: {min, mode, max}}, {lognormal: {median, p90}}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Distribution, E> {
        v.parse::<Duration>().map(Distribution::Fixed).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Distribution, E> {
        Duration::deserialize(de::value::U64Deserializer::<E>::new(v)).map(Distribution::Fixed)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Distribution, E> {
        Duration::deserialize(de::value::I64Deserializer::<E>::new(v)).map(Distribution::Fixed)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Distribution, A::Error> {
        let Some(kind) = map.next_key::<String>()? else {
            return Err(de::Error::custom("empty map; expected one of uniform, triangular, lognormal"));
        };
        let dist = match kind.as_str() {
            "uniform" => {
                let a: UniformArgs = map.next_value()?;
                Distribution::Uniform { min: a.min, max: a.max }
            }
            "triangular" => {
                let a: TriangularArgs = map.next_value()?;
                Distribution::Triangular { min: a.min, mode: a.mode, max: a.max }
            }
            "lognormal" => {
                let a: LognormalArgs = map.next_value()?;
                Distribution::Lognormal { median: a.median, p90: a.p90 }
            }
            other => return Err(de::Error::unknown_variant(other, KINDS)),
        };
        if map.next_key::<String>()?.is_some() {
            return Err(de::Error::custom("a distribution has exactly one kind; found a second key"));
        }
        Ok(dist)
    }
}

impl<'de> Deserialize<'de> for Distribution {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DistributionVisitor)
    }
}

impl Distribution {
    /// Why the parameters make no sense, if they do not.
    pub fn problem(self) -> Option<String> {
        match self {
            Distribution::Fixed(_) => None,
            Distribution::Uniform { min, max } if min > max => Some(format!("uniform: min {min} is above max {max}")),
            Distribution::Triangular { min, mode, max } if !(min <= mode && mode <= max) => {
                Some(format!("triangular: needs min <= mode <= max, got {min}, {mode}, {max}"))
            }
            Distribution::Lognormal { median, p90 } if median.0 == 0 || p90 < median => {
                Some(format!("lognormal: needs 0 < median <= p90, got median {median}, p90 {p90}"))
            }
            _ => None,
        }
    }
}

impl fmt::Display for Distribution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Distribution::Fixed(d) => write!(f, "{d}"),
            Distribution::Uniform { min, max } => write!(f, "uniform {min}–{max}"),
            Distribution::Triangular { min, mode, max } => write!(f, "triangular {min}/{mode}/{max}"),
            Distribution::Lognormal { median, p90 } => write!(f, "lognormal median {median}, p90 {p90}"),
        }
    }
}

impl JsonSchema for Distribution {
    fn schema_name() -> Cow<'static, str> {
        "Distribution".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let duration = g.subschema_for::<Duration>();
        let uniform = g.subschema_for::<UniformArgs>();
        let triangular = g.subschema_for::<TriangularArgs>();
        let lognormal = g.subschema_for::<LognormalArgs>();
        json_schema!({
            "description": "A fixed duration, or a distribution to draw one from.",
            "oneOf": [
                duration,
                { "type": "object", "properties": { "uniform": uniform }, "required": ["uniform"], "additionalProperties": false },
                { "type": "object", "properties": { "triangular": triangular }, "required": ["triangular"], "additionalProperties": false },
                { "type": "object", "properties": { "lognormal": lognormal }, "required": ["lognormal"], "additionalProperties": false }
            ]
        })
    }
}
