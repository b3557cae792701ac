// The reading plugin through the real host: a book needs its title, the day it was started comes
// no later than the entry's date (the day it was finished), refusals in the user's language,
// milestones without a built-in target, and its year-in-review section.
#include "../support/bundled_plugin_fixture.h"

namespace hoego {
namespace {

using nlohmann::json;

class ReadingPlugin : public testing::BundledPluginTest {
 protected:
  ReadingPlugin() : BundledPluginTest("reading") {}

  // Seven books over two years; 2023 has six, two of them rated five.
  static json books() {
    return json::array({
        stored(1, "book", "2022-11-20", {{"author", "김초엽"}, {"rating", 4}}, {},
               "지구 끝의 온실"),
        stored(2, "book", "2023-01-08", {{"author", "한강"}, {"pages", 247}, {"rating", 5}}, {},
               "소년이 온다"),
        stored(3, "book", "2023-02-19", {{"pages", 320}}, {}, "Clean Architecture"),
        stored(4, "book", "2023-02-27", {{"rating", 3}}, {}, "데미안"),
        stored(5, "book", "2023-05-02", {{"pages", 500}, {"rating", 5}}, {},
               "Designing Data-Intensive Applications"),
        stored(6, "book", "2023-08-15", json::object(), {}, "불편한 편의점"),
        stored(7, "book", "2023-12-31", {{"pages", 181}}, {}, "아몬드"),
    });
  }

  // The entries of 2023 alone, as the host hands a year's section.
  static json books_of_2023() {
    json year = books();
    year.erase(0);
    return year;
  }
};

TEST_F(ReadingPlugin, TidiesTheAuthorAndKeepsTheUsersFields) {
  auto book = normalized("book", {{"author", " 한강 "}, {"pages", 247}, {"started", "2023-03-01"}},
                         "소년이 온다");
  ASSERT_TRUE(book.ok()) << book.error().message;
  EXPECT_EQ((*book)["fields"],
            json({{"author", "한강"}, {"pages", 247}, {"started", "2023-03-01"}}));
  EXPECT_FALSE(book->contains("title"));
  auto started_that_day = normalized("book", {{"started", "2023-03-05"}}, "단편집");
  EXPECT_TRUE(started_that_day.ok()) << "started and finished on the entry's day";
}

TEST_F(ReadingPlugin, RefusesABookWithoutATitleInTheUsersLanguage) {
  language = "ko";
  auto book = normalized("book", {{"author", "한강"}}, "  ");
  ASSERT_FALSE(book.ok());
  EXPECT_EQ(book.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(field_names(book.error()), std::vector<std::string>{"title"});
  EXPECT_EQ(book.error().fields[0].message, "책 제목을 항목 제목에 적어 주세요");
  language = "en";
  book = normalized("book", {{"author", "한강"}});
  ASSERT_FALSE(book.ok());
  EXPECT_EQ(book.error().fields[0].message, "a book needs its title as the entry's title");
}

TEST_F(ReadingPlugin, RefusesABookStartedAfterTheDayItWasFinished) {
  language = "ko";
  auto book = normalized("book", {{"started", "2023-03-06"}}, "소년이 온다");
  ASSERT_FALSE(book.ok());
  ASSERT_EQ(field_names(book.error()), std::vector<std::string>{"started"});
  EXPECT_EQ(book.error().fields[0].message,
            "읽기 시작한 날(2023-03-06)이 다 읽은 날(2023-03-05, 항목의 날짜)보다 늦습니다");
  language = "en";
  auto both = normalized("book", {{"started", "2023-04-01"}});
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(field_names(both.error()), (std::vector<std::string>{"title", "started"}));
  EXPECT_EQ(both.error().fields[1].message,
            "the day you started (2023-04-01) is after the day you finished (2023-03-05, the "
            "entry's date)");
}

// The first book of each year and the first rated five; no "sixth book": six books is the
// user's goal, whose reaching the core finds, never a number inside the plugin.
TEST_F(ReadingPlugin, DerivesTheFirstBookOfEachYearAndTheFirstFiveStarBookOnly) {
  const std::vector<std::string> expected{"first_book_of_year#1", "first_book_of_year#2",
                                          "first_five_star_book#2"};
  EXPECT_EQ(milestones(books()), expected);
  for (std::size_t chunk : {1u, 3u}) EXPECT_EQ(milestones_resumed(books(), chunk), expected);
}

TEST_F(ReadingPlugin, WritesTheSameSectionFromTheWholeYearAndMonthByMonth) {
  const json goals = json::array({{{"id", 1},
                                   {"title", "책 6권"},
                                   {"kind", "book"},
                                   {"target", 6},
                                   {"progress", 6},
                                   {"status", "achieved"},
                                   {"met", true}}});
  for (const char* in : {"ko", "en"})
    EXPECT_EQ(section_of_year(books_of_2023(), in, goals),
              section_month_by_month(books_of_2023(), in, goals));
  EXPECT_EQ(
      section_month_by_month(books_of_2023(), "ko", goals)["paragraphs"],
      json({"올해 책 6권을 다 읽었습니다 (모두 1,248쪽).",
            "별 다섯 개를 준 책은 ‘소년이 온다’, ‘Designing Data-Intensive Applications’입니다.",
            "‘책 6권’ 목표를 이뤘습니다 (6 / 6)."}));
  EXPECT_EQ(section_month_by_month(books_of_2023(), "en", goals)["paragraphs"],
            json({"You finished 6 books this year (1,248 pages in all).",
                  "You gave five stars to ‘소년이 온다’ and ‘Designing Data-Intensive "
                  "Applications’.",
                  "You reached your goal ‘책 6권’ (6 / 6)."}));
}

// With more than three five-star books, the paragraph counts them rather than naming them all.
TEST_F(ReadingPlugin, CountsFiveStarBooksWhenThereAreMany) {
  json year = json::array();
  for (int64_t id = 1; id <= 4; ++id)
    year.push_back(stored(id, "book", "2023-0" + std::to_string(id) + "-10", {{"rating", 5}}, {},
                          "책 " + std::to_string(id)));
  EXPECT_EQ(section_month_by_month(year, "ko")["paragraphs"],
            json({"올해 책 4권을 다 읽었습니다.", "별 다섯 개를 준 책이 4권입니다."}));
  EXPECT_EQ(section_month_by_month(year, "en")["paragraphs"],
            json({"You finished 4 books this year.", "You gave five stars to 4 books."}));
}

TEST_F(ReadingPlugin, WritesNoParagraphsForAYearWithoutBooks) {
  const json section = section_month_by_month(json::array(), "en");
  EXPECT_EQ(section["title"], "Looking back on reading");
  EXPECT_TRUE(section["paragraphs"].empty());
}

}  // namespace
}  // namespace hoego
