// The host loads the real mentoring plugin, refuses each purpose-built broken plugin with the
// right reason, and survives plugins that throw or answer nonsense.
#include <gtest/gtest.h>
#include <hoego/core/plugin_host.h>

#include <cstdio>
#include <filesystem>

#include "../support/temporary_directory.h"

namespace hoego {
namespace {

using nlohmann::json;

const std::filesystem::path kTestPlugins = HOEGO_TEST_PLUGIN_DIRECTORY;
const std::filesystem::path kBundledPlugins = HOEGO_BUNDLED_PLUGIN_DIRECTORY;

json thing_request(json fields = json::object()) {
  return json{{"kind", "thing"},
              {"kind_version", 1},
              {"title", ""},
              {"notes", ""},
              {"when", "2022-10-05T20:00:00+09:00"},
              {"people", json::array()},
              {"tags", json::array()},
              {"fields", std::move(fields)}};
}

TEST(PluginHost, LoadsTheBundledMentoringPlugin) {
  PluginHost host;
  host.load_directory(kBundledPlugins);
  const LoadedPlugin* mentoring = host.find("mentoring");
  ASSERT_NE(mentoring, nullptr);
  EXPECT_EQ(mentoring->manifest().version, "1.0.0");
  EXPECT_EQ(mentoring->sdk_version_text(), "1.3.0");
  ASSERT_NE(mentoring->manifest().kind("session"), nullptr);
  ASSERT_NE(mentoring->manifest().kind("feedback"), nullptr);
  EXPECT_TRUE(host.refusals().empty());
}

struct Refusal {
  const char* file;
  const char* reason;
};

// Names the case in CTest's list instead of dumping its bytes.
void PrintTo(const Refusal& value, std::ostream* out) { *out << value.file; }

class RefusedPlugin : public ::testing::TestWithParam<Refusal> {};

TEST_P(RefusedPlugin, IsRefusedWithItsReason) {
  PluginHost host;
  host.load_directory(kBundledPlugins);  // so that a duplicate id has something to clash with
  EXPECT_EQ(host.load_file(kTestPlugins / GetParam().file), nullptr);
  ASSERT_EQ(host.refusals().size(), 1u);
  EXPECT_EQ(host.refusals().front().path, kTestPlugins / GetParam().file);
  EXPECT_NE(host.refusals().front().reason.find(GetParam().reason), std::string::npos)
      << host.refusals().front().reason;
  EXPECT_NE(host.find("mentoring"), nullptr) << "a refusal must not disturb loaded plugins";
}

INSTANTIATE_TEST_SUITE_P(
    BrokenPlugins, RefusedPlugin,
    ::testing::Values(Refusal{"no_entry.so", "no hoego_plugin_entry entry point"},
                      Refusal{"wrong_abi.so", "built for SDK 2.0.0; this host speaks SDK 1.x"},
                      Refusal{"newer_minor.so", "newer than this host's SDK 1.3.0"},
                      Refusal{"too_small.so", "descriptor is 4 bytes, smaller than SDK 1.0's"},
                      Refusal{"null_descriptor.so", "returned no descriptor"},
                      Refusal{"duplicate_id.so", "plugin id 'mentoring' is already loaded"},
                      Refusal{"invalid_manifest.so", "invalid manifest: manifest.version 'one'"},
                      Refusal{"not_json_manifest.so", "manifest is not valid JSON"},
                      Refusal{"init_fails.so",
                              "its init function failed: init_fails: the resource it needs is "
                              "missing"},
                      Refusal{"undefined_symbol.so",
                              "cannot load library: " HOEGO_TEST_PLUGIN_DIRECTORY
                              "/undefined_symbol.so: undefined symbol: "
                              "hoego_test_function_nobody_defines"},
                      Refusal{"half_resumable_report.so",
                              "its hoego.resumable_year_report.v1 extension lacks its resume or "
                              "write_section function"}),
    [](const auto& info) {
      std::string name = info.param.file;
      return name.substr(0, name.find('.'));
    });

TEST(PluginHost, RefusesAFileThatIsNotALibrary) {
  testing::TemporaryDirectory directory;
  const auto not_a_library = directory.path() / "notes.so";
  std::FILE* file = std::fopen(not_a_library.c_str(), "w");
  std::fputs("회고: not an ELF file\n", file);
  std::fclose(file);
  PluginHost host;
  host.load_directory(directory.path());
  EXPECT_TRUE(host.plugins().empty());
  ASSERT_EQ(host.refusals().size(), 1u);
  EXPECT_NE(host.refusals().front().reason.find("cannot load library"), std::string::npos);
  EXPECT_NE(host.refusals().front().reason_in("ko").find("라이브러리를 불러올 수 없습니다: "),
            std::string::npos);
}

TEST(PluginHost, ListsAVersionedFileNameAsNotLoadedAndSaysWhichNameWould) {
  testing::TemporaryDirectory directory;
  std::filesystem::copy_file(kTestPlugins / "host_api.so", directory.path() / "libx.so.1.0.0");
  std::filesystem::copy_file(kTestPlugins / "rejecting.so", directory.path() / "rejecting.so");
  PluginHost host;
  host.load_directory(directory.path());
  host.load_directory(directory.path());  // listed once however often the folder is read
  ASSERT_EQ(host.plugins().size(), 1u);
  EXPECT_EQ(host.plugins().front()->id(), "rejecting");
  ASSERT_EQ(host.refusals().size(), 1u);
  EXPECT_EQ(host.refusals().front().path, directory.path() / "libx.so.1.0.0");
  EXPECT_EQ(host.refusals().front().reason,
            "not loaded: a plugin's file name must end in .so (rename it, or link it, as libx.so)");
  EXPECT_EQ(host.refusals().front().reason_in("ko"),
            "불러오지 않았습니다: 플러그인 파일 이름은 .so로 끝나야 합니다 (libx.so(으)로 이름을 "
            "바꾸거나 링크를 만드세요)");

  // Checked by name it would load, but the folder would not: the check says so.
  PluginHost checker;
  const PluginCheck check = checker.check_file(directory.path() / "libx.so.1.0.0");
  ASSERT_NE(check.plugin, nullptr);
  ASSERT_EQ(check.problems.size(), 1u);
  EXPECT_EQ(check.problems.front(), host.refusals().front().reason);
  EXPECT_EQ(check.problems_in("ko"), host.refusals().front().problems_in("ko"));
}

TEST(PluginHost, AFailedInitIsExplainedInItsRefusalNotOnStandardError) {
  PluginHost host;
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(host.load_file(kTestPlugins / "init_fails.so"), nullptr);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  ASSERT_EQ(host.refusals().size(), 1u);
  EXPECT_EQ(host.refusals().front().reason,
            "its init function failed: init_fails: the resource it needs is missing");
  // The plugin's own words stay as it logged them inside the Korean sentence.
  EXPECT_EQ(host.refusals().front().reason_in("ko"),
            "init 함수가 실패했습니다: init_fails: the resource it needs is missing");
  EXPECT_EQ(host.refusals().front().problems_in("ko"),
            std::vector<std::string>{host.refusals().front().reason_ko});
}

TEST(PluginHost, ThrowingPluginGivesAnErrorAndTheHostKeepsWorking) {
  PluginHost host;
  host.load_directory(kBundledPlugins);
  const LoadedPlugin* throwing = host.load_file(kTestPlugins / "throwing.so");
  ASSERT_NE(throwing, nullptr);
  auto normalized = throwing->normalize_entry(thing_request());
  ASSERT_FALSE(normalized.ok());
  EXPECT_EQ(normalized.error().code, ErrorCode::kPluginFailed);
  EXPECT_NE(normalized.error().message.find("boom"), std::string::npos);
  auto milestones = throwing->derive_milestones(json{{"entries", json::array()}});
  ASSERT_FALSE(milestones.ok());
  EXPECT_EQ(milestones.error().code, ErrorCode::kPluginFailed);

  // The other plugins still answer.
  auto mentoring = host.find("mentoring")->derive_milestones(json{{"entries", json::array()}});
  ASSERT_TRUE(mentoring.ok()) << mentoring.error().message;
  EXPECT_EQ((*mentoring)["milestones"], json::array());
}

TEST(PluginHost, MalformedJsonFromAPluginIsAnErrorNotACrash) {
  PluginHost host;
  const LoadedPlugin* malformed = host.load_file(kTestPlugins / "malformed_json.so");
  ASSERT_NE(malformed, nullptr);
  auto normalized = malformed->normalize_entry(thing_request());
  ASSERT_FALSE(normalized.ok());
  EXPECT_EQ(normalized.error().code, ErrorCode::kPluginFailed);
  EXPECT_NE(normalized.error().message.find("malformed JSON"), std::string::npos);
  EXPECT_NE(normalized.error().in("ko").find("플러그인 'malformed'의 normalize_entry 답이"),
            std::string::npos)
      << normalized.error().in("ko");
  auto milestones = malformed->derive_milestones(json{{"entries", json::array()}});
  ASSERT_FALSE(milestones.ok());
  EXPECT_NE(milestones.error().message.find("malformed JSON"), std::string::npos);
}

TEST(PluginHost, RejectionComesBackAsInvalidInputWithTheField) {
  PluginHost host;
  const LoadedPlugin* rejecting = host.load_file(kTestPlugins / "rejecting.so");
  ASSERT_NE(rejecting, nullptr);
  auto fine = rejecting->normalize_entry(thing_request({{"name", "good"}}));
  ASSERT_TRUE(fine.ok()) << fine.error().message;
  auto rejected = rejecting->normalize_entry(thing_request({{"name", "bad"}}));
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(rejected.error().fields.size(), 1u);
  EXPECT_EQ(rejected.error().fields[0].field, "name");
  EXPECT_EQ(rejected.error().message, "name: must not be 'bad'");
  EXPECT_EQ(rejected.error().in("ko"), "name: must not be 'bad'")
      << "a plugin's own words stand in every language";
}

TEST(PluginHost, LoadsADirectoryOnceAndRecordsEveryRefusal) {
  PluginHost host;
  host.load_directory(kBundledPlugins);
  host.load_directory(kTestPlugins);
  host.load_directory(kTestPlugins);  // listed twice: nothing is loaded or refused twice
  std::vector<std::string> loaded;
  for (const auto& plugin : host.plugins()) loaded.push_back(plugin->id());
  EXPECT_EQ(loaded, (std::vector<std::string>{"events", "exercise", "hackathon", "mentoring",
                                              "reading", "study", "writing", "bad_report",
                                              "host_api", "malformed", "rejecting", "throwing"}));
  EXPECT_EQ(host.refusals().size(), 11u);
}

TEST(PluginHost, RequireNamesTheLoadedPluginsWhenAnIdIsUnknown) {
  PluginHost host;
  host.load_directory(kBundledPlugins);
  auto missing = host.require("gardening");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message,
            "unknown plugin 'gardening' (loaded: events, exercise, hackathon, mentoring, reading, "
            "study, writing)");
  EXPECT_EQ(missing.error().in("ko"),
            "알 수 없는 플러그인입니다: 'gardening' (불러온 플러그인: events, exercise, hackathon, "
            "mentoring, reading, study, writing)");
}

TEST(PluginSearchPath, BundledThenOptionsThenEnvironment) {
  const auto path =
      plugin_search_path("/opt/hoego/bin/hoego", std::nullopt, {"/home/me/plugins"}, "/a:/b::/c");
  EXPECT_EQ(path, (std::vector<std::filesystem::path>{"/opt/hoego/lib/hoego/plugins",
                                                      "/home/me/plugins", "/a", "/b", "/c"}));
}

}  // namespace
}  // namespace hoego
