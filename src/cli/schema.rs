//! `sandtable schema`: print or write a format's JSON Schema.

use std::io::Write;
use std::path::Path;

use super::files::write_atomic;
use crate::error::{Error, Result};
use crate::schema::{SchemaKind, schema_json};

/// Prints the schema to stdout, or writes it atomically to `output`.
pub fn run(kind: SchemaKind, output: Option<&Path>) -> Result<()> {
    let text = schema_json(kind);
    match output {
        Some(path) => write_atomic(path, text.as_bytes()),
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|source| Error::Write { path: "<stdout>".into(), source }),
    }
}
