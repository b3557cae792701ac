// hoego backup and hoego restore: the whole database to one file and back.
#include <hoego/core/backup.h>

#include <iostream>

#include "commands.h"

namespace hoego::cli {
namespace {

// "1 entry, 2 people, 0 tracks and 1 goal" or "기록 1개, 사람 2명, 트랙 0개, 목표 1개".
std::string describe(const BackupSummary& summary, const Words& words) {
  return words.holdings(summary.entries, summary.people, summary.tracks, summary.goals);
}

}  // namespace

void register_backup_commands(CLI::App& app, Context& context) {
  auto* backup = app.add_subcommand(
      "backup", "Copy the whole database to FILE (safe while hoego serve is running)");
  static std::string backup_file;
  backup->add_option("file", backup_file, "Where to write the backup; must not exist yet")
      ->required();
  backup->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto summary = backup_database(*db, backup_file);
    if (!context.succeeded(summary)) return;
    const Words words = context.words();
    const std::string held = describe(*summary, words);
    std::cout << (words.korean() ? held + "를 백업했습니다: " + backup_file
                                 : "backed up " + held + " to " + backup_file)
              << "\n";
  });

  auto* restore =
      app.add_subcommand("restore", "Replace the database with a backup made by 'hoego backup'");
  static std::string restore_file;
  static bool replace = false;
  restore->add_option("file", restore_file, "The backup file")->required();
  restore->add_flag("--replace", replace,
                    "Go ahead even though the data directory already holds entries, people, "
                    "tracks or goals: they are all replaced");
  restore->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    // Check the backup before looking at what it would replace: a bad file is the first thing
    // to hear about.
    if (!context.succeeded(inspect_backup(restore_file))) return;
    auto holds_data = [db]() -> Result<bool> {
      // Scoped: a statement left open would keep a read transaction that blocks the restore.
      auto count = db->prepare(
          "SELECT (SELECT COUNT(*) FROM entries) + (SELECT COUNT(*) FROM people) + "
          "(SELECT COUNT(*) FROM tracks) + (SELECT COUNT(*) FROM goals)");
      if (!count) return count.error();
      auto row = count->step();
      if (!row) return row.error();
      return count->integer(0) > 0;
    }();
    if (!context.succeeded(holds_data)) return;
    if (*holds_data && !replace) {
      context.exit_code = context.fail(Error::invalid(
          "this data directory is not empty; restoring replaces everything in it (add "
          "--replace to go ahead, or 'hoego backup' it first)",
          "이 데이터 디렉터리는 비어 있지 않습니다. 복원하면 그 안의 모든 것이 바뀝니다 (그래도 "
          "하려면 --replace를 붙이세요. 먼저 'hoego backup'으로 백업해 두어도 됩니다)"));
      return;
    }
    auto summary = restore_database(*db, restore_file);
    if (!context.succeeded(summary)) return;
    const Words words = context.words();
    const std::string held = describe(*summary, words);
    std::cout << (words.korean() ? held + "를 복원했습니다: " + restore_file
                                 : "restored " + held + " from " + restore_file)
              << "\n";
  });
}

}  // namespace hoego::cli
