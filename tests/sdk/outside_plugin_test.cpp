// The SDK's promise, end to end: `cmake --install` puts the host, the bundled plugins and the SDK
// under a prefix; the reading example (sdk/examples/reading) builds as an outside project
// against that installed SDK after the prefix has moved; and the installed host checks it, loads
// it from the user's plugin directory, and runs a "6 books a year" goal that the dashboard shows.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "../support/child_process.h"
#include "../support/temporary_directory.h"

namespace hoego {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const fs::path kWork = fs::path(HOEGO_BUILD_DIRECTORY) / "tests" / "outside";
const fs::path kPrefix = kWork / "prefix";
const fs::path kReadingBuild = kWork / "reading-build";

struct Ran {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

std::string quoted(const std::string& text) {
  std::string result = "'";
  for (char c : text) result += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return result + "'";
}

Ran run(const std::string& command) {
  Ran ran;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return ran;
  std::array<char, 4096> buffer{};
  for (size_t read; (read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
    ran.output.append(buffer.data(), read);
  const int status = pclose(pipe);
  ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return ran;
}

std::ostream& operator<<(std::ostream& out, const Ran& ran) {
  return out << "exit " << ran.exit_code << "\n" << ran.output;
}

class OutsidePlugin : public ::testing::Test {
 protected:
  // Installs and builds once per process; CTest runs these tests one at a time (RESOURCE_LOCK).
  static void SetUpTestSuite() {
    fs::remove_all(kWork / "staging");
    fs::remove_all(kPrefix);
    fs::create_directories(kWork);
    installed_ = run(quoted(HOEGO_CMAKE_COMMAND) + " --install " + quoted(HOEGO_BUILD_DIRECTORY) +
                     " --prefix " + quoted((kWork / "staging").string()));
    if (installed_.exit_code != 0) return;
    // Moved after installing: every installed path must be relative to the prefix.
    fs::rename(kWork / "staging", kPrefix);
    built_ = run(quoted(HOEGO_CMAKE_COMMAND) + " -S " +
                 quoted(HOEGO_SOURCE_DIRECTORY "/sdk/examples/reading") + " -B " +
                 quoted(kReadingBuild.string()) + " -G Ninja -DCMAKE_BUILD_TYPE=Release" +
                 " -DCMAKE_PREFIX_PATH=" + quoted(kPrefix.string()) +
                 " -Dhoego-sdk_DIR=" + quoted((kPrefix / "lib" / "cmake" / "hoego-sdk").string()));
    if (built_.exit_code != 0) return;
    built_ = run(quoted(HOEGO_CMAKE_COMMAND) + " --build " + quoted(kReadingBuild.string()));
  }

  void SetUp() override {
    ASSERT_EQ(installed_.exit_code, 0) << installed_;
    ASSERT_EQ(built_.exit_code, 0) << built_;
  }

  // The installed hoego, with this test's own data directory and nothing from the environment.
  Ran hoego(const std::string& arguments, const std::string& language = "en") {
    return run("env -u HOEGO_PLUGIN_PATH HOEGO_DATA=" + quoted(data_.path().string()) +
               " HOEGO_TZ=Asia/Seoul HOEGO_LANG=" + language + " " +
               quoted((kPrefix / "bin" / "hoego").string()) + " " + arguments);
  }

  void install_reading_for_the_user() {
    fs::create_directories(data_.path() / "plugins");
    fs::copy_file(kReadingBuild / "reading.so", data_.path() / "plugins" / "reading.so");
  }

  testing::TemporaryDirectory data_;
  static inline Ran installed_;
  static inline Ran built_;
};

TEST_F(OutsidePlugin, InstallPutsTheHostPluginsAndSdkUnderThePrefix) {
  for (const char* file :
       {"bin/hoego", "lib/hoego/plugins/mentoring.so", "lib/hoego/plugins/study.so",
        "lib/hoego/plugins/writing.so", "lib/hoego/plugins/hackathon.so", "include/hoego/sdk.h",
        "include/hoego/sdk.hpp", "lib/cmake/hoego-sdk/hoego-sdk-config.cmake",
        "lib/cmake/hoego-sdk/hoego-sdk-config-version.cmake",
        "lib/cmake/hoego-sdk/hoego-sdk-plugin.cmake"})
    EXPECT_TRUE(fs::is_regular_file(kPrefix / file)) << file;
  // Nothing installed points back into the source or build tree.
  for (const auto& item : fs::recursive_directory_iterator(kPrefix / "lib" / "cmake")) {
    std::ifstream file(item.path());
    std::stringstream text;
    text << file.rdbuf();
    EXPECT_EQ(text.str().find(HOEGO_SOURCE_DIRECTORY), std::string::npos) << item.path();
    EXPECT_EQ(text.str().find(HOEGO_BUILD_DIRECTORY), std::string::npos) << item.path();
  }
}

TEST_F(OutsidePlugin, TheInstalledHostChecksTheOutsidePlugin) {
  const Ran checked = hoego("plugins check " + quoted((kReadingBuild / "reading.so").string()));
  EXPECT_EQ(checked.exit_code, 0) << checked;
  EXPECT_NE(checked.output.find("ok — reading 1.0.0 (sdk 1.3.0)"), std::string::npos) << checked;
  EXPECT_NE(checked.output.find("capabilities: normalize_entry, derive_milestones, "
                                "hoego.year_report.v1"),
            std::string::npos)
      << checked;
}

TEST_F(OutsidePlugin, LoadsFromTheUsersPluginDirectoryAndCountsTowardASixBookGoal) {
  install_reading_for_the_user();
  const Ran listed = hoego("plugins --json");
  ASSERT_EQ(listed.exit_code, 0) << listed;
  EXPECT_NE(listed.output.find((data_.path() / "plugins" / "reading.so").string()),
            std::string::npos)
      << listed;

  // The plugin's own check speaks the user's language through the host API.
  const Ran untitled = hoego("add reading book --field author=박경리", "ko");
  EXPECT_EQ(untitled.exit_code, 1) << untitled;
  EXPECT_NE(untitled.output.find("title: 책 제목을 적어 주세요"), std::string::npos) << untitled;

  const std::array<std::pair<const char*, const char*>, 6> books{
      {{"토지 1", "박경리"},
       {"토지 2", "박경리"},
       {"Dune", "Frank Herbert"},
       {"소년이 온다", "한강"},
       {"채식주의자", "한강"},
       {"Project Hail Mary", "Andy Weir"}}};
  for (size_t i = 0; i < books.size(); ++i) {
    const Ran added = hoego("add reading book --title " + quoted(books[i].first) +
                            " --field author=" + quoted(books[i].second) +
                            " --field rating=" + std::to_string(i == 3 ? 5 : 4) + " --when 2026-0" +
                            std::to_string(i + 1) + "-10T21:00:00+09:00");
    ASSERT_EQ(added.exit_code, 0) << added;
  }
  const Ran goal = hoego(
      "goal add --title 'Six books in 2026' --plugin reading --kind book --year 2026 --target 6");
  ASSERT_EQ(goal.exit_code, 0) << goal;
  const Ran goals = hoego("goals --as-of 2026-11-23");
  EXPECT_NE(goals.output.find("Six books in 2026  [achieved]  6 / 6"), std::string::npos) << goals;
  const Ran milestones = hoego("milestones");
  EXPECT_NE(milestones.output.find("2026-06-10  Sixth book of the year  (#6 Project Hail Mary)"),
            std::string::npos)
      << milestones;
  const Ran report = hoego("report --year 2026");
  EXPECT_NE(report.output.find("You finished 6 books this year (0 the year before)."),
            std::string::npos)
      << report;
  EXPECT_NE(report.output.find("Five stars: 소년이 온다"), std::string::npos) << report;
}

// Serves with the installed host and reads the dashboard the web view draws.
TEST_F(OutsidePlugin, TheDashboardShowsTheReadingCardWithItsGoal) {
  install_reading_for_the_user();
  ASSERT_EQ(hoego("add reading book --title Dune --field author='Frank Herbert' "
                  "--when 2026-03-01T21:00:00+09:00")
                .exit_code,
            0);
  ASSERT_EQ(hoego("goal add --title 'Six books' --plugin reading --kind book --year 2026 "
                  "--target 6")
                .exit_code,
            0);

  testing::ChildProcess server({(kPrefix / "bin" / "hoego").string(), "serve", "--port", "0"},
                               {{"HOEGO_DATA", data_.path().string()},
                                {"HOEGO_TZ", "Asia/Seoul"},
                                {"HOEGO_PLUGIN_PATH", ""}});
  ASSERT_TRUE(server.started());
  std::string line;
  const int port = server.listening_port(&line);

  json reading, this_week;
  if (port > 0) {
    httplib::Client client("127.0.0.1", port);
    auto response = client.Get("/api/v1/dashboard?year=2026");
    if (response && response->status == 200) {
      const json dashboard = json::parse(response->body);
      for (const auto& card : dashboard["cards"])
        if (card["plugin"] == "reading") reading = card;
      this_week = dashboard["this_week"];
    }
  }
  server.signal(SIGTERM);
  server.wait();
  ASSERT_GT(port, 0) << "the server said: " << line;
  ASSERT_TRUE(reading.is_object()) << "no reading card on the dashboard";
  EXPECT_EQ(reading["name"]["ko"], "독서");
  ASSERT_EQ(reading["widgets"][0]["type"], "goals");
  // The goal shows once: under "this week" while it is behind (one book of six in December,
  // as the test is run today), else on the card.
  const json& on_card = reading["widgets"][0]["goals"];
  ASSERT_EQ(on_card.size() + this_week.size(), 1u) << reading.dump() << this_week.dump();
  const json& goal = on_card.empty() ? this_week[0]["goal"] : on_card[0];
  EXPECT_EQ(goal["title"], "Six books");
  EXPECT_EQ(goal["state"]["progress"], 1.0);
  EXPECT_EQ(goal["state"]["target"], 6.0);
  EXPECT_EQ(reading["widgets"][1]["metrics"][0]["id"], "books");
  EXPECT_EQ(reading["widgets"][1]["metrics"][0]["value"], 1.0);
}

}  // namespace
}  // namespace hoego
