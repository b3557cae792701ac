// Plugins built against the frozen SDK 1.0 headers (tests/abi) keep loading and working in the
// current host: the compatibility promise of <hoego/sdk.h>, checked on every build.
#include <gtest/gtest.h>
#include <hoego/core/plugin_host.h>

#include <filesystem>

namespace hoego {
namespace {

using nlohmann::json;

const std::filesystem::path kFrozenPlugins =
    std::filesystem::path(HOEGO_TEST_PLUGIN_DIRECTORY) / "abi";

json request(const std::string& kind, json fields) {
  return json{{"kind", kind},
              {"kind_version", 1},
              {"title", ""},
              {"notes", ""},
              {"when", "2026-05-01T07:00:00+09:00"},
              {"people", json::array()},
              {"tags", json::array()},
              {"track", nullptr},
              {"fields", std::move(fields)}};
}

json stored(int id) {
  return json{{"id", id},
              {"kind", "walk"},
              {"when", "2026-05-01T07:00:00+09:00"},
              {"local_date", "2026-05-01"},
              {"title", "Walk"},
              {"track", nullptr},
              {"people", json::array()},
              {"tags", json::array()},
              {"fields", {{"km", 3.5}}}};
}

TEST(FrozenSdk1, ACppPluginLoadsAndDeclaresSdk10) {
  PluginHost host;
  const LoadedPlugin* plugin = host.load_file(kFrozenPlugins / "sdk1_plugin.so");
  ASSERT_NE(plugin, nullptr) << host.refusals().front().reason;
  EXPECT_EQ(plugin->sdk_version_text(), "1.0.0");
  EXPECT_EQ(
      plugin->capabilities(),
      (std::vector<std::string>{"normalize_entry", "derive_milestones", "hoego.year_report.v1"}));
}

TEST(FrozenSdk1, ACppPluginStillValidatesNormalisesDerivesAndReports) {
  PluginHost host;
  const LoadedPlugin* plugin = host.load_file(kFrozenPlugins / "sdk1_plugin.so");
  ASSERT_NE(plugin, nullptr);

  auto accepted = plugin->normalize_entry(request("walk", {{"km", 3.5}}));
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  EXPECT_EQ((*accepted)["title"], "Walk");
  auto rejected = plugin->normalize_entry(request("walk", {{"km", 250}}));
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.error().message, "km: must be between 0 and 100");

  auto milestones = plugin->derive_milestones(json{{"entries", {stored(4), stored(7), stored(9)}}});
  ASSERT_TRUE(milestones.ok()) << milestones.error().message;
  EXPECT_EQ((*milestones)["milestones"], json::parse(R"([{"id":"third_walk","entry_id":9}])"));

  auto section = plugin->year_report_section(
      json{{"year", 2026}, {"language", "en"}, {"entries", {stored(4), stored(7)}}});
  ASSERT_TRUE(section.ok()) << section.error().message;
  ASSERT_TRUE(section->has_value());
  EXPECT_EQ((**section)["paragraphs"], json::array({"2 walks in 2026"}));
}

TEST(FrozenSdk1, APluginThatPredatesEveryOptionalCapabilityLoadsAndWorks) {
  PluginHost host;
  const LoadedPlugin* plugin = host.load_file(kFrozenPlugins / "sdk1_minimal.so");
  ASSERT_NE(plugin, nullptr) << host.refusals().front().reason;
  EXPECT_EQ(plugin->capabilities(), std::vector<std::string>{"normalize_entry"});

  auto accepted = plugin->normalize_entry(request("leaflet", {{"pages", 12}}));
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  EXPECT_EQ((*accepted)["fields"], json({{"pages", 12}}));
  auto rejected = plugin->normalize_entry(request("leaflet", {{"pages", 7}}));
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.error().message, "pages: must be even");

  // Asked for what it lacks, the host skips it cleanly.
  auto milestones = plugin->derive_milestones(json{{"entries", json::array()}});
  ASSERT_TRUE(milestones.ok());
  EXPECT_EQ((*milestones)["milestones"], json::array());
  auto section = plugin->year_report_section(json{{"year", 2026}, {"entries", json::array()}});
  ASSERT_TRUE(section.ok());
  EXPECT_FALSE(section->has_value());
}

}  // namespace
}  // namespace hoego
