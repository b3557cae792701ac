// The year in review's charts: entries per month by plugin, counted as the dashboard counts them,
// and each goal's line, drawn into the standalone HTML as SVG beside tables with the same numbers
// and written into the Markdown as tables.
#include <hoego/core/dashboard_service.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/report.h>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

class YearCharts : public testing::MentoringFixture {
 protected:
  void SetUp() override {
    MentoringFixture::SetUp();
    // March: two sessions (one at 23:30 in Seoul on the 31st, which is still March there);
    // October: one; November: one post.
    add(session("2022-03-05T20:00+09:00", "김민지", 60));
    add(session("2022-03-31T23:30+09:00", "김민지", 60));
    add(session("2022-10-08T14:00+09:00", "이준호", 30));
    NewEntry post;
    post.plugin = "writing";
    post.kind = "post";
    post.when = "2022-11-20T09:30+09:00";
    post.title = "올해의 회고";
    add(post);
    NewGoal goal;
    goal.title = "멘토링 <3회> & \"더\"";
    goal.plugin = "mentoring";
    goal.kind = "session";
    goal.year = 2022;
    goal.target = 3;
    ASSERT_TRUE(GoalService(*db, plugins, "Asia/Seoul").add(goal).ok());
  }

  void add(const NewEntry& entry) {
    auto added = service->add(entry);
    ASSERT_TRUE(added.ok()) << added.error().message;
  }

  YearReport report(const std::string& language = "ko") {
    auto built = build_year_report(*db, plugins, 2022, "Asia/Seoul", language);
    EXPECT_TRUE(built.ok()) << built.error().message;
    return built.ok() ? *built : YearReport{};
  }
};

TEST_F(YearCharts, EntriesPerMonthByPluginAddUpToTheMonthsAndMatchTheDashboard) {
  const YearReport year = report();
  ASSERT_EQ(year.months_by_plugin.size(), 2u) << "only plugins with entries, in loading order";
  EXPECT_EQ(year.months_by_plugin[0].plugin, "mentoring");
  EXPECT_EQ(year.months_by_plugin[0].months[2], 2);
  EXPECT_EQ(year.months_by_plugin[0].months[9], 1);
  EXPECT_EQ(year.months_by_plugin[0].entries, 3);
  EXPECT_EQ(year.months_by_plugin[1].plugin, "writing");
  EXPECT_EQ(year.months_by_plugin[1].months[10], 1);
  for (int month = 0; month < 12; ++month) {
    int64_t sum = 0;
    for (const auto& series : year.months_by_plugin) sum += series.months[month];
    EXPECT_EQ(sum, year.months[month].entries) << "month " << month + 1;
  }
  auto dashboard = DashboardService(*db, plugins, "Asia/Seoul").dashboard(2022, "2022-12-01");
  ASSERT_TRUE(dashboard.ok());
  EXPECT_EQ(to_json(*dashboard)["months_by_plugin"], to_json(year)["months_by_plugin"]);
}

TEST_F(YearCharts, TheGoalLineEndsAtTheGoalsProgressOnTheRoadsEnd) {
  const YearReport year = report();
  ASSERT_EQ(year.goals.size(), 1u);
  const auto& line = year.goals[0].progress_line;
  ASSERT_EQ(line.size(), 12u) << "one point at each month's end";
  EXPECT_EQ(line[2].date, "2022-03-31");
  EXPECT_EQ(line[2].progress, 2);
  EXPECT_EQ(line.back().date, "2022-12-31");
  EXPECT_EQ(line.back().progress, 3);
  EXPECT_EQ(line.back().progress, year.goals[0].state.progress);
  ASSERT_TRUE(line.back().road.has_value());
  EXPECT_DOUBLE_EQ(*line.back().road, 3);
}

TEST_F(YearCharts, TheHtmlReportDrawsTheChartsAsInlineSvgBesideTheirTables) {
  const std::string html = render_html(report(), plugins, "ko");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos) << "nothing is loaded from elsewhere";
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_EQ(html.find("xlink"), std::string::npos);
  // The bars, with their numbers, and the table that says them in words.
  EXPECT_NE(
      html.find("<svg class=\"plot\" viewBox=\"0 0 640 220\" role=\"img\" aria-label=\"2022년 "
                "달마다 남긴 기록"),
      std::string::npos);
  EXPECT_NE(html.find("data-plugin=\"mentoring\" data-month=\"3\" data-count=\"2\""),
            std::string::npos);
  EXPECT_NE(html.find("data-plugin=\"writing\" data-month=\"11\" data-count=\"1\""),
            std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\">멘토링</th><th scope=\"col\">글쓰기</th>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<tr><th scope=\"row\">3월</th><td>2</td><td>0</td><td>2</td></tr>"),
            std::string::npos);
  // The goal's line: its title escaped wherever it is written, its last point its progress.
  EXPECT_EQ(html.find("<3회>"), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"멘토링 &lt;3회&gt; &amp; &quot;더&quot;: 2022년 12월 31일까지 "
                      "누적 3, 이때까지 목표선 3."),
            std::string::npos);
  EXPECT_NE(html.find("data-last-progress=\"3\""), std::string::npos);
  EXPECT_NE(html.find("<tr><th scope=\"row\">2022년 12월 31일</th><td>3</td><td>3</td><td>—</td>"),
            std::string::npos);
  const std::string en = render_html(report("en"), plugins, "en");
  EXPECT_NE(en.find("<tr><th scope=\"row\">Mar</th><td>2</td><td>0</td><td>2</td></tr>"),
            std::string::npos);
  EXPECT_NE(en.find("the road asked for 3"), std::string::npos);
}

TEST_F(YearCharts, TheMarkdownReportHasTheSameNumbersAsTables) {
  const std::string ko = render_markdown(report(), plugins, "ko");
  EXPECT_NE(ko.find("| 달 | 멘토링 | 글쓰기 | 합계 |\n|---|--:|--:|--:|\n| 1월 | 0 | 0 | 0 |\n"),
            std::string::npos)
      << ko;
  EXPECT_NE(ko.find("| 3월 | 2 | 0 | 2 |\n"), std::string::npos);
  EXPECT_NE(ko.find("| 11월 | 0 | 1 | 1 |\n"), std::string::npos);
  EXPECT_NE(ko.find("### 멘토링 <3회> & \"더\"\n\n| 날짜 | 누적 | 목표선 | 주기 |"),
            std::string::npos);
  EXPECT_NE(ko.find("| 2022년 3월 31일 | 2 | 0.7 | — |"), std::string::npos)
      << "90 days of 365 towards 3: 0.74";
  const std::string en = render_markdown(report("en"), plugins, "en");
  EXPECT_NE(en.find("| Month | Mentoring | Writing | Total |"), std::string::npos) << en;
  EXPECT_NE(en.find("| 31 Dec 2022 | 3 | 3 | — |"), std::string::npos);
}

}  // namespace
}  // namespace hoego
