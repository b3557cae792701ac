// The organiser's commands as a shell runs them: hoego track member add|import in ko and en,
// their exit codes and refusals that write nothing, and hoego feeds / feeds poll against blogs
// this file serves on loopback.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "../cli/cli_runner.h"
#include "../support/feed_fixture_server.h"

namespace hoego::cli_feeds_test {
namespace {

using testing::CliRunner;
using testing::contains;
using testing::FeedFixtureServer;
using testing::RunResult;

const std::map<std::string, std::string> kKorean = {{"HOEGO_LANG", "ko"}};

class CliMembers : public ::testing::Test {
 protected:
  void SetUp() override {
    const RunResult added = hoego.run({"track", "add", "글또 10기", "--plugin", "writing", "--from",
                                       "2026-09-01", "--until", "2027-02-28"});
    ASSERT_EQ(added.exit_code, 0) << added;
  }

  std::string write_file(const std::string& name, const std::string& text) {
    const auto path = hoego.data_directory() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  CliRunner hoego;
};

TEST_F(CliMembers, AddSaysWhatItDidInEitherLanguage) {
  const RunResult english = hoego.run(
      {"track", "member", "add", "글또 10기", "김민준", "--feed", "https://minjun.example/rss"});
  ASSERT_EQ(english.exit_code, 0) << english;
  EXPECT_EQ(english.out,
            "member of '글또 10기': 김민준  https://minjun.example/rss\n"
            "added 김민준 to the people\n");

  const RunResult korean = hoego.run(
      {"track", "member", "add", "글또 10기", "박지호", "--feed", "https://jiho.example/rss"},
      kKorean);
  ASSERT_EQ(korean.exit_code, 0) << korean;
  EXPECT_EQ(korean.out,
            "'글또 10기' 멤버: 박지호  https://jiho.example/rss\n"
            "사람 목록에 박지호을(를) 새로 추가했습니다\n");

  const RunResult json = hoego.run({"track", "member", "add", "글또 10기", "김민준", "--feed",
                                    "https://minjun.example/feed.xml", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json;
  const auto answer = nlohmann::json::parse(json.out);
  EXPECT_EQ(answer.at("person_created"), false);
  EXPECT_EQ(answer.at("track").at("feeds").at("김민준"), "https://minjun.example/feed.xml");
}

TEST_F(CliMembers, ABadFeedExitsOneAndWritesNothing) {
  const std::string before = hoego.database_fingerprint();
  const RunResult english = hoego.run(
      {"track", "member", "add", "글또 10기", "김민준", "--feed", "ftp://minjun.example/rss"});
  EXPECT_EQ(english.exit_code, 1) << english;
  EXPECT_EQ(english.out, "");
  EXPECT_TRUE(contains(english.err, "'ftp://minjun.example/rss' is not a feed address"));
  const RunResult korean = hoego.run(
      {"track", "member", "add", "글또 10기", "김민준", "--feed", "minjun.example"}, kKorean);
  EXPECT_EQ(korean.exit_code, 1) << korean;
  EXPECT_TRUE(contains(korean.err, "피드 주소가 아닙니다"));
  const RunResult no_track = hoego.run({"track", "member", "add", "글또 99기", "김민준"});
  EXPECT_EQ(no_track.exit_code, 1) << no_track;
  EXPECT_TRUE(contains(no_track.err, "글또 99기"));
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

TEST_F(CliMembers, ImportReadsACohortFileOrRefusesItWhole) {
  const std::string good = write_file("cohort.csv",
                                      "\xEF\xBB\xBF이름,피드\r\n"
                                      "김민준,https://minjun.example/rss\r\n"
                                      "\"Park, Jiho\",https://jiho.example/rss\r\n"
                                      "이서연,\r\n");
  const RunResult korean = hoego.run({"track", "member", "import", "글또 10기", good}, kKorean);
  ASSERT_EQ(korean.exit_code, 0) << korean;
  EXPECT_EQ(korean.out,
            "'글또 10기' 멤버: 3명 추가, 0명 피드 변경, 0명 그대로 (새 사람 3명; 'hoego undo'로 "
            "되돌립니다)\n");
  const RunResult english = hoego.run({"track", "member", "import", "글또 10기", good});
  ASSERT_EQ(english.exit_code, 0) << english;
  EXPECT_EQ(english.out,
            "members of '글또 10기': 0 added, 0 with a new feed, 3 unchanged (new people: 0; "
            "'hoego undo' reverts it)\n");

  const std::string before = hoego.database_fingerprint();
  const std::string bad = write_file("bad.csv",
                                     "이름,피드\n"
                                     "정하늘,https://haneul.example/rss\n"
                                     "최유진,https://yujin example/rss\n");
  const RunResult refused = hoego.run({"track", "member", "import", "글또 10기", bad}, kKorean);
  EXPECT_EQ(refused.exit_code, 1) << refused;
  EXPECT_TRUE(contains(refused.err, "아무것도 가져오지 않았습니다: 3번째 행"));
  const RunResult refused_en = hoego.run({"track", "member", "import", "글또 10기", bad});
  EXPECT_EQ(refused_en.exit_code, 1) << refused_en;
  EXPECT_TRUE(contains(refused_en.err, "nothing was imported: row 3:"));
  const RunResult missing =
      hoego.run({"track", "member", "import", "글또 10기", "/nonexistent/members.csv"});
  EXPECT_EQ(missing.exit_code, 1) << missing;
  EXPECT_TRUE(contains(missing.err, "cannot read the members file '/nonexistent/members.csv'"));
  EXPECT_EQ(hoego.database_fingerprint(), before);

  const RunResult undone = hoego.run({"undo"});
  ASSERT_EQ(undone.exit_code, 0) << undone;
  const RunResult shown = hoego.run({"track", "show", "글또 10기", "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown;
  EXPECT_TRUE(nlohmann::json::parse(shown.out).at("members").empty()) << shown.out;
}

TEST_F(CliMembers, FeedsListsEachFeedAndPollFetchesThem) {
  FeedFixtureServer blogs;
  blogs.serve_feed("/minjun/rss",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                   "<title>김민준의 개발 일지</title>"
                   "<item><title>글또 첫 글</title><link>https://minjun.example/posts/1</link>"
                   "<pubDate>Tue, 10 Nov 2026 21:30:00 +0900</pubDate></item>"
                   "</channel></rss>");
  ASSERT_EQ(hoego
                .run({"track", "member", "add", "글또 10기", "김민준", "--feed",
                      blogs.url("/minjun/rss")})
                .exit_code,
            0);
  ASSERT_EQ(
      hoego.run({"track", "member", "add", "글또 10기", "박지호", "--feed", blogs.url("/gone/rss")})
          .exit_code,
      0);

  const RunResult before = hoego.run({"feeds"});
  ASSERT_EQ(before.exit_code, 0) << before;
  EXPECT_TRUE(contains(before.out, "김민준  (글또 10기)  " + blogs.url("/minjun/rss")));
  EXPECT_TRUE(contains(before.out, "not fetched yet"));

  const RunResult polled = hoego.run({"feeds", "poll", "--json"});
  ASSERT_EQ(polled.exit_code, 0) << polled;
  const auto round = nlohmann::json::parse(polled.out);
  EXPECT_EQ(round.at("feeds"), 2);
  EXPECT_EQ(round.at("fetched"), 1);
  EXPECT_EQ(round.at("failed"), 1);
  EXPECT_EQ(round.at("new_posts"), 1);
  ASSERT_EQ(round.at("failures").size(), 1u);
  EXPECT_EQ(round.at("failures").at(0).at("person"), "박지호");
  EXPECT_EQ(round.at("failures").at(0).at("result"), "failed");
  EXPECT_TRUE(contains(round.at("failures").at(0).at("error").at("ko"), "HTTP 404"));

  const RunResult listed = hoego.run({"feeds", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed;
  const auto feeds = nlohmann::json::parse(listed.out).at("feeds");
  ASSERT_EQ(feeds.size(), 2u);
  EXPECT_EQ(feeds.at(0).at("person"), "김민준");
  EXPECT_EQ(feeds.at(0).at("result"), "new");
  EXPECT_EQ(feeds.at(0).at("new_posts"), 1);
  EXPECT_TRUE(feeds.at(0).at("error").is_null());
  EXPECT_EQ(feeds.at(1).at("failures"), 1);
  EXPECT_FALSE(feeds.at(1).at("next_fetch_after").is_null());

  const RunResult korean = hoego.run({"feeds"}, kKorean);
  ASSERT_EQ(korean.exit_code, 0) << korean;
  EXPECT_TRUE(contains(korean.out, "가져옴: 새 글 1개"));
  EXPECT_TRUE(contains(korean.out, "실패 (연속 1번): 피드를 가져오지 못했습니다"));
  EXPECT_TRUE(contains(korean.out, "; 다음 시도 "));

  // Nothing new: the blog answers 304, and the text says so.
  const RunResult again = hoego.run({"feeds", "poll"});
  ASSERT_EQ(again.exit_code, 0) << again;
  EXPECT_TRUE(contains(again.out, "fetched 1 of 2 feeds in "));
  EXPECT_TRUE(contains(again.out, ": 0 new posts, 1 unchanged, 0 failed, 1 left for later\n"));
  EXPECT_EQ(blogs.counts("/minjun/rss").not_modified, 1u);
  const RunResult all = hoego.run({"feeds", "poll", "--all"}, kKorean);
  ASSERT_EQ(all.exit_code, 0) << all;
  EXPECT_TRUE(contains(all.out, "새 글 0개, 바뀐 것 없음 1개, 실패 1개, 나중에 0개\n"));
  EXPECT_TRUE(contains(all.out, "  박지호 (글또 10기): 피드를 가져오지 못했습니다"));
  const RunResult english = hoego.run({"feeds"});
  EXPECT_TRUE(contains(english.out, "failed "));
  EXPECT_TRUE(contains(english.out, " (2 in a row): could not fetch '"));
  EXPECT_TRUE(contains(english.out, ": nothing new"));
}

}  // namespace
}  // namespace hoego::cli_feeds_test
