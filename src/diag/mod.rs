//! The one diagnostic type: a located message about a user's file, rendered in one place.
//! Every diagnostic carries a stable code; [`codes::CODES`] lists them all with what each means.

pub mod codes;

use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use crate::spanned::Loc;

/// A file's text and the name to show for it.
#[derive(Debug)]
pub struct SourceFile {
    source: NamedSource<String>,
}

impl SourceFile {
    /// A file whose text is already known to be valid.
    pub fn new(name: impl AsRef<str>, text: impl Into<String>) -> Self {
        SourceFile { source: NamedSource::new(name, text.into()) }
    }

    /// Decodes raw bytes as UTF-8 text (a leading byte-order mark is dropped);
    /// binary or mis-encoded input becomes a diagnostic, never a panic.
    pub fn from_bytes(name: impl AsRef<str>, bytes: Vec<u8>) -> Result<Self, Box<Diagnostic>> {
        let name = name.as_ref();
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.drain(..3);
                }
                Ok(SourceFile::new(name, text))
            }
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                Err(Box::new(
                    Diagnostic::error(
                        "input::encoding",
                        format!("{name} is not UTF-8 text (invalid byte at offset {at})"),
                    )
                    .with_help("save the file as UTF-8; sandtable reads YAML as UTF-8 only"),
                ))
            }
        }
    }

    /// The name shown in messages (usually the path as given).
    pub fn name(&self) -> &str {
        self.source.name()
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        self.source.inner()
    }

    /// Byte range of a location's text, clamped to the file.
    pub fn byte_range(&self, loc: Loc) -> (usize, usize) {
        let text = self.text();
        if !loc.is_known() {
            return (0, 0);
        }
        let mut start = text.len();
        let mut line_start = 0;
        for (n, line) in text.split_inclusive('\n').enumerate() {
            if n + 1 == loc.line as usize {
                let col = (loc.column.max(1) - 1) as usize;
                start = line_start + line.char_indices().nth(col).map_or(line.trim_end_matches('\n').len(), |(i, _)| i);
                break;
            }
            line_start += line.len();
        }
        let rest = &text[start.min(text.len())..];
        let len: usize =
            rest.chars().take(loc.len.max(1) as usize).take_while(|c| *c != '\n').map(char::len_utf8).sum();
        (start.min(text.len()), len)
    }
}

/// How serious a diagnostic is: errors stop, warnings are printed and do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input cannot be used.
    Error,
    /// The input can be used, but a BC manager would want to know.
    Warning,
}

/// A message about a user's input, with where it is and what was expected.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable code such as `check::unknown-reference`, for tests and search; every
    /// code is listed in [`codes::CODES`].
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// The file it is in, when it is about a file.
    pub file: Option<Arc<SourceFile>>,
    /// Where in the file.
    pub loc: Loc,
    /// A short note under the pointed-at text.
    pub label: Option<String>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A new error.
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            file: None,
            loc: Loc::default(),
            label: None,
            help: None,
        }
    }

    /// A new warning.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, message) }
    }

    /// Places the diagnostic in a file.
    pub fn at(mut self, file: &Arc<SourceFile>, loc: Loc) -> Self {
        self.file = Some(Arc::clone(file));
        self.loc = loc;
        self
    }

    /// Adds a label under the pointed-at text.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds advice.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or just the file, or nothing.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        Some(if self.loc.is_known() {
            format!("{}:{}:{}", file.name(), self.loc.line, self.loc.column)
        } else {
            file.name().to_owned()
        })
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.file.as_ref().filter(|_| self.loc.is_known()).map(|f| &f.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let file = self.file.as_ref().filter(|_| self.loc.is_known())?;
        let (start, len) = file.byte_range(self.loc);
        let label = self.label.clone().or_else(|| Some("here".to_owned()));
        Some(Box::new(std::iter::once(LabeledSpan::new(label, start, len))))
    }
}

/// How to draw diagnostics.
#[derive(Debug, Clone, Copy)]
pub struct RenderStyle {
    /// Use colour.
    pub color: bool,
    /// Wrap at this many columns.
    pub width: usize,
}

impl RenderStyle {
    /// Plain text at 100 columns: what tests and logs use.
    pub const PLAIN: RenderStyle = RenderStyle { color: false, width: 100 };
}

/// Renders diagnostics one after another, each with its file, line, column and source
/// snippet; when no file is known, just the message.
pub fn render(diagnostics: &[Diagnostic], style: RenderStyle) -> String {
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_context_lines(1)
        .without_primary_span_start();
    let mut out = String::new();
    for d in diagnostics {
        if let Some(at) = d.location() {
            out.push_str(&at);
            out.push_str(": ");
            out.push_str(if d.is_error() { "error" } else { "warning" });
            out.push('\n');
        }
        if handler.render_report(&mut out, d).is_err() {
            out.push_str(&d.message);
            out.push('\n');
        }
    }
    out
}

/// Sorts diagnostics by file, then position, errors before warnings at the same place,
/// so that output reads top to bottom like the file.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| (d.file.as_ref().map(|f| f.name().to_owned()), d.loc.line, d.loc.column, d.severity);
        key(a).cmp(&key(b))
    });
}

/// A one-line count such as `2 errors, 1 warning`.
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!("{}, {}", plural(errors, "error"), plural(warnings, "warning"))
}
