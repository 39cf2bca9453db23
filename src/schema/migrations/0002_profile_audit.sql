-- 0002: the coordinator's profile (one row) and the append-only audit log.

CREATE TABLE profile (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    coordinator_name TEXT NOT NULL,
    organisation     TEXT NOT NULL,
    updated_at       TEXT NOT NULL           -- UTC, RFC 3339
) STRICT;

-- Every create, update, delete, import and export is recorded here; rows are never changed.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,                 -- UTC, RFC 3339
    action    TEXT NOT NULL,                 -- create | update | delete | import | export | migrate
    entity    TEXT NOT NULL,                 -- e.g. 'zone', 'comune_zone', 'profile', 'database'
    entity_id TEXT,
    summary   TEXT NOT NULL,                 -- one readable Italian line
    details   TEXT                           -- JSON, optional
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
