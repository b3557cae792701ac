// The writing plugin through the real host: platforms and titles from URLs, and milestones.
#include <gtest/gtest.h>
#include <hoego/core/plugin_host.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace hoego {
namespace {

using nlohmann::json;

class WritingPlugin : public ::testing::Test {
 protected:
  void SetUp() override {
    host.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    plugin = host.find("writing");
    ASSERT_NE(plugin, nullptr);
  }

  static json post_request(json fields, std::string title = "") {
    return json{{"kind", "post"},
                {"kind_version", 1},
                {"title", title},
                {"notes", ""},
                {"when", "2022-05-15T23:40:00+09:00"},
                {"people", json::array()},
                {"tags", json::array()},
                {"fields", fields}};
  }

  // A stored post published at `when` (+09:00), in `track` (null: in none).
  static json stored_post(int64_t id, const std::string& when, json track) {
    return json{{"id", id},
                {"kind", "post"},
                {"when", when},
                {"local_date", when.substr(0, 10)},
                {"title", ""},
                {"people", json::array()},
                {"tags", json::array()},
                {"track", std::move(track)},
                {"fields", {{"platform", "tistory"}}}};
  }

  // The 5th or 19th of each month, for the index-th post (1-based) of a year.
  static std::string fortnightly(int year, int index) {
    const int month = (index + 1) / 2;
    return std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + "-" +
           (index % 2 == 1 ? "05" : "19") + "T22:00:00+09:00";
  }

  Result<json> normalized(json fields, std::string title = "") {
    return plugin->normalize_entry(post_request(std::move(fields), std::move(title)));
  }

  PluginHost host;
  const LoadedPlugin* plugin = nullptr;
};

TEST_F(WritingPlugin, InfersThePlatformFromTheUrlsHost) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"https://minji.tistory.com/entry/%ED%9A%8C%EA%B3%A0", "tistory"},
      {"https://velog.io/@minji/%ED%9A%8C%EA%B3%A0", "velog"},
      {"https://medium.com/@minji/retrospective-3f2a1b9c", "medium"},
      {"https://minji.medium.com/retrospective-3f2a1b9c", "medium"},
      {"https://Minji.GitHub.io/2022/05/15/retrospective/", "github_pages"},
      {"https://brunch.co.kr/@minji/12", "brunch"},
  };
  for (const auto& [url, platform] : cases) {
    auto answer = normalized({{"url", url}});
    ASSERT_TRUE(answer.ok()) << url << ": " << answer.error().message;
    EXPECT_EQ((*answer)["fields"].value("platform", ""), platform) << url;
  }
}

TEST_F(WritingPlugin, LeavesThePlatformOutForAnUnknownHost) {
  for (const std::string url : {"https://minji.dev/posts/retrospective",
                                "https://notmedium.com/retrospective", "https://tistory.com/"}) {
    auto answer = normalized({{"url", url}});
    ASSERT_TRUE(answer.ok()) << url << ": " << answer.error().message;
    EXPECT_FALSE((*answer)["fields"].contains("platform")) << url;
  }
}

TEST_F(WritingPlugin, KeepsThePlatformTheUserChose) {
  auto answer = normalized({{"url", "https://minji.tistory.com/42"}, {"platform", "other"}});
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ((*answer)["fields"]["platform"], "other");
}

TEST_F(WritingPlugin, StripsWhiteSpaceAroundTheUrl) {
  auto answer = normalized({{"url", "https://velog.io/@minji/first-post \n"}, {"word_count", 812}});
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ((*answer)["fields"]["url"], "https://velog.io/@minji/first-post");
  EXPECT_EQ((*answer)["fields"]["word_count"], 812);
}

TEST_F(WritingPlugin, NamesAnUntitledPostAfterTheUrlsLastSegmentDecoded) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"https://minji.tistory.com/entry/"
       "%EA%B8%80%EB%98%90-7%EA%B8%B0-%EB%8B%A4%EC%A7%90%EA%B8%80?category=1",
       "글또-7기-다짐글"},
      {"https://minji.github.io/2022/05/15/retrospective/", "retrospective"},
      {"https://velog.io/@minji/%EC%B2%AB-%EA%B8%80#comments", "첫-글"},
      // Not UTF-8 once decoded: the segment stays as written.
      {"https://minji.dev/posts/%FF%FE", "%FF%FE"},
      {"https://minji.tistory.com", "글"},
  };
  for (const auto& [url, title] : cases) {
    auto answer = normalized({{"url", url}});
    ASSERT_TRUE(answer.ok()) << url << ": " << answer.error().message;
    EXPECT_EQ((*answer)["title"], title) << url;
  }
  auto without_url = normalized({{"word_count", 1200}});
  ASSERT_TRUE(without_url.ok()) << without_url.error().message;
  EXPECT_EQ((*without_url)["title"], "글");
}

TEST_F(WritingPlugin, KeepsTheTitleTheUserGave) {
  auto answer = normalized({{"url", "https://velog.io/@minji/first-post"}}, "글또 7기 첫 글");
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_FALSE(answer->contains("title"));
}

// The first post of each track; no "sixteenth post": a target is the user's goal, whose
// reaching the core finds (MilestoneService, goal_reached), never a number in the plugin.
TEST_F(WritingPlugin, DerivesTheFirstPostOfEachTrackAndNoBuiltInTarget) {
  json entries = json::array();
  // 2022: posts #1–#15; #1–#3 on a personal blog outside any track (no member, then null),
  // #4 on is 글또 7기.
  for (int64_t id = 1; id <= 15; ++id) {
    json track = id >= 4 ? json("글또 7기") : json(nullptr);
    entries.push_back(stored_post(id, fortnightly(2022, static_cast<int>(id)), track));
  }
  entries[0].erase("track");
  // #16 just after midnight on New Year's Day, 2022 in UTC: the first post of 2023, not the
  // sixteenth of 2022.
  entries.push_back(stored_post(16, "2023-01-01T00:30:00+09:00", nullptr));
  // 2023: #17–#31, 글또 8기 with one post (#24) for a blog challenge.
  for (int64_t id = 17; id <= 31; ++id) {
    json track = id == 24 ? json("기술 블로그 챌린지") : json("글또 8기");
    entries.push_back(stored_post(id, fortnightly(2023, static_cast<int>(id - 16)), track));
  }
  auto answer = plugin->derive_milestones(json{{"entries", entries}});
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  std::vector<std::string> reached;
  for (const auto& milestone : (*answer)["milestones"])
    reached.push_back(milestone["id"].get<std::string>() + "#" +
                      std::to_string(milestone["entry_id"].get<int64_t>()));
  std::sort(reached.begin(), reached.end());
  EXPECT_EQ(reached, (std::vector<std::string>{"first_post_in_track#17", "first_post_in_track#24",
                                               "first_post_in_track#4"}));
}

}  // namespace
}  // namespace hoego
