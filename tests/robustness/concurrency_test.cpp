// The CLI writes while the server serves and writes: every write lands, and "database is locked"
// never reaches the user.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "../cli/cli_runner.h"
#include "../support/child_process.h"

namespace hoego {
namespace {

using nlohmann::json;

TEST(Concurrency, TheCliAndTheServerWriteAtOnceAndNothingIsLost) {
  testing::CliRunner cli;
  testing::ChildProcess server({HOEGO_BINARY, "serve", "--port", "0"},
                               {{"HOEGO_DATA", cli.data_directory().string()},
                                {"HOEGO_TZ", "Asia/Seoul"},
                                {"HOEGO_PLUGIN_PATH", ""}});
  ASSERT_TRUE(server.started());
  std::string line;
  const int port = server.listening_port(&line);
  ASSERT_GT(port, 0) << "the server said: " << line;

  constexpr int kServerWrites = 150;
  constexpr int kCliWrites = 30;
  std::atomic<int> server_failures = 0;
  std::string first_server_failure;
  std::thread writer([&] {
    httplib::Client client("127.0.0.1", port);
    for (int i = 0; i < kServerWrites; ++i) {
      const json body{{"plugin", "writing"},
                      {"kind", "post"},
                      {"title", "서버 " + std::to_string(i)},
                      {"when", "2026-03-01T21:00:00+09:00"}};
      auto response = client.Post("/api/v1/entries", body.dump(), "application/json");
      if (!response || response->status != 201) {
        if (server_failures++ == 0)
          first_server_failure = response ? response->body : httplib::to_string(response.error());
      }
    }
  });
  std::vector<testing::RunResult> failed;
  for (int i = 0; i < kCliWrites; ++i) {
    auto result = cli.run({"add", "writing", "post", "--title", "CLI " + std::to_string(i),
                           "--when", "2026-03-02T21:00:00+09:00"});
    if (result.exit_code != 0) failed.push_back(result);
  }
  writer.join();

  EXPECT_EQ(server_failures, 0) << first_server_failure;
  EXPECT_TRUE(failed.empty()) << failed.front();
  httplib::Client client("127.0.0.1", port);
  auto listed = client.Get("/api/v1/entries?limit=0");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->status, 200) << listed->body;
  const json answer = json::parse(listed->body);
  const json& entries = answer.is_array() ? answer : answer["entries"];
  EXPECT_EQ(entries.size(), static_cast<size_t>(kServerWrites + kCliWrites));
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait(), 0);
}

// A second server on the same data directory would keep its own cache of answers over the same
// file: it is refused, naming the first, in the user's language; once the first stops, a new
// one starts.
TEST(Concurrency, ASecondServerOnTheSameDataDirectoryIsRefused) {
  testing::CliRunner cli;
  const std::map<std::string, std::string> environment{
      {"HOEGO_DATA", cli.data_directory().string()}, {"HOEGO_PLUGIN_PATH", ""}};
  std::string line;
  int first_port = 0;
  {
    testing::ChildProcess first({HOEGO_BINARY, "serve", "--port", "0"}, environment);
    first_port = first.listening_port(&line);
    ASSERT_GT(first_port, 0) << "the server said: " << line;

    const testing::RunResult english = cli.run({"serve", "--port", "0"});
    EXPECT_NE(english.exit_code, 0);
    EXPECT_NE(english.err.find("another hoego serve is already using"), std::string::npos)
        << english.err;
    EXPECT_NE(english.err.find(":" + std::to_string(first_port) + "/"), std::string::npos)
        << english.err;
    const testing::RunResult korean = cli.run({"--lang", "ko", "serve", "--port", "0"});
    EXPECT_NE(korean.exit_code, 0);
    EXPECT_NE(korean.err.find("다른 hoego serve가 이미"), std::string::npos) << korean.err;

    httplib::Client client("127.0.0.1", first_port);
    auto health = client.Get("/api/v1/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    first.signal(SIGTERM);
    EXPECT_EQ(first.wait(), 0);
  }
  testing::ChildProcess again({HOEGO_BINARY, "serve", "--port", "0"}, environment);
  EXPECT_GT(again.listening_port(&line), 0) << "the server said: " << line;
}

}  // namespace
}  // namespace hoego
