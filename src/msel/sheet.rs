//! The layout of an MSEL sheet: where its header row is, the title row above it, and
//! which column holds which field, by heading or, when the heading says nothing, by
//! what the column holds.

use std::collections::BTreeSet;

use super::Field;
use super::columns::{field_of, normalise};
use super::grid::{Cell, Grid};
use super::when::{self, When};

/// The field a heading names: a `--map` first, then the headings sandtable knows.
pub fn map_header(header: &str, map: &[(String, Field)]) -> Option<Field> {
    let h = normalise(header);
    map.iter().find(|(k, _)| normalise(k) == h).map(|(_, f)| *f).or_else(|| field_of(header))
}

/// The header row is the first (of the first 50) naming at least two known columns, one
/// of them the title or description: title rows above it are skipped.
pub fn find_header(grid: &Grid, map: &[(String, Field)]) -> Result<usize, String> {
    grid.rows
        .iter()
        .take(50)
        .position(|row| {
            let fields: BTreeSet<Field> = row.iter().filter_map(|c| map_header(&c.text(), map)).collect();
            fields.len() >= 2 && (fields.contains(&Field::Title) || fields.contains(&Field::Description))
        })
        .ok_or_else(|| {
            "no header row found in the first 50 rows: expected headings such as `MSEL #`, `Time`, `Title`, \
             `Description` (map others with --map 'HEADING=field')"
                .to_owned()
        })
}

/// The sheet's title: the first row above the header that has exactly one cell written
/// (`Regional drill 2025` across merged cells), if any.
pub fn title_row(grid: &Grid, header_row: usize) -> Option<String> {
    grid.rows.iter().take(header_row).find_map(|row| {
        let written: Vec<String> = row.iter().map(Cell::text).filter(|t| !t.is_empty()).collect();
        match written.as_slice() {
            [only] => Some(only.replace('\n', " ")),
            _ => None,
        }
    })
}

/// Which column holds which field; columns that hold none are kept as notes.
pub struct Columns {
    pub fields: Vec<(usize, Field)>,
    pub extra: Vec<(usize, String)>,
    /// Columns recognised by what they hold: (column, field).
    pub by_content: Vec<(usize, Field)>,
}

impl Columns {
    /// Maps the header row; then, when no column is headed as the time, takes the first
    /// column without a known heading whose cells are times.
    pub fn map(grid: &Grid, header_row: usize, map: &[(String, Field)]) -> Columns {
        let headers: Vec<String> = grid.rows[header_row].iter().map(Cell::text).collect();
        let width = grid.rows.iter().skip(header_row).map(Vec::len).max().unwrap_or(0);
        let mut fields: Vec<(usize, Field)> = Vec::new();
        let mut extra: Vec<(usize, String)> = Vec::new();
        let mut unknown: Vec<usize> = Vec::new();
        for i in 0..width {
            let h = headers.get(i).map(String::as_str).unwrap_or_default();
            match map_header(h, map) {
                Some(f) if !fields.iter().any(|(_, g)| *g == f) => fields.push((i, f)),
                Some(_) => extra.push((i, h.trim().replace('\n', " "))),
                None => unknown.push(i),
            }
        }
        let mut by_content = Vec::new();
        if !fields.iter().any(|(_, f)| matches!(f, Field::Time)) {
            let data = &grid.rows[header_row + 1..];
            if let Some(&i) = unknown.iter().find(|&&i| holds_times(data, i)) {
                fields.push((i, Field::Time));
                by_content.push((i, Field::Time));
            }
        }
        for i in unknown.into_iter().filter(|i| !by_content.iter().any(|(c, _)| c == i)) {
            let h = headers.get(i).map(|h| h.trim().replace('\n', " ")).unwrap_or_default();
            if !h.is_empty() {
                extra.push((i, h));
            }
        }
        extra.sort();
        Columns { fields, extra, by_content }
    }

    /// The cell of field `f` in `row`.
    pub fn cell(&self, row: &[Cell], f: Field) -> Cell {
        self.fields.iter().find(|(_, g)| *g == f).and_then(|(i, _)| row.get(*i)).cloned().unwrap_or(Cell::Empty)
    }
}

/// Whether column `i` holds times: at least two cells written, and at least four in five
/// of them unmistakably times (`T+0:10`, `09:00`, a date-time, an Excel time). Whole
/// numbers do not count: an event number `3` would read as a clock.
fn holds_times(rows: &[Vec<Cell>], i: usize) -> bool {
    let cells: Vec<&Cell> = rows.iter().filter_map(|r| r.get(i)).filter(|c| !c.is_blank()).collect();
    let times = cells
        .iter()
        .filter(|c| match c {
            Cell::Number(n) => n.fract() != 0.0 && matches!(when::time(c), Ok(Some(_))),
            Cell::Text(t) => {
                let t = t.trim();
                (t.contains(':') || t.starts_with(['T', 't']) || t.len() >= 12)
                    && matches!(when::time(c), Ok(Some(When::Offset(_) | When::Clock(_) | When::Absolute(_))))
            }
            _ => matches!(when::time(c), Ok(Some(_))),
        })
        .count();
    cells.len() >= 2 && times * 5 >= cells.len() * 4
}
