//! A real-world MSEL grid → a scenario: find the header row, map the columns, read each
//! row, and account for every row, read or not.

use std::collections::{BTreeMap, BTreeSet};

use super::Field;
use super::columns::{field_of, normalise};
use super::grid::{Cell, Grid};
use super::when::{self, When};
use crate::format::effect::Effect;
use crate::format::scenario::{ExerciseType, Inject, Objective, Scenario};
use crate::format::{FORMAT_VERSION, Label};
use crate::spanned::Sp;
use crate::time::{DAY, Duration, HOUR, Time};

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

/// A data row as read, before times are made relative to the first inject.
struct ReadRow {
    number: usize,
    inject: Inject,
    when: Option<When>,
    date: Option<i64>,
    day: Option<i64>,
}

fn slug(text: &str) -> String {
    let s = normalise(text).replace(' ', "-");
    if s.is_empty() { "objective".to_owned() } else { s.chars().take(48).collect() }
}

fn map_header(header: &str, opts: &ImportOptions) -> Option<Field> {
    let h = normalise(header);
    opts.map.iter().find(|(k, _)| normalise(k) == h).map(|(_, f)| *f).or_else(|| field_of(header))
}

/// Imports a grid.
pub fn import(grid: &Grid, opts: &ImportOptions) -> Result<Import, String> {
    // The header row is the first (of the first 50) naming at least two known columns,
    // one of them the title or description: title rows above it are skipped.
    let header_row = grid
        .rows
        .iter()
        .take(50)
        .position(|row| {
            let fields: BTreeSet<Field> = row.iter().filter_map(|c| map_header(&c.text(), opts)).collect();
            fields.len() >= 2 && (fields.contains(&Field::Title) || fields.contains(&Field::Description))
        })
        .ok_or_else(|| {
            "no header row found in the first 50 rows: expected headings such as `MSEL #`, `Time`, `Title`, \
             `Description` (map others with --map 'HEADING=field')"
                .to_owned()
        })?;
    let headers: Vec<String> = grid.rows[header_row].iter().map(Cell::text).collect();
    let mut columns: Vec<(usize, Field)> = Vec::new();
    let mut extra: Vec<(usize, String)> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        match map_header(h, opts) {
            Some(f) if !columns.iter().any(|(_, g)| *g == f) => columns.push((i, f)),
            _ if !h.trim().is_empty() => extra.push((i, h.trim().replace('\n', " "))),
            _ => {}
        }
    }
    let col = |f: Field| columns.iter().find(|(_, g)| *g == f).map(|(i, _)| *i);

    let mut issues = Vec::new();
    let mut rows: Vec<ReadRow> = Vec::new();
    let mut seen_events: BTreeMap<String, usize> = BTreeMap::new();
    let mut objectives: BTreeMap<String, String> = BTreeMap::new();
    let mut data_rows = 0;
    for (r, row) in grid.rows.iter().enumerate().skip(header_row + 1) {
        let number = r + 1;
        if row.iter().all(Cell::is_blank) {
            continue;
        }
        data_rows += 1;
        let get = |f: Field| col(f).and_then(|i| row.get(i)).cloned().unwrap_or(Cell::Empty);
        let text = |f: Field| get(f).text();
        if text(Field::Kind).eq_ignore_ascii_case("decision") {
            issues.push(RowIssue {
                row: number,
                message: "a decision point: decisions are exported for reading and edited in the scenario YAML".into(),
                skipped: true,
            });
            continue;
        }
        let mut notes: Vec<String> = Vec::new();
        if !text(Field::Notes).is_empty() {
            notes.push(text(Field::Notes));
        }
        for (i, h) in &extra {
            let v = row.get(*i).map(Cell::text).unwrap_or_default();
            if !v.is_empty() {
                notes.push(format!("{h}: {v}"));
            }
        }
        let description = text(Field::Description);
        let mut title = text(Field::Title);
        if title.is_empty() {
            title = description.lines().next().unwrap_or_default().chars().take(80).collect();
        }
        if title.is_empty() {
            let content: Vec<String> = row.iter().map(Cell::text).filter(|t| !t.is_empty()).collect();
            issues.push(RowIssue {
                row: number,
                message: format!(
                    "no title or description, so not an inject (a legend or note?): {}",
                    content.join(" | ")
                ),
                skipped: true,
            });
            continue;
        }
        let mut event = text(Field::Event);
        if event.is_empty() {
            event = format!("R{number}");
            notes.push(format!("no event number in the sheet; numbered after its row ({number})"));
        }
        if let Some(first) = seen_events.get(&event) {
            let renamed = format!("{event}-row{number}");
            issues.push(RowIssue {
                row: number,
                message: format!("event number `{event}` was already used on row {first}; imported as `{renamed}`"),
                skipped: false,
            });
            event = renamed;
        }
        seen_events.insert(event.clone(), number);
        let when = match when::time(&get(Field::Time)) {
            Ok(w) => w,
            Err(e) => {
                issues.push(RowIssue {
                    row: number,
                    message: format!("{e}; the time of the row before is used"),
                    skipped: false,
                });
                notes.push(format!("time as written: {}", text(Field::Time)));
                None
            }
        };
        let date = match when::date(&get(Field::Date)) {
            Ok(d) => d,
            Err(e) => {
                issues.push(RowIssue { row: number, message: e, skipped: false });
                None
            }
        };
        let day = match text(Field::Day).trim_start_matches(|c: char| !c.is_ascii_digit()).parse::<i64>() {
            Ok(d) if d >= 1 => Some(d - 1),
            _ => None,
        };
        let mut effects = Vec::new();
        for part in text(Field::Effects).split([';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            match part.parse::<Effect>() {
                Ok(e) => effects.push(Sp::new(e)),
                Err(e) => {
                    issues.push(RowIssue {
                        row: number,
                        message: format!("effect `{part}` left out: {e}"),
                        skipped: false,
                    });
                    notes.push(format!("effect as written: {part}"));
                }
            }
        }
        let mut objective_ids = Vec::new();
        for part in text(Field::Objectives).split([',', ';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            let id = slug(part);
            objectives.entry(id.clone()).or_insert_with(|| part.to_owned());
            if !objective_ids.iter().any(|o: &Sp<String>| o.value == id) {
                objective_ids.push(Sp::new(id));
            }
        }
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
            objectives: objective_ids,
            notes: if notes.is_empty() { None } else { Some(notes.join("\n")) },
            effects,
        };
        rows.push(ReadRow { number, inject, when, date, day });
    }

    // Times: offsets stay; absolute times (clock, date, DTG) count from the earliest.
    let mut absolute: Vec<Option<i64>> = Vec::with_capacity(rows.len());
    let mut last_clock: Option<i64> = None;
    let mut rollover = 0;
    for ReadRow { when, date, day, .. } in &rows {
        let a = match when {
            Some(When::Absolute(a)) => Some(*a),
            Some(When::Clock(c)) => {
                // A clock going back by more than 12 hours has passed midnight.
                if date.is_none() && day.is_none() {
                    if last_clock.is_some_and(|l| *c + 12 * HOUR < l) {
                        rollover += DAY;
                    }
                    last_clock = Some(*c);
                }
                Some(date.unwrap_or(0) + day.unwrap_or(0) * DAY + rollover + c)
            }
            None => date.map(|d| d + day.unwrap_or(0) * DAY).or(day.map(|d| d * DAY)),
            Some(When::Offset(_)) => None,
        };
        absolute.push(a);
    }
    let origin = absolute.iter().flatten().min().copied();
    let mut previous = 0;
    let mut previous_row = 0;
    let mut any_time = false;
    let mut injects = Vec::with_capacity(rows.len());
    for (ReadRow { number, mut inject, when, .. }, abs) in rows.into_iter().zip(absolute) {
        let at = match (when, abs, origin) {
            (Some(When::Offset(o)), _, _) => Some(o),
            (_, Some(a), Some(o)) => Some(a - o),
            _ => None,
        };
        match at {
            Some(t) => {
                any_time = true;
                previous = t;
            }
            None if any_time => {
                let note = format!("no time in the sheet; delivered with the row before (row {previous_row})");
                inject.notes = Some(inject.notes.map_or(note.clone(), |n| format!("{n}\n{note}")));
            }
            None => {}
        }
        inject.at = Sp::new(Time(at.unwrap_or(previous).max(0)));
        previous_row = number;
        injects.push(inject);
    }
    if !any_time && !injects.is_empty() {
        issues.push(RowIssue {
            row: header_row + 1,
            message: "the sheet has no times: every inject is placed at T+0:00 in sheet order; set `at` before playing"
                .into(),
            skipped: false,
        });
    }
    let last = injects.iter().map(|i| i.at.value.0).max().unwrap_or(0);
    let duration = (last / HOUR + 1) * HOUR + HOUR;
    let title = grid
        .metadata
        .iter()
        .find(|(k, _)| normalise(k) == "exercise name")
        .map(|(_, v)| v.clone())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| opts.title.clone());
    let date = origin.filter(|_| injects.iter().any(|_| true)).and_then(|o| {
        let days = o.div_euclid(DAY);
        let epoch = jiff::civil::Date::new(1970, 1, 1).ok()?;
        let d = epoch.checked_add(jiff::Span::new().days(days)).ok()?;
        (d.year() > 1971).then(|| Sp::new(d.to_string()))
    });
    let scenario = Scenario {
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
    };
    Ok(Import {
        scenario,
        header_row: header_row + 1,
        columns: columns.iter().map(|(i, f)| (headers[*i].replace('\n', " "), *f)).collect(),
        data_rows,
        issues,
    })
}
