// Signing the web view in with the access token: which tokens a server accepts, the session
// cookie that stands in for the token (never holding it), Bearer clients, and signing out.
#include "../../core/src/http/access_token.h"
#include "../../core/src/http/session_cookie.h"
#include "server_fixture.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

const std::string kToken = "회고-home-서버-token-2026";

// The English message of a refused token, or "accepted".
std::string verdict(const std::string& token) {
  const Status status = http::check_access_token(token);
  return status ? "accepted" : status.error().message;
}

TEST(AccessToken, CountsCharactersNotBytes) {
  EXPECT_EQ(verdict("한해의기록을남기는회고노트입니다"), "accepted");  // 16 characters, 48 bytes
  EXPECT_NE(verdict("한해의기록을남기는회고노트입니").find("at least 16 characters"),
            std::string::npos);  // 15 characters, 45 bytes
  EXPECT_EQ(verdict("correct-horse-battery-staple"), "accepted");
  EXPECT_EQ(verdict("abcdefghijklmnop"), "accepted");
  EXPECT_NE(verdict("abcdefghijklmno").find("(this one has 15)"), std::string::npos);
}

TEST(AccessToken, RefusesGuessableTokensWithAReason) {
  EXPECT_NE(verdict(std::string(16, ' ')).find("only spaces"), std::string::npos);
  EXPECT_NE(verdict(std::string(20, '\t')).find("only spaces"), std::string::npos);
  std::string ideographic_spaces;
  for (int i = 0; i < 16; ++i) ideographic_spaces += "\u3000";
  EXPECT_NE(verdict(ideographic_spaces).find("only spaces"), std::string::npos);
  EXPECT_NE(verdict(std::string(32, 'a')).find("repeats one character"), std::string::npos);
  std::string syllables;
  for (int i = 0; i < 16; ++i) syllables += "회";
  EXPECT_NE(verdict(syllables).find("repeats one character"), std::string::npos);
  EXPECT_NE(verdict("correct-horse\nbattery").find("control character"), std::string::npos);
  EXPECT_NE(verdict(" correct-horse-battery").find("starts or ends with a space"),
            std::string::npos);
  EXPECT_NE(verdict("correct-horse-battery\xff").find("not valid UTF-8"), std::string::npos);
  const Status korean = http::check_access_token(std::string(16, ' '));
  ASSERT_FALSE(korean);
  EXPECT_EQ(korean.error().message_ko, "접근 토큰이 공백뿐이라 누구나 짐작할 수 있습니다");
}

TEST(AccessToken, TheServerRefusesToStartWithAWhitespaceToken) {
  TemporaryDirectory directory;
  PluginHost plugins;
  auto db = Database::open(directory.path() / "hoego.db");
  ASSERT_TRUE(db.ok());
  HttpServer server(*db, plugins);
  ServerOptions options;
  options.bind_address = "0.0.0.0";
  options.port = 0;
  options.token = std::string(16, ' ');
  bool listened = false;
  const Status status = server.serve(options, [&](int) { listened = true; });
  ASSERT_FALSE(status);
  EXPECT_NE(status.error().message.find("only spaces"), std::string::npos);
  EXPECT_FALSE(listened);
}

class SignIn : public ServerTest {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.bind_address = "0.0.0.0";
    options.token = kToken;
    start(options);
  }

  // The "name=value" part of the answer's Set-Cookie, as a browser would send it back.
  static std::string cookie_of(const Answer& answer) {
    const std::string set = answer.header("Set-Cookie");
    return set.substr(0, set.find(';'));
  }

  Answer sign_in(const std::string& token, const httplib::Headers& headers = {}) {
    return post("/session", {{"token", token}}, headers);
  }
};

TEST_F(SignIn, APageWithoutTheTokenLearnsItMustSignIn) {
  const Answer answer = get("/session");
  EXPECT_EQ(answer.status, 200) << answer;
  EXPECT_EQ(answer.body, (json{{"token_required", true}, {"signed_in", false}}));
  EXPECT_EQ(get("/settings").status, 401);
}

TEST_F(SignIn, TheRightTokenGivesAnHttpOnlyStrictCookieThatIsNotTheToken) {
  const Answer signed_in = sign_in(kToken);
  ASSERT_EQ(signed_in.status, 200) << signed_in;
  EXPECT_EQ(signed_in.body, (json{{"token_required", true}, {"signed_in", true}}));
  const std::string set_cookie = signed_in.header("Set-Cookie");
  EXPECT_EQ(set_cookie.rfind("hoego_session=1.", 0), 0u) << set_cookie;
  for (const char* attribute : {"; Path=/", "; HttpOnly", "; SameSite=Strict", "; Max-Age=2592000"})
    EXPECT_NE(set_cookie.find(attribute), std::string::npos) << attribute << " in " << set_cookie;
  EXPECT_EQ(set_cookie.find("Secure"), std::string::npos) << "plain http never returns it";
  EXPECT_EQ(set_cookie.find(kToken), std::string::npos);
  EXPECT_EQ(set_cookie.find(encode(kToken)), std::string::npos);

  const httplib::Headers with_cookie{{"Cookie", "theme=dark; " + cookie_of(signed_in)}};
  EXPECT_EQ(get("/session", with_cookie).body,
            (json{{"token_required", true}, {"signed_in", true}}));
  EXPECT_EQ(get("/settings", with_cookie).status, 200);
  httplib::Headers same_site = with_cookie;
  same_site.emplace("Origin", "http://127.0.0.1:" + std::to_string(port));
  EXPECT_EQ(post("/people", {{"name", "김민지"}}, same_site).status, 201);
  // The cookie stands in for the token, not for the Origin check.
  httplib::Headers cross_site = with_cookie;
  cross_site.emplace("Origin", "http://evil.example");
  EXPECT_EQ(post("/people", {{"name", "이서준"}}, cross_site).status, 403);
  EXPECT_EQ(sign_in(kToken, {{"Origin", "http://evil.example"}}).status, 403);
}

TEST_F(SignIn, AWrongTokenIsRefusedInTheRequestsLanguage) {
  const Answer korean = sign_in("회고-home-서버-token-2025", {{"Accept-Language", "ko-KR"}});
  EXPECT_EQ(korean.status, 401) << korean;
  EXPECT_EQ(korean.body.at("error").at("code"), "unauthorized");
  EXPECT_EQ(korean.body.at("error").at("message"), "이 서버의 접근 토큰이 아닙니다");
  EXPECT_EQ(korean.header("Set-Cookie"), "(none)");
  const Answer english = sign_in("", {{"Accept-Language", "en"}});
  EXPECT_EQ(english.status, 401) << english;
  EXPECT_EQ(english.body.at("error").at("message"), "that is not this server's access token");
  EXPECT_EQ(post("/session", json::object()).status, 422);
  EXPECT_EQ(post("/session", {{"token", 16}}).status, 422);
}

TEST_F(SignIn, ACookieThatIsForgedExpiredOrFromAnotherTokenIsRefused) {
  const auto now = std::chrono::system_clock::now();
  const std::string good = http::session_value(kToken, now);
  ASSERT_EQ(get("/health", {{"Cookie", "hoego_session=" + good}}).status, 200);
  std::string forged = good;
  forged.back() = forged.back() == '0' ? '1' : '0';
  const std::string later_issue =
      "1." + std::to_string(std::stoll(good.substr(2)) + 60) + good.substr(good.find('.', 2));
  for (const std::string& value :
       {forged, later_issue, http::session_value(kToken, now - std::chrono::hours(24 * 31)),
        http::session_value("another-token-of-this-home", now), kToken, std::string()})
    EXPECT_EQ(get("/health", {{"Cookie", "hoego_session=" + value}}).status, 401) << value;
}

TEST_F(SignIn, BearerClientsKeepWorkingAndSignOutClearsTheCookie) {
  const httplib::Headers bearer{{"Authorization", "Bearer " + kToken}};
  EXPECT_EQ(get("/health", bearer).status, 200);
  EXPECT_EQ(get("/session", bearer).body.at("signed_in"), true);
  const std::string cookie = cookie_of(sign_in(kToken));
  const Answer signed_out = del("/session", {{"Cookie", cookie}});
  ASSERT_EQ(signed_out.status, 200) << signed_out;
  EXPECT_EQ(signed_out.body, (json{{"token_required", true}, {"signed_in", false}}));
  const std::string cleared = signed_out.header("Set-Cookie");
  EXPECT_EQ(cleared.rfind("hoego_session=;", 0), 0u) << cleared;
  EXPECT_NE(cleared.find("Max-Age=0"), std::string::npos) << cleared;
  EXPECT_NE(cleared.find("Path=/"), std::string::npos) << cleared;
  // The browser, having dropped the cookie, is back where it started.
  EXPECT_EQ(get("/session").body.at("signed_in"), false);
}

TEST_F(SignIn, AfterFiveWrongTokensAnAddressWaitsAMinute) {
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(sign_in("wrong-token-number-" + std::to_string(i)).status, 401);
  const Answer waiting = sign_in(kToken);
  EXPECT_EQ(waiting.status, 429) << waiting;
  EXPECT_EQ(waiting.body.at("error").at("code"), "too_many_requests");
  const int retry_after = std::stoi(waiting.header("Retry-After"));
  EXPECT_GT(retry_after, 0);
  EXPECT_LE(retry_after, 60);
  // Programs with the token are not held up.
  EXPECT_EQ(get("/health", {{"Authorization", "Bearer " + kToken}}).status, 200);
}

// A server on loopback with no token: the page goes straight to the dashboard.
class NoToken : public ServerTest {};

TEST_F(NoToken, APageLearnsThereIsNothingToSignInTo) {
  EXPECT_EQ(get("/session").body, (json{{"token_required", false}, {"signed_in", false}}));
  EXPECT_EQ(post("/session", {{"token", kToken}}).status, 409);
  EXPECT_EQ(get("/settings").status, 200);
}

}  // namespace
}  // namespace hoego::testing
