// The database file on disk: how it can be opened (decided from its storage before SQLite
// touches it), whether it is hoego's, and what to say when its storage fails or refuses a write.
#pragma once

#include <hoego/core/result.h>

#include <filesystem>
#include <string>

struct sqlite3;

namespace hoego {

enum class FileAccess {
  // Read and written; created when missing.
  kWritable,
  // Only read, with SQLite's usual locks: its shared-memory index (-shm) can still be kept
  // beside the file, so another process writing through other permissions stays visible.
  kReadOnly,
  // Only read, and nothing beside the file can be created (a read-only file system or
  // directory): opened `immutable`, without locks or a -shm index, which a write-ahead log
  // database otherwise cannot be read without (sqlite.org/wal.html, "Read-Only Databases").
  // Never chosen while a -wal file holds changes, which an immutable reader would not see.
  kReadOnlyImmutable,
};

// How `file` can be opened: kWritable when it does not exist yet (its directory decides then)
// or when both it and its directory can be written.
FileAccess file_access(const std::filesystem::path& file);

// SQLite's own words for a failure hoego has none for (a constraint, a bug), in Korean framed.
Error database_error(const std::string& detail);

// What went wrong with `code` on connection `db` (null before it opened), in words a user can
// act on for the failures a user's machine causes: a read-only file or directory, a full disk,
// a disk error, another process holding the file. SQLite rolls the statement (and a failed
// transaction) back, so each says nothing changed.
Error sqlite_error(sqlite3* db, int code);

// The error (ErrorCode::kReadOnly) for a write refused on `file` (empty when the connection has
// no file name): it says whether the file system or the permissions make it read-only, and that
// nothing was changed.
Error read_only_error(const std::string& file);

// The SQLite URI that opens `file` only for reading, immutable or not (its path
// percent-encoded, so a '?' or '#' in a directory name stays part of the path).
std::string read_only_uri(const std::filesystem::path& file, bool immutable);

// Refuses, untouched, a file that is not hoego's: an SQLite database whose tables are all
// another program's (none records hoego's migrations), or no SQLite database at all. A file
// without tables (new, or empty) is hoego's to fill. Reads through `connection`, which must
// not have written anything yet; `file` names the file in the error.
Status check_is_hoegos(sqlite3* connection, const std::filesystem::path& file);

// The same check through a connection of its own that only reads, before a connection that may
// write opens `file` (SQLite rewrites a file's header for the journal mode alone).
// `busy_timeout_milliseconds` is how long it waits for another process's lock.
Status check_is_hoegos(const std::filesystem::path& file, int busy_timeout_milliseconds);

// The error for `file` that SQLite could not open or read (`cause`, from sqlite_error), saying
// why where the storage tells: a new file in a directory that cannot be written, or a read-only
// file whose write-ahead log holds changes that cannot be read without writing beside it.
Error opening_error(const std::filesystem::path& file, const Error& cause);

}  // namespace hoego
