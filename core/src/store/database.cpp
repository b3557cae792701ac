#include <hoego/core/database.h>
#include <hoego/core/migrations.h>
#include <sqlite3.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "database_file.h"

namespace hoego {

// Several processes (the CLI and a running server) share the file: each waits this long for
// another's lock before giving up.
constexpr int kBusyTimeoutMilliseconds = 5000;

// Prepared statements not in use, by SQL text. A text keeps its slot once seen, so taking a
// statement and giving it back allocates nothing: an import prepares three per entry.
struct StatementCache {
  static constexpr size_t kCapacity = 128;  // SQL built with literal values must not pile up
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };

  bool open = true;
  size_t idle_count = 0;
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>, TextHash, std::equal_to<>> idle;

  // An idle statement for `sql`, or null.
  sqlite3_stmt* take(std::string_view sql) {
    auto slot = idle.find(sql);
    if (slot == idle.end() || slot->second.empty()) return nullptr;
    sqlite3_stmt* statement = slot->second.back();
    slot->second.pop_back();
    --idle_count;
    return statement;
  }

  // Keeps `statement` (reset) for its SQL's next use; false when there is no room for it.
  bool give_back(sqlite3_stmt* statement) {
    if (idle_count >= kCapacity) return false;
    const std::string_view sql = sqlite3_sql(statement);
    auto slot = idle.find(sql);
    if (slot == idle.end()) {
      if (idle.size() >= kCapacity)
        std::erase_if(idle, [](auto& text) { return text.second.empty(); });
      if (idle.size() >= kCapacity) return false;
      slot = idle.emplace(std::string(sql), std::vector<sqlite3_stmt*>{}).first;
    }
    slot->second.push_back(statement);
    ++idle_count;
    return true;
  }

  void finalize_all() {
    for (auto& [sql, statements] : idle)
      for (sqlite3_stmt* statement : statements) sqlite3_finalize(statement);
    idle.clear();
    idle_count = 0;
  }
};

Statement::Statement(sqlite3_stmt* statement, std::shared_ptr<StatementCache> cache)
    : statement_(statement), cache_(std::move(cache)) {}

Statement::Statement(Statement&& other) noexcept
    : statement_(std::exchange(other.statement_, nullptr)), cache_(std::move(other.cache_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    release();
    statement_ = std::exchange(other.statement_, nullptr);
    cache_ = std::move(other.cache_);
  }
  return *this;
}

void Statement::release() {
  if (statement_ == nullptr) return;
  if (cache_ && cache_->open) {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    if (cache_->give_back(statement_)) statement_ = nullptr;
  }
  sqlite3_finalize(statement_);  // a no-op when it went back to the cache
  statement_ = nullptr;
  cache_.reset();
}

Statement::~Statement() { release(); }

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, int64_t number) {
  sqlite3_bind_int64(statement_, index, number);
  return *this;
}

Statement& Statement::bind(int index, double number) {
  sqlite3_bind_double(statement_, index, number);
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  sqlite3_bind_null(statement_, index);
  return *this;
}

Result<bool> Statement::step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return sqlite_error(sqlite3_db_handle(statement_), code);
}

Status Statement::run() {
  for (;;) {
    auto row = step();
    if (!row) return row.error();
    if (!*row) return Status::success();
  }
}

void Statement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

int Statement::column_count() const { return sqlite3_column_count(statement_); }

std::string Statement::name(int column) const {
  const char* name = sqlite3_column_name(statement_, column);
  return name != nullptr ? name : "";
}

Statement::Type Statement::type(int column) const {
  switch (sqlite3_column_type(statement_, column)) {
    case SQLITE_INTEGER:
      return Type::kInteger;
    case SQLITE_FLOAT:
      return Type::kReal;
    case SQLITE_BLOB:
      return Type::kBlob;
    case SQLITE_NULL:
      return Type::kNull;
    default:
      return Type::kText;
  }
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

double Statement::real(int column) const { return sqlite3_column_double(statement_, column); }

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  if (bytes == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(bytes),
                     static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<int64_t> Statement::optional_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

Result<Database> Database::open(const std::filesystem::path& path) {
  const bool in_memory = path == ":memory:";
  const FileAccess access = in_memory ? FileAccess::kWritable : file_access(path);
  const bool read_only = access != FileAccess::kWritable;
  // Another program's file is refused before anything is written to it: setting the journal
  // mode alone rewrites its header. A connection that only reads checks on itself, below.
  if (!in_memory && !read_only)
    if (auto status = check_is_hoegos(path, kBusyTimeoutMilliseconds); !status)
      return status.error();
  sqlite3* handle = nullptr;
  const int code =
      read_only
          ? sqlite3_open_v2(read_only_uri(path, access == FileAccess::kReadOnlyImmutable).c_str(),
                            &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr)
          : sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr);
  Database db(handle);
  if (code != SQLITE_OK) return opening_error(path, sqlite_error(handle, code));
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, kBusyTimeoutMilliseconds);
  if (read_only)
    if (auto status = check_is_hoegos(handle, path); !status) return status.error();
  // The journal mode and syncing are the writer's to set; a reader takes the file as it is.
  if (!read_only)
    if (auto status = db.execute_script("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        !status)
      return opening_error(path, status.error());
  if (auto status = db.execute_script(
          // Reads through memory mapping and a 64 MiB page cache rather than a read() call per
          // page (docs/performance.md).
          "PRAGMA mmap_size = 268435456;"
          "PRAGMA cache_size = -65536;"
          // Statement journals in memory: each insert's triggers (migration 3) otherwise wrote
          // one to a temporary file, seven writes per entry stored.
          "PRAGMA temp_store = MEMORY;"
          "PRAGMA foreign_keys = ON;");
      !status)
    return opening_error(path, status.error());
  if (auto status = migrate(db); !status) return status.error();
  return db;
}

Database::Database(sqlite3* db) : db_(db), statements_(std::make_shared<StatementCache>()) {}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), statements_(std::move(other.statements_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    close();
    db_ = std::exchange(other.db_, nullptr);
    statements_ = std::move(other.statements_);
  }
  return *this;
}

Database::~Database() { close(); }

void Database::close() {
  // Statements still in use finalise themselves; SQLite closes once the last one has.
  if (statements_) {
    statements_->finalize_all();
    statements_->open = false;
  }
  sqlite3_close_v2(db_);
  db_ = nullptr;
}

Result<Statement> Database::prepare(std::string_view sql) {
  if (statements_) {
    if (sqlite3_stmt* statement = statements_->take(sql); statement != nullptr)
      return Statement(statement, statements_);
  }
  sqlite3_stmt* statement = nullptr;
  const int code =
      sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
  if (code != SQLITE_OK) return sqlite_error(db_, code);
  return Statement(statement, statements_);
}

Status Database::execute_script(const char* sql) {
  char* message = nullptr;
  if (const int code = sqlite3_exec(db_, sql, nullptr, nullptr, &message); code != SQLITE_OK) {
    Error error = (code & 0xff) == SQLITE_ERROR && message != nullptr ? database_error(message)
                                                                      : sqlite_error(db_, code);
    sqlite3_free(message);
    return error;
  }
  return Status::success();
}

int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

Result<int64_t> Database::data_version() {
  auto statement = prepare("PRAGMA data_version");
  if (!statement) return statement.error();
  auto row = statement->step();
  if (!row) return row.error();
  return statement->integer(0);
}

// Not sqlite3_total_changes64, which needs SQLite 3.37; callers compare for equality only, so
// wrapping past INT_MAX does no harm.
int64_t Database::total_changes() const { return sqlite3_total_changes(db_); }

Result<int> Database::schema_version() {
  auto statement = prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!statement) return statement.error();
  auto row = statement->step();
  if (!row) return row.error();
  return static_cast<int>(statement->integer(0));
}

std::string Database::last_error() const { return sqlite3_errmsg(db_); }

bool Database::read_only() const { return sqlite3_db_readonly(db_, "main") == 1; }

std::string Database::file_name() const {
  const char* file = sqlite3_db_filename(db_, "main");
  return file != nullptr ? file : "";
}

Transaction::Transaction(Database& db) : db_(db) {}

Transaction::~Transaction() {
  if (open_) (void)db_.execute_script("ROLLBACK");
}

Status Transaction::begin_read() {
  auto status = db_.execute_script("BEGIN");
  open_ = status.ok();
  return status;
}

NoWaiting::NoWaiting(Database& db) : db_(db) { sqlite3_busy_timeout(db_.handle(), 0); }

NoWaiting::~NoWaiting() { sqlite3_busy_timeout(db_.handle(), kBusyTimeoutMilliseconds); }

Status Transaction::begin() {
  // IMMEDIATE takes the write lock up front, so the busy timeout applies here rather than
  // failing half-way through with SQLITE_BUSY on a read-to-write upgrade.
  auto status = db_.execute_script("BEGIN IMMEDIATE");
  open_ = status.ok();
  return status;
}

Status Transaction::commit() {
  auto status = db_.execute_script("COMMIT");
  if (status) open_ = false;
  return status;
}

}  // namespace hoego
