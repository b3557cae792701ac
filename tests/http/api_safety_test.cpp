// What keeps other pages and other machines out: Host and Origin checks, JSON-only writes,
// body limits, the access token beyond loopback, and a strict policy on every page.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "server_fixture.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

class Safety : public ServerTest {
 protected:
  std::string database_rows() {
    auto count = db->prepare(
        "SELECT (SELECT COUNT(*) FROM entries) + (SELECT COUNT(*) FROM people) + "
        "(SELECT COUNT(*) FROM tracks) + (SELECT COUNT(*) FROM settings)");
    EXPECT_TRUE(count.ok());
    EXPECT_TRUE(count->step().ok());
    return std::to_string(count->integer(0));
  }
};

TEST_F(Safety, RefusesAForeignHostHeader) {
  for (const std::string& host : std::vector<std::string>{
           "evil.example", "evil.example:" + std::to_string(port), "127.0.0.1:1", "localhost"}) {
    Answer answer = get("/health", {{"Host", host}});
    EXPECT_EQ(answer.status, 421) << host << " " << answer;
    EXPECT_EQ(answer.body.at("error").at("code"), "misdirected_host");
  }
  EXPECT_EQ(get("/health", {{"Host", "localhost:" + std::to_string(port)}}).status, 200);
  auto page = client().Get("/", {{"Host", "rebound.example:" + std::to_string(port)}});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 421) << "the page itself is not served to a rebound name";
}

TEST_F(Safety, RefusesWritesFromAnotherOrigin) {
  const std::string before = database_rows();
  Answer answer = post("/people", {{"name", "박서연"}}, {{"Origin", "http://evil.example"}});
  EXPECT_EQ(answer.status, 403) << answer;
  EXPECT_EQ(answer.body.at("error").at("code"), "forbidden_origin");
  EXPECT_EQ(post("/people", {{"name", "박서연"}}, {{"Sec-Fetch-Site", "cross-site"}}).status, 403);
  EXPECT_EQ(database_rows(), before);
  const std::string own = "http://127.0.0.1:" + std::to_string(port);
  EXPECT_EQ(post("/people", {{"name", "박서연"}}, {{"Origin", own}}).status, 201);
}

TEST_F(Safety, RefusesWritesThatAreNotJson) {
  const std::string before = database_rows();
  auto form = client().Post("/api/v1/people", "name=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
  auto plain = client().Post("/api/v1/people", R"({"name":"x"})", "text/plain");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 415) << "text/plain is what a cross-site form can send";
  EXPECT_EQ(answer_of(client().Delete("/api/v1/entries/1")).status, 415);
  // The media type must be application/json exactly; parameters may follow it.
  for (const char* type : {"application/jsonfoo", "application/json-seq", "application/jsonx; a=b"})
    EXPECT_EQ(answer_of(client().Post("/api/v1/people", R"({"name":"x"})", type)).status, 415)
        << type;
  EXPECT_EQ(database_rows(), before);
  EXPECT_EQ(answer_of(client().Post("/api/v1/people", R"({"name":"x"})",
                                    "Application/JSON ; charset=utf-8"))
                .status,
            201);
}

TEST_F(Safety, MalformedJsonIs400AndAnOversizedBody413) {
  const std::string before = database_rows();
  auto broken = answer_of(client().Post("/api/v1/people", "{\"name\": ", "application/json"));
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(broken.body.at("error").at("code"), "bad_json");
  auto array = answer_of(client().Post("/api/v1/people", "[1]", "application/json"));
  EXPECT_EQ(array.status, 400);
  json huge = {{"name", std::string(2 << 20, 'a')}};
  auto too_large = answer_of(client().Post("/api/v1/people", huge.dump(), "application/json"));
  EXPECT_EQ(too_large.status, 413);
  EXPECT_EQ(too_large.body.at("error").at("code"), "payload_too_large");
  EXPECT_EQ(database_rows(), before);
}

TEST_F(Safety, ARefusedRequestsBodyIsNeverReadAsASecondRequest) {
  // A cross-site page can send a text/plain POST; its body here is a whole JSON request.
  const std::string inner = "{\"name\":\"smuggled\"}";
  const std::string hidden =
      "POST /api/v1/people HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
      "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(inner.size()) +
      "\r\n\r\n" + inner;
  const std::string outer =
      "POST /api/v1/people HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
      "\r\nContent-Type: text/plain\r\nContent-Length: " + std::to_string(hidden.size()) +
      "\r\n\r\n" + hidden;
  const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::send(socket_fd, outer.data(), outer.size(), 0), static_cast<ssize_t>(outer.size()));
  std::string answers;
  char buffer[4096];
  for (ssize_t got; (got = ::recv(socket_fd, buffer, sizeof buffer, 0)) > 0;)
    answers.append(buffer, static_cast<size_t>(got));
  ::close(socket_fd);
  EXPECT_NE(answers.find("415"), std::string::npos) << answers;
  EXPECT_EQ(answers.find("201"), std::string::npos) << answers;
  EXPECT_EQ(get("/people").body.at("people").size(), 0u);
}

TEST_F(Safety, ChunkedWritesAndDeepNestingAreRefused) {
  const std::string before = database_rows();
  auto chunked = client().Post(
      "/api/v1/people",
      [](size_t, httplib::DataSink& sink) {
        const std::string body = R"({"name": "chunked"})";
        sink.write(body.data(), body.size());
        sink.done();
        return true;
      },
      "application/json");
  ASSERT_TRUE(chunked);
  EXPECT_EQ(chunked->status, 400) << chunked->body;
  const std::string deep =
      "{\"name\": \"x\", \"note\": " + std::string(100, '[') + std::string(100, ']') + "}";
  Answer nested = answer_of(client().Post("/api/v1/people", deep, "application/json"));
  EXPECT_EQ(nested.status, 400) << nested;
  EXPECT_EQ(nested.body.at("error").at("code"), "bad_json");
  EXPECT_EQ(database_rows(), before);
}

TEST_F(Safety, UnknownRoutesAndMethodsAreJsonErrors) {
  Answer missing = get("/nothing");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body.at("error").at("code"), "not_found");
  Answer wrong_method = answer_of(client().Put("/api/v1/entries", "{}", "application/json"));
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(wrong_method.body.at("error").at("code"), "method_not_allowed");
}

// Refusals before any route (a foreign Host, a bad body, an unknown path) speak the language the
// request asks for, else the one the server started with, and name it.
TEST_F(Safety, RefusalsAnswerInTheRequestedLanguage) {
  const httplib::Headers korean{{"Accept-Language", "ko"}};
  Answer foreign = get("/health", {{"Host", "evil.example"}, {"Accept-Language", "ko"}});
  EXPECT_EQ(foreign.status, 421) << foreign;
  EXPECT_EQ(foreign.header("Content-Language"), "ko");
  EXPECT_EQ(foreign.body.at("error").at("message"),
            "Host 헤더가 이 서버를 가리키지 않습니다: 'evil.example'");
  Answer broken =
      answer_of(client().Post("/api/v1/people", korean, "{\"name\": ", "application/json"));
  EXPECT_EQ(broken.status, 400) << broken;
  EXPECT_EQ(broken.body.at("error").at("message"), "요청 본문이 올바른 JSON이 아닙니다");
  Answer missing = get("/nothing", korean);
  EXPECT_EQ(missing.status, 404) << missing;
  EXPECT_EQ(missing.body.at("error").at("message"), "없는 경로입니다: /api/v1/nothing");
  Answer english = get("/nothing");
  EXPECT_EQ(english.header("Content-Language"), "en");
  EXPECT_EQ(english.body.at("error").at("message"), "no such resource: /api/v1/nothing");
}

TEST_F(Safety, EveryAnswerCarriesAStrictContentSecurityPolicy) {
  for (const char* path : {"/", "/api/v1/health", "/api/v1/nothing"}) {
    auto response = client().Get(path);
    ASSERT_TRUE(response);
    const std::string policy = response->get_header_value("Content-Security-Policy");
    EXPECT_NE(policy.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_EQ(response->get_header_value("X-Content-Type-Options"), "nosniff");
  }
  auto page = client().Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(page->body.find("<script>"), std::string::npos) << "no inline script";
}

class TokenServer : public ServerTest {
 protected:
  void SetUp() override {}
};

TEST(ServerBinding, BeyondLoopbackATokenIsRequired) {
  TemporaryDirectory directory;
  PluginHost plugins;
  auto db = Database::open(directory.path() / "hoego.db");
  ASSERT_TRUE(db.ok());
  HttpServer server(*db, plugins);
  bool listened = false;
  ServerOptions open_to_all;
  open_to_all.bind_address = "0.0.0.0";
  open_to_all.port = 0;
  auto status = server.serve(open_to_all, [&](int) { listened = true; });
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("without an access token"), std::string::npos);
  open_to_all.token = "short";
  status = server.serve(open_to_all, [&](int) { listened = true; });
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("at least 16 characters"), std::string::npos);
  EXPECT_FALSE(listened);
}

TEST_F(TokenServer, WithATokenEveryApiRequestMustCarryIt) {
  ServerOptions options;
  options.bind_address = "0.0.0.0";
  options.token = "correct-horse-battery-staple";
  start(options);
  Answer without = get("/health");
  EXPECT_EQ(without.status, 401);
  EXPECT_EQ(without.body.at("error").at("code"), "unauthorized");
  EXPECT_EQ(get("/health", {{"Authorization", "Bearer wrong-horse-battery-staple"}}).status, 401);
  EXPECT_EQ(post("/people", {{"name", "x"}}, {{"Authorization", "Bearer correct-horse"}}).status,
            401);
  EXPECT_EQ(get("/health", {{"Authorization", "Bearer correct-horse-battery-staple"}}).status, 200);
  EXPECT_EQ(
      post("/people", {{"name", "x"}}, {{"Authorization", "Bearer correct-horse-battery-staple"}})
          .status,
      201);
}

}  // namespace
}  // namespace hoego::testing
