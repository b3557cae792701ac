#include "cli_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <memory>
#include <stdexcept>
#include <system_error>

extern char** environ;

namespace hoego::testing {
namespace {

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

// Closes a file descriptor once, when its owner goes away.
class FileDescriptor {
 public:
  FileDescriptor() = default;
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() { reset(); }

  int get() const { return descriptor_; }
  void reset(int descriptor = -1) {
    if (descriptor_ >= 0) close(descriptor_);
    descriptor_ = descriptor;
  }

 private:
  int descriptor_ = -1;
};

// A pipe whose ends are not inherited across exec unless dup2'd onto a standard stream.
struct Pipe {
  Pipe() {
    std::array<int, 2> ends{};
    if (pipe2(ends.data(), O_CLOEXEC) != 0) throw_errno("pipe2");
    read_end.reset(ends[0]);
    write_end.reset(ends[1]);
  }

  FileDescriptor read_end;
  FileDescriptor write_end;
};

// The test's own environment minus every HOEGO_ variable, then the runner's settings.
std::vector<std::string> child_environment(const std::filesystem::path& data,
                                           const std::map<std::string, std::string>& overrides) {
  std::map<std::string, std::string> variables;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string text = *entry;
    const auto equals = text.find('=');
    if (equals == std::string::npos || text.rfind("HOEGO_", 0) == 0) continue;
    variables[text.substr(0, equals)] = text.substr(equals + 1);
  }
  variables["HOEGO_DATA"] = data.string();
  variables["HOEGO_TZ"] = "Asia/Seoul";
  variables["HOEGO_LANG"] = "en";
  for (const auto& [name, value] : overrides) variables[name] = value;
  std::vector<std::string> environment;
  environment.reserve(variables.size());
  for (const auto& [name, value] : variables)
    environment.emplace_back(name).append("=").append(value);
  return environment;
}

std::vector<char*> pointers_to(std::vector<std::string>& texts) {
  std::vector<char*> pointers;
  pointers.reserve(texts.size() + 1);
  for (auto& text : texts) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Reads stdout and stderr together until both close, so that neither pipe fills up and
// blocks the child.
void read_until_closed(const Pipe& out, const Pipe& err, RunResult& result) {
  std::array<pollfd, 2> watched{{{out.read_end.get(), POLLIN, 0}, {err.read_end.get(), POLLIN, 0}}};
  std::array<std::string*, 2> sinks{&result.out, &result.err};
  int open = 2;
  while (open > 0) {
    if (poll(watched.data(), watched.size(), -1) < 0) {
      if (errno == EINTR) continue;
      throw_errno("poll");
    }
    for (size_t i = 0; i < watched.size(); ++i) {
      if (watched[i].fd < 0 || watched[i].revents == 0) continue;
      std::array<char, 4096> buffer{};
      const ssize_t count = read(watched[i].fd, buffer.data(), buffer.size());
      if (count > 0) {
        sinks[i]->append(buffer.data(), static_cast<size_t>(count));
      } else if (count == 0 || errno != EINTR) {
        watched[i].fd = -1;  // poll skips negative descriptors
        --open;
      }
    }
  }
}

int wait_for(pid_t child) {
  int status = 0;
  while (waitpid(child, &status, 0) < 0)
    if (errno != EINTR) throw_errno("waitpid");
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return -WTERMSIG(status);
}

// One value as the fingerprint shows it; NULL and the text 'NULL' stay apart.
std::string column_text(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_NULL:
      return "NULL";
    case SQLITE_INTEGER:
      return std::to_string(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
      return std::to_string(sqlite3_column_double(statement, column));
    default: {
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
      return "'" +
             std::string(bytes == nullptr ? "" : bytes,
                         static_cast<size_t>(sqlite3_column_bytes(statement, column))) +
             "'";
    }
  }
}

// Calls `visit` with each row of `sql`'s result.
template <typename Visit>
void for_each_row(sqlite3* db, const std::string& sql, Visit visit) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
    throw std::runtime_error(sql + ": " + sqlite3_errmsg(db));
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, &sqlite3_finalize);
  int step = SQLITE_ROW;
  while ((step = sqlite3_step(statement.get())) == SQLITE_ROW) visit(statement.get());
  if (step != SQLITE_DONE) throw std::runtime_error(sql + ": " + sqlite3_errmsg(db));
}

// Every row of a table as "column=value, …", sorted: the order rows sit on disk is not content.
std::vector<std::string> sorted_rows(sqlite3* db, const std::string& table) {
  std::vector<std::string> rows;
  for_each_row(db, "SELECT * FROM \"" + table + "\"", [&rows](sqlite3_stmt* statement) {
    std::string row;
    for (int column = 0; column < sqlite3_column_count(statement); ++column)
      row += (column == 0 ? "" : ", ") + std::string(sqlite3_column_name(statement, column)) + "=" +
             column_text(statement, column);
    rows.push_back(std::move(row));
  });
  std::sort(rows.begin(), rows.end());
  return rows;
}

}  // namespace

::testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected to find\n  " << part << "\nin\n" << text;
}

std::ostream& operator<<(std::ostream& stream, const RunResult& result) {
  return stream << "exit code " << result.exit_code << "\n--- stdout\n"
                << result.out << "--- stderr\n"
                << result.err << "---";
}

RunResult CliRunner::run(const std::vector<std::string>& arguments,
                         const std::map<std::string, std::string>& environment) const {
  std::vector<std::string> argv_texts{HOEGO_BINARY};
  argv_texts.insert(argv_texts.end(), arguments.begin(), arguments.end());
  std::vector<std::string> environment_texts = child_environment(data_directory(), environment);
  std::vector<char*> argv = pointers_to(argv_texts);
  std::vector<char*> envp = pointers_to(environment_texts);

  Pipe out;
  Pipe err;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.write_end.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write_end.get(), STDERR_FILENO);
  pid_t child = 0;
  const int spawned =
      posix_spawn(&child, HOEGO_BINARY, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    throw std::system_error(spawned, std::generic_category(), "posix_spawn " HOEGO_BINARY);
  // Only the child may hold the write ends, or the reads below would never see end of file.
  out.write_end.reset();
  err.write_end.reset();

  RunResult result;
  read_until_closed(out, err, result);
  result.exit_code = wait_for(child);
  return result;
}

std::string CliRunner::database_fingerprint() const {
  const auto file = data_directory() / "hoego.db";
  if (!std::filesystem::exists(file)) return "(no database)";
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, &sqlite3_close);
  if (opened != SQLITE_OK)
    throw std::runtime_error("cannot open " + file.string() + ": " + sqlite3_errstr(opened));

  // The schema first, as a table of its own; then every table, user's and SQLite's, by name.
  std::vector<std::string> tables;
  for_each_row(
      db.get(), "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
      [&tables](sqlite3_stmt* statement) {
        tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
      });
  tables.insert(tables.begin(), "sqlite_schema");
  std::string fingerprint;
  for (const auto& table : tables) {
    fingerprint += "table " + table + "\n";
    for (const auto& row : sorted_rows(db.get(), table)) fingerprint += "  " + row + "\n";
  }
  return fingerprint;
}

}  // namespace hoego::testing
