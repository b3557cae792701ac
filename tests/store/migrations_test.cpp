#include <gtest/gtest.h>
#include <hoego/core/database.h>
#include <hoego/core/migrations.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>

#include "../support/temporary_directory.h"

namespace hoego {
namespace {

namespace fs = std::filesystem;

std::string single_text(Database& db, const char* sql) {
  auto statement = db.prepare(sql);
  EXPECT_TRUE(statement.ok()) << sql;
  auto row = statement->step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return statement->text(0);
}

TEST(Migrations, FromEmptyCreateEverySchemaTableAndRecordTheVersion) {
  testing::TemporaryDirectory directory;
  auto db = Database::open(directory.path() / "hoego.db");
  ASSERT_TRUE(db.ok()) << db.error().message;
  EXPECT_EQ(*db->schema_version(), latest_schema_version());
  EXPECT_EQ(single_text(*db,
                        "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema "
                        "WHERE type = 'table' ORDER BY name)"),
            "changed_days,day_zone,derived_values,disabled_plugins,entries,entry_history,entry_"
            "people,feed_state,goals,"
            "milestone_checkpoints,milestone_progress,operations,people,reached_milestones,schema_"
            "migrations,settings,"
            "track_members,tracks");
  EXPECT_EQ(single_text(*db, "SELECT count(*) FROM schema_migrations"),
            std::to_string(latest_schema_version()));
}

TEST(Migrations, ReopeningAppliesNothingTwiceAndKeepsData) {
  testing::TemporaryDirectory directory;
  const auto file = directory.path() / "hoego.db";
  {
    auto db = Database::open(file);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->execute_script(
        "INSERT INTO people (name, created_at) VALUES ('김민지', '2022-10-05T11:00:00Z')"));
  }
  auto reopened = Database::open(file);
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  ASSERT_TRUE(migrate(*reopened));
  EXPECT_EQ(single_text(*reopened, "SELECT count(*) FROM schema_migrations"),
            std::to_string(latest_schema_version()));
  EXPECT_EQ(single_text(*reopened, "SELECT name FROM people"), "김민지");
}

// A database of schema 4: migration 5 rebuilds the undo steps' table with the same columns and a
// check SQLite runs without a temporary table, and migration 6 adds where kept milestone progress
// went stale and drops the triggers on naming a person. The steps stay, and progress that was
// stale starts over.
TEST(Migrations, FromSchema4KeepEveryUndoStepAndStaleProgress) {
  testing::TemporaryDirectory directory;
  const auto file = directory.path() / "hoego.db";
  {
    auto db = Database::open(file);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->execute_script(
        "INSERT INTO entries (plugin, kind, kind_version, occurred_at, occurred_utc, local_date, "
        "utc_offset_min, created_at, updated_at) VALUES ('writing', 'post', 1, "
        "'2026-11-23T21:00:00+09:00', 1795434000, '2026-11-23', 540, 'x', 'x');"
        "DROP TABLE operations;"
        "CREATE TABLE operations (id INTEGER PRIMARY KEY, entry_id INTEGER NOT NULL REFERENCES "
        "entries(id) ON DELETE CASCADE, action TEXT NOT NULL CHECK (action IN ('add', 'edit', "
        "'delete')), previous_revision INTEGER, performed_at TEXT NOT NULL, undone_at TEXT);"
        "INSERT INTO operations VALUES (7, 1, 'add', NULL, '2026-11-23T12:00:00Z', NULL);"
        "INSERT INTO operations VALUES (8, 1, 'edit', 1, '2026-11-23T12:01:00Z', "
        "'2026-11-23T12:02:00Z');"
        // Without the progress triggers, which schema 6 rewrites for its columns.
        "DROP TRIGGER entries_insert_progress; DROP TRIGGER entries_update_progress;"
        "DROP TRIGGER entries_delete_progress; DROP TRIGGER IF EXISTS entry_people_insert_progress;"
        "DROP TRIGGER IF EXISTS entry_people_delete_progress;"
        // Schema 4 still had triggers on naming a person, which schema 6 drops.
        "CREATE TRIGGER entry_people_insert_day AFTER INSERT ON entry_people BEGIN SELECT 1; END;"
        "DROP TABLE milestone_checkpoints;"
        "DROP TABLE milestone_progress;"
        "CREATE TABLE milestone_progress (plugin TEXT PRIMARY KEY, plugin_version TEXT NOT NULL, "
        "last_utc INTEGER, last_id INTEGER, state TEXT, stale INTEGER NOT NULL DEFAULT 0);"
        "INSERT INTO milestone_progress VALUES ('writing', '1', 1795434000, 1, '{}', 1);"
        // Schema 7's table of the zone the stored dates are in.
        "DROP TABLE day_zone;"
        // Schema 8's switched-off plugins, archived people and goals' due dates and pauses.
        "DROP TABLE disabled_plugins;"
        "ALTER TABLE people DROP COLUMN archived_at;"
        "DROP TABLE goals;"
        "CREATE TABLE goals (id INTEGER PRIMARY KEY, title TEXT NOT NULL, plugin TEXT NOT NULL, "
        "kind TEXT NOT NULL, track_id INTEGER REFERENCES tracks(id), starts_on TEXT NOT NULL, "
        "ends_on TEXT, target REAL, sum_field TEXT, cadence TEXT NOT NULL DEFAULT 'none', "
        "cadence_days INTEGER, per_cycle REAL NOT NULL DEFAULT 1, passes INTEGER NOT NULL "
        "DEFAULT 0, created_at TEXT NOT NULL, deleted_at TEXT);"
        "INSERT INTO goals (title, plugin, kind, starts_on, cadence, cadence_days, passes, "
        "created_at) VALUES ('격주 글', 'writing', 'post', '2026-09-01', 'days', 14, 2, 'x');"
        // Schema 9's members' feeds, what their fetches found and the index of posts by address.
        "DROP TABLE feed_state;"
        "ALTER TABLE track_members DROP COLUMN feed_url;"
        "DROP INDEX entries_by_url;"
        "DELETE FROM schema_migrations WHERE version > 4;"));
  }
  auto reopened = Database::open(file);
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  EXPECT_EQ(*reopened->schema_version(), latest_schema_version());
  EXPECT_EQ(single_text(*reopened,
                        "SELECT group_concat(id || action || coalesce(previous_revision, '-') || "
                        "performed_at || coalesce(undone_at, '-'), ' ') FROM operations"),
            "7add-2026-11-23T12:00:00Z- 8edit12026-11-23T12:01:00Z2026-11-23T12:02:00Z");
  EXPECT_EQ(single_text(*reopened,
                        "SELECT sql LIKE '%IN (%' FROM sqlite_schema "
                        "WHERE name = 'operations'"),
            "0");
  EXPECT_FALSE(
      reopened->execute_script("INSERT INTO operations (entry_id, action, performed_at) "
                               "VALUES (1, 'rename', '2026-11-23T12:03:00Z')"));
  EXPECT_EQ(single_text(*reopened,
                        "SELECT stale || coalesce(stale_utc, '-') || "
                        "coalesce(stale_id, '-') FROM milestone_progress"),
            "1--");
  EXPECT_EQ(single_text(*reopened,
                        "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND "
                        "tbl_name = 'entry_people' AND sql NOT LIKE '%AFTER UPDATE%'"),
            "0");
  // Migration 8: the goal keeps what it was and gains no due dates, pauses or finish.
  EXPECT_EQ(single_text(*reopened,
                        "SELECT title || cadence || cadence_days || passes || pauses || "
                        "coalesce(deadlines, '-') || coalesce(finished_on, '-') FROM goals"),
            "격주 글days142[]--");
  EXPECT_EQ(single_text(*reopened, "SELECT count(*) FROM people WHERE archived_at IS NULL"), "0");
  EXPECT_TRUE(reopened->execute_script(
      "INSERT INTO operations (action, performed_at, subject, subject_id, row_images) "
      "VALUES ('goal.edit', '2026-11-23T12:03:00Z', 'goal', '1', '{\"rows\": []}')"));
  EXPECT_FALSE(reopened->execute_script(
      "INSERT INTO operations (action, performed_at) VALUES ('goal.edit', 'x')"))
      << "a step names an entry or a subject";
}

TEST(Migrations, RefuseADatabaseFromANewerHoego) {
  testing::TemporaryDirectory directory;
  const auto file = directory.path() / "hoego.db";
  {
    auto db = Database::open(file);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->execute_script("INSERT INTO schema_migrations (version) VALUES (999)"));
  }
  auto reopened = Database::open(file);
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.error().message.find("newer than this hoego knows"), std::string::npos)
      << reopened.error().message;
}

// A directory that is not there is named as missing, not as read-only.
TEST(Migrations, ADatabaseInAMissingDirectoryIsRefusedNamingTheDirectory) {
  testing::TemporaryDirectory directory;
  auto opened = Database::open(directory.path() / "gone" / "hoego.db");
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.error().message.find("gone does not exist"), std::string::npos)
      << opened.error().message;
  EXPECT_NE(opened.error().message_ko.find("없습니다"), std::string::npos);
}

TEST(Migrations, OpenWithWriteAheadLogAndForeignKeys) {
  testing::TemporaryDirectory directory;
  auto db = Database::open(directory.path() / "hoego.db");
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(single_text(*db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(single_text(*db, "PRAGMA foreign_keys"), "1");
  // A link to a person who does not exist is refused by the schema itself.
  EXPECT_FALSE(db->execute_script(
      "INSERT INTO entry_people (entry_id, person_id, position) VALUES (41, 42, 0)"));
}

// Every byte of `file`; empty when there is none.
std::string bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path with_suffix(fs::path file, const char* suffix) { return file += suffix; }

TEST(Migrations, ReportAFileThatIsNotADatabase) {
  testing::TemporaryDirectory directory;
  const auto file = directory.path() / "hoego.db";
  std::ofstream(file) << "this is a diary, not a database\n";
  auto db = Database::open(file);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().message.rfind(file.string() + " is not a hoego database", 0), 0u)
      << db.error().message;
  EXPECT_EQ(bytes_of(file), "this is a diary, not a database\n");
}

// Another program's SQLite file at hoego's path (a browser's history, say), left by that
// program in rollback-journal mode or in write-ahead-log mode with changes still in its log.
void write_another_programs_database(const fs::path& file, bool write_ahead_log) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  if (write_ahead_log) {
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  }
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                         "INSERT INTO moz_places (url) VALUES ('https://velog.io/@junho');"
                         "CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, title TEXT);",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
}

TEST(Migrations, RefuseAnotherProgramsDatabaseAndLeaveItByteForByte) {
  for (const bool write_ahead_log : {false, true}) {
    SCOPED_TRACE(write_ahead_log ? "write-ahead log" : "rollback journal");
    testing::TemporaryDirectory directory;
    const auto file = directory.path() / "hoego.db";
    write_another_programs_database(file, write_ahead_log);
    const std::string before = bytes_of(file);
    const std::string log_before = bytes_of(with_suffix(file, "-wal"));
    ASSERT_EQ(log_before.empty(), !write_ahead_log);

    auto db = Database::open(file);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().code, ErrorCode::kStorage);
    EXPECT_EQ(db.error().message.rfind(file.string() +
                                           " is not a hoego database: its tables (moz_bookmarks, "
                                           "moz_places) are another program's; hoego left it "
                                           "untouched",
                                       0),
              0u)
        << db.error().message;
    EXPECT_NE(db.error().in("ko").find("hoego 데이터베이스가 아닙니다"), std::string::npos)
        << db.error().in("ko");
    EXPECT_TRUE(bytes_of(file) == before) << "the file changed";
    EXPECT_TRUE(bytes_of(with_suffix(file, "-wal")) == log_before) << "its log changed";
  }
}

TEST(Migrations, TakeAnEmptyFileAsANewDatabase) {
  testing::TemporaryDirectory directory;
  const auto file = directory.path() / "hoego.db";
  std::ofstream{file};
  auto db = Database::open(file);
  ASSERT_TRUE(db.ok()) << db.error().message;
  EXPECT_EQ(*db->schema_version(), latest_schema_version());
}

}  // namespace
}  // namespace hoego
