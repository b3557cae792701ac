// The events plugin through the real host: tidied texts, dates in order, titles and refusals in
// the user's language, milestones (resumed or not) and its year-in-review section.
#include "../support/bundled_plugin_fixture.h"

namespace hoego {
namespace {

using nlohmann::json;

class EventsPlugin : public testing::BundledPluginTest {
 protected:
  EventsPlugin() : BundledPluginTest("events") {}

  // A year among others: a meetup, a conference, coffee chats with three people (김민지 twice),
  // two talks, a course dropped and one completed.
  static json year() {
    return json::array({
        stored(1, "event", "2023-01-14", {{"type", "meetup"}}, {"김민지"}),
        stored(2, "coffee_chat", "2023-01-20", {{"topic", "이직 고민"}}, {"김민지"}),
        stored(3, "course", "2023-02-01", {{"provider", "인프런"}}),
        stored(4, "coffee_chat", "2023-02-28", json::object(), {"이준호", "김민지"}),
        stored(5, "talk", "2023-03-18", {{"event", "FEConf 2023"}, {"audience", 120}}),
        stored(6, "event", "2023-03-18", {{"type", "conference"}}),
        stored(7, "course", "2023-04-03", {{"provider", "Coursera"}, {"completed", true}}),
        stored(8, "talk", "2023-05-20", {{"event", "사내 세미나"}}),
        stored(9, "coffee_chat", "2023-06-02", {{"place", "판교"}}, {"박서연"}),
    });
  }
};

TEST_F(EventsPlugin, TrimsTextsAndNamesUntitledEntriesInTheUsersLanguage) {
  language = "ko";
  auto chat =
      normalized("coffee_chat", {{"topic", "  이직 고민 "}, {"place", " "}}, "", {"김민지"});
  ASSERT_TRUE(chat.ok()) << chat.error().message;
  EXPECT_EQ((*chat)["fields"], json({{"topic", "이직 고민"}}));
  EXPECT_EQ((*chat)["title"], "커피챗 — 이직 고민");
  auto talk = normalized("talk", {{"event", " FEConf 2023 "}, {"audience", 120}});
  ASSERT_TRUE(talk.ok()) << talk.error().message;
  EXPECT_EQ((*talk)["title"], "FEConf 2023 발표");
  language = "en";
  talk = normalized("talk", {{"event", "FEConf 2023"}});
  ASSERT_TRUE(talk.ok()) << talk.error().message;
  EXPECT_EQ((*talk)["title"], "Talk at FEConf 2023");
  auto course = normalized("course", {{"provider", "Coursera"}});
  ASSERT_TRUE(course.ok()) << course.error().message;
  EXPECT_EQ((*course)["title"], "Course — Coursera");
  auto event = normalized("event", {{"type", "meetup"}}, "AWSKRUG 서울");
  ASSERT_TRUE(event.ok()) << event.error().message;
  EXPECT_FALSE(event->contains("title")) << "the user's title stays";
}

TEST_F(EventsPlugin, RefusesDatesOutOfOrderNamingTheFieldInTheUsersLanguage) {
  language = "ko";
  auto event = normalized("event", {{"ends_on", "2023-03-04"}});  // the entry is on 03-05
  ASSERT_FALSE(event.ok());
  EXPECT_EQ(event.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(field_names(event.error()), std::vector<std::string>{"ends_on"});
  EXPECT_EQ(event.error().fields[0].message,
            "마지막 날(2023-03-04)이 행사 날짜(2023-03-05)보다 앞섭니다");
  language = "en";
  auto course = normalized("course", {{"starts_on", "2023-03-01"}, {"ends_on", "2023-02-01"}});
  ASSERT_FALSE(course.ok());
  ASSERT_EQ(field_names(course.error()), std::vector<std::string>{"ends_on"});
  EXPECT_EQ(course.error().fields[0].message,
            "the course ends (2023-02-01) before it starts (2023-03-01)");
  EXPECT_TRUE(normalized("event", {{"ends_on", "2023-03-05"}}).ok()) << "a one-day event";
}

TEST_F(EventsPlugin, RefusesATalkWhoseEventIsBlank) {
  auto talk = normalized("talk", {{"event", "   "}});
  ASSERT_FALSE(talk.ok());
  EXPECT_EQ(field_names(talk.error()), std::vector<std::string>{"event"});
}

// Each person's first coffee chat, the first talk and the first course completed; a person met
// at an event first still has a first coffee chat. Resumed a few entries at a time, the same.
TEST_F(EventsPlugin, DerivesFirstTalkFirstCoffeeChatWithEachPersonAndFirstCourseCompleted) {
  const std::vector<std::string> expected{
      "first_coffee_chat_with#2:김민지", "first_coffee_chat_with#4:이준호", "first_talk#5",
      "first_course_completed#7", "first_coffee_chat_with#9:박서연"};
  EXPECT_EQ(milestones(year()), expected);
  for (std::size_t chunk : {1u, 2u, 4u}) EXPECT_EQ(milestones_resumed(year(), chunk), expected);
}

TEST_F(EventsPlugin, WritesTheSameSectionFromTheWholeYearAndMonthByMonth) {
  for (const char* in : {"ko", "en"})
    EXPECT_EQ(section_of_year(year(), in), section_month_by_month(year(), in));
  EXPECT_EQ(section_month_by_month(year(), "ko")["paragraphs"],
            json({"올해 행사 2곳에 참석했습니다.", "발표를 2번 했고, 모두 120명이 들었습니다.",
                  "커피챗 3번으로 3명을 만났습니다.", "강의 1개를 수료했습니다."}));
  EXPECT_EQ(section_month_by_month(year(), "en")["paragraphs"],
            json({"You attended 2 events this year.", "You gave 2 talks, to 120 people in all.",
                  "You had 3 coffee chats with 3 people.", "You completed 1 course."}));
}

TEST_F(EventsPlugin, WritesNoParagraphsForAYearWithoutEntries) {
  const json section = section_month_by_month(json::array(), "ko");
  EXPECT_EQ(section["title"], "행사와 만남을 돌아보며");
  EXPECT_TRUE(section["paragraphs"].empty());
}

}  // namespace
}  // namespace hoego
