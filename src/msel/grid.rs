//! A spreadsheet as a grid of cells, and reading one from CSV (workbooks: `xlsx.rs`).

use super::limits::{self, MAX_SHEET_CELLS, MAX_SHEET_ROWS};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// An empty cell, or one holding only spaces.
    Empty,
    /// Text as the sheet holds it.
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
/// the rows a spreadsheet shows (a cell's line breaks do not start a row, blank lines
/// do). A quote left open is an error at the row it opens on: the reader would otherwise
/// take every row after it for one cell. Rows and cells are bounded as they are read.
pub fn read_csv(bytes: &[u8]) -> Result<Grid, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text (byte {})", e.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sample: String = text.lines().take(5).collect::<Vec<_>>().join("\n");
    let delimiter =
        [b',', b';', b'\t'].into_iter().max_by_key(|d| sample.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    let bytes = text.as_bytes();
    let starts = row_starts(bytes, delimiter)?;
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(bytes);
    let (mut rows, mut cells) = (Vec::new(), 0usize);
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("row {}: {e}", i + 1))?;
        // The reader's position is where it began skipping blank lines: skip them here.
        let mut start = record.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        while bytes.get(start).is_some_and(|b| *b == b'\n' || *b == b'\r') {
            start += 1;
        }
        let row = starts.partition_point(|s| *s <= start);
        cells += record.len();
        if cells > MAX_SHEET_CELLS {
            return Err(limits::too_many_cells());
        }
        while rows.len() + 1 < row {
            rows.push(Vec::new());
        }
        rows.push(
            record.iter().map(|s| if s.trim().is_empty() { Cell::Empty } else { Cell::Text(s.to_owned()) }).collect(),
        );
    }
    Ok(Grid { sheet: None, rows, metadata: Vec::new() })
}

/// Where each spreadsheet row starts, reading quotes as the csv crate does: a quote
/// opens a field only at its start, `""` inside stands for one quote, and a line break
/// inside quotes stays in the cell. An unclosed quote is an error at its row, and a
/// sheet past [`MAX_SHEET_ROWS`] is refused here, before it is parsed.
fn row_starts(bytes: &[u8], delimiter: u8) -> Result<Vec<usize>, String> {
    #[derive(Clone, Copy, PartialEq)]
    enum At {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let (mut at, mut opened_on, mut starts) = (At::FieldStart, 0usize, vec![0usize]);
    for (i, &b) in bytes.iter().enumerate() {
        let ends_field = b == delimiter || b == b'\n' || b == b'\r';
        at = match (at, b) {
            (At::FieldStart, b'"') => {
                opened_on = starts.len();
                At::Quoted
            }
            (At::Quoted, b'"') => At::QuoteInQuoted,
            (At::Quoted, _) => At::Quoted,
            (At::QuoteInQuoted, b'"') => At::Quoted,
            (_, _) if ends_field => At::FieldStart,
            _ => At::Unquoted,
        };
        if b == b'\n' && at != At::Quoted && i + 1 < bytes.len() {
            starts.push(i + 1);
            if starts.len() > MAX_SHEET_ROWS {
                return Err(limits::too_many_rows(starts.len()));
            }
        }
    }
    if at == At::Quoted {
        return Err(format!(
            "row {opened_on}: a quoted cell opens here and is never closed, so every row after it would be read \
             as part of that cell; nothing was imported (close the quote; a `\"` inside a quoted cell is \
             written `\"\"`)"
        ));
    }
    Ok(starts)
}
