-- 0007: the SAI survey (ricognizione) per ente — Comune, Unione dei Comuni, Società della Salute.
-- One survey row per organisation with the project facts and the next step; the dated status
-- history beside it (the current status is the latest change by date, then by id, and is kept in
-- sai_survey.status by the core in the same transaction). Dates are ISO 'YYYY-MM-DD' text.
-- A change's source is a meeting (id), a person of the directory (id, no foreign key: an erased
-- person reads "partecipante rimosso") and/or a free text. Applies after 0006 (minutes); needs 0005 (follow-up actions):
-- next_step_action_id names the action created for the next step (no foreign key here, so the
-- survey never blocks the deletion of an action).

CREATE TABLE sai_survey (
    id                  INTEGER PRIMARY KEY,
    org_id              INTEGER NOT NULL UNIQUE REFERENCES organisation (id) ON DELETE CASCADE,
    status              TEXT NOT NULL CHECK (status IN ('not_engaged', 'informed', 'interested',
                            'evaluating', 'deliberation_adopted', 'application_submitted',
                            'active', 'expanding', 'declined')),
    status_since        TEXT NOT NULL CHECK (status_since GLOB
                            '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    titolare            TEXT NOT NULL DEFAULT '',   -- ente titolare (holder of the project)
    gestore             TEXT NOT NULL DEFAULT '',   -- ente attuatore / gestore (runs it)
    places_ordinari     INTEGER NOT NULL DEFAULT 0 CHECK (places_ordinari >= 0),
    places_dm_ds        INTEGER NOT NULL DEFAULT 0 CHECK (places_dm_ds >= 0),
    places_msna         INTEGER NOT NULL DEFAULT 0 CHECK (places_msna >= 0),
    funding_start       TEXT CHECK (funding_start IS NULL OR
                            funding_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    funding_end         TEXT CHECK (funding_end IS NULL OR
                            funding_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    triennial           INTEGER NOT NULL DEFAULT 0 CHECK (triennial IN (0, 1)),
    next_step           TEXT NOT NULL DEFAULT '',
    next_step_due       TEXT CHECK (next_step_due IS NULL OR
                            next_step_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    next_step_action_id INTEGER,
    notes               TEXT NOT NULL DEFAULT '',
    synthetic           INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1)),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CHECK (funding_start IS NULL OR funding_end IS NULL OR funding_end >= funding_start)
) STRICT;

CREATE INDEX sai_survey_status ON sai_survey (status);

CREATE TABLE sai_status_change (
    id                INTEGER PRIMARY KEY,
    survey_id         INTEGER NOT NULL REFERENCES sai_survey (id) ON DELETE CASCADE,
    status            TEXT NOT NULL CHECK (status IN ('not_engaged', 'informed', 'interested',
                          'evaluating', 'deliberation_adopted', 'application_submitted',
                          'active', 'expanding', 'declined')),
    on_date           TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note              TEXT NOT NULL DEFAULT '',
    source_meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
    source_person_id  INTEGER,
    source_text       TEXT NOT NULL DEFAULT '',
    recorded_at       TEXT NOT NULL
) STRICT;

CREATE INDEX sai_status_change_survey ON sai_status_change (survey_id, on_date, id);
CREATE INDEX sai_status_change_date ON sai_status_change (on_date);
