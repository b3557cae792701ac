// hoego import feed from the shell: a writing group's organiser imports each member's feed and
// asks who is at risk this cycle.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

std::string feed(const std::string& name) {
  return std::string(HOEGO_TEST_DATA_DIRECTORY) + "/feeds/" + name;
}

class CliImport : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"김민지", "이준호"}) succeed({"people", "add", name});
    succeed({"track", "add", "글또 7기", "--plugin", "writing", "--from", "2024-09-01", "--until",
             "2025-02-28", "--member", "김민지", "--member", "이준호"});
  }

  RunResult succeed(const std::vector<std::string>& arguments) {
    RunResult result = hoego.run(arguments);
    EXPECT_EQ(result.exit_code, 0) << result;
    return result;
  }

  CliRunner hoego;
};

TEST_F(CliImport, ImportsEachMembersFeedOnceAndShowsWhoIsAtRisk) {
  RunResult first =
      succeed({"import", "feed", feed("tistory.xml"), "--track", "글또 7기", "--person", "김민지"});
  EXPECT_TRUE(contains(first.out, "imported 2 new posts from '민지의 개발 일지'; 0 already there"));
  EXPECT_TRUE(contains(first.out, "글또 7기를 시작하며"));
  RunResult again =
      succeed({"import", "feed", feed("tistory.xml"), "--track", "글또 7기", "--person", "김민지"});
  EXPECT_TRUE(contains(again.out, "imported 0 new posts"));
  EXPECT_TRUE(contains(again.out, "2 already there"));
  json velog = json::parse(succeed({"import", "feed", feed("velog.xml"), "--track", "글또 7기",
                                    "--person", "이준호", "--json"})
                               .out);
  EXPECT_EQ(velog.at("added").size(), 1u);
  EXPECT_EQ(velog.at("added")[0].at("people"), json::array({"이준호"}));

  succeed({"goal", "add", "--title", "2주에 한 편", "--plugin", "writing", "--kind", "post",
           "--track", "글또 7기", "--every", "14d"});
  json goals = json::parse(succeed({"goals", "--track", "글또 7기", "--by-person", "--as-of",
                                    "2024-09-24", "--json"})
                               .out)
                   .at("goals");
  ASSERT_EQ(goals.size(), 2u);
  std::map<std::string, bool> at_risk;
  for (const auto& report : goals)
    at_risk[report.at("person")] = report.at("state").at("at_risk").get<bool>();
  EXPECT_EQ(at_risk, (std::map<std::string, bool>{{"김민지", false}, {"이준호", true}}));
}

TEST_F(CliImport, SaysHowManyPostsWentToNoTrackAndWhy) {
  RunResult text = succeed(
      {"import", "feed", feed("velog_summaries.xml"), "--track", "글또 7기", "--person", "이준호"});
  EXPECT_TRUE(contains(text.out, "imported 4 new posts from 'junho.log'; 0 already there\n"));
  EXPECT_TRUE(contains(
      text.out, "2 of them dated outside '글또 7기' (2024-09-01..2025-02-28) went to no track\n"));

  json summary = json::parse(succeed({"import", "feed", feed("medium_summaries.xml"), "--track",
                                      "글또 7기", "--person", "김민지", "--json"})
                                 .out);
  EXPECT_EQ(summary.at("outside_track"), 0);
  EXPECT_EQ(summary.at("track").at("name"), "글또 7기");
  const json& post = summary.at("added").at(0);
  EXPECT_EQ(post.at("track"), "글또 7기");
  EXPECT_EQ(post.at("tags"), json({"hackathon", "회고"}));
  EXPECT_EQ(post.at("notes").get<std::string>().rfind("해커톤에서 배운 세 가지 첫째, 문제를", 0),
            0u);
}

TEST_F(CliImport, AMalformedFeedIsRefusedWithItsLineAndWritesNothing) {
  const std::string before = hoego.database_fingerprint();
  RunResult result = hoego.run({"import", "feed", feed("malformed.xml"), "--track", "글또 7기"});
  EXPECT_EQ(result.exit_code, 1) << result;
  EXPECT_TRUE(contains(result.err, "line 13: the feed is not well-formed XML"));
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

TEST_F(CliImport, AMissingFileOrUsageIsNamed) {
  RunResult missing = hoego.run({"import", "feed", feed("nothing-here.xml")});
  EXPECT_EQ(missing.exit_code, 1) << missing;
  EXPECT_TRUE(contains(missing.err, "cannot read the feed file"));
  RunResult no_source = hoego.run({"import", "feed"});
  EXPECT_EQ(no_source.exit_code, 2) << no_source;
  RunResult no_format = hoego.run({"import"});
  EXPECT_EQ(no_format.exit_code, 2) << no_format;
}

}  // namespace
}  // namespace hoego::testing
