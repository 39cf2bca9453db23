-- 0008: the action lists answer fast at `demo --scale 10` (100,000 actions). Three derived
-- structures, kept current by triggers (no code path can forget them) and left out of dumps
-- (an import rebuilds them through the same triggers):
-- * action_asl: one row per action and ASL it concerns, with the action's status, open flag and
--   due key (coalesce(due_date, '9999-12-31')) copied, so "open actions of an ASL by due date",
--   their count, the board's counts of an ASL and the dashboard's open/overdue per ASL read
--   index ranges;
-- * an index in the order of "my actions by priority";
-- * action_title_fts: a trigram index of the folded titles, so a text search counts its matches
--   without reading every title.

CREATE TABLE action_asl (
    action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    asl_code  TEXT NOT NULL,
    status    TEXT NOT NULL,
    is_open   INTEGER NOT NULL,
    due_key   TEXT NOT NULL,
    PRIMARY KEY (action_id, asl_code)
) STRICT, WITHOUT ROWID;

CREATE INDEX action_asl_open_due ON action_asl (asl_code, is_open, due_key, action_id);
CREATE INDEX action_asl_status ON action_asl (asl_code, status);

INSERT INTO action_asl (action_id, asl_code, status, is_open, due_key)
SELECT DISTINCT r.action_id, r.asl_code, a.status, a.status IN ('open', 'in_progress', 'waiting'),
       coalesce(a.due_date, '9999-12-31')
FROM action_area r JOIN action a ON a.id = r.action_id;

CREATE TRIGGER action_area_asl_insert AFTER INSERT ON action_area BEGIN
    INSERT OR IGNORE INTO action_asl (action_id, asl_code, status, is_open, due_key)
    SELECT a.id, new.asl_code, a.status, a.status IN ('open', 'in_progress', 'waiting'),
           coalesce(a.due_date, '9999-12-31')
    FROM action a WHERE a.id = new.action_id;
END;

CREATE TRIGGER action_area_asl_delete AFTER DELETE ON action_area BEGIN
    DELETE FROM action_asl
    WHERE action_id = old.action_id AND asl_code = old.asl_code
      AND NOT EXISTS (SELECT 1 FROM action_area
                      WHERE action_id = old.action_id AND asl_code = old.asl_code);
END;

CREATE TRIGGER action_asl_sync AFTER UPDATE OF status, due_date ON action BEGIN
    UPDATE action_asl
    SET status = new.status,
        is_open = new.status IN ('open', 'in_progress', 'waiting'),
        due_key = coalesce(new.due_date, '9999-12-31')
    WHERE action_id = new.id;
END;

-- "Le mie azioni" by priority, then due date: the ORDER BY of actions::list (ActionSort::Priority).
CREATE INDEX action_owner_priority ON action (
    owner_kind,
    CASE priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END,
    coalesce(due_date, '9999-12-31'),
    id
);

CREATE VIRTUAL TABLE action_title_fts USING fts5 (
    title_folded,
    content = 'action',
    content_rowid = 'id',
    tokenize = 'trigram'
);

INSERT INTO action_title_fts (action_title_fts) VALUES ('rebuild');

CREATE TRIGGER action_title_fts_insert AFTER INSERT ON action BEGIN
    INSERT INTO action_title_fts (rowid, title_folded) VALUES (new.id, new.title_folded);
END;

CREATE TRIGGER action_title_fts_delete AFTER DELETE ON action BEGIN
    INSERT INTO action_title_fts (action_title_fts, rowid, title_folded)
    VALUES ('delete', old.id, old.title_folded);
END;

CREATE TRIGGER action_title_fts_update AFTER UPDATE OF title_folded ON action BEGIN
    INSERT INTO action_title_fts (action_title_fts, rowid, title_folded)
    VALUES ('delete', old.id, old.title_folded);
    INSERT INTO action_title_fts (rowid, title_folded) VALUES (new.id, new.title_folded);
END;
