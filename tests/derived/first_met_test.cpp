// A distinct_people metric with "first_time" counts only the people met for the first time in
// its entries: named in no earlier entry of any plugin. Through the bundled events plugin's
// coffee chats, beside mentoring sessions where some of the same people were met before.
#include <gtest/gtest.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/metric_service.h>
#include <hoego/core/people_service.h>

#include <optional>
#include <string>
#include <vector>

#include "../support/temporary_directory.h"

namespace hoego {
namespace {

class FirstMet : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    ASSERT_NE(plugins.find("events"), nullptr) << "the bundled events plugin did not load";
    auto opened = Database::open(directory.path() / "hoego.db");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db.emplace(std::move(opened.value()));
    service.emplace(*db, plugins, "Asia/Seoul");
    for (const char* name : {"김민지", "이준호", "박서연", "Alex Kim"})
      ASSERT_TRUE(PeopleService(*db).add(name, "").ok());
  }

  int64_t add(const std::string& plugin, const std::string& kind, const std::string& when,
              std::vector<std::string> people, nlohmann::json fields = nlohmann::json::object()) {
    NewEntry entry;
    entry.plugin = plugin;
    entry.kind = kind;
    entry.when = when;
    entry.title = kind;
    entry.people = std::move(people);
    entry.fields = std::move(fields);
    auto added = service->add(entry);
    EXPECT_TRUE(added.ok()) << added.error().message;
    return added.ok() ? added->id : 0;
  }

  int64_t coffee(const std::string& when, std::vector<std::string> people) {
    return add("events", "coffee_chat", when, std::move(people));
  }

  double metric(const std::string& id, int year = 2026) {
    auto values = MetricService(*db, plugins).compute("events", MetricPeriod::whole_year(year));
    EXPECT_TRUE(values.ok());
    if (values.ok())
      for (const auto& value : *values)
        if (value.id == id) return value.value;
    ADD_FAILURE() << "no metric " << id;
    return -1;
  }

  testing::TemporaryDirectory directory;
  PluginHost plugins;
  std::optional<Database> db;
  std::optional<EntryService> service;
};

TEST_F(FirstMet, OnlyPeopleNamedInNoEarlierEntryOfAnyPluginCount) {
  // 김민지 was a mentee in 2025; 이준호 was first met at a mentoring session in March 2026,
  // before the coffee chat; 박서연 and Alex Kim are met first over coffee.
  add("mentoring", "session", "2025-11-03T19:00:00+09:00", {"김민지"}, {{"duration_min", 60}});
  add("mentoring", "session", "2026-03-02T19:00:00+09:00", {"이준호"}, {{"duration_min", 60}});
  coffee("2026-04-10T12:00:00+09:00", {"김민지", "이준호", "박서연"});
  coffee("2026-05-10T12:00:00+09:00", {"박서연"});
  coffee("2026-06-10T12:00:00+09:00", {"Alex Kim"});
  EXPECT_EQ(metric("people_met"), 4);
  EXPECT_EQ(metric("first_met_over_coffee"), 2);  // 박서연, Alex Kim
}

TEST_F(FirstMet, AnEarlierEntryAddedLaterInAnotherPluginIsSeen) {
  coffee("2026-04-10T12:00:00+09:00", {"박서연", "Alex Kim"});
  EXPECT_EQ(metric("first_met_over_coffee"), 2);  // kept from here on
  // Backdated: Alex Kim turns out to have been a mentee in 2025, in another plugin and year.
  const int64_t session = add("mentoring", "session", "2025-09-01T19:00:00+09:00", {"Alex Kim"},
                              {{"duration_min", 30}});
  EXPECT_EQ(metric("first_met_over_coffee"), 1);
  ASSERT_TRUE(service->remove(session).ok());
  EXPECT_EQ(metric("first_met_over_coffee"), 2);
}

TEST_F(FirstMet, MetOnTheSameDayElsewhereStillCountsAsFirstMetHere) {
  add("mentoring", "session", "2026-04-10T09:00:00+09:00", {"박서연"}, {{"duration_min", 30}});
  coffee("2026-04-10T12:00:00+09:00", {"박서연"});
  EXPECT_EQ(metric("first_met_over_coffee"), 1);
  // A year before it, nobody was met yet.
  EXPECT_EQ(metric("first_met_over_coffee", 2025), 0);
}

}  // namespace
}  // namespace hoego
