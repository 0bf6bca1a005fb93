//! Zip bombs made in the test, so that no large binary lives in the repository: a real
//! MSEL workbook whose shared-strings part is replaced by one that unpacks to many
//! megabytes of `A` (about a thousandth of that compressed).

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;

const SHARED_STRINGS: &str = "xl/sharedStrings.xml";

/// A small, valid MSEL workbook as `msel export` writes it.
pub fn workbook() -> Vec<u8> {
    let text = std::fs::read_to_string(super::root().join("scenarios/dc-power-loss.yaml")).expect("shipped");
    let file = std::sync::Arc::new(sandtable::diag::SourceFile::new("dc-power-loss.yaml", text));
    let scenario = sandtable::load::scenario(&file).expect("loads").doc;
    let rows = sandtable::msel::export_rows(&scenario);
    sandtable::msel::export_xlsx(&rows, &scenario, sandtable::Lang::En).expect("xlsx")
}

/// The workbook with a shared-strings part that unpacks to `unpacked` bytes or more.
pub fn with_huge_shared_strings(unpacked: usize) -> Vec<u8> {
    let source = workbook();
    let mut archive = zip::ZipArchive::new(Cursor::new(&source[..])).expect("zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut found = false;
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("entry");
        if file.name().expect("name") != SHARED_STRINGS {
            drop(file);
            out.raw_copy_file(archive.by_index_raw(i).expect("entry")).expect("copy");
            continue;
        }
        found = true;
        let mut xml = String::new();
        file.read_to_string(&mut xml).expect("xml");
        let (head, _) = xml.rsplit_once("</sst>").expect("an sst element");
        out.start_file(SHARED_STRINGS, deflated).expect("start");
        out.write_all(head.as_bytes()).expect("write");
        out.write_all(b"<si><t>").expect("write");
        let chunk = vec![b'A'; 1 << 20];
        for _ in 0..unpacked.div_ceil(chunk.len()) {
            out.write_all(&chunk).expect("write");
        }
        out.write_all(b"</t></si></sst>").expect("write");
    }
    assert!(found, "the exported workbook has a shared-strings part");
    out.finish().expect("finish").into_inner()
}

/// Makes the archive lie: `entry` declares `declared` bytes unpacked, in its local header
/// and in the central directory, whatever it really holds.
pub fn forge_declared_size(zip: &mut [u8], entry: &str, declared: u32) {
    let name = entry.as_bytes();
    let le16 = |b: &[u8], at: usize| usize::from(u16::from_le_bytes([b[at], b[at + 1]]));
    let mut patched = 0;
    for at in 0..zip.len().saturating_sub(46) {
        let (size_at, name_len_at, name_at) = match &zip[at..at + 4] {
            b"PK\x03\x04" => (at + 22, at + 26, at + 30),
            b"PK\x01\x02" => (at + 24, at + 28, at + 46),
            _ => continue,
        };
        let len = le16(zip, name_len_at);
        if zip.get(name_at..name_at + len) == Some(name) {
            zip[size_at..size_at + 4].copy_from_slice(&declared.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "the local header and the central directory entry of {entry}");
}

/// A minimal OpenDocument spreadsheet with one far cell (the shape that makes a
/// whole-sheet reader allocate the grid between the corners): sandtable refuses the
/// format rather than read it whole.
pub fn ods_with_a_far_cell() -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    out.start_file("mimetype", stored).expect("start");
    out.write_all(b"application/vnd.oasis.opendocument.spreadsheet").expect("write");
    out.start_file("META-INF/manifest.xml", stored).expect("start");
    out.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#,
    )
    .expect("write");
    out.start_file("content.xml", stored).expect("start");
    out.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="MSEL">
<table:table-row><table:table-cell office:value-type="string"><text:p>Time</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16000"/><table:table-cell office:value-type="string"><text:p>far</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#,
    )
    .expect("write");
    out.finish().expect("finish").into_inner()
}
