//! A real-world MSEL grid → a scenario: find the header row, map the columns, read each
//! row, and account for every row, read or not.

use std::collections::BTreeMap;

use super::Field;
use super::columns::normalise;
use super::export::SCRIPTED;
use super::grid::{Cell, Grid};
use super::limits::MAX_DATA_ROWS;
use super::metadata;
use super::placing::{Placed, ReadRow, calendar_date, place_in_time};
use super::sheet::{Columns, find_header, title_row};
use super::when;
use crate::format::effect::Effect;
use crate::format::scenario::{ExerciseType, Inject, Objective, Scenario};
use crate::format::{FORMAT_VERSION, Label};
use crate::spanned::Sp;
use crate::time::{Duration, HOUR, Time};

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Column headings mapped by hand: (heading as in the sheet, field).
    pub map: Vec<(String, Field)>,
    /// The plan path to write into the scenario, relative to the scenario file.
    pub plan: String,
    /// Scenario id.
    pub id: String,
    /// Scenario title, when the workbook names none.
    pub title: String,
}

/// A row that could not be read in full, with its spreadsheet row number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIssue {
    /// 1-based spreadsheet row.
    pub row: usize,
    /// What was wrong and what was done.
    pub message: String,
    /// Whether the row was left out (otherwise it was imported with the problem noted).
    pub skipped: bool,
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Import {
    /// The scenario.
    pub scenario: Scenario,
    /// The 1-based row holding the headers.
    pub header_row: usize,
    /// Which column became which field.
    pub columns: Vec<(String, Field)>,
    /// Rows with data after the header.
    pub data_rows: usize,
    /// Problems, row by row.
    pub issues: Vec<RowIssue>,
}

impl Import {
    /// The scenario as YAML, with a comment saying where it came from.
    pub fn to_yaml(&self, source: &str) -> String {
        let body = serde_saphyr::to_string(&self.scenario).unwrap_or_default();
        format!(
            "# Imported by `sandtable msel import` from {source}.\n\
             # The injects carry narrative only: add `effects:` (site_down, system_down, person_unavailable, …)\n\
             # and objective criteria, then check with `sandtable validate`.\n{body}"
        )
    }
}

/// The longest a title made from a description gets, in characters.
const TITLE_CHARS: usize = 80;

/// A title made from a description's first line: whole when short, else cut at the
/// last word boundary before [`TITLE_CHARS`] (Chinese, written without spaces, at the
/// last punctuation, else at the limit), with `…` to say so.
fn short_title(line: &str) -> String {
    let line = line.trim();
    if line.chars().count() <= TITLE_CHARS {
        return line.to_owned();
    }
    let head: String = line.chars().take(TITLE_CHARS).collect();
    let boundary = head
        .char_indices()
        .filter(|(_, c)| c.is_whitespace() || matches!(c, '，' | '。' | '；' | '、' | ',' | ';'))
        .map(|(i, _)| i)
        .next_back()
        .filter(|i| *i >= head.len() / 2);
    let cut = boundary.map_or(head.as_str(), |i| &head[..i]);
    format!("{}…", cut.trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation()))
}

fn slug(text: &str) -> String {
    let s = normalise(text).replace(' ', "-");
    if s.is_empty() { "objective".to_owned() } else { s.chars().take(48).collect() }
}

/// Imports a grid.
pub fn import(grid: &Grid, opts: &ImportOptions) -> Result<Import, String> {
    let header_row = find_header(grid, &opts.map)?;
    let headers: Vec<String> = grid.rows[header_row].iter().map(Cell::text).collect();
    let columns = Columns::map(grid, header_row, &opts.map);
    let mut reader = RowReader::default();
    for (r, row) in grid.rows.iter().enumerate().skip(header_row + 1) {
        reader.read(r + 1, row, &columns);
        if reader.data_rows > MAX_DATA_ROWS {
            return Err(format!(
                "row {}: more than {MAX_DATA_ROWS} data rows, past the MSEL import limit of {MAX_DATA_ROWS} injects \
                 (a scenario that large would not load); nothing was written",
                r + 1
            ));
        }
    }
    let RowReader { mut issues, rows, objectives, data_rows, .. } = reader;
    let Placed { injects, origin, any_time, outliers } = place_in_time(rows);
    for (row, message) in outliers {
        issues.push(RowIssue { row, message, skipped: false });
    }
    if !any_time && !injects.is_empty() {
        issues.push(RowIssue {
            row: header_row + 1,
            message: "the sheet has no times: every inject is placed at T+0:00 in sheet order; set `at` before playing"
                .into(),
            skipped: false,
        });
    }
    for (i, f) in &columns.by_content {
        let heading = match headers.get(*i).map(|h| h.trim()) {
            Some(h) if !h.is_empty() => format!("`{h}`"),
            _ => "no heading".to_owned(),
        };
        issues.push(RowIssue {
            row: header_row + 1,
            message: format!("column {} ({heading}) holds times, so it is read as the {f}", i + 1),
            skipped: false,
        });
    }
    issues.sort_by_key(|i| i.row);
    let date = origin.filter(|_| !injects.is_empty()).and_then(calendar_date);
    let scenario = match metadata::scenario(&grid.metadata) {
        Some(described) => Scenario { injects, plan: Sp::new(opts.plan.clone()), ..described? },
        None => {
            let title = grid
                .metadata
                .iter()
                .find(|(k, _)| normalise(k) == "exercise name")
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
                .or_else(|| title_row(grid, header_row))
                .unwrap_or_else(|| opts.title.clone());
            scenario(opts, title, date, objectives, injects)
        }
    };
    Ok(Import {
        scenario,
        header_row: header_row + 1,
        columns: columns
            .fields
            .iter()
            .map(|(i, f)| (headers.get(*i).map(|h| h.replace('\n', " ")).unwrap_or_default(), *f))
            .collect(),
        data_rows,
        issues,
    })
}

/// Reads data rows one by one, remembering what later rows are checked against.
#[derive(Default)]
struct RowReader {
    issues: Vec<RowIssue>,
    rows: Vec<ReadRow>,
    seen_events: BTreeMap<String, usize>,
    objectives: BTreeMap<String, String>,
    data_rows: usize,
}

impl RowReader {
    /// Reads spreadsheet row `number` (1-based): an inject, or an issue saying why not.
    fn read(&mut self, number: usize, row: &[Cell], columns: &Columns) {
        if row.iter().all(Cell::is_blank) {
            return;
        }
        self.data_rows += 1;
        let text = |f: Field| columns.cell(row, f).text();
        if text(Field::Kind).eq_ignore_ascii_case("decision") {
            self.skip(number, "a decision point: decisions are exported for reading and edited in the scenario YAML");
            return;
        }
        if text(Field::Kind).eq_ignore_ascii_case(SCRIPTED) {
            self.skip(number, "added by a script in one run: the script adds it again when the scenario is played");
            return;
        }
        let mut notes: Vec<String> = Vec::new();
        if !text(Field::Notes).is_empty() {
            notes.push(text(Field::Notes));
        }
        for (i, h) in &columns.extra {
            let v = row.get(*i).map(Cell::text).unwrap_or_default();
            if !v.is_empty() {
                notes.push(format!("{h}: {v}"));
            }
        }
        let description = text(Field::Description);
        let mut title = text(Field::Title);
        if title.is_empty() {
            title = short_title(description.lines().next().unwrap_or_default());
        }
        if title.is_empty() {
            let content: Vec<String> = row.iter().map(Cell::text).filter(|t| !t.is_empty()).collect();
            let message =
                format!("no title or description, so not an inject (a legend or note?): {}", content.join(" | "));
            self.skip(number, message);
            return;
        }
        let event = self.event_number(number, text(Field::Event), &mut notes);
        let when = match when::time(&columns.cell(row, Field::Time)) {
            Ok(w) => w,
            Err(e) => {
                self.note(number, format!("{e}; the time of the row before is used"));
                notes.push(format!("time as written: {}", text(Field::Time)));
                None
            }
        };
        let date = when::date(&columns.cell(row, Field::Date)).unwrap_or_else(|e| {
            self.note(number, e);
            None
        });
        let day = match text(Field::Day).trim_start_matches(|c: char| !c.is_ascii_digit()).parse::<i64>() {
            Ok(d) if d >= 1 => Some(d - 1),
            _ => None,
        };
        let effects = self.effects(number, &text(Field::Effects), &mut notes);
        let objectives = self.objectives(&text(Field::Objectives));
        let opt = |s: String| if s.is_empty() { None } else { Some(s) };
        let inject = Inject {
            event: Sp::new(Label(event)),
            at: Sp::new(Time(0)),
            title,
            description: opt(description),
            from: opt(text(Field::From)),
            to: opt(text(Field::To)),
            method: opt(text(Field::Method)),
            expected_action: opt(text(Field::ExpectedAction)),
            objectives,
            notes: if notes.is_empty() { None } else { Some(notes.join("\n")) },
            effects,
        };
        self.rows.push(ReadRow { number, inject, when, date, day });
    }

    fn skip(&mut self, row: usize, message: impl Into<String>) {
        self.issues.push(RowIssue { row, message: message.into(), skipped: true });
    }

    fn note(&mut self, row: usize, message: impl Into<String>) {
        self.issues.push(RowIssue { row, message: message.into(), skipped: false });
    }

    /// The row's event number, made unique: numbered after the row when the sheet has
    /// none, renamed when an earlier row used it.
    fn event_number(&mut self, number: usize, written: String, notes: &mut Vec<String>) -> String {
        let mut event = written;
        if event.is_empty() {
            event = format!("R{number}");
            notes.push(format!("no event number in the sheet; numbered after its row ({number})"));
        }
        if let Some(first) = self.seen_events.get(&event) {
            let renamed = format!("{event}-row{number}");
            self.note(
                number,
                format!("event number `{event}` was already used on row {first}; imported as `{renamed}`"),
            );
            event = renamed;
        }
        self.seen_events.insert(event.clone(), number);
        event
    }

    /// Effects in their text form, separated by `;` or lines; one that does not read is
    /// left out and kept in the notes as written.
    fn effects(&mut self, number: usize, written: &str, notes: &mut Vec<String>) -> Vec<Sp<Effect>> {
        let mut effects = Vec::new();
        for part in written.split([';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            match part.parse::<Effect>() {
                Ok(e) => effects.push(Sp::new(e)),
                Err(e) => {
                    self.note(number, format!("effect `{part}` left out: {e}"));
                    notes.push(format!("effect as written: {part}"));
                }
            }
        }
        effects
    }

    /// The row's objectives by id; each new one is added to the scenario's list.
    fn objectives(&mut self, written: &str) -> Vec<Sp<String>> {
        let mut ids: Vec<Sp<String>> = Vec::new();
        for part in written.split([',', ';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            let id = slug(part);
            self.objectives.entry(id.clone()).or_insert_with(|| part.to_owned());
            if !ids.iter().any(|o| o.value == id) {
                ids.push(Sp::new(id));
            }
        }
        ids
    }
}

/// The imported scenario: long enough for its last inject plus an hour, to the hour.
fn scenario(
    opts: &ImportOptions,
    title: String,
    date: Option<Sp<String>>,
    objectives: BTreeMap<String, String>,
    injects: Vec<Inject>,
) -> Scenario {
    let last = injects.iter().map(|i| i.at.value.0).max().unwrap_or(0);
    let duration = (last / HOUR + 1) * HOUR + HOUR;
    Scenario {
        format_version: Sp::new(FORMAT_VERSION),
        id: Sp::new(opts.id.clone()),
        title,
        exercise_type: Sp::new(ExerciseType::Tabletop),
        unannounced: false,
        date,
        duration: Sp::new(Duration(duration)),
        seed: None,
        pace: None,
        plan: Sp::new(opts.plan.clone()),
        scope: None,
        sponsor: None,
        tags: vec!["imported".to_owned()],
        objectives: objectives
            .into_iter()
            .map(|(id, text)| Objective { id: Sp::new(id), text, capability: None, criteria: Vec::new() })
            .collect(),
        injects,
        decisions: Vec::new(),
        scripts: Vec::new(),
        programme: None,
    }
}
