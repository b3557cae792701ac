// /session: signing the web view in with the access token, and out. Reachable without the
// token (the guard lets this path through), so that a page can ask whether it must sign in.
#include <chrono>
#include <map>
#include <memory>
#include <mutex>

#include "access_token.h"
#include "routes.h"
#include "session_cookie.h"

namespace hoego::http {
namespace {

using Clock = std::chrono::system_clock;

// Wrong tokens per client address, so that a weak token cannot be guessed at request speed.
// A person who mistypes a few times waits a minute; other addresses are not held up.
class WrongTokens {
 public:
  static constexpr int kTriesPerWindow = 5;
  static constexpr std::chrono::seconds kWindow = std::chrono::minutes(1);

  // How long `address` must wait before it may try again; zero when it may now.
  std::chrono::seconds wait(const std::string& address, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    const auto found = tries_.find(address);
    if (found == tries_.end() || found->second.count < kTriesPerWindow) return {};
    const auto left = found->second.since + kWindow - now;
    if (left <= Clock::duration::zero()) return {};
    return std::chrono::ceil<std::chrono::seconds>(left);
  }

  void add(const std::string& address, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    // Bounded: a flood of addresses forgets the old ones rather than growing without end.
    if (tries_.size() >= 1024)
      std::erase_if(tries_, [&](const auto& entry) { return entry.second.since + kWindow <= now; });
    if (tries_.size() >= 1024) tries_.clear();
    Tries& tries = tries_[address];
    if (tries.since + kWindow <= now) tries = {now, 0};
    ++tries.count;
  }

 private:
  struct Tries {
    Clock::time_point since;
    int count = 0;
  };
  std::mutex mutex_;
  std::map<std::string, Tries> tries_;
};

json session_answer(bool token_required, bool signed_in) {
  return {{"token_required", token_required}, {"signed_in", signed_in}};
}

}  // namespace

void register_session_routes(Api& api, const std::optional<std::string>& token) {
  // The answer depends on the request's cookie, not on the data: never answered from a kept one.
  api.get_per_request("/session", [&token](const auto& request, auto& response, const Params&) {
    send_json(response, session_answer(token.has_value(),
                                       token && (has_bearer(request, *token) ||
                                                 has_session(request, *token, Clock::now()))));
  });

  auto wrong_tokens = std::make_shared<WrongTokens>();
  api.post("/session", [&token, wrong_tokens](const auto& request, auto& response, const Params&) {
    auto body = body_object(request, response);
    if (!body) return;
    BodyReader read(*body);
    const auto given = read.text("token");
    if (auto error = read.finish({"token"})) return send_error(response, *error);
    if (!given)
      return send_error(response, Error{ErrorCode::kInvalidInput,
                                        "token is required",
                                        {{"token", "is required", "필수 항목입니다"}},
                                        "token 값이 필요합니다"});
    if (!token)
      return send_error(response, 409, "conflict",
                        "this server has no access token: there is nothing to sign in to",
                        "이 서버에는 접근 토큰이 없어 로그인할 필요가 없습니다");
    const auto now = Clock::now();
    if (const auto wait = wrong_tokens->wait(request.remote_addr, now); wait.count() > 0) {
      response.set_header("Retry-After", std::to_string(wait.count()));
      return send_error(
          response, 429, "too_many_requests",
          "too many wrong tokens: try again in " + std::to_string(wait.count()) + " seconds",
          "틀린 토큰을 너무 여러 번 보냈습니다: " + std::to_string(wait.count()) +
              "초 뒤에 다시 해 주세요");
    }
    if (!same_secret(*given, *token)) {
      wrong_tokens->add(request.remote_addr, now);
      response.set_header("WWW-Authenticate", "Bearer");
      return send_error(response, 401, "unauthorized", "that is not this server's access token",
                        "이 서버의 접근 토큰이 아닙니다");
    }
    response.set_header("Set-Cookie", session_cookie(session_value(*token, now)));
    send_json(response, session_answer(true, true));
  });

  api.del("/session", [&token](const auto& request, auto& response, const Params&) {
    response.set_header("Set-Cookie", cleared_session_cookie());
    // A Bearer client stays signed in: only the cookie ends.
    send_json(response, session_answer(token.has_value(), token && has_bearer(request, *token)));
  });
}

}  // namespace hoego::http
