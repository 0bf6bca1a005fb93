//! A spreadsheet as a grid of cells, from CSV or XLSX bytes.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number (Excel stores times as fractions of a day, dates as serial days).
    Number(f64),
    /// An Excel date-time, as its serial number of days.
    DateTime(f64),
}

impl Cell {
    /// The cell as text: numbers without a needless `.0`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            // The `'` that kept a formula-like value as text on export is not part of it.
            Cell::Text(s) => {
                let s = s.trim();
                match s.strip_prefix('\'') {
                    Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
                    _ => s.to_owned(),
                }
            }
            Cell::Number(n) | Cell::DateTime(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    format!("{n}")
                }
            }
        }
    }

    /// Whether the cell holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// A sheet: rows of cells, as read.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    /// The sheet's name (CSV: none).
    pub sheet: Option<String>,
    /// Rows; row 0 is spreadsheet row 1.
    pub rows: Vec<Vec<Cell>>,
    /// Other sheets' names-and-values of a metadata sheet (`Exercise Name` → …).
    pub metadata: Vec<(String, String)>,
}

/// Reads CSV: a UTF-8 byte-order mark is dropped, the separator (`,` `;` tab) is
/// recognised from the first lines, quoted fields may hold line breaks. Row numbers are
/// the lines records start on, so messages point where an editor shows them.
pub fn read_csv(bytes: &[u8]) -> Result<Grid, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text (byte {})", e.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sample: String = text.lines().take(5).collect::<Vec<_>>().join("\n");
    let delimiter =
        [b',', b';', b'\t'].into_iter().max_by_key(|d| sample.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let bytes = text.as_bytes();
    let (mut counted_to, mut line_no) = (0usize, 1usize);
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("row {}: {e}", i + 1))?;
        // Blank lines yield no record; keep row numbers equal to the line a record starts on
        // (the reader's position is where it began skipping blank lines, so skip them here).
        let mut start = record.position().map_or(counted_to, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        while bytes.get(start).is_some_and(|b| *b == b'\n' || *b == b'\r') {
            start += 1;
        }
        if start > counted_to {
            line_no += bytes[counted_to..start.min(bytes.len())].iter().filter(|b| **b == b'\n').count();
            counted_to = start.min(bytes.len());
        }
        let line = line_no;
        while rows.len() + 1 < line {
            rows.push(Vec::new());
        }
        rows.push(
            record.iter().map(|s| if s.trim().is_empty() { Cell::Empty } else { Cell::Text(s.to_owned()) }).collect(),
        );
    }
    Ok(Grid { sheet: None, rows, metadata: Vec::new() })
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) => Cell::DateTime(dt.as_f64()),
    }
}

/// Reads a sheet of an XLSX (or XLS, ODS) workbook: `sheet` by name, else the first
/// sheet that is not empty. A sheet named like "Metadata" is read for the exercise name.
pub fn read_xlsx(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, String> {
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| format!("not a workbook: {e}"))?;
    let names = wb.sheet_names().to_vec();
    let mut metadata = Vec::new();
    if let Some(meta) = names.iter().find(|n| n.to_lowercase().contains("metadata"))
        && let Ok(range) = wb.worksheet_range(meta)
    {
        for row in range.rows() {
            if let (Some(k), Some(v)) = (row.first(), row.get(1)) {
                metadata.push((cell(k).text(), cell(v).text()));
            }
        }
    }
    let chosen = match sheet {
        Some(name) => names
            .iter()
            .find(|n| n.as_str() == name)
            .cloned()
            .ok_or_else(|| format!("no sheet named `{name}`; the workbook has {}", names.join(", ")))?,
        None => names
            .iter()
            .filter(|n| !n.to_lowercase().contains("metadata"))
            .find(|n| wb.worksheet_range(n).is_ok_and(|r| !r.is_empty()))
            .cloned()
            .ok_or_else(|| "the workbook has no sheet with data".to_owned())?,
    };
    let range = wb.worksheet_range(&chosen).map_err(|e| format!("sheet `{chosen}`: {e}"))?;
    // calamine's range starts at the first used cell; keep spreadsheet row numbers.
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top as usize];
    for row in range.rows() {
        let mut cells = vec![Cell::Empty; left as usize];
        cells.extend(row.iter().map(cell));
        rows.push(cells);
    }
    Ok(Grid { sheet: Some(chosen), rows, metadata })
}
