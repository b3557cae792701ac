// Runs the built hoego binary as a child process, the way a user's shell would, against a data
// directory of its own; and fingerprints that directory's database so that a test can show a
// command wrote nothing.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "../support/temporary_directory.h"

namespace hoego::testing {

// What one run of hoego did.
struct RunResult {
  int exit_code = 0;  // the exit status, or -N when the process was killed by signal N
  std::string out;
  std::string err;
};

// Prints every part of a result, so that a failed expectation shows what hoego said.
std::ostream& operator<<(std::ostream& stream, const RunResult& result);

// Succeeds when `text` contains `part`; otherwise shows both, for EXPECT_TRUE.
::testing::AssertionResult contains(const std::string& text, const std::string& part);

// One user's hoego: each runner has a fresh, empty data directory (removed with it).
class CliRunner {
 public:
  CliRunner() = default;
  CliRunner(const CliRunner&) = delete;
  CliRunner& operator=(const CliRunner&) = delete;

  // Runs HOEGO_BINARY with `arguments` passed byte for byte (no shell), stdin from /dev/null,
  // in the test's environment stripped of every HOEGO_ variable (so no HOEGO_PLUGIN_PATH) and
  // then given HOEGO_DATA (this runner's directory), HOEGO_TZ=Asia/Seoul and HOEGO_LANG=en;
  // `environment` adds or overrides variables.
  // Waits for it to exit. Throws std::system_error when the process cannot be started.
  RunResult run(const std::vector<std::string>& arguments,
                const std::map<std::string, std::string>& environment = {}) const;

  // Every row of every table of <data>/hoego.db, schema included, as one string in an order
  // that depends only on the contents; "(no database)" before the first command creates it.
  // Opens the file read-only. Throws std::runtime_error when SQLite fails.
  std::string database_fingerprint() const;

  const std::filesystem::path& data_directory() const { return data_.path(); }

 private:
  TemporaryDirectory data_;
};

}  // namespace hoego::testing
