// One bundled plugin loaded in a real host that answers the user's language (as the CLI does from
// its settings), with the requests a test of its normalisation, milestones and year-in-review
// section sends: each helper goes through the host's own calls.
#pragma once

#include <gtest/gtest.h>
#include <hoego/core/plugin_environment.h>
#include <hoego/core/plugin_host.h>

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hoego::testing {

class BundledPluginTest : public ::testing::Test {
 protected:
  explicit BundledPluginTest(std::string id) : id_(std::move(id)) {}

  void SetUp() override {
    host.set_environment(&environment);
    host.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    plugin = host.find(id_);
    ASSERT_NE(plugin, nullptr);
  }

  // The plugin's answer to an entry of `kind` written at `when`, in `language`.
  Result<nlohmann::json> normalized(const std::string& kind, nlohmann::json fields,
                                    std::string title = "", std::vector<std::string> people = {},
                                    std::string when = "2023-03-05T20:00:00+09:00") {
    return plugin->normalize_entry(nlohmann::json{{"kind", kind},
                                                  {"kind_version", 1},
                                                  {"title", std::move(title)},
                                                  {"notes", ""},
                                                  {"when", std::move(when)},
                                                  {"people", std::move(people)},
                                                  {"tags", nlohmann::json::array()},
                                                  {"fields", std::move(fields)}});
  }

  // A stored entry of `kind` on the local date `date` (YYYY-MM-DD, written at +09:00).
  static nlohmann::json stored(int64_t id, const std::string& kind, const std::string& date,
                               nlohmann::json fields, std::vector<std::string> people = {},
                               std::string title = "") {
    return nlohmann::json{{"id", id},
                          {"kind", kind},
                          {"when", date + "T19:00:00+09:00"},
                          {"local_date", date},
                          {"title", std::move(title)},
                          {"people", std::move(people)},
                          {"tags", nlohmann::json::array()},
                          {"fields", std::move(fields)}};
  }

  // "first_talk#3" (or "first_coffee_chat_with#2:김민지") for each milestone reached, in the
  // plugin's order, from every entry in one call.
  std::vector<std::string> milestones(const nlohmann::json& entries) {
    auto answer = plugin->derive_milestones(nlohmann::json{{"entries", entries}});
    EXPECT_TRUE(answer.ok()) << answer.error().message;
    return answer.ok() ? named((*answer)["milestones"]) : std::vector<std::string>{};
  }

  // The same, resumed `chunk` entries at a time with the state passed back as the host keeps it.
  std::vector<std::string> milestones_resumed(const nlohmann::json& entries, std::size_t chunk) {
    EXPECT_TRUE(plugin->resumes_milestones());
    std::vector<std::string> reached;
    nlohmann::json state;
    for (std::size_t at = 0; at < entries.size(); at += chunk) {
      nlohmann::json part = nlohmann::json::array();
      for (std::size_t i = at; i < entries.size() && i < at + chunk; ++i)
        part.push_back(entries[i]);
      auto answer = plugin->resume_milestones({{"state", state}, {"entries", part}});
      EXPECT_TRUE(answer.ok()) << answer.error().message;
      if (!answer.ok()) return reached;
      for (auto& milestone : named((*answer)["milestones"])) reached.push_back(milestone);
      state = nlohmann::json::parse((*answer)["state"].dump());
    }
    return reached;
  }

  // The section written from the whole year in one call (as an SDK 1.0 host asks).
  nlohmann::json section_of_year(const nlohmann::json& entries, const std::string& language,
                                 nlohmann::json goals = nullptr) {
    nlohmann::json request{{"year", 2023}, {"language", language}, {"entries", entries}};
    if (!goals.is_null()) request["goals"] = std::move(goals);
    auto section = plugin->year_report_section(request);
    EXPECT_TRUE(section.ok()) << section.error().message;
    return section.ok() && *section ? **section : nlohmann::json();
  }

  // The section added up a month at a time (each month's entries by their local date), the state
  // passed back as the host keeps it, then written from the state after the last month.
  nlohmann::json section_month_by_month(const nlohmann::json& entries, const std::string& language,
                                        nlohmann::json goals = nullptr) {
    EXPECT_TRUE(plugin->resumes_year_report());
    std::map<std::string, nlohmann::json> months;
    for (const auto& entry : entries) {
      auto& month = months[entry["local_date"].get<std::string>().substr(0, 7)];
      if (month.is_null()) month = nlohmann::json::array();
      month.push_back(entry);
    }
    nlohmann::json state;
    for (const auto& [month, its_entries] : months) {
      auto resumed = plugin->resume_year_report({{"year", 2023},
                                                 {"month", std::stoi(month.substr(5, 2))},
                                                 {"state", state},
                                                 {"entries", its_entries}});
      EXPECT_TRUE(resumed.ok()) << resumed.error().message;
      if (!resumed.ok()) return nullptr;
      state = nlohmann::json::parse(resumed->dump());
    }
    nlohmann::json request{{"year", 2023}, {"language", language}, {"state", state}};
    if (!goals.is_null()) request["goals"] = std::move(goals);
    auto section = plugin->year_report_from_state(request);
    EXPECT_TRUE(section.ok()) << section.error().message;
    return section.ok() ? *section : nlohmann::json();
  }

  static std::vector<std::string> field_names(const Error& error) {
    std::vector<std::string> names;
    for (const auto& field : error.fields) names.push_back(field.field);
    return names;
  }

  std::string language = "en";  // what the host answers the plugin when it asks
  DatabasePluginEnvironment environment{[] { return static_cast<Database*>(nullptr); },
                                        [this] { return language; },
                                        [] { return std::string("Asia/Seoul"); }};
  PluginHost host;
  const LoadedPlugin* plugin = nullptr;

 private:
  static std::vector<std::string> named(const nlohmann::json& milestones) {
    std::vector<std::string> names;
    for (const auto& milestone : milestones)
      names.push_back(
          milestone["id"].get<std::string>() + "#" +
          std::to_string(milestone["entry_id"].get<int64_t>()) +
          (milestone.contains("person") ? ":" + milestone["person"].get<std::string>() : ""));
    return names;
  }

  std::string id_;
};

}  // namespace hoego::testing
