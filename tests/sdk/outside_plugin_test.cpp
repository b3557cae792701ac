// The SDK's promise, end to end: `cmake --install` puts the host, the bundled plugins and the SDK
// under a prefix (installed_hoego.h: as the tutorial installs it, then moved); the opensource
// example (sdk/examples/opensource) builds as an outside project against that installed SDK; and
// the installed host checks it, loads it from the user's plugin directory, and runs a goal that
// the dashboard shows, with the example's milestones and section of the year in review.
#include <gtest/gtest.h>
#include <httplib.h>

#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "../support/child_process.h"
#include "../support/temporary_directory.h"
#include "installed_hoego.h"
#include "shell.h"

namespace hoego::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class OutsidePlugin : public ::testing::Test {
 protected:
  // Builds the example once per process (the install is shared with the tutorial's test).
  static void SetUpTestSuite() {
    const InstalledHoego& installed = installed_hoego();
    if (!installed.problem.empty()) return;
    build_ = installed.work / "opensource-build";
    built_ = run(quoted(HOEGO_CMAKE_COMMAND) + " -S " +
                 quoted(HOEGO_SOURCE_DIRECTORY "/sdk/examples/opensource") + " -B " +
                 quoted(build_.string()) + " -G Ninja -DCMAKE_BUILD_TYPE=Release" +
                 " -DCMAKE_PREFIX_PATH=" + quoted(installed.prefix.string()));
    if (built_.exit_code != 0) return;
    built_ = run(quoted(HOEGO_CMAKE_COMMAND) + " --build " + quoted(build_.string()));
  }

  void SetUp() override {
    ASSERT_EQ(installed_hoego().problem, "");
    ASSERT_EQ(built_.exit_code, 0) << built_;
  }

  const fs::path& prefix() const { return installed_hoego().prefix; }

  // The installed hoego, with this test's own data directory and nothing from the environment.
  Ran hoego(const std::string& arguments, const std::string& language = "en") {
    return run("env -u HOEGO_PLUGIN_PATH HOEGO_DATA=" + quoted(data_.path().string()) +
               " HOEGO_TZ=Asia/Seoul HOEGO_LANG=" + language + " " +
               quoted((prefix() / "bin" / "hoego").string()) + " " + arguments);
  }

  void install_the_example_for_the_user() {
    fs::create_directories(data_.path() / "plugins");
    fs::copy_file(build_ / "opensource.so", data_.path() / "plugins" / "opensource.so");
  }

  TemporaryDirectory data_;
  static inline fs::path build_;
  static inline Ran built_;
};

TEST_F(OutsidePlugin, InstallPutsTheHostPluginsAndSdkUnderThePrefix) {
  for (const char* file :
       {"bin/hoego", "lib/hoego/plugins/mentoring.so", "lib/hoego/plugins/study.so",
        "lib/hoego/plugins/writing.so", "lib/hoego/plugins/hackathon.so", "include/hoego/sdk.h",
        "include/hoego/sdk.hpp", "lib/cmake/hoego-sdk/hoego-sdk-config.cmake",
        "lib/cmake/hoego-sdk/hoego-sdk-config-version.cmake",
        "lib/cmake/hoego-sdk/hoego-sdk-plugin.cmake"})
    EXPECT_TRUE(fs::is_regular_file(prefix() / file)) << file;
  // Nothing installed points back into the source or build tree.
  for (const auto& item : fs::recursive_directory_iterator(prefix() / "lib" / "cmake")) {
    std::ifstream file(item.path());
    std::stringstream text;
    text << file.rdbuf();
    EXPECT_EQ(text.str().find(HOEGO_SOURCE_DIRECTORY), std::string::npos) << item.path();
    EXPECT_EQ(text.str().find(HOEGO_BUILD_DIRECTORY), std::string::npos) << item.path();
  }
}

TEST_F(OutsidePlugin, TheInstalledHostChecksTheOutsidePlugin) {
  const Ran checked = hoego("plugins check " + quoted((build_ / "opensource.so").string()));
  EXPECT_EQ(checked.exit_code, 0) << checked;
  EXPECT_NE(checked.output.find("ok — opensource 1.0.0 (sdk 1.3.0)"), std::string::npos) << checked;
  EXPECT_NE(checked.output.find("kinds: pull_request, review"), std::string::npos) << checked;
  EXPECT_NE(checked.output.find("capabilities: normalize_entry, derive_milestones, "
                                "hoego.year_report.v1, hoego.resumable_milestones.v1, "
                                "hoego.resumable_year_report.v1"),
            std::string::npos)
      << checked;
}

TEST_F(OutsidePlugin, RejectsInTheUsersLanguageAndTidiesWhatItKeeps) {
  install_the_example_for_the_user();
  const Ran nowhere = hoego("add opensource pull_request --title 'Fix a typo'", "ko");
  EXPECT_EQ(nowhere.exit_code, 1) << nowhere;
  EXPECT_NE(nowhere.output.find("repository: 저장소를 owner/name 꼴로 적거나 주소를 적어 주세요"),
            std::string::npos)
      << nowhere;
  // Every problem at once: a repository not written owner/name, an address of another one.
  const Ran mismatched = hoego(
      "add opensource pull_request --field repository=fmt "
      "--field url=https://github.com/fmtlib/fmt/pull/3000");
  EXPECT_EQ(mismatched.exit_code, 1) << mismatched;
  EXPECT_NE(mismatched.output.find("'fmt' is not a repository written owner/name"),
            std::string::npos)
      << mismatched;
  const Ran elsewhere = hoego(
      "add opensource pull_request --field repository=nlohmann/json "
      "--field url=https://github.com/fmtlib/fmt/pull/3000");
  EXPECT_NE(elsewhere.output.find("url: this address is of fmtlib/fmt, not nlohmann/json"),
            std::string::npos)
      << elsewhere;
  EXPECT_EQ(json::parse(hoego("list --json").output)["entries"].size(), 0u)
      << "nothing rejected is added";

  // An address typed as the repository is reduced to owner/name; a pull request is open until
  // said otherwise; an untitled one is named after its pull request.
  ASSERT_EQ(
      hoego("add opensource pull_request --field repository=https://github.com/fmtlib/fmt.git")
          .exit_code,
      0);
  ASSERT_EQ(
      hoego("add opensource pull_request --field url=https://github.com/nlohmann/json/pull/4012")
          .exit_code,
      0);
  json by_title;
  const json listed = json::parse(hoego("list --json").output);
  for (const auto& entry : listed["entries"])
    by_title[entry["title"].get<std::string>()] = entry["fields"];
  EXPECT_EQ(by_title["fmtlib/fmt"]["repository"], "fmtlib/fmt") << by_title.dump();
  EXPECT_EQ(by_title["fmtlib/fmt"]["status"], "open") << by_title.dump();
  EXPECT_EQ(by_title["nlohmann/json#4012"]["repository"], "nlohmann/json") << by_title.dump();
}

TEST_F(OutsidePlugin, LoadsFromTheUsersPluginDirectoryWithMilestonesAndAReportSection) {
  install_the_example_for_the_user();
  const Ran listed = hoego("plugins --json");
  ASSERT_EQ(listed.exit_code, 0) << listed;
  EXPECT_NE(listed.output.find((data_.path() / "plugins" / "opensource.so").string()),
            std::string::npos)
      << listed;

  struct PullRequest {
    const char* url;
    const char* status;
  };
  const std::array<PullRequest, 5> pull_requests{{
      {"https://github.com/nlohmann/json/pull/4012", "merged"},
      {"https://github.com/nlohmann/json/pull/4020", "closed"},
      {"https://github.com/fmtlib/fmt/pull/3000", "merged"},
      {"https://github.com/nlohmann/json/pull/4100", "open"},
      {"https://github.com/NLOHMANN/json/pull/4150", "merged"},
  }};
  for (size_t i = 0; i < pull_requests.size(); ++i) {
    const Ran added =
        hoego("add opensource pull_request --field url=" + std::string(pull_requests[i].url) +
              " --field status=" + pull_requests[i].status + " --when 2026-0" +
              std::to_string(i + 2) + "-10T21:00:00+09:00");
    ASSERT_EQ(added.exit_code, 0) << added;
  }
  ASSERT_EQ(hoego("people add 김민지").exit_code, 0);
  ASSERT_EQ(hoego("add opensource review --field repository=fmtlib/fmt --with 김민지 "
                  "--when 2026-03-12T10:00:00+09:00")
                .exit_code,
            0);
  const Ran goal = hoego(
      "goal add --title 'Five pull requests' --plugin opensource "
      "--kind pull_request --year 2026 --target 5");
  ASSERT_EQ(goal.exit_code, 0) << goal;
  const Ran goals = hoego("goals --as-of 2026-11-23");
  EXPECT_NE(goals.output.find("Five pull requests  [achieved]  5 / 5"), std::string::npos) << goals;

  // The plugin's own milestones, and the core's for the goal: no target is built into the plugin.
  const Ran milestones = hoego("milestones");
  for (const char* reached :
       {"2026-02-10  First pull request  (#1 nlohmann/json#4012)",
        "2026-02-10  First pull request merged  (#1 nlohmann/json#4012)",
        "2026-04-10  First pull request to a new repository  (#3 fmtlib/fmt#3000)"})
    EXPECT_NE(milestones.output.find(reached), std::string::npos) << reached << "\n" << milestones;
  EXPECT_EQ(milestones.output.find("new repository  (#5"), std::string::npos)
      << "the same repository in capitals is not a new one\n"
      << milestones;
  EXPECT_NE(milestones.output.find("Goal reached: Five pull requests  (#5 NLOHMANN/json#4150)"),
            std::string::npos)
      << milestones;

  const Ran report = hoego("report --year 2026");
  for (const char* paragraph : {"You sent 5 pull requests this year, and 3 of them were merged.",
                                "Most of them went to nlohmann/json.", "You gave 1 code review.",
                                "You reached your goal ‘Five pull requests’ (5 / 5)."})
    EXPECT_NE(report.output.find(paragraph), std::string::npos) << paragraph << "\n" << report;
  const Ran korean = hoego("report --year 2026", "ko");
  EXPECT_NE(korean.output.find("올해 풀 리퀘스트 5개를 보냈고, 그중 3개가 머지되었습니다."),
            std::string::npos)
      << korean;
}

// Serves with the installed host and reads the dashboard the web view draws.
TEST_F(OutsidePlugin, TheDashboardShowsTheExamplesCardWithItsGoal) {
  install_the_example_for_the_user();
  ASSERT_EQ(hoego("add opensource pull_request --field url=https://github.com/fmtlib/fmt/pull/3000 "
                  "--field status=merged --when 2026-03-01T21:00:00+09:00")
                .exit_code,
            0);
  ASSERT_EQ(hoego("goal add --title 'Twelve pull requests' --plugin opensource "
                  "--kind pull_request --year 2026 --target 12")
                .exit_code,
            0);

  ChildProcess server({(prefix() / "bin" / "hoego").string(), "serve", "--port", "0"},
                      {{"HOEGO_DATA", data_.path().string()},
                       {"HOEGO_TZ", "Asia/Seoul"},
                       {"HOEGO_PLUGIN_PATH", ""}});
  ASSERT_TRUE(server.started());
  std::string line;
  const int port = server.listening_port(&line);

  json card, this_week;
  if (port > 0) {
    httplib::Client client("127.0.0.1", port);
    auto response = client.Get("/api/v1/dashboard?year=2026");
    if (response && response->status == 200) {
      const json dashboard = json::parse(response->body);
      for (const auto& item : dashboard["cards"])
        if (item["plugin"] == "opensource") card = item;
      this_week = dashboard["this_week"];
    }
  }
  server.signal(SIGTERM);
  server.wait();
  ASSERT_GT(port, 0) << "the server said: " << line;
  ASSERT_TRUE(card.is_object()) << "no opensource card on the dashboard";
  EXPECT_EQ(card["name"]["ko"], "오픈소스 기여");
  ASSERT_EQ(card["widgets"][0]["type"], "goals");
  // The goal shows once: under "this week" while it is behind (one pull request of twelve in
  // December, as the test is run today), else on the card.
  const json& on_card = card["widgets"][0]["goals"];
  ASSERT_EQ(on_card.size() + this_week.size(), 1u) << card.dump() << this_week.dump();
  const json& goal = on_card.empty() ? this_week[0]["goal"] : on_card[0];
  EXPECT_EQ(goal["title"], "Twelve pull requests");
  EXPECT_EQ(goal["state"]["progress"], 1.0);
  EXPECT_EQ(goal["state"]["target"], 12.0);
  const json& stats = card["widgets"][1]["metrics"];
  EXPECT_EQ(stats[0]["id"], "pull_requests");
  EXPECT_EQ(stats[0]["value"], 1.0);
  EXPECT_EQ(stats[1]["id"], "merged");
  EXPECT_EQ(stats[1]["value"], 1.0);
}

}  // namespace
}  // namespace hoego::testing
