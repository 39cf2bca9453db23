-- 0004: meetings — the calendar of conferences and meetings: scope, invitations resolved to the
-- people in office on the meeting date, attendance with delegates, agenda items, status history,
-- recurring series (materialised occurrences plus the rule and its exceptions) and attachments.
-- Instants are UTC text 'YYYY-MM-DDTHH:MM:SSZ' (text order = time order); the interface shows
-- them in Europe/Rome. People are referenced by id WITHOUT a foreign key, as in the rest of the
-- history: ids are never reused (person AUTOINCREMENT), so an erased participant shows as
-- "partecipante rimosso" and the meeting keeps its shape.

-- A recurring series: the rule (RFC 5545 RRULE value) and the UID its occurrences share.
CREATE TABLE meeting_series (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE CHECK (length(uid) > 0),
    rrule      TEXT NOT NULL CHECK (length(rrule) > 0),
    created_at TEXT NOT NULL
) STRICT;

-- Occurrences removed from a series (EXDATE): the original start of each.
CREATE TABLE meeting_series_exdate (
    series_id     INTEGER NOT NULL REFERENCES meeting_series (id) ON DELETE CASCADE,
    occurrence_at TEXT NOT NULL,
    PRIMARY KEY (series_id, occurrence_at)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    uid            TEXT NOT NULL CHECK (length(uid) > 0),   -- iCalendar UID (the series' one)
    series_id      INTEGER REFERENCES meeting_series (id) ON DELETE CASCADE,
    recurrence_id  TEXT,             -- original start of this occurrence (RECURRENCE-ID)
    sequence       INTEGER NOT NULL DEFAULT 0,              -- iCalendar SEQUENCE
    kind           TEXT NOT NULL CHECK (kind IN ('conferenza_zonale', 'conferenza_aziendale',
                       'conferenza_regionale', 'direttori_sds', 'giunta_unione',
                       'incontro_sindaco', 'zona_distretto', 'prefettura', 'altro')),
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    title_folded   TEXT NOT NULL,
    starts_at      TEXT NOT NULL CHECK (starts_at GLOB
                       '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    ends_at        TEXT NOT NULL CHECK (ends_at GLOB
                       '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
    all_day        INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
    place          TEXT NOT NULL DEFAULT '',
    link           TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL CHECK (status IN ('planned', 'confirmed', 'held', 'postponed',
                       'cancelled')),
    scope_kind     TEXT NOT NULL CHECK (scope_kind IN ('none', 'region', 'asl', 'zone',
                       'province', 'unione', 'comune')),
    scope_asl      TEXT REFERENCES asl (code),
    scope_zone_id  INTEGER REFERENCES zone (id),
    scope_province TEXT REFERENCES province (code),
    scope_org_id   INTEGER REFERENCES organisation (id),
    -- Denormalised for the calendar filters: the ASL and zone the scope lies in (NULL when it
    -- spans more than one), computed by the core at every write.
    filter_asl     TEXT REFERENCES asl (code),
    filter_zone_id INTEGER REFERENCES zone (id),
    organiser      TEXT NOT NULL DEFAULT '',
    description    TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (ends_at >= starts_at),
    CHECK ((series_id IS NULL) = (recurrence_id IS NULL))
) STRICT;

CREATE UNIQUE INDEX meeting_uid ON meeting (uid, coalesce(recurrence_id, ''));
CREATE INDEX meeting_start ON meeting (starts_at);
CREATE INDEX meeting_asl_start ON meeting (filter_asl, starts_at);
CREATE INDEX meeting_zone_start ON meeting (filter_zone_id, starts_at);
CREATE INDEX meeting_kind_start ON meeting (kind, starts_at);
CREATE INDEX meeting_scope_org ON meeting (scope_org_id);
CREATE INDEX meeting_series_occ ON meeting (series_id, recurrence_id);

-- The comuni of a meeting whose scope is one or more comuni.
CREATE TABLE meeting_comune (
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    istat_code TEXT NOT NULL REFERENCES comune (istat_code),
    PRIMARY KEY (meeting_id, istat_code)
) STRICT, WITHOUT ROWID;

CREATE INDEX meeting_comune_comune ON meeting_comune (istat_code, meeting_id);

CREATE TABLE meeting_status_change (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('planned', 'confirmed', 'held', 'postponed',
                   'cancelled')),
    changed_at TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX meeting_status_change_meeting ON meeting_status_change (meeting_id, id);

-- Who is invited: a person, an office (organisation + title) resolved to the person holding it
-- on the meeting date, or both; and how they took part.
CREATE TABLE meeting_invitation (
    id                 INTEGER PRIMARY KEY,
    meeting_id         INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    person_id          INTEGER,        -- no FK: see the header
    organisation_id    INTEGER REFERENCES organisation (id) ON DELETE SET NULL,
    title              TEXT NOT NULL DEFAULT '',
    attendance         TEXT NOT NULL DEFAULT 'invited' CHECK (attendance IN ('invited',
                           'present', 'absent', 'excused', 'delegated')),
    delegate_person_id INTEGER,        -- no FK: see the header
    delegate_name      TEXT NOT NULL DEFAULT '',
    note               TEXT NOT NULL DEFAULT '',
    CHECK (person_id IS NOT NULL OR organisation_id IS NOT NULL OR length(title) > 0),
    CHECK (attendance = 'delegated' OR (delegate_person_id IS NULL AND delegate_name = ''))
) STRICT;

CREATE INDEX meeting_invitation_meeting ON meeting_invitation (meeting_id, position);
CREATE UNIQUE INDEX meeting_invitation_person ON meeting_invitation (meeting_id, person_id)
    WHERE person_id IS NOT NULL;
CREATE INDEX meeting_invitation_by_person ON meeting_invitation (person_id);
CREATE INDEX meeting_invitation_by_delegate ON meeting_invitation (delegate_person_id);
CREATE INDEX meeting_invitation_org ON meeting_invitation (organisation_id);

CREATE TABLE agenda_item (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    presenter    TEXT NOT NULL DEFAULT '',
    duration_min INTEGER CHECK (duration_min IS NULL OR duration_min BETWEEN 1 AND 1440),
    notes        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);

-- Files attached to a meeting, copied beside the database (folder "allegati/<meeting id>/").
CREATE TABLE meeting_attachment (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL CHECK (length(file_name) > 0),  -- as the user named it
    stored_name TEXT NOT NULL UNIQUE,                          -- relative to the data folder
    size_bytes  INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256      TEXT NOT NULL,
    added_at    TEXT NOT NULL
) STRICT;

CREATE INDEX meeting_attachment_meeting ON meeting_attachment (meeting_id);

-- Reminders of meetings while the app runs (desktop notification and in-app notice): how long
-- before the start, in minutes, comma-separated ('' = off). One row, id = 1; absent = default.
CREATE TABLE meeting_reminder_setting (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    leads       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- Reminders already given, so that a restart does not repeat them; keyed by the start they
-- announced, so that a moved meeting is announced again.
CREATE TABLE meeting_reminder_sent (
    meeting_id   INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    starts_at    TEXT NOT NULL,
    lead_minutes INTEGER NOT NULL,
    sent_at      TEXT NOT NULL,
    PRIMARY KEY (meeting_id, starts_at, lead_minutes)
) STRICT, WITHOUT ROWID;
