// The CLI's --json and the API answer the same question with the same object: one small Korean
// year is written through the API, then every read command is asked on the same data directory
// and its output compared with the matching endpoint's answer, byte for byte as JSON.
#include <map>

#include "../cli/cli_runner.h"
#include "server_fixture.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

class SameAnswers : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    add_person("김민지");
    add_person("이준호");
    ASSERT_EQ(post("/tracks", {{"name", "글또 7기"},
                               {"plugin", "writing"},
                               {"from", "2022-03-06"},
                               {"until", "2022-08-27"},
                               {"members", {"김민지", "이준호"}}})
                  .status,
              201);
    ASSERT_EQ(post("/goals", {{"title", "격주 글쓰기"},
                              {"plugin", "writing"},
                              {"kind", "post"},
                              {"track", "글또 7기"},
                              {"every", "14d"},
                              {"passes", 2}})
                  .status,
              201);
    ASSERT_EQ(post("/goals", {{"title", "2022년 16편"},
                              {"plugin", "writing"},
                              {"kind", "post"},
                              {"year", 2022},
                              {"target", 16}})
                  .status,
              201);
    ASSERT_EQ(post("/entries", session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담")).status,
              201);
    ASSERT_EQ(patch("/entries/1", {{"title", "취업 상담 (1차)"}}).status, 200);
    for (const auto& [when, author] : {std::pair{"2022-03-19T23:30+09:00", "김민지"},
                                       {"2022-04-02T21:00+09:00", "이준호"},
                                       {"2023-01-08T10:00+09:00", "김민지"}})
      ASSERT_EQ(post("/entries", {{"plugin", "writing"},
                                  {"kind", "post"},
                                  {"when", when},
                                  {"people", {author}},
                                  {"track", "글또 7기"},
                                  {"title", std::string(author) + "의 글"}})
                    .status,
                201);
  }

  // What `hoego ARGUMENTS --json` prints on this server's data directory.
  json cli(std::vector<std::string> arguments) {
    arguments.emplace_back("--json");
    const RunResult result =
        hoego.run(arguments, {{"HOEGO_DATA", directory.path().string()}, {"HOEGO_LANG", "en"}});
    EXPECT_EQ(result.exit_code, 0) << result;
    json printed = json::parse(result.out, nullptr, false);
    EXPECT_FALSE(printed.is_discarded()) << result;
    return printed;
  }

  json api(const std::string& path) {
    Answer answer = get(path);
    EXPECT_EQ(answer.status, 200) << path << ": " << answer;
    return answer.body;
  }

  CliRunner hoego;
};

TEST_F(SameAnswers, EveryReadCommandPrintsWhatItsEndpointAnswers) {
  const std::map<std::vector<std::string>, std::string> questions{
      {{"list"}, "/entries"},
      {{"list", "--plugin", "writing", "--since", "2022-04-01"},
       "/entries?plugin=writing&since=2022-04-01"},
      {{"show", "1"}, "/entries/1"},
      {{"show", "1", "--history"}, "/entries/1/history"},
      {{"people"}, "/people"},
      {{"tracks"}, "/tracks"},
      {{"track", "show", "글또 7기"}, "/tracks/" + encode("글또 7기")},
      {{"goals", "--as-of", "2022-04-20"}, "/goals?as_of=2022-04-20"},
      {{"goals", "--track", "글또 7기", "--by-person", "--as-of", "2022-04-20"},
       "/goals?track=" + encode("글또 7기") + "&by_person=true&as_of=2022-04-20"},
      {{"stats", "--year", "2022"}, "/metrics?year=2022"},
      {{"stats", "--year", "2023", "--plugin", "writing"}, "/metrics?year=2023&plugin=writing"},
      {{"milestones"}, "/milestones"},
      {{"plugins"}, "/plugins"},
      {{"settings"}, "/settings"},
      {{"report", "--year", "2022"}, "/report?year=2022&lang=en"},
  };
  for (const auto& [arguments, path] : questions) {
    const json printed = cli(arguments);
    const json answered = api(path);
    EXPECT_TRUE(printed.is_object()) << arguments[0] << " printed " << printed.dump();
    EXPECT_EQ(printed, answered) << "hoego " << arguments[0] << " --json and GET " << path;
  }
}

TEST_F(SameAnswers, UndoPrintsWhatPostUndoAnswers) {
  const json undone = cli({"undo"});
  EXPECT_EQ(undone.at("action"), "add");
  EXPECT_EQ(undone.at("entry").at("title"), "김민지의 글");
  const json again = post("/undo").body;
  EXPECT_EQ(again.at("action"), "add");
  std::set<std::string> cli_keys, api_keys;
  for (const auto& [key, unused] : undone.items()) cli_keys.insert(key);
  for (const auto& [key, unused] : again.items()) api_keys.insert(key);
  EXPECT_EQ(cli_keys, api_keys);
}

}  // namespace
}  // namespace hoego::testing
