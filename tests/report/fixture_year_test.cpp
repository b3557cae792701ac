// One real year (2025, in Seoul) as DESIGN.md's typical user lives it, written through the
// services with the seven bundled plugins, and its year in review checked figure by figure
// against counts made by hand from the fixture below (never copied from hoego's output):
// a writing group (글또 10기: a post every 14 days with two passes, 16 posts in the year) with
// coffee chats and the group's own conference, a paper study, a bootcamp mentoring cohort, two
// contests (one with an award), a talk, a course, seven books toward "six books", and workouts
// under "every week" with passes and a pause. The hard cases every user hits are in it: an entry
// at 00:30 on Jan 1 and one at 23:30 on Dec 31, a run written at -07:00 on a trip whose day in
// Seoul is the next day (and the next month), a deleted coffee chat, edited entries (a book's
// day moved to another month, a session made longer, a contest marked as awarded), and entries of
// 2024 that count in no figure of 2025 but do in milestones that look back (the tenth session,
// the first five-star book).
//
// Calendar facts the counts rest on: 2025-01-01 is a Wednesday, 2025-09-01 a Monday,
// 2025-11-30 a Sunday; 2025 has 365 days.
#include <gtest/gtest.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/people_service.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/report.h>
#include <hoego/core/track_service.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../support/temporary_directory.h"

namespace hoego {
namespace {

using nlohmann::json;

constexpr char kZone[] = "Asia/Seoul";

// Goal titles, as the report and the plugins' sentences name them.
constexpr char kEveryTwoWeeks[] = "2주에 글 한 편";
constexpr char kSixteenPosts[] = "올해 글 16편";
constexpr char kSixBooks[] = "책 6권";
constexpr char kEveryWeek[] = "매주 운동";

// The year's entries in each month, by their day in Seoul.
constexpr std::array<int, 12> kEntriesByMonth = {
    5,   // Jan: book at 00:30 on the 1st + 3 study + 1 post
    7,   // Feb: 4 study + 1 session + 1 post + 1 book
    9,   // Mar: 4 study + 3 posts (1 a member's) + 1 chat + 1 hike (데미안 moved out)
    7,   // Apr: 1 study + 1 post + 3 contest (registration, event, idea) + 1 chat + 데미안
    7,   // May: 3 posts (1 a member's) + 3 phases (submission, demo, result) + 1 book
    4,   // Jun: 2 posts + 1 chat + 1 course
    6,   // Jul: 2 posts + 3 sessions + 1 book (the deleted chat not)
    10,  // Aug: 3 posts + 4 sessions + PyCon, 반상회, talk (the -07:00 run is September's)
    8,   // Sep: 3 sessions + 4 check-ins (the run of 08-31 at -07:00 among them) + 1 book
    10,  // Oct: 1 session + 1 post + 4 contest (event, registration, idea, submission) + 4 workouts
    6,   // Nov: 1 result + 1 chat + 1 book + 3 check-ins
    2,   // Dec: 1 run + the post at 23:30 on the 31st
};

// The database, its plugins and the year's reports, built once for every test of the suite.
struct FixtureYearWorld {
  testing::TemporaryDirectory directory;
  PluginHost plugins;
  std::optional<Database> db;
  std::optional<EntryService> entries;
  std::map<std::string, YearReport> reports;  // by language
  std::map<std::string, std::string> markdown, html;
  bool ready = false;
};

class FixtureYear : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world = std::make_unique<FixtureYearWorld>();
    world->plugins.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    auto opened = Database::open(world->directory.path() / "hoego.db");
    if (!opened.ok()) {
      ADD_FAILURE() << opened.error().message;
      return;
    }
    world->db.emplace(std::move(opened.value()));
    world->entries.emplace(*world->db, world->plugins, kZone);
    live_the_year();
    for (const char* language : {"ko", "en"}) {
      auto built = build_year_report(*world->db, world->plugins, 2025, kZone, language);
      if (!built.ok()) {
        ADD_FAILURE() << built.error().message;
        return;
      }
      world->markdown[language] = render_markdown(*built, world->plugins, language);
      world->html[language] = render_html(*built, world->plugins, language);
      world->reports[language] = std::move(*built);
    }
    world->ready = true;
  }

  static void TearDownTestSuite() { world.reset(); }

  void SetUp() override { ASSERT_TRUE(world && world->ready) << "the fixture year was not built"; }

  // ---- Writing the year ----------------------------------------------------------------------

  static int64_t add(const std::string& plugin, const std::string& kind, const std::string& when,
                     const std::string& title, json fields, std::vector<std::string> people = {},
                     std::optional<std::string> track = std::nullopt) {
    NewEntry entry;
    entry.plugin = plugin;
    entry.kind = kind;
    entry.when = when;
    entry.title = title;
    entry.fields = std::move(fields);
    entry.people = std::move(people);
    entry.track = std::move(track);
    auto added = world->entries->add(entry);
    EXPECT_TRUE(added.ok()) << when << " " << title << ": " << added.error().message;
    return added.ok() ? added->id : 0;
  }

  static int64_t add_goal(NewGoal goal) {
    auto added = GoalService(*world->db, world->plugins, kZone).add(goal);
    EXPECT_TRUE(added.ok()) << goal.title << ": " << added.error().message;
    return added.ok() ? added->id : 0;
  }

  static void live_the_year() {
    Database& db = *world->db;
    // Nine people: two writing-group members, four mentees (이준호 since the 8th cohort of
    // 2024), two study friends who are also the contest team, and someone first met at PyCon.
    for (const char* name : {"김민지", "박서연", "이준호", "최유진", "정하늘", "Alex Kim", "오세훈",
                             "한지우", "윤도현"})
      EXPECT_TRUE(PeopleService(db).add(name, "").ok()) << name;
    TrackService tracks(db, world->plugins);
    const std::vector<NewTrack> new_tracks = {
        {"글또 10기", "writing", "2025-03-01", "2025-08-31", "6개월 기수", {"김민지", "박서연"}},
        {"경량화 논문 스터디", "study", "2025-01-06", "2025-04-30", "", {"한지우", "오세훈"}},
        {"부스트캠프 9기 멘토링",
         "mentoring",
         "2025-07-07",
         "2025-11-28",
         "",
         {"최유진", "정하늘", "Alex Kim"}},
        {"2025 서울 프롬프톤", "hackathon", "2025-04-01", "2025-05-31", "", {"오세훈", "한지우"}},
        {"제3회 AI 아이디어 공모전", "hackathon", "2025-10-01", "2025-11-30", "", {"오세훈"}},
    };
    for (const auto& track : new_tracks) EXPECT_TRUE(tracks.add(track).ok()) << track.name;

    // ---- 2024: counted in no figure of 2025 ----
    // 이준호's last session of the 8th cohort: his first session is a 2024 milestone, and it is
    // the first of the sessions that make the tenth (so the tenth is 2025's ninth).
    add("mentoring", "session", "2024-12-14T14:00+09:00", "8기 마지막 세션", {{"duration_min", 60}},
        {"이준호"});
    // Finished an hour before the new year in Seoul: a 2024 book, and the first five-star book
    // ever, so 2025 has no "first five-star book" milestone.
    add("reading", "book", "2024-12-31T23:30+09:00", "채식주의자",
        {{"author", "한강"}, {"pages", 247}, {"rating", 5}});

    live_writing();
    live_study();
    live_mentoring();
    live_contests();
    live_events();
    live_reading();
    live_exercise();

    // Looked at once before the year's corrections, so that the final report is what the core
    // counts again after them, not a first count.
    EXPECT_TRUE(build_year_report(db, world->plugins, 2025, kZone, "ko").ok());
    correct_the_year();
  }

  // Own posts (naming no one): 16 in 2025. In 글또 10기 (03-01..08-31) 12 of them; 2 before it,
  // 2 after. Two members' posts (gathered from their feeds, naming their author) in the track.
  static void live_writing() {
    const std::string track = "글또 10기";
    add("writing", "post", "2025-01-19T21:00+09:00", "2024년 회고: 다시 쓰는 습관", json::object());
    add("writing", "post", "2025-02-16T21:00+09:00", "LoRA 논문 정리",
        {{"url", "https://jiwon.tistory.com/12"}});
    struct Post {
      const char* when;
      const char* title;
    };
    // Cycles of 14 days from 03-01: C1 03-01..03-14, C2 ..03-28, C3 ..04-11, C4 ..04-25,
    // C5 ..05-09, C6 ..05-23, C7 ..06-06, C8 ..06-20, C9 ..07-04, C10 ..07-18, C11 ..08-01,
    // C12 ..08-15, C13 ..08-29, C14 08-30..08-31 (cut at the track's end).
    const std::vector<Post> in_track = {
        {"2025-03-09T21:00+09:00", "글또 10기 다짐글"},           // C1
        {"2025-03-23T21:00+09:00", "양자화 입문: GPTQ와 AWQ"},    // C2
        {"2025-04-06T21:00+09:00", "프롬프톤 참가 준비기"},       // C3; C4 none
        {"2025-05-04T21:00+09:00", "사이드 프로젝트 회고"},       // C5
        {"2025-05-18T21:00+09:00", "프롬프톤 우수상 후기"},       // C6
        {"2025-06-01T21:00+09:00", "테스트 코드 리팩터링 일지"},  // C7; C8 none
        {"2025-06-29T21:00+09:00", "상반기 회고"},                // C9
        {"2025-07-13T21:00+09:00", "멘토링을 시작하며"},          // C10
        {"2025-07-15T21:00+09:00", "DDIA 5장 복제 정리"},         // C10; C11 none
        {"2025-08-10T21:00+09:00", "첫 멘토링 한 달"},            // C12
        {"2025-08-24T21:00+09:00", "PyCon Korea 2025 후기"},      // C13
        {"2025-08-30T21:00+09:00", "글또 10기를 마치며"},         // C14
    };
    for (const auto& post : in_track)
      add("writing", "post", post.when, post.title, json::object(), {}, track);
    add("writing", "post", "2025-03-12T08:00+09:00", "민지의 글또 다짐글",
        {{"url", "https://velog.io/@minji/dajim"}}, {"김민지"}, track);
    add("writing", "post", "2025-05-20T08:00+09:00", "글쓰기와 커리어", json::object(), {"박서연"},
        track);
    add("writing", "post", "2025-10-12T21:00+09:00", "부스트캠프 멘토링 후기", json::object());
    // The 16th own post, half an hour before the new year in Seoul.
    add("writing", "post", "2025-12-31T23:30+09:00", "2025년 회고", json::object());

    NewGoal every_two_weeks;
    every_two_weeks.title = kEveryTwoWeeks;
    every_two_weeks.plugin = "writing";
    every_two_weeks.kind = "post";
    every_two_weeks.track = track;  // 03-01..08-31 from the track
    every_two_weeks.every = "14d";
    every_two_weeks.passes = 2;
    add_goal(every_two_weeks);
    NewGoal sixteen;
    sixteen.title = kSixteenPosts;
    sixteen.plugin = "writing";
    sixteen.kind = "post";
    sixteen.year = 2025;
    sixteen.target = 16;
    add_goal(sixteen);
  }

  // Twelve Thursday sessions (none on 01-30, 설날), 11 with a paper (10 distinct: LoRA is read
  // again on 02-20), 3 presented by the user.
  static void live_study() {
    const std::string track = "경량화 논문 스터디";
    struct Session {
      const char* when;
      const char* topic;
      const char* paper;      // "" when the session read none
      const char* presenter;  // "" when the user presented
    };
    const std::vector<Session> sessions = {
        {"2025-01-09T20:00+09:00", "LoRA", "LoRA: Low-Rank Adaptation of Large Language Models",
         "한지우"},  // paper 1
        {"2025-01-16T20:00+09:00", "QLoRA", "QLoRA: Efficient Finetuning of Quantized LLMs",
         ""},                                                  // 2, me
        {"2025-01-23T20:00+09:00", "GPTQ", "GPTQ", "오세훈"},  // 3
        {"2025-02-06T20:00+09:00", "AWQ", "AWQ: Activation-aware Weight Quantization",
         "한지우"},                                                    // 4
        {"2025-02-13T20:00+09:00", "SmoothQuant", "SmoothQuant", ""},  // 5, me
        {"2025-02-20T20:00+09:00", "LoRA 복습",
         "lora:  low-rank adaptation of large language MODELS", "오세훈"},                  // again
        {"2025-02-27T20:00+09:00", "가지치기", "The Lottery Ticket Hypothesis", "한지우"},  // 6
        {"2025-03-06T20:00+09:00", "지식 증류", "Distilling the Knowledge in a Neural Network",
         "오세훈"},                                                            // 7
        {"2025-03-13T20:00+09:00", "중간 회고", "", "한지우"},                 // no paper
        {"2025-03-20T20:00+09:00", "DistilBERT", "DistilBERT", ""},            // 8, me
        {"2025-03-27T20:00+09:00", "MobileNets", "MobileNets", "한지우"},      // 9
        {"2025-04-03T20:00+09:00", "EfficientNet", "EfficientNet", "오세훈"},  // 10
    };
    for (const auto& session : sessions) {
      json fields{{"topic", session.topic}};
      if (*session.paper != '\0') fields["paper_title"] = session.paper;
      if (*session.presenter == '\0')
        fields["presented"] = true;
      else
        fields["presenter"] = session.presenter;
      add("study", "session", session.when, "", fields, {}, track);
    }
  }

  // Twelve sessions in 2025: two career sessions with 이준호 (no track) and ten of the 9th
  // cohort with 최유진, 정하늘 and Alex Kim.
  static void live_mentoring() {
    const std::string cohort = "부스트캠프 9기 멘토링";
    const std::vector<std::string> all_three = {"최유진", "정하늘", "Alex Kim"};
    // M1
    add("mentoring", "session", "2025-02-08T14:00+09:00", "커리어 상담",
        {{"duration_min", 60},
         {"topics", {"커리어"}},
         {"followups", {{{"text", "이력서 첨삭 보내기"}, {"done", true}}}}},
        {"이준호"});
    add("mentoring", "session", "2025-07-12T10:00+09:00", "9기 첫 만남",
        {{"duration_min", 90}, {"topics", {"학습 계획"}}}, all_three, cohort);  // M2
    add("mentoring", "session", "2025-07-19T10:00+09:00", "", {{"duration_min", 60}}, {"최유진"},
        cohort);  // M3
    add("mentoring", "session", "2025-07-26T10:00+09:00", "", {{"duration_min", 60}}, {"정하늘"},
        cohort);  // M4
    alex_in_august = add("mentoring", "session", "2025-08-02T10:00+09:00", "코드 리뷰",
                         {{"duration_min", 60}}, {"Alex Kim"}, cohort);  // M5, made 90 later
    add("mentoring", "session", "2025-08-09T10:00+09:00", "", {{"duration_min", 60}}, {"최유진"},
        cohort);  // M6
    add("mentoring", "session", "2025-08-16T10:00+09:00", "중간 점검", {{"duration_min", 120}},
        {"최유진", "정하늘"}, cohort);  // M7
    add("mentoring", "session", "2025-08-23T10:00+09:00", "",
        {{"duration_min", 60}, {"followups", {{{"text", "포트폴리오 리뷰"}, {"done", false}}}}},
        {"Alex Kim"}, cohort);  // M8
    add("mentoring", "session", "2025-09-06T10:00+09:00", "", {{"duration_min", 120}}, {"최유진"},
        cohort);  // M9: the tenth session since 2024-12-14
    add("mentoring", "session", "2025-09-13T14:00+09:00", "이직 준비", {{"duration_min", 60}},
        {"이준호"});  // M10
    add("mentoring", "session", "2025-09-20T10:00+09:00", "", {{"duration_min", 60}}, {"정하늘"},
        cohort);  // M11
    add("mentoring", "session", "2025-10-11T10:00+09:00", "데모데이",
        {{"duration_min", 180},
         {"followups",
          {{{"text", "수료 후 커피챗 잡기"}, {"done", false}},
           {{"text", "추천서 쓰기"}, {"done", true}}}}},
        all_three, cohort);  // M12
  }

  // Two contests: 2025 서울 프롬프톤 (registered 04-01, submitted 05-10: 39 days; an award,
  // recorded when the results came) and 제3회 AI 아이디어 공모전 (registered 10-01, submitted
  // 10-31: 30 days; finalist).
  static void live_contests() {
    const std::string prompton = "2025 서울 프롬프톤";
    add("hackathon", "phase", "2025-04-01T21:00+09:00", "", {{"phase", "registration"}}, {},
        prompton);
    prompton_event = add("hackathon", "event", "2025-04-12T09:00+09:00", "2025 서울 프롬프톤",
                         {{"organiser", "서울시"}, {"role", "백엔드"}, {"result", "entered"}},
                         {"오세훈", "한지우"}, prompton);
    add("hackathon", "phase", "2025-04-19T18:00+09:00", "", {{"phase", "idea"}}, {}, prompton);
    add("hackathon", "phase", "2025-05-10T23:00+09:00", "",
        {{"phase", "submission"}, {"deadline", "2025-05-10"}}, {}, prompton);
    add("hackathon", "phase", "2025-05-17T14:00+09:00", "", {{"phase", "demo"}}, {}, prompton);
    add("hackathon", "phase", "2025-05-17T18:00+09:00", "", {{"phase", "result"}}, {}, prompton);

    const std::string contest = "제3회 AI 아이디어 공모전";
    add("hackathon", "event", "2025-10-01T20:00+09:00", contest,
        {{"role", "기획·개발"}, {"result", "finalist"}}, {"오세훈"}, contest);
    add("hackathon", "phase", "2025-10-01T20:05+09:00", "", {{"phase", "registration"}}, {},
        contest);
    add("hackathon", "phase", "2025-10-08T21:00+09:00", "", {{"phase", "idea"}}, {}, contest);
    add("hackathon", "phase", "2025-10-31T22:00+09:00", "", {{"phase", "submission"}}, {}, contest);
    add("hackathon", "phase", "2025-11-28T17:00+09:00", "", {{"phase", "result"}}, {}, contest);
  }

  // Coffee chats with the writing group (and one with a mentee after the cohort), the group's
  // own conference with a talk there, PyCon, and a course.
  static void live_events() {
    add("events", "coffee_chat", "2025-03-15T12:30+09:00", "",
        {{"topic", "글쓰기 루틴"}, {"place", "성수"}}, {"김민지"});
    add("events", "coffee_chat", "2025-04-26T15:00+09:00", "", {{"topic", "이직 이야기"}},
        {"박서연"});
    add("events", "coffee_chat", "2025-06-14T11:00+09:00", "", {{"topic", "글또 반상회 준비"}},
        {"김민지", "박서연"});
    add("events", "course", "2025-06-20T21:00+09:00", "Generative AI with LLMs",
        {{"provider", "Coursera"},
         {"starts_on", "2025-05-01"},
         {"ends_on", "2025-06-20"},
         {"completed", true}});
    cancelled_chat = add("events", "coffee_chat", "2025-07-05T12:00+09:00", "",
                         {{"topic", "여름 계획"}}, {"김민지"});  // deleted later
    add("events", "event", "2025-08-15T10:00+09:00", "PyCon Korea 2025",
        {{"type", "conference"}, {"ends_on", "2025-08-17"}}, {"윤도현"});
    add("events", "event", "2025-08-30T13:00+09:00", "글또 10기 반상회",
        {{"type", "conference"}, {"organiser", "글또"}}, {"김민지", "박서연"});
    add("events", "talk", "2025-08-30T15:00+09:00", "1년 동안 글 쓰기",
        {{"event", "글또 10기 반상회"}, {"audience", 80}});
    add("events", "coffee_chat", "2025-11-08T14:00+09:00", "", {{"topic", "취업 준비"}},
        {"최유진"});
  }

  // Seven books in 2025 (the sixth, 09-21, reaches "six books"); 216 + 464 + 248 + 616 + 332 +
  // 360 + 352 = 2,588 pages; five stars for 소년이 온다 and 작별하지 않는다.
  static void live_reading() {
    // Finished at half past midnight on New Year's Day in Seoul (15:30 on Dec 31 in UTC).
    add("reading", "book", "2025-01-01T00:30+09:00", "소년이 온다",
        {{"author", "한강"}, {"pages", 216}, {"rating", 5}});
    add("reading", "book", "2025-02-23T22:00+09:00", "Clean Code",
        {{"author", "로버트 C. 마틴"}, {"pages", 464}, {"rating", 4}, {"format", "print"}});
    // Written on the wrong day first (03-31) and moved to 04-13 later.
    demian = add("reading", "book", "2025-03-31T22:00+09:00", "데미안",
                 {{"author", "헤르만 헤세"}, {"pages", 248}, {"rating", 3}});
    add("reading", "book", "2025-05-25T22:00+09:00", "Designing Data-Intensive Applications",
        {{"author", "마틴 클레프만"}, {"pages", 616}, {"rating", 4}, {"format", "ebook"}});
    add("reading", "book", "2025-07-27T22:00+09:00", "작별하지 않는다",
        {{"author", "한강"}, {"pages", 332}, {"rating", 5}});
    add("reading", "book", "2025-09-21T22:00+09:00", "아주 작은 습관의 힘",
        {{"author", "제임스 클리어"}, {"pages", 360}, {"format", "audiobook"}});
    add("reading", "book", "2025-11-16T22:00+09:00", "The Pragmatic Programmer",
        {{"pages", 352}, {"rating", 4}});
    NewGoal six_books;
    six_books.title = kSixBooks;
    six_books.plugin = "reading";
    six_books.kind = "book";
    six_books.year = 2025;
    six_books.target = 6;
    add_goal(six_books);
  }

  // Thirteen check-ins; "매주 운동" runs the 13 weeks from Monday 09-01 to Sunday 11-30
  // (W1 09-01..09-07 … W13 11-24..11-30) with two passes, paused for 추석 (W6, 10-06..10-12).
  static void live_exercise() {
    struct CheckIn {
      const char* when;
      const char* type;
      int minutes;
      double km;  // 0: none
    };
    const std::vector<CheckIn> check_ins = {
        {"2025-03-02T08:00+09:00", "hiking", 180, 8.5},  // a Sunday; the first of the year
        // Sunday evening in San Francisco is Monday 10:00 in Seoul: September, W1 (its only one).
        {"2025-08-31T18:00-07:00", "running", 30, 5.0},
        {"2025-09-09T07:00+09:00", "running", 40, 6.2},   // W2
        {"2025-09-11T07:00+09:00", "strength", 50, 0},    // W2; W3 none: a pass
        {"2025-09-24T07:00+09:00", "yoga", 60, 0},        // W4
        {"2025-10-01T07:00+09:00", "running", 35, 5.5},   // W5; W6 paused
        {"2025-10-14T07:00+09:00", "running", 40, 6.0},   // W7
        {"2025-10-16T20:00+09:00", "swimming", 45, 1.5},  // W7; W8 none: the second pass
        {"2025-10-29T07:00+09:00", "strength", 50, 0},    // W9; W10 none: missed
        {"2025-11-12T07:00+09:00", "running", 45, 7.0},   // W11
        {"2025-11-19T07:00+09:00", "yoga", 60, 0},        // W12
        {"2025-11-26T19:00+09:00", "climbing", 90, 0},    // W13
        {"2025-12-28T10:00+09:00", "running", 30, 5.0},   // a Sunday, after the goal
    };
    for (const auto& check_in : check_ins) {
      json fields{{"type", check_in.type}, {"minutes", check_in.minutes}};
      if (check_in.km > 0) fields["distance_km"] = check_in.km;
      add("exercise", "check_in", check_in.when, "", fields);
    }
    NewGoal every_week;
    every_week.title = kEveryWeek;
    every_week.plugin = "exercise";
    every_week.kind = "check_in";
    every_week.starts_on = "2025-09-01";
    every_week.ends_on = "2025-11-30";
    every_week.every = "week";
    every_week.passes = 2;
    const int64_t goal = add_goal(every_week);
    EXPECT_TRUE(GoalService(*world->db, world->plugins, kZone)
                    .pause(goal, Pause{"2025-10-06", "2025-10-12"})
                    .ok());
  }

  // What a user fixes afterwards: a book's day, a session's length, a contest's result, and a
  // coffee chat that never happened.
  static void correct_the_year() {
    EntryService& entries = *world->entries;
    EntryChanges to_april;
    to_april.when = "2025-04-13T22:00+09:00";
    EXPECT_TRUE(entries.edit(demian, to_april).ok());
    EntryChanges longer;
    longer.fields = {{"duration_min", 90}};
    EXPECT_TRUE(entries.edit(alex_in_august, longer).ok());
    EntryChanges awarded;
    awarded.fields = {{"result", "award"}, {"award", "우수상"}};
    EXPECT_TRUE(entries.edit(prompton_event, awarded).ok());
    EXPECT_TRUE(entries.remove(cancelled_chat).ok());
  }

  // ---- Reading the report --------------------------------------------------------------------

  static const YearReport& report(const std::string& language) { return world->reports[language]; }

  static const MetricValue* metric(const YearReport& year, const std::string& plugin,
                                   const std::string& id) {
    for (const auto& value : year.metrics)
      if (value.plugin == plugin && value.id == id) return &value;
    return nullptr;
  }

  static double value_of(const std::string& plugin, const std::string& id) {
    const MetricValue* found = metric(report("en"), plugin, id);
    EXPECT_NE(found, nullptr) << plugin << "/" << id;
    return found != nullptr ? found->value : -1;
  }

  static std::vector<std::pair<std::string, double>> options_of(const std::string& plugin,
                                                                const std::string& id) {
    std::vector<std::pair<std::string, double>> options;
    if (const MetricValue* found = metric(report("en"), plugin, id))
      for (const auto& option : found->options) options.emplace_back(option.id, option.value);
    return options;
  }

  static const GoalReport* goal(const std::string& title) {
    for (const auto& report : report("en").goals)
      if (report.goal.title == title) return &report;
    return nullptr;
  }

  static std::vector<std::string> outcomes(const GoalReport& goal) {
    std::vector<std::string> names;
    for (const auto& cycle : goal.state.cycles) names.emplace_back(outcome_name(cycle.outcome));
    return names;
  }

  static int paused_cycles(const GoalReport& goal) {
    int paused = 0;
    for (const auto& cycle : goal.state.cycles) paused += cycle.outcome == CycleOutcome::kPaused;
    return paused;
  }

  static std::vector<double> progress_points(const GoalReport& goal) {
    std::vector<double> points;
    for (const auto& point : goal.progress_line) points.push_back(point.progress);
    return points;
  }

  static std::vector<double> road_points(const GoalReport& goal) {
    std::vector<double> points;
    for (const auto& point : goal.progress_line) points.push_back(point.road.value_or(-1));
    return points;
  }

  static std::vector<std::string> paragraphs(const std::string& language,
                                             const std::string& plugin) {
    for (const auto& section : report(language).sections)
      if (section.plugin == plugin) return section.paragraphs;
    return {};
  }

  static std::unique_ptr<FixtureYearWorld> world;
  static int64_t alex_in_august, prompton_event, cancelled_chat, demian;
};

std::unique_ptr<FixtureYearWorld> FixtureYear::world;
int64_t FixtureYear::alex_in_august = 0, FixtureYear::prompton_event = 0,
        FixtureYear::cancelled_chat = 0, FixtureYear::demian = 0;

TEST_F(FixtureYear, CountsTheYearsEntriesMonthByMonthInSeoul) {
  const YearReport& year = report("ko");
  EXPECT_EQ(year.year, 2025);
  EXPECT_EQ(year.as_of, "2026-01-01");
  // study 12 + writing 18 (16 own, 2 members') + mentoring 12 + hackathon 11 (2 events,
  // 9 phases) + events 8 (4 chats, 2 events, 1 talk, 1 course; the cancelled chat deleted) +
  // reading 7 + exercise 13; nothing of 2024.
  EXPECT_EQ(year.entries, 81);
  ASSERT_EQ(year.months.size(), 12u);
  for (int month = 0; month < 12; ++month) {
    EXPECT_EQ(year.months[month].month, month + 1);
    EXPECT_EQ(year.months[month].entries, kEntriesByMonth[month]) << "month " << month + 1;
  }
}

TEST_F(FixtureYear, CountsEachPluginsEntriesPerMonth) {
  // Loading order (file names): events, exercise, hackathon, mentoring, reading, study, writing.
  const std::map<std::string, std::array<int64_t, 12>> expected = {
      //                   Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec
      {"events", {0, 0, 1, 1, 0, 2, 0, 3, 0, 0, 1, 0}},     // 8
      {"exercise", {0, 0, 1, 0, 0, 0, 0, 0, 4, 4, 3, 1}},   // 13
      {"hackathon", {0, 0, 0, 3, 3, 0, 0, 0, 0, 4, 1, 0}},  // 11
      {"mentoring", {0, 1, 0, 0, 0, 0, 3, 4, 3, 1, 0, 0}},  // 12
      {"reading", {1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0}},    // 7
      {"study", {3, 4, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0}},      // 12
      {"writing", {1, 1, 3, 1, 3, 2, 2, 3, 0, 1, 0, 1}},    // 18
  };
  const std::map<std::string, int64_t> totals = {
      {"events", 8},  {"exercise", 13}, {"hackathon", 11}, {"mentoring", 12},
      {"reading", 7}, {"study", 12},    {"writing", 18}};
  const YearReport& year = report("en");
  std::vector<std::string> order;
  for (const auto& series : year.months_by_plugin) {
    order.push_back(series.plugin);
    EXPECT_EQ(series.months, expected.at(series.plugin)) << series.plugin;
    EXPECT_EQ(series.entries, totals.at(series.plugin)) << series.plugin;
  }
  EXPECT_EQ(order, (std::vector<std::string>{"events", "exercise", "hackathon", "mentoring",
                                             "reading", "study", "writing"}));
}

TEST_F(FixtureYear, EveryMetricOfEveryPluginIsTheHandCount) {
  // events: PyCon and the 반상회, both conferences; one talk to 80; 4 chats (the deleted one
  // not) with 김민지, 박서연 and 최유진; one course completed.
  EXPECT_EQ(value_of("events", "events"), 2);
  EXPECT_EQ(options_of("events", "events"),
            (std::vector<std::pair<std::string, double>>{{"conference", 2}}));
  EXPECT_EQ(value_of("events", "talks"), 1);
  EXPECT_EQ(value_of("events", "audience"), 80);
  EXPECT_EQ(value_of("events", "coffee_chats"), 4);
  EXPECT_EQ(value_of("events", "people_met"), 3);
  // First met over coffee: 박서연 (04-26; named nowhere before). 김민지 was named by her post on
  // 03-12 before the chat of 03-15, 최유진 by the sessions from 07-12.
  EXPECT_EQ(value_of("events", "first_met_over_coffee"), 1);
  // First met at an event: 윤도현 at PyCon; the 반상회's 김민지 and 박서연 were met before.
  EXPECT_EQ(value_of("events", "first_met_at_events"), 1);
  EXPECT_EQ(value_of("events", "courses_completed"), 1);

  // exercise: 13 check-ins: running 6 (09-01, 09-09, 10-01, 10-14, 11-12, 12-28), strength 2,
  // yoga 2, swimming 1, hiking 1, climbing 1; ties in the manifest's order.
  EXPECT_EQ(value_of("exercise", "check_ins"), 13);
  EXPECT_EQ(options_of("exercise", "check_ins"),
            (std::vector<std::pair<std::string, double>>{{"running", 6},
                                                         {"strength", 2},
                                                         {"yoga", 2},
                                                         {"swimming", 1},
                                                         {"hiking", 1},
                                                         {"climbing", 1}}));
  // 180 + 30 + 40 + 50 + 60 + 35 + 40 + 45 + 50 + 45 + 60 + 90 + 30 = 755 minutes.
  EXPECT_DOUBLE_EQ(value_of("exercise", "hours"), 755 / 60.0);
  // running 30+40+35+40+45+30 = 220, hiking 180, yoga 120, strength 100, climbing 90,
  // swimming 45 minutes.
  const auto hours = options_of("exercise", "hours");
  const std::vector<std::pair<std::string, double>> expected_hours = {
      {"running", 220 / 60.0},  {"hiking", 3},     {"yoga", 2},
      {"strength", 100 / 60.0}, {"climbing", 1.5}, {"swimming", 0.75}};
  ASSERT_EQ(hours.size(), expected_hours.size());
  for (size_t i = 0; i < hours.size(); ++i) {
    EXPECT_EQ(hours[i].first, expected_hours[i].first) << i;
    EXPECT_DOUBLE_EQ(hours[i].second, expected_hours[i].second) << i;
  }
  const MetricValue* favourite = metric(report("en"), "exercise", "favourite_type");
  ASSERT_NE(favourite, nullptr);
  ASSERT_TRUE(favourite->option.has_value());
  EXPECT_EQ(favourite->option->id, "running");
  EXPECT_EQ(favourite->value, 6);
  EXPECT_DOUBLE_EQ(value_of("exercise", "check_ins_per_month"), 13 / 12.0);
  // 03-02 to 09-01 (the -07:00 run's day in Seoul): 29 + 30 + 31 + 30 + 31 + 31 + 1 = 183.
  EXPECT_EQ(value_of("exercise", "longest_break"), 183);

  // hackathon: two events, one award (after the edit); 39 and 30 days to submission.
  EXPECT_EQ(value_of("hackathon", "events"), 2);
  EXPECT_EQ(value_of("hackathon", "awards"), 1);
  EXPECT_DOUBLE_EQ(value_of("hackathon", "days_to_submission"), 34.5);

  // mentoring: 12 sessions of 2025; 60+90+60+60+90 (edited)+60+120+60+120+60+60+180 = 1,020
  // minutes = 17 h; 이준호, 최유진, 정하늘, Alex Kim; open follow-ups: 포트폴리오 리뷰 and
  // 수료 후 커피챗 잡기.
  EXPECT_EQ(value_of("mentoring", "sessions"), 12);
  EXPECT_DOUBLE_EQ(value_of("mentoring", "hours"), 17);
  EXPECT_EQ(value_of("mentoring", "mentees"), 4);
  EXPECT_EQ(value_of("mentoring", "open_followups"), 2);

  // reading: 7 books, 2,588 pages, 7 / 12 a month, two five-star books (채식주의자 is 2024's).
  EXPECT_EQ(value_of("reading", "books"), 7);
  // Formats given: Clean Code print, DDIA e-book, 아주 작은 습관의 힘 audiobook (ties in the
  // manifest's order); the other four only in the total.
  EXPECT_EQ(options_of("reading", "books"), (std::vector<std::pair<std::string, double>>{
                                                {"print", 1}, {"ebook", 1}, {"audiobook", 1}}));
  EXPECT_EQ(value_of("reading", "pages"), 2588);
  EXPECT_DOUBLE_EQ(value_of("reading", "books_per_month"), 7 / 12.0);
  EXPECT_EQ(value_of("reading", "five_star_books"), 2);

  // study: 12 sessions, 11 with a paper (not 03-13's 중간 회고), 3 presented.
  EXPECT_EQ(value_of("study", "sessions"), 12);
  EXPECT_EQ(value_of("study", "papers"), 11);
  EXPECT_EQ(value_of("study", "presentations"), 3);

  // writing: own posts 16, 16 / 12 a month; the longest gap 10-12 → 12-31 = 19 + 30 + 31 = 80
  // days; 2 members' posts.
  EXPECT_EQ(value_of("writing", "posts"), 16);
  EXPECT_DOUBLE_EQ(value_of("writing", "posts_per_month"), 16 / 12.0);
  EXPECT_EQ(value_of("writing", "longest_gap"), 80);
  EXPECT_EQ(value_of("writing", "member_posts"), 2);

  // 8 + 5 + 3 + 4 + 4 + 3 + 4 metrics, no more.
  EXPECT_EQ(report("en").metrics.size(), 31u);
}

TEST_F(FixtureYear, GoalsStandAsCountedFromTheirCycles) {
  const YearReport& year = report("en");
  std::vector<std::string> titles;
  for (const auto& goal : year.goals) titles.push_back(goal.goal.title);
  EXPECT_EQ(titles,
            (std::vector<std::string>{kEveryTwoWeeks, kSixteenPosts, kSixBooks, kEveryWeek}));

  // A post every 14 days in 글또 10기: C1-C3 met, C4 passed, C5-C7 met, C8 passed, C9 and C10
  // (two posts) met, C11 missed (no pass left), C12-C14 met: 11 met, 2 passed, 1 missed;
  // streak 1, 2, 3, 3 (frozen), 4, 5, 6, 6, 7, 8, 0, 1, 2, 3. (Its progress, 12 own posts, is
  // checked in GoalsOnPostsCountOnlyTheUsersOwnPosts.)
  const GoalReport* every_two_weeks = goal(kEveryTwoWeeks);
  ASSERT_NE(every_two_weeks, nullptr);
  EXPECT_EQ(every_two_weeks->state.status, "ended");  // no target; over on 08-31
  EXPECT_EQ(every_two_weeks->state.cycles_met, 11);
  EXPECT_EQ(every_two_weeks->state.cycles_passed, 2);
  EXPECT_EQ(every_two_weeks->state.cycles_missed, 1);
  EXPECT_EQ(paused_cycles(*every_two_weeks), 0);
  EXPECT_EQ(every_two_weeks->state.passes_left, 0);
  EXPECT_EQ(every_two_weeks->state.longest_streak, 8);
  EXPECT_EQ(every_two_weeks->state.current_streak, 3);
  EXPECT_EQ(outcomes(*every_two_weeks),
            (std::vector<std::string>{"met", "met", "met", "passed", "met", "met", "met", "passed",
                                      "met", "met", "missed", "met", "met", "met"}));
  // The road: one for each cycle met or missed so far (not passed).
  EXPECT_EQ(road_points(*every_two_weeks),
            (std::vector<double>{1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9, 10, 11, 12}));
  ASSERT_EQ(every_two_weeks->progress_line.size(), 14u);
  EXPECT_EQ(every_two_weeks->progress_line.back().date, "2025-08-31");

  // 16 posts in 2025, reached with the 16th own post (its progress: see below).
  const GoalReport* sixteen = goal(kSixteenPosts);
  ASSERT_NE(sixteen, nullptr);
  EXPECT_EQ(sixteen->state.status, "achieved");
  EXPECT_TRUE(sixteen->state.cycles.empty());
  ASSERT_EQ(sixteen->progress_line.size(), 12u);  // a point at each month's end
  EXPECT_EQ(sixteen->progress_line.back().date, "2025-12-31");
  EXPECT_DOUBLE_EQ(sixteen->progress_line.back().road.value_or(0), 16);
  // End of January: 16 × 31 / 365 of the way.
  EXPECT_DOUBLE_EQ(sixteen->progress_line.front().road.value_or(0), 16 * 31 / 365.0);

  // Six books: seven finished (데미안 in April after its move).
  const GoalReport* six_books = goal(kSixBooks);
  ASSERT_NE(six_books, nullptr);
  EXPECT_EQ(six_books->state.progress, 7);
  EXPECT_EQ(six_books->state.status, "achieved");
  EXPECT_EQ(progress_points(*six_books), (std::vector<double>{1, 2, 2, 3, 4, 4, 5, 5, 6, 6, 7, 7}));

  // Every week from 09-01 to 11-30: W1 met (only by the -07:00 run, 09-01 in Seoul), W2 met,
  // W3 passed, W4 W5 met, W6 paused (추석), W7 met, W8 passed, W9 met, W10 missed, W11-W13 met:
  // 9 met, 2 passed, 1 missed, 1 paused; streak 1, 2, 2, 3, 4, 4, 5, 5, 6, 0, 1, 2, 3.
  const GoalReport* every_week = goal(kEveryWeek);
  ASSERT_NE(every_week, nullptr);
  EXPECT_EQ(every_week->state.progress, 11);  // the 13 check-ins but 03-02's and 12-28's
  EXPECT_EQ(every_week->state.status, "ended");
  EXPECT_EQ(every_week->state.cycles_met, 9);
  EXPECT_EQ(every_week->state.cycles_passed, 2);
  EXPECT_EQ(every_week->state.cycles_missed, 1);
  EXPECT_EQ(paused_cycles(*every_week), 1);
  EXPECT_EQ(every_week->state.longest_streak, 6);
  EXPECT_EQ(every_week->state.current_streak, 3);
  EXPECT_EQ(outcomes(*every_week),
            (std::vector<std::string>{"met", "met", "passed", "met", "met", "paused", "met",
                                      "passed", "met", "missed", "met", "met", "met"}));
  EXPECT_EQ(progress_points(*every_week),
            (std::vector<double>{1, 3, 3, 4, 5, 5, 7, 7, 8, 8, 9, 10, 11}));
  EXPECT_EQ(road_points(*every_week),
            (std::vector<double>{1, 2, 2, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10}));
}

// "plugin/milestone@local date:person".
std::vector<std::string> named(const std::vector<ReachedMilestone>& milestones) {
  std::vector<std::string> names;
  for (const auto& milestone : milestones)
    names.push_back(milestone.plugin + "/" + milestone.id + "@" + milestone.local_date +
                    (milestone.person.empty() ? "" : ":" + milestone.person));
  return names;
}

TEST_F(FixtureYear, MilestonesOfTheYearInTheOrderReached) {
  std::vector<ReachedMilestone> milestones = report("en").milestones;
  // The writing goal's is checked in GoalsOnPostsCountOnlyTheUsersOwnPosts.
  std::erase_if(milestones, [](const ReachedMilestone& milestone) {
    return milestone.plugin == "writing" && milestone.id == "goal_reached";
  });
  EXPECT_EQ(named(milestones),
            (std::vector<std::string>{
                "reading/first_book_of_year@2025-01-01",  // 소년이 온다 at 00:30
                "study/first_presentation@2025-01-16",    // QLoRA
                "exercise/first_check_in_of_year@2025-03-02",
                "writing/first_post_in_track@2025-03-09",  // the user's, in 글또 10기
                "writing/first_post_in_track@2025-03-12:김민지",
                "events/first_coffee_chat_with@2025-03-15:김민지",
                "study/tenth_paper@2025-04-03",  // EfficientNet: LoRA read twice counts once
                "events/first_coffee_chat_with@2025-04-26:박서연",
                "hackathon/first_submission@2025-05-10",
                "hackathon/first_award@2025-05-17",  // dated by the results, not the event
                "writing/first_post_in_track@2025-05-20:박서연",
                "events/first_course_completed@2025-06-20",
                "mentoring/first_session_with_mentee@2025-07-12:최유진",
                "mentoring/first_session_with_mentee@2025-07-12:정하늘",
                "mentoring/first_session_with_mentee@2025-07-12:Alex Kim",
                "events/first_talk@2025-08-30",
                "exercise/new_type@2025-09-01",        // running, from San Francisco
                "mentoring/tenth_session@2025-09-06",  // with 2024-12-14's, the tenth
                "exercise/new_type@2025-09-11",        // strength
                "reading/goal_reached@2025-09-21",  // 아주 작은 습관의 힘, the sixth book
                "exercise/new_type@2025-09-24",     // yoga
                "mentoring/ten_hours_with_mentee@2025-10-11:최유진",  // 90+60+60+120+120+180 = 630
                "exercise/new_type@2025-10-16",                       // swimming
                "events/first_coffee_chat_with@2025-11-08:최유진",
                "exercise/new_type@2025-11-26",  // climbing
                // and writing/goal_reached@2025-12-31: see GoalsOnPostsCountOnlyTheUsersOwnPosts
            }));
  for (const auto& milestone : report("en").milestones)
    if (milestone.plugin == "reading" && milestone.id == "goal_reached") {
      EXPECT_EQ(milestone.entry_title, "아주 작은 습관의 힘");
      EXPECT_EQ(milestone.goal, goal(kSixBooks)->goal.id);
    }
}

// The writing goals count posts; a post naming its author is a group member's, gathered from
// their feed: the writing plugin counts it apart ("posts" names no one, "member_posts" some), and
// so must the user's goals on posts. By hand: 12 own posts in 글또 10기, 16 in the year, the 16th
// being "2025년 회고" at 23:30 on Dec 31.
// (Before 5f72e5b the goals counted the members' posts too: 14 and 18, and "올해 글 16편" was
// reached on 08-30 by a member's post.)
TEST_F(FixtureYear, GoalsOnPostsCountOnlyTheUsersOwnPosts) {
  const GoalReport* every_two_weeks = goal(kEveryTwoWeeks);
  ASSERT_NE(every_two_weeks, nullptr);
  EXPECT_EQ(every_two_weeks->state.progress, 12);
  // Own posts so far at each cycle's end.
  EXPECT_EQ(progress_points(*every_two_weeks),
            (std::vector<double>{1, 2, 3, 3, 4, 5, 6, 6, 7, 9, 9, 10, 11, 12}));

  const GoalReport* sixteen = goal(kSixteenPosts);
  ASSERT_NE(sixteen, nullptr);
  EXPECT_EQ(sixteen->state.progress, 16);
  // Month ends: own posts 1, 1, 2, 1, 2, 2, 2, 3, 0, 1, 0, 1 added up.
  EXPECT_EQ(progress_points(*sixteen),
            (std::vector<double>{1, 2, 4, 5, 7, 9, 11, 14, 14, 15, 15, 16}));

  // The year's last milestone: the 16th own post.
  const auto& milestones = report("en").milestones;
  const auto reached =
      std::find_if(milestones.begin(), milestones.end(), [](const auto& milestone) {
        return milestone.plugin == "writing" && milestone.id == "goal_reached";
      });
  ASSERT_NE(reached, milestones.end());
  EXPECT_EQ(reached->local_date, "2025-12-31");
  EXPECT_EQ(reached->entry_title, "2025년 회고");
  EXPECT_EQ(milestones.end() - reached, 1);

  ASSERT_EQ(paragraphs("ko", "writing").size(), 4u);
  EXPECT_EQ(paragraphs("ko", "writing")[2], "‘올해 글 16편’ 목표를 이뤘습니다 (16 / 16).");
  ASSERT_EQ(paragraphs("en", "writing").size(), 4u);
  EXPECT_EQ(paragraphs("en", "writing")[2], "You reached your goal ‘올해 글 16편’ (16 / 16).");
  for (const char* language : {"ko", "en"}) {
    const std::string line = std::string(language) == "ko" ? "16 / 16, 달성" : "16 / 16, achieved";
    EXPECT_NE(world->markdown[language].find(line), std::string::npos) << line;
    EXPECT_NE(world->html[language].find(line), std::string::npos) << line;
  }
}

TEST_F(FixtureYear, PeopleWorkedWithMostAreCountedFromLiveEntries) {
  // 최유진: M2 M3 M6 M7 M9 M12 + a chat = 7; 정하늘: M2 M4 M7 M11 M12 = 5; Alex Kim: M2 M5 M8
  // M12 = 4; 김민지: her post, 2 chats (not the deleted one), 반상회 = 4; 박서연: likewise 4;
  // 오세훈: both contests = 2; 이준호: M1, M10 = 2 (not 2024's); 윤도현: PyCon = 1; 한지우:
  // 프롬프톤 = 1. Ties by name.
  std::vector<std::pair<std::string, int>> people;
  for (const auto& person : report("ko").people) people.emplace_back(person.name, person.entries);
  EXPECT_EQ(people, (std::vector<std::pair<std::string, int>>{{"최유진", 7},
                                                              {"정하늘", 5},
                                                              {"Alex Kim", 4},
                                                              {"김민지", 4},
                                                              {"박서연", 4},
                                                              {"오세훈", 2},
                                                              {"이준호", 2},
                                                              {"윤도현", 1},
                                                              {"한지우", 1}}));
}

TEST_F(FixtureYear, EachPluginsSectionNamesTheHandCountedFigures) {
  std::vector<std::string> with_sections;
  for (const auto& section : report("ko").sections) with_sections.push_back(section.plugin);
  // The study and hackathon plugins write no section.
  EXPECT_EQ(with_sections,
            (std::vector<std::string>{"events", "exercise", "mentoring", "reading", "writing"}));

  EXPECT_EQ(paragraphs("ko", "events"),
            (std::vector<std::string>{
                "올해 행사 2곳에 참석했습니다.", "발표를 1번 했고, 모두 80명이 들었습니다.",
                "커피챗 4번으로 3명을 만났습니다.", "강의 1개를 수료했습니다."}));
  EXPECT_EQ(paragraphs("en", "events"),
            (std::vector<std::string>{
                "You attended 2 events this year.", "You gave 1 talk, to 80 people in all.",
                "You had 4 coffee chats with 3 people.", "You completed 1 course."}));

  // 755 minutes = 12.58 hours; 11 weeks: those of 03-02 (a Sunday), W1, W2, W4, W5, W7, W9, W11,
  // W12, W13 and 12-22..12-28.
  EXPECT_EQ(paragraphs("ko", "exercise"),
            (std::vector<std::string>{"올해 13번 체크인했고, 모두 12.6시간을 들였습니다.",
                                      "체크인이 있었던 주는 모두 11주입니다."}));
  EXPECT_EQ(paragraphs("en", "exercise"),
            (std::vector<std::string>{"You checked in 13 times this year, 12.6 hours in all.",
                                      "You checked in during 11 different weeks."}));

  EXPECT_EQ(paragraphs("ko", "mentoring"),
            (std::vector<std::string>{"멘티 4명과 세션 12번, 모두 17시간을 함께했습니다.",
                                      "가장 자주 만난 멘티는 최유진입니다.",
                                      "아직 마치지 못한 후속 조치가 2개 남아 있습니다."}));
  EXPECT_EQ(paragraphs("en", "mentoring"),
            (std::vector<std::string>{"You held 12 sessions with 4 mentees, 17 hours in all.",
                                      "You met 최유진 most often.",
                                      "2 follow-ups you promised are still open."}));

  EXPECT_EQ(
      paragraphs("ko", "reading"),
      (std::vector<std::string>{"올해 책 7권을 다 읽었습니다 (모두 2,588쪽).",
                                "별 다섯 개를 준 책은 ‘소년이 온다’, ‘작별하지 않는다’입니다.",
                                "‘책 6권’ 목표를 이뤘습니다 (7 / 6)."}));
  EXPECT_EQ(paragraphs("en", "reading"),
            (std::vector<std::string>{"You finished 7 books this year (2,588 pages in all).",
                                      "You gave five stars to ‘소년이 온다’ and ‘작별하지 않는다’.",
                                      "You reached your goal ‘책 6권’ (7 / 6)."}));

  // August has the most own posts (3: 08-10, 08-24, 08-30); the third paragraph, the goal with
  // a target, is checked in GoalsOnPostsCountOnlyTheUsersOwnPosts.
  const auto writing_ko = paragraphs("ko", "writing");
  ASSERT_EQ(writing_ko.size(), 4u);
  EXPECT_EQ(writing_ko[0], "올해 글 16편을 발행했습니다.");
  EXPECT_EQ(writing_ko[1], "가장 많이 쓴 달은 8월입니다.");
  EXPECT_EQ(writing_ko[3], "함께 쓰는 멤버들의 글 2편도 모았습니다.");
  const auto writing_en = paragraphs("en", "writing");
  ASSERT_EQ(writing_en.size(), 4u);
  EXPECT_EQ(writing_en[0], "You published 16 posts this year.");
  EXPECT_EQ(writing_en[1], "Your busiest month was August.");
  EXPECT_EQ(writing_en[3], "You also gathered 2 posts by group members.");
  EXPECT_TRUE(report("ko").failed.empty());
  EXPECT_TRUE(report("ko").unloaded.empty());
}

// Each metric's label and figure as the year at a glance shows them, in Korean and in English:
// the hand counts of EveryMetricOfEveryPluginIsTheHandCount, rounded to a tenth.
struct ShownMetric {
  const char* label_ko;
  const char* figure_ko;
  const char* label_en;
  const char* figure_en;
};
const std::vector<ShownMetric> kShownMetrics = {
    {"참석한 행사", "2 (컨퍼런스 2)", "Events attended", "2 (Conference 2)"},
    {"내가 한 발표", "1", "Talks given", "1"},
    {"발표를 들은 사람", "80", "Audience reached", "80"},
    {"커피챗", "4", "Coffee chats", "4"},
    {"커피챗으로 만난 사람", "3", "People met over coffee", "3"},
    {"커피챗에서 처음 만난 사람", "1", "People first met over coffee", "1"},
    {"행사에서 처음 만난 사람", "1", "People first met at events", "1"},
    {"수료한 강의", "1", "Courses completed", "1"},
    {"체크인", "13 (달리기 6, 근력 운동 2, 요가 2, 수영 1, 등산 1, 클라이밍 1)", "Check-ins",
     "13 (Running 6, Strength 2, Yoga 2, Swimming 1, Hiking 1, Climbing 1)"},
    {"가장 자주 한 운동", "달리기 (6)", "Most frequent", "Running (6)"},
    // 755 / 60 = 12.58; 220 / 60 = 3.67, 100 / 60 = 1.67, 45 / 60 = 0.75.
    {"운동한 시간",
     "12.6시간 (달리기 3.7시간, 등산 3시간, 요가 2시간, 근력 운동 1.7시간, 클라이밍 1.5시간, "
     "수영 0.8시간)",
     "Hours",
     "12.6 hours (Running 3.7 hours, Hiking 3 hours, Yoga 2 hours, Strength 1.7 hours, Climbing "
     "1.5 hours, Swimming 0.8 hours)"},
    {"월평균 체크인", "1.1", "Check-ins per month", "1.1"},  // 13 / 12
    {"가장 길게 쉰 기간", "183일", "Longest break", "183 days"},
    {"참가한 대회", "2", "Events entered", "2"},
    {"수상", "1", "Awards", "1"},
    {"신청부터 제출까지 걸린 날", "34.5일", "Days from registration to submission", "34.5 days"},
    {"세션", "12", "Sessions", "12"},
    {"멘토링 시간", "17시간", "Hours mentored", "17 hours"},
    {"만난 멘티", "4", "Mentees met", "4"},
    {"남은 후속 조치", "2", "Open follow-ups", "2"},
    {"다 읽은 책", "7 (종이책 1, 전자책 1, 오디오북 1)", "Books finished",
     "7 (Print 1, E-book 1, Audiobook 1)"},
    {"읽은 쪽수", "2,588", "Pages read", "2,588"},
    {"월평균 책", "0.6", "Books per month", "0.6"},  // 7 / 12 = 0.58
    {"별 다섯 개 책", "2", "Five-star books", "2"},
    {"참석한 세션", "12", "Sessions attended", "12"},
    {"읽은 논문", "11", "Papers read", "11"},
    {"내 발표", "3", "My presentations", "3"},
    {"발행한 글", "16", "Posts published", "16"},
    {"월평균 글", "1.3", "Posts per month", "1.3"},  // 16 / 12
    {"가장 길게 쉰 기간", "80일", "Longest gap between posts", "80 days"},
    {"모은 멤버 글", "2", "Posts by group members", "2"},
};

// Lines both renderings must hold, in each language: the same hand counts as above.
std::vector<std::string> expected_lines(const std::string& language) {
  const bool ko = language == "ko";
  std::vector<std::string> lines = {
      ko ? "2025년에 기록 81개를 남겼습니다." : "In 2025 you logged 81 entries.",
      ko ? "종료; 주기 14번 중 11번 채움, 놓친 주기 1번, 쓴 패스 2번, 가장 긴 연속 8주기"
         : "ended; met 11 of 14 cycles, missed 1, passes used 2, longest streak 8",
      ko ? "7 / 6, 달성" : "7 / 6, achieved",
      // Milestones by their day in Seoul: the book of 00:30 on Jan 1, the run written on Aug 31
      // at -07:00 (untitled, so named by the plugin; the fixture's host tells no language, so in
      // English), the three mentees of the cohort's first session, the sixth book.
      ko ? "1월 1일 · 그해 처음 다 읽은 책 (소년이 온다)"
         : "Jan 1 · First book of the year (소년이 온다)",
      ko ? "9월 1일 · 새로 시작한 운동 (Running, 30 min)"
         : "Sep 1 · A new kind of exercise (Running, 30 min)",
      ko ? "7월 12일 · 멘티와의 첫 세션 — Alex Kim (9기 첫 만남)"
         : "Jul 12 · First session with a mentee — Alex Kim (9기 첫 만남)",
      ko ? "9월 21일 · 목표 달성: 책 6권 (아주 작은 습관의 힘)"
         : "Sep 21 · Goal reached: 책 6권 (아주 작은 습관의 힘)",
      // 9 met + 1 missed + 2 passed: a paused cycle is none of them.
      ko ? "종료; 주기 12번 중 9번 채움, 놓친 주기 1번, 쓴 패스 2번, 가장 긴 연속 6주기"
         : "ended; met 9 of 12 cycles, missed 1, passes used 2, longest streak 6",
      std::string(ko ? "올해 가장 많이 함께한 사람들입니다: "
                     : "The people you worked with most this year: ") +
          "최유진 (7), 정하늘 (5), Alex Kim (4), 김민지 (4), 박서연 (4), 오세훈 (2), 이준호 (2), "
          "윤도현 (1), 한지우 (1).",
  };
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  for (int month = 0; month < 12; ++month) {
    const std::string count = std::to_string(kEntriesByMonth[month]);
    lines.push_back(ko ? std::to_string(month + 1) + "월 — 기록 " + count + "개"
                       : kMonths[month] + (" — " + count + " entries"));
  }
  return lines;
}

TEST_F(FixtureYear, MarkdownAndHtmlCarryTheSameFigures) {
  for (const char* language : {"ko", "en"}) {
    const std::string& markdown = world->markdown[language];
    const std::string& html = world->html[language];
    const bool korean = std::string(language) == "ko";
    for (const auto& shown : kShownMetrics) {
      const std::string label = korean ? shown.label_ko : shown.label_en;
      const std::string figure = korean ? shown.figure_ko : shown.figure_en;
      EXPECT_NE(markdown.find("- " + label + ": " + figure + "\n"), std::string::npos)
          << language << " Markdown: " << label;
      EXPECT_NE(html.find("<dt>" + label + "</dt><dd>" + figure + "</dd>"), std::string::npos)
          << language << " HTML: " << label;
    }
    for (const auto& line : expected_lines(language)) {
      EXPECT_NE(markdown.find(line), std::string::npos) << language << " Markdown: " << line;
      EXPECT_NE(html.find(line), std::string::npos) << language << " HTML: " << line;
    }
    for (const auto& section : report(language).sections)
      for (const auto& paragraph : section.paragraphs) {
        EXPECT_NE(markdown.find(paragraph + "\n"), std::string::npos) << paragraph;
        EXPECT_NE(html.find("<p>" + paragraph + "</p>"), std::string::npos) << paragraph;
      }
    const bool ko = std::string(language) == "ko";
    // The month table: events, exercise, hackathon, mentoring, reading, study, writing, total.
    EXPECT_NE(markdown.find(ko ? "| 1월 | 0 | 0 | 0 | 0 | 1 | 3 | 1 | 5 |"
                               : "| Jan | 0 | 0 | 0 | 0 | 1 | 3 | 1 | 5 |"),
              std::string::npos);
    EXPECT_NE(markdown.find(ko ? "| 10월 | 0 | 4 | 4 | 1 | 0 | 0 | 1 | 10 |"
                               : "| Oct | 0 | 4 | 4 | 1 | 0 | 0 | 1 | 10 |"),
              std::string::npos);
    EXPECT_NE(html.find(std::string("<tr><th scope=\"row\">") + (ko ? "8월" : "Aug") +
                        "</th><td>3</td><td>0</td><td>0</td><td>4</td><td>0</td><td>0</td>"
                        "<td>3</td><td>10</td></tr>"),
              std::string::npos);
    // The every-week goal's table: W6 paused at 5, W10 missed at 8 against a road of 7.
    EXPECT_NE(markdown.find(ko ? "| 2025년 10월 12일 | 5 | 4 | 쉼 |"
                               : "| 12 Oct 2025 | 5 | 4 | paused |"),
              std::string::npos);
    EXPECT_NE(markdown.find(ko ? "| 2025년 11월 9일 | 8 | 7 | 놓침 |"
                               : "| 9 Nov 2025 | 8 | 7 | missed |"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace hoego
