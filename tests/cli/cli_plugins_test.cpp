// `hoego plugins --json`, `hoego plugins check FILE` against each broken test plugin, the user's
// own plugin directory, and the host API answered from the CLI's settings and data.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

const std::filesystem::path kTestPlugins = HOEGO_TEST_PLUGIN_DIRECTORY;

class CliPlugins : public ::testing::Test {
 protected:
  RunResult check(const std::string& file) {
    return hoego.run({"plugins", "check", (kTestPlugins / file).string()});
  }
  CliRunner hoego;
};

struct BrokenPlugin {
  const char* file;
  std::vector<std::string> problems;
};

void PrintTo(const BrokenPlugin& value, std::ostream* out) { *out << value.file; }

class CheckBrokenPlugin : public CliPlugins, public ::testing::WithParamInterface<BrokenPlugin> {};

TEST_P(CheckBrokenPlugin, PrintsEveryProblemAndExitsOne) {
  const RunResult result = check(GetParam().file);
  EXPECT_EQ(result.exit_code, 1) << result;
  const auto& problems = GetParam().problems;
  EXPECT_TRUE(contains(result.out, (kTestPlugins / GetParam().file).string() + ": " +
                                       std::to_string(problems.size()) +
                                       (problems.size() == 1 ? " problem\n" : " problems\n")));
  for (const auto& problem : problems) EXPECT_TRUE(contains(result.out, "  - " + problem));
}

INSTANTIATE_TEST_SUITE_P(
    BrokenPlugins, CheckBrokenPlugin,
    ::testing::Values(
        BrokenPlugin{"no_entry.so",
                     {"no hoego_plugin_entry entry point (is it extern \"C\" and exported?)"}},
        BrokenPlugin{"wrong_abi.so", {"built for SDK 2.0.0; this host speaks SDK 1.x"}},
        BrokenPlugin{"newer_minor.so",
                     {"built against SDK 1.99.0, newer than this host's SDK 1.3.0; upgrade hoego"}},
        BrokenPlugin{"too_small.so", {"descriptor is 4 bytes, smaller than SDK 1.0's 56"}},
        BrokenPlugin{"null_descriptor.so", {"the entry point returned no descriptor"}},
        BrokenPlugin{"duplicate_id.so",
                     {"plugin id 'mentoring' is already loaded from " HOEGO_BUNDLED_PLUGIN_DIRECTORY
                      "/mentoring.so"}},
        BrokenPlugin{"invalid_manifest.so",
                     {"invalid manifest: manifest.version 'one' must be MAJOR.MINOR.PATCH",
                      "invalid manifest: manifest.kinds is missing"}},
        BrokenPlugin{"not_json_manifest.so", {"manifest is not valid JSON"}},
        BrokenPlugin{"init_fails.so",
                     {"its init function failed: init_fails: the resource it needs is missing"}},
        BrokenPlugin{"undefined_symbol.so",
                     {"cannot load library: " HOEGO_TEST_PLUGIN_DIRECTORY
                      "/undefined_symbol.so: undefined symbol: "
                      "hoego_test_function_nobody_defines"}}),
    [](const auto& info) {
      std::string name = info.param.file;
      return name.substr(0, name.find('.'));
    });

TEST_F(CliPlugins, CheckPassesAWorkingPluginAndNamesWhatItOffers) {
  const RunResult result = check("abi/sdk1_plugin.so");
  EXPECT_EQ(result.exit_code, 0) << result;
  EXPECT_TRUE(contains(result.out,
                       "sdk1_plugin.so: ok — sdk1_plugin 1.0.0 (sdk 1.0.0)\n"
                       "  kinds: walk\n"
                       "  capabilities: normalize_entry, derive_milestones, "
                       "hoego.year_report.v1\n"));
}

TEST_F(CliPlugins, CheckOfABundledPluginReportsTheLoadedOne) {
  const RunResult result =
      hoego.run({"plugins", "check", HOEGO_BUNDLED_PLUGIN_DIRECTORY "/writing.so", "--json"});
  EXPECT_EQ(result.exit_code, 0) << result;
  const json answer = json::parse(result.out);
  EXPECT_TRUE(answer["ok"].get<bool>());
  EXPECT_EQ(answer["plugin"]["id"], "writing");
}

TEST_F(CliPlugins, CheckRefusesWhatIsNotAPluginLibrary) {
  const RunResult missing = hoego.run({"plugins", "check", "/nonexistent/reading.so"});
  EXPECT_EQ(missing.exit_code, 1) << missing;
  EXPECT_TRUE(contains(missing.err, "no plugin library at /nonexistent/reading.so"));

  const auto text = hoego.data_directory() / "notes.so";
  std::ofstream(text) << "not a library";
  const RunResult garbage = hoego.run({"plugins", "check", text.string()});
  EXPECT_EQ(garbage.exit_code, 1) << garbage;
  EXPECT_TRUE(contains(garbage.out, "  - cannot load library: "));
}

TEST_F(CliPlugins, CheckWritesNothing) {
  const std::string before = hoego.database_fingerprint();
  check("host_api.so");
  check("invalid_manifest.so");
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

TEST_F(CliPlugins, JsonListsSdkVersionsAndCapabilities) {
  const RunResult result = hoego.run({"plugins", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result;
  const json answer = json::parse(result.out);
  bool saw_writing = false;
  for (const auto& plugin : answer["plugins"]) {
    EXPECT_EQ(plugin["sdk_version"], "1.3.0");
    if (plugin["id"] != "writing") continue;
    saw_writing = true;
    EXPECT_EQ(plugin["capabilities"],
              json({"normalize_entry", "derive_milestones", "hoego.year_report.v1",
                    "hoego.resumable_milestones.v1", "hoego.resumable_year_report.v1"}));
    EXPECT_EQ(plugin["path"], HOEGO_BUNDLED_PLUGIN_DIRECTORY "/writing.so");
  }
  EXPECT_TRUE(saw_writing);
}

TEST_F(CliPlugins, LoadsTheUsersOwnPluginsFromTheDataDirectory) {
  const auto own = hoego.data_directory() / "plugins";
  std::filesystem::create_directories(own);
  std::filesystem::copy_file(kTestPlugins / "host_api.so", own / "host_api.so");
  const RunResult result = hoego.run({"plugins", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result;
  bool found = false;
  const json answer = json::parse(result.out);
  for (const auto& plugin : answer["plugins"])
    found =
        found || (plugin["id"] == "host_api" && plugin["path"] == (own / "host_api.so").string());
  EXPECT_TRUE(found) << result;
}

TEST_F(CliPlugins, AVersionedFileNameInThePluginsFolderIsListedWithWhy) {
  const auto own = hoego.data_directory() / "plugins";
  std::filesystem::create_directories(own);
  std::filesystem::copy_file(kTestPlugins / "host_api.so", own / "libhost_api.so.1.0.0");
  const std::string reason =
      "not loaded: a plugin's file name must end in .so (rename it, or link it, as "
      "libhost_api.so)";

  const RunResult listed = hoego.run({"plugins"});
  ASSERT_EQ(listed.exit_code, 0) << listed;
  EXPECT_TRUE(
      contains(listed.out, "refused " + (own / "libhost_api.so.1.0.0").string() + ": " + reason))
      << listed;

  const json answer = json::parse(hoego.run({"plugins", "--json"}).out);
  bool found = false;
  for (const auto& refused : answer["refused"])
    found = found || (refused["path"] == (own / "libhost_api.so.1.0.0").string() &&
                      refused["reason"] == reason);
  EXPECT_TRUE(found) << answer.dump(2);
  for (const auto& plugin : answer["plugins"]) EXPECT_NE(plugin["id"], "host_api");

  const RunResult checked =
      hoego.run({"plugins", "check", (own / "libhost_api.so.1.0.0").string()});
  EXPECT_EQ(checked.exit_code, 1) << checked;
  EXPECT_TRUE(contains(checked.out, "  - " + reason)) << checked;

  // In Korean the host's own reason is Korean too; the file names inside stay as they are.
  const std::string reason_ko =
      "불러오지 않았습니다: 플러그인 파일 이름은 .so로 끝나야 합니다 (libhost_api.so(으)로 이름을 "
      "바꾸거나 링크를 만드세요)";
  const RunResult korean = hoego.run({"--lang", "ko", "plugins"});
  ASSERT_EQ(korean.exit_code, 0) << korean;
  EXPECT_TRUE(
      contains(korean.out, "거부됨 " + (own / "libhost_api.so.1.0.0").string() + ": " + reason_ko))
      << korean;
  const json answer_ko = json::parse(hoego.run({"--lang", "ko", "plugins", "--json"}).out);
  found = false;
  for (const auto& refused : answer_ko["refused"])
    found = found ||
            (refused["reason"] == reason_ko && refused["problems"] == json::array({reason_ko}));
  EXPECT_TRUE(found) << answer_ko.dump(2);
  const RunResult checked_ko =
      hoego.run({"--lang", "ko", "plugins", "check", (own / "libhost_api.so.1.0.0").string()});
  EXPECT_EQ(checked_ko.exit_code, 1) << checked_ko;
  EXPECT_TRUE(contains(checked_ko.out, "  - " + reason_ko)) << checked_ko;
}

TEST_F(CliPlugins, CheckInKoreanKeepsTheDynamicLoadersOwnWords) {
  const RunResult result = hoego.run(
      {"--lang", "ko", "plugins", "check", (kTestPlugins / "undefined_symbol.so").string()});
  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_TRUE(contains(result.out, "문제 1개\n")) << result;
  EXPECT_TRUE(contains(result.out,
                       "  - 라이브러리를 불러올 수 없습니다: " HOEGO_TEST_PLUGIN_DIRECTORY
                       "/undefined_symbol.so: undefined symbol: "
                       "hoego_test_function_nobody_defines"))
      << result;
}

TEST_F(CliPlugins, TheHostApiAnswersFromTheUsersSettings) {
  ASSERT_EQ(hoego.run({"settings", "set", "time_zone", "Europe/Berlin"}).exit_code, 0);
  const RunResult added = hoego.run({"--plugins", (kTestPlugins / "host_api.so").string(), "add",
                                     "host_api", "probe", "--title", "탐침", "--json"},
                                    {{"HOEGO_LANG", "ko"}, {"HOEGO_TZ", ""}});
  ASSERT_EQ(added.exit_code, 0) << added;
  const json entry = json::parse(added.out);
  EXPECT_EQ(entry["fields"]["language"], "ko");
  EXPECT_EQ(entry["fields"]["time_zone"], "Europe/Berlin");
  EXPECT_EQ(entry["fields"]["earlier"], 0);
}

}  // namespace
}  // namespace hoego::testing
