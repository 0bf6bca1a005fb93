//! Scenario time: integer seconds, parsed from and printed as people write them.
//!
//! Inside sandtable every time is an integer number of seconds: a [`Duration`] is a
//! length of time (`15m`, `1h 50m`, `7d`), a [`Time`] is an offset from the start of
//! the exercise, T+0 (`T+2:30`). Both accept the other's notation so that authors
//! need not remember which field wants which.
//!
//! Size: a third of this file is its unit tests of what people write (Chinese numerals,
//! `2h30`, clock offsets), kept beside the parser they pin.

mod chinese;

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// Seconds in a minute, hour, day and week.
pub const MINUTE: i64 = 60;
/// Seconds in an hour.
pub const HOUR: i64 = 60 * MINUTE;
/// Seconds in a day.
pub const DAY: i64 = 24 * HOUR;
/// Seconds in a week.
pub const WEEK: i64 = 7 * DAY;

/// A length of time in whole seconds, never negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration(pub i64);

/// A scenario time: whole seconds after T+0, never negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Time(pub i64);

/// Why a piece of text is not a time. Displayed in English for diagnostics; the live
/// session says it in its own language (`Lang::time_error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    /// Nothing to read.
    Empty,
    /// Has a `:` but is not `H:MM` or `H:MM:SS`: the text.
    BadClock(String),
    /// Minutes or seconds of 60 or more: the text.
    ClockRange(String),
    /// Past what an `i64` of seconds holds: the text.
    TooLarge(String),
    /// A unit, or something else, where a number should be: the text, and what follows.
    NoNumber {
        /// The whole text.
        text: String,
        /// What stands where the number should.
        at: String,
    },
    /// A number alone (`2`): hours or minutes?
    NoUnit(String),
    /// A last number without its unit after a part that had one (`2h30`): the text, and
    /// what was probably meant (`2h30m`).
    LastUnitMissing {
        /// The whole text.
        text: String,
        /// What was probably meant.
        meant: String,
    },
    /// Not a unit of time: the unit.
    NotAUnit(String),
    /// Not a whole number of seconds (`0.0001s`): the part.
    NotWhole(String),
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeError::Empty => write!(f, "empty time; {EXPECTED}"),
            TimeError::BadClock(t) => write!(f, "`{t}` is not a clock offset; expected `H:MM` or `H:MM:SS`"),
            TimeError::ClockRange(t) => write!(f, "`{t}`: minutes and seconds must be below 60"),
            TimeError::TooLarge(t) => write!(f, "`{t}` is too large"),
            TimeError::NoNumber { text, at } => write!(f, "`{text}`: expected a number before `{at}`; {EXPECTED}"),
            TimeError::NoUnit(n) => write!(f, "`{n}` has no unit: write `{n}h`, `{n}m` or `{n}s`"),
            TimeError::LastUnitMissing { text, meant } => {
                write!(f, "`{text}` ends without a unit: did you mean `{meant}`?")
            }
            TimeError::NotAUnit(u) => write!(f, "`{u}` is not a unit of time; {EXPECTED}"),
            TimeError::NotWhole(p) => write!(f, "`{p}` is not a whole number of seconds or is too large"),
        }
    }
}

impl std::error::Error for TimeError {}

const EXPECTED: &str =
    "expected a duration such as `90s`, `15m`, `1h 50m`, `7d`, `2小时30分钟` or a clock offset `T+2:30`";

/// Parses a duration or scenario time into seconds.
///
/// Accepted: an optional `T+` prefix, then either a clock offset `H:MM` / `H:MM:SS`
/// (hours may exceed 24) or one or more `<number><unit>` parts (`1h 50m`, `1.5h`,
/// `2d`, `30分钟`). Numbers may be written in Chinese (`两小时`, `半小时`, `一天`,
/// `一个半小时`). A bare number is refused: `2` could mean hours or minutes.
pub fn parse_seconds(text: &str) -> Result<i64, TimeError> {
    let trimmed = text.trim();
    let body = trimmed.strip_prefix("T+").or_else(|| trimmed.strip_prefix("t+")).unwrap_or(trimmed).trim();
    if body.is_empty() {
        return Err(TimeError::Empty);
    }
    if body.contains(':') {
        return parse_clock(body);
    }
    parse_units(&chinese::arabic_numbers(body))
}

fn parse_clock(body: &str) -> Result<i64, TimeError> {
    let parts: Vec<&str> = body.split(':').collect();
    let bad = || TimeError::BadClock(body.to_owned());
    if parts.len() < 2 || parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
        return Err(bad());
    }
    let mut nums = Vec::with_capacity(3);
    for p in &parts {
        if !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        nums.push(p.parse::<i64>().map_err(|_| bad())?);
    }
    if nums[1] >= 60 || nums.get(2).is_some_and(|s| *s >= 60) {
        return Err(TimeError::ClockRange(body.to_owned()));
    }
    nums[0]
        .checked_mul(HOUR)
        .and_then(|h| h.checked_add(nums[1] * MINUTE + nums.get(2).copied().unwrap_or(0)))
        .ok_or_else(|| TimeError::TooLarge(body.to_owned()))
}

fn unit_seconds(unit: &str) -> Option<i64> {
    Some(match unit.to_lowercase().as_str() {
        "s" | "sec" | "secs" | "second" | "seconds" | "秒" | "秒钟" => 1,
        "m" | "min" | "mins" | "minute" | "minutes" | "分" | "分钟" => MINUTE,
        "h" | "hr" | "hrs" | "hour" | "hours" | "时" | "小时" | "个小时" | "个钟头" | "钟头" => HOUR,
        "d" | "day" | "days" | "天" | "日" => DAY,
        "w" | "week" | "weeks" | "周" | "星期" | "个星期" => WEEK,
        _ => return None,
    })
}

/// The unit one step smaller than `unit`, written the same way (`h` → `m`, `小时` →
/// `分`), for a last number written without one (`2h30`, `1小时30`).
fn next_smaller_unit(unit: &str) -> Option<&'static str> {
    let chinese = !unit.is_ascii();
    Some(match (unit_seconds(unit)?, chinese) {
        (WEEK, false) => "d",
        (WEEK, true) => "天",
        (DAY, false) => "h",
        (DAY, true) => "小时",
        (HOUR, false) => "m",
        (HOUR, true) => "分",
        (MINUTE, false) => "s",
        (MINUTE, true) => "秒",
        _ => return None,
    })
}

fn parse_units(body: &str) -> Result<i64, TimeError> {
    let mut total: i64 = 0;
    let mut rest = body;
    let mut last_unit: Option<&str> = None;
    while !rest.is_empty() {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let num_len =
            rest.char_indices().find(|(_, c)| !(c.is_ascii_digit() || *c == '.')).map_or(rest.len(), |(i, _)| i);
        let number = &rest[..num_len];
        if number.is_empty() {
            return Err(TimeError::NoNumber { text: body.to_owned(), at: rest.to_owned() });
        }
        rest = rest[num_len..].trim_start();
        let unit_len =
            rest.char_indices().find(|(_, c)| c.is_ascii_digit() || c.is_whitespace()).map_or(rest.len(), |(i, _)| i);
        let unit = &rest[..unit_len];
        rest = &rest[unit_len..];
        if unit.is_empty() {
            let meant = last_unit.and_then(next_smaller_unit).map(|smaller| format!("{}{smaller}", body.trim_end()));
            return Err(match meant {
                Some(meant) => TimeError::LastUnitMissing { text: body.trim_end().to_owned(), meant },
                None => TimeError::NoUnit(number.to_owned()),
            });
        }
        let scale = unit_seconds(unit).ok_or_else(|| TimeError::NotAUnit(unit.to_owned()))?;
        let secs = scaled(number, scale).ok_or_else(|| TimeError::NotWhole(format!("{number}{unit}")))?;
        total = total.checked_add(secs).ok_or_else(|| TimeError::TooLarge(body.to_owned()))?;
        last_unit = Some(unit);
    }
    if last_unit.is_none() {
        return Err(TimeError::Empty);
    }
    Ok(total)
}

/// `number` (digits with at most one decimal point) times `scale`, if that is whole seconds.
/// Integer arithmetic only, so `1.5h` is exactly 5400 on every machine.
fn scaled(number: &str, scale: i64) -> Option<i64> {
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    if frac.contains('.') || (whole.is_empty() && frac.is_empty()) || frac.len() > 9 {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let mut secs = whole.checked_mul(scale)?;
    if !frac.is_empty() {
        let denom = 10_i64.pow(frac.len() as u32);
        let numer: i64 = frac.parse().ok()?;
        let part = numer.checked_mul(scale)?;
        if part % denom != 0 {
            return None;
        }
        secs = secs.checked_add(part / denom)?;
    }
    Some(secs)
}

/// Formats seconds as a compact duration: `1h 50m`, `2d 4h`, `45s`, `0s`.
pub fn format_duration(secs: i64) -> String {
    if secs == 0 {
        return "0s".to_owned();
    }
    let sign = if secs < 0 { "-" } else { "" };
    let mut left = secs.unsigned_abs();
    let mut out = Vec::new();
    for (unit, size) in [("d", DAY as u64), ("h", HOUR as u64), ("m", MINUTE as u64), ("s", 1)] {
        if left >= size {
            out.push(format!("{}{unit}", left / size));
            left %= size;
        }
    }
    format!("{sign}{}", out.join(" "))
}

/// Formats a duration for people reading a table: to the minute once it is a minute or
/// more (`1h 52m`), exact below that (`45s`). Machine outputs keep exact seconds.
pub fn format_duration_approx(secs: i64) -> String {
    if secs.abs() < MINUTE {
        format_duration(secs)
    } else {
        format_duration((secs + secs.signum() * MINUTE / 2) / MINUTE * MINUTE)
    }
}

/// Formats seconds after T+0 as a clock offset: `T+1:50`, `T+168:00`, `T+0:00:30`.
pub fn format_time(secs: i64) -> String {
    let s = secs.max(0);
    let (h, m, sec) = (s / HOUR, (s % HOUR) / MINUTE, s % MINUTE);
    if sec == 0 { format!("T+{h}:{m:02}") } else { format!("T+{h}:{m:02}:{sec:02}") }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_duration(self.0))
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_time(self.0))
    }
}

impl std::str::FromStr for Duration {
    type Err = TimeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_seconds(s).map(Duration)
    }
}

impl std::str::FromStr for Time {
    type Err = TimeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_seconds(s).map(Time)
    }
}

struct SecondsVisitor;

impl de::Visitor<'_> for SecondsVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
        parse_seconds(v).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        // A bare YAML number is ambiguous (hours? minutes?): say so rather than guess.
        if v == 0 { Ok(0) } else { Err(E::custom(format!("`{v}` has no unit: write `{v}h`, `{v}m` or `{v}s`"))) }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        if v < 0 {
            Err(E::custom(format!("`{v}` is negative; times count forward from T+0")))
        } else {
            self.visit_u64(v as u64)
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
        Err(E::custom(format!("`{v}` has no unit: write `{v}h` or `{v}m`")))
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SecondsVisitor).map(Duration)
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SecondsVisitor).map(Time)
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_duration(self.0))
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_time(self.0))
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A length of time: `90s`, `15m`, `1h 50m`, `1.5h`, `7d`, `2小时`, or a clock offset `2:30`.",
            "examples": ["15m", "1h 50m", "7d"]
        })
    }
}

impl JsonSchema for Time {
    fn schema_name() -> Cow<'static, str> {
        "ScenarioTime".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A scenario time after T+0: `T+2:30`, `T+0:05`, `90m`, `1d 2h`.",
            "examples": ["T+0:00", "T+2:30", "3h"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_write() {
        let cases = [
            ("90s", 90),
            ("15m", 900),
            ("1h 50m", 6600),
            ("1h50m", 6600),
            ("T+2:30", 9000),
            ("T+0:00:30", 30),
            ("7d", 7 * DAY),
            ("1.5h", 5400),
            ("2小时30分钟", 9000),
            ("3天", 3 * DAY),
            ("168:00", 168 * HOUR),
            ("1 week", WEEK),
            ("两小时", 2 * HOUR),
            ("半小时", 30 * MINUTE),
            ("一天", DAY),
            ("30分钟", 30 * MINUTE),
            ("1小时30分", 90 * MINUTE),
            ("一个半小时", 90 * MINUTE),
            ("两个小时", 2 * HOUR),
            ("十五分钟", 15 * MINUTE),
            ("二十分钟", 20 * MINUTE),
            ("一天半", 36 * HOUR),
            ("三十五分", 35 * MINUTE),
        ];
        for (text, secs) in cases {
            assert_eq!(parse_seconds(text), Ok(secs), "{text}");
        }
    }

    #[test]
    fn refuses_ambiguous_or_malformed_text() {
        for text in ["", "T+", "2", "5 parsecs", "1:75", "h", "1.2.3h", "0.0001s", "::", "99999999999999999999d"] {
            assert!(parse_seconds(text).is_err(), "{text} should be refused");
        }
    }

    #[test]
    fn a_last_number_without_its_unit_gets_the_unit_it_probably_meant() {
        let meant = |text: &str| match parse_seconds(text) {
            Err(TimeError::LastUnitMissing { meant, .. }) => meant,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(meant("2h30"), "2h30m");
        assert_eq!(meant("1d 4"), "1d 4h");
        assert_eq!(meant("1小时30"), "1小时30分");
        assert_eq!(
            parse_seconds("2h30").map_err(|e| e.to_string()),
            Err("`2h30` ends without a unit: did you mean `2h30m`?".into())
        );
        assert_eq!(parse_seconds("2"), Err(TimeError::NoUnit("2".into())));
    }

    #[test]
    fn formats_round_trip() {
        for secs in [0, 59, 60, 6600, 90061, 7 * DAY] {
            assert_eq!(parse_seconds(&format_duration(secs)), Ok(secs));
            assert_eq!(parse_seconds(&format_time(secs)), Ok(secs));
        }
        assert_eq!(format_duration(6600), "1h 50m");
        assert_eq!(format_time(9000), "T+2:30");
    }
}
