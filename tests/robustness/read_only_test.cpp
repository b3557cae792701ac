// A data directory hoego cannot write to gives a clear error that names the file, changes
// nothing, and still lets the user read. The read-only file system is a real one: the data
// directory bind-mounted read-only in a private mount namespace (`unshare -rm`), so no
// privilege beyond a user namespace is needed; those tests are skipped where there is none.
#include <gtest/gtest.h>
#include <hoego/core/migrations.h>
#include <httplib.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "../cli/cli_runner.h"
#include "../support/child_process.h"

namespace hoego {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kCannotMount = 77;

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

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Quotes `text` for sh.
std::string quoted(const std::string& text) {
  std::string result = "'";
  for (char c : text) result += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return result + "'";
}

// Makes each directory of `directories` ("$DATA") a read-only bind mount of itself in the mount
// namespace the script runs in; exits kCannotMount when it cannot.
std::string mount_read_only(const std::string& directories) {
  return "for d in " + directories +
         "; do mount --bind \"$d\" \"$d\" && mount -o remount,bind,ro \"$d\" || exit " +
         std::to_string(kCannotMount) + "; done\n";
}

// What a script run on read-only directories left: `mounted` false when there was no private
// mount namespace to be had (the test is skipped then, with `error`).
struct ReadOnlyRun {
  bool mounted = false;
  int status = 0;
  std::string error;
  fs::path work;

  std::string said(const std::string& name, const char* stream) const {
    return read_file(work / (name + "." + stream));
  }
  std::string code(const std::string& name) const { return said(name, "code"); }
};

// Runs `commands` (sh) where each directory of `mounts`, passed as the variable that names it,
// is mounted read-only, in a clean environment as CliRunner gives, bounded by `timeout`. Each
// `run NAME ARGS…` runs hoego with ARGS on $DATA and leaves NAME.out, NAME.err and NAME.code in
// `work`.
ReadOnlyRun run_read_only(const std::map<std::string, fs::path>& mounts,
                          const std::string& commands, const fs::path& work) {
  std::string variables, directories;
  for (const auto& [name, directory] : mounts) {
    variables += " " + name + "=" + quoted(directory.string());
    directories += " \"$" + name + "\"";
  }
  const std::string script = "set -u\n" + mount_read_only(directories) + R"sh(
: >"$WORK/mounted"
export HOEGO_DATA="$DATA" HOEGO_TZ=Asia/Seoul HOEGO_LANG=en
run() { name=$1; shift; "$HOEGO" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"; echo $? >"$WORK/$name.code"; }
)sh" + commands;
  const char* path = std::getenv("PATH");
  const std::string command = "env -i PATH=" + quoted(path != nullptr ? path : "/usr/bin:/bin") +
                              variables + " WORK=" + quoted(work.string()) +
                              " HOEGO=" + quoted(HOEGO_BINARY) + " timeout 120 unshare -rm sh -c " +
                              quoted(script) + " 2>" + quoted((work / "unshare.err").string());
  ReadOnlyRun run;
  run.work = work;
  run.status = std::system(command.c_str());
  run.mounted = fs::exists(work / "mounted");
  run.error = read_file(work / "unshare.err");
  return run;
}

// A copy of `from`'s database in `to`, whose recorded schema is one version older than this
// build's: what a data directory written by the previous hoego looks like.
void copy_as_previous_schema(const fs::path& from, const fs::path& to) {
  fs::copy_file(from, to);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(to.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DELETE FROM schema_migrations WHERE version = (SELECT max(version) "
                         "FROM schema_migrations)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);  // the last connection: the log is merged into the file and removed
}

TEST(ReadOnlyFileSystem, TheCliReadsAndRefusesEachWriteAsReadOnlyChangingNothing) {
  testing::CliRunner hoego, previous;
  ASSERT_EQ(hoego
                .run({"add", "writing", "post", "--title", "첫 글", "--when",
                      "2026-11-20T21:00:00+09:00"})
                .exit_code,
            0);
  ASSERT_EQ(hoego
                .run({"add", "writing", "post", "--title", "둘째 글", "--when",
                      "2026-12-03T22:30:00+09:00"})
                .exit_code,
            0);
  const fs::path file = hoego.data_directory() / "hoego.db";
  const fs::path previous_file = previous.data_directory() / "hoego.db";
  copy_as_previous_schema(file, previous_file);
  const std::string before = read_file(file);
  const std::string previous_before = read_file(previous_file);
  testing::TemporaryDirectory work;

  const ReadOnlyRun run = run_read_only(
      {{"DATA", hoego.data_directory()}, {"PREVIOUS", previous.data_directory()}}, R"sh(
run list list --json
run show show 1
run export export --format jsonl
run stats stats
run report report --year 2026
run add add writing post --title "셋째 글"
HOEGO_LANG=ko run add_ko add writing post --title "셋째 글"
run delete delete 1
HOEGO_DATA="$PREVIOUS" run previous list
)sh",
      work.path());
  if (!run.mounted)
    GTEST_SKIP() << "cannot mount a read-only directory here (unshare -rm, then mount --bind): "
                 << run.error;
  ASSERT_TRUE(WIFEXITED(run.status) && WEXITSTATUS(run.status) == 0)
      << run.status << " " << run.error;
  auto said = [&run](const std::string& name, const char* stream) {
    return run.said(name, stream);
  };
  auto code = [&run](const std::string& name) { return run.code(name); };

  // Every read works.
  ASSERT_EQ(code("list"), "0\n") << said("list", "err");
  EXPECT_EQ(json::parse(said("list", "out")).at("entries").size(), 2u);
  EXPECT_EQ(code("show"), "0\n") << said("show", "err");
  EXPECT_TRUE(testing::contains(said("show", "out"), "첫 글"));
  EXPECT_EQ(code("export"), "0\n") << said("export", "err");
  EXPECT_TRUE(testing::contains(said("export", "out"), "둘째 글"));
  EXPECT_EQ(code("stats"), "0\n") << said("stats", "err");
  EXPECT_EQ(code("report"), "0\n") << said("report", "err");
  EXPECT_TRUE(testing::contains(said("report", "out"), "둘째 글"));
  // Every write is refused as read-only, in the user's language (exit 3: storage).
  const std::string refused = "cannot write to " + file.string() +
                              ": it is on a read-only file system, where hoego can only read it; "
                              "nothing was changed";
  EXPECT_EQ(code("add"), "3\n");
  EXPECT_TRUE(testing::contains(said("add", "err"), refused));
  EXPECT_EQ(code("add_ko"), "3\n");
  EXPECT_TRUE(testing::contains(said("add_ko", "err"),
                                file.string() + "에 쓸 수 없습니다: 읽기 전용 파일 시스템에 있어"));
  EXPECT_EQ(code("delete"), "3\n");
  EXPECT_TRUE(testing::contains(said("delete", "err"), refused));
  // A database of the previous schema cannot be brought up to date there: said, not half done.
  const std::string latest = std::to_string(latest_schema_version());
  const std::string older = std::to_string(latest_schema_version() - 1);
  EXPECT_EQ(code("previous"), "3\n");
  EXPECT_TRUE(testing::contains(said("previous", "err"),
                                previous_file.string() + " has schema version " + older +
                                    ", older than this hoego's (" + latest +
                                    "), and is read-only, so it cannot be upgraded"));
  // Not a byte changed, and nothing was left beside the files.
  EXPECT_TRUE(read_file(file) == before) << "the database changed";
  EXPECT_TRUE(read_file(previous_file) == previous_before) << "the older database changed";
  EXPECT_FALSE(fs::exists(file.string() + "-wal") || fs::exists(file.string() + "-shm"));
}

// Leaves a change (a person added) in `file`'s write-ahead log, not merged into the file, as a
// hoego stopped before it closed would; the log's index (-shm) is left too.
void leave_a_change_in_the_log(const fs::path& file) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO people (name, created_at) VALUES ('이준호', "
                         "'2026-12-04T09:00:00Z')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
}

// Reading without a lock (immutable) would skip a log's changes: with the log's index there they
// are read; without it (and no way to write one) the database is refused, saying why.
TEST(ReadOnlyFileSystem, ChangesLeftInTheLogAreReadOrRefusedNeverSkipped) {
  testing::CliRunner indexed, unindexed;
  ASSERT_EQ(indexed.run({"people", "add", "김민지"}).exit_code, 0);
  const fs::path file = indexed.data_directory() / "hoego.db";
  leave_a_change_in_the_log(file);
  for (const char* suffix : {"", "-wal"})
    fs::copy_file(file.string() + suffix,
                  (unindexed.data_directory() / "hoego.db").string() + suffix);
  const std::string before = read_file(file);
  const std::string log_before = read_file(file.string() + "-wal");
  ASSERT_FALSE(log_before.empty());
  testing::TemporaryDirectory work;

  const ReadOnlyRun run = run_read_only(
      {{"DATA", indexed.data_directory()}, {"UNINDEXED", unindexed.data_directory()}}, R"sh(
run indexed people
HOEGO_DATA="$UNINDEXED" run unindexed people
)sh",
      work.path());
  if (!run.mounted)
    GTEST_SKIP() << "cannot mount a read-only directory here (unshare -rm, then mount --bind): "
                 << run.error;
  ASSERT_TRUE(WIFEXITED(run.status) && WEXITSTATUS(run.status) == 0)
      << run.status << " " << run.error;
  EXPECT_EQ(run.code("indexed"), "0\n") << run.said("indexed", "err");
  EXPECT_TRUE(testing::contains(run.said("indexed", "out"), "김민지"));
  EXPECT_TRUE(testing::contains(run.said("indexed", "out"), "이준호"));
  EXPECT_EQ(run.code("unindexed"), "3\n");
  EXPECT_TRUE(testing::contains(run.said("unindexed", "err"),
                                "its write-ahead log (-wal) holds changes that cannot be read "
                                "without writing beside it"));
  EXPECT_TRUE(read_file(file) == before && read_file(file.string() + "-wal") == log_before)
      << "the database or its log changed";
}

TEST(ReadOnlyFileSystem, TheServerServesReadsAndAnswersWritesWith503ChangingNothing) {
  testing::CliRunner hoego;
  ASSERT_EQ(hoego
                .run({"add", "writing", "post", "--title", "첫 글", "--when",
                      "2026-11-20T21:00:00+09:00"})
                .exit_code,
            0);
  const fs::path file = hoego.data_directory() / "hoego.db";
  const std::string before = read_file(file);
  // The first line says the mount was made; the server's address follows.
  const std::string script =
      mount_read_only("\"$DATA\"") + "echo mounted\nexec \"$HOEGO\" serve --port 0\n";
  testing::ChildProcess server({"/usr/bin/env", "unshare", "-rm", "sh", "-c", script},
                               {{"DATA", hoego.data_directory().string()},
                                {"HOEGO", HOEGO_BINARY},
                                {"HOEGO_DATA", hoego.data_directory().string()},
                                {"HOEGO_TZ", "Asia/Seoul"},
                                {"HOEGO_LANG", "en"},
                                {"HOEGO_PLUGIN_PATH", ""}});
  ASSERT_TRUE(server.started());
  if (server.next_line() != "mounted")
    GTEST_SKIP() << "cannot mount a read-only directory here (unshare -rm, then mount --bind)";
  std::string line;
  const int port = server.listening_port(&line);
  ASSERT_GT(port, 0) << "the server said: " << line;

  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10);
  auto listed = client.Get("/api/v1/entries");
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->status, 200) << listed->body;
  EXPECT_TRUE(testing::contains(listed->body, "첫 글"));
  const json post{{"plugin", "writing"}, {"kind", "post"}, {"title", "둘째 글"}};
  for (const char* language : {"en", "ko"}) {
    auto added = client.Post("/api/v1/entries", {{"Accept-Language", language}}, post.dump(),
                             "application/json");
    ASSERT_TRUE(added);
    EXPECT_EQ(added->status, 503) << added->body;
    const json error = json::parse(added->body).at("error");
    EXPECT_EQ(error.at("code"), "read_only");
    EXPECT_TRUE(testing::contains(error.at("message"), std::string(language) == "ko"
                                                           ? "읽기 전용 파일 시스템"
                                                           : "read-only file system"));
  }
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait(), 0);
  EXPECT_TRUE(read_file(file) == before) << "the database changed";
}

}  // namespace
}  // namespace hoego
