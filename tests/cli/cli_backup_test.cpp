// hoego backup and restore from the shell.
#include <gtest/gtest.h>

#include "cli_runner.h"

namespace hoego::testing {
namespace {

TEST(CliBackup, BackupThenRestoreIntoAnotherDataDirectory) {
  CliRunner original, copy;
  ASSERT_EQ(original.run({"people", "add", "김민지"}).exit_code, 0);
  ASSERT_EQ(original
                .run({"add", "mentoring", "session", "--with", "김민지", "--field",
                      "duration_min=45", "--title", "포트폴리오 리뷰"})
                .exit_code,
            0);
  const std::string file = (copy.data_directory() / "backup.db").string();
  RunResult backed_up = original.run({"backup", file});
  ASSERT_EQ(backed_up.exit_code, 0) << backed_up;
  EXPECT_TRUE(contains(backed_up.out, "backed up 1 entry, 1 person, 0 tracks and 0 goals to "));
  EXPECT_EQ(original.run({"backup", file}).exit_code, 1) << "never overwrites";

  RunResult restored = copy.run({"restore", file});
  ASSERT_EQ(restored.exit_code, 0) << restored;
  EXPECT_TRUE(contains(copy.run({"list"}).out, "포트폴리오 리뷰"));

  const std::string before = copy.database_fingerprint();
  RunResult again = copy.run({"restore", file});
  EXPECT_EQ(again.exit_code, 1) << again;
  EXPECT_TRUE(contains(again.err, "add --replace"));
  RunResult junk = copy.run({"restore", file + ".missing", "--replace"});
  EXPECT_EQ(junk.exit_code, 1) << junk;
  EXPECT_EQ(copy.database_fingerprint(), before);
  EXPECT_EQ(copy.run({"restore", file, "--replace"}).exit_code, 0);
}

}  // namespace
}  // namespace hoego::testing
