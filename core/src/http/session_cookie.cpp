#include "session_cookie.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <charconv>
#include <string_view>

#include "access_token.h"

namespace hoego::http {
namespace {

constexpr std::string_view kCookieName = "hoego_session";
// Clocks move: a cookie issued by this server "in the future" by a few minutes is still its own.
constexpr std::chrono::seconds kClockSlack = std::chrono::minutes(5);

std::string mac_of(const std::string& token, std::string_view issued) {
  const std::string message = "hoego session 1." + std::string(issued);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), token.data(), static_cast<int>(token.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
  static const char* hex = "0123456789abcdef";
  std::string text;
  for (unsigned int i = 0; i < length; ++i) {
    text += hex[digest[i] >> 4];
    text += hex[digest[i] & 15];
  }
  return text;
}

// Whether `value` is a session value made with `token` that is still young enough at `now`.
bool is_valid_session(std::string_view value, const std::string& token,
                      std::chrono::system_clock::time_point now) {
  if (value.rfind("1.", 0) != 0) return false;
  value.remove_prefix(2);
  const size_t dot = value.find('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view issued = value.substr(0, dot);
  long long seconds = 0;
  const auto [end, error] = std::from_chars(issued.data(), issued.data() + issued.size(), seconds);
  if (error != std::errc() || end != issued.data() + issued.size()) return false;
  const auto age = now - std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
  if (age > kSessionLifetime || age < -kClockSlack) return false;
  return same_secret(std::string(value.substr(dot + 1)), mac_of(token, issued));
}

}  // namespace

std::string session_value(const std::string& token, std::chrono::system_clock::time_point now) {
  const std::string issued = std::to_string(
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
  return "1." + issued + "." + mac_of(token, issued);
}

bool has_session(const httplib::Request& request, const std::string& token,
                 std::chrono::system_clock::time_point now) {
  // Every Cookie header, every "name=value" pair in it: a stale cookie of the same name (from
  // another port of this host, say) may come before the good one.
  const size_t headers = request.get_header_value_count("Cookie");
  for (size_t h = 0; h < headers; ++h) {
    const std::string header = request.get_header_value("Cookie", h);
    std::string_view rest(header);
    while (!rest.empty()) {
      const size_t end = std::min(rest.find(';'), rest.size());
      std::string_view pair = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      if (pair.rfind(kCookieName, 0) != 0 || pair.substr(kCookieName.size(), 1) != "=") continue;
      if (is_valid_session(pair.substr(kCookieName.size() + 1), token, now)) return true;
    }
  }
  return false;
}

bool has_bearer(const httplib::Request& request, const std::string& token) {
  const std::string authorization = request.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  return authorization.rfind(prefix, 0) == 0 &&
         same_secret(authorization.substr(prefix.size()), token);
}

std::string session_cookie(const std::string& value) {
  return std::string(kCookieName) + "=" + value +
         "; Path=/; Max-Age=" + std::to_string(kSessionLifetime.count()) +
         "; HttpOnly; SameSite=Strict";
}

std::string cleared_session_cookie() {
  return std::string(kCookieName) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
}

}  // namespace hoego::http
