// The host API of SDK 1.1 (hoego_host.language, time_zone, read_entries), called by a test
// plugin that records every answer in the entry it normalises.
#include <gtest/gtest.h>
#include <hoego/core/database.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/plugin_environment.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/report.h>

#include <optional>

#include "../support/temporary_directory.h"

namespace hoego {
namespace {

using nlohmann::json;

class HostApi : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::open(directory.path() / "hoego.db");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db.emplace(std::move(opened.value()));
    // Set before loading, as the CLI does, so that init may ask for the language.
    plugins.set_environment(&environment);
    plugins.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    ASSERT_NE(plugins.load_file(std::filesystem::path(HOEGO_TEST_PLUGIN_DIRECTORY) / "host_api.so"),
              nullptr)
        << (plugins.refusals().empty() ? "" : plugins.refusals().back().reason);
    service.emplace(*db, plugins, "Asia/Seoul");
  }

  Result<Entry> probe(const std::string& title, const std::string& when) {
    NewEntry entry;
    entry.plugin = "host_api";
    entry.kind = "probe";
    entry.title = title;
    entry.when = when;
    return service->add(entry);
  }

  testing::TemporaryDirectory directory;
  std::optional<Database> db;
  std::string language = "ko";
  DatabasePluginEnvironment environment{[this] { return db ? &*db : nullptr; },
                                        [this] { return language; },
                                        [] { return std::string("Asia/Seoul"); }};
  PluginHost plugins;
  std::optional<EntryService> service;
};

// A section written from more than the year's entries is not kept on them alone: a probe of
// another year shows in this year's report at once.
TEST_F(HostApi, AReportSectionThatReadMoreIsWrittenAgain) {
  auto section = [&] {
    auto report = build_year_report(*db, plugins, 2026, "Asia/Seoul", "en");
    EXPECT_TRUE(report.ok());
    if (report.ok())
      for (const auto& written : report->sections)
        if (written.plugin == "host_api") return written.paragraphs.front();
    return std::string("(none)");
  };
  ASSERT_TRUE(probe("올해", "2026-03-01T10:00:00+09:00").ok());
  EXPECT_EQ(section(), "All my probes: 1");
  ASSERT_TRUE(probe("작년", "2025-03-01T10:00:00+09:00").ok());
  EXPECT_EQ(section(), "All my probes: 2");
}

TEST_F(HostApi, AnswersTheLanguageAndTimeZoneDuringACall) {
  auto first = probe("첫째", "2026-03-01T10:00:00+09:00");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->fields["language"], "ko");
  EXPECT_EQ(first->fields["time_zone"], "Asia/Seoul");
  language = "en";  // a changed setting applies at once
  auto second = probe("둘째", "2026-03-02T10:00:00+09:00");
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->fields["language"], "en");
}

TEST_F(HostApi, LogsUnderThePluginsId) {
  ::testing::internal::CaptureStderr();
  auto entry = probe("첫째", "2026-03-01T10:00:00+09:00");
  const std::string logged = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(entry.ok()) << entry.error().message;
  EXPECT_NE(logged.find("[host_api] info: probing 첫째\n"), std::string::npos) << logged;
}

TEST_F(HostApi, InitMayAskTheLanguageButNotReadEntries) {
  auto entry = probe("첫째", "2026-03-01T10:00:00+09:00");
  ASSERT_TRUE(entry.ok()) << entry.error().message;
  EXPECT_EQ(entry->fields["at_init"],
            "ko | Asia/Seoul | error: the host could not answer read_entries: read_entries is not "
            "answered during init");
}

TEST_F(HostApi, ReadsOnlyThePluginsOwnLiveEntriesOldestFirstWithinTheLimit) {
  NewEntry mentoring;
  mentoring.plugin = "mentoring";
  mentoring.kind = "feedback";
  mentoring.title = "not the probe's";
  mentoring.fields = {{"source", "peer"}};
  mentoring.when = "2026-03-01T09:00:00+09:00";
  ASSERT_TRUE(service->add(mentoring).ok());

  auto first = probe("첫째", "2026-03-01T10:00:00+09:00");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->fields["earlier"], 0);
  EXPECT_EQ(first->fields["latest"], "none");
  ASSERT_TRUE(probe("둘째", "2026-03-02T10:00:00+09:00").ok());
  auto deleted = probe("지운 것", "2026-03-03T10:00:00+09:00");
  ASSERT_TRUE(deleted.ok());
  ASSERT_TRUE(service->remove(deleted->id).ok());
  auto third = probe("셋째", "2026-03-04T10:00:00+09:00");
  ASSERT_TRUE(third.ok()) << third.error().message;
  EXPECT_EQ(third->fields["earlier"], 2);  // the deleted one is left out
  EXPECT_EQ(third->fields["latest"], "둘째");
  auto fourth = probe("넷째", "2026-03-05T10:00:00+09:00");
  ASSERT_TRUE(fourth.ok());
  EXPECT_EQ(fourth->fields["earlier"], 2);  // the plugin asks for at most 2: the newest ones
  EXPECT_EQ(fourth->fields["latest"], "셋째 (truncated)");
}

TEST_F(HostApi, ABadQueryIsRefusedWithEveryWrongMember) {
  auto entry = probe("첫째", "2026-03-01T10:00:00+09:00");
  ASSERT_TRUE(entry.ok()) << entry.error().message;
  EXPECT_EQ(entry->fields["bad_query"],
            "error: the host could not answer read_entries; from: must be a date written "
            "YYYY-MM-DD; kind: must name one of the plugin's own kinds");
}

TEST_F(HostApi, AnswersNothingOnAThreadOfThePluginsOwn) {
  auto entry = probe("첫째", "2026-03-01T10:00:00+09:00");
  ASSERT_TRUE(entry.ok()) << entry.error().message;
  EXPECT_EQ(entry->fields["other_thread"],
            "error: the host could not answer language: language is only answered during a call "
            "from the host");
}

TEST(HostApiWithoutData, FailsWithAReasonInsteadOfCrashing) {
  PluginHost plugins;  // no environment: a host that only checks plugins
  const LoadedPlugin* plugin =
      plugins.load_file(std::filesystem::path(HOEGO_TEST_PLUGIN_DIRECTORY) / "host_api.so");
  ASSERT_NE(plugin, nullptr);
  auto answer = plugin->normalize_entry(json{{"kind", "probe"},
                                             {"kind_version", 1},
                                             {"title", "x"},
                                             {"when", "2026-03-01T10:00:00+09:00"},
                                             {"fields", json::object()}});
  ASSERT_FALSE(answer.ok());
  EXPECT_NE(answer.error().message.find("language has no user data to answer from"),
            std::string::npos)
      << answer.error().message;
}

}  // namespace
}  // namespace hoego
