-- 0006: minutes (verbali) — one per meeting: the editable draft (per agenda item discussion and
-- decisions, closing notes, times and place), approval that locks it, and numbered revisions.
-- Every approved version is kept, frozen, as the exact document that was approved (so it can be
-- exported again as it was, even after the meeting or the directory changed).

CREATE TABLE minutes (
    meeting_id      INTEGER PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
    -- 0 = the first version; N = the Nth revision of an approved verbale.
    revision        INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
    revision_reason TEXT NOT NULL DEFAULT '',
    -- JSON of minutes::MinutesContent (rich text as a small AST, never HTML).
    content         TEXT NOT NULL CHECK (json_valid(content)),
    -- Folded plain text of the content, for search.
    search_text     TEXT NOT NULL DEFAULT '',
    drafted_by      TEXT NOT NULL DEFAULT '',
    drafted_org     TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    approved_at     TEXT,
    CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
    CHECK ((revision = 0) = (revision_reason = ''))
) STRICT;

CREATE INDEX minutes_status ON minutes (status);

-- An approved verbale is locked: its content cannot change while it stays approved (a
-- correction opens a new revision, which sets the status back to draft first).
CREATE TRIGGER minutes_locked BEFORE UPDATE OF content ON minutes
WHEN OLD.status = 'approved' AND NEW.status = 'approved'
BEGIN
    SELECT RAISE(ABORT, 'minutes approved: open a revision to change them');
END;

-- Every approved version, frozen.
CREATE TABLE minutes_version (
    meeting_id  INTEGER NOT NULL REFERENCES minutes (meeting_id) ON DELETE CASCADE,
    revision    INTEGER NOT NULL CHECK (revision >= 0),
    reason      TEXT NOT NULL DEFAULT '',
    -- JSON of minutes::MinutesDocument as approved.
    document    TEXT NOT NULL CHECK (json_valid(document)),
    approved_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, revision)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER minutes_version_frozen BEFORE UPDATE ON minutes_version
BEGIN
    SELECT RAISE(ABORT, 'an approved version of the minutes never changes');
END;
