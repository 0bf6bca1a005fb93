//! A scenario → MSEL rows → CSV or XLSX.

use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};

use super::{Field, Row};
use crate::format::scenario::Scenario;
use crate::lang::Lang;
use crate::time::format_time;

/// The columns written, in order.
const COLUMNS: &[Field] = Field::EXPORTED;

fn value(row: &Row, f: Field) -> &str {
    match f {
        Field::Event => &row.event,
        Field::Time => &row.time,
        Field::Kind => &row.kind,
        Field::Title => &row.title,
        Field::Description => &row.description,
        Field::From => &row.from,
        Field::To => &row.to,
        Field::Method => &row.method,
        Field::ExpectedAction => &row.expected_action,
        Field::Objectives => &row.objectives,
        Field::Notes => &row.notes,
        Field::Effects => &row.effects,
        Field::Date | Field::Day => "",
    }
}

/// The headers in `lang`, in column order.
fn headers(lang: Lang) -> impl Iterator<Item = &'static str> {
    COLUMNS.iter().map(move |f| f.header(lang))
}

/// An inject a script added in one run, as `msel export --seed` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scripted {
    /// Its event number (`S1`, …).
    pub event: String,
    /// When it was delivered.
    pub at: i64,
    /// The inject's title as the players hear it.
    pub title: String,
    /// What the inject tells the players, in full.
    pub description: String,
}

/// The row kind of an inject a script added; import leaves such rows out, since the
/// script adds them again when the scenario is played.
pub const SCRIPTED: &str = "scripted";

/// One row per inject and decision point, in delivery order.
pub fn rows(s: &Scenario) -> Vec<Row> {
    rows_with_scripted(s, &[], 0)
}

/// The rows of [`rows`] and, in delivery order among them, the injects scripts added in
/// the run with `seed` (row kind `scripted`, with a note saying which run).
pub fn rows_with_scripted(s: &Scenario, scripted: &[Scripted], seed: u64) -> Vec<Row> {
    let mut timed: Vec<(i64, usize, Row)> = Vec::new();
    for (i, inj) in scripted.iter().enumerate() {
        timed.push((
            inj.at,
            s.injects.len() + s.decisions.len() + i,
            Row {
                kind: SCRIPTED.into(),
                event: inj.event.clone(),
                time: format_time(inj.at),
                title: inj.title.clone(),
                description: inj.description.clone(),
                notes: format!(
                    "added by a script in the run with seed {seed} and the default decisions; \
                     not part of the scenario file"
                ),
                ..Row::default()
            },
        ));
    }
    for (i, inj) in s.injects.iter().enumerate() {
        timed.push((
            inj.at.value.0,
            i,
            Row {
                kind: "inject".into(),
                event: inj.event.value.0.clone(),
                time: format_time(inj.at.value.0),
                title: inj.title.clone(),
                description: inj.description.clone().unwrap_or_default(),
                from: inj.from.clone().unwrap_or_default(),
                to: inj.to.clone().unwrap_or_default(),
                method: inj.method.clone().unwrap_or_default(),
                expected_action: inj.expected_action.clone().unwrap_or_default(),
                objectives: inj.objectives.iter().map(|o| o.value.as_str()).collect::<Vec<_>>().join(", "),
                notes: inj.notes.clone().unwrap_or_default(),
                effects: inj.effects.iter().map(|e| e.value.to_text()).collect::<Vec<_>>().join("; "),
            },
        ));
    }
    for (i, d) in s.decisions.iter().enumerate() {
        let (t, when) = match (&d.at, &d.after_inject) {
            (Some(at), _) => (at.value.0, String::new()),
            (None, Some(ev)) => (
                s.injects.iter().find(|x| x.event.value == ev.value).map_or(0, |x| x.at.value.0),
                format!("posed when inject {} is delivered; ", ev.value),
            ),
            (None, None) => (i64::MAX, "posed by a script; ".to_owned()),
        };
        timed.push((
            t,
            s.injects.len() + i,
            Row {
                kind: "decision".into(),
                event: format!("D-{}", d.id.value),
                time: if t == i64::MAX { String::new() } else { format_time(t) },
                title: d.prompt.clone(),
                to: d.role.value.clone(),
                method: "decision".into(),
                expected_action: d
                    .options
                    .iter()
                    .map(|o| {
                        let effects: Vec<String> = o.effects.iter().map(|e| e.value.to_text()).collect();
                        if effects.is_empty() {
                            format!("{}: {}", o.id.value, o.label)
                        } else {
                            format!("{}: {} [{}]", o.id.value, o.label, effects.join("; "))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                notes: format!("{when}answer within {}; default {}", d.deadline.value, d.default.value),
                ..Row::default()
            },
        ));
    }
    timed.sort_by_key(|(t, i, _)| (*t, *i));
    timed.into_iter().map(|(_, _, r)| r).collect()
}

/// CSV, UTF-8 with a byte-order mark so that Excel shows Chinese text intact.
pub fn csv(rows: &[Row], lang: Lang) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(headers(lang));
    for r in rows {
        let _ = w.write_record(COLUMNS.iter().map(|f| crate::text::csv_cell(value(r, *f)).into_owned()));
    }
    let body = w.into_inner().map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
    format!("\u{feff}{body}")
}

/// XLSX with a bold header row, frozen and filtered, sensible widths and wrapped text,
/// and the scenario's metadata on a second sheet (see [`super::metadata`]) so that
/// importing the workbook gives back the whole scenario. The document date is the
/// exercise date (or 2000-01-01), never the clock, so the same scenario always gives the
/// same bytes.
pub fn xlsx(rows: &[Row], scenario: &Scenario, lang: Lang) -> Result<Vec<u8>, String> {
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let (title, date) = (scenario.title.as_str(), scenario.date.as_ref().map(|d| d.value.as_str()));
    let mut wb = Workbook::new();
    let (y, m, d) = date
        .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        .and_then(|d| Some((u16::try_from(d.year()).ok()?, d.month() as u8, d.day() as u8)))
        .unwrap_or((2000, 1, 1));
    let created = ExcelDateTime::from_ymd(y, m, d).map_err(err)?;
    wb.set_properties(&DocProperties::new().set_title(title).set_creation_datetime(&created));
    let sheet = wb.add_worksheet();
    sheet.set_name("MSEL").map_err(err)?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xDD_E6_F0))
        .set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    const WIDTHS: [f64; 12] = [9.0, 11.0, 9.0, 32.0, 48.0, 18.0, 18.0, 14.0, 36.0, 18.0, 30.0, 28.0];
    for (c, h) in headers(lang).enumerate() {
        let c16 = u16::try_from(c).map_err(|e| e.to_string())?;
        sheet.set_column_width(c16, WIDTHS[c]).map_err(err)?;
        sheet.write_string_with_format(0, c16, h, &head).map_err(err)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r32 = u32::try_from(r + 1).map_err(|e| e.to_string())?;
        for (c, f) in COLUMNS.iter().enumerate() {
            let c16 = u16::try_from(c).map_err(|e| e.to_string())?;
            sheet.write_string_with_format(r32, c16, value(row, *f), &wrap).map_err(err)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    let last_row = u32::try_from(rows.len()).map_err(|e| e.to_string())?;
    sheet.autofilter(0, 0, last_row, (COLUMNS.len() - 1) as u16).map_err(err)?;
    let meta = wb.add_worksheet();
    meta.set_name(super::metadata::SHEET).map_err(err)?;
    meta.set_column_width(0, 18.0).map_err(err)?;
    meta.set_column_width(1, 80.0).map_err(err)?;
    for (r, (key, value)) in super::metadata::rows(scenario).iter().enumerate() {
        let r32 = u32::try_from(r).map_err(|e| e.to_string())?;
        meta.write_string_with_format(r32, 0, key, &head).map_err(err)?;
        meta.write_string_with_format(r32, 1, value, &wrap).map_err(err)?;
    }
    wb.save_to_buffer().map_err(err)
}
