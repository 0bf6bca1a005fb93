//! Parsing YAML text into the format types, with located errors.
//!
//! Pure: takes a [`SourceFile`] already read by the CLI. serde-saphyr's budget guards
//! against alias bombs and deep nesting, so no input makes this panic or hang.

use std::sync::Arc;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, SourceFile};
use crate::format::FORMAT_VERSION;
use crate::format::decisions::Decisions;
use crate::format::plan::Plan;
use crate::format::scenario::Scenario;
use crate::spanned::{Loc, Sp};

/// A parsed file together with its source, so later checks can point into it.
#[derive(Debug, Clone)]
pub struct Document<T> {
    /// The file it came from.
    pub file: Arc<SourceFile>,
    /// What it says.
    pub doc: T,
}

/// What kind of sandtable file a text is, judged from its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A business-continuity plan (has `organisation`).
    Plan,
    /// A scenario (has `plan`, `title` or `injects`).
    Scenario,
    /// A decisions file (has a `decisions` map only).
    Decisions,
}

#[derive(Deserialize)]
struct Probe {
    format_version: Option<Sp<i64>>,
    organisation: Option<serde::de::IgnoredAny>,
    plan: Option<serde::de::IgnoredAny>,
    title: Option<serde::de::IgnoredAny>,
    injects: Option<serde::de::IgnoredAny>,
    decisions: Option<serde::de::IgnoredAny>,
}

fn options() -> serde_saphyr::Options {
    serde_saphyr::Options::default()
}

/// Turns a serde-saphyr error into a located diagnostic.
fn yaml_error(file: &Arc<SourceFile>, err: &serde_saphyr::Error, what: &str) -> Diagnostic {
    let plain = err.without_snippet().to_string();
    // serde-saphyr appends " at line L, column C"; the diagnostic shows that itself.
    let mut message = match plain.find(" at line ") {
        Some(i) => plain[..i].to_owned(),
        None => plain,
    };
    if message.starts_with("budget breached") {
        message = "the document expands past sandtable's limits (too many nodes, aliases or nesting levels)".to_owned();
    }
    let loc = err.location().map_or(Loc::default(), |l| Loc {
        line: u32::try_from(l.line()).unwrap_or(u32::MAX),
        column: u32::try_from(l.column()).unwrap_or(u32::MAX),
        len: 1,
    });
    Diagnostic::error("yaml::invalid", format!("invalid {what}: {message}"))
        .at(file, loc)
        .with_label(expected_hint(&message))
}

fn expected_hint(message: &str) -> String {
    if message.starts_with("unknown field") {
        "not a field here".to_owned()
    } else if message.starts_with("missing field") {
        "in this mapping".to_owned()
    } else if message.starts_with("unknown variant") {
        "not one of the allowed words".to_owned()
    } else {
        "here".to_owned()
    }
}

/// Decides what kind of sandtable file `file` holds.
pub fn kind_of(file: &Arc<SourceFile>) -> Result<FileKind, Diagnostic> {
    let probe = probe(file, "YAML file")?;
    if probe.organisation.is_some() {
        Ok(FileKind::Plan)
    } else if probe.plan.is_some() || probe.title.is_some() || probe.injects.is_some() {
        Ok(FileKind::Scenario)
    } else if probe.decisions.is_some() {
        Ok(FileKind::Decisions)
    } else {
        Err(Diagnostic::error("input::kind", format!("{} is neither a plan nor a scenario", file.name()))
            .at(file, Loc { line: 1, column: 1, len: 1 })
            .with_help("a plan has an `organisation:` key; a scenario has `title:` and `plan:`; a decisions file has `decisions:`"))
    }
}

fn probe(file: &Arc<SourceFile>, what: &str) -> Result<Probe, Diagnostic> {
    if file.text().trim().is_empty() {
        return Err(Diagnostic::error("input::empty", format!("{} is empty; expected a {what}", file.name()))
            .with_help("start from one of the files under scenarios/ or run `sandtable schema`"));
    }
    serde_saphyr::from_str_with_options::<Probe>(file.text(), options()).map_err(|e| yaml_error(file, &e, what))
}

/// Parses a whole document of type `T`, checking its format version first so that a
/// file from a newer release says so rather than listing unknown fields.
fn parse<T: DeserializeOwned>(file: &Arc<SourceFile>, what: &str) -> Result<T, Diagnostic> {
    let probe = probe(file, what)?;
    match probe.format_version {
        None => {
            return Err(Diagnostic::error("format::version", format!("{what} has no `format_version`"))
                .at(file, Loc { line: 1, column: 1, len: 1 })
                .with_help(format!("add `format_version: {FORMAT_VERSION}` at the top of the file")));
        }
        Some(v) if v.value != i64::from(FORMAT_VERSION) => {
            return Err(Diagnostic::error(
                "format::version",
                format!("format_version {} is not one this sandtable reads (it reads {FORMAT_VERSION})", v.value),
            )
            .at(file, v.loc)
            .with_label("unsupported version")
            .with_help("a newer file needs a newer sandtable; an older number is a typo"));
        }
        Some(_) => {}
    }
    serde_saphyr::from_str_with_options::<T>(file.text(), options()).map_err(|e| yaml_error(file, &e, what))
}

/// Parses a plan.
pub fn plan(file: &Arc<SourceFile>) -> Result<Document<Plan>, Diagnostic> {
    parse(file, "plan").map(|doc| Document { file: Arc::clone(file), doc })
}

/// Parses a scenario.
pub fn scenario(file: &Arc<SourceFile>) -> Result<Document<Scenario>, Diagnostic> {
    parse(file, "scenario").map(|doc| Document { file: Arc::clone(file), doc })
}

/// Parses a decisions file.
pub fn decisions(file: &Arc<SourceFile>) -> Result<Document<Decisions>, Diagnostic> {
    parse(file, "decisions file").map(|doc| Document { file: Arc::clone(file), doc })
}
