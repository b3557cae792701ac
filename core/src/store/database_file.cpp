#include "database_file.h"

#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>
#include <vector>

namespace hoego {
namespace {

namespace fs = std::filesystem;

fs::path directory_of(const fs::path& file) {
  return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

// access(2), not the file's mode: the kernel answers for a read-only file system (EROFS), an
// immutable file (EPERM) and root's permission to write anything else alike.
bool writable(const fs::path& path) { return access(path.c_str(), W_OK) == 0; }

bool on_read_only_file_system(const fs::path& path) {
  struct statvfs status {};
  return statvfs(path.c_str(), &status) == 0 && (status.f_flag & ST_RDONLY) != 0;
}

// Changes written to the write-ahead log and not yet merged into the file.
bool has_unmerged_log(const fs::path& file) {
  fs::path log = file;
  log += "-wal";
  std::error_code error;
  const auto size = fs::file_size(log, error);
  return !error && size > 0;
}

// The tables of the database `connection` has open, SQLite's own left out, or SQLite's code
// for why it cannot read them.
struct Tables {
  int code = SQLITE_OK;
  std::vector<std::string> names;
};

Tables tables_of(sqlite3* connection) {
  Tables tables;
  sqlite3_stmt* statement = nullptr;
  tables.code = sqlite3_prepare_v2(connection,
                                   "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                   "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                                   -1, &statement, nullptr);
  while (tables.code == SQLITE_OK) {
    const int step = sqlite3_step(statement);
    if (step == SQLITE_ROW)
      tables.names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    else if (step != SQLITE_DONE)
      tables.code = step;
    else
      break;
  }
  sqlite3_finalize(statement);
  return tables;
}

Error not_hoegos(const fs::path& file, const std::string& what, const std::string& what_ko) {
  return Error::storage(
      file.string() + " is not a hoego database: " + what +
          "; hoego left it untouched (choose another data directory with --data or HOEGO_DATA, "
          "or move the file away)",
      file.string() + "은(는) hoego 데이터베이스가 아닙니다: " + what_ko +
          ". 손대지 않았습니다 (--data나 HOEGO_DATA로 다른 데이터 디렉터리를 고르거나 파일을 "
          "옮겨 주세요)");
}

}  // namespace

Error database_error(const std::string& detail) {
  return Error::storage(detail, "데이터베이스 오류: " + detail);
}

Error sqlite_error(sqlite3* db, int code) {
  const char* file = db != nullptr ? sqlite3_db_filename(db, "main") : nullptr;
  const bool named = file != nullptr && *file != '\0';
  const std::string where = named ? file : "the database";
  const std::string where_ko = named ? file : "데이터베이스";
  const std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  // SQLite says "full" only for its own files' growth; a full disk met while growing the
  // shared-memory index or syncing is an I/O error whose system error tells the truth. That
  // error stays from the last failed system call, so it speaks only for an I/O error.
  const int primary = code & 0xff;
  const int system_error = db != nullptr && (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN)
                               ? sqlite3_system_errno(db)
                               : 0;
  if (system_error == ENOSPC || system_error == EDQUOT) code = SQLITE_FULL;
  switch (code & 0xff) {
    case SQLITE_READONLY:
      return read_only_error(named ? file : "");
    case SQLITE_FULL:
      return Error::storage("cannot write to " + where +
                                ": the disk is full; free some space and try again — nothing was "
                                "changed",
                            where_ko +
                                "에 쓸 수 없습니다: 디스크가 가득 찼습니다. 공간을 비운 뒤 다시 "
                                "시도해 주세요. 아무것도 바뀌지 않았습니다");
    case SQLITE_IOERR:
      return Error::storage(
          "cannot read or write " + where + ": a disk error (" + detail + "); nothing was changed",
          "읽거나 쓸 수 없습니다: " + where_ko + " (디스크 오류: " + detail +
              "). 아무것도 바뀌지 않았습니다");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error::storage("another hoego kept " + where +
                                " busy for more than 5 seconds; try again — nothing was changed",
                            "다른 hoego가 5초 넘게 쓰고 있습니다: " + where_ko +
                                ". 다시 시도해 주세요. 아무것도 바뀌지 않았습니다");
    default:
      return database_error(detail);
  }
}

FileAccess file_access(const fs::path& file) {
  std::error_code error;
  if (!fs::exists(file, error)) return FileAccess::kWritable;
  const bool directory_writable = writable(directory_of(file));
  if (directory_writable && writable(file)) return FileAccess::kWritable;
  if (!directory_writable && !has_unmerged_log(file)) return FileAccess::kReadOnlyImmutable;
  return FileAccess::kReadOnly;
}

Error read_only_error(const std::string& file) {
  const std::string where = file.empty() ? "the database" : file;
  const std::string where_ko = file.empty() ? "데이터베이스" : file;
  if (!file.empty() && on_read_only_file_system(directory_of(file)))
    return Error::read_only("cannot write to " + where +
                                ": it is on a read-only file system, where hoego can only read "
                                "it; nothing was changed",
                            where_ko +
                                "에 쓸 수 없습니다: 읽기 전용 파일 시스템에 있어 읽기만 할 수 "
                                "있습니다. 아무것도 바뀌지 않았습니다");
  return Error::read_only("cannot write to " + where +
                              ": it or its directory is read-only (check their permissions); "
                              "nothing was changed",
                          where_ko +
                              "에 쓸 수 없습니다: 파일이나 그 디렉터리가 읽기 전용입니다 "
                              "(권한을 확인해 주세요). 아무것도 바뀌지 않았습니다");
}

Status check_is_hoegos(sqlite3* connection, const fs::path& file) {
  const Tables tables = tables_of(connection);
  if ((tables.code & 0xff) == SQLITE_NOTADB)
    return not_hoegos(file, "it is not an SQLite database", "SQLite 데이터베이스가 아닙니다");
  if (tables.code != SQLITE_OK) return opening_error(file, sqlite_error(connection, tables.code));
  if (tables.names.empty()) return Status::success();
  for (const auto& name : tables.names)
    if (name == "schema_migrations") return Status::success();
  // A few of its tables, for the user to recognise whose file it is.
  std::string named;
  for (size_t i = 0; i < tables.names.size() && i < 3; ++i)
    named += (i > 0 ? ", " : "") + tables.names[i];
  if (tables.names.size() > 3) named += ", …";
  return not_hoegos(file, "its tables (" + named + ") are another program's",
                    "다른 프로그램의 테이블(" + named + ")이 있습니다");
}

Status check_is_hoegos(const fs::path& file, int busy_timeout_milliseconds) {
  std::error_code error;
  if (!fs::exists(file, error) || fs::file_size(file, error) == 0) return Status::success();
  sqlite3* connection = nullptr;
  const int code = sqlite3_open_v2(read_only_uri(file, false).c_str(), &connection,
                                   SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  Status status;
  if (code != SQLITE_OK) {
    status = opening_error(file, sqlite_error(connection, code));
  } else {
    sqlite3_busy_timeout(connection, busy_timeout_milliseconds);
    status = check_is_hoegos(connection, file);
  }
  sqlite3_close_v2(connection);
  return status;
}

Error opening_error(const fs::path& file, const Error& cause) {
  std::error_code error;
  const bool exists = fs::exists(file, error);
  const bool directory_writable = writable(directory_of(file));
  if (!exists && !fs::is_directory(directory_of(file), error))
    return Error::storage("cannot create database " + file.string() + ": its directory " +
                              directory_of(file).string() + " does not exist",
                          "데이터베이스를 만들 수 없습니다: " + file.string() + ": 디렉터리 " +
                              directory_of(file).string() + "이(가) 없습니다");
  if (!exists && !directory_writable)
    return Error::read_only(
        "cannot create database " + file.string() +
            ": its directory is read-only (a read-only file system, or check its permissions)",
        "데이터베이스를 만들 수 없습니다: " + file.string() +
            ": 디렉터리가 읽기 전용입니다 (읽기 전용 파일 시스템이거나 권한 문제입니다)");
  if (exists && !directory_writable && has_unmerged_log(file))
    return Error::read_only(
        "cannot read " + file.string() +
            ": it is read-only and its write-ahead log (-wal) holds changes that cannot be read "
            "without writing beside it; open it once where it can be written, or copy the data "
            "directory to one that can",
        file.string() +
            "을(를) 읽을 수 없습니다: 읽기 전용인데 아직 합쳐지지 않은 변경이 로그(-wal)에 "
            "남아 있어, 옆에 파일을 쓰지 않고는 읽을 수 없습니다. 쓸 수 있는 곳에서 한 번 "
            "열거나 데이터 디렉터리를 쓸 수 있는 곳으로 복사해 주세요");
  return {cause.code == ErrorCode::kReadOnly ? ErrorCode::kReadOnly : ErrorCode::kStorage,
          "cannot open database " + file.string() + ": " + cause.message,
          {},
          "데이터베이스를 열 수 없습니다: " + file.string() + ": " + cause.in("ko")};
}

std::string read_only_uri(const fs::path& file, bool immutable) {
  // "file://" and an absolute path, so that a path starting with "//" is not read as a host
  // name; "file:" and the path as given when it has no absolute form.
  std::error_code error;
  const fs::path absolute = fs::absolute(file, error);
  std::string uri = error ? "file:" : "file://";
  for (const unsigned char c : (error ? file : absolute).string()) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      uri += static_cast<char>(c);
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      uri += escaped;
    }
  }
  return uri + (immutable ? "?mode=ro&immutable=1" : "?mode=ro");
}

}  // namespace hoego
