//! Files attached to a meeting, kept beside the database.
//!
//! Contract: an attached file is COPIED into `<database stem>-allegati/<meeting id>/` next to the
//! database file (so a memory stick or a cloud-synced folder carries the database and its files
//! together); the original is never touched. The copy is atomic (temporary file, fsync, rename)
//! and its SHA-256 is recorded; the row is written in one transaction with an audit entry, and
//! if that transaction fails the copy is removed. Removing an attachment deletes the row first,
//! then the file; a file left behind by a crash is an orphan that [`prune_orphans`] deletes
//! (only orphans older than an hour, so a copy in progress in another process is never touched).
//! The webview never receives a path: the desktop shell asks [`attachment_path`] and opens the
//! file with the system viewer itself.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::read::meeting;
use super::types::Attachment;
use crate::audit::{self, AuditAction};
use crate::db::Store;
use crate::error::{Entity, Error, Result};
use crate::interchange::atomic_write;
use crate::interchange::filename::safe_file_name;
use crate::time;

/// Largest file that can be attached.
pub const MAX_ATTACHMENT_BYTES: u64 = 200 * 1024 * 1024;

/// The folder of the attachments of the database at `db_path`.
pub fn attachments_dir(db_path: &Path) -> PathBuf {
    let stem = db_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "raccordo".to_owned());
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(format!("{stem}-allegati"))
}

/// The user's file name split into a safe stem and a short, safe extension.
fn stored_file_name(original: &str) -> String {
    let (stem, ext) = match original.rsplit_once('.') {
        Some((s, e))
            if !s.is_empty() && e.len() <= 10 && e.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            (s, Some(e.to_ascii_lowercase()))
        }
        _ => (original, None),
    };
    let stem = safe_file_name(stem, "allegato");
    match ext {
        Some(e) => format!("{stem}.{e}"),
        None => stem,
    }
}

/// Copies `source` beside the database and attaches it to meeting `meeting_id`.
pub fn add_attachment(store: &Store, meeting_id: i64, source: &Path) -> Result<Attachment> {
    store.read(|c| meeting(c, meeting_id).map(|_| ()))?;
    let meta = fs::metadata(source).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound {
            what: Entity::File,
            key: source.display().to_string(),
        },
        _ => Error::io("lettura", source)(e),
    })?;
    if !meta.is_file() {
        return Err(Error::invalid(
            "file",
            format!(
                "{} non è un file: scegli un documento da allegare.",
                source.display()
            ),
        ));
    }
    if meta.len() > MAX_ATTACHMENT_BYTES {
        return Err(Error::InputTooLarge {
            limit_bytes: MAX_ATTACHMENT_BYTES,
        });
    }
    let original = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "allegato".to_owned());
    let original: String = original
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    let token: String =
        store.read(|c| Ok(c.query_row("SELECT lower(hex(randomblob(6)))", [], |r| r.get(0))?))?;
    let relative = format!("{meeting_id}/{token}-{}", stored_file_name(&original));
    let dir = attachments_dir(store.path());
    let target = dir.join(&relative);
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent).map_err(Error::io("creazione della cartella", parent))?;
    }
    let mut input = File::open(source).map_err(Error::io("lettura", source))?;
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    atomic_write(&target, |w| {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = input.read(&mut buf).map_err(Error::io("lettura", source))?;
            if n == 0 {
                break;
            }
            size += n as u64;
            if size > MAX_ATTACHMENT_BYTES {
                return Err(Error::InputTooLarge {
                    limit_bytes: MAX_ATTACHMENT_BYTES,
                });
            }
            hasher.update(&buf[..n]);
            w.write_all(&buf[..n])
                .map_err(Error::io("scrittura", &target))?;
        }
        Ok(())
    })?;
    let sha = hex(&hasher.finalize());
    let saved = store.write(|tx| {
        tx.execute(
            "INSERT INTO meeting_attachment (meeting_id, file_name, stored_name, size_bytes,
                sha256, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                meeting_id,
                original,
                relative,
                size as i64,
                sha,
                time::now_utc()
            ],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(
            tx,
            AuditAction::Update,
            "meeting",
            Some(&meeting_id.to_string()),
            &format!("Incontro {meeting_id}: allegato un file ({size} byte)"),
            Some(&json!({ "fields": ["attachments"], "attachment": id })),
        )?;
        attachment(tx, id)
    });
    if saved.is_err() {
        let _ = fs::remove_file(&target);
    }
    saved
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn attachment(conn: &Connection, id: i64) -> Result<Attachment> {
    let row: Option<(i64, String, i64, String)> = conn
        .query_row(
            "SELECT id, file_name, size_bytes, added_at FROM meeting_attachment WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let (id, file_name, size_bytes, at) = row.ok_or_else(|| Error::NotFound {
        what: Entity::File,
        key: format!("allegato {id}"),
    })?;
    Ok(Attachment {
        id,
        file_name,
        size_bytes,
        added_at: time::parse_instant(&at)?,
    })
}

/// Where the copy of attachment `id` is, checked to exist and to be the file that was attached
/// (same size and SHA-256); the desktop opens it with the system viewer.
pub fn attachment_path(store: &Store, id: i64) -> Result<PathBuf> {
    let (stored, size, sha): (String, i64, String) = store
        .read(|c| {
            Ok(c.query_row(
                "SELECT stored_name, size_bytes, sha256 FROM meeting_attachment WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?)
        })?
        .ok_or_else(|| Error::NotFound {
            what: Entity::File,
            key: format!("allegato {id}"),
        })?;
    let path = attachments_dir(store.path()).join(&stored);
    let mut file = File::open(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::Conflict {
            message: format!(
                "La copia dell'allegato non si trova più in {}: è stata spostata o cancellata \
                 fuori da Raccordo. Togli l'allegato e allegalo di nuovo.",
                path.display()
            ),
        },
        _ => Error::io("lettura", &path)(e),
    })?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut read: i64 = 0;
    loop {
        let n = file.read(&mut buf).map_err(Error::io("lettura", &path))?;
        if n == 0 {
            break;
        }
        read += n as i64;
        hasher.update(&buf[..n]);
    }
    if read != size || hex(&hasher.finalize()) != sha {
        return Err(Error::Conflict {
            message: format!(
                "La copia dell'allegato in {} è stata modificata fuori da Raccordo (non \
                 corrisponde più al file allegato). Togli l'allegato e allegalo di nuovo.",
                path.display()
            ),
        });
    }
    Ok(path)
}

/// Removes attachment `id` (row, then file); returns what was removed.
pub fn remove_attachment(store: &Store, id: i64) -> Result<Attachment> {
    let (removed, stored) = store.write(|tx| {
        let a = attachment(tx, id)?;
        let (meeting_id, stored): (i64, String) = tx.query_row(
            "SELECT meeting_id, stored_name FROM meeting_attachment WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        tx.execute("DELETE FROM meeting_attachment WHERE id = ?1", [id])?;
        audit::record(
            tx,
            AuditAction::Update,
            "meeting",
            Some(&meeting_id.to_string()),
            &format!("Incontro {meeting_id}: tolto un allegato"),
            Some(&json!({ "fields": ["attachments"], "attachment": id })),
        )?;
        Ok((a, stored))
    })?;
    // The row is gone: a file that cannot be removed now is an orphan for prune_orphans.
    let _ = fs::remove_file(attachments_dir(store.path()).join(stored));
    Ok(removed)
}

/// Deletes files in the attachments folder that no row refers to and that are older than an
/// hour (left by a crash, or by meetings deleted since); returns how many.
pub fn prune_orphans(store: &Store) -> Result<usize> {
    let dir = attachments_dir(store.path());
    let Ok(meetings) = fs::read_dir(&dir) else {
        return Ok(0);
    };
    let known: std::collections::HashSet<String> = store.read(|c| {
        let mut s = c.prepare("SELECT stored_name FROM meeting_attachment")?;
        let rows = s.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })?;
    let cutoff = SystemTime::now() - Duration::from_secs(3600);
    let mut removed = 0;
    for m in meetings.flatten() {
        let Ok(files) = fs::read_dir(m.path()) else {
            continue;
        };
        for f in files.flatten() {
            let rel = format!(
                "{}/{}",
                m.file_name().to_string_lossy(),
                f.file_name().to_string_lossy()
            );
            let old = f
                .metadata()
                .and_then(|md| md.modified())
                .is_ok_and(|t| t < cutoff);
            if old && !known.contains(&rel) && fs::remove_file(f.path()).is_ok() {
                removed += 1;
            }
        }
        let _ = fs::remove_dir(m.path()); // only succeeds when empty
    }
    Ok(removed)
}
