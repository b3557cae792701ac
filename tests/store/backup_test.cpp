// hoego backup and restore: a consistent copy even while another connection writes, an exact
// restore, and a refusal, changing nothing, for any file that is not a sound hoego database.
#include <hoego/core/backup.h>
#include <hoego/core/people_service.h>

#include <atomic>
#include <fstream>
#include <set>
#include <thread>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

using testing::TemporaryDirectory;

// Every row of every hoego table, in a fixed order: two databases with the same dump hold the
// same data.
std::string dump(Database& db) {
  std::string text;
  for (const char* table :
       {"people", "tracks", "entries", "entry_people", "entry_history", "operations", "goals",
        "track_members", "settings", "schema_migrations"}) {
    auto statement = db.prepare(std::string("SELECT * FROM ") + table + " ORDER BY 1, 2");
    EXPECT_TRUE(statement.ok()) << table;
    if (!statement) continue;
    text += std::string("# ") + table + "\n";
    for (auto row = statement->step(); row.ok() && *row; row = statement->step()) {
      for (int column = 0; column < statement->column_count(); ++column)
        text += (statement->is_null(column) ? "NULL" : statement->text(column)) + "|";
      text += "\n";
    }
  }
  return text;
}

Database open_database(const std::filesystem::path& path) {
  auto opened = Database::open(path);
  EXPECT_TRUE(opened.ok()) << opened.error().message;
  return std::move(opened.value());
}

class Backup : public testing::MentoringFixture {
 protected:
  void SetUp() override {
    MentoringFixture::SetUp();
    ASSERT_TRUE(service->add(session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담")).ok());
    ASSERT_TRUE(service->add(session("2022-10-12T20:00+09:00", "이준호", 30)).ok());
    ASSERT_TRUE(service->remove(2).ok());
  }

  std::filesystem::path file(const char* name) { return elsewhere.path() / name; }

  TemporaryDirectory elsewhere;
};

TEST_F(Backup, RestoresExactlyWhatWasBackedUp) {
  auto backed_up = backup_database(*db, file("hoego-backup.db"));
  ASSERT_TRUE(backed_up.ok()) << backed_up.error().message;
  EXPECT_EQ(backed_up->entries, 2);
  EXPECT_EQ(backed_up->people, 2);
  EXPECT_FALSE(std::filesystem::exists(file("hoego-backup.db.partial")));

  Database fresh = open_database(elsewhere.path() / "fresh.db");
  auto restored = restore_database(fresh, file("hoego-backup.db"));
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  EXPECT_EQ(dump(fresh), dump(*db));
  // The restored log works as before: the delete can still be undone.
  EntryService restored_service(fresh, plugins, "Asia/Seoul");
  auto undone = restored_service.undo();
  ASSERT_TRUE(undone.ok()) << undone.error().message;
  EXPECT_EQ(undone->entry->id, 2);
}

TEST_F(Backup, IsOneConsistentSnapshotWhileAnotherConnectionWrites) {
  Database writer_db = open_database(directory.path() / "hoego.db");
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    PeopleService people(writer_db);
    for (int i = 0; !stop; ++i)
      if (people.add("writer " + std::to_string(i), "").ok()) ++written;
  });
  while (written < 20) std::this_thread::yield();
  const int before = written;
  auto backed_up = backup_database(*db, file("during-writes.db"));
  const int after = written;
  stop = true;
  writer.join();
  ASSERT_TRUE(backed_up.ok()) << backed_up.error().message;
  // Everything committed before the backup began is in it; nothing half-written is.
  EXPECT_GE(backed_up->people, 2 + before);
  EXPECT_LE(backed_up->people, 2 + after);

  Database fresh = open_database(elsewhere.path() / "fresh.db");
  auto restored = restore_database(fresh, file("during-writes.db"));
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  auto people = PeopleService(fresh).list();
  ASSERT_TRUE(people.ok());
  EXPECT_EQ(static_cast<int64_t>(people->size()), backed_up->people);
  std::set<std::string> names;
  for (const auto& person : *people) names.insert(person.name);
  for (int i = 0; i < before; ++i)
    EXPECT_TRUE(names.count("writer " + std::to_string(i))) << "writer " << i << " was lost";
}

TEST_F(Backup, NeverOverwritesAFile) {
  std::ofstream(file("taken.db")) << "precious";
  auto backed_up = backup_database(*db, file("taken.db"));
  ASSERT_FALSE(backed_up.ok());
  EXPECT_NE(backed_up.error().message.find("already exists"), std::string::npos);
  std::ifstream kept(file("taken.db"));
  std::string text;
  kept >> text;
  EXPECT_EQ(text, "precious");
}

TEST_F(Backup, RestoreRefusesWhatIsNotASoundHoegoDatabaseAndChangesNothing) {
  std::ofstream(file("notes.txt")) << "not a database at all, just some text\n";
  {
    Database foreign = open_database(file("foreign.db"));
    ASSERT_TRUE(foreign.execute_script("DROP TABLE schema_migrations").ok());
  }
  ASSERT_TRUE(backup_database(*db, file("newer.db")).ok());
  {
    auto newer = Database::open(file("newer.db"));
    ASSERT_TRUE(newer.ok());
    ASSERT_TRUE(newer
                    ->execute_script("INSERT INTO schema_migrations (version, applied_at) "
                                     "VALUES (99, '2030-01-01T00:00:00Z')")
                    .ok());
  }
  std::filesystem::create_directory(file("folder"));

  const std::string before = dump(*db);
  const std::pair<const char*, const char*> refusals[] = {
      {"notes.txt", "is not a hoego database"},
      {"foreign.db", "not hoego's"},
      {"newer.db", "written by a newer hoego"},
      {"missing.db", "is not a file"},
      {"folder", "is not a file"},
  };
  for (const auto& [name, reason] : refusals) {
    auto restored = restore_database(*db, file(name));
    ASSERT_FALSE(restored.ok()) << name;
    EXPECT_EQ(restored.error().code, ErrorCode::kInvalidInput) << name;
    EXPECT_NE(restored.error().message.find(reason), std::string::npos)
        << name << ": " << restored.error().message;
  }
  EXPECT_EQ(dump(*db), before);
}

}  // namespace
}  // namespace hoego
