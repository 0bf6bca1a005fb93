//! MSEL interchange: the Master Scenario Events List as facilitators keep it in
//! spreadsheets. Export a scenario's injects and decision points to CSV or XLSX; import
//! real-world MSELs (header variants, title rows, blank rows, clock times, military
//! date-time groups, contingent injects) into a scenario.
//!
//! Pure: takes and returns bytes and text; the CLI reads and writes the files.

mod columns;
mod export;
mod grid;
mod import;
pub mod limits;
mod metadata;
mod placing;
mod sheet;
mod when;
mod xlsx;

pub use columns::Field;
pub use export::{SCRIPTED, Scripted, csv as export_csv, rows as export_rows, rows_with_scripted, xlsx as export_xlsx};
pub use grid::{Cell, Grid, read_csv};
pub use import::{Import, ImportOptions, RowIssue, import};
pub use xlsx::read_xlsx;

/// One MSEL row as sandtable reads and writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// `inject` or `decision`.
    pub kind: String,
    /// Event number.
    pub event: String,
    /// Scenario time, `T+0:15`.
    pub time: String,
    /// The inject's title (or a decision's prompt).
    pub title: String,
    /// Description or script.
    pub description: String,
    /// Who delivers the inject (the controller or a simulated sender).
    pub from: String,
    /// Who receives it (a role or the whole team).
    pub to: String,
    /// Delivery method.
    pub method: String,
    /// Expected player action.
    pub expected_action: String,
    /// Objective ids, comma-separated.
    pub objectives: String,
    /// The facilitator's remarks, kept as written.
    pub notes: String,
    /// Effects, `;`-separated, as in `site_down dc-main; system_down core-db`.
    pub effects: String,
}
