//! The after-action report in the HSEEP AAR/IP layout: Markdown and self-contained HTML
//! rendered from minijinja templates (built in, or the user's own), JSON for machines
//! and for comparing exercises across years, and the improvement plan as CSV.

mod svg;

use std::collections::BTreeMap;

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};

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
    // Markdown table cells: no line breaks or pipes inside a cell.
    env.add_filter("cell", |v: String| v.replace('|', "\\|").replace('\n', " "));
    env
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
    let mut out = template
        .render(
            context! { card => Value::from(Serde(card)), t => Value::from(Serde(template_text(lang))), charts => charts },
        )
        .map_err(|e| template_error(origin, &e))?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

fn template_error(origin: &str, e: &minijinja::Error) -> Diagnostic {
    let line = e.line().map_or(String::new(), |l| format!(" (line {l})"));
    Diagnostic::error("report::template", format!("template {origin}{line}: {e}"))
        .with_help("templates use minijinja (Jinja2) syntax; start from the built-in ones under src/report/templates/")
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
        let _ = w.write_record([
            item.number.as_str(),
            item.finding.as_str(),
            item.issue.as_str(),
            item.corrective_action.as_str(),
            capability_label(lang, item.capability),
            item.responsible.as_str(),
            item.organisation.as_str(),
            item.start.as_str(),
            item.due.as_str(),
        ]);
    }
    let body = w.into_inner().map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
    format!("\u{feff}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// User templates name these keys; `type` is a Rust keyword, so it is the one most
    /// easily lost in the catalogue's field names.
    #[test]
    fn templates_see_every_key_of_the_fixed_text() {
        for lang in Lang::ALL {
            let text = template_text(lang);
            assert_eq!(text.len(), 80, "{lang:?}");
            assert!(["aar", "type", "generated", "organisation_el"].iter().all(|k| text.contains_key(*k)), "{lang:?}");
        }
    }
}
