// Reading RSS 2.0 and Atom 1.0 as the blogs of the product's users publish them.
#include <gtest/gtest.h>
#include <hoego/core/feed.h>

#include <fstream>
#include <sstream>

namespace hoego {
namespace {

std::string feed_file(const std::string& name) {
  std::ifstream file(std::string(HOEGO_TEST_DATA_DIRECTORY) + "/feeds/" + name, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_FALSE(text.str().empty()) << name;
  return text.str();
}

Feed parsed(const std::string& name) {
  auto feed = parse_feed(feed_file(name), "Asia/Seoul");
  EXPECT_TRUE(feed.ok()) << (feed.ok() ? "" : feed.error().message);
  return feed.ok() ? *feed : Feed{};
}

std::string refusal(const std::string& name) {
  auto feed = parse_feed(feed_file(name), "Asia/Seoul");
  EXPECT_FALSE(feed.ok()) << name << " was accepted";
  return feed.ok() ? "" : feed.error().message;
}

TEST(FeedParser, ReadsTistoryRssWithKoreanCdataTitles) {
  Feed feed = parsed("tistory.xml");
  EXPECT_EQ(feed.format, "rss");
  EXPECT_EQ(feed.title, "민지의 개발 일지");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].title, "경량화 스터디 3주차: <Pruning> & Quantization 정리");
  EXPECT_EQ(feed.items[0].url, "https://minji-dev.tistory.com/42");
  EXPECT_EQ(feed.items[0].id, "https://minji-dev.tistory.com/42");
  EXPECT_EQ(feed.items[1].published.iso, "2024-09-08T21:13:05+09:00");
  EXPECT_EQ(feed.items[1].published.utc_seconds, 1725797585);
  EXPECT_EQ(feed.items[0].line, 9);
}

TEST(FeedParser, ReadsMediumRssWhoseGuidIsNotTheLink) {
  Feed feed = parsed("medium.xml");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].id, "https://medium.com/p/1a2b3c4d5e6f");
  EXPECT_EQ(feed.items[0].url,
            "https://medium.com/@junpark/"
            "what-a-year-of-paper-study-taught-me-1a2b3c4d5e6f?source=rss-abc123------2");
  EXPECT_EQ(feed.items[0].published.iso, "2024-10-14T03:12:40+00:00");
}

TEST(FeedParser, ReadsJekyllAtomWithHtmlTitlesAndTheAlternateLink) {
  Feed feed = parsed("github_pages.xml");
  EXPECT_EQ(feed.format, "atom");
  EXPECT_EQ(feed.title, "서연의 블로그");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].title, "해커톤 회고 & 다음 목표");  // type="html", escaped twice
  EXPECT_EQ(feed.items[0].id, "https://seoyeon.github.io/2024/09/20/hackathon-retro");
  EXPECT_EQ(feed.items[0].url, "https://seoyeon.github.io/2024/09/20/hackathon-retro.html");
  EXPECT_EQ(feed.items[0].published.iso, "2024-09-20T09:30:00+09:00");
  // No <published>: <updated> stands in, its fraction of a second dropped; the edit link is not
  // the post's address.
  EXPECT_EQ(feed.items[1].url, "https://seoyeon.github.io/2024/09/05/first.html");
  EXPECT_EQ(feed.items[1].published.iso, "2024-09-05T20:00:00+00:00");
}

TEST(FeedParser, KeepsATistorySummaryAsPlainTextWithItsCategory) {
  Feed feed = parsed("tistory_summaries.xml");
  ASSERT_EQ(feed.items.size(), 2u);
  // CDATA holding HTML: tags, the comment, the ad script and the style gone; a space where a
  // paragraph, line break, caption or list item was; the entities inside the CDATA decoded once.
  EXPECT_EQ(feed.items[0].summary,
            "이번 주에는 Lottery Ticket Hypothesis를 읽었다. 핵심은 \"당첨 복권\" 부분망이다. "
            "그림 1. 가지치기 비율 실험 결과: 파라미터 <10%로도 정확도 유지 & 학습 속도 향상 "
            "다음 주: 양자화 (INT8) — 발표는 김민지…");
  EXPECT_EQ(feed.items[0].categories, std::vector<std::string>{"스터디/경량화"});
}

TEST(FeedParser, BoundsALongSummaryAtAWordAndDropsRepeatedCategories) {
  const FeedItem item = parsed("tistory_summaries.xml").items.at(1);
  size_t characters = 0;
  for (unsigned char c : item.summary) characters += (c & 0xC0) != 0x80;
  EXPECT_LE(characters, kFeedSummaryMaxCharacters);
  EXPECT_GT(characters, kFeedSummaryMaxCharacters - 80) << "cut near the bound, at a word";
  EXPECT_EQ(item.summary.rfind("부스트캠프 AI Tech 4기 CV 트랙에서 멘토로 활동한 지", 0), 0u);
  ASSERT_GE(item.summary.size(), 4u);
  EXPECT_EQ(item.summary.substr(item.summary.size() - 3), "…");
  EXPECT_NE(item.summary[item.summary.size() - 4], ' ') << "no space before the ellipsis";
  EXPECT_EQ(item.summary.find('<'), std::string::npos);
  EXPECT_EQ(item.summary.find('\n'), std::string::npos);
  EXPECT_EQ(item.categories, (std::vector<std::string>{"회고", "멘토링"}));
}

TEST(FeedParser, DecodesAVelogDescriptionEscapedOnceMore) {
  Feed feed = parsed("velog_summaries.xml");
  ASSERT_EQ(feed.items.size(), 4u);
  EXPECT_EQ(feed.items[0].summary, "마무리 스물네 주 동안 열두 편을 썼다. 패스는 두 번 썼다.");
  EXPECT_EQ(feed.items[1].summary, "캐시 무효화는 언제 해야 할까? a < b 일 때만 & 조건부로.")
      << "a '<' that opens no tag is text, and &amp;amp; is one '&' once decoded twice";
  EXPECT_EQ(feed.items[1].categories, (std::vector<std::string>{"react", "frontend"}));
  EXPECT_TRUE(feed.items[0].categories.empty());
}

TEST(FeedParser, TakesAMediumPostsContentWhenItHasNoDescription) {
  Feed feed = parsed("medium_summaries.xml");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].summary,
            "해커톤에서 배운 세 가지 첫째, 문제를 좁혀라. 둘째, 데모가 전부다. 셋째, 팀을 믿어라. "
            "해커톤에서 배운 세 가지 was originally published in Medium on Medium.");
  EXPECT_EQ(feed.items[0].categories, (std::vector<std::string>{"hackathon", "회고"}));
}

TEST(FeedParser, ReadsAtomSummariesOfEveryTypeAndCategoryTerms) {
  Feed feed = parsed("github_pages_summaries.xml");
  ASSERT_EQ(feed.items.size(), 3u);
  EXPECT_EQ(feed.items[0].summary, "2024 서울 프롬프톤을 준비하며. 팀은 셋, 기간은 2주.")
      << "<summary> before <content>";
  EXPECT_EQ(feed.items[0].categories, (std::vector<std::string>{"hackathon", "회고"}))
      << "the term, not the label; a category without a term is none";
  EXPECT_EQ(feed.items[1].summary, "양자화 발표를 했다. 질문이 많았다.") << "inline XHTML";
  EXPECT_EQ(feed.items[2].summary, "") << "content given elsewhere (src=…) has no text here";
}

TEST(FeedParser, DropsControlCharactersFromSummariesAndCategories) {
  const std::string xml = R"(<rss version="2.0"><channel><title>t</title>
<item><title>ok</title><guid>a</guid><pubDate>Sun, 08 Sep 2024 21:13:05 +0900</pubDate>
<description>벨&#7;소리&#x85;&#127; 없이</description><category>회&#27;고</category></item>
</channel></rss>)";
  auto feed = parse_feed(xml, "UTC");
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  EXPECT_EQ(feed->items[0].summary, "벨소리 없이");
  EXPECT_EQ(feed->items[0].categories, std::vector<std::string>{"회고"});
}

// Each of these would take minutes if every '&' or '<' looked to the end of the text again.
TEST(FeedParser, ReadsHostileSummariesInLinearTime) {
  for (const std::string& unit : {"&amp;", "&lt;b ", "&lt;p&gt;&lt;!-", "&lt;a title=&quot;"}) {
    std::string xml = R"(<rss version="2.0"><channel><title>t</title><item><guid>a</guid>)"
                      R"(<pubDate>Sun, 08 Sep 2024 21:13:05 +0900</pubDate><description>)";
    for (int i = 0; i < 200000; ++i) xml += unit;
    xml += "</description></item></channel></rss>";
    auto feed = parse_feed(xml, "UTC");
    ASSERT_TRUE(feed.ok()) << feed.error().message;
    EXPECT_LE(feed->items[0].summary.size(), 3 * kFeedSummaryMaxCharacters) << unit;
  }
}

TEST(FeedParser, NamesTheLineOfMalformedXml) {
  const std::string message = refusal("malformed.xml");
  EXPECT_EQ(message.rfind("line 13: the feed is not well-formed XML", 0), 0u) << message;
}

TEST(FeedParser, NamesTheItemWithABadDate) {
  EXPECT_EQ(refusal("bad_date.xml"),
            "line 10: item 'Thirteenth month': 'Sun, 08 Foo 2024 21:13:05 +0900' is not a date: "
            "unknown month 'Foo'");
}

TEST(FeedParser, NamesTheItemWithoutADate) {
  EXPECT_EQ(refusal("no_date.xml"), "line 10: item 'Undated' has no <pubDate>");
}

TEST(FeedParser, RefusesWhatIsNotRss2OrAtom) {
  EXPECT_EQ(refusal("rdf.xml"),
            "line 2: not an RSS 2.0 or Atom 1.0 feed (its root element is "
            "<rdf:RDF>)");
  EXPECT_NE(parse_feed("<feed><entry/></feed>", "UTC").error().message.find("not an RSS 2.0"),
            std::string::npos)
      << "a <feed> outside the Atom namespace is not Atom";
  EXPECT_NE(parse_feed("", "UTC").error().message.find("not well-formed"), std::string::npos);
  EXPECT_NE(parse_feed("<rss version=\"2.0\"/>", "UTC").error().message.find("<channel>"),
            std::string::npos);
}

TEST(FeedParser, RefusesEncodingsItCannotRead) {
  EXPECT_EQ(refusal("euc_kr.xml"),
            "line 1: the feed is encoded in EUC-KR; only UTF-8 (and Latin-1) feeds can be read");
}

TEST(FeedParser, RefusesAnItemWithNeitherIdNorLink) {
  const std::string xml = R"(<rss version="2.0"><channel><title>t</title>
<item><title>Lost</title><pubDate>Sun, 08 Sep 2024 21:13:05 +0900</pubDate></item>
</channel></rss>)";
  auto feed = parse_feed(xml, "UTC");
  ASSERT_FALSE(feed.ok());
  EXPECT_EQ(feed.error().message, "line 2: item 'Lost' has neither an id nor a link");
}

TEST(FeedParser, KeepsTheFirstOfRepeatedItemsAndDoesNotExpandEntities) {
  const std::string xml = R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&secret;</title>
<item><title>A</title><guid>1</guid><pubDate>Sun, 08 Sep 2024 21:13:05 +0900</pubDate></item>
<item><title>B</title><guid>1</guid><pubDate>Sun, 08 Sep 2024 21:13:05 +0900</pubDate></item>
</channel></rss>)";
  auto feed = parse_feed(xml, "UTC");
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  ASSERT_EQ(feed->items.size(), 1u);
  EXPECT_EQ(feed->items[0].title, "A");
  EXPECT_EQ(feed->title, "&secret;");  // left as written: no DTD, no file read
}

TEST(FeedParser, SurvivesHostileNestingAndHugeDates) {
  std::string deep = R"(<rss version="2.0"><channel><title>)";
  for (int i = 0; i < 100000; ++i) deep += "<b>";
  deep += "deep";
  for (int i = 0; i < 100000; ++i) deep += "</b>";
  deep += "</title></channel></rss>";
  auto feed = parse_feed(deep, "UTC");
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  EXPECT_EQ(feed->title, "deep");
  auto huge = parse_feed_date(std::string(1 << 20, '1'), "UTC");
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.error().message.find("is not a date"), std::string::npos);
}

struct DateCase {
  const char* text;
  const char* iso;
};

void PrintTo(const DateCase& date, std::ostream* out) { *out << '"' << date.text << '"'; }

class FeedDates : public ::testing::TestWithParam<DateCase> {};

TEST_P(FeedDates, ReadAsPublished) {
  auto moment = parse_feed_date(GetParam().text, "Asia/Seoul");
  ASSERT_TRUE(moment.ok()) << moment.error().message;
  EXPECT_EQ(moment->iso, GetParam().iso);
}

INSTANTIATE_TEST_SUITE_P(
    Rfc822AndIso8601, FeedDates,
    ::testing::Values(DateCase{"Sun, 08 Sep 2024 21:13:05 +0900", "2024-09-08T21:13:05+09:00"},
                      DateCase{"8 Sep 2024 21:13 +0900", "2024-09-08T21:13:00+09:00"},
                      DateCase{"Mon, 14 Oct 2024 03:12:40 GMT", "2024-10-14T03:12:40+00:00"},
                      DateCase{"Tue, 01 Jan 2019 09:00:00 EST", "2019-01-01T09:00:00-05:00"},
                      DateCase{"Sun, 08 Sep 2024 21:13:05 KST", "2024-09-08T21:13:05+09:00"},
                      DateCase{"sun, 08 september 24 21:13:05 -0430", "2024-09-08T21:13:05-04:30"},
                      DateCase{"2024-09-08T21:13:05+09:00", "2024-09-08T21:13:05+09:00"},
                      DateCase{"2024-09-08T12:13:05.120Z", "2024-09-08T12:13:05+00:00"},
                      DateCase{"2024-09-08", "2024-09-08T00:00:00+09:00"}));

class BadFeedDates : public ::testing::TestWithParam<const char*> {};

TEST_P(BadFeedDates, AreRefusedByName) {
  auto moment = parse_feed_date(GetParam(), "Asia/Seoul");
  ASSERT_FALSE(moment.ok());
  EXPECT_NE(moment.error().message.find(GetParam()), std::string::npos) << moment.error().message;
}

INSTANTIATE_TEST_SUITE_P(Malformed, BadFeedDates,
                         ::testing::Values("", "yesterday", "Sun, 30 Feb 2024 10:00:00 +0900",
                                           "Sun, 08 Sep 2024 25:00:00 +0900",
                                           "Sun, 08 Sep 2024 21:13:05 +2500",
                                           "Sun, 08 Sep 2024 21:13:05 XYZ",
                                           "Sun, 08 Sep 2024 21:13:05", "2024-13-01T00:00:00Z"));

}  // namespace
}  // namespace hoego
