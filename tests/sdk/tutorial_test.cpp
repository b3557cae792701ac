// docs/plugin-tutorial.md, run as written against the installed SDK: from the install on, its
// commands build the plugin it writes, hoego loads it from the user's plugins folder, and its
// goal shows in `hoego goals` and on the dashboard. And the runner itself fails a page whose
// step does not do what the page says.
#include "tutorial.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "../support/child_process.h"
#include "../support/temporary_directory.h"
#include "installed_hoego.h"
#include "shell.h"

namespace hoego::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string with_environment(const std::map<std::string, std::string>& environment) {
  std::string command = "env -i";
  for (const auto& [name, value] : environment) command += " " + name + "=" + quoted(value);
  return command;
}

TEST(PluginTutorial, RunsAsWrittenFromNothingToALoadedPluginWithAGoal) {
  const InstalledHoego& installed = installed_hoego();
  ASSERT_EQ(installed.problem, "");
  const auto& steps = installed.tutorial.steps;
  // The page ends by serving the dashboard: that step runs below, as a server the test stops.
  size_t serve = steps.size();
  for (size_t i = installed.after_install; i < steps.size(); ++i)
    if (steps[i].kind == TutorialStep::Kind::kShell) serve = i;
  ASSERT_LT(serve, steps.size());
  ASSERT_EQ(steps[serve].text, "hoego serve\n") << "the tutorial's last command should serve";

  auto environment = tutorial_environment(installed.home);
  const StepsRun ran = run_steps(steps, installed.after_install, serve, installed.checkout,
                                 environment, installed.work / "tutorial");
  ASSERT_EQ(ran.failure, "");
  environment["PATH"] = ran.path;  // as the page's export left it

  // What the steps left, as hoego's JSON tells it.
  const fs::path plugin = installed.home / ".local/share/hoego/plugins/languages.so";
  const Ran plugins = run(with_environment(environment) + " hoego plugins --json");
  ASSERT_EQ(plugins.exit_code, 0) << plugins;
  const json listed = json::parse(plugins.output);
  json loaded;
  for (const auto& item : listed["plugins"])
    if (item["id"] == "languages") loaded = item;
  ASSERT_TRUE(loaded.is_object()) << plugins.output;
  EXPECT_EQ(loaded["path"], plugin.string());
  EXPECT_EQ(loaded["enabled"], true);
  EXPECT_EQ(loaded["kinds"], json::array({"practice"}));

  const Ran goals = run(with_environment(environment) + " hoego goals --json");
  ASSERT_EQ(goals.exit_code, 0) << goals;
  const json goals_listed = json::parse(goals.output);
  ASSERT_EQ(goals_listed["goals"].size(), 1u) << goals;
  const json& listed_goal = goals_listed["goals"][0];
  EXPECT_EQ(listed_goal["title"], "50 hours of practice");
  EXPECT_EQ(listed_goal["plugin"], "languages");
  EXPECT_EQ(listed_goal["kind"], "practice");
  EXPECT_EQ(listed_goal["sum_field"], "minutes");
  EXPECT_EQ(listed_goal["state"]["progress"], 75);
  EXPECT_EQ(listed_goal["state"]["target"], 3000);

  // `hoego serve` as the page writes it, on a free port rather than 8421, which a hoego the
  // machine runs may hold: the one change the test makes to the page's commands.
  std::string serve_command = steps[serve].text;
  serve_command.pop_back();  // its newline
  ChildProcess server(
      {"/bin/bash", "-c",
       "cd " + quoted(ran.directory.string()) + " && exec " + serve_command + " --port 0"},
      {{"HOME", environment["HOME"]},
       {"PATH", environment["PATH"]},
       {"HOEGO_LANG", "en"},
       {"HOEGO_TZ", "Asia/Seoul"},
       {"TZ", "Asia/Seoul"},
       {"HOEGO_DATA", ""},
       {"XDG_DATA_HOME", ""},
       {"HOEGO_PLUGIN_PATH", ""},
       {"HOEGO_TOKEN", ""}});
  ASSERT_TRUE(server.started());
  std::string said;
  const int port = server.listening_port(&said);
  json dashboard;
  if (port > 0) {
    httplib::Client client("127.0.0.1", port);
    if (auto response = client.Get("/api/v1/dashboard"); response && response->status == 200)
      dashboard = json::parse(response->body);
  }
  server.signal(SIGTERM);
  server.wait();
  ASSERT_GT(port, 0) << "the server said: " << said;
  if (serve + 1 < steps.size() && steps[serve + 1].kind == TutorialStep::Kind::kOutput) {
    std::string expected = steps[serve + 1].text;
    const auto page_port = expected.find(":8421/");
    if (page_port != std::string::npos)
      expected.replace(page_port, 6, ":" + std::to_string(port) + "/");
    EXPECT_TRUE(shows(said, expected, environment["HOME"])) << said << "\n" << expected;
  }

  json card;
  for (const auto& item : dashboard["cards"])
    if (item["plugin"] == "languages") card = item;
  ASSERT_TRUE(card.is_object()) << "no Languages card on the dashboard: " << dashboard.dump();
  EXPECT_EQ(card["name"]["en"], "Languages");
  // The goal shows once: on the card, or under "this week" while it is behind.
  json goal;
  for (const auto& widget : card["widgets"])
    if (widget["type"] == "goals" && !widget["goals"].empty()) goal = widget["goals"][0];
  for (const auto& item : dashboard["this_week"])
    if (item["goal"]["title"] == "50 hours of practice") goal = item["goal"];
  ASSERT_TRUE(goal.is_object()) << card.dump() << dashboard["this_week"].dump();
  EXPECT_EQ(goal["title"], "50 hours of practice");
  EXPECT_EQ(goal["state"]["progress"], 75.0);
  EXPECT_EQ(goal["state"]["target"], 3000.0);
  json metrics;
  for (const auto& widget : card["widgets"])
    if (widget["type"] == "stats") metrics = widget["metrics"];
  ASSERT_EQ(metrics.size(), 2u) << card.dump();
  EXPECT_EQ(metrics[0]["value"], 2.0);
  EXPECT_EQ(metrics[1]["value"], 1.25);
}

// The runner is what makes the page trustworthy: each way a step can be wrong fails it.
class TutorialRunner : public ::testing::Test {
 protected:
  StepsRun run_page(const std::string& markdown) {
    const Tutorial tutorial = parse_tutorial(markdown);
    EXPECT_EQ(tutorial.problem, "");
    return run_steps(tutorial.steps, 0, tutorial.steps.size(), directory_.path(),
                     tutorial_environment(directory_.path()), directory_.path() / "steps");
  }
  TemporaryDirectory directory_;
};

TEST_F(TutorialRunner, RunsFilesAndCommandsInOrderInOneShell) {
  const StepsRun ran = run_page(
      "Write it:\n\n```sh\nmkdir ~/plugin\ncd ~/plugin\nexport GREETING=안녕\n```\n\n"
      "```txt title=hello.txt\nhello\n```\n\n```sh\ncat hello.txt\necho \"$GREETING\"\n```\n\n"
      "```text\nhello\n안…\n```\n");
  EXPECT_EQ(ran.failure, "");
  EXPECT_EQ(ran.directory, directory_.path() / "plugin");
}

TEST_F(TutorialRunner, FailsAtACommandThatFails) {
  const StepsRun ran =
      run_page("```sh\necho one\nfalse\necho never\n```\n\n```sh\necho two\n```\n");
  EXPECT_NE(ran.failure.find("docs/plugin-tutorial.md:1 should exit with 0 but stopped"),
            std::string::npos)
      << ran.failure;
  EXPECT_NE(ran.failure.find("one\n"), std::string::npos) << ran.failure;
}

TEST_F(TutorialRunner, FailsWhenAnExpectedFailureSucceeds) {
  const StepsRun ran = run_page("```sh exit=1\ntrue\n```\n");
  EXPECT_NE(ran.failure.find("should exit with 1 but exited with 0"), std::string::npos)
      << ran.failure;
  EXPECT_EQ(run_page("```sh exit=1\nfalse\n```\n\n```sh\necho after\n```\n").failure, "");
}

TEST_F(TutorialRunner, FailsWhenTheOutputShownIsNotPrinted) {
  const StepsRun ran =
      run_page("```sh\necho 'languages 1.0.0 loaded'\n```\n\n```text\nlanguages 1.0.1 …\n```\n");
  EXPECT_NE(ran.failure.find("which does not show"), std::string::npos) << ran.failure;
}

TEST(TutorialPage, RefusesABlockItWouldNotRun) {
  EXPECT_NE(parse_tutorial("```bash\nmake\n```\n").problem.find(":1: a block ```bash is neither"),
            std::string::npos);
  EXPECT_NE(parse_tutorial("```text\nout\n```\n").problem.find("there is none"), std::string::npos);
  EXPECT_NE(parse_tutorial("```sh\nmake\n").problem.find("never closed"), std::string::npos);
}

TEST(TutorialPage, ShowsMatchesLinesInOrderWithEllipsesAndHome) {
  const std::string output =
      "added #1  2026-12-05 04:20 +09:00  languages/practice  일본어\n"
      "plugin at /tmp/h/.local/x.so\n";
  EXPECT_TRUE(shows(output, "added #1  … languages/practice  일본어\n", "/tmp/h"));
  EXPECT_TRUE(shows(output, "at /home/you/.local/x.so\n", "/tmp/h"));
  EXPECT_FALSE(shows(output, "plugin at …\nadded #1\n", "/tmp/h"));
  EXPECT_FALSE(shows(output, "added #2 …\n", "/tmp/h"));
}

}  // namespace
}  // namespace hoego::testing
