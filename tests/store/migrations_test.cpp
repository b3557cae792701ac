#include <gtest/gtest.h>
#include <hoego/core/database.h>
#include <hoego/core/migrations.h>

#include "../support/temporary_directory.h"

namespace hoego {
namespace {

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
            "changed_days,derived_values,entries,entry_history,entry_people,goals,"
            "milestone_progress,operations,people,reached_milestones,schema_migrations,settings,"
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

TEST(Migrations, ReportAFileThatIsNotADatabase) {
  testing::TemporaryDirectory directory;
  const auto file = directory.path() / "hoego.db";
  {
    std::FILE* handle = std::fopen(file.c_str(), "w");
    std::fputs("this is a diary, not a database\n", handle);
    std::fclose(handle);
  }
  auto db = Database::open(file);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.error().message.find(file.string()), std::string::npos) << db.error().message;
}

}  // namespace
}  // namespace hoego
