//! What an MSEL import may cost. Workbooks come from other organisations, so each bound
//! is checked before the work it bounds: a zip bomb is refused from its directory (and
//! while it is being unpacked, in case the directory lies), a sheet that would be a huge
//! grid is refused while its cells are read, and an import too large to validate is
//! refused before anything is written.

use std::io::{Cursor, Read};

/// The largest spreadsheet file read (bytes on disk).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// The most a workbook (a zip archive) may unpack to, all entries together.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// The most entries a workbook's archive may hold.
pub const MAX_ZIP_ENTRIES: usize = 1_000;
/// The most rows a sheet may have (the last row with a value, as the spreadsheet numbers it).
pub const MAX_SHEET_ROWS: usize = 50_000;
/// The most columns a sheet may have.
pub const MAX_SHEET_COLUMNS: usize = 1_000;
/// The most cells a sheet may have, counting the empty cells left of a value in its row.
pub const MAX_SHEET_CELLS: usize = 1_000_000;
/// The most data rows one import turns into injects: more would not load back as a
/// scenario (the YAML loader's node budget), so the import is refused instead.
pub const MAX_DATA_ROWS: usize = 5_000;

/// `n` bytes as people read them.
pub fn mib(n: u64) -> String {
    if n >= 1024 * 1024 { format!("{} MiB", n / (1024 * 1024)) } else { format!("{n} bytes") }
}

/// Refuses a zip archive that unpacks past [`MAX_UNPACKED_BYTES`] or holds more than
/// [`MAX_ZIP_ENTRIES`] entries. The declared sizes are summed first; then every entry is
/// unpacked into nothing, stopping at its declared size plus one byte, because a forged
/// directory may declare less than the data holds. Memory stays at one read buffer.
pub fn check_zip(bytes: &[u8]) -> Result<(), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a workbook: {e}"))?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(format!(
            "the workbook's archive has {} entries, past the limit of {MAX_ZIP_ENTRIES} (MSEL import limit: entries)",
            archive.len()
        ));
    }
    let mut declared: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| format!("not a workbook: {e}"))?;
        declared = declared.saturating_add(entry.size());
    }
    if declared > MAX_UNPACKED_BYTES {
        return Err(unpacked_error(declared, "declares"));
    }
    let mut unpacked: u64 = 0;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| format!("not a workbook: {e}"))?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let forged = |why: String| {
            format!(
                "the workbook's entry `{name}` {why} (a forged zip bomb?); refused, within the MSEL import limit \
                 of {} unpacked",
                mib(MAX_UNPACKED_BYTES)
            )
        };
        let allowed = entry.size().min(MAX_UNPACKED_BYTES - unpacked);
        // The zip crate may itself stop at the declared size (an error); either way the
        // read ends one byte past what is allowed.
        let read = std::io::copy(&mut (&mut entry).take(allowed + 1), &mut std::io::sink())
            .map_err(|e| forged(format!("cannot be unpacked as declared: {e}")))?;
        if read > allowed {
            return Err(forged(format!("unpacks past the {} it declares", mib(entry.size()))));
        }
        unpacked += read;
    }
    Ok(())
}

fn unpacked_error(size: u64, verb: &str) -> String {
    format!(
        "the workbook {verb} {} when unpacked, past the MSEL import limit of {} (a zip bomb?); nothing was read",
        mib(size),
        mib(MAX_UNPACKED_BYTES)
    )
}

/// Whether the bytes are a zip archive (XLSX, XLSB, ODS), whose size says nothing of what
/// it unpacks to.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The error for a sheet past [`MAX_SHEET_ROWS`].
pub fn too_many_rows(row: usize) -> String {
    format!(
        "the sheet reaches row {row}, past the MSEL import limit of {MAX_SHEET_ROWS} rows; nothing was imported \
         (split the workbook, or remove the rows below the MSEL)"
    )
}

/// The error for a sheet past [`MAX_SHEET_COLUMNS`].
pub fn too_many_columns(column: usize) -> String {
    format!("the sheet reaches column {column}, past the MSEL import limit of {MAX_SHEET_COLUMNS} columns")
}

/// The error for a sheet past [`MAX_SHEET_CELLS`].
pub fn too_many_cells() -> String {
    format!("the sheet holds more than {MAX_SHEET_CELLS} cells, past the MSEL import limit; nothing was imported")
}
