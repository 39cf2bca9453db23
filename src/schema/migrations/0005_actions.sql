-- 0005: follow-up actions — what was decided, who does it, by when — tracked per comune, with a
-- dated status history, links to the meeting (and agenda item) that decided them, to the comuni,
-- organisations and people they concern, and saved filters of the lists.
-- Dates are 'YYYY-MM-DD' (a due date is a day in Europe/Rome); instants are UTC text
-- 'YYYY-MM-DDTHH:MM:SSZ'. People are referenced by id WITHOUT a foreign key, as in the rest of
-- the history (ids are never reused): an erased owner reads "persona rimossa".

CREATE TABLE action (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    title_folded    TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    -- Who does it: nobody yet, the coordinator (the profile's name), or a directory person.
    owner_kind      TEXT NOT NULL CHECK (owner_kind IN ('none', 'coordinator', 'person')),
    owner_person_id INTEGER,        -- no FK: see the header
    due_date        TEXT CHECK (due_date IS NULL OR due_date GLOB
                        '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status          TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'waiting', 'done',
                        'cancelled')),
    priority        TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high')),
    meeting_id      INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
    agenda_item_id  INTEGER REFERENCES agenda_item (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    -- When it was completed or cancelled (NULL while it is open).
    closed_at       TEXT,
    CHECK ((owner_kind = 'person') = (owner_person_id IS NOT NULL)),
    CHECK ((status IN ('done', 'cancelled')) = (closed_at IS NOT NULL))
) STRICT;

-- The list's filters: open actions by due date, by owner, by meeting, by last change.
CREATE INDEX action_status_due ON action (status, due_date);
CREATE INDEX action_due ON action (due_date);
-- The list's default order (by due date, undated last) read straight from an index.
CREATE INDEX action_due_order ON action (coalesce(due_date, '9999-12-31'), id);
-- The open actions (dashboard, overdue) without touching the closed ones.
CREATE INDEX action_open_due ON action (due_date)
    WHERE status IN ('open', 'in_progress', 'waiting');
CREATE INDEX action_owner ON action (owner_person_id, due_date) WHERE owner_person_id IS NOT NULL;
CREATE INDEX action_meeting ON action (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX action_item ON action (agenda_item_id) WHERE agenda_item_id IS NOT NULL;
CREATE INDEX action_updated ON action (updated_at);

CREATE TABLE action_status_change (
    id         INTEGER PRIMARY KEY,
    action_id  INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'waiting', 'done',
                   'cancelled')),
    changed_at TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX action_status_change_action ON action_status_change (action_id, id);
CREATE INDEX action_status_change_at ON action_status_change (changed_at);

CREATE TABLE action_comune (
    action_id  INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    istat_code TEXT NOT NULL REFERENCES comune (istat_code),
    PRIMARY KEY (action_id, istat_code)
) STRICT, WITHOUT ROWID;

CREATE INDEX action_comune_comune ON action_comune (istat_code, action_id);

CREATE TABLE action_org (
    action_id       INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, organisation_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX action_org_org ON action_org (organisation_id, action_id);

CREATE TABLE action_person (
    action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL,     -- no FK: see the header
    PRIMARY KEY (action_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX action_person_person ON action_person (person_id, action_id);

-- The ASL and zones an action concerns, derived by the core at every write from its comuni
-- (their zone on the day of the write) and from the territory of its organisations: the
-- list's ASL and zone filters read it.
CREATE TABLE action_area (
    action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    asl_code  TEXT NOT NULL REFERENCES asl (code),
    zone_id   INTEGER NOT NULL DEFAULT 0,   -- 0 = the ASL as a whole (no zone known)
    PRIMARY KEY (action_id, asl_code, zone_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX action_area_asl ON action_area (asl_code, action_id);
CREATE INDEX action_area_zone ON action_area (zone_id, action_id);

-- Named filters of a list ("Le mie azioni in ritardo"): the query string of the list's URL.
CREATE TABLE saved_filter (
    id         INTEGER PRIMARY KEY,
    area       TEXT NOT NULL CHECK (area IN ('actions')),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    query      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (area, name)
) STRICT;
