//! Writing a batch of verbali (see [`super::batch`]): everything goes to a hidden staging folder
//! or file beside the destination, which [`Staged::commit`] renames into place; dropping a
//! [`Staged`] that was not committed removes the staging copy, so an error or a cancel leaves
//! nothing behind and never touches what was already there.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{Datelike, NaiveDateTime, Timelike};

use super::batch::BatchTarget;
use super::render::Format;
use crate::error::{Error, Result};
use crate::interchange::atomic_write;

/// The rendered bytes of item `i` (checks the cancel flag first).
pub(super) type Next<'a> = &'a mut dyn FnMut(usize) -> Result<Vec<u8>>;
/// Called with the number of files done.
pub(super) type Step<'a> = &'a mut dyn FnMut(usize);

static STAGING: AtomicU64 = AtomicU64::new(0);

/// A complete batch in its staging place, not yet visible under its final name.
pub(super) struct Staged {
    temp: PathBuf,
    dest: PathBuf,
    target: BatchTarget,
    armed: bool,
}

impl Staged {
    /// The final path (the new folder or the zip file).
    pub(super) fn dest(&self) -> &Path {
        &self.dest
    }

    /// Renames the staging copy into place.
    pub(super) fn commit(mut self) -> Result<PathBuf> {
        if self.target == BatchTarget::Folder && self.dest.symlink_metadata().is_ok() {
            return Err(Error::Conflict {
                message: format!(
                    "La cartella {} è stata creata da un altro programma durante \
                     l'esportazione: riprova, Raccordo sceglierà un altro nome.",
                    self.dest.display()
                ),
            });
        }
        fs::rename(&self.temp, &self.dest).map_err(Error::io("sostituzione", &self.dest))?;
        self.armed = false;
        if let Some(dir) = self.dest.parent().and_then(|p| fs::File::open(p).ok()) {
            // Durability of the rename; not supported on every platform/file system.
            let _ = dir.sync_all();
        }
        Ok(self.dest.clone())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if self.armed {
            let _ = match self.target {
                BatchTarget::Folder => fs::remove_dir_all(&self.temp),
                BatchTarget::Zip => fs::remove_file(&self.temp),
            };
        }
    }
}

/// A hidden name beside `final_name`, unique to this process and call.
fn staging_name(final_name: &str) -> String {
    let short: String = final_name.chars().take(60).collect();
    format!(
        ".{short}.parziale-{}-{}",
        std::process::id(),
        STAGING.fetch_add(1, Ordering::Relaxed)
    )
}

/// The first of `base`, `base-2`, `base-3`… that does not exist in `dir`.
fn free_name(dir: &Path, base: &str) -> String {
    let mut name = base.to_owned();
    let mut n = 2;
    while dir.join(&name).symlink_metadata().is_ok() {
        name = format!("{base}-{n}");
        n += 1;
    }
    name
}

/// Writes the files into a new folder `verbali-<day>` (or `-2`, …) inside `parent`.
pub(super) fn folder(
    parent: &Path,
    day: &str,
    names: &[String],
    next: Next,
    step: Step,
) -> Result<Staged> {
    if !parent.is_dir() {
        return Err(Error::invalid(
            "dest",
            format!(
                "La cartella {} non esiste o non è una cartella: scegline un'altra.",
                parent.display()
            ),
        ));
    }
    let final_name = free_name(parent, &format!("verbali-{day}"));
    let temp = parent.join(staging_name(&final_name));
    fs::create_dir(&temp).map_err(Error::io("creazione della cartella", &temp))?;
    let staged = Staged {
        temp: temp.clone(),
        dest: parent.join(final_name),
        target: BatchTarget::Folder,
        armed: true,
    };
    for (i, name) in names.iter().enumerate() {
        let bytes = next(i)?;
        let path = temp.join(name);
        atomic_write(&path, |w| {
            w.write_all(&bytes).map_err(Error::io("scrittura", &path))
        })?;
        step(i + 1);
    }
    Ok(staged)
}

/// Writes the files as the entries of the zip file `dest`.
pub(super) fn zip(
    dest: &Path,
    names: &[String],
    format: Format,
    created: NaiveDateTime,
    next: Next,
    step: Step,
) -> Result<Staged> {
    if dest.is_dir() {
        return Err(Error::invalid(
            "dest",
            format!(
                "{} è una cartella: scegli un nome di file .zip.",
                dest.display()
            ),
        ));
    }
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Error::invalid(
            "dest",
            format!(
                "La cartella {} non esiste: scegli dove salvare il file .zip.",
                dir.display()
            ),
        ));
    }
    let file_name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "verbali.zip".to_owned());
    let temp = dir.join(staging_name(&file_name));
    let staged = Staged {
        temp: temp.clone(),
        dest: dest.to_path_buf(),
        target: BatchTarget::Zip,
        armed: true,
    };
    let zip_err = |e: zip::result::ZipError| match e {
        zip::result::ZipError::Io(source) => Error::Io {
            op: "scrittura",
            path: dest.to_path_buf(),
            source,
        },
        other => Error::Internal(format!("writing the zip file: {other}")),
    };
    // PDF, DOCX and ODT are compressed already: stored, not deflated again.
    let method = match format {
        Format::Md | Format::Html => zip::CompressionMethod::Deflated,
        _ => zip::CompressionMethod::Stored,
    };
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(zip_time(created));
    atomic_write(&temp, |w| {
        let mut z = zip::ZipWriter::new_stream(w);
        for (i, name) in names.iter().enumerate() {
            let bytes = next(i)?;
            z.start_file(name.as_str(), opts).map_err(zip_err)?;
            z.write_all(&bytes).map_err(|e| zip_err(e.into()))?;
            step(i + 1);
        }
        z.finish().map_err(zip_err)?;
        Ok(())
    })?;
    Ok(staged)
}

/// The entries' time (the zip format has no time zone: the local time, as archivers show it).
fn zip_time(t: NaiveDateTime) -> zip::DateTime {
    let small = |v: u32| u8::try_from(v).unwrap_or(0);
    u16::try_from(t.year())
        .ok()
        .and_then(|y| {
            zip::DateTime::from_date_and_time(
                y,
                small(t.month()),
                small(t.day()),
                small(t.hour()),
                small(t.minute()),
                small(t.second()),
            )
            .ok()
        })
        .unwrap_or_default()
}
