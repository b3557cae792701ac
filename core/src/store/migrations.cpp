#include <hoego/core/migrations.h>

#include <array>
#include <string>

namespace hoego {
namespace {

// Each migration is applied once, in order, inside its own transaction. Never edit a migration
// that has shipped: add a new one at the end.
constexpr std::array kMigrations = {
    // 1: the first schema — people, tracks, entries with history, and the undo journal.
    R"sql(
CREATE TABLE people (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);

CREATE TABLE tracks (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  plugin      TEXT,
  starts_on   TEXT,
  ends_on     TEXT,
  note        TEXT NOT NULL DEFAULT '',
  closed_at   TEXT,
  created_at  TEXT NOT NULL
);

-- One row per thing that happened. `occurred_at` keeps the local time with its offset as the
-- user gave it; `occurred_utc` orders and filters; `local_date` keys daily rollups.
CREATE TABLE entries (
  id              INTEGER PRIMARY KEY,
  plugin          TEXT NOT NULL,
  kind            TEXT NOT NULL,
  kind_version    INTEGER NOT NULL,
  occurred_at     TEXT NOT NULL,
  occurred_utc    INTEGER NOT NULL,
  local_date      TEXT NOT NULL,
  utc_offset_min  INTEGER NOT NULL,
  title           TEXT NOT NULL DEFAULT '',
  notes           TEXT NOT NULL DEFAULT '',
  track_id        INTEGER REFERENCES tracks(id),
  tags            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  payload         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
  revision        INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
);
CREATE INDEX entries_by_plugin_date ON entries (plugin, kind, local_date) WHERE deleted_at IS NULL;
CREATE INDEX entries_by_time ON entries (occurred_utc) WHERE deleted_at IS NULL;

CREATE TABLE entry_people (
  entry_id   INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES people(id),
  position   INTEGER NOT NULL,
  PRIMARY KEY (entry_id, person_id)
);
CREATE INDEX entry_people_by_person ON entry_people (person_id);

-- Every revision of every entry, as JSON, so that no edit loses what was there before.
CREATE TABLE entry_history (
  entry_id     INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  revision     INTEGER NOT NULL,
  snapshot     TEXT NOT NULL CHECK (json_valid(snapshot)),
  recorded_at  TEXT NOT NULL,
  PRIMARY KEY (entry_id, revision)
);

-- The undo journal: each change a user made, newest last; `undo` reverts the newest not yet
-- undone.
CREATE TABLE operations (
  id                 INTEGER PRIMARY KEY,
  entry_id           INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  action             TEXT NOT NULL CHECK (action IN ('add', 'edit', 'delete')),
  previous_revision  INTEGER,
  performed_at       TEXT NOT NULL,
  undone_at          TEXT
);
)sql",
    // 2: tracks get members and entries; goals; settings; a request id for idempotent imports.
    R"sql(
ALTER TABLE entries ADD COLUMN request_id TEXT;
CREATE UNIQUE INDEX entries_by_request ON entries (plugin, request_id) WHERE request_id IS NOT NULL;
CREATE INDEX entries_by_track ON entries (track_id) WHERE deleted_at IS NULL;

CREATE TABLE track_members (
  track_id   INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES people(id),
  PRIMARY KEY (track_id, person_id)
);

-- A goal is only its definition; how it stands is evaluated from entries every time.
CREATE TABLE goals (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
  plugin        TEXT NOT NULL,
  kind          TEXT NOT NULL,
  track_id      INTEGER REFERENCES tracks(id),
  starts_on     TEXT NOT NULL,
  ends_on       TEXT CHECK (ends_on IS NULL OR ends_on >= starts_on),
  target        REAL CHECK (target IS NULL OR target > 0),
  sum_field     TEXT,
  cadence       TEXT NOT NULL DEFAULT 'none' CHECK (cadence IN ('none', 'days', 'week', 'month')),
  cadence_days  INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
  per_cycle     REAL NOT NULL DEFAULT 1 CHECK (per_cycle > 0),
  passes        INTEGER NOT NULL DEFAULT 0 CHECK (passes >= 0),
  created_at    TEXT NOT NULL,
  deleted_at    TEXT
);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
)sql",
    // 3: what plugins derived from entries, kept so that a plugin is asked only about entries it
    // has not seen (docs/performance.md). Derived data only: never exported, rebuilt when lost.
    R"sql(
CREATE INDEX entries_by_plugin_time ON entries (plugin, occurred_utc) WHERE deleted_at IS NULL;

-- Per plugin: the last entry (by occurred_utc, then id) given to it, the state it answered (for
-- a plugin with hoego.resumable_milestones.v1), and whether an entry it has seen changed since.
CREATE TABLE milestone_progress (
  plugin          TEXT PRIMARY KEY,
  plugin_version  TEXT NOT NULL,
  last_utc        INTEGER,
  last_id         INTEGER,
  state           TEXT,
  stale           INTEGER NOT NULL DEFAULT 0
);

-- The milestones reached, in the order the plugin named them.
CREATE TABLE reached_milestones (
  plugin     TEXT NOT NULL,
  milestone  TEXT NOT NULL,
  entry_id   INTEGER NOT NULL,
  person     TEXT
);
CREATE INDEX reached_milestones_by_plugin ON reached_milestones (plugin);

-- Whatever touches an entry a plugin has already seen makes it start over; entries after the
-- last seen one are simply new.
CREATE TRIGGER entries_insert_progress AFTER INSERT ON entries BEGIN
  UPDATE milestone_progress SET stale = 1
   WHERE plugin = NEW.plugin AND (NEW.occurred_utc, NEW.id) <= (last_utc, last_id);
END;
CREATE TRIGGER entries_update_progress AFTER UPDATE ON entries BEGIN
  UPDATE milestone_progress SET stale = 1
   WHERE plugin IN (OLD.plugin, NEW.plugin)
     AND ((OLD.occurred_utc, OLD.id) <= (last_utc, last_id)
          OR (NEW.occurred_utc, NEW.id) <= (last_utc, last_id));
END;
CREATE TRIGGER entries_delete_progress AFTER DELETE ON entries BEGIN
  UPDATE milestone_progress SET stale = 1
   WHERE plugin = OLD.plugin AND (OLD.occurred_utc, OLD.id) <= (last_utc, last_id);
END;
CREATE TRIGGER entry_people_insert_progress AFTER INSERT ON entry_people BEGIN
  UPDATE milestone_progress SET stale = 1
   WHERE EXISTS (SELECT 1 FROM entries e WHERE e.id = NEW.entry_id
                    AND e.plugin = milestone_progress.plugin
                    AND (e.occurred_utc, e.id) <= (milestone_progress.last_utc,
                                                   milestone_progress.last_id));
END;
CREATE TRIGGER entry_people_delete_progress AFTER DELETE ON entry_people BEGIN
  UPDATE milestone_progress SET stale = 1
   WHERE EXISTS (SELECT 1 FROM entries e WHERE e.id = OLD.entry_id
                    AND e.plugin = milestone_progress.plugin
                    AND (e.occurred_utc, e.id) <= (milestone_progress.last_utc,
                                                   milestone_progress.last_id));
END;
CREATE TRIGGER entry_people_update_progress AFTER UPDATE ON entry_people BEGIN
  UPDATE milestone_progress SET stale = 1;
END;
CREATE TRIGGER people_rename_progress AFTER UPDATE OF name ON people BEGIN
  UPDATE milestone_progress SET stale = 1;
END;
CREATE TRIGGER tracks_rename_progress AFTER UPDATE OF name ON tracks BEGIN
  UPDATE milestone_progress SET stale = 1;
END;

-- The local days of each plugin's entries that changed, each with the number of the latest
-- change (one sequence over the table): a value computed from a plugin's entries on some days
-- holds while the latest change among those days is the one it was computed at.
CREATE TABLE changed_days (
  plugin      TEXT NOT NULL,
  local_date  TEXT NOT NULL,
  change      INTEGER NOT NULL,
  PRIMARY KEY (plugin, local_date)
) WITHOUT ROWID;
CREATE INDEX changed_days_by_change ON changed_days (change);

-- Values computed from entries (goal contributions, metric values) and the change they were
-- computed at, under a key naming what they are and everything else they depend on.
CREATE TABLE derived_values (
  key     TEXT PRIMARY KEY,
  change  INTEGER NOT NULL,
  value   TEXT NOT NULL
);

CREATE TRIGGER entries_insert_day AFTER INSERT ON entries BEGIN
  INSERT INTO changed_days (plugin, local_date, change)
  VALUES (NEW.plugin, NEW.local_date, (SELECT coalesce(max(change), 0) + 1 FROM changed_days))
  ON CONFLICT (plugin, local_date) DO UPDATE SET change = excluded.change;
END;
CREATE TRIGGER entries_update_day AFTER UPDATE ON entries BEGIN
  INSERT INTO changed_days (plugin, local_date, change)
  VALUES (OLD.plugin, OLD.local_date, (SELECT coalesce(max(change), 0) + 1 FROM changed_days))
  ON CONFLICT (plugin, local_date) DO UPDATE SET change = excluded.change;
  INSERT INTO changed_days (plugin, local_date, change)
  VALUES (NEW.plugin, NEW.local_date, (SELECT coalesce(max(change), 0) + 1 FROM changed_days))
  ON CONFLICT (plugin, local_date) DO UPDATE SET change = excluded.change;
END;
CREATE TRIGGER entries_delete_day AFTER DELETE ON entries BEGIN
  INSERT INTO changed_days (plugin, local_date, change)
  VALUES (OLD.plugin, OLD.local_date, (SELECT coalesce(max(change), 0) + 1 FROM changed_days))
  ON CONFLICT (plugin, local_date) DO UPDATE SET change = excluded.change;
END;
CREATE TRIGGER entry_people_insert_day AFTER INSERT ON entry_people BEGIN
  INSERT INTO changed_days (plugin, local_date, change)
  SELECT plugin, local_date, (SELECT coalesce(max(change), 0) + 1 FROM changed_days)
    FROM entries WHERE id = NEW.entry_id
  ON CONFLICT (plugin, local_date) DO UPDATE SET change = excluded.change;
END;
CREATE TRIGGER entry_people_update_day AFTER UPDATE ON entry_people BEGIN
  INSERT INTO changed_days (plugin, local_date, change)
  SELECT plugin, local_date, (SELECT coalesce(max(change), 0) + 1 FROM changed_days)
    FROM entries WHERE id IN (OLD.entry_id, NEW.entry_id)
  ON CONFLICT (plugin, local_date) DO UPDATE SET change = excluded.change;
END;
-- Plugins see people and tracks by name: renaming one changes every day it is named on.
CREATE TRIGGER people_rename_day AFTER UPDATE OF name ON people BEGIN
  INSERT INTO changed_days (plugin, local_date, change)
  SELECT DISTINCT e.plugin, e.local_date, (SELECT coalesce(max(change), 0) + 1 FROM changed_days)
    FROM entry_people ep JOIN entries e ON e.id = ep.entry_id WHERE ep.person_id = NEW.id
  ON CONFLICT (plugin, local_date) DO UPDATE SET change = excluded.change;
END;
CREATE TRIGGER tracks_rename_day AFTER UPDATE OF name ON tracks BEGIN
  INSERT INTO changed_days (plugin, local_date, change)
  SELECT DISTINCT plugin, local_date, (SELECT coalesce(max(change), 0) + 1 FROM changed_days)
    FROM entries WHERE track_id = NEW.id
  ON CONFLICT (plugin, local_date) DO UPDATE SET change = excluded.change;
END;
CREATE TRIGGER entry_people_delete_day AFTER DELETE ON entry_people BEGIN
  INSERT INTO changed_days (plugin, local_date, change)
  SELECT plugin, local_date, (SELECT coalesce(max(change), 0) + 1 FROM changed_days)
    FROM entries WHERE id = OLD.entry_id
  ON CONFLICT (plugin, local_date) DO UPDATE SET change = excluded.change;
END;
)sql",
    // 4: entry_history keeps only the revisions that edits replaced; an entry's row is its
    // current revision. No table changes, but a hoego that takes the history for every revision
    // would lose the current one on its next edit: it must not open such a database, nor import
    // its export.
    R"sql(
-- Kept revisions: from schema 4 on, those edits replaced, not the current one.
SELECT 1;
)sql",
    // 5: the same undo steps, checked without a temporary table. SQLite checked the action
    // against `IN ('add', 'edit', 'delete')` by building a three-row table for every step
    // written: half the cost of each entry's undo step in an import (docs/performance.md).
    R"sql(
CREATE TABLE operations_checked_by_comparison (
  id                 INTEGER PRIMARY KEY,
  entry_id           INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  action             TEXT NOT NULL
                     CHECK (action = 'add' OR action = 'edit' OR action = 'delete'),
  previous_revision  INTEGER,
  performed_at       TEXT NOT NULL,
  undone_at          TEXT
);
INSERT INTO operations_checked_by_comparison
  (id, entry_id, action, previous_revision, performed_at, undone_at)
  SELECT id, entry_id, action, previous_revision, performed_at, undone_at FROM operations;
DROP TABLE operations;
ALTER TABLE operations_checked_by_comparison RENAME TO operations;
)sql",
    // 6: a change to an entry a resumable plugin has seen takes it back to a checkpoint before
    // that entry rather than to its first entry (docs/performance.md). Derived data only.
    R"sql(
-- Where a plugin's kept progress went stale: the earliest changed entry it had seen, by
-- (occurred_utc, id); none, with stale = 1, when it must start from its first entry.
ALTER TABLE milestone_progress ADD COLUMN stale_utc INTEGER;
ALTER TABLE milestone_progress ADD COLUMN stale_id INTEGER;

-- A resumable plugin's state after each few thousand of its entries: a change goes back to the
-- last one before it, not to the first entry.
CREATE TABLE milestone_checkpoints (
  plugin    TEXT NOT NULL,
  last_utc  INTEGER NOT NULL,
  last_id   INTEGER NOT NULL,
  state     TEXT NOT NULL,
  PRIMARY KEY (plugin, last_utc, last_id)
) WITHOUT ROWID;

DROP TRIGGER IF EXISTS entries_insert_progress;
CREATE TRIGGER entries_insert_progress AFTER INSERT ON entries BEGIN
  UPDATE milestone_progress
     SET stale_utc = CASE WHEN stale = 0 OR (NEW.occurred_utc, NEW.id) < (stale_utc, stale_id) THEN NEW.occurred_utc ELSE stale_utc END,
         stale_id = CASE WHEN stale = 0 OR (NEW.occurred_utc, NEW.id) < (stale_utc, stale_id) THEN NEW.id ELSE stale_id END,
         stale = 1
   WHERE plugin = NEW.plugin AND (NEW.occurred_utc, NEW.id) <= (last_utc, last_id);
END;
DROP TRIGGER IF EXISTS entries_update_progress;
CREATE TRIGGER entries_update_progress AFTER UPDATE ON entries BEGIN
  UPDATE milestone_progress
     SET stale_utc = CASE WHEN stale = 0 OR (OLD.occurred_utc, OLD.id) < (stale_utc, stale_id) THEN OLD.occurred_utc ELSE stale_utc END,
         stale_id = CASE WHEN stale = 0 OR (OLD.occurred_utc, OLD.id) < (stale_utc, stale_id) THEN OLD.id ELSE stale_id END,
         stale = 1
   WHERE plugin = OLD.plugin AND (OLD.occurred_utc, OLD.id) <= (last_utc, last_id);
  UPDATE milestone_progress
     SET stale_utc = CASE WHEN stale = 0 OR (NEW.occurred_utc, NEW.id) < (stale_utc, stale_id) THEN NEW.occurred_utc ELSE stale_utc END,
         stale_id = CASE WHEN stale = 0 OR (NEW.occurred_utc, NEW.id) < (stale_utc, stale_id) THEN NEW.id ELSE stale_id END,
         stale = 1
   WHERE plugin = NEW.plugin AND (NEW.occurred_utc, NEW.id) <= (last_utc, last_id);
END;
DROP TRIGGER IF EXISTS entries_delete_progress;
CREATE TRIGGER entries_delete_progress AFTER DELETE ON entries BEGIN
  UPDATE milestone_progress
     SET stale_utc = CASE WHEN stale = 0 OR (OLD.occurred_utc, OLD.id) < (stale_utc, stale_id) THEN OLD.occurred_utc ELSE stale_utc END,
         stale_id = CASE WHEN stale = 0 OR (OLD.occurred_utc, OLD.id) < (stale_utc, stale_id) THEN OLD.id ELSE stale_id END,
         stale = 1
   WHERE plugin = OLD.plugin AND (OLD.occurred_utc, OLD.id) <= (last_utc, last_id);
END;
-- A person is named on or taken off an entry only together with a write of the entry's own row
-- (EntryStore::write_people, after its insert or update), whose triggers above and
-- entries_*_day already record the change: triggers on inserting and deleting entry_people rows
-- did the same work again, and cost a person named on an imported entry about as much as the
-- entry's row. An UPDATE of entry_people (moving links to another person) keeps its triggers.
DROP TRIGGER IF EXISTS entry_people_insert_progress;
DROP TRIGGER IF EXISTS entry_people_delete_progress;
DROP TRIGGER IF EXISTS entry_people_insert_day;
DROP TRIGGER IF EXISTS entry_people_delete_day;
DROP TRIGGER IF EXISTS entry_people_update_progress;
CREATE TRIGGER entry_people_update_progress AFTER UPDATE ON entry_people BEGIN
  UPDATE milestone_progress SET stale = 1, stale_utc = NULL, stale_id = NULL;
END;
DROP TRIGGER IF EXISTS people_rename_progress;
CREATE TRIGGER people_rename_progress AFTER UPDATE OF name ON people BEGIN
  UPDATE milestone_progress SET stale = 1, stale_utc = NULL, stale_id = NULL;
END;
DROP TRIGGER IF EXISTS tracks_rename_progress;
CREATE TRIGGER tracks_rename_progress AFTER UPDATE OF name ON tracks BEGIN
  UPDATE milestone_progress SET stale = 1, stale_utc = NULL, stale_id = NULL;
END;
)sql",
    // 7: an entry's local_date is its day in the user's time zone, not in the offset it was
    // written with. The zone the stored dates are in is recorded here; none recorded means they
    // are still in their written offsets, as before, and the first command that knows the
    // user's zone dates them again (align_local_days), so every existing database is re-dated
    // once, with each changed day recorded for what was derived from it.
    R"sql(
CREATE TABLE day_zone (
  only  INTEGER PRIMARY KEY CHECK (only = 1),
  zone  TEXT NOT NULL
);
)sql",
    // 8: what a user set up can be changed and undone (issue 18). The undo journal takes steps
    // that are not an entry's: the rows a step changed, as they were before and after it. Goals
    // gain deadline lists, pauses and a finish; people can be archived; plugins switched off.
    R"sql(
CREATE TABLE operations_with_steps (
  id                 INTEGER PRIMARY KEY,
  entry_id           INTEGER REFERENCES entries(id) ON DELETE CASCADE,
  action             TEXT NOT NULL
                     CHECK (entry_id IS NULL OR action = 'add' OR action = 'edit' OR action = 'delete'),
  previous_revision  INTEGER,
  performed_at       TEXT NOT NULL,
  undone_at          TEXT,
  -- A step that is not an entry's: what it changed (goal, track, person, plugin), which one,
  -- and the rows it changed: [{"table", "rowid", "before": row|null, "after": row|null}].
  subject            TEXT,
  subject_id         TEXT,
  row_images         TEXT CHECK (row_images IS NULL OR json_valid(row_images)),
  CHECK ((entry_id IS NULL) = (subject IS NOT NULL))
);
INSERT INTO operations_with_steps
  (id, entry_id, action, previous_revision, performed_at, undone_at)
  SELECT id, entry_id, action, previous_revision, performed_at, undone_at FROM operations;
DROP TABLE operations;
ALTER TABLE operations_with_steps RENAME TO operations;
CREATE INDEX operations_by_subject ON operations (subject, subject_id) WHERE subject IS NOT NULL;

CREATE TABLE goals_with_changes (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
  plugin        TEXT NOT NULL,
  kind          TEXT NOT NULL,
  track_id      INTEGER REFERENCES tracks(id),
  starts_on     TEXT NOT NULL,
  ends_on       TEXT CHECK (ends_on IS NULL OR ends_on >= starts_on),
  target        REAL CHECK (target IS NULL OR target > 0),
  sum_field     TEXT,
  cadence       TEXT NOT NULL DEFAULT 'none'
                CHECK (cadence IN ('none', 'days', 'week', 'month', 'dates')),
  cadence_days  INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
  per_cycle     REAL NOT NULL DEFAULT 1 CHECK (per_cycle > 0),
  passes        INTEGER NOT NULL DEFAULT 0 CHECK (passes >= 0),
  created_at    TEXT NOT NULL,
  deleted_at    TEXT,
  -- For cadence 'dates': the due dates, in order, as a JSON array.
  deadlines     TEXT CHECK (deadlines IS NULL OR json_valid(deadlines)),
  -- Date ranges whose cycles neither count, use passes nor break the streak.
  pauses        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pauses)),
  -- Finished (archived): evaluated up to this day, off the dashboard, kept in the report.
  finished_on   TEXT
);
INSERT INTO goals_with_changes
  (id, title, plugin, kind, track_id, starts_on, ends_on, target, sum_field, cadence,
   cadence_days, per_cycle, passes, created_at, deleted_at)
  SELECT id, title, plugin, kind, track_id, starts_on, ends_on, target, sum_field, cadence,
         cadence_days, per_cycle, passes, created_at, deleted_at FROM goals;
DROP TABLE goals;
ALTER TABLE goals_with_changes RENAME TO goals;

ALTER TABLE people ADD COLUMN archived_at TEXT;

-- A plugin the user switched off: not loaded; its entries stay and stay readable.
CREATE TABLE disabled_plugins (
  plugin       TEXT PRIMARY KEY,
  disabled_at  TEXT NOT NULL
);
)sql",
    // 9: a writing group's members carry their blog's feed, which the server fetches on a
    // schedule; what each fetch found is kept per address (a conditional request needs the last
    // ETag and Last-Modified, and a feed that keeps failing waits longer each time).
    R"sql(
ALTER TABLE track_members ADD COLUMN feed_url TEXT;

CREATE TABLE feed_state (
  url               TEXT PRIMARY KEY,
  etag              TEXT,
  last_modified     TEXT,
  last_fetch_at     TEXT,
  last_success_at   TEXT,
  result            TEXT CHECK (result IN ('new', 'not_modified', 'failed')),
  new_posts         INTEGER NOT NULL DEFAULT 0,
  error             TEXT,
  error_ko          TEXT,
  failures          INTEGER NOT NULL DEFAULT 0,
  next_fetch_after  TEXT
);

-- A feed's posts are looked up by their address (a feed that changed its GUIDs, a post added by
-- hand): without an index each of a round's new items read every post's payload, and the first
-- round of 500 members' feeds (22,500 posts) took 100 s instead of seconds.
CREATE INDEX entries_by_url ON entries (json_extract(payload, '$."url"'), plugin, kind)
  WHERE json_extract(payload, '$."url"') IS NOT NULL;
)sql",
};

Status ensure_migrations_table(Database& db) {
  return db.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      "  version INTEGER PRIMARY KEY,"
      "  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))");
}

Status newer_schema(int version) {
  const std::string found = std::to_string(version);
  const std::string latest = std::to_string(latest_schema_version());
  return Error::storage("the database has schema version " + found +
                            ", newer than this hoego knows (" + latest + "); upgrade hoego",
                        "데이터베이스의 스키마 버전(" + found + ")이 이 hoego가 아는 버전(" +
                            latest + ")보다 새롭습니다. hoego를 업그레이드해 주세요");
}

// A database that can only be read cannot be migrated: it is read as it is when its schema is
// this build's, and refused with what to do otherwise.
Status check_schema_readable(Database& db) {
  const std::string file = db.file_name();
  auto table = db.prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!table) return table.error();
  if (auto row = table->step(); !row) return row.error();
  if (table->integer(0) == 0)
    return Error::read_only(
        "cannot set up a new database in " + file +
            ": it is read-only, so hoego cannot create its tables there; nothing was changed",
        file +
            "에 새 데이터베이스를 만들 수 없습니다: 읽기 전용이라 hoego의 테이블을 만들 수 "
            "없습니다. 아무것도 바뀌지 않았습니다");
  auto current = db.schema_version();
  if (!current) return current.error();
  if (*current > latest_schema_version()) return newer_schema(*current);
  if (*current < latest_schema_version()) {
    const std::string found = std::to_string(*current);
    const std::string latest = std::to_string(latest_schema_version());
    return Error::read_only(
        file + " has schema version " + found + ", older than this hoego's (" + latest +
            "), and is read-only, so it cannot be upgraded; open it once where it can be "
            "written (or read it with the hoego that wrote it) — nothing was changed",
        file + "의 스키마 버전(" + found + ")이 이 hoego의 버전(" + latest +
            ")보다 오래되었는데, 읽기 전용이라 올릴 수 없습니다. 쓸 수 있는 곳에서 한 번 열거나 "
            "이 파일을 쓴 hoego로 읽어 주세요. 아무것도 바뀌지 않았습니다");
  }
  return Status::success();
}

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

Status migrate(Database& db) {
  if (db.read_only()) return check_schema_readable(db);
  if (auto status = ensure_migrations_table(db); !status) return status;
  auto current = db.schema_version();
  if (!current) return current.error();
  if (*current > latest_schema_version()) return newer_schema(*current);
  for (int version = *current + 1; version <= latest_schema_version(); ++version) {
    Transaction transaction(db);
    if (auto status = transaction.begin(); !status) return status;
    // Another process may have migrated while this one waited for the write lock.
    auto recorded = db.schema_version();
    if (!recorded) return recorded.error();
    if (*recorded >= version) continue;
    if (auto status = db.execute_script(kMigrations[static_cast<size_t>(version - 1)]); !status) {
      return Error::storage(
          "migration " + std::to_string(version) + " failed: " + status.error().message,
          std::to_string(version) + "번 마이그레이션이 실패했습니다: " + status.error().in("ko"));
    }
    auto record = db.prepare("INSERT INTO schema_migrations (version) VALUES (?)");
    if (!record) return record.error();
    if (auto status = record->bind(1, version).run(); !status) return status;
    if (auto status = transaction.commit(); !status) return status;
  }
  return Status::success();
}

}  // namespace hoego
