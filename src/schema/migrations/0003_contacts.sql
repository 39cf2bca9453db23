-- 0003: contacts — organisations, people (with GDPR fields), e-mails, phones, tags, roles over
-- time, dated relations of Unioni (member comuni) and SdS (zone), erased-person tombstones and the
-- full-text index. The seeding hook (contacts::seed) inserts one organisation per comune, the 3
-- ASL, the region, the 10 prefetture and ANCI Toscana in the same transaction.
-- Dates are ISO 'YYYY-MM-DD' text (text order = date order); validity periods are inclusive,
-- NULL valid_from = "since an unknown date", NULL valid_to = "still valid".

CREATE TABLE organisation (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('comune', 'unione', 'sds', 'zona', 'asl',
                      'prefettura', 'regione', 'anci', 'ente_gestore', 'associazione', 'altro')),
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_folded   TEXT NOT NULL,
    istat_code    TEXT REFERENCES comune (istat_code),
    zone_id       INTEGER REFERENCES zone (id),
    asl_code      TEXT REFERENCES asl (code),
    province_code TEXT REFERENCES province (code),
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE INDEX organisation_name ON organisation (name_folded);
CREATE INDEX organisation_kind ON organisation (kind, name_folded);
CREATE INDEX organisation_istat ON organisation (istat_code);
CREATE UNIQUE INDEX organisation_one_comune ON organisation (istat_code) WHERE kind = 'comune';

-- AUTOINCREMENT: the id of an erased or merged person is never given to someone else, so a
-- tombstone (and later meeting history) keeps pointing at nobody rather than at a new person.
CREATE TABLE person (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    given_name      TEXT NOT NULL DEFAULT '',
    family_name     TEXT NOT NULL DEFAULT '',
    honorific       TEXT,
    notes           TEXT NOT NULL DEFAULT '',
    legal_basis     TEXT CHECK (legal_basis IN ('consent', 'contract', 'legal_obligation',
                        'vital_interests', 'public_task', 'legitimate_interests')),
    data_source     TEXT,
    retention_until TEXT CHECK (retention_until IS NULL OR
                        retention_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    restricted      INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
    sort_key        TEXT NOT NULL,   -- folded "family given", for ordering lists
    name_key        TEXT NOT NULL,   -- folded given and family sorted: "swapped" names meet
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX person_sort ON person (sort_key, id);
CREATE INDEX person_name_key ON person (name_key);

CREATE TABLE person_email (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    email       TEXT NOT NULL,        -- as written
    email_lower TEXT NOT NULL,        -- for matching
    label       TEXT NOT NULL DEFAULT '',
    is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    UNIQUE (person_id, email_lower)
) STRICT;

CREATE INDEX person_email_lower ON person_email (email_lower);

CREATE TABLE person_phone (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    phone       TEXT NOT NULL,        -- as written
    phone_norm  TEXT NOT NULL,        -- digits (and a leading +) without +39/0039
    label       TEXT NOT NULL DEFAULT '',
    is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    UNIQUE (person_id, phone_norm)
) STRICT;

CREATE INDEX person_phone_norm ON person_phone (phone_norm);

CREATE TABLE person_tag (
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    PRIMARY KEY (person_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX person_tag_tag ON person_tag (tag);

CREATE TABLE role (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id),
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    title_folded    TEXT NOT NULL,
    valid_from      TEXT CHECK (valid_from IS NULL OR
                        valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    valid_to        TEXT CHECK (valid_to IS NULL OR
                        valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from)
) STRICT;

CREATE INDEX role_org ON role (organisation_id, title_folded, valid_from);
CREATE INDEX role_person ON role (person_id, valid_from);

CREATE TABLE unione_member (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    istat_code TEXT NOT NULL REFERENCES comune (istat_code),
    valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    valid_to   TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from)
) STRICT;

CREATE INDEX unione_member_org ON unione_member (org_id, valid_from);
CREATE INDEX unione_member_comune ON unione_member (istat_code, valid_from);

CREATE TABLE sds_zone (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    zone_id    INTEGER NOT NULL REFERENCES zone (id),
    valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    valid_to   TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from)
) STRICT;

CREATE INDEX sds_zone_org ON sds_zone (org_id, valid_from);
CREATE INDEX sds_zone_zone ON sds_zone (zone_id, valid_from);

-- An erased person (GDPR art. 17): only the id and the moment survive, so history that points at
-- the id can show "partecipante rimosso".
CREATE TABLE person_tombstone (
    id        INTEGER PRIMARY KEY,
    erased_at TEXT NOT NULL
) STRICT;

-- Full-text index over people, organisations and roles, maintained by contacts::search in the
-- same transaction as every change. rowid = id * 4 + (1 person | 2 organisation | 3 role).
CREATE VIRTUAL TABLE contact_fts USING fts5 (
    kind UNINDEXED,
    ref_id UNINDEXED,
    name,
    body,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '1 2'                                -- first keystrokes answered from an index
);
-- Deleted rows leave no token behind in the index (erasure must really erase).
INSERT INTO contact_fts (contact_fts, rank) VALUES ('secure-delete', 1);
