// The access token a server beyond loopback needs: what makes one acceptable, and comparing a
// given one with it.
#pragma once

#include <hoego/core/result.h>

#include <string>

namespace hoego::http {

// Whether `token` may guard a server: well-formed UTF-8 of at least 16 characters (code
// points, not bytes), neither only whitespace nor one character repeated, with no control
// characters and no whitespace at either end (HTTP trims it from a header, so a Bearer token
// that had it could never match). The error says which rule failed, in English and Korean.
Status check_access_token(const std::string& token);

// Whether `given` equals `expected`, in a time that does not depend on where they differ, so
// that response times do not tell how much of a guessed secret was right.
bool same_secret(const std::string& given, const std::string& expected);

}  // namespace hoego::http
