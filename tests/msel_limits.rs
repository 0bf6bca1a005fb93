//! MSEL import within its limits: zip bombs (declared and forged), sheets that would be
//! huge grids, imports too large to load, unclosed quotes, and nothing written when an
//! import is refused. The memory an import takes to refuse a bomb is measured with a
//! counting allocator (no timing), so the tests in this binary run one at a time.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{bomb, root, sandtable};
use predicates::prelude::*;
use predicates::str::contains;
use sandtable::msel::{self, ImportOptions, limits};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static SERIAL: Mutex<()> = Mutex::new(());

// SAFETY: forwards to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's layout, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: allocated by `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most memory `f` took at any moment beyond what was held before it.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed).saturating_sub(before))
}

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

const BOMB_UNPACKED: usize = 256 << 20;

/// A workbook of a few hundred KB that unpacks to 256 MiB is refused from its directory,
/// and one whose directory lies about it is refused while unpacking, each within a few
/// megabytes (without the checks calamine holds the whole 256 MiB string).
#[test]
fn xlsx_zip_bombs_are_refused_in_bounded_memory() {
    let _serial = serial();
    let declared = bomb::with_huge_shared_strings(BOMB_UNPACKED);
    assert!(declared.len() < 2 << 20, "the bomb is small on disk: {} bytes", declared.len());
    let mut forged = declared.clone();
    bomb::forge_declared_size(&mut forged, "xl/sharedStrings.xml", 4096);
    for (what, bytes, says) in [
        ("declared", &declared, "256 MiB when unpacked"),
        ("forged", &forged, "`xl/sharedStrings.xml` cannot be unpacked as declared"),
    ] {
        let (result, used) = peak_of(|| msel::read_xlsx(bytes, None));
        assert!(used < 8 << 20, "{what}: refusing the bomb took {used} bytes");
        let err = result.expect_err(what);
        assert!(err.contains(says) && err.contains("64 MiB"), "{what}: {err}");
    }
}

/// The bomb through the CLI: refused with the file named, nothing written.
#[test]
fn the_cli_names_the_file_and_the_limit_and_writes_nothing() {
    let _serial = serial();
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("bomb.xlsx");
    std::fs::write(&file, bomb::with_huge_shared_strings(100 << 20)).expect("write");
    let out = tmp.path().join("bomb.yaml");
    sandtable()
        .args(["msel", "import"])
        .arg(&file)
        .args(["--plan", "scenarios/plans/it-operations.yaml", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains("bomb.xlsx").and(contains("MSEL import limit of 64 MiB")));
    assert!(!out.exists(), "nothing is written");
}

/// A tiny workbook with one cell far down (or far right) would be a dense range of
/// millions of cells: refused while its cells are read.
#[test]
fn a_sheet_past_the_row_or_column_limit_is_refused() {
    let _serial = serial();
    for (row, col, says) in [(1_000_000u32, 1u16, "reaches row 1000001"), (2, 16_000, "reaches column 16001")] {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let sheet = wb.add_worksheet();
        sheet.write_string(0, 0, "Title").expect("cell");
        sheet.write_string(0, 1, "Time").expect("cell");
        sheet.write_string(row, col, "far away").expect("cell");
        let bytes = wb.save_to_buffer().expect("xlsx");
        let (result, used) = peak_of(|| msel::read_xlsx(&bytes, None));
        let err = result.expect_err(says);
        assert!(err.contains(says) && err.contains("MSEL import limit"), "{err}");
        assert!(used < 8 << 20, "refusing took {used} bytes");
    }
}

/// A CSV of 200,000 rows is refused at the sheet's row limit before anything is written,
/// and one within the sheet limit but past the inject limit at that limit.
#[test]
fn too_many_rows_are_refused_before_anything_is_written() {
    let _serial = serial();
    let tmp = tempfile::tempdir().expect("temp dir");
    for (rows, says) in [
        (200_000, format!("past the MSEL import limit of {} rows", limits::MAX_SHEET_ROWS)),
        (limits::MAX_DATA_ROWS + 1, format!("past the MSEL import limit of {} injects", limits::MAX_DATA_ROWS)),
    ] {
        let mut csv = String::from("Time,Title\n");
        for i in 0..rows {
            csv.push_str(&format!("T+{}:00,Inject {i}\n", i / 60));
        }
        let file = tmp.path().join(format!("big-{rows}.csv"));
        std::fs::write(&file, csv).expect("write");
        let out = tmp.path().join(format!("big-{rows}.yaml"));
        sandtable()
            .args(["msel", "import"])
            .arg(&file)
            .args(["--plan", "scenarios/plans/it-operations.yaml", "-o"])
            .arg(&out)
            .assert()
            .code(1)
            .stderr(contains(format!("big-{rows}.csv")).and(contains(says)));
        assert!(!out.exists(), "{rows} rows: nothing is written");
    }
}

/// A spreadsheet file past the size limit is refused before it is read.
#[test]
fn an_oversized_file_is_refused() {
    let _serial = serial();
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("huge.csv");
    std::fs::File::create(&file).and_then(|f| f.set_len(limits::MAX_FILE_BYTES + 1)).expect("sparse file");
    sandtable()
        .args(["msel", "import"])
        .arg(&file)
        .args(["--plan", "scenarios/plans/it-operations.yaml", "-o"])
        .arg(tmp.path().join("huge.yaml"))
        .assert()
        .code(1)
        .stderr(contains("huge.csv").and(contains(format!("the limit is {}", limits::MAX_FILE_BYTES))));
}

/// An unclosed quote would swallow every row after it into one cell: the import is
/// refused at the row the quote opens on.
#[test]
fn an_unclosed_csv_quote_is_reported_at_its_row() {
    let _serial = serial();
    let bytes = std::fs::read(root().join("tests/fixtures/msel/unclosed-quote.csv")).expect("fixture");
    let err = msel::read_csv(&bytes).expect_err("an unclosed quote");
    assert!(err.starts_with("row 4: a quoted cell opens here and is never closed"), "{err}");
    // Quotes that close, and quotes inside an unquoted cell, are fine.
    let fine = "Time,Title,Notes\nT+0:10,\"Power \"\"dip\"\"\",\"two\nlines\"\nT+0:20,5\" pipe burst,none\n";
    let grid = msel::read_csv(fine.as_bytes()).expect("reads");
    let imported = msel::import(&grid, &ImportOptions::default()).expect("imports");
    assert_eq!(imported.scenario.injects.len(), 2);
}

/// An import whose scenario does not validate (an effect naming a site the plan does not
/// have) writes nothing: the check runs before the write.
#[test]
fn an_import_that_does_not_validate_writes_nothing() {
    let _serial = serial();
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("bad-effect.csv");
    std::fs::write(&file, "Time,Title,Effects\nT+0:10,Power lost,site_down no-such-site\n").expect("write");
    let out = tmp.path().join("bad-effect.yaml");
    sandtable()
        .args(["msel", "import"])
        .arg(&file)
        .args(["--plan", "scenarios/plans/it-operations.yaml", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains("no-such-site").and(contains("was not written")));
    assert!(!out.exists(), "nothing is written");
}

/// Empty cells count: a CSV of a thousand separators per line is refused at the cell
/// limit while it is read.
#[test]
fn a_sheet_past_the_cell_limit_is_refused() {
    let _serial = serial();
    let line = format!("T+0:10,Inject{}\n", ",".repeat(200));
    let csv = format!("Time,Title\n{}", line.repeat(limits::MAX_SHEET_CELLS / 200));
    let (result, used) = peak_of(|| msel::read_csv(csv.as_bytes()));
    let err = result.expect_err("past the cell limit");
    assert!(err.contains(&format!("more than {} cells", limits::MAX_SHEET_CELLS)), "{err}");
    assert!(used < 128 << 20, "refusing took {used} bytes");
}

/// Workbooks in the older formats (XLS, XLSB, ODS) can only be read whole, and a whole
/// sheet is as large as its farthest cells imply: they are refused with the advice to save
/// as XLSX or CSV, before any sheet is read, and nothing is written.
#[test]
fn older_workbook_formats_are_refused_before_a_sheet_is_read() {
    let _one_at_a_time = serial();
    let ods = bomb::ods_with_a_far_cell();
    let (result, peak) = peak_of(|| msel::read_xlsx(&ods, None));
    let err = result.expect_err("refused");
    assert!(err.contains("older format") && err.contains(".xlsx"), "{err}");
    assert!(peak < 8 << 20, "refusing took {peak} bytes");
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("msel.ods");
    std::fs::write(&file, &ods).expect("write");
    let out = tmp.path().join("scenario.yaml");
    sandtable()
        .args(["msel", "import"])
        .arg(&file)
        .args(["--plan"])
        .arg(root().join("scenarios/plans/it-operations.yaml"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains("msel.ods").and(contains("older format")));
    assert!(!out.exists(), "a refused import writes nothing");
}
