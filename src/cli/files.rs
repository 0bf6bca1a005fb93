//! Reading inputs and writing outputs: the only file-system access in sandtable.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::SourceFile;
use crate::error::{Error, Result};

/// Inputs larger than this are refused before parsing: no plan, scenario or journal is
/// 16 MiB, and the loader's work stays bounded below it.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a text file for parsing; unreadable, oversized or non-UTF-8 input is an error.
pub fn read_source(path: &Path) -> Result<Arc<SourceFile>> {
    let read_err = |source| Error::Read { path: path.to_owned(), source };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if meta.is_dir() {
        return Err(Error::Read {
            path: path.to_owned(),
            source: std::io::Error::other("is a directory, expected a YAML file"),
        });
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(Error::Read {
            path: path.to_owned(),
            source: std::io::Error::other(format!("is {} bytes; the limit is {MAX_INPUT_BYTES}", meta.len())),
        });
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    Ok(Arc::new(SourceFile::from_bytes(path.display().to_string(), bytes)?))
}

/// Reads a binary input (a spreadsheet) of at most `limit` bytes; the size is checked
/// before reading, and the read stops past the limit in case the file grows meanwhile.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let read_err = |source| Error::Read { path: path.to_owned(), source };
    let too_big = |len: u64| Error::Read {
        path: path.to_owned(),
        source: std::io::Error::other(format!("is {len} bytes or more; the limit is {limit}")),
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let len = file.metadata().map_err(read_err)?.len();
    if len > limit {
        return Err(too_big(len));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(read_err)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Writes a file atomically: a temporary file in the same directory, then a rename, so
/// that a crash never leaves a half-written output in place of a good one.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let write_err = |source| Error::Write { path: path.to_owned(), source };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(write_err)?;
    let mut tmp = tempfile::Builder::new().prefix(".sandtable-").tempfile_in(dir).map_err(write_err)?;
    tmp.write_all(contents).map_err(write_err)?;
    // tempfile creates 0600; an output is an ordinary file for whoever may read the folder.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(write_err)?;
    }
    tmp.as_file().sync_all().map_err(write_err)?;
    tmp.persist(path).map_err(|e| write_err(e.error))?;
    Ok(())
}

/// The file system as a [`crate::project::Sources`]: files named by the paths given.
#[derive(Debug, Default, Clone, Copy)]
pub struct DiskSources;

impl crate::project::Sources for DiskSources {
    fn read(&self, path: &Path) -> Result<Arc<SourceFile>> {
        read_source(path)
    }

    fn identity(&self, path: &Path) -> std::path::PathBuf {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
    }
}

/// Folders are searched this deep for records and partial aggregates, so that a folder
/// of years of exercises is found without walking a whole disk.
const MAX_DEPTH: usize = 4;

/// `input` itself when it is a file, else every file called `name` under it, in name
/// order: a folder holding one is not searched further (a record's `inputs/` are never
/// entered), and folders are searched at most [`MAX_DEPTH`] deep.
pub fn find_named(input: &Path, name: &str, found: &mut Vec<PathBuf>) -> Result<()> {
    find_below(input, name, 0, found)
}

fn find_below(input: &Path, name: &str, depth: usize, found: &mut Vec<PathBuf>) -> Result<()> {
    let meta = std::fs::metadata(input).map_err(|source| Error::Read { path: input.to_owned(), source })?;
    if meta.is_file() {
        found.push(input.to_owned());
        return Ok(());
    }
    let here = input.join(name);
    if here.is_file() {
        found.push(here);
        return Ok(());
    }
    if depth >= MAX_DEPTH {
        return Ok(());
    }
    let entries = std::fs::read_dir(input).map_err(|source| Error::Read { path: input.to_owned(), source })?;
    let mut dirs: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
    dirs.sort();
    for dir in dirs {
        find_below(&dir, name, depth + 1, found)?;
    }
    Ok(())
}
