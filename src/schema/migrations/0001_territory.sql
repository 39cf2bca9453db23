-- 0001: territory reference data (region, provinces, ASL, comuni), zones-distretto and the dated
-- membership of comuni in zones. Reference rows are inserted by the Rust seeding step that runs
-- in the same transaction (from assets/territory/toscana-comuni.csv); the zone names are a
-- template (confirmed = 0); the membership table starts EMPTY: it is never guessed.

PRAGMA application_id = 1380008771; -- 0x52414343, "RACC": marks the file as a Raccordo database

CREATE TABLE region (
    code TEXT PRIMARY KEY NOT NULL,          -- ISTAT region code, '09' = Toscana
    name TEXT NOT NULL
) STRICT;

CREATE TABLE province (
    code        TEXT PRIMARY KEY NOT NULL CHECK (length(code) = 3),   -- ISTAT, '048'
    name        TEXT NOT NULL,
    abbr        TEXT NOT NULL UNIQUE,                                  -- 'FI'
    nuts3       TEXT NOT NULL,
    region_code TEXT NOT NULL REFERENCES region (code)
) STRICT;

CREATE TABLE asl (
    code        TEXT PRIMARY KEY NOT NULL CHECK (code IN ('nord-ovest', 'centro', 'sud-est')),
    name        TEXT NOT NULL UNIQUE,
    sort_order  INTEGER NOT NULL,
    region_code TEXT NOT NULL REFERENCES region (code)
) STRICT;

CREATE TABLE comune (
    istat_code         TEXT PRIMARY KEY NOT NULL CHECK (length(istat_code) = 6),
    name               TEXT NOT NULL,
    name_folded        TEXT NOT NULL,   -- lower case, no diacritics, punctuation as spaces
    name_compact       TEXT NOT NULL,   -- name_folded without spaces ("valdarno" ~ "Val d'Arno")
    cadastral_code     TEXT NOT NULL UNIQUE,
    province_code      TEXT NOT NULL REFERENCES province (code),
    asl_code           TEXT NOT NULL REFERENCES asl (code),
    provincial_capital INTEGER NOT NULL CHECK (provincial_capital IN (0, 1)),
    nuts3              TEXT NOT NULL,
    population         INTEGER NOT NULL CHECK (population >= 0),
    population_year    INTEGER NOT NULL
) STRICT;

CREATE INDEX comune_province ON comune (province_code);
CREATE INDEX comune_asl ON comune (asl_code, name_folded);
CREATE INDEX comune_name_folded ON comune (name_folded);

CREATE TABLE zone (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_folded TEXT NOT NULL UNIQUE,
    asl_code    TEXT NOT NULL REFERENCES asl (code),
    confirmed   INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
    sort_order  INTEGER NOT NULL
) STRICT;

CREATE INDEX zone_asl ON zone (asl_code, sort_order);

-- Membership of a comune in a zone over a period; valid_to is inclusive, NULL = still valid.
-- Dates are ISO 'YYYY-MM-DD' text, so text comparison is date comparison.
CREATE TABLE comune_zone (
    id         INTEGER PRIMARY KEY,
    istat_code TEXT NOT NULL REFERENCES comune (istat_code),
    zone_id    INTEGER NOT NULL REFERENCES zone (id),
    valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    valid_to   TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from),
    source     TEXT NOT NULL,
    synthetic  INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1))
) STRICT;

CREATE INDEX comune_zone_comune ON comune_zone (istat_code, valid_from);
CREATE INDEX comune_zone_zone ON comune_zone (zone_id, valid_from);

-- A comune is in at most one zone on any date: reject overlapping periods.
CREATE TRIGGER comune_zone_no_overlap_insert BEFORE INSERT ON comune_zone
WHEN EXISTS (
    SELECT 1 FROM comune_zone o
    WHERE o.istat_code = NEW.istat_code
      AND o.valid_from <= coalesce(NEW.valid_to, '9999-12-31')
      AND coalesce(o.valid_to, '9999-12-31') >= NEW.valid_from
)
BEGIN
    SELECT RAISE(ABORT, 'comune_zone: overlapping membership periods');
END;

CREATE TRIGGER comune_zone_no_overlap_update BEFORE UPDATE ON comune_zone
WHEN EXISTS (
    SELECT 1 FROM comune_zone o
    WHERE o.istat_code = NEW.istat_code
      AND o.id <> OLD.id
      AND o.valid_from <= coalesce(NEW.valid_to, '9999-12-31')
      AND coalesce(o.valid_to, '9999-12-31') >= NEW.valid_from
)
BEGIN
    SELECT RAISE(ABORT, 'comune_zone: overlapping membership periods');
END;
