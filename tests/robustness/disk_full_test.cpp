// A data directory on a full disk: hoego says the disk is full, names the file and changes
// nothing; once there is room again it carries on. The disk is a real one, a small tmpfs
// mounted in a private mount namespace (`unshare -rm`), so no privilege beyond a user namespace
// is needed; the test is skipped where there is none.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "../cli/cli_runner.h"

namespace hoego {
namespace {

namespace fs = std::filesystem;

constexpr int kCannotMount = 77;
constexpr int kPosts = 4000;

// A blog feed with `posts` posts: more than the disk will have room for.
void write_feed(const fs::path& file, int posts) {
  std::ofstream out(file, std::ios::binary);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
         "<title>junho.log</title><link>https://velog.io/@junho</link>\n";
  for (int i = 0; i < posts; ++i)
    out << "<item><title>회고 " << i << "번째 글</title><link>https://velog.io/@junho/post-" << i
        << "</link><guid>https://velog.io/@junho/post-" << i
        << "</guid><pubDate>Mon, 09 Sep 2024 02:00:00 GMT</pubDate></item>\n";
  out << "</channel></rss>\n";
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

TEST(DiskFull, WritingFailsClearlyChangesNothingAndCarriesOnOnceThereIsRoom) {
  // The runs happen inside the namespace, where the small disk exists; each leaves its output
  // and a copy of the database in a runner's directory outside, for the checks below.
  testing::CliRunner before_import, after_full_import, after_room;
  testing::TemporaryDirectory work;
  const fs::path disk = work.path() / "disk";
  fs::create_directories(disk);
  const fs::path feed = work.path() / "feed.xml";
  write_feed(feed, kPosts);

  const std::string script = R"sh(
set -u
mount -t tmpfs -o size=4m tmpfs "$DISK" || exit )sh" +
                             std::to_string(kCannotMount) +
                             R"sh(
: >"$WORK/mounted"
export HOEGO_DATA="$DISK" HOEGO_TZ=Asia/Seoul HOEGO_LANG=en
run() { name=$1; shift; "$HOEGO" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"; echo $? >"$WORK/$name.code"; }
keep() { cp "$DISK"/hoego.db* "$1"/; }
run first add writing post --title "첫 글"
keep "$BEFORE"
# Fill the disk but for 128 KiB: room to open the database, not to store 4,000 posts.
free=$(df -k "$DISK" | awk 'NR == 2 { print $4 }')
head -c "$(( (free - 128) * 1024 ))" /dev/zero >"$DISK/filler" 2>/dev/null
run full import feed "$FEED"
keep "$FULL"
# No room at all: not even for the index SQLite shares between processes.
head -c 8m /dev/zero >"$DISK/packed" 2>/dev/null
run packed add writing post --title "둘째 글"
rm "$DISK/filler" "$DISK/packed"
run room import feed "$FEED"
keep "$ROOM"
)sh";
  // A clean environment, as CliRunner gives: no HOEGO_ variable of the developer's leaks in.
  const char* path = std::getenv("PATH");
  const std::string command =
      "env -i PATH=" + quoted(path != nullptr ? path : "/usr/bin:/bin") +
      " DISK=" + quoted(disk.string()) + " WORK=" + quoted(work.path().string()) +
      " FEED=" + quoted(feed.string()) + " HOEGO=" + quoted(HOEGO_BINARY) +
      " BEFORE=" + quoted(before_import.data_directory().string()) +
      " FULL=" + quoted(after_full_import.data_directory().string()) +
      " ROOM=" + quoted(after_room.data_directory().string()) + " unshare -rm sh -c " +
      quoted(script) + " 2>" + quoted((work.path() / "unshare.err").string());
  const int status = std::system(command.c_str());
  // Only a disk that could not be had is a reason to skip; anything after it is a failure.
  if (!fs::exists(work.path() / "mounted"))
    GTEST_SKIP() << "cannot mount a small disk here (unshare -rm, then mount -t tmpfs): "
                 << read_file(work.path() / "unshare.err");
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
      << status << " " << read_file(work.path() / "unshare.err");

  ASSERT_EQ(read_file(work.path() / "first.code"), "0\n") << read_file(work.path() / "first.err");
  // The full disk: a storage error (exit 3) that says so and names the file.
  EXPECT_EQ(read_file(work.path() / "full.code"), "3\n") << read_file(work.path() / "full.out");
  const std::string said = read_file(work.path() / "full.err");
  EXPECT_TRUE(testing::contains(said, (disk / "hoego.db").string() + ": the disk is full"));
  EXPECT_TRUE(testing::contains(said, "nothing was changed"));
  EXPECT_EQ(after_full_import.database_fingerprint(), before_import.database_fingerprint());
  EXPECT_EQ(read_file(work.path() / "packed.code"), "3\n");
  EXPECT_TRUE(testing::contains(read_file(work.path() / "packed.err"),
                                (disk / "hoego.db").string() + ": the disk is full"));
  // With room again, the same import runs to the end.
  EXPECT_EQ(read_file(work.path() / "room.code"), "0\n") << read_file(work.path() / "room.err");
  const testing::RunResult listed = after_room.run({"list", "--json", "--limit", "0"});
  ASSERT_EQ(listed.exit_code, 0) << listed;
  EXPECT_EQ(nlohmann::json::parse(listed.out).at("entries").size(),
            static_cast<size_t>(kPosts + 1));
}

}  // namespace
}  // namespace hoego
