// hoego survives being killed at any moment: an import of 200,000 entries is killed with SIGKILL
// at random points, and each time the database opens, passes SQLite's integrity check, and holds
// either none of the import or all of it. Kill points come from a seed that a failure prints.
#include <gtest/gtest.h>
#include <hoego/core/database.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/jsonl.h>
#include <hoego/core/plugin_host.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <thread>

#include "../support/child_process.h"
#include "../support/temporary_directory.h"

namespace hoego {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// $HOEGO_CRASH_ENTRIES makes the import smaller, for slow builds (sanitizers).
size_t entry_count() {
  const char* configured = std::getenv("HOEGO_CRASH_ENTRIES");
  return configured != nullptr ? std::strtoul(configured, nullptr, 10) : 200000;
}

// A whole year of writing-group posts in batches, exported as JSON Lines.
fs::path make_export(const fs::path& directory, size_t entries) {
  PluginHost plugins;
  plugins.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
  auto opened = Database::open(directory / "source.db");
  EXPECT_TRUE(opened.ok());
  Database db = std::move(opened.value());
  EntryService service(db, plugins, "Asia/Seoul");
  constexpr size_t kBatch = 10000;
  for (size_t first = 0; first < entries; first += kBatch) {
    CheckedEntries batch;
    for (size_t i = first; i < std::min(entries, first + kBatch); ++i) {
      NewEntry entry;
      entry.plugin = "writing";
      entry.kind = "post";
      entry.title = (i % 2 == 0 ? "회고 #" : "Retrospective #") + std::to_string(i);
      entry.when = "2026-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) +
                   "-1" + std::to_string(i % 9) + "T21:00:00+09:00";
      entry.tags = {"글또"};
      auto checked = service.check(entry);
      EXPECT_TRUE(checked.ok()) << checked.error().message;
      batch.push_back(std::move(checked.value()));
    }
    auto added = service.add_all(std::move(batch));
    EXPECT_TRUE(added.ok()) << added.error().message;
  }
  const fs::path file = directory / "export.jsonl";
  std::ofstream out(file, std::ios::binary);
  EXPECT_TRUE(export_jsonl(db, out).ok());
  return file;
}

int64_t count_of(Database& db, const std::string& table) {
  auto statement = db.prepare("SELECT count(*) FROM " + table);
  EXPECT_TRUE(statement.ok());
  EXPECT_TRUE(statement->step().value());
  return statement->integer(0);
}

std::string integrity_of(Database& db) {
  auto statement = db.prepare("PRAGMA integrity_check");
  EXPECT_TRUE(statement.ok());
  std::string result;
  while (statement->step().value()) result += statement->text(0);
  return result;
}

testing::ChildProcess import(const fs::path& data, const fs::path& file) {
  return testing::ChildProcess(
      {HOEGO_BINARY, "import", "jsonl", file.string()},
      {{"HOEGO_DATA", data.string()}, {"HOEGO_TZ", "Asia/Seoul"}, {"HOEGO_PLUGIN_PATH", ""}});
}

TEST(CrashSafety, AnImportKilledAtAnyMomentLeavesAllOrNothing) {
  testing::TemporaryDirectory work;
  const size_t entries = entry_count();
  const fs::path file = make_export(work.path(), entries);

  // One import to the end shows how long one takes, and what "all" is.
  const fs::path complete = work.path() / "complete";
  const auto started = Clock::now();
  {
    auto child = import(complete, file);
    ASSERT_EQ(child.wait(), 0);
  }
  const auto duration = Clock::now() - started;
  auto reference = Database::open(complete / "hoego.db");
  ASSERT_TRUE(reference.ok());
  ASSERT_EQ(count_of(*reference, "entries"), static_cast<int64_t>(entries));
  const int64_t all_history = count_of(*reference, "entry_history");

  const unsigned seed = std::random_device{}();
  std::mt19937 random(seed);
  std::uniform_int_distribution<int64_t> moment(
      0, std::chrono::duration_cast<std::chrono::microseconds>(duration).count());
  for (int round = 0; round < 6; ++round) {
    SCOPED_TRACE("seed " + std::to_string(seed) + ", round " + std::to_string(round));
    // Made beforehand: a kill in the import's first moments would otherwise leave no directory
    // to open, which says nothing about what an import leaves behind.
    const fs::path data = work.path() / ("killed-" + std::to_string(round));
    fs::create_directories(data);
    auto child = import(data, file);
    std::this_thread::sleep_for(std::chrono::microseconds(moment(random)));
    child.signal(SIGKILL);
    child.wait();

    auto opened = Database::open(data / "hoego.db");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    EXPECT_EQ(integrity_of(*opened), "ok");
    const int64_t kept = count_of(*opened, "entries");
    EXPECT_TRUE(kept == 0 || kept == static_cast<int64_t>(entries)) << kept << " entries kept";
    const int64_t history = count_of(*opened, "entry_history");
    EXPECT_TRUE(kept == 0 ? history == 0 : history == all_history) << history;
  }
}

}  // namespace
}  // namespace hoego
