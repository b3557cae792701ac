#include "access_token.h"

#include <hoego/core/utf8.h>

#include <algorithm>

namespace hoego::http {
namespace {

constexpr size_t kShortestToken = 16;

// Unicode's White_Space property: what a person may type as a space, the ideographic space of
// a Korean input method included.
bool is_whitespace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

}  // namespace

Status check_access_token(const std::string& token) {
  const auto characters = code_points(token);
  if (!characters)
    return Error::invalid("the access token is not valid UTF-8 text",
                          "접근 토큰이 올바른 UTF-8 글자가 아닙니다");
  if (characters->size() < kShortestToken)
    return Error::invalid(
        "an access token must be at least 16 characters long (this one has " +
            std::to_string(characters->size()) + ")",
        "접근 토큰은 16자 이상이어야 합니다 (지금 " + std::to_string(characters->size()) + "자)");
  if (std::all_of(characters->begin(), characters->end(), is_whitespace))
    return Error::invalid("the access token is only spaces: anyone could guess it",
                          "접근 토큰이 공백뿐이라 누구나 짐작할 수 있습니다");
  if (std::all_of(characters->begin(), characters->end(),
                  [&](char32_t c) { return c == characters->front(); }))
    return Error::invalid("the access token repeats one character: anyone could guess it",
                          "접근 토큰이 한 글자만 되풀이해서 누구나 짐작할 수 있습니다");
  if (std::any_of(characters->begin(), characters->end(), is_control))
    return Error::invalid(
        "the access token holds a control character (a tab or a line break?), which cannot be "
        "sent in an HTTP header",
        "접근 토큰에 제어 문자(탭이나 줄바꿈?)가 있어 HTTP 헤더로 보낼 수 없습니다");
  if (is_whitespace(characters->front()) || is_whitespace(characters->back()))
    return Error::invalid(
        "the access token starts or ends with a space, which HTTP drops from a header",
        "접근 토큰이 공백으로 시작하거나 끝납니다: HTTP 헤더에서는 그 공백이 사라집니다");
  return Status::success();
}

bool same_secret(const std::string& given, const std::string& expected) {
  if (expected.empty()) return given.empty();
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < given.size(); ++i)
    difference |= static_cast<unsigned char>(given[i] ^ expected[i % expected.size()]);
  return difference == 0;
}

}  // namespace hoego::http
