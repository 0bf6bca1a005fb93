//! The scenario beside its MSEL: the second sheet of an exported workbook holds
//! everything but the injects (title, type, date, duration, seed, plan, objectives with
//! their criteria, decision points, scripts), one top-level scenario key per row with
//! its value as the scenario file writes it, so that export → import → export loses
//! nothing and a person can still read the sheet.

use std::sync::Arc;

use crate::diag::SourceFile;
use crate::format::scenario::Scenario;

/// The sheet's name.
pub const SHEET: &str = "Metadata";

/// The key whose row marks the sheet as sandtable's (other tools' metadata sheets are
/// read for the exercise name only).
const MARKER: &str = "format_version";

/// The sheet's rows: (key, value) per top-level key of the scenario without its injects.
pub fn rows(s: &Scenario) -> Vec<(String, String)> {
    let skeleton = Scenario { injects: Vec::new(), ..s.clone() };
    let yaml = serde_saphyr::to_string(&skeleton).unwrap_or_default();
    let mut rows: Vec<(String, String)> = Vec::new();
    for line in yaml.lines() {
        let top_level = !line.starts_with([' ', '-', '#']) && !line.is_empty();
        match line.split_once(':') {
            Some((key, rest)) if top_level => rows.push((key.to_owned(), rest.trim().to_owned())),
            _ => {
                if let Some((_, value)) = rows.last_mut() {
                    if !value.is_empty() {
                        value.push('\n');
                    }
                    value.push_str(line);
                }
            }
        }
    }
    rows
}

/// The scenario (without injects) a sandtable metadata sheet describes; `None` when the
/// sheet is not sandtable's.
pub fn scenario(metadata: &[(String, String)]) -> Option<Result<Scenario, String>> {
    if !metadata.iter().any(|(k, _)| k == MARKER) {
        return None;
    }
    let mut yaml = String::new();
    for (key, value) in metadata.iter().filter(|(k, _)| !k.is_empty()) {
        // A value that starts on the next line is a block (a list or a map) under its key;
        // anything else (a scalar, or `|-` and its lines) follows the key on its line.
        if value.starts_with(['-', ' ']) {
            yaml.push_str(&format!("{key}:\n{value}\n"));
        } else {
            yaml.push_str(&format!("{key}: {value}\n"));
        }
    }
    let file = Arc::new(SourceFile::new(SHEET, yaml));
    Some(
        crate::load::scenario(&file)
            .map(|doc| doc.doc)
            .map_err(|d| format!("the {SHEET} sheet does not read as a scenario: {}", d.message)),
    )
}
