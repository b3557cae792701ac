#include <hoego/core/backup.h>
#include <hoego/core/migrations.h>
#include <sqlite3.h>

#include <charconv>
#include <string>
#include <system_error>

namespace hoego {
namespace {

// A raw connection for the backup's other side, closed on every path.
class Connection {
 public:
  Connection(const std::filesystem::path& path, int flags) {
    code_ = sqlite3_open_v2(path.c_str(), &handle_, flags, nullptr);
    if (handle_ != nullptr) sqlite3_busy_timeout(handle_, 5000);
  }
  ~Connection() { sqlite3_close_v2(handle_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool ok() const { return code_ == SQLITE_OK; }
  sqlite3* handle() const { return handle_; }
  std::string error() const {
    return handle_ != nullptr ? sqlite3_errmsg(handle_) : sqlite3_errstr(code_);
  }

  // The first column of the first row of `sql`, as text; nullopt on an error (see error()).
  std::optional<std::string> scalar(const char* sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle_, sql, -1, &statement, nullptr) != SQLITE_OK) return {};
    std::optional<std::string> value;
    if (sqlite3_step(statement) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(statement, 0);
      value = text != nullptr ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(statement);
    return value;
  }

 private:
  sqlite3* handle_ = nullptr;
  int code_ = SQLITE_OK;
};

// Copies every page of `from` into `to` in one step, so that the copy is one snapshot.
Status copy_pages(sqlite3* from, sqlite3* to) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr)
    return Error::storage(sqlite3_errmsg(to),
                          std::string("복사를 시작할 수 없습니다: ") + sqlite3_errmsg(to));
  const int step = sqlite3_backup_step(backup, -1);
  const int finish = sqlite3_backup_finish(backup);
  if (step != SQLITE_DONE || finish != SQLITE_OK) {
    const std::string reason = sqlite3_errstr(step != SQLITE_DONE ? step : finish);
    return Error::storage("the copy failed: " + reason, "복사하지 못했습니다: " + reason);
  }
  return Status::success();
}

Error cannot_open(const std::filesystem::path& file, const Connection& connection) {
  return Error::invalid("cannot open '" + file.string() + "': " + connection.error(),
                        "파일을 열 수 없습니다: '" + file.string() + "': " + connection.error());
}

Result<BackupSummary> summarize(Connection& connection, const std::filesystem::path& file) {
  const std::string name = "'" + file.string() + "'";
  auto integrity = connection.scalar("PRAGMA quick_check");
  auto not_hoegos = [&] {
    return Error::invalid(
        name + " is not a hoego database: " + connection.error(),
        "hoego 데이터베이스가 아닙니다: " + name + " (" + connection.error() + ")");
  };
  if (!integrity) return not_hoegos();
  if (*integrity != "ok")
    return Error::invalid(name + " is damaged: " + *integrity,
                          "손상된 파일입니다: " + name + " (" + *integrity + ")");
  auto version = connection.scalar("SELECT MAX(version) FROM schema_migrations");
  if (!version || version->empty())
    return Error::invalid(
        name + " is an SQLite database, but not hoego's (no schema versions)",
        "SQLite 데이터베이스이지만 hoego의 것이 아닙니다: " + name + " (스키마 버전이 없습니다)");
  BackupSummary summary;
  const auto [end, error] =
      std::from_chars(version->data(), version->data() + version->size(), summary.schema_version);
  if (error != std::errc() || end != version->data() + version->size())
    return Error::invalid(
        name + " is not a hoego database (its schema version is '" + *version + "')",
        "hoego 데이터베이스가 아닙니다: " + name + " (스키마 버전이 '" + *version + "'입니다)");
  if (summary.schema_version > latest_schema_version()) {
    const std::string latest = std::to_string(latest_schema_version());
    return Error::invalid(name + " was written by a newer hoego (schema " + *version +
                              "; this one knows up to " + latest + "); upgrade hoego first",
                          "더 새로운 hoego가 쓴 파일입니다: " + name + " (스키마 " + *version +
                              ", 이 hoego는 " + latest +
                              "까지 압니다). 먼저 hoego를 업그레이드해 주세요");
  }
  auto count = [&](const char* sql) -> std::optional<int64_t> {
    auto value = connection.scalar(sql);
    int64_t number = 0;
    if (!value ||
        std::from_chars(value->data(), value->data() + value->size(), number).ec != std::errc())
      return std::nullopt;
    return number;
  };
  const auto entries = count("SELECT COUNT(*) FROM entries");
  const auto people = count("SELECT COUNT(*) FROM people");
  const auto tracks = count("SELECT COUNT(*) FROM tracks");
  if (!entries || !people || !tracks) return not_hoegos();
  summary.entries = *entries;
  summary.people = *people;
  summary.tracks = *tracks;
  // Goals came with schema 2.
  summary.goals = summary.schema_version >= 2 ? count("SELECT COUNT(*) FROM goals").value_or(0) : 0;
  return summary;
}

}  // namespace

Result<BackupSummary> backup_database(Database& db, const std::filesystem::path& file) {
  std::error_code error;
  if (std::filesystem::exists(file, error))
    return Error::invalid(
        "'" + file.string() + "' already exists; choose a new file name",
        "이미 있는 파일입니다: '" + file.string() + "' (새 파일 이름을 골라 주세요)");
  std::filesystem::path partial = file;
  partial += ".partial";
  std::filesystem::remove(partial, error);
  {
    Connection target(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!target.ok())
      return Error::invalid("cannot write '" + file.string() + "': " + target.error(),
                            "파일을 쓸 수 없습니다: '" + file.string() + "': " + target.error());
    if (auto status = copy_pages(db.handle(), target.handle()); !status) {
      std::filesystem::remove(partial, error);
      return status.error();
    }
    // A backup is one self-contained file: no -wal beside it.
    target.scalar("PRAGMA journal_mode = DELETE");
  }
  std::filesystem::rename(partial, file, error);
  if (error) {
    const std::string reason = error.message();  // before remove() reuses `error`
    std::filesystem::remove(partial, error);
    return Error::storage("cannot move the backup into place: " + reason,
                          "백업 파일을 제자리로 옮기지 못했습니다: " + reason);
  }
  return inspect_backup(file);
}

Result<BackupSummary> inspect_backup(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error))
    return Error::invalid("'" + file.string() + "' is not a file",
                          "파일이 아닙니다: '" + file.string() + "'");
  Connection source(file, SQLITE_OPEN_READONLY);
  if (!source.ok()) return cannot_open(file, source);
  return summarize(source, file);
}

Result<BackupSummary> restore_database(Database& db, const std::filesystem::path& file) {
  auto summary = inspect_backup(file);
  if (!summary) return summary.error();
  Connection source(file, SQLITE_OPEN_READONLY);
  if (!source.ok()) return cannot_open(file, source);
  if (auto status = copy_pages(source.handle(), db.handle()); !status) return status.error();
  if (auto status = migrate(db); !status) return status.error();
  return summary;
}

}  // namespace hoego
