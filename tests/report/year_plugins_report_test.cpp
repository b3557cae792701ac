// The events, reading and exercise sections of the year in review through the core: each
// figure in them is one the report shows beside them (a metric, a goal's progress or target) or,
// for the weeks with a check-in, one counted here from the entries; and after edits that move an
// entry to another month, change a month's minutes, drop a coffee chat or change who was met,
// the sections the core adds up again from the changed months read as the new year does.
#include <date/date.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/report.h>

#include <hoego/sdk_figures.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

using nlohmann::json;

class YearPluginsReport : public testing::MentoringFixture {
 protected:
  void SetUp() override {
    MentoringFixture::SetUp();
    coffee_with_junho =
        add(entry("events", "coffee_chat", "2023-02-28T12:30", json::object(), {"이준호"}));
    add(entry("events", "coffee_chat", "2023-01-12T12:30", {{"topic", "이직 고민"}}, {"김민지"}));
    coffee_with_both = add(
        entry("events", "coffee_chat", "2023-03-20T12:30", json::object(), {"김민지", "이준호"}));
    add(entry("events", "event", "2023-03-18T10:00", {{"type", "conference"}}, {}, "FEConf 2023"));
    add(entry("events", "talk", "2023-03-18T14:00", {{"event", "FEConf 2023"}, {"audience", 120}},
              {}, "웹 접근성 이야기"));
    add(entry("events", "talk", "2023-05-20T15:00", {{"event", "사내 세미나"}, {"audience", 40}}));
    add(entry("events", "course", "2023-04-03T20:00",
              {{"provider", "Coursera"}, {"completed", true}}));
    add(entry("reading", "book", "2023-01-08T21:00", {{"pages", 247}, {"rating", 5}}, {},
              "소년이 온다"));
    moved_book = add(
        entry("reading", "book", "2023-02-19T21:00", {{"pages", 320}}, {}, "Clean Architecture"));
    add(entry("reading", "book", "2023-05-02T21:00", {{"pages", 500}, {"rating", 5}}, {},
              "Designing Data-Intensive Applications"));
    add(entry("reading", "book", "2023-12-31T23:30", {{"pages", 181}}, {}, "아몬드"));
    add(entry("reading", "book", "2024-01-01T00:30", {{"pages", 300}}, {}, "다음 해의 책"));
    for (const char* when :
         {"2023-01-30T07:00", "2023-01-31T07:00", "2023-03-08T07:00", "2023-12-31T07:00"})
      add(entry("exercise", "check_in", when, {{"type", "running"}, {"minutes", 40}}));
    february_run =
        add(entry("exercise", "check_in", "2023-02-05T07:00", {{"type", "yoga"}, {"minutes", 45}}));
    NewGoal six_books;
    six_books.title = "책 6권";
    six_books.plugin = "reading";
    six_books.kind = "book";
    six_books.year = 2023;
    six_books.target = 6;
    ASSERT_TRUE(GoalService(*db, plugins, "Asia/Seoul").add(six_books).ok());
  }

  static NewEntry entry(const std::string& plugin, const std::string& kind, const std::string& when,
                        json fields, std::vector<std::string> people = {}, std::string title = "") {
    NewEntry entry;
    entry.plugin = plugin;
    entry.kind = kind;
    entry.when = when + "+09:00";
    entry.fields = std::move(fields);
    entry.people = std::move(people);
    entry.title = std::move(title);
    return entry;
  }

  int64_t add(const NewEntry& entry) {
    auto added = service->add(entry);
    EXPECT_TRUE(added.ok()) << added.error().message;
    return added.ok() ? added->id : 0;
  }

  YearReport report(const std::string& language) {
    auto built = build_year_report(*db, plugins, 2023, "Asia/Seoul", language);
    EXPECT_TRUE(built.ok()) << built.error().message;
    return built.ok() ? std::move(*built) : YearReport{};
  }

  static std::vector<std::string> paragraphs(const YearReport& year, const std::string& plugin) {
    for (const auto& section : year.sections)
      if (section.plugin == plugin) return section.paragraphs;
    return {};
  }

  // The calendar weeks (Monday to Sunday) of 2023's check-ins, counted from the entries' days.
  int weeks_with_a_check_in() {
    EntryFilter exercise;
    exercise.plugin = "exercise";
    auto listed = service->list(exercise);
    EXPECT_TRUE(listed.ok());
    std::set<date::sys_days> mondays;
    for (const auto& stored : listed.ok() ? *listed : std::vector<Entry>{}) {
      if (stored.when.local_date.compare(0, 4, "2023") != 0) continue;
      std::istringstream in(stored.when.local_date);
      date::sys_days day;
      in >> date::parse("%F", day);
      mondays.insert(day - (date::weekday(day) - date::Monday));
    }
    return static_cast<int>(mondays.size());
  }

  // Every figure in the three plugins' paragraphs is one the report shows for that plugin (a
  // metric, a goal's progress or target), or the weeks counted here.
  void expect_only_shown_figures(const YearReport& year) {
    const std::regex figure(R"(\d[\d,]*(\.\d+)?)");
    for (const auto& section : year.sections) {
      std::set<std::string> shown;
      for (const auto& metric : year.metrics)
        if (metric.plugin == section.plugin) shown.insert(sdk::format_figure(metric.value));
      for (const auto& goal : year.goals)
        if (goal.goal.plugin == section.plugin) {
          shown.insert(sdk::format_figure(goal.state.progress));
          if (goal.goal.definition.target)
            shown.insert(sdk::format_figure(*goal.goal.definition.target));
        }
      if (section.plugin == "exercise") shown.insert(std::to_string(weeks_with_a_check_in()));
      for (const auto& paragraph : section.paragraphs) {
        // A title between ‘ ’ is the user's words.
        const std::string words = std::regex_replace(paragraph, std::regex("‘[^’]*’"), "");
        for (auto it = std::sregex_iterator(words.begin(), words.end(), figure);
             it != std::sregex_iterator(); ++it)
          EXPECT_TRUE(shown.contains(it->str()))
              << it->str() << " in " << section.plugin << "'s \"" << paragraph << "\"";
      }
    }
  }

  int64_t coffee_with_junho = 0, coffee_with_both = 0, moved_book = 0, february_run = 0;
};

TEST_F(YearPluginsReport, TheSectionsNameOnlyFiguresTheReportShowsOrCountsFromTheEntries) {
  for (const char* language : {"ko", "en"}) {
    const YearReport year = report(language);
    EXPECT_TRUE(year.failed.empty());
    expect_only_shown_figures(year);
  }
  const YearReport korean = report("ko");
  EXPECT_EQ(paragraphs(korean, "events"),
            (std::vector<std::string>{
                "올해 행사 1곳에 참석했습니다.", "발표를 2번 했고, 모두 160명이 들었습니다.",
                "커피챗 3번으로 2명을 만났습니다.", "강의 1개를 수료했습니다."}));
  EXPECT_EQ(
      paragraphs(korean, "reading"),
      (std::vector<std::string>{
          "올해 책 4권을 다 읽었습니다 (모두 1,248쪽).",
          "별 다섯 개를 준 책은 ‘소년이 온다’, ‘Designing Data-Intensive Applications’입니다.",
          "‘책 6권’ 목표는 4 / 6입니다."}));
  // 205 minutes; the weeks of 01-30 (with 02-05), 03-06 and 12-25.
  EXPECT_EQ(paragraphs(korean, "exercise"),
            (std::vector<std::string>{"올해 5번 체크인했고, 모두 3.4시간을 들였습니다.",
                                      "체크인이 있었던 주는 모두 3주입니다."}));
}

TEST_F(YearPluginsReport, EditsInSomeMonthsAreAddedUpAgainFromThoseMonths) {
  report("en");  // kept month by month
  EntryChanges to_june;
  to_june.when = "2023-06-10T21:00+09:00";
  ASSERT_TRUE(service->edit(moved_book, to_june).ok());
  EntryChanges longer;
  longer.fields = {{"minutes", 105}};
  ASSERT_TRUE(service->edit(february_run, longer).ok());
  ASSERT_TRUE(service->remove(coffee_with_junho).ok());
  EntryChanges only_minji;
  only_minji.people = std::vector<std::string>{"김민지"};
  ASSERT_TRUE(service->edit(coffee_with_both, only_minji).ok());
  // The check-in moved out of the year's first week it shared.
  EntryChanges to_march;
  to_march.when = "2023-03-09T07:00+09:00";
  ASSERT_TRUE(service->edit(february_run, to_march).ok());

  const YearReport year = report("en");
  expect_only_shown_figures(year);
  EXPECT_EQ(paragraphs(year, "events"),
            (std::vector<std::string>{
                "You attended 1 event this year.", "You gave 2 talks, to 160 people in all.",
                "You had 2 coffee chats with 1 person.", "You completed 1 course."}));
  EXPECT_EQ(paragraphs(year, "reading").front(),
            "You finished 4 books this year (1,248 pages in all).");
  // 265 minutes; the weeks of 01-30, 03-06 (two check-ins now) and 12-25.
  EXPECT_EQ(paragraphs(year, "exercise"),
            (std::vector<std::string>{"You checked in 5 times this year, 4.4 hours in all.",
                                      "You checked in during 3 different weeks."}));
}

}  // namespace
}  // namespace hoego
