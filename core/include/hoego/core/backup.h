// Backing up the database file and restoring it, with SQLite's online backup API: a backup is a
// consistent snapshot even while the server or another command is writing.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/result.h>

#include <cstdint>
#include <filesystem>

namespace hoego {

// What a backup holds.
struct BackupSummary {
  int schema_version = 0;
  int64_t entries = 0;  // deleted ones included: undo can bring them back
  int64_t people = 0;
  int64_t tracks = 0;
  int64_t goals = 0;
};

// Copies the database to `file`, which must not exist yet. The copy appears whole or not at all
// (it is written beside `file` and renamed into place).
Result<BackupSummary> backup_database(Database& db, const std::filesystem::path& file);

// What `file` holds, after checking that it is a sound hoego database this build can read.
Result<BackupSummary> inspect_backup(const std::filesystem::path& file);

// Replaces everything in `db` with the backup in `file`, after inspect_backup's checks, then
// brings an older backup's schema up to date. Changes nothing when any check fails.
Result<BackupSummary> restore_database(Database& db, const std::filesystem::path& file);

}  // namespace hoego
