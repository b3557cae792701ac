// The server answers its health check, lists plugins, serves the embedded page, and refuses to
// listen beyond this machine.
#include <gtest/gtest.h>
#include <hoego/core/http_server.h>
#include <httplib.h>

#include <future>
#include <thread>

#include "../support/temporary_directory.h"

namespace hoego {
namespace {

using nlohmann::json;

class Server : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    plugins.load_file(std::filesystem::path(HOEGO_TEST_PLUGIN_DIRECTORY) / "wrong_abi.so");
    auto opened = Database::open(directory.path() / "hoego.db");
    ASSERT_TRUE(opened.ok());
    db.emplace(std::move(opened.value()));
    server.emplace(*db, plugins);
    std::promise<int> bound;
    auto port_future = bound.get_future();
    thread = std::thread([this, &bound] {
      bool listening = false;
      auto status =
          server->serve(ServerOptions{.bind_address = "127.0.0.1", .port = 0, .web_directory = {}},
                        [&](int bound_port) {
                          listening = true;
                          bound.set_value(bound_port);
                        });
      if (!status && !listening) bound.set_value(-1);
    });
    port = port_future.get();
    ASSERT_GT(port, 0);
  }

  void TearDown() override {
    if (server) server->stop();
    if (thread.joinable()) thread.join();
  }

  httplib::Client client() { return httplib::Client("127.0.0.1", port); }

  testing::TemporaryDirectory directory;
  PluginHost plugins;
  std::optional<Database> db;
  std::optional<HttpServer> server;
  std::thread thread;
  int port = 0;
};

TEST_F(Server, HealthCheckReportsTheSchema) {
  auto response = client().Get("/api/v1/health");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  const json body = json::parse(response->body);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_GE(body["schema_version"].get<int>(), 1);
}

TEST_F(Server, PluginListShowsLoadedAndRefused) {
  auto response = client().Get("/api/v1/plugins");
  ASSERT_TRUE(response);
  const json body = json::parse(response->body);
  ASSERT_EQ(body["plugins"].size(), 4u);
  EXPECT_EQ(body["plugins"][1]["id"], "mentoring");
  EXPECT_EQ(body["plugins"][1]["manifest"]["name"]["ko"], "멘토링");
  ASSERT_EQ(body["refused"].size(), 1u);
  EXPECT_NE(body["refused"][0]["reason"].get<std::string>().find("SDK 2.0.0"), std::string::npos);
}

TEST_F(Server, ServesTheEmbeddedPageWithAStrictPolicy) {
  auto response = client().Get("/");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_NE(response->body.find("hoego 회고"), std::string::npos);
  EXPECT_NE(response->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
}

TEST_F(Server, UnknownPathIsAJsonNotFound) {
  auto response = client().Get("/api/v1/nothing-here");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 404);
  EXPECT_EQ(json::parse(response->body)["error"]["code"], "not_found");
}

TEST(ServerBinding, RefusesToListenBeyondLoopback) {
  testing::TemporaryDirectory directory;
  PluginHost plugins;
  auto db = Database::open(directory.path() / "hoego.db");
  ASSERT_TRUE(db.ok());
  HttpServer server(*db, plugins);
  bool listened = false;
  auto status =
      server.serve(ServerOptions{.bind_address = "0.0.0.0", .port = 0, .web_directory = {}},
                   [&](int) { listened = true; });
  ASSERT_FALSE(status.ok());
  EXPECT_FALSE(listened);
  EXPECT_NE(status.error().message.find("refusing to listen on 0.0.0.0"), std::string::npos);
}

}  // namespace
}  // namespace hoego
