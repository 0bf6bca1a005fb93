//! Workbooks (XLSX, and XLS, XLSB, ODS through calamine) → a [`Grid`], within
//! [`limits`](super::limits): the archive is checked before calamine opens it, and XLSX
//! sheets are read cell by cell so that a sheet with two cells a million rows apart is
//! refused instead of becoming a billion-cell range.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::grid::{Cell, Grid};
use super::limits::{self, MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS};

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

/// Why a sheet was not read: it cannot be (a chart sheet, say), or it is past a limit.
enum Unread {
    Unreadable(String),
    Limit(String),
}

impl From<Unread> for String {
    fn from(u: Unread) -> String {
        match u {
            Unread::Unreadable(s) | Unread::Limit(s) => s,
        }
    }
}

/// Cells by (row, column), 0-based, bounded as they arrive.
#[derive(Default)]
struct Sparse {
    cells: Vec<(usize, usize, Cell)>,
}

impl Sparse {
    fn push(&mut self, row: usize, column: usize, value: Cell) -> Result<(), Unread> {
        self.bounded(row, column, value).map_err(Unread::Limit)
    }

    fn bounded(&mut self, row: usize, column: usize, value: Cell) -> Result<(), String> {
        if value.is_blank() {
            return Ok(());
        }
        if row >= MAX_SHEET_ROWS {
            return Err(limits::too_many_rows(row + 1));
        }
        if column >= MAX_SHEET_COLUMNS {
            return Err(limits::too_many_columns(column + 1));
        }
        if self.cells.len() >= MAX_SHEET_CELLS {
            return Err(limits::too_many_cells());
        }
        self.cells.push((row, column, value));
        Ok(())
    }

    /// Rows as the spreadsheet numbers them (row 0 is row 1), each as wide as its last
    /// value; the padded size is checked before it is allocated.
    fn into_rows(mut self) -> Result<Vec<Vec<Cell>>, Unread> {
        self.cells.sort_by_key(|(r, c, _)| (*r, *c));
        let height = self.cells.last().map_or(0, |(r, _, _)| r + 1);
        let mut widths = vec![0usize; height];
        for (r, c, _) in &self.cells {
            widths[*r] = widths[*r].max(c + 1);
        }
        if widths.iter().sum::<usize>() > MAX_SHEET_CELLS {
            return Err(Unread::Limit(limits::too_many_cells()));
        }
        let mut rows: Vec<Vec<Cell>> = widths.iter().map(|w| vec![Cell::Empty; *w]).collect();
        for (r, c, v) in self.cells {
            rows[r][c] = v;
        }
        Ok(rows)
    }
}

/// Reads one XLSX sheet cell by cell.
fn xlsx_sheet(wb: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Vec<Vec<Cell>>, Unread> {
    let unreadable = |e: calamine::XlsxError| Unread::Unreadable(format!("sheet `{name}`: {e}"));
    let mut reader = wb.worksheet_cells_reader(name).map_err(unreadable)?;
    let mut sparse = Sparse::default();
    while let Some(c) = reader.next_cell().map_err(unreadable)? {
        let (r, col) = c.get_position();
        sparse.push(r as usize, col as usize, cell(&Data::from(c.get_value().clone())))?;
    }
    sparse.into_rows()
}

/// The workbook, read cell by cell (`xlsx_sheet`) so that every limit holds.
type Book<'a> = Xlsx<Cursor<&'a [u8]>>;

/// Why a workbook that is not XLSX is refused: the older formats (XLS, XLSB, ODS) can
/// only be read whole, and a whole sheet is as large as its two farthest cells imply
/// (two cells in opposite corners ask for half a terabyte), so they cannot be bounded.
/// The format is told from its signature alone: opening it with calamine would already
/// read it whole.
fn not_xlsx(bytes: &[u8], e: &calamine::XlsxError) -> String {
    const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let zip_holds = |name: &str| {
        zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|z| z.file_names().any(|n| n.is_ok_and(|n| n == name)))
    };
    let older =
        bytes.starts_with(OLE2) || (limits::is_zip(bytes) && (zip_holds("mimetype") || zip_holds("xl/workbook.bin")));
    if older {
        "a workbook in an older format (XLS, XLSB or ODS): save it as .xlsx or .csv and import that; \
         sandtable reads workbooks cell by cell within its limits, which only XLSX allows"
            .to_owned()
    } else {
        format!("not a workbook: {e}")
    }
}

fn is_metadata(name: &str) -> bool {
    name.to_lowercase().contains("metadata")
}

/// Reads a sheet of an XLSX (or XLS, XLSB, ODS) workbook: `sheet` by name, else the first
/// sheet that is not empty. A sheet named like "Metadata" is read as names and values.
pub fn read_xlsx(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, String> {
    if limits::is_zip(bytes) {
        limits::check_zip(bytes)?;
    }
    let mut book: Book = Xlsx::new(Cursor::new(bytes)).map_err(|e| not_xlsx(bytes, &e))?;
    let names = book.sheet_names();
    let mut metadata = Vec::new();
    if let Some(meta) = names.iter().find(|n| is_metadata(n)) {
        let rows = match xlsx_sheet(&mut book, meta) {
            Ok(rows) => rows,
            Err(Unread::Unreadable(_)) => Vec::new(),
            Err(limit @ Unread::Limit(_)) => return Err(limit.into()),
        };
        for row in rows {
            if let (Some(k), Some(v)) = (row.first(), row.get(1)) {
                // Values as written: a block's indentation is part of it.
                let raw = match v {
                    Cell::Text(s) => s.clone(),
                    other => other.text(),
                };
                metadata.push((k.text(), raw));
            }
        }
    }
    let (chosen, rows) = match sheet {
        Some(name) => {
            let name = names
                .iter()
                .find(|n| n.as_str() == name)
                .cloned()
                .ok_or_else(|| format!("no sheet named `{name}`; the workbook has {}", names.join(", ")))?;
            let rows = xlsx_sheet(&mut book, &name)?;
            (name, rows)
        }
        None => first_with_data(&mut book, &names)?,
    };
    Ok(Grid { sheet: Some(chosen), rows, metadata })
}

fn first_with_data(book: &mut Book, names: &[String]) -> Result<(String, Vec<Vec<Cell>>), String> {
    for name in names.iter().filter(|n| !is_metadata(n)) {
        match xlsx_sheet(book, name) {
            Ok(rows) if !rows.is_empty() => return Ok((name.clone(), rows)),
            Ok(_) | Err(Unread::Unreadable(_)) => {}
            Err(limit @ Unread::Limit(_)) => return Err(limit.into()),
        }
    }
    Err("the workbook has no sheet with data".to_owned())
}
