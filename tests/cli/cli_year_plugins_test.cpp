// The rest of a real year from the command line — coffee chats, a conference and a talk, a
// course, books finished, a week of workouts — with the goals a user sets for them ("a coffee
// chat a month", "six books", "exercise every week" with a pass and a pause): the figures,
// milestones, goal states and report sections a user would work out by hand, in Korean and
// English.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

class CliYearPlugins : public ::testing::Test {
 protected:
  RunResult succeed(const std::vector<std::string>& arguments) {
    RunResult result = hoego.run(arguments);
    EXPECT_EQ(result.exit_code, 0) << result;
    return result;
  }

  json succeed_with_json(std::vector<std::string> arguments) {
    arguments.emplace_back("--json");
    const RunResult result = succeed(arguments);
    json parsed = json::parse(result.out, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << result;
    return parsed;
  }

  // The metrics of one plugin in 2023, by id.
  std::map<std::string, double> metrics(const std::string& plugin) {
    std::map<std::string, double> values;
    const json answer = succeed_with_json({"stats", "--plugin", plugin, "--year", "2023"});
    for (const auto& metric : answer.at("metrics"))
      values[metric.at("id")] = metric.at("value").get<double>();
    return values;
  }

  // "first_talk#4" or, with a person, "first_coffee_chat_with#1:김민지", in date order.
  std::vector<std::string> milestones(const std::string& plugin) {
    std::vector<std::string> reached;
    const json answer = succeed_with_json({"milestones", "--plugin", plugin});
    for (const auto& milestone : answer.at("milestones"))
      reached.push_back(milestone.at("id").get<std::string>() + "#" +
                        std::to_string(milestone.at("entry_id").get<int64_t>()) +
                        (milestone.at("person").is_string()
                             ? ":" + milestone.at("person").get<std::string>()
                             : ""));
    return reached;
  }

  // Each goal's state as of `day`, by title.
  std::map<std::string, json> goals(const std::string& day) {
    std::map<std::string, json> states;
    const json answer = succeed_with_json({"goals", "--as-of", day});
    for (const auto& goal : answer.at("goals")) states[goal.at("title")] = goal.at("state");
    return states;
  }

  // Entries #1-#5: two coffee chats (김민지, then 김민지 and 이준호), FEConf 2023 with a talk
  // there, a course completed; goal #1 is a coffee chat every calendar month of 2023.
  void log_events() {
    for (const char* person : {"김민지", "이준호"}) succeed({"people", "add", person});
    succeed({"add", "events", "coffee_chat", "--when", "2023-01-12T12:30+09:00", "--with", "김민지",
             "--field", "topic= 이직 고민 ", "--field", "place=판교"});
    succeed({"add", "events", "event", "--when", "2023-03-18T10:00+09:00", "--title", "FEConf 2023",
             "--with", "이준호", "--field", "type=conference", "--field", "ends_on=2023-03-19"});
    succeed({"add", "events", "talk", "--when", "2023-03-18T14:00+09:00", "--title",
             "웹 접근성 이야기", "--field", "event=FEConf 2023", "--field", "audience=120"});
    succeed({"add", "events", "coffee_chat", "--when", "2023-03-20T12:30+09:00", "--with", "김민지",
             "--with", "이준호"});
    succeed({"add", "events", "course", "--when", "2023-04-03T20:00+09:00", "--title",
             "Machine Learning Specialization", "--field", "provider=Coursera", "--field",
             "starts_on=2023-04-03", "--field", "ends_on=2023-06-30", "--field", "completed=yes"});
    succeed({"goal", "add", "--title", "한 달에 커피챗 한 번", "--plugin", "events", "--kind",
             "coffee_chat", "--year", "2023", "--every", "month"});
  }

  // Entries #6-#7: two books finished in 2023, one rated five; goal #2 is six books in 2023,
  // added exactly as a user would with nothing set up first.
  void log_books() {
    succeed({"add", "reading", "book", "--when", "2023-02-10", "--title", "소년이 온다", "--field",
             "author=한강", "--field", "pages=247", "--field", "rating=5", "--field",
             "started=2023-02-01"});
    succeed({"add", "reading", "book", "--when", "2023-05-02T23:00+09:00", "--title",
             "Clean Architecture", "--field", "pages=320", "--field", "format=ebook"});
    succeed({"goal", "add", "--title", "책 6권", "--plugin", "reading", "--kind", "book", "--year",
             "2023", "--target", "6"});
  }

  // Entries #8-#13: a week of workouts from Monday 2023-02-13, nothing the week after, then a
  // run on 03-14; goal #3 is a check-in every calendar week from 02-13 with two passes, paused
  // for the two weeks from 02-27 to 03-12.
  void log_workouts() {
    succeed({"goal", "add", "--title", "매주 운동", "--plugin", "exercise", "--kind", "check_in",
             "--from", "2023-02-13", "--until", "2023-12-31", "--every", "week", "--passes", "2"});
    const std::vector<std::vector<std::string>> week = {
        {"2023-02-13T07:00+09:00", "type=running", "minutes=30"},
        {"2023-02-14T19:30+09:00", "type=strength", "minutes=45"},
        {"2023-02-16T07:00+09:00", "type=yoga", "minutes=60"},
        {"2023-02-18T09:00+09:00", "type=running", "minutes=40"},
        {"2023-02-19T22:00+09:00", "type=meditation", "minutes=10"},
        {"2023-03-14T07:00+09:00", "type=running", "minutes=30"},
    };
    for (const auto& check_in : week)
      succeed({"add", "exercise", "check_in", "--when", check_in[0], "--field", check_in[1],
               "--field", check_in[2]});
    succeed({"goal", "pause", "3", "--from", "2023-02-27", "--until", "2023-03-12"});
  }

  void log_the_year() {
    log_events();
    log_books();
    log_workouts();
  }

  CliRunner hoego;
};

TEST_F(CliYearPlugins, PluginsListsAllSevenBundledPlugins) {
  std::vector<std::string> ids;
  const json answer = succeed_with_json({"plugins"});
  for (const auto& plugin : answer.at("plugins")) ids.push_back(plugin.at("id"));
  EXPECT_EQ(ids, (std::vector<std::string>{"events", "exercise", "hackathon", "mentoring",
                                           "reading", "study", "writing"}));
}

TEST_F(CliYearPlugins, FiguresCountEachKindOnItsOwn) {
  log_the_year();
  const auto events = metrics("events");
  EXPECT_EQ(events.at("events"), 1);
  EXPECT_EQ(events.at("talks"), 1);
  EXPECT_EQ(events.at("audience"), 120);
  EXPECT_EQ(events.at("coffee_chats"), 2);
  EXPECT_EQ(events.at("people_met"), 2) << "김민지 twice and 이준호 once";
  EXPECT_EQ(events.at("courses_completed"), 1);
  const auto reading = metrics("reading");
  EXPECT_EQ(reading.at("books"), 2);
  EXPECT_EQ(reading.at("pages"), 567);
  EXPECT_EQ(reading.at("five_star_books"), 1);
  const auto exercise = metrics("exercise");
  EXPECT_EQ(exercise.at("check_ins"), 6);
  EXPECT_DOUBLE_EQ(exercise.at("hours"), 215 / 60.0);
  EXPECT_EQ(exercise.at("longest_break"), 23) << "02-19 to 03-14";

  const json chat = succeed_with_json({"show", "1"});
  EXPECT_EQ(chat.at("title"), "Coffee chat — 이직 고민");
  EXPECT_EQ(chat.at("fields").at("topic"), "이직 고민");
  EXPECT_EQ(succeed_with_json({"show", "8"}).at("title"), "Running, 30 min");
}

TEST_F(CliYearPlugins, MilestonesAreFirstsAndTheCoresGoalReached) {
  log_the_year();
  EXPECT_EQ(
      milestones("events"),
      (std::vector<std::string>{"first_coffee_chat_with#1:김민지", "first_talk#3",
                                "first_coffee_chat_with#4:이준호", "first_course_completed#5"}));
  EXPECT_EQ(milestones("reading"),
            (std::vector<std::string>{"first_book_of_year#6", "first_five_star_book#6"}));
  EXPECT_EQ(milestones("exercise"),
            (std::vector<std::string>{"first_check_in_of_year#8", "new_type#9", "new_type#10",
                                      "new_type#12"}));
  // Four more books make six: the book that reaches the user's goal is the core's milestone.
  for (const char* day : {"2023-07-01", "2023-08-01", "2023-09-01", "2023-10-01"})
    succeed({"add", "reading", "book", "--when", day, "--title", std::string("책 ") + day});
  const std::vector<std::string> reached = milestones("reading");
  ASSERT_EQ(reached.size(), 3u);
  EXPECT_EQ(reached.back(), "goal_reached#17");
}

TEST_F(CliYearPlugins, GoalsOfAMonthSixBooksAndEveryWeekWithAPassAndAPause) {
  log_the_year();
  auto states = goals("2023-03-20");
  const json& chats = states.at("한 달에 커피챗 한 번");
  EXPECT_EQ(chats.at("cycles_met"), 2) << "January and March";
  EXPECT_EQ(chats.at("cycles_missed"), 1) << "February";
  const json& books = states.at("책 6권");
  EXPECT_EQ(books.at("progress"), 1) << "the second book is finished in May";
  EXPECT_EQ(books.at("target"), 6);
  const json& weekly = states.at("매주 운동");
  EXPECT_EQ(weekly.at("cycles_met"), 2) << "the week of 02-13 and the week of 03-13";
  EXPECT_EQ(weekly.at("cycles_passed"), 1) << "the week of 02-20";
  EXPECT_EQ(weekly.at("cycles_missed"), 0);
  EXPECT_EQ(weekly.at("passes_left"), 1);
  EXPECT_EQ(weekly.at("current_streak"), 2) << "a pass and a pause freeze the streak";
  EXPECT_EQ(weekly.at("status"), "at_risk") << "the week of 03-20 has no check-in yet";
  EXPECT_EQ(weekly.at("next_deadline"), "2023-03-26");
  std::vector<std::string> outcomes;
  for (const auto& cycle : weekly.at("cycles")) outcomes.push_back(cycle.at("outcome"));
  EXPECT_EQ(outcomes,
            (std::vector<std::string>{"met", "passed", "paused", "paused", "met", "open"}));
  EXPECT_EQ(goals("2023-12-31").at("책 6권").at("progress"), 2);
}

TEST_F(CliYearPlugins, TheReportsSectionsInKoreanAndEnglish) {
  log_the_year();
  const RunResult korean = succeed({"report", "--year", "2023", "--lang", "ko"});
  for (const char* line :
       {"## 행사와 만남을 돌아보며\n\n올해 행사 1곳에 참석했습니다.\n\n"
        "발표를 1번 했고, 모두 120명이 들었습니다.\n\n커피챗 2번으로 2명을 만났습니다.\n\n"
        "강의 1개를 수료했습니다.\n",
        "## 독서를 돌아보며\n\n올해 책 2권을 다 읽었습니다 (모두 567쪽).\n\n"
        "별 다섯 개를 준 책은 ‘소년이 온다’입니다.\n\n‘책 6권’ 목표는 2 / 6입니다.\n",
        // 215 minutes are 3.6 hours, as the hours metric shows them.
        "## 운동과 습관을 돌아보며\n\n올해 6번 체크인했고, 모두 3.6시간을 들였습니다.\n\n"
        "체크인이 있었던 주는 모두 2주입니다.\n",
        "- 운동한 시간: 3.6시간"})
    EXPECT_TRUE(contains(korean.out, line));
  const RunResult english = succeed({"report", "--year", "2023", "--lang", "en"});
  for (const char* line :
       {"## Looking back on events and people\n\nYou attended 1 event this year.\n\n"
        "You gave 1 talk, to 120 people in all.\n\nYou had 2 coffee chats with 2 people.\n\n"
        "You completed 1 course.\n",
        "## Looking back on reading\n\nYou finished 2 books this year (567 pages in all).\n\n"
        "You gave five stars to ‘소년이 온다’.\n\nYour goal ‘책 6권’ stands at 2 / 6.\n",
        "## Looking back on exercise\n\nYou checked in 6 times this year, 3.6 hours in all.\n\n"
        "You checked in during 2 different weeks.\n"})
    EXPECT_TRUE(contains(english.out, line));
}

TEST_F(CliYearPlugins, BadEntriesAreRefusedInTheUsersLanguageAndWriteNothing) {
  log_events();
  const std::string before = hoego.database_fingerprint();
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--lang", "ko", "add", "reading", "book", "--when", "2023-02-10", "--field", "author=한강"},
       "책 제목을 항목 제목에 적어 주세요"},
      {{"--lang", "ko", "add", "reading", "book", "--when", "2023-02-10", "--title", "소년이 온다",
        "--field", "started=2023-02-11"},
       "읽기 시작한 날(2023-02-11)이 다 읽은 날(2023-02-10, 항목의 날짜)보다 늦습니다"},
      {{"add", "reading", "book", "--when", "2023-02-10", "--title", "소년이 온다", "--field",
        "rating=6"},
       "‘Rating (1–5)’ must be from 1 to 5"},
      {{"add", "events", "talk", "--when", "2023-03-18", "--field", "event=  "},
       "name the event of the talk"},
      {{"--lang", "ko", "add", "events", "course", "--when", "2023-04-03", "--field",
        "starts_on=2023-04-03", "--field", "ends_on=2023-03-30"},
       "종료일(2023-03-30)이 시작일(2023-04-03)보다 앞섭니다"},
      {{"add", "events", "coffee_chat", "--when", "2023-04-03"}, "People met"},
      {{"add", "exercise", "check_in", "--when", "2023-02-13", "--field", "type=yoga", "--field",
        "distance_km=3"},
       "a distance goes only with running, walking, cycling, swimming, hiking or other, not "
       "with yoga"},
      {{"add", "exercise", "check_in", "--when", "2023-02-13", "--field", "type=running", "--field",
        "minutes=-5"},
       "‘Duration’ must be from 0 to 1440"},
  };
  for (const auto& [arguments, message] : cases) {
    const RunResult result = hoego.run(arguments);
    EXPECT_NE(result.exit_code, 0) << result;
    EXPECT_TRUE(contains(result.err, message)) << result;
  }
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

}  // namespace
}  // namespace hoego::testing
