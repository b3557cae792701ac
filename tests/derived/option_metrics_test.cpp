// Metrics per option of a choice field ("by") and the most frequent option, through the bundled
// exercise plugin: check-ins and hours per type, and the type done most often. Counted per local
// day and kept like the other day-by-day metrics, so an edit, a deletion or a changed type is
// seen at once.
#include <gtest/gtest.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/metric_service.h>
#include <hoego/core/report.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../support/temporary_directory.h"

namespace hoego {
namespace {

using Shares = std::vector<std::pair<std::string, double>>;

class OptionMetrics : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    ASSERT_NE(plugins.find("exercise"), nullptr) << "the bundled exercise plugin did not load";
    auto opened = Database::open(directory.path() / "hoego.db");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db.emplace(std::move(opened.value()));
    service.emplace(*db, plugins, "Asia/Seoul");
  }

  int64_t check_in(const std::string& when, const std::string& type,
                   std::optional<int> minutes = std::nullopt) {
    NewEntry entry;
    entry.plugin = "exercise";
    entry.kind = "check_in";
    entry.when = when;
    entry.fields = {{"type", type}};
    if (minutes) entry.fields["minutes"] = *minutes;
    auto added = service->add(entry);
    EXPECT_TRUE(added.ok()) << added.error().message;
    return added.ok() ? added->id : 0;
  }

  MetricValue metric(const std::string& id) {
    auto values = MetricService(*db, plugins).compute("exercise", MetricPeriod::whole_year(2026));
    EXPECT_TRUE(values.ok());
    if (values.ok())
      for (const auto& value : *values)
        if (value.id == id) return value;
    ADD_FAILURE() << "no metric " << id;
    return {};
  }

  static Shares shares(const MetricValue& metric) {
    Shares result;
    for (const auto& option : metric.options) result.emplace_back(option.id, option.value);
    return result;
  }

  testing::TemporaryDirectory directory;
  PluginHost plugins;
  std::optional<Database> db;
  std::optional<EntryService> service;
};

TEST_F(OptionMetrics, EachOptionIsCountedLargestFirstAndTiesKeepTheManifestsOrder) {
  check_in("2026-03-02T07:00:00+09:00", "yoga", 60);
  check_in("2026-03-03T07:00:00+09:00", "running", 30);
  check_in("2026-03-04T07:00:00+09:00", "swimming", 45);
  check_in("2026-03-05T07:00:00+09:00", "running", 40);
  check_in("2026-03-06T07:00:00+09:00", "swimming");
  check_in("2025-12-31T07:00:00+09:00", "yoga", 60);  // another year

  const MetricValue check_ins = metric("check_ins");
  EXPECT_EQ(check_ins.value, 5);
  EXPECT_EQ(check_ins.by, "type");
  // Running and swimming tie at 2: running is listed first in the manifest; yoga after them.
  EXPECT_EQ(shares(check_ins), (Shares{{"running", 2}, {"swimming", 2}, {"yoga", 1}}));
  EXPECT_EQ(check_ins.options.front().label.in("ko"), "달리기");

  // Hours per type: minutes summed and divided by 60; a check-in without minutes adds nothing.
  const MetricValue hours = metric("hours");
  EXPECT_DOUBLE_EQ(hours.value, 175.0 / 60);
  EXPECT_EQ(shares(hours), (Shares{{"running", 70.0 / 60}, {"yoga", 1}, {"swimming", 0.75}}));

  const MetricValue favourite = metric("favourite_type");
  ASSERT_TRUE(favourite.option.has_value());
  EXPECT_EQ(favourite.option->id, "running");
  EXPECT_EQ(favourite.value, 2);
  EXPECT_EQ(favourite.most_frequent_of, "type");
  EXPECT_TRUE(favourite.options.empty());
}

TEST_F(OptionMetrics, AYearWithoutEntriesHasNoMostFrequentOption) {
  const MetricValue favourite = metric("favourite_type");
  EXPECT_FALSE(favourite.option.has_value());
  EXPECT_EQ(favourite.value, 0);
  EXPECT_TRUE(to_json(favourite).at("option").is_null());
  EXPECT_EQ(to_json(metric("check_ins")).at("options"), nlohmann::json::array());
}

TEST_F(OptionMetrics, AChangedTypeOrADeletedEntryIsSeenAtOnce) {
  const int64_t first = check_in("2026-05-01T07:00:00+09:00", "running", 30);
  check_in("2026-05-02T07:00:00+09:00", "running", 30);
  check_in("2026-05-03T07:00:00+09:00", "yoga", 30);
  EXPECT_EQ(metric("favourite_type").option->id, "running");  // kept from here on

  EntryChanges changes;
  changes.fields = {{"type", "yoga"}};
  ASSERT_TRUE(service->edit(first, changes).ok());
  EXPECT_EQ(shares(metric("check_ins")), (Shares{{"yoga", 2}, {"running", 1}}));
  EXPECT_EQ(metric("favourite_type").option->id, "yoga");

  ASSERT_TRUE(service->remove(first).ok());
  // A tie again: running is listed before yoga.
  EXPECT_EQ(metric("favourite_type").option->id, "running");
  EXPECT_EQ(metric("check_ins").value, 2);
}

TEST_F(OptionMetrics, TheYearInReviewWritesEachOptionInTheUsersLanguage) {
  check_in("2026-06-01T07:00:00+09:00", "running", 30);
  check_in("2026-06-02T07:00:00+09:00", "running", 30);
  check_in("2026-06-03T07:00:00+09:00", "climbing", 90);
  auto report = build_year_report(*db, plugins, 2026, "Asia/Seoul", "ko");
  ASSERT_TRUE(report.ok());
  const std::string korean = render_markdown(*report, plugins, "ko");
  EXPECT_NE(korean.find("- 체크인: 3 (달리기 2, 클라이밍 1)"), std::string::npos) << korean;
  EXPECT_NE(korean.find("- 가장 자주 한 운동: 달리기 (2)"), std::string::npos) << korean;
  EXPECT_NE(korean.find("- 운동한 시간: 2.5시간 (클라이밍 1.5시간, 달리기 1시간)"),
            std::string::npos)
      << korean;
  const std::string english = render_html(*report, plugins, "en");
  EXPECT_NE(english.find("<dd>3 (Running 2, Climbing 1)</dd>"), std::string::npos) << english;
  EXPECT_NE(english.find("<dd>Running (2)</dd>"), std::string::npos) << english;
}

}  // namespace
}  // namespace hoego
