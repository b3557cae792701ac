// A data directory hoego cannot write to gives a clear error that names the file, changes
// nothing, and still lets the user read.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include "../cli/cli_runner.h"

namespace hoego {
namespace {

// Makes a file read-only even for root (the immutable attribute), or for others by its mode.
// Returns false when neither is possible here.
bool make_read_only(const std::filesystem::path& file, bool read_only) {
  if (geteuid() != 0) return chmod(file.c_str(), read_only ? 0444 : 0644) == 0;
  const std::string command =
      std::string("chattr ") + (read_only ? "+i " : "-i ") + file.string() + " 2>/dev/null";
  return std::system(command.c_str()) == 0;
}

TEST(ReadOnlyData, WritingFailsClearlyAndReadingStillWorks) {
  testing::CliRunner hoego;
  ASSERT_EQ(hoego.run({"add", "writing", "post", "--title", "첫 글"}).exit_code, 0);
  const auto file = hoego.data_directory() / "hoego.db";
  // Fold the write-ahead log into the file, as a closed hoego leaves it.
  ASSERT_EQ(hoego.run({"list"}).exit_code, 0);
  const std::string before = hoego.database_fingerprint();
  if (!make_read_only(file, true)) GTEST_SKIP() << "cannot make a file read-only here";

  const testing::RunResult added = hoego.run({"add", "writing", "post", "--title", "둘째 글"});
  const testing::RunResult listed = hoego.run({"list"});
  // What is derived (figures, milestones, the year) is computed and shown, just not kept.
  const testing::RunResult figures = hoego.run({"stats"});
  const testing::RunResult report = hoego.run({"report"});
  make_read_only(file, false);

  EXPECT_EQ(added.exit_code, 3) << added;
  EXPECT_TRUE(testing::contains(
      added.err, "cannot write to " + file.string() + ": it or its directory is read-only"));
  EXPECT_TRUE(testing::contains(added.err, "nothing was changed"));
  EXPECT_EQ(listed.exit_code, 0) << listed;
  EXPECT_TRUE(testing::contains(listed.out, "첫 글"));
  EXPECT_EQ(figures.exit_code, 0) << figures;
  EXPECT_EQ(report.exit_code, 0) << report;
  EXPECT_TRUE(testing::contains(report.out, "첫 글"));
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

}  // namespace
}  // namespace hoego
