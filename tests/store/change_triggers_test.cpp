// The schema's own record of what changed (migrations 3 and 6), written by triggers whatever
// writes the tables: a person named on or taken off an entry marks that entry's day changed and,
// when the entry's plugin has already been given it, its kept milestones stale from that entry.
#include <gtest/gtest.h>
#include <hoego/core/database.h>

#include "../support/temporary_directory.h"

namespace hoego {
namespace {

class ChangeTriggers : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::open(directory.path() / "hoego.db");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db.emplace(std::move(*opened));
    // Three mentoring sessions at 100, 200 and 300 seconds; the plugin was given the first two.
    run("INSERT INTO people (id, name, created_at) VALUES (1, '김민지', 'x');"
        "INSERT INTO entries (id, plugin, kind, kind_version, occurred_at, occurred_utc, "
        "local_date, utc_offset_min, created_at, updated_at) VALUES "
        "(10, 'mentoring', 'session', 1, 'a', 100, '2026-11-01', 540, 'x', 'x'), "
        "(20, 'mentoring', 'session', 1, 'b', 200, '2026-11-02', 540, 'x', 'x'), "
        "(30, 'mentoring', 'session', 1, 'c', 300, '2026-11-03', 540, 'x', 'x');"
        "INSERT INTO milestone_progress (plugin, plugin_version, last_utc, last_id, stale) "
        "VALUES ('mentoring', '1', 200, 20, 0);");
  }

  void run(const std::string& sql) { ASSERT_TRUE(db->execute_script(sql.c_str()).ok()) << sql; }

  std::string text(const char* sql) {
    auto statement = db->prepare(sql);
    EXPECT_TRUE(statement.ok()) << sql;
    if (!statement.ok()) return {};
    auto row = statement->step();
    EXPECT_TRUE(row.ok() && *row) << sql;
    return statement->is_null(0) ? "NULL" : statement->text(0);
  }

  // "stale from_utc from_id" of the mentoring plugin's kept progress.
  std::string progress() {
    return text(
        "SELECT stale || ' ' || coalesce(stale_utc, '-') || ' ' || coalesce(stale_id, '-') "
        "FROM milestone_progress");
  }

  // Whether the day of `entry` holds the newest change number.
  bool newest_change_on_day_of(int entry) {
    const std::string sql =
        "SELECT (SELECT change FROM changed_days WHERE (plugin, local_date) = "
        "(SELECT plugin, local_date FROM entries WHERE id = " +
        std::to_string(entry) + ")) = (SELECT max(change) FROM changed_days)";
    return text(sql.c_str()) == "1";
  }

  testing::TemporaryDirectory directory;
  std::optional<Database> db;
};

TEST_F(ChangeTriggers, APersonNamedOnAnEntryNotYetGivenLeavesTheProgress) {
  const std::string before = text("SELECT max(change) FROM changed_days");
  run("INSERT INTO entry_people (entry_id, person_id, position) VALUES (30, 1, 0)");
  EXPECT_EQ(progress(), "0 - -");
  EXPECT_TRUE(newest_change_on_day_of(30));
  EXPECT_NE(text("SELECT max(change) FROM changed_days"), before) << "a change of its own";
}

TEST_F(ChangeTriggers, APersonNamedOnAGivenEntryMakesItStaleFromTheEarliest) {
  run("INSERT INTO entry_people (entry_id, person_id, position) VALUES (20, 1, 0)");
  EXPECT_EQ(progress(), "1 200 20");
  EXPECT_TRUE(newest_change_on_day_of(20));
  run("INSERT INTO entry_people (entry_id, person_id, position) VALUES (10, 1, 0)");
  EXPECT_EQ(progress(), "1 100 10") << "the earlier entry";
  EXPECT_TRUE(newest_change_on_day_of(10));
  EXPECT_FALSE(newest_change_on_day_of(20));
  run("INSERT INTO entry_people (entry_id, person_id, position) VALUES (30, 1, 0)");
  EXPECT_EQ(progress(), "1 100 10") << "a later, unseen entry moves nothing";
}

TEST_F(ChangeTriggers, APersonTakenOffAGivenEntryMakesItStale) {
  run("INSERT INTO entry_people (entry_id, person_id, position) VALUES (20, 1, 0);"
      "UPDATE milestone_progress SET stale = 0, stale_utc = NULL, stale_id = NULL;");
  run("DELETE FROM entry_people WHERE entry_id = 20");
  EXPECT_EQ(progress(), "1 200 20");
  EXPECT_TRUE(newest_change_on_day_of(20));
}

TEST_F(ChangeTriggers, AnEntryDeletedWithItsPeopleChangesItsDay) {
  run("INSERT INTO entry_people (entry_id, person_id, position) VALUES (10, 1, 0);"
      "UPDATE milestone_progress SET stale = 0, stale_utc = NULL, stale_id = NULL;"
      "INSERT INTO entry_people (entry_id, person_id, position) VALUES (30, 1, 0);");
  run("DELETE FROM entries WHERE id = 10");  // its people go by ON DELETE CASCADE
  EXPECT_EQ(text("SELECT count(*) FROM entry_people"), "1");
  EXPECT_EQ(progress(), "1 100 10");
  EXPECT_EQ(text("SELECT count(*) FROM changed_days WHERE local_date = '2026-11-01'"), "1");
}

}  // namespace
}  // namespace hoego
