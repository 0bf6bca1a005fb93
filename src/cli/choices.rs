//! The command line's closed choices (`--lang`, `--format`, `schema KIND`): how each
//! value is spelt and explained in `--help`. The library's enums know nothing of clap;
//! every list of values comes from their own `ALL`, and each match below is exhaustive,
//! so a new variant does not compile until it has a spelling and a line of help.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use crate::format::programme::DrillKind;
use crate::lang::Lang;
use crate::report::Format;
use crate::schema::SchemaKind;

/// A value the command line can name: its spelling and its help line.
trait Choice: Copy + 'static {
    const ALL: &'static [Self];
    fn spelling(self) -> &'static str;
    fn help(self) -> &'static str;
}

impl Choice for Lang {
    const ALL: &'static [Self] = &Lang::ALL;
    fn spelling(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
    fn help(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "Simplified Chinese",
        }
    }
}

impl Choice for Format {
    const ALL: &'static [Self] = &Format::ALL;
    fn spelling(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
    fn help(self) -> &'static str {
        match self {
            Format::Md => "`report.md`",
            Format::Html => "`report.html`, self-contained, with charts",
            Format::Json => "`report.json`",
            Format::Csv => "`improvement-plan.csv`",
        }
    }
}

impl Choice for SchemaKind {
    const ALL: &'static [Self] = &SchemaKind::ALL;
    fn spelling(self) -> &'static str {
        match self {
            SchemaKind::Plan => "plan",
            SchemaKind::Scenario => "scenario",
            SchemaKind::Decisions => "decisions",
        }
    }
    fn help(self) -> &'static str {
        match self {
            SchemaKind::Plan => "A business-continuity plan",
            SchemaKind::Scenario => "An exercise scenario",
            SchemaKind::Decisions => "A decisions file",
        }
    }
}

/// A clap parser that accepts exactly the spellings of `T::ALL` and lists them, with
/// their help, in `--help`.
fn parser<T: Choice + Send + Sync>() -> impl TypedValueParser<Value = T> {
    let values = T::ALL.iter().map(|v| PossibleValue::new(v.spelling()).help(v.help()));
    // clap has already refused anything that is not one of the spellings, so the lookup
    // finds it; the fallback only satisfies the type.
    PossibleValuesParser::new(values)
        .map(|text: String| T::ALL.iter().copied().find(|v| v.spelling() == text).unwrap_or(T::ALL[0]))
}

pub(super) fn lang() -> impl TypedValueParser<Value = Lang> {
    parser::<Lang>()
}

pub(super) fn format() -> impl TypedValueParser<Value = Format> {
    parser::<Format>()
}

impl Choice for DrillKind {
    const ALL: &'static [Self] = &DrillKind::ALL;
    fn spelling(self) -> &'static str {
        self.name()
    }
    fn help(self) -> &'static str {
        match self {
            DrillKind::Tabletop => "an announced discussion of the scenario",
            DrillKind::Live => "an announced exercise with real actions",
            DrillKind::Unannounced => "a drill the players are not told of in advance",
        }
    }
}

pub(super) fn drill_kind() -> impl TypedValueParser<Value = DrillKind> {
    parser::<DrillKind>()
}

/// A calendar date, `YYYY-MM-DD`.
pub(super) fn date(text: &str) -> Result<jiff::civil::Date, String> {
    text.parse().map_err(|_| format!("`{text}` is not a date; write YYYY-MM-DD"))
}

pub(super) fn schema_kind() -> impl TypedValueParser<Value = SchemaKind> {
    parser::<SchemaKind>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spellings<T: Choice>() -> Vec<&'static str> {
        T::ALL.iter().map(|v| v.spelling()).collect()
    }

    #[test]
    fn every_value_has_a_distinct_spelling() {
        for list in [spellings::<Lang>(), spellings::<Format>(), spellings::<SchemaKind>(), spellings::<DrillKind>()] {
            let mut sorted = list.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len(), "{list:?}");
        }
    }

    #[test]
    fn report_languages_are_spelt_as_report_json_writes_them() {
        for lang in Lang::ALL {
            let json = serde_json::to_string(&lang).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", lang.spelling()));
        }
    }
}
