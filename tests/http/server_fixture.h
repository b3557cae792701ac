// A real hoego server on an ephemeral port with the bundled plugins and a fresh database, and a
// client that speaks JSON to it the way the web view does.
#pragma once

#include <gtest/gtest.h>
#include <hoego/core/database.h>
#include <hoego/core/http_server.h>
#include <hoego/core/people_service.h>
#include <hoego/core/plugin_host.h>
#include <httplib.h>

#include <cctype>
#include <future>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "../support/temporary_directory.h"

namespace hoego::testing {

// What the server answered: the status and the body, parsed (a discarded value when not JSON).
struct Answer {
  int status = 0;
  nlohmann::json body;
  std::string text;
  httplib::Headers headers;

  // The value of the header `name`, or "(none)".
  std::string header(const std::string& name) const {
    auto found = headers.find(name);
    return found == headers.end() ? "(none)" : found->second;
  }
};

inline std::ostream& operator<<(std::ostream& out, const Answer& answer) {
  return out << "HTTP " << answer.status << " " << answer.text;
}

// Percent-encodes `text` for a URL's path segment or query value.
inline std::string encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return encoded;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override { start(ServerOptions{}); }

  void TearDown() override { stop(); }

  // Starts the server with `options` (the port is always 0: a free one).
  void start(ServerOptions options) {
    plugins.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    auto opened = Database::open(directory.path() / "hoego.db");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db.emplace(std::move(opened.value()));
    server.emplace(*db, plugins);
    options.port = 0;
    if (!options.time_zone) options.time_zone = "Asia/Seoul";
    std::promise<int> bound;
    auto port_future = bound.get_future();
    thread = std::thread([this, options, &bound] {
      bool listening = false;
      auto status = server->serve(options, [&](int bound_port) {
        listening = true;
        bound.set_value(bound_port);
      });
      if (!status && !listening) bound.set_value(-1);
    });
    port = port_future.get();
    ASSERT_GT(port, 0);
  }

  void stop() {
    if (server) server->stop();
    if (thread.joinable()) thread.join();
  }

  httplib::Client client() const { return httplib::Client("127.0.0.1", port); }

  static Answer answer_of(const httplib::Result& result) {
    Answer answer;
    if (!result) {
      ADD_FAILURE() << "no answer: " << httplib::to_string(result.error());
      return answer;
    }
    answer.status = result->status;
    answer.text = result->body;
    answer.headers = result->headers;
    answer.body = nlohmann::json::parse(result->body, nullptr, false);
    return answer;
  }

  Answer get(const std::string& path, const httplib::Headers& headers = {}) const {
    return answer_of(client().Get(("/api/v1" + path).c_str(), headers));
  }
  Answer post(const std::string& path, const nlohmann::json& body = nlohmann::json::object(),
              const httplib::Headers& headers = {}) const {
    return answer_of(
        client().Post(("/api/v1" + path).c_str(), headers, body.dump(), "application/json"));
  }
  Answer patch(const std::string& path, const nlohmann::json& body,
               const httplib::Headers& headers = {}) const {
    return answer_of(
        client().Patch(("/api/v1" + path).c_str(), headers, body.dump(), "application/json"));
  }
  Answer del(const std::string& path, const httplib::Headers& headers = {}) const {
    return answer_of(
        client().Delete(("/api/v1" + path).c_str(), headers, "{}", "application/json"));
  }

  // Adds a person through the service, for tests about something else.
  void add_person(const std::string& name) { ASSERT_TRUE(PeopleService(*db).add(name, "").ok()); }

  static nlohmann::json session(const std::string& when, const std::string& mentee, int minutes,
                                const std::string& title = "") {
    return {{"plugin", "mentoring"}, {"kind", "session"}, {"when", when},
            {"people", {mentee}},    {"title", title},    {"fields", {{"duration_min", minutes}}}};
  }

  TemporaryDirectory directory;
  PluginHost plugins;
  std::optional<Database> db;
  std::optional<HttpServer> server;
  std::thread thread;
  int port = 0;
};

}  // namespace hoego::testing
