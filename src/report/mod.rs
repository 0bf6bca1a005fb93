//! The after-action report in the HSEEP AAR/IP layout: Markdown and self-contained HTML
//! rendered from minijinja templates (built in, or the user's own), JSON for machines
//! and for comparing exercises across years, and the improvement plan as CSV.

mod svg;

use std::collections::BTreeMap;

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Value, context};

use crate::diag::Diagnostic;
use crate::score::{Capability, Lang, Rating, Scorecard};

/// Which outputs to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// `report.md`.
    Md,
    /// `report.html`, self-contained, with charts.
    Html,
    /// `report.json`.
    Json,
    /// `improvement-plan.csv`.
    Csv,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Md, Format::Html, Format::Json, Format::Csv];

    /// The file it is written to.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Md => "report.md",
            Format::Html => "report.html",
            Format::Json => "report.json",
            Format::Csv => "improvement-plan.csv",
        }
    }
}

/// The built-in templates.
pub const BUILTIN_MD: &str = include_str!("templates/report.md.j2");
/// The built-in HTML template.
pub const BUILTIN_HTML: &str = include_str!("templates/report.html.j2");

/// Templates to render with: the built-in ones unless the user supplied their own.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    /// Markdown template source and the file it came from.
    pub md: Option<(String, String)>,
    /// HTML template source and the file it came from.
    pub html: Option<(String, String)>,
}

fn rating_label(lang: Lang, r: Option<Rating>) -> &'static str {
    let labels = &lang.catalogue().labels;
    match r {
        Some(Rating::P) => labels.rating_p,
        Some(Rating::S) => labels.rating_s,
        Some(Rating::M) => labels.rating_m,
        Some(Rating::U) => labels.rating_u,
        None => labels.not_rated,
    }
}

fn capability_label(lang: Lang, c: Capability) -> &'static str {
    let text = &lang.catalogue().report;
    match c {
        Capability::Planning => text.planning,
        Capability::Organisation => text.organisation_el,
        Capability::Equipment => text.equipment,
        Capability::Training => text.training,
        Capability::Exercise => text.exercise,
    }
}

/// The fixed text templates read as `t.<key>`. Collected into a sorted map because a
/// template that loops over `t` has always seen the keys in that order, whatever the
/// order of the catalogue's fields.
fn template_text(lang: Lang) -> BTreeMap<String, String> {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(&lang.catalogue().report) else {
        return BTreeMap::new();
    };
    fields.into_iter().filter_map(|(key, text)| Some((key, text.as_str()?.to_owned()))).collect()
}

fn environment(lang: Lang) -> Environment<'static> {
    let mut env = Environment::new();
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build() {
        env.set_syntax(syntax);
    }
    env.add_filter("dur", move |secs: i64| lang.duration(secs));
    let say = lang.catalogue();
    env.add_filter("yesno", move |v: Option<bool>| match v {
        Some(true) => say.report.yes,
        Some(false) => say.labels.not_met,
        None => say.labels.no_value,
    });
    env.add_filter("rating", move |v: Value| {
        let r = match v.as_str() {
            Some("P") => Some(Rating::P),
            Some("S") => Some(Rating::S),
            Some("M") => Some(Rating::M),
            Some("U") => Some(Rating::U),
            _ => None,
        };
        rating_label(lang, r)
    });
    env.add_filter("capability", move |v: String| {
        let c = match v.as_str() {
            "planning" => Capability::Planning,
            "organisation" => Capability::Organisation,
            "equipment" => Capability::Equipment,
            "training" => Capability::Training,
            _ => Capability::Exercise,
        };
        capability_label(lang, c)
    });
    // Kept for user templates written before Markdown output was escaped as a whole
    // (see `markdown_escape`); escaping happens once, when the value is written.
    env.add_filter("cell", |v: String| v.replace('\n', " "));
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".md") { AutoEscape::Custom(MARKDOWN.into()) } else { AutoEscape::Html }
    });
    env.set_formatter(|out, state, value| {
        if *state.auto_escape() == AutoEscape::Custom(MARKDOWN.into()) && !value.is_safe() {
            out.write_str(&markdown_escape(&value.to_string())).map_err(minijinja::Error::from)
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    env.set_fuel(Some(TEMPLATE_FUEL));
    env
}

/// The auto-escape mode of Markdown templates.
const MARKDOWN: &str = "markdown";

/// Instructions a template may execute: the built-in report of a large plan takes a few
/// hundred thousand; a user template's runaway loop stops here with an error.
pub const TEMPLATE_FUEL: u64 = 20_000_000;

/// The largest report a template may write.
pub const MAX_REPORT_BYTES: usize = 32 << 20;

/// Text from plans, scenarios and scripts as Markdown shows it literally: it cannot
/// break out of its line (a line break becomes a space) or its table cell, start a
/// heading, list, quote or rule where it begins a line, open a link, a code span or
/// emphasis, or carry raw HTML. Characters that cannot do harm where they stand (`#1`,
/// `a_b`) are left alone, so the raw file stays readable.
fn markdown_escape(text: &str) -> String {
    let mut body = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\r' => body.push(' '),
            '\\' | '`' | '*' | '[' | ']' | '|' => {
                body.push('\\');
                body.push(c);
            }
            '<' if chars.peek().is_some_and(|n| n.is_ascii_alphabetic() || "/!?".contains(*n)) => {
                body.push_str("&lt;");
            }
            _ => body.push(c),
        }
    }
    let lead = body.len() - body.trim_start().len();
    if opens_block(&body[lead..]) {
        body.insert(lead, '\\');
    }
    body
}

/// Whether text at the start of a line would open a heading (`# x`), a quote, a list item
/// (`- x`, `1. x`), a rule (`---`), a setext underline (`===`) or a fence (`~~~`). Text
/// such as `#1`, `-` or `-5` opens nothing and is left as it is.
fn opens_block(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let second = chars.next();
    let spaced = second.is_none_or(char::is_whitespace);
    let repeated =
        |c: char| text.chars().filter(|x| !x.is_whitespace()).all(|x| x == c) && text.matches(c).count() >= 3;
    let numbered = text.split_once(['.', ')']).is_some_and(|(n, rest)| {
        !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()) && rest.starts_with(' ')
    });
    match first {
        Some('>') => true,
        Some('#') => text.trim_start_matches('#').is_empty() || text.trim_start_matches('#').starts_with(' '),
        Some(c @ ('-' | '+' | '*')) => (second.is_some() && spaced) || repeated(c),
        Some(c @ ('=' | '~' | '_')) => repeated(c),
        _ => numbered,
    }
}

fn render(card: &Scorecard, name: &str, source: &str, origin: &str, end: i64) -> Result<String, Diagnostic> {
    let lang = card.lang;
    let mut env = environment(lang);
    env.add_template_owned(name.to_owned(), source.to_owned()).map_err(|e| template_error(origin, &e))?;
    let charts = context! {
        timeline => Value::from_safe_string(svg::recovery_timeline(&card.functions, end, lang)),
        curve => Value::from_safe_string(svg::call_tree_curve(&card.call_tree_curve, card.call_tree_deadline, lang)),
    };
    let template = env.get_template(name).map_err(|e| template_error(origin, &e))?;
    let mut written = Bounded { bytes: Vec::new(), limit: MAX_REPORT_BYTES };
    template
        .render_captured_to(
            context! { card => Value::from(Serde(card)), t => Value::from(Serde(template_text(lang))), charts => charts },
            &mut written,
        )
        .map_err(|e| template_error(origin, &e))?;
    let mut out =
        String::from_utf8(written.bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// A buffer that refuses to grow past its limit, so that no template can fill memory.
struct Bounded {
    bytes: Vec<u8>,
    limit: usize,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.limit {
            return Err(std::io::Error::other(format!("the report would be larger than {} MB", self.limit >> 20)));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn template_error(origin: &str, e: &minijinja::Error) -> Diagnostic {
    let line = e.line().map_or(String::new(), |l| format!(" (line {l})"));
    let (message, help) = match e.kind() {
        minijinja::ErrorKind::OutOfFuel => (
            format!("template {origin}{line} ran more than {TEMPLATE_FUEL} steps and was stopped"),
            "a loop inside a loop over large ranges never ends in practice: loop over the scorecard's lists instead",
        ),
        minijinja::ErrorKind::WriteFailure => (
            format!("template {origin} would write a report larger than {} MB and was stopped", MAX_REPORT_BYTES >> 20),
            "print each item of the scorecard once; a report is read by people",
        ),
        _ => (
            format!("template {origin}{line}: {e}"),
            "templates use minijinja (Jinja2) syntax; start from the built-in ones under src/report/templates/",
        ),
    };
    Diagnostic::error("report::template", message).with_help(help)
}

/// The report as Markdown.
pub fn markdown(card: &Scorecard, templates: &Templates, end: i64) -> Result<String, Diagnostic> {
    let (source, origin) =
        templates.md.clone().unwrap_or_else(|| (BUILTIN_MD.to_owned(), "built-in report.md".to_owned()));
    render(card, "report.md", &source, &origin, end)
}

/// The report as self-contained HTML (auto-escaped; charts inline).
pub fn html(card: &Scorecard, templates: &Templates, end: i64) -> Result<String, Diagnostic> {
    let (source, origin) =
        templates.html.clone().unwrap_or_else(|| (BUILTIN_HTML.to_owned(), "built-in report.html".to_owned()));
    render(card, "report.html", &source, &origin, end)
}

/// The scorecard as pretty JSON.
pub fn json(card: &Scorecard) -> String {
    let mut s = serde_json::to_string_pretty(card).unwrap_or_else(|_| "{}".to_owned());
    s.push('\n');
    s
}

/// The improvement plan as CSV (UTF-8 with a byte-order mark, so that Excel opens
/// Chinese text correctly).
pub fn improvement_csv(card: &Scorecard) -> String {
    let lang = card.lang;
    let (text, labels) = (&lang.catalogue().report, &lang.catalogue().labels);
    let mut w = csv::Writer::from_writer(Vec::new());
    // The same headings as the report's improvement-plan table, plus the finding's id.
    let header = [
        text.number,
        labels.finding_column,
        text.issue,
        text.corrective_action,
        text.capability_element,
        text.responsible,
        text.org,
        text.start,
        text.completion,
    ];
    let _ = w.write_record(header);
    for item in &card.improvement_plan {
        let cells = [
            item.number.as_str(),
            item.finding.as_str(),
            item.issue.as_str(),
            item.corrective_action.as_str(),
            capability_label(lang, item.capability),
            item.responsible.as_str(),
            item.organisation.as_str(),
            item.start.as_str(),
            item.due.as_str(),
        ];
        let _ = w.write_record(cells.map(crate::text::csv_cell).iter().map(|c| c.as_bytes()));
    }
    let body = w.into_inner().map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
    format!("\u{feff}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_keeps_text_on_its_line_and_out_of_structure() {
        assert_eq!(markdown_escape("Evil\n# Owned"), "Evil # Owned");
        assert_eq!(markdown_escape("# Owned"), "\\# Owned");
        assert_eq!(markdown_escape("- item"), "\\- item");
        assert_eq!(markdown_escape("1. item"), "\\1. item");
        assert_eq!(markdown_escape("[x](http://e)"), "\\[x\\](http://e)");
        assert_eq!(markdown_escape("<img src=x>"), "&lt;img src=x>");
        assert_eq!(markdown_escape("a|b `c` *d*"), "a\\|b \\`c\\` \\*d\\*");
        // Nothing that is harmless where it stands is touched.
        for plain in ["#1 Mains power lost", "-", "-5", "a_b", "T+0:21", "1 < 2", "数据中心", "2h 30m"] {
            assert_eq!(markdown_escape(plain), plain);
        }
    }

    /// User templates name these keys; `type` is a Rust keyword, so it is the one most
    /// easily lost in the catalogue's field names.
    #[test]
    fn templates_see_every_key_of_the_fixed_text() {
        for lang in Lang::ALL {
            let text = template_text(lang);
            assert_eq!(text.len(), 93, "{lang:?}");
            assert!(["aar", "type", "generated", "organisation_el"].iter().all(|k| text.contains_key(*k)), "{lang:?}");
        }
    }
}
