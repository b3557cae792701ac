// The kept GET answers: reused only in the very state they were given in.
#include "../../core/src/http/response_cache.h"

#include <gtest/gtest.h>

namespace hoego::http {
namespace {

httplib::Request request(const std::string& path,
                         std::initializer_list<std::pair<std::string, std::string>> query = {}) {
  httplib::Request made;
  made.method = "GET";
  made.path = path;
  for (const auto& [name, value] : query) made.params.emplace(name, value);
  return made;
}

httplib::Response response(const std::string& body, int status = 200) {
  httplib::Response made;
  made.status = status;
  made.set_content(body, "application/json; charset=utf-8");
  return made;
}

const DataState kMonday{7, 100, "Asia/Seoul", "2026-11-23"};

TEST(ResponseCache, AnswersTheSameRequestInTheSameState) {
  ResponseCache cache;
  cache.keep(request("/api/v1/dashboard", {{"year", "2026"}}), kMonday, kMonday,
             response("{\"cards\":[]}"));
  httplib::Response answer;
  ASSERT_TRUE(cache.answer(request("/api/v1/dashboard", {{"year", "2026"}}), kMonday, answer));
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.body, "{\"cards\":[]}");
  EXPECT_EQ(answer.get_header_value("Content-Type"), "application/json; charset=utf-8");

  httplib::Response other;
  EXPECT_FALSE(cache.answer(request("/api/v1/dashboard", {{"year", "2025"}}), kMonday, other));
  EXPECT_FALSE(cache.answer(request("/api/v1/dashboard"), kMonday, other));
  EXPECT_FALSE(cache.answer(request("/api/v1/heatmap", {{"year", "2026"}}), kMonday, other));
}

// The route sets Content-Language from Accept-Language before the cache is asked: a report or a
// plugin's words in Korean must not answer a page that reads English.
TEST(ResponseCache, KeepsAnAnswerPerLanguage) {
  ResponseCache cache;
  auto korean = response("{\"title\":\"2026년 회고\"}");
  korean.set_header("Content-Language", "ko");
  cache.keep(request("/api/v1/report"), kMonday, kMonday, korean);
  httplib::Response english;
  english.set_header("Content-Language", "en");
  EXPECT_FALSE(cache.answer(request("/api/v1/report"), kMonday, english));
  httplib::Response again;
  again.set_header("Content-Language", "ko");
  ASSERT_TRUE(cache.answer(request("/api/v1/report"), kMonday, again));
  EXPECT_EQ(again.body, korean.body);
}

TEST(ResponseCache, ForgetsEverythingWhenTheDataOrTheDayMovesOn) {
  const auto dashboard = request("/api/v1/dashboard");
  for (const DataState& later : {DataState{8, 100, "Asia/Seoul", "2026-11-23"},
                                 DataState{7, 101, "Asia/Seoul", "2026-11-23"},
                                 DataState{7, 100, "Europe/Berlin", "2026-11-23"},
                                 DataState{7, 100, "Asia/Seoul", "2026-11-24"}}) {
    ResponseCache cache;
    cache.keep(dashboard, kMonday, kMonday, response("before"));
    httplib::Response answer;
    EXPECT_FALSE(cache.answer(dashboard, later, answer))
        << later.others << later.own << later.today;
  }
}

TEST(ResponseCache, KeepsWhatTheServerDerivedButNotWhatAnotherWriterMayHaveChanged) {
  const auto dashboard = request("/api/v1/dashboard");
  const DataState derived{7, 130, "Asia/Seoul",
                          "2026-11-23"};  // the server kept figures while answering
  ResponseCache cache;
  cache.keep(dashboard, kMonday, derived, response("kept"));
  httplib::Response answer;
  EXPECT_TRUE(cache.answer(dashboard, derived, answer));

  ResponseCache raced;
  raced.keep(dashboard, kMonday, DataState{8, 100, "Asia/Seoul", "2026-11-23"}, response("raced"));
  EXPECT_FALSE(raced.answer(dashboard, DataState{8, 100, "Asia/Seoul", "2026-11-23"}, answer));
  raced.keep(dashboard, kMonday, DataState{7, 100, "Asia/Seoul", "2026-11-24"},
             response("midnight"));
  EXPECT_FALSE(raced.answer(dashboard, DataState{7, 100, "Asia/Seoul", "2026-11-24"}, answer));
}

TEST(ResponseCache, KeepsOnlySuccessesInAKnownState) {
  const auto entry = request("/api/v1/entries/9");
  ResponseCache cache;
  cache.keep(entry, kMonday, kMonday, response("{\"error\":{}}", 404));
  httplib::Response answer;
  EXPECT_FALSE(cache.answer(entry, kMonday, answer));
  const DataState unknown{-1, 100, "Asia/Seoul", "2026-11-23"};
  cache.keep(entry, unknown, unknown, response("{}"));
  EXPECT_FALSE(cache.answer(entry, unknown, answer));
}

TEST(ResponseCache, TellsApartRequestsWhoseDecodedPartsHoldAnyByte) {
  ResponseCache cache;
  // ?kind=post%00plugin%00writing decodes to one parameter holding NULs.
  cache.keep(request("/api/v1/entries", {{"kind", std::string("post\0plugin\0writing", 20)}}),
             kMonday, kMonday, response("{\"entries\":[]}"));
  httplib::Response answer;
  EXPECT_FALSE(cache.answer(request("/api/v1/entries", {{"kind", "post"}, {"plugin", "writing"}}),
                            kMonday, answer));
}

TEST(ResponseCache, KeepsNoAnswerTooBigToHold) {
  const auto everything = request("/api/v1/entries", {{"limit", "0"}});
  ResponseCache cache;
  cache.keep(everything, kMonday, kMonday, response(std::string(5u << 20, 'x')));
  httplib::Response answer;
  EXPECT_FALSE(cache.answer(everything, kMonday, answer));
}

}  // namespace
}  // namespace hoego::http
