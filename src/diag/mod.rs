//! The one diagnostic type: a located message about a user's file, rendered in one place.
//! Every diagnostic carries a stable code; [`codes::CODES`] lists them all with what each means.

pub mod codes;

use std::fmt;
use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan,
    SpanContents,
};

use crate::spanned::Loc;
use crate::text::for_terminal;

/// A file's text and the name to show for it, with where each line starts, so that a
/// location is found without reading the file from the top.
#[derive(Debug)]
pub struct SourceFile {
    name: String,
    text: String,
    /// Byte offset of each line's first character.
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// A file whose text is already known to be valid.
    pub fn new(name: impl AsRef<str>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        SourceFile { name: name.as_ref().to_owned(), text, line_starts }
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
        &self.name
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Line `n` (1-based) without its line break, if the file has it.
    fn line(&self, n: usize) -> Option<&str> {
        let start = *self.line_starts.get(n.checked_sub(1)?)?;
        let end = self.line_starts.get(n).copied().unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }

    /// Byte range of a location's text, clamped to the file.
    pub fn byte_range(&self, loc: Loc) -> (usize, usize) {
        if !loc.is_known() {
            return (0, 0);
        }
        let Some(line) = self.line(loc.line as usize) else { return (self.text.len(), 0) };
        let line_start = self.line_starts[loc.line as usize - 1];
        let col = (loc.column.max(1) - 1) as usize;
        let start = line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
        let len: usize = line[start..].chars().take(loc.len.max(1) as usize).map(char::len_utf8).sum();
        (line_start + start, len)
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

/// What miette draws for one diagnostic: the diagnostic, and only the lines around it,
/// each clipped to a window around the column. Drawing then costs what the snippet costs,
/// not what the file costs (thousands of diagnostics in a large file stay linear), and no
/// line is long enough to trip the renderer (it fails past column 65,535).
struct Shown<'d> {
    diagnostic: &'d Diagnostic,
    snippet: Option<Snippet>,
}

/// The lines shown with a diagnostic, clipped, and where its label falls in them.
struct Snippet {
    name: String,
    text: String,
    /// 0-based number of the snippet's first line in the file.
    first_line: usize,
    line_count: usize,
    label: (usize, usize),
}

/// Lines up to this many characters are shown whole.
const LONG_LINE: usize = 240;
/// Characters shown either side of the column on a longer line.
const WINDOW: usize = 80;

impl Snippet {
    fn of(file: &SourceFile, loc: Loc) -> Option<Snippet> {
        if !loc.is_known() {
            return None;
        }
        let line = loc.line as usize;
        let target = file.line(line)?;
        let col = (loc.column.max(1) - 1) as usize;
        let label_len = (loc.len.max(1) as usize).min(WINDOW);
        // Short lines are shown whole; on a long one, the same character window on every
        // line keeps the context lines aligned.
        let (from, to) = if target.chars().count() <= LONG_LINE {
            (0, usize::MAX)
        } else {
            (col.saturating_sub(WINDOW), col + label_len + WINDOW)
        };
        // A file ending in a line break has no line after it.
        let lines = file.line_starts.len() - usize::from(file.text.ends_with('\n'));
        let first = line.saturating_sub(1).max(1);
        let last = (line + 1).min(lines.max(line));
        let (mut text, mut label) = (String::new(), (0, 0));
        for n in first..=last {
            let Some(full) = file.line(n) else { break };
            // A context line too short to reach the window is shown from its start.
            let skip = if full.chars().count() > from { from } else { 0 };
            if skip > 0 {
                text.push('…');
            }
            // Control characters in the file are not drawn (they could drive the terminal).
            let kept: String = full
                .chars()
                .skip(skip)
                .take(to - from)
                .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
                .collect();
            if n == line {
                let start = text.len() + kept.char_indices().nth(col - from).map_or(kept.len(), |(i, _)| i);
                let len = kept.chars().skip(col - from).take(label_len).map(char::len_utf8).sum();
                label = (start, len);
            }
            text.push_str(&kept);
            if full.chars().count() > skip.saturating_add(to - from) {
                text.push('…');
            }
            text.push('\n');
        }
        Some(Snippet { name: file.name().to_owned(), text, first_line: first - 1, line_count: last + 1 - first, label })
    }
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        _span: &SourceSpan,
        _context_lines_before: usize,
        _context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            SourceSpan::from((0, self.text.len())),
            self.first_line,
            0,
            self.line_count,
        )))
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&for_terminal(&self.diagnostic.message))
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.diagnostic.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diagnostic.help.as_ref().map(|h| Box::new(for_terminal(h).into_owned()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (start, len) = self.snippet.as_ref()?.label;
        let label =
            self.diagnostic.label.as_deref().map_or_else(|| "here".to_owned(), |l| for_terminal(l).into_owned());
        let label = Some(label);
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

/// At most this many diagnostics are drawn; the rest are counted. Nobody reads the
/// 8,000th duplicate, and a file that provokes them should not stall the terminal.
pub const MAX_SHOWN: usize = 50;

/// Renders diagnostics one after another, each with its file, line, column and source
/// snippet; when no file is known, just the message. Beyond [`MAX_SHOWN`], errors are
/// drawn before warnings and a last line counts what was left out.
pub fn render(diagnostics: &[Diagnostic], style: RenderStyle) -> String {
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_context_lines(1)
        .without_primary_span_start();
    let shown: Vec<&Diagnostic> = if diagnostics.len() <= MAX_SHOWN {
        diagnostics.iter().collect()
    } else {
        let errors = diagnostics.iter().filter(|d| d.is_error());
        errors.chain(diagnostics.iter().filter(|d| !d.is_error())).take(MAX_SHOWN).collect()
    };
    let mut out = String::new();
    for d in &shown {
        if let Some(at) = d.location() {
            out.push_str(&at);
            out.push_str(": ");
            out.push_str(if d.is_error() { "error" } else { "warning" });
            out.push('\n');
        }
        let shown = Shown { diagnostic: d, snippet: d.file.as_ref().and_then(|f| Snippet::of(f, d.loc)) };
        if handler.render_report(&mut out, &shown).is_err() {
            out.push_str(&d.message);
            out.push('\n');
        }
    }
    if shown.len() < diagnostics.len() {
        let errors = |list: &mut dyn Iterator<Item = &Diagnostic>| list.filter(|d| d.is_error()).count();
        let errors_left = errors(&mut diagnostics.iter()) - errors(&mut shown.iter().copied());
        let left = diagnostics.len() - shown.len();
        out.push_str(&format!("… and {left} more not shown ({}).\n", counts(errors_left, left - errors_left)));
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
    counts(errors, diagnostics.len() - errors)
}

fn counts(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    format!("{}, {}", plural(errors, "error"), plural(warnings, "warning"))
}
