// The schema's own record of what changed (migrations 3 and 6), written by triggers whatever
// writes the tables. entry_people has no insert or delete triggers: a person is named on or taken
// off an entry only with a write of the entry's row, whose triggers record the change. These
// tests hold the store to that, and check the triggers that remain for people.
#include <gtest/gtest.h>
#include <hoego/core/database.h>

#include "../../core/src/store/entry_store.h"
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
    run("INSERT INTO people (id, name, created_at) VALUES (1, '김민지', 'x'), (2, '이준호', 'x');"
        "INSERT INTO entries (id, plugin, kind, kind_version, occurred_at, occurred_utc, "
        "local_date, utc_offset_min, created_at, updated_at) VALUES "
        "(10, 'mentoring', 'session', 1, 'a', 100, '2026-11-01', 540, 'x', 'x'), "
        "(20, 'mentoring', 'session', 1, 'b', 200, '2026-11-02', 540, 'x', 'x'), "
        "(30, 'mentoring', 'session', 1, 'c', 300, '2026-11-03', 540, 'x', 'x');"
        "INSERT INTO entry_people (entry_id, person_id, position) VALUES (10, 1, 0), (20, 1, 0);"
        "INSERT INTO milestone_progress (plugin, plugin_version, last_utc, last_id, stale) "
        "VALUES ('mentoring', '1', 200, 20, 0);");
  }

  void run(const std::string& sql) { ASSERT_TRUE(db->execute_script(sql.c_str()).ok()) << sql; }

  std::string text(const std::string& sql) {
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

  std::string newest_change() { return text("SELECT max(change) FROM changed_days"); }

  // Whether the day of `entry` holds the newest change.
  bool newest_change_on_day_of(int entry) {
    return text(
               "SELECT change FROM changed_days WHERE (plugin, local_date) = "
               "(SELECT plugin, local_date FROM entries WHERE id = " +
               std::to_string(entry) + ")") == newest_change();
  }

  // The entry as stored, with other people.
  Entry stored_with(int64_t id, std::vector<std::string> people) {
    Entry entry;
    entry.id = id;
    entry.plugin = "mentoring";
    entry.kind = "session";
    entry.when = {"b", 200, "2026-11-02", 540};
    entry.people = std::move(people);
    entry.revision = 2;
    entry.updated_at = "y";
    return entry;
  }

  testing::TemporaryDirectory directory;
  std::optional<Database> db;
};

TEST_F(ChangeTriggers, PeopleChangedByTheStoreMarkTheEntrysDayAndProgress) {
  const std::string before = newest_change();
  ASSERT_TRUE(EntryStore(*db).update(stored_with(20, {"이준호"})).ok());
  EXPECT_EQ(progress(), "1 200 20");
  EXPECT_NE(newest_change(), before);
  EXPECT_TRUE(newest_change_on_day_of(20));
  EXPECT_EQ(text("SELECT group_concat(person_id) FROM entry_people WHERE entry_id = 20"), "2");
}

TEST_F(ChangeTriggers, ALinkMovedToAnotherPersonMakesEverythingStale) {
  const std::string before = newest_change();
  run("UPDATE entry_people SET person_id = 2 WHERE entry_id = 10");
  EXPECT_EQ(progress(), "1 - -") << "from the first entry";
  EXPECT_NE(newest_change(), before);
  EXPECT_TRUE(newest_change_on_day_of(10));
}

TEST_F(ChangeTriggers, AnEntryDeletedWithItsPeopleIsAChangeFromIt) {
  run("DELETE FROM entries WHERE id = 10");  // its people go by ON DELETE CASCADE
  EXPECT_EQ(text("SELECT count(*) FROM entry_people"), "1");
  EXPECT_EQ(progress(), "1 100 10");
  EXPECT_EQ(text("SELECT change FROM changed_days WHERE local_date = '2026-11-01'"),
            newest_change());
}

}  // namespace
}  // namespace hoego
