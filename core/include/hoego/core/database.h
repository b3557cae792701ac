// A thin RAII layer over one SQLite connection: prepared statements only, errors as values.
#pragma once

#include <hoego/core/result.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace hoego {

// A connection's prepared statements not in use, kept for the next prepare of the same SQL.
struct StatementCache;

// One prepared statement. Bind parameters are 1-based, as in SQLite. Move-only. When it came
// from a connection's cache it goes back there, reset, instead of being finalised.
class Statement {
 public:
  Statement() = default;
  explicit Statement(sqlite3_stmt* statement, std::shared_ptr<StatementCache> cache = nullptr);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, int64_t number);
  Statement& bind(int index, int number) { return bind(index, static_cast<int64_t>(number)); }
  Statement& bind(int index, double number);
  Statement& bind(int index, std::nullopt_t);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
  }

  // Advances to the next row: true when a row is available, false when done.
  Result<bool> step();
  // Runs a statement that returns no rows to completion.
  Status run();
  // Resets the statement and clears its bindings so that it can run again.
  void reset();

  // How many columns each row of the result has.
  int column_count() const;
  // The name of a result column, as the query gave it.
  std::string name(int column) const;
  // The storage class of a column's value in the current row.
  enum class Type { kInteger, kReal, kText, kBlob, kNull };
  Type type(int column) const;
  bool is_null(int column) const;
  int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::optional<int64_t> optional_integer(int column) const;

 private:
  void release();

  sqlite3_stmt* statement_ = nullptr;
  std::shared_ptr<StatementCache> cache_;
};

// One connection to the hoego database file. Move-only; closes on destruction.
class Database {
 public:
  // Opens (creating if missing) the database at `path` with WAL, foreign keys and a busy
  // timeout, and brings its schema up to date. ":memory:" opens a private in-memory database.
  // A file on storage that refuses writes (a read-only file system, directory or file) is
  // opened only for reading: it must be of this build's schema, and each write then fails with
  // ErrorCode::kReadOnly. Refuses, untouched, a file whose tables are another program's or that
  // is no SQLite database (kStorage).
  static Result<Database> open(const std::filesystem::path& path);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Prepares one SQL statement.
  Result<Statement> prepare(std::string_view sql);
  // Runs SQL text without parameters (schema changes, pragmas). Never use with user input.
  Status execute_script(const char* sql);
  int64_t last_insert_id() const;

  // Rows changed by the latest INSERT, UPDATE or DELETE.
  int changes() const;
  // Changes whenever another connection commits to the file (PRAGMA data_version).
  Result<int64_t> data_version();
  // Rows this connection has inserted, updated or deleted since it opened, triggers included.
  int64_t total_changes() const;
  // The schema version recorded by the migrations.
  Result<int> schema_version();
  std::string last_error() const;
  // True when the connection can only read (opened so on read-only storage).
  bool read_only() const;
  // The database file's path; empty for an in-memory database.
  std::string file_name() const;
  sqlite3* handle() { return db_; }

 private:
  explicit Database(sqlite3* db);
  void close();

  sqlite3* db_ = nullptr;
  // Parsing SQL was half the cost of storing an entry: statements are prepared once per
  // connection (docs/performance.md).
  std::shared_ptr<StatementCache> statements_;
};

// While alive, the connection does not wait for another connection's lock: a busy database
// fails at once. For writes that may be skipped, such as keeping what was derived, which must
// never hold up the user's own writes or wait on them.
class NoWaiting {
 public:
  explicit NoWaiting(Database& db);
  NoWaiting(const NoWaiting&) = delete;
  NoWaiting& operator=(const NoWaiting&) = delete;
  ~NoWaiting();

 private:
  Database& db_;
};

// Runs a group of writes atomically: rolls back on destruction unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  // Begins the transaction and takes the write lock (waiting for it as long as the busy timeout
  // allows); must be checked before writing.
  Status begin();
  // Begins a transaction that only reads until its first write: its reads see one snapshot, and
  // it holds no lock against other writers until then.
  Status begin_read();
  Status commit();

 private:
  Database& db_;
  bool open_ = false;
};

}  // namespace hoego
