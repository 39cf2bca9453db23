//! Errors of the core and the one error that crosses the IPC boundary.
//!
//! Contract:
//! - Every fallible core function returns [`Result<T>`] with the core [`Error`], whose variants say
//!   *what* failed with the data needed to explain it (paths, versions, field names).
//! - [`ApiError`] (`{ kind, message, details }`) is what the desktop sends to the UI and what the
//!   CLI prints (`errore: <message>`). It is built in exactly one place,
//!   `impl From<Error> for ApiError`, with an Italian message that says what was wrong and how to
//!   fix it.
//! - The `Display` of [`Error`] is a short technical English text for logs; users see the
//!   [`ApiError`] message.

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Result type of the core crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What kind of record a [`Error::NotFound`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Comune,
    Zone,
    Person,
    Organisation,
    Role,
    Meeting,
    /// An invitation to a meeting.
    Invitation,
    /// A follow-up action.
    Action,
    /// A saved filter of a list.
    SavedFilter,
    /// A database or other file given by path.
    File,
}

/// The core error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A record or file that does not exist.
    #[error("{what:?} not found: {key}")]
    NotFound { what: Entity, key: String },

    /// User input that breaks a rule; `details` names the fields.
    #[error("validation failed: {message}")]
    Validation {
        message: String,
        details: Vec<FieldError>,
    },

    /// The operation clashes with the current state (e.g. demo data over real data).
    #[error("conflict: {message}")]
    Conflict { message: String },

    /// The database was written by a newer Raccordo; it is left untouched.
    #[error("database {path:?} has schema {found}, this build supports up to {supported}")]
    DatabaseTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    /// The file is not a SQLite database, or it fails the integrity check; it is left untouched.
    #[error("database {path:?} is damaged or not a database: {reason}")]
    DatabaseCorrupt { path: PathBuf, reason: String },

    /// A valid SQLite database that is not a Raccordo database; it is left untouched.
    #[error("database {path:?} is a SQLite database of another application")]
    ForeignDatabase { path: PathBuf },

    /// Another process holds the database lock for longer than the busy timeout.
    #[error("database is locked")]
    DatabaseLocked,

    /// A file system operation failed.
    #[error("{op} {path:?}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The platform gives no data directory (no home directory) and `RACCORDO_DB` is not set.
    #[error("no platform data directory")]
    NoDataDir,

    /// An import file that cannot be read as a whole (encoding, header); row problems are reported
    /// in the import report instead.
    #[error("import of {file}: {reason}")]
    Import { file: String, reason: String },

    /// An input file over the size limit of the readers; nothing beyond the limit was read.
    #[error("input larger than {limit_bytes} bytes")]
    InputTooLarge { limit_bytes: u64 },

    /// A physical line of an input file over the length limit of the readers.
    #[error("line {line} longer than {limit_bytes} bytes")]
    LineTooLong { line: u32, limit_bytes: u64 },

    /// A column named in a CSV column mapping that the file does not have.
    #[error("unknown column {column:?} (headers: {headers:?})")]
    UnknownColumn {
        column: String,
        headers: Vec<String>,
    },

    /// An input that cannot be read as a whole in its format (empty, not a vCard, no header…).
    #[error("unreadable input: {reason}")]
    BadInput { reason: String },

    /// Applying migration `version` failed; the transaction was rolled back.
    #[error("migration {version} failed: {source}")]
    Migration {
        version: i64,
        #[source]
        source: rusqlite::Error,
    },

    /// Any other SQLite error.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),

    /// Long work (a batch export) stopped at the user's request; `what` names it in Italian
    /// ("L'esportazione dei verbali"). Nothing it wrote is left behind.
    #[error("cancelled: {what}")]
    Cancelled { what: &'static str },

    /// A broken invariant of the program itself (a bug), with a technical description.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// A validation error about one field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Error::Validation {
            details: vec![FieldError {
                field: field.to_owned(),
                message: message.clone(),
            }],
            message,
        }
    }

    /// Wraps an I/O error with the operation and path it concerns.
    pub fn io<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> Error + 'a {
        move |source| Error::Io {
            op,
            path: path.to_path_buf(),
            source,
        }
    }

    /// The kind this error is reported as.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Validation { .. } => ErrorKind::Validation,
            Error::Conflict { .. } => ErrorKind::Conflict,
            Error::DatabaseTooNew { .. } => ErrorKind::DatabaseTooNew,
            Error::DatabaseCorrupt { .. } | Error::ForeignDatabase { .. } => {
                ErrorKind::DatabaseCorrupt
            }
            Error::DatabaseLocked => ErrorKind::DatabaseLocked,
            Error::Io { .. } | Error::NoDataDir => ErrorKind::Io,
            Error::Import { .. }
            | Error::InputTooLarge { .. }
            | Error::LineTooLong { .. }
            | Error::UnknownColumn { .. }
            | Error::BadInput { .. } => ErrorKind::Import,
            Error::Migration { .. } | Error::Internal(_) => ErrorKind::Internal,
            Error::Cancelled { .. } => ErrorKind::Cancelled,
            Error::Sqlite(e) => match sqlite_code(e) {
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                    ErrorKind::DatabaseLocked
                }
                Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                    ErrorKind::DatabaseCorrupt
                }
                Some(ErrorCode::DiskFull | ErrorCode::CannotOpen | ErrorCode::SystemIoFailure) => {
                    ErrorKind::Io
                }
                _ => ErrorKind::Internal,
            },
        }
    }
}

/// The SQLite primary error code of a rusqlite error, if it carries one.
pub(crate) fn sqlite_code(e: &rusqlite::Error) -> Option<ErrorCode> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    }
}

/// Kind of an [`ApiError`], for the UI to choose how to react.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    NotFound,
    Validation,
    Conflict,
    DatabaseTooNew,
    DatabaseCorrupt,
    DatabaseLocked,
    Io,
    Import,
    /// Stopped at the user's request (not a failure to report as such).
    Cancelled,
    Internal,
}

/// A problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// The one error that crosses the IPC boundary and that the CLI prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub message: String,
    pub details: Vec<FieldError>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

impl From<Error> for ApiError {
    fn from(err: Error) -> Self {
        let kind = err.kind();
        let mut details = Vec::new();
        let message = match err {
            Error::NotFound { what, key } => match what {
                Entity::Comune => format!(
                    "Nessun comune toscano con codice ISTAT «{key}»: controlla il codice \
                     (6 cifre, ad esempio 048017 per Firenze) o cerca il comune per nome."
                ),
                Entity::Zone => format!(
                    "Zona-distretto {key} inesistente: scegli una delle zone elencate da \
                     «raccordo zone list»."
                ),
                Entity::Person => format!(
                    "Nessuna persona con identificativo {key}: cercala con «raccordo person \
                     list --search NOME» e usa l'identificativo mostrato."
                ),
                Entity::Organisation => format!(
                    "Nessuna organizzazione con identificativo {key}: cercala con «raccordo org \
                     list --search NOME» e usa l'identificativo mostrato."
                ),
                Entity::Role => format!(
                    "Nessun incarico con identificativo {key}: elenca gli incarichi con \
                     «raccordo role list» e usa l'identificativo mostrato."
                ),
                Entity::Meeting => format!(
                    "Nessun incontro con identificativo {key}: elenca gli incontri con \
                     «raccordo meeting list» e usa l'identificativo mostrato."
                ),
                Entity::Action => format!(
                    "Nessuna azione con identificativo {key}: elenca le azioni con «raccordo \
                     action list» e usa l'identificativo mostrato."
                ),
                Entity::SavedFilter => {
                    format!("Il filtro salvato {key} non esiste più: aggiorna l'elenco dei filtri.")
                }
                Entity::Invitation => {
                    format!("Nessun invito con identificativo {key}: riapri l'incontro e riprova.")
                }
                Entity::File => {
                    format!("Il file {key} non esiste: controlla il percorso e riprova.")
                }
            },
            Error::Validation {
                message,
                details: d,
            } => {
                details = d;
                message
            }
            Error::Conflict { message } => message,
            Error::DatabaseTooNew {
                path,
                found,
                supported,
            } => format!(
                "Il database {} è stato creato da una versione più recente di Raccordo \
                 (schema {found}, questa versione gestisce fino a {supported}): aggiorna Raccordo. \
                 Il file non è stato modificato.",
                path.display()
            ),
            Error::DatabaseCorrupt { path, reason } => format!(
                "Il file {} non è un database di Raccordo leggibile ({reason}): è danneggiato o \
                 non è un database. Il file non è stato modificato; ripristina un backup con \
                 «raccordo restore FILE» oppure indica un altro file con --db.",
                path.display()
            ),
            Error::ForeignDatabase { path } => format!(
                "Il file {} è un database SQLite di un'altra applicazione, non di Raccordo. \
                 Il file non è stato modificato; indica il database di Raccordo con --db.",
                path.display()
            ),
            Error::DatabaseLocked => "Il database è in uso da un altro processo (forse Raccordo \
                 è già aperto in un'altra finestra): chiudi l'altra istanza e riprova."
                .to_owned(),
            Error::Io { op, path, source } => format!(
                "Operazione non riuscita sul file {} ({op}: {source}): controlla che il percorso \
                 esista, che ci sia spazio su disco e che tu abbia i permessi.",
                path.display()
            ),
            Error::NoDataDir => "Non trovo la cartella dei dati dell'utente (manca la cartella \
                 home): indica il database con --db FILE o con la variabile RACCORDO_DB."
                .to_owned(),
            Error::Import { file, reason } => format!(
                "Importazione di {file} non riuscita: {reason}. Nessuna modifica applicata."
            ),
            Error::InputTooLarge { limit_bytes } => format!(
                "Il file è troppo grande (il limite è {} MB): dividilo in più file e importali \
                 uno alla volta. Nessuna modifica applicata.",
                limit_bytes / (1024 * 1024)
            ),
            Error::LineTooLong { line, limit_bytes } => format!(
                "La riga {line} del file è troppo lunga (oltre {} KB): il file è danneggiato o \
                 non è del tipo atteso. Nessuna modifica applicata.",
                limit_bytes / 1024
            ),
            Error::UnknownColumn { column, headers } => {
                let message = format!(
                    "Il file non ha una colonna «{column}». Le colonne del file sono: {}. \
                     Correggi la corrispondenza delle colonne (--map COLONNA=CAMPO).",
                    headers
                        .iter()
                        .map(|h| format!("«{h}»"))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                details.push(FieldError {
                    field: column,
                    message: message.clone(),
                });
                message
            }
            Error::BadInput { reason } => {
                format!("Il file non è leggibile: {reason}. Nessuna modifica applicata.")
            }
            Error::Migration { version, source } => format!(
                "Aggiornamento del database alla versione {version} non riuscito ({source}): \
                 nessuna modifica applicata. Segnala il problema agli sviluppatori allegando \
                 il file di backup pre-migrazione."
            ),
            Error::Sqlite(e) => match kind {
                ErrorKind::DatabaseLocked => {
                    "Il database è in uso da un altro processo (forse \
                     Raccordo è già aperto in un'altra finestra): chiudi l'altra istanza e riprova."
                        .to_owned()
                }
                ErrorKind::DatabaseCorrupt => format!(
                    "Il database è danneggiato ({e}): ripristina un backup con \
                     «raccordo restore FILE»."
                ),
                ErrorKind::Io => format!(
                    "Errore di scrittura sul disco ({e}): controlla lo spazio libero e i permessi, \
                     poi riprova."
                ),
                _ => format!(
                    "Errore interno del database ({e}): segnala il problema agli sviluppatori."
                ),
            },
            Error::Cancelled { what } => format!(
                "{what} è stata annullata: non è rimasto nessun file a metà e i file che c'erano \
                 già non sono stati toccati."
            ),
            Error::Internal(msg) => {
                format!("Errore interno ({msg}): segnala il problema agli sviluppatori.")
            }
        };
        ApiError {
            kind,
            message,
            details,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_new_message_names_versions_and_says_untouched() {
        let api = ApiError::from(Error::DatabaseTooNew {
            path: PathBuf::from("/tmp/x.sqlite"),
            found: 9,
            supported: 2,
        });
        assert_eq!(
            api.kind,
            ErrorKind::DatabaseTooNew,
            "kind must be database_too_new"
        );
        assert!(
            api.message.contains("schema 9") && api.message.contains("fino a 2"),
            "message must name both versions: {}",
            api.message
        );
        assert!(
            api.message.contains("non è stato modificato"),
            "message must reassure the file was not modified: {}",
            api.message
        );
    }

    #[test]
    fn validation_keeps_field_details() {
        let api = ApiError::from(Error::invalid("name", "Il nome è obbligatorio."));
        assert_eq!(api.kind, ErrorKind::Validation, "kind must be validation");
        assert_eq!(api.details.len(), 1, "one field detail expected");
        assert_eq!(api.details[0].field, "name", "detail must name the field");
    }

    #[test]
    fn busy_sqlite_error_is_locked_kind() {
        let e = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        );
        assert_eq!(
            Error::Sqlite(e).kind(),
            ErrorKind::DatabaseLocked,
            "SQLITE_BUSY must surface as database_locked"
        );
    }

    #[test]
    fn error_kind_serialises_snake_case() {
        let json = serde_json::to_string(&ErrorKind::DatabaseTooNew).unwrap_or_default();
        assert_eq!(
            json, "\"database_too_new\"",
            "wire name must match the contract"
        );
    }
}
