//! Writing a run's outputs as one consistent set. Every file is first written in full
//! to a temporary file in the output folder; only when all of them are on disk are they
//! renamed into place. So a full disk or a kill while writing leaves the previous set
//! whole (and its temporary files are cleaned on the next start), never four new files
//! beside two old ones. A lock keeps a second run out of the folder while a set is being
//! written, and a manifest remembers what the last run wrote, so that outputs it no longer
//! writes (`report.md` after `--format html`) are removed rather than left to mislead.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// The lock taken while a set is written.
const LOCK: &str = ".sandtable.lock";
/// The names of the files the last run wrote, one per line.
const MANIFEST: &str = ".sandtable.manifest";
/// What temporary files start with; a leftover one is from a write that did not finish.
const TEMPORARY: &str = ".sandtable-";
/// Outputs sandtable writes, for folders written before the manifest existed.
const KNOWN: &[&str] =
    &["events.jsonl", "results.json", "report.md", "report.html", "report.json", "improvement-plan.csv"];

/// Writes `files` (name, contents) into `dir` as one set, replacing the previous set.
/// A name may reach into a subfolder (`inputs/plan.yaml`, `/`-separated), never out.
pub fn write_set<N: AsRef<str>>(dir: &Path, files: &[(N, String)]) -> Result<()> {
    let fail = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Write { path, source }
    };
    std::fs::create_dir_all(dir).map_err(fail(dir))?;
    let _lock = lock(dir)?;
    let previous = previous_outputs(dir);
    let names = files.iter().map(|(n, _)| n.as_ref()).chain(previous.iter().map(String::as_str));
    clean_leftovers(dir, names);
    let mut staged = Vec::with_capacity(files.len());
    for (name, text) in files {
        let name = name.as_ref();
        if !is_plain(name) {
            return Err(Error::Failed(format!("refusing to write {name}: outside {}", dir.display())));
        }
        let target = dir.join(name);
        let folder = target.parent().unwrap_or(dir);
        std::fs::create_dir_all(folder).map_err(fail(folder))?;
        // In the target's own folder, so that the rename below never crosses a file system.
        let mut tmp = tempfile::Builder::new().prefix(TEMPORARY).tempfile_in(folder).map_err(fail(&target))?;
        tmp.write_all(text.as_bytes()).map_err(fail(&target))?;
        // tempfile creates 0600; an output is an ordinary file for whoever may read the folder.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(fail(&target))?;
        }
        tmp.as_file().sync_all().map_err(fail(&target))?;
        staged.push((tmp, target));
    }
    // Everything is on disk: now the set changes, file by file, in a moment.
    for (tmp, target) in staged {
        tmp.persist(&target).map_err(|e| Error::Write { path: target.clone(), source: e.error })?;
    }
    for stale in previous.iter().filter(|old| !files.iter().any(|(name, _)| name.as_ref() == old.as_str())) {
        let _ = std::fs::remove_file(dir.join(stale));
        remove_empty_folders(dir, stale);
    }
    let manifest: String = files.iter().map(|(name, _)| format!("{}\n", name.as_ref())).collect();
    super::files::write_atomic(&dir.join(MANIFEST), manifest.as_bytes())
}

/// Whether a name stays inside the folder: relative, `/`-separated, no `.`, `..` or
/// empty parts. A manifest is read back from disk, so this holds for it too.
fn is_plain(name: &str) -> bool {
    !name.is_empty() && name.split('/').all(|p| !p.is_empty() && p != "." && p != ".." && !p.contains(['\\', ':']))
}

/// Removes the folders a stale file leaves empty, deepest first, up to `dir`.
fn remove_empty_folders(dir: &Path, stale: &str) {
    let mut folder = Path::new(stale).parent();
    while let Some(f) = folder.filter(|f| !f.as_os_str().is_empty()) {
        // Fails, as it should, on a folder that still holds anything.
        if std::fs::remove_dir(dir.join(f)).is_err() {
            return;
        }
        folder = f.parent();
    }
}

/// Takes the folder's lock, or says who holds it. The lock goes with the process, so a
/// killed run never leaves the folder locked.
fn lock(dir: &Path) -> Result<File> {
    let path = dir.join(LOCK);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| Error::Write { path: path.clone(), source })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::Failed(format!(
            "another sandtable is writing to {}: wait for it to finish, or choose another --out",
            dir.display()
        ))),
        Err(std::fs::TryLockError::Error(source)) => Err(Error::Write { path, source }),
    }
}

/// Removes temporary files a killed or failed write left behind, in the folder and in
/// every subfolder the set names. Only called with the lock held, so none of them belongs
/// to a write in progress.
fn clean_leftovers<'a>(dir: &Path, names: impl Iterator<Item = &'a str>) {
    let mut folders = vec![dir.to_path_buf()];
    folders.extend(names.filter(|n| is_plain(n)).filter_map(|n| Path::new(n).parent()).map(|p| dir.join(p)));
    folders.sort();
    folders.dedup();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(TEMPORARY) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// What the last run wrote: its manifest, or, in a folder written before manifests,
/// whichever of sandtable's output names are there.
fn previous_outputs(dir: &Path) -> Vec<String> {
    match std::fs::read_to_string(dir.join(MANIFEST)) {
        Ok(text) => text
            .lines()
            .map(str::trim)
            // A manifest must not reach outside the folder.
            .filter(|l| is_plain(l))
            .map(str::to_owned)
            .collect(),
        Err(_) => KNOWN.iter().filter(|n| dir.join(n).is_file()).map(|n| (*n).to_owned()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .map(|r| r.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    #[test]
    fn a_narrower_set_removes_what_the_last_run_wrote_and_nothing_else() {
        let tmp = tempfile::tempdir().expect("temp dir");
        std::fs::write(tmp.path().join("journal.jsonl"), "{}\n").expect("write");
        write_set(tmp.path(), &[("report.md", "old".into()), ("report.html", "old".into())]).expect("first");
        write_set(tmp.path(), &[("report.html", "new".into())]).expect("second");
        assert_eq!(names(tmp.path()), [".sandtable.lock", ".sandtable.manifest", "journal.jsonl", "report.html"]);
        assert_eq!(std::fs::read_to_string(tmp.path().join("report.html")).unwrap_or_default(), "new");
    }

    #[test]
    fn leftovers_of_a_killed_write_are_cleaned_on_the_next_start() {
        let tmp = tempfile::tempdir().expect("temp dir");
        std::fs::write(tmp.path().join(".sandtable-a1b2c3"), "half").expect("write");
        write_set(tmp.path(), &[("results.json", "{}".into())]).expect("writes");
        assert!(!tmp.path().join(".sandtable-a1b2c3").exists());
    }

    #[test]
    fn a_second_writer_is_refused_while_the_first_holds_the_lock() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let held = lock(tmp.path()).expect("first lock");
        let second = write_set(tmp.path(), &[("results.json", "{}".into())]);
        assert!(matches!(&second, Err(Error::Failed(m)) if m.contains("another sandtable is writing")), "{second:?}");
        drop(held);
        write_set(tmp.path(), &[("results.json", "{}".into())]).expect("free again");
    }

    #[test]
    fn inputs_in_subfolders_join_the_set_and_leave_with_it() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let first = [("results.json", "{}".to_owned()), ("inputs/old/plan.yaml", "a".to_owned())];
        write_set(tmp.path(), &first).expect("first");
        std::fs::write(tmp.path().join("inputs/old/.sandtable-x1"), "half").expect("leftover");
        write_set(tmp.path(), &[("results.json", "{}".to_owned()), ("inputs/new.yaml", "b".to_owned())])
            .expect("second");
        assert_eq!(names(&tmp.path().join("inputs")), ["new.yaml"]);
        let manifest = std::fs::read_to_string(tmp.path().join(MANIFEST)).unwrap_or_default();
        assert_eq!(manifest, "results.json\ninputs/new.yaml\n");
    }

    #[test]
    fn no_name_and_no_manifest_line_reaches_outside_the_folder() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = tmp.path().join("out");
        for name in ["../escape", "inputs/../../escape", "/etc/escape", "a//b", ""] {
            assert!(write_set(&out, &[(name, String::new())]).is_err(), "{name}");
        }
        std::fs::write(tmp.path().join("keep"), "mine").expect("write");
        std::fs::write(out.join(MANIFEST), "../keep\ninputs/../../keep\n").expect("manifest");
        write_set(&out, &[("results.json", "{}".to_owned())]).expect("writes");
        assert!(tmp.path().join("keep").exists());
    }
}
