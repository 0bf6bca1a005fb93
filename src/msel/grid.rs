//! A spreadsheet as a grid of cells, and reading one from CSV (workbooks: `xlsx.rs`).

use super::limits::{self, MAX_SHEET_CELLS, MAX_SHEET_ROWS};

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
/// the lines records start on, so messages point where an editor shows them. A quote
/// left open is an error at the line it opens on: the reader would otherwise take every
/// line after it for one cell. Rows and cells are bounded as they are read.
pub fn read_csv(bytes: &[u8]) -> Result<Grid, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text (byte {})", e.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sample: String = text.lines().take(5).collect::<Vec<_>>().join("\n");
    let delimiter =
        [b',', b';', b'\t'].into_iter().max_by_key(|d| sample.bytes().filter(|b| b == d).count()).unwrap_or(b',');
    if let Some(line) = unclosed_quote(text.as_bytes(), delimiter) {
        return Err(format!(
            "row {line}: a quoted cell opens here and is never closed, so every row after it would be read \
             as part of that cell; nothing was imported (close the quote; a `\"` inside a quoted cell is \
             written `\"\"`)"
        ));
    }
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let bytes = text.as_bytes();
    let (mut counted_to, mut line_no, mut cells) = (0usize, 1usize, 0usize);
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
        if line > MAX_SHEET_ROWS {
            return Err(limits::too_many_rows(line));
        }
        cells += record.len();
        if cells > MAX_SHEET_CELLS {
            return Err(limits::too_many_cells());
        }
        while rows.len() + 1 < line {
            rows.push(Vec::new());
        }
        rows.push(
            record.iter().map(|s| if s.trim().is_empty() { Cell::Empty } else { Cell::Text(s.to_owned()) }).collect(),
        );
    }
    Ok(Grid { sheet: None, rows, metadata: Vec::new() })
}

/// The line on which a quoted field opens that no quote closes, read as the csv crate
/// reads: a quote opens a field only at its start, and `""` inside stands for one quote.
fn unclosed_quote(bytes: &[u8], delimiter: u8) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum At {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let (mut at, mut line, mut opened_on) = (At::FieldStart, 1usize, 0usize);
    for &b in bytes {
        let ends_field = b == delimiter || b == b'\n' || b == b'\r';
        at = match (at, b) {
            (At::FieldStart, b'"') => {
                opened_on = line;
                At::Quoted
            }
            (At::Quoted, b'"') => At::QuoteInQuoted,
            (At::Quoted, _) => At::Quoted,
            (At::QuoteInQuoted, b'"') => At::Quoted,
            (_, _) if ends_field => At::FieldStart,
            _ => At::Unquoted,
        };
        if b == b'\n' {
            line += 1;
        }
    }
    (at == At::Quoted).then_some(opened_on)
}
