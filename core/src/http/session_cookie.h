// The web view's sign-in: a session cookie derived from the access token (never the token
// itself), and the two ways a request may show the token, the cookie or a Bearer header.
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>

namespace hoego::http {

// How long a sign-in lasts: the cookie's Max-Age, and the age past which the server no longer
// accepts a cookie even if a browser (or a copy) still sends it.
constexpr std::chrono::seconds kSessionLifetime = std::chrono::hours(24 * 30);

// A session value issued at `now`: "1.<Unix seconds>.<hex HMAC-SHA256 keyed with the token>".
// It holds no secret but its MAC: the token cannot be read back from it, a changed token ends
// every session, and a restart with the same token ends none.
std::string session_value(const std::string& token, std::chrono::system_clock::time_point now);

// Whether `request` carries a session cookie made with `token` and not older than
// kSessionLifetime at `now`.
bool has_session(const httplib::Request& request, const std::string& token,
                 std::chrono::system_clock::time_point now);

// Whether `request` carries "Authorization: Bearer <token>".
bool has_bearer(const httplib::Request& request, const std::string& token);

// Set-Cookie values: one that keeps `value` for kSessionLifetime, and one that removes it.
// HttpOnly keeps it from the page's scripts, SameSite=Strict from other sites' requests. No
// Secure flag: the server speaks plain http, where a Secure cookie would never be sent back.
std::string session_cookie(const std::string& value);
std::string cleared_session_cookie();

}  // namespace hoego::http
