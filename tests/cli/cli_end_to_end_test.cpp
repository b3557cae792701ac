// The hoego command as a user runs it: each test drives the built binary through a scenario and
// checks what it prints against answers worked out by hand.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

const std::string kTestPlugins = HOEGO_TEST_PLUGIN_DIRECTORY;

class CliEndToEnd : public ::testing::Test {
 protected:
  // Runs a command that must succeed.
  RunResult succeed(const std::vector<std::string>& arguments,
                    const std::map<std::string, std::string>& environment = {}) {
    RunResult result = hoego.run(arguments, environment);
    EXPECT_EQ(result.exit_code, 0) << result;
    return result;
  }

  // Runs a command that must succeed with --json, and reads what it printed.
  json succeed_with_json(std::vector<std::string> arguments) {
    arguments.emplace_back("--json");
    const RunResult result = succeed(arguments);
    json parsed = json::parse(result.out, nullptr, /*allow_exceptions=*/false);
    EXPECT_FALSE(parsed.is_discarded()) << "not JSON: " << result;
    return parsed;
  }

  // The list under `key` of what a read command printed ({"entries": […]} as the API answers),
  // as a value: a range-for over a member of a temporary would outlive the temporary.
  json succeed_with_list(std::vector<std::string> arguments, const char* key) {
    return succeed_with_json(std::move(arguments)).at(key);
  }

  void add_people() {
    succeed({"people", "add", "김민지", "--note", "부스트캠프 4기 CV"});
    succeed({"people", "add", "이준호"});
  }

  // A session with one mentee, only its required parts.
  void add_session(const std::string& when, const std::string& mentee, int minutes) {
    succeed({"add", "mentoring", "session", "--when", when, "--with", mentee, "--field",
             "duration_min=" + std::to_string(minutes)});
  }

  // The first career-advice session of the year, with every kind of field filled in.
  void add_career_session() {
    succeed({"add", "mentoring", "session", "--when", "2022-10-05T20:00+09:00", "--with", "김민지",
             "--title", "취업 상담", "--field", "duration_min=60", "--field", "topics=career,cv",
             "--notes", "포트폴리오 구성을 같이 봤다.", "--field", "followups=이력서 초안 보내기"});
  }

  std::vector<int64_t> listed_ids(const std::vector<std::string>& arguments) {
    std::vector<int64_t> ids;
    for (const auto& entry : succeed_with_list(arguments, "entries")) ids.push_back(entry.at("id"));
    return ids;
  }

  CliRunner hoego;
};

TEST_F(CliEndToEnd, PluginsListsTheBundledMentoringPlugin) {
  const RunResult result = succeed({"plugins"});
  EXPECT_TRUE(contains(result.out, "mentoring 1.0.0 loaded (sdk 1.3.0) — Mentoring — " +
                                       std::string(HOEGO_BUNDLED_PLUGIN_DIRECTORY) +
                                       "/mentoring.so\n"));
  EXPECT_EQ(result.out.find("refused"), std::string::npos) << result;
  EXPECT_EQ(result.err, "");
}

TEST_F(CliEndToEnd, PeopleAddedAreListedByNameWithTheirNotes) {
  add_people();
  const json people = succeed_with_json({"people"}).at("people");
  ASSERT_EQ(people.size(), 2u) << people.dump(2);
  EXPECT_EQ(people[0]["name"], "김민지");
  EXPECT_EQ(people[0]["note"], "부스트캠프 4기 CV");
  EXPECT_EQ(people[0]["entry_count"], 0);
  EXPECT_EQ(people[1]["name"], "이준호");
  EXPECT_EQ(people[1]["note"], "");

  add_career_session();
  EXPECT_EQ(succeed_with_json({"people"}).at("people")[0]["entry_count"], 1);
}

TEST_F(CliEndToEnd, AddedSessionKeepsEveryFieldAsGiven) {
  add_people();
  add_career_session();
  const json entry = succeed_with_json({"show", "1"});
  EXPECT_EQ(entry["id"], 1);
  EXPECT_EQ(entry["plugin"], "mentoring");
  EXPECT_EQ(entry["kind"], "session");
  EXPECT_EQ(entry["when"], "2022-10-05T20:00:00+09:00");
  EXPECT_EQ(entry["local_date"], "2022-10-05");
  EXPECT_EQ(entry["title"], "취업 상담");
  EXPECT_EQ(entry["notes"], "포트폴리오 구성을 같이 봤다.");
  EXPECT_EQ(entry["people"], json({"김민지"}));
  EXPECT_EQ(entry["tags"], json::array());
  EXPECT_EQ(entry["revision"], 1);
  EXPECT_EQ(entry["deleted_at"], nullptr);
  EXPECT_EQ(entry["fields"], json::parse(R"({
              "duration_min": 60,
              "topics": ["career", "cv"],
              "followups": [{"text": "이력서 초안 보내기", "done": false}]
            })"));
}

TEST_F(CliEndToEnd, AddPrintsTheEntryOnOneLine) {
  add_people();
  const RunResult result =
      succeed({"add", "mentoring", "session", "--when", "2022-10-05T20:00+09:00", "--with",
               "김민지", "--title", "취업 상담", "--field", "duration_min=60"});
  EXPECT_EQ(result.out,
            "added #1  2022-10-05 20:00 +09:00  mentoring/session  취업 상담 · 김민지\n");
}

TEST_F(CliEndToEnd, ListSinceKeepsEntriesFromThatLocalDateOn) {
  add_people();
  add_session("2022-08-31T23:30+09:00", "김민지", 60);  // the day before, in Seoul
  add_session("2022-09-01T00:30+09:00", "이준호", 60);  // still 31 August in UTC
  add_career_session();
  EXPECT_EQ(listed_ids({"list", "--plugin", "mentoring", "--since", "2022-09-01"}),
            (std::vector<int64_t>{3, 2}));
  EXPECT_EQ(listed_ids({"list", "--plugin", "mentoring"}), (std::vector<int64_t>{3, 2, 1}));
}

TEST_F(CliEndToEnd, KoreanTitleAndNotesComeBackByteForByte) {
  add_people();
  const std::string title = "이력서 첨삭 — \"자기소개서\" 'v2' 검토";
  const std::string notes =
      "## 잘한 점\n- 프로젝트 설명이 구체적임 (CV, 딥러닝)\n\n## 다음에\n- 숫자로 성과 쓰기";
  succeed({"add", "mentoring", "session", "--when", "2022-10-05T20:00+09:00", "--with", "김민지",
           "--title", title, "--notes", notes, "--field", "duration_min=45"});
  const json entry = succeed_with_json({"show", "1"});
  EXPECT_EQ(entry["title"], title);
  EXPECT_EQ(entry["notes"], notes);

  const RunResult shown = succeed({"show", "1"});
  EXPECT_TRUE(contains(shown.out, "title:   " + title + "\n"));
  EXPECT_TRUE(contains(shown.out, "notes:\n" + notes + "\n"));
}

TEST_F(CliEndToEnd, AKoreanReaderGetsKoreanLabelsAndUnits) {
  add_people();
  add_career_session();
  const std::map<std::string, std::string> korean{{"HOEGO_LANG", "ko"}};
  const RunResult shown = succeed({"show", "1"}, korean);
  EXPECT_TRUE(contains(shown.out,
                       "#1 mentoring/session (1번째 판)\n일시:    2022-10-05T20:00:00+09:00\n"
                       "제목:    취업 상담\n사람:    김민지\n"));
  EXPECT_TRUE(contains(shown.out, "진행 시간 (duration_min): 60분\n"));
  EXPECT_TRUE(contains(shown.out, "메모:\n포트폴리오 구성을 같이 봤다.\n"));
  EXPECT_TRUE(contains(succeed({"people"}, korean).out, "김민지  (기록 1개)  부스트캠프 4기 CV\n"));
  EXPECT_TRUE(contains(succeed({"stats", "--plugin", "mentoring"}, korean).out,
                       "mentoring  멘토링 시간: 1시간\n"));
  EXPECT_EQ(succeed({"list", "--plugin", "study"}, korean).out, "기록이 없습니다\n");
}

TEST_F(CliEndToEnd, EnglishCountsAgreeWithTheirNouns) {
  add_people();
  add_career_session();
  const RunResult people = succeed({"people"});
  EXPECT_TRUE(contains(people.out, "김민지  (1 entry)  부스트캠프 4기 CV\n"));
  EXPECT_TRUE(contains(people.out, "이준호  (0 entries)\n"));
  EXPECT_TRUE(contains(succeed({"stats", "--plugin", "mentoring"}).out,
                       "mentoring  Hours mentored: 1 hour\n"));
}

TEST_F(CliEndToEnd, EditingTheTitleBumpsTheRevisionAndHistoryKeepsTheOldOne) {
  add_people();
  add_career_session();
  const RunResult edited = succeed({"edit", "1", "--title", "취업 상담 (2차)"});
  EXPECT_TRUE(contains(edited.out, "(revision 2)"));

  const json entry = succeed_with_json({"show", "1"});
  EXPECT_EQ(entry["title"], "취업 상담 (2차)");
  EXPECT_EQ(entry["revision"], 2);
  // As GET /api/v1/entries/1/history answers: every revision once, the last one current.
  const json history = succeed_with_json({"show", "1", "--history"});
  ASSERT_EQ(history.size(), 1u) << history.dump(2);
  const json& revisions = history.at("revisions");
  ASSERT_EQ(revisions.size(), 2u) << history.dump(2);
  EXPECT_EQ(revisions[0]["revision"], 1);
  EXPECT_EQ(revisions[0]["title"], "취업 상담");
  EXPECT_EQ(revisions[0]["fields"], entry["fields"]);
  EXPECT_EQ(revisions[1], entry);
}

TEST_F(CliEndToEnd, ShowHistoryPrintsEachRevisionOnce) {
  add_people();
  add_career_session();
  succeed({"edit", "1", "--title", "취업 상담 (2차)"});
  succeed({"edit", "1", "--title", "취업 상담 (3차)"});
  const RunResult shown = succeed({"show", "1", "--history"});
  for (const char* title : {"취업 상담\n", "취업 상담 (2차)\n", "취업 상담 (3차)\n"}) {
    const std::string line = std::string("title:   ") + title;
    const size_t first = shown.out.find(line);
    ASSERT_NE(first, std::string::npos) << line << shown;
    EXPECT_EQ(shown.out.find(line, first + 1), std::string::npos) << "twice: " << line << shown;
  }
  EXPECT_TRUE(contains(shown.out, "--- revision 1 ")) << shown;
  EXPECT_TRUE(contains(shown.out, "--- revision 2 ")) << shown;
  EXPECT_FALSE(contains(shown.out, "--- revision 3")) << "the current one is shown on top" << shown;
  EXPECT_LT(shown.out.find("취업 상담 (3차)"), shown.out.find("--- revision 1 ")) << shown;
}

TEST_F(CliEndToEnd, EditingAFollowUpWithACheckMarkMarksItDone) {
  add_people();
  add_career_session();
  succeed({"edit", "1", "--field", "followups=[x] 이력서 초안 보내기"});
  const json entry = succeed_with_json({"show", "1"});
  EXPECT_EQ(entry["fields"]["followups"],
            json::parse(R"([{"text": "이력서 초안 보내기", "done": true}])"));
  EXPECT_EQ(entry["fields"]["duration_min"], 60);  // the other fields stay
  EXPECT_EQ(entry["revision"], 2);
}

TEST_F(CliEndToEnd, DeleteHidesTheEntryAndUndoBringsItBack) {
  add_people();
  add_career_session();
  succeed({"delete", "1"});
  EXPECT_EQ(succeed({"list"}).out, "no entries\n");
  EXPECT_EQ(listed_ids({"list", "--deleted"}), (std::vector<int64_t>{1}));

  const RunResult undone = succeed({"undo"});
  EXPECT_TRUE(contains(undone.out, "undid delete: #1"));
  EXPECT_EQ(listed_ids({"list"}), (std::vector<int64_t>{1}));
  EXPECT_EQ(succeed_with_json({"show", "1"})["title"], "취업 상담");
}

TEST_F(CliEndToEnd, UndoOfAnEditRestoresThePreviousTitle) {
  add_people();
  add_career_session();
  succeed({"edit", "1", "--title", "진로 상담"});
  const json undone = succeed_with_json({"undo"});
  EXPECT_EQ(undone["action"], "edit");
  EXPECT_EQ(undone["entry"]["title"], "취업 상담");
  EXPECT_EQ(succeed_with_json({"show", "1"})["title"], "취업 상담");
}

TEST_F(CliEndToEnd, UndoOfAnAddRemovesTheEntry) {
  add_people();
  add_career_session();
  const json undone = succeed_with_json({"undo"});
  EXPECT_EQ(undone["action"], "add");
  EXPECT_EQ(succeed({"list"}).out, "no entries\n");
  EXPECT_NE(hoego.run({"show", "1"}).exit_code, 0);
}

TEST_F(CliEndToEnd, UndoWithNothingToUndoFails) {
  add_people();  // adding people is not an undoable change
  RunResult result = hoego.run({"undo"});
  EXPECT_NE(result.exit_code, 0) << result;
  EXPECT_TRUE(contains(result.err, "nothing to undo"));

  add_career_session();
  succeed({"undo"});
  result = hoego.run({"undo"});
  EXPECT_NE(result.exit_code, 0) << result;
  EXPECT_TRUE(contains(result.err, "nothing to undo"));
}

TEST_F(CliEndToEnd, TimeWithoutAnOffsetIsReadInSeoul) {
  add_people();
  succeed({"add", "mentoring", "session", "--when", "2022-10-05 20:00", "--with", "김민지",
           "--field", "duration_min=60"});
  const json entry = succeed_with_json({"show", "1"});
  EXPECT_EQ(entry["when"], "2022-10-05T20:00:00+09:00");
  EXPECT_EQ(entry["local_date"], "2022-10-05");
}

TEST_F(CliEndToEnd, StatsCountSessionsHoursMenteesAndOpenFollowUps) {
  add_people();
  succeed({"add", "mentoring", "session", "--when", "2022-10-05T20:00+09:00", "--with", "김민지",
           "--field", "duration_min=60", "--field", "followups=이력서 초안 보내기", "--field",
           "followups=[x] 포트폴리오 링크 공유"});
  succeed({"add", "mentoring", "session", "--when", "2022-10-12T20:00+09:00", "--with", "이준호",
           "--field", "duration_min=90", "--field", "followups=모의 면접 일정 잡기"});
  succeed({"add", "mentoring", "session", "--when", "2022-10-19T21:00+09:00", "--with", "김민지",
           "--with", "이준호", "--field", "duration_min=30"});

  std::map<std::string, double> metrics;
  for (const auto& metric : succeed_with_list({"stats", "--plugin", "mentoring"}, "metrics"))
    metrics[metric.at("id")] = metric.at("value");
  EXPECT_EQ(metrics, (std::map<std::string, double>{
                         {"sessions", 3}, {"hours", 3}, {"mentees", 2}, {"open_followups", 2}}));
}

TEST_F(CliEndToEnd, StatsForAYearCountOnlyThatYearsEntries) {
  add_people();
  add_session("2021-12-31T23:30+09:00", "김민지", 30);
  add_session("2022-01-01T00:00+09:00", "김민지", 60);
  add_session("2022-12-31T23:59:59+09:00", "이준호", 90);
  add_session("2023-01-01T00:00+09:00", "이준호", 120);
  auto sessions = [&](const std::vector<std::string>& arguments) {
    for (const auto& metric : succeed_with_list(arguments, "metrics"))
      if (metric.at("id") == "sessions") return metric.at("value").get<double>();
    return -1.0;
  };
  EXPECT_EQ(sessions({"stats", "--plugin", "mentoring", "--year", "2022"}), 2);
  EXPECT_EQ(sessions({"stats", "--plugin", "mentoring", "--year", "2021"}), 1);
  EXPECT_EQ(sessions({"stats", "--plugin", "mentoring", "--year", "2024"}), 0);
  EXPECT_EQ(sessions({"stats", "--plugin", "mentoring", "--since", "2022-01-01", "--until",
                      "2022-12-31"}),
            2)
      << "--year 2022 means January 1 to December 31";
  EXPECT_EQ(sessions({"stats", "--plugin", "mentoring"}), 4) << "without dates: all of them";
}

TEST_F(CliEndToEnd, MilestonesMarkTheFirstSessionWithEachMentee) {
  add_people();
  add_session("2022-10-05T20:00+09:00", "김민지", 60);
  add_session("2022-10-12T20:00+09:00", "이준호", 60);
  add_session("2022-10-19T20:00+09:00", "김민지", 60);
  const json milestones = succeed_with_list({"milestones"}, "milestones");
  ASSERT_EQ(milestones.size(), 2u) << milestones.dump(2);
  EXPECT_EQ(milestones[0]["id"], "first_session_with_mentee");
  EXPECT_EQ(milestones[0]["person"], "김민지");
  EXPECT_EQ(milestones[0]["entry_id"], 1);
  EXPECT_EQ(milestones[0]["when"], "2022-10-05T20:00:00+09:00");
  EXPECT_EQ(milestones[1]["id"], "first_session_with_mentee");
  EXPECT_EQ(milestones[1]["person"], "이준호");
  EXPECT_EQ(milestones[1]["entry_id"], 2);
}

TEST_F(CliEndToEnd, TenthSessionMilestoneLandsOnTheTenthEntry) {
  add_people();
  // Weekly from 7 September: ten hours in all, five with each mentee.
  const std::vector<std::string> days{"09-07", "09-14", "09-21", "09-28", "10-05",
                                      "10-12", "10-19", "10-26", "11-02", "11-09"};
  for (size_t week = 0; week < days.size(); ++week)
    add_session("2022-" + days[week] + "T20:00+09:00", week % 2 == 0 ? "김민지" : "이준호", 60);

  std::vector<std::string> reached;
  for (const auto& milestone : succeed_with_list({"milestones"}, "milestones"))
    reached.push_back(milestone.at("id").get<std::string>() + " #" +
                      std::to_string(milestone.at("entry_id").get<int64_t>()));
  EXPECT_EQ(reached,
            (std::vector<std::string>{"first_session_with_mentee #1",
                                      "first_session_with_mentee #2", "tenth_session #10"}));
}

TEST_F(CliEndToEnd, MilestonesFollowTheCalendarNotTheOrderOfTyping) {
  add_people();
  add_session("2022-10-12T20:00+09:00", "김민지", 60);
  add_session("2022-09-28T20:00+09:00", "김민지", 60);  // backfilled afterwards
  const json milestones = succeed_with_list({"milestones"}, "milestones");
  ASSERT_EQ(milestones.size(), 1u) << milestones.dump(2);
  EXPECT_EQ(milestones[0]["entry_id"], 2);
  EXPECT_EQ(milestones[0]["when"], "2022-09-28T20:00:00+09:00");
}

TEST_F(CliEndToEnd, HelpListsTheCommands) {
  const RunResult result = succeed({"--help"});
  for (const char* command : {"plugins", "people", "add", "list", "show", "edit", "delete", "undo",
                              "stats", "milestones", "serve"})
    EXPECT_TRUE(contains(result.out, "\n  " + std::string(command) + " ")) << command;
}

TEST_F(CliEndToEnd, SessionHelpDescribesItsFieldsInEnglish) {
  const RunResult result = succeed({"add", "mentoring", "session", "--help"});
  EXPECT_TRUE(contains(result.out, "duration_min=integer  Duration [min]  (required)"));
  EXPECT_TRUE(contains(result.out, "followups=checklist  Follow-ups promised"));
  EXPECT_TRUE(contains(result.out, "Mentees (repeatable)"));
}

TEST_F(CliEndToEnd, SessionHelpDescribesItsFieldsInKoreanWhenHoegoLangIsKo) {
  const RunResult result =
      succeed({"add", "mentoring", "session", "--help"}, {{"HOEGO_LANG", "ko"}});
  EXPECT_TRUE(contains(result.out, "duration_min=integer  진행 시간 [min]  (required)"));
  EXPECT_TRUE(contains(result.out, "followups=checklist  약속한 후속 조치"));
  EXPECT_TRUE(contains(result.out, "멘티 (repeatable)"));
}

TEST_F(CliEndToEnd, SessionHelpDescribesItsFieldsInKoreanWithLangKo) {
  const RunResult result = succeed({"--lang", "ko", "add", "mentoring", "session", "--help"});
  EXPECT_TRUE(contains(result.out, "duration_min=integer  진행 시간 [min]  (required)"));
  EXPECT_TRUE(contains(result.out, "멘티 (repeatable)"));
}

TEST_F(CliEndToEnd, BrokenTestPluginsAreRefusedWithTheirReasonsAndMentoringStillLoads) {
  const RunResult result = succeed({"--plugins", kTestPlugins, "plugins"});
  EXPECT_TRUE(contains(result.out, "mentoring 1.0.0 loaded (sdk 1.3.0)"));
  for (const char* loaded : {"malformed", "rejecting", "throwing"})
    EXPECT_TRUE(contains(result.out, std::string(loaded) + " 1.0.0 loaded (sdk 1.3.0)"));
  const std::map<std::string, std::string> reasons{
      {"duplicate_id.so", "plugin id 'mentoring' is already loaded from "},
      {"init_fails.so", "its init function failed: init_fails: the resource it needs is missing"},
      {"undefined_symbol.so", "cannot load library: " + kTestPlugins +
                                  "/undefined_symbol.so: undefined symbol: "
                                  "hoego_test_function_nobody_defines"},
      {"invalid_manifest.so", "invalid manifest: manifest.version 'one' must be MAJOR.MINOR.PATCH"},
      {"newer_minor.so", "built against SDK 1.99.0, newer than this host's SDK 1.3.0"},
      {"no_entry.so", "no hoego_plugin_entry entry point"},
      {"not_json_manifest.so", "manifest is not valid JSON"},
      {"null_descriptor.so", "the entry point returned no descriptor"},
      {"too_small.so", "descriptor is 4 bytes, smaller than SDK 1.0's 56"},
      {"wrong_abi.so", "built for SDK 2.0.0; this host speaks SDK 1.x"},
      {"half_resumable_report.so",
       "its hoego.resumable_year_report.v1 extension lacks its resume or write_section function"},
  };
  for (const auto& [file, reason] : reasons) {
    std::string line = "refused " + kTestPlugins + "/";
    EXPECT_TRUE(contains(result.out, line.append(file).append(": ").append(reason)));
  }
  EXPECT_FALSE(contains(result.err, "init_fails")) << "a failed init is told once, in the list";
}

TEST_F(CliEndToEnd, ThrowingPluginFailsClearlyAndWritesNothing) {
  add_people();
  const std::string before = hoego.database_fingerprint();
  const RunResult result =
      hoego.run({"--plugins", kTestPlugins, "add", "throwing", "thing", "--title", "예외 확인"});
  EXPECT_NE(result.exit_code, 0) << result;
  EXPECT_TRUE(contains(result.err, "plugin 'throwing' normalize_entry failed: boom"));
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

TEST_F(CliEndToEnd, APluginThatThrowsLosesOnlyItsOwnMilestonesAndSection) {
  add_people();
  add_career_session();
  add_session("2022-10-12T20:00+09:00", "이준호", 30);
  const std::string throwing = kTestPlugins + "/throwing.so";

  RunResult listed = succeed({"--plugins", throwing, "milestones"});
  EXPECT_TRUE(contains(listed.out, "2022-10-05  First session with a mentee — 김민지"));
  EXPECT_TRUE(contains(listed.out, "2022-10-12  First session with a mentee — 이준호"));
  EXPECT_TRUE(contains(listed.out,
                       "failed: Throwing (throwing): its milestones could not be computed: "
                       "plugin 'throwing' derive_milestones failed: unknown exception\n"))
      << listed;
  const json answer = succeed_with_json({"--plugins", throwing, "milestones"});
  EXPECT_EQ(answer.at("milestones").size(), 2u);
  ASSERT_EQ(answer.at("failed").size(), 1u);
  EXPECT_EQ(answer["failed"][0]["plugin"], "throwing");
  EXPECT_EQ(answer["failed"][0]["part"], "milestones");

  // Only the failing plugin asked for: nothing asked for could be computed.
  const RunResult alone = hoego.run({"--plugins", throwing, "milestones", "--plugin", "throwing"});
  EXPECT_EQ(alone.exit_code, 3) << alone;
  EXPECT_TRUE(contains(alone.out, "failed: Throwing (throwing)")) << alone;

  for (const char* language : {"en", "ko"}) {
    const RunResult report =
        succeed({"--lang", language, "--plugins", throwing, "report", "--year", "2022"});
    const bool ko = std::string(language) == "ko";
    EXPECT_TRUE(contains(report.out, ko ? "멘토링 시간: 1.5시간" : "1.5 hours")) << report;
    EXPECT_TRUE(contains(report.out, ko ? "## 멘토링을 돌아보며" : "## Looking back on mentoring"))
        << report;
    EXPECT_TRUE(contains(report.out, ko ? "## 싣지 못한 부분" : "## Left out")) << report;
    EXPECT_TRUE(contains(report.out, ko ? "예외 (throwing)의 회고 단원을 쓰지 못했습니다"
                                        : "Throwing (throwing): its report section could not be "
                                          "written: plugin 'throwing' year_report.write_section "
                                          "failed: no section this year"))
        << report;
    EXPECT_TRUE(contains(report.err, ko ? "hoego: 경고: 예외 (throwing)의 이정표를"
                                        : "hoego: warning: Throwing (throwing): its milestones"))
        << report;
  }
  const RunResult html =
      succeed({"--plugins", throwing, "report", "--year", "2022", "--format", "html"});
  EXPECT_TRUE(contains(html.out, "<h2>Left out</h2>")) << html;
}

TEST_F(CliEndToEnd, MalformedPluginFailsClearlyAndWritesNothing) {
  add_people();
  const std::string before = hoego.database_fingerprint();
  const RunResult result = hoego.run({"--plugins", kTestPlugins, "add", "malformed", "thing"});
  EXPECT_NE(result.exit_code, 0) << result;
  EXPECT_TRUE(
      contains(result.err, "plugin 'malformed' normalize_entry answered with malformed JSON"));
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

TEST_F(CliEndToEnd, RejectingPluginNamesTheFieldItRejects) {
  add_people();
  const std::string before = hoego.database_fingerprint();
  const RunResult result =
      hoego.run({"--plugins", kTestPlugins, "add", "rejecting", "thing", "--field", "name=bad"});
  EXPECT_NE(result.exit_code, 0) << result;
  EXPECT_TRUE(contains(result.err, "name: must not be 'bad'"));
  EXPECT_EQ(hoego.database_fingerprint(), before);

  succeed({"--plugins", kTestPlugins, "add", "rejecting", "thing", "--field", "name=좋은 이름"});
}

}  // namespace
}  // namespace hoego::testing
