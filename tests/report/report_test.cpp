// The year in review over a realistic year: a mentoring cohort, a study group, a writing cohort
// on a 14-day cadence and two hackathons with an award. Its numbers must match the entries.
#include <date/date.h>
#include <hoego/core/dashboard_service.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/report.h>
#include <hoego/core/track_service.h>

#include <cstdio>
#include <hoego/sdk_figures.hpp>
#include <map>
#include <regex>
#include <set>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

class YearInReview : public testing::MentoringFixture {
 protected:
  void SetUp() override {
    MentoringFixture::SetUp();
    // Mentoring: 김민지 six times for an hour, 이준호 three times for 30 minutes.
    for (int i = 0; i < 6; ++i)
      add(session(date(9 + i / 2, 5 + i % 2 * 10) + "T20:00+09:00", "김민지", 60));
    for (int i = 0; i < 3; ++i) add(session(date(10 + i, 20) + "T20:00+09:00", "이준호", 30));
    // Writing: a post every 14 days from March 6, sixteen in all, then two cycles missed.
    ASSERT_TRUE(TrackService(*db, plugins)
                    .add({"글또 7기", "writing", "2022-03-06", "2022-12-31", "", {}})
                    .ok());
    NewGoal cadence;
    cadence.title = "격주 글쓰기";
    cadence.plugin = "writing";
    cadence.kind = "post";
    cadence.track = "글또 7기";
    cadence.every = "14d";
    cadence.passes = 2;
    NewGoal sixteen;
    sixteen.title = "16편 쓰기";
    sixteen.plugin = "writing";
    sixteen.kind = "post";
    sixteen.year = 2022;
    sixteen.target = 16;
    NewGoal papers = sixteen;
    papers.title = "논문 12편";
    papers.plugin = "study";
    papers.kind = "session";
    papers.target = 12;
    for (const auto& goal : {cadence, sixteen, papers})
      ASSERT_TRUE(GoalService(*db, plugins, "Asia/Seoul").add(goal).ok());
    for (int i = 0; i < 16; ++i) {
      NewEntry post;
      post.plugin = "writing";
      post.kind = "post";
      post.when = day_after("2022-03-07", i * 14);
      post.track = "글또 7기";
      post.title = "글 " + std::to_string(i + 1);
      add(post);
    }
    // Study: three papers.
    for (int i = 0; i < 3; ++i) {
      NewEntry paper;
      paper.plugin = "study";
      paper.kind = "session";
      paper.when = date(4 + i, 2);
      paper.fields = {{"topic", "경량화"}, {"paper_title", "Paper " + std::to_string(i)}};
      add(paper);
    }
    // Hackathons: two, one with an award.
    for (const char* result : {"entered", "award"}) {
      NewEntry event;
      event.plugin = "hackathon";
      event.kind = "event";
      event.when = std::string(result) == "award" ? "2022-08-20" : "2022-05-14";
      event.title = std::string(result) == "award" ? "Seoul Prompton" : "Junction Asia";
      event.fields = {{"result", result}};
      add(event);
    }
  }

  void add(const NewEntry& entry) {
    auto added = service->add(entry);
    ASSERT_TRUE(added.ok()) << added.error().message;
  }
  static std::string date(int month, int day) {
    char text[16];
    std::snprintf(text, sizeof text, "2022-%02d-%02d", month, day);
    return text;
  }
  static std::string day_after(const std::string& start, int days) {
    const date::sys_days first = date::sys_days{
        date::year_month_day{date::year{std::stoi(start.substr(0, 4))},
                             date::month{static_cast<unsigned>(std::stoi(start.substr(5, 2)))},
                             date::day{static_cast<unsigned>(std::stoi(start.substr(8, 2)))}}};
    return date::format("%F", first + date::days{days});
  }

  YearReport report(int year = 2022, const std::string& language = "ko") {
    auto built = build_year_report(*db, plugins, year, "Asia/Seoul", language);
    EXPECT_TRUE(built.ok()) << built.error().message;
    return built.ok() ? *built : YearReport{};
  }

  static double metric(const YearReport& report, const std::string& plugin, const std::string& id) {
    for (const auto& value : report.metrics)
      if (value.plugin == plugin && value.id == id) return value.value;
    ADD_FAILURE() << plugin << "/" << id << " missing";
    return -1;
  }
};

TEST_F(YearInReview, TheNumbersMatchTheEntries) {
  const YearReport year = report();
  EXPECT_EQ(year.entries, 6 + 3 + 16 + 3 + 2);
  EXPECT_EQ(year.as_of, "2023-01-01");
  EXPECT_EQ(metric(year, "mentoring", "sessions"), 9);
  EXPECT_EQ(metric(year, "mentoring", "hours"), 7.5);
  EXPECT_EQ(metric(year, "mentoring", "mentees"), 2);
  EXPECT_EQ(metric(year, "writing", "posts"), 16);
  EXPECT_EQ(metric(year, "study", "papers"), 3);
  EXPECT_EQ(metric(year, "hackathon", "events"), 2);
  EXPECT_EQ(metric(year, "hackathon", "awards"), 1);
  ASSERT_EQ(year.people.size(), 2u);
  EXPECT_EQ(year.people[0].name, "김민지");
  EXPECT_EQ(year.people[0].entries, 6);
  int total = 0;
  for (const auto& month : year.months) {
    total += month.entries;
    EXPECT_LE(month.highlights.size(), 3u);
  }
  EXPECT_EQ(total, year.entries);
}

TEST_F(YearInReview, GoalsAreMetOrMissed) {
  std::map<std::string, std::string> outcome;
  for (const auto& goal : report().goals) outcome[goal.goal.title] = goal.state.status;
  EXPECT_EQ(outcome["16편 쓰기"], "achieved");
  EXPECT_EQ(outcome["논문 12편"], "missed");
  EXPECT_EQ(outcome["격주 글쓰기"], "ended");
}

TEST_F(YearInReview, ReadsLikeProseInBothLanguages) {
  const YearReport year = report();
  const std::string ko = render_markdown(year, plugins, "ko");
  for (const char* part :
       {"# 2022년 회고", "2022년에 기록 30개를 남겼습니다.", "멘토링 시간: 7.5시간",
        "**16편 쓰기** — 16 / 16, 달성", "**논문 12편** — 3 / 12, 미달성", "### 9월 — 기록",
        "## 이정표", "김민지 (6), 이준호 (3)"})
    EXPECT_NE(ko.find(part), std::string::npos) << part << "\n" << ko;
  const std::string en = render_markdown(report(2022, "en"), plugins, "en");
  for (const char* part : {"# My 2022 in review", "In 2022 you logged 30 entries.", "7.5 hours",
                           "16 / 16, achieved", "### September — ", "## Thank you"})
    EXPECT_NE(en.find(part), std::string::npos) << part << "\n" << en;
}

TEST_F(YearInReview, TheHtmlPageIsSelfContainedPrintableAndEscaped) {
  add(session("2022-12-24T20:00+09:00", "김민지", 30, "<img src=x onerror=alert(1)>"));
  const std::string html = render_html(report(), plugins, "ko");
  EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"ko\">", 0), 0u);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src=\""), std::string::npos) << "nothing is loaded from elsewhere";
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("16 / 16, 달성"), std::string::npos);
  const std::string en = render_html(report(2022, "en"), plugins, "en");
  EXPECT_NE(en.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(en.find("<h2>The year at a glance</h2>"), std::string::npos);
}

TEST_F(YearInReview, PluginsWriteTheirOwnSectionsThroughTheSdk) {
  const YearReport year = report();
  std::vector<std::string> writers;
  for (const auto& section : year.sections) writers.push_back(section.plugin);
  // study and hackathon do not offer the optional capability, and are simply skipped.
  EXPECT_EQ(writers, (std::vector<std::string>{"mentoring", "writing"}));
  EXPECT_TRUE(year.failed.empty());
  const std::string ko = render_markdown(year, plugins, "ko");
  EXPECT_NE(ko.find("## 멘토링을 돌아보며"), std::string::npos) << ko;
  EXPECT_NE(ko.find("멘티 2명과 세션 9번, 모두 7.5시간을 함께했습니다."), std::string::npos) << ko;
  EXPECT_NE(ko.find("올해 글 16편을 발행했습니다."), std::string::npos) << ko;
  // The only target a paragraph names is the user's own goal.
  EXPECT_NE(ko.find("‘16편 쓰기’ 목표를 이뤘습니다 (16 / 16)."), std::string::npos) << ko;
}

// Every figure in a plugin's paragraphs is one the host shows for that plugin and year (a
// metric, a goal's progress or target), written by the same rounding: 465 minutes are 7.8 hours
// in the paragraph and in the numbers beside it, never 7.5 or 7.75. A year with no goal on a
// plugin's kinds names no target at all.
TEST_F(YearInReview, APluginsParagraphsNameOnlyFiguresTheHostShows) {
  add(session("2022-11-28T20:00+09:00", "김민지", 15));
  const std::regex figure(R"(\d[\d,]*(\.\d+)?)");
  for (const char* language : {"ko", "en"}) {
    const YearReport year = report(2022, language);
    ASSERT_EQ(year.sections.size(), 2u);
    for (const auto& section : year.sections) {
      std::set<std::string> shown{"2022"};
      for (const auto& metric : year.metrics)
        if (metric.plugin == section.plugin) shown.insert(sdk::format_figure(metric.value));
      for (const auto& goal : year.goals)
        if (goal.goal.plugin == section.plugin) {
          shown.insert(sdk::format_figure(goal.state.progress));
          if (goal.goal.definition.target)
            shown.insert(sdk::format_figure(*goal.goal.definition.target));
        }
      for (const auto& paragraph : section.paragraphs) {
        // A goal's title is the user's words, and a month's name in Korean is a number.
        const std::string words = std::regex_replace(
            std::regex_replace(paragraph, std::regex("‘[^’]*’"), ""), std::regex(R"(\d+월)"), "");
        for (auto it = std::sregex_iterator(words.begin(), words.end(), figure);
             it != std::sregex_iterator(); ++it)
          EXPECT_TRUE(shown.contains(it->str()))
              << it->str() << " in " << section.plugin << "'s \"" << paragraph << "\"";
      }
    }
    const std::string text = render_markdown(year, plugins, language);
    EXPECT_NE(text.find(std::string(language) == "ko" ? "모두 7.8시간" : "7.8 hours in all"),
              std::string::npos)
        << text;
  }
  // 2023 has posts and no goal on them: the writing section names no target.
  NewEntry post;
  post.plugin = "writing";
  post.kind = "post";
  post.when = "2023-02-01";
  add(post);
  for (const auto& section : report(2023, "en").sections)
    for (const auto& paragraph : section.paragraphs)
      EXPECT_EQ(paragraph.find(" / "), std::string::npos) << paragraph;
}

TEST_F(YearInReview, APluginWhoseSectionFailsCostsOnlyItsSection) {
  plugins.load_file(std::filesystem::path(HOEGO_TEST_PLUGIN_DIRECTORY) / "bad_year_report.so");
  ASSERT_NE(plugins.find("bad_report"), nullptr);
  const YearReport year = report();
  ASSERT_EQ(year.failed.size(), 1u);
  EXPECT_EQ(year.failed[0].plugin, "bad_report");
  EXPECT_EQ(year.failed[0].part, kReportSectionPart);
  EXPECT_EQ(year.sections.size(), 2u);
}

// A plugin that throws from its milestones and its section: every other plugin's figures,
// milestones and sections are as they are without it, and the report and the dashboard name
// what is missing, and why, in both languages.
TEST_F(YearInReview, APluginThatThrowsCostsOnlyItsOwnMilestonesAndSection) {
  const YearReport without = report(2022, "en");
  plugins.load_file(std::filesystem::path(HOEGO_TEST_PLUGIN_DIRECTORY) / "throwing.so");
  ASSERT_NE(plugins.find("throwing"), nullptr);

  const YearReport year = report(2022, "en");
  EXPECT_EQ(year.entries, 30);
  EXPECT_EQ(metric(year, "mentoring", "sessions"), 9);
  EXPECT_EQ(metric(year, "mentoring", "hours"), 7.5);
  EXPECT_EQ(metric(year, "writing", "posts"), 16);
  EXPECT_EQ(metric(year, "hackathon", "awards"), 1);
  ASSERT_EQ(year.milestones.size(), without.milestones.size());
  for (size_t i = 0; i < year.milestones.size(); ++i)
    EXPECT_EQ(to_json(year.milestones[i]), to_json(without.milestones[i]));
  std::vector<std::string> writers;
  for (const auto& section : year.sections) writers.push_back(section.plugin);
  EXPECT_EQ(writers, (std::vector<std::string>{"mentoring", "writing"}));

  ASSERT_EQ(year.failed.size(), 2u);
  EXPECT_EQ(year.failed[0].plugin, "throwing");
  EXPECT_EQ(year.failed[0].part, kMilestonesPart);
  EXPECT_EQ(year.failed[0].error.message,
            "plugin 'throwing' derive_milestones failed: unknown exception");
  EXPECT_EQ(year.failed[1].part, kReportSectionPart);
  EXPECT_EQ(year.failed[1].error.message,
            "plugin 'throwing' year_report.write_section failed: no section this year");
  EXPECT_EQ(
      to_json(year).at("failed")[0],
      nlohmann::json::parse(R"({"plugin": "throwing", "name": {"ko": "예외", "en": "Throwing"},
              "part": "milestones", "message": {
                "ko": "플러그인 'throwing'의 derive_milestones 호출이 실패했습니다: unknown exception",
                "en": "plugin 'throwing' derive_milestones failed: unknown exception"}})"));

  const std::string en = render_markdown(year, plugins, "en");
  for (const char* part :
       {"7.5 hours", "## Milestones", "## Left out\n\n",
        "- Throwing (throwing): its milestones could not be computed: plugin 'throwing' "
        "derive_milestones failed: unknown exception\n",
        "- Throwing (throwing): its report section could not be written: plugin 'throwing' "
        "year_report.write_section failed: no section this year\n"})
    EXPECT_NE(en.find(part), std::string::npos) << part << "\n" << en;
  const std::string ko = render_markdown(report(2022, "ko"), plugins, "ko");
  EXPECT_NE(ko.find("## 싣지 못한 부분\n\n- 예외 (throwing)의 이정표를 계산하지 못했습니다: "
                    "플러그인 'throwing'의 derive_milestones 호출이 실패했습니다"),
            std::string::npos)
      << ko;
  const std::string html = render_html(year, plugins, "en");
  EXPECT_NE(html.find("<h2>Left out</h2>\n<ul>\n<li>Throwing (throwing): its milestones"),
            std::string::npos)
      << html;

  auto dashboard = DashboardService(*db, plugins, "Asia/Seoul").dashboard(2022, "2022-12-31");
  ASSERT_TRUE(dashboard.ok()) << dashboard.error().message;
  ASSERT_EQ(dashboard->failed.size(), 1u);
  EXPECT_EQ(dashboard->failed[0].plugin, "throwing");
  EXPECT_EQ(dashboard->failed[0].part, kMilestonesPart);
  std::map<std::string, std::map<std::string, double>> figures;
  std::map<std::string, size_t> milestones;
  std::map<std::string, std::vector<std::string>> widgets;
  for (const auto& card : dashboard->cards)
    for (const auto& widget : card.widgets) {
      widgets[card.plugin].emplace_back(widget_type_name(widget.type));
      for (const auto& value : widget.metrics) figures[card.plugin][value.id] = value.value;
      milestones[card.plugin] += widget.milestones.size();
    }
  EXPECT_EQ(figures["mentoring"]["sessions"], 9);
  EXPECT_EQ(figures["mentoring"]["hours"], 7.5);
  EXPECT_EQ(figures["writing"]["posts"], 16);
  EXPECT_GT(milestones["mentoring"], 0u);
  EXPECT_GT(milestones["writing"], 0u);
  // Its card stays, without the milestones it could not give ("none yet" would be untrue).
  EXPECT_EQ(widgets["throwing"], (std::vector<std::string>{"stats"}));
}

TEST_F(YearInReview, AnEmptyYearIsAShortFriendlyReport) {
  const YearReport empty = report(2019, "en");
  EXPECT_EQ(empty.entries, 0);
  const std::string text = render_markdown(empty, plugins, "en");
  EXPECT_NE(text.find("Nothing was logged in 2019"), std::string::npos) << text;
  EXPECT_LT(text.size(), 400u);
}

}  // namespace
}  // namespace hoego
