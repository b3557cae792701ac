#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hoego {

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF). Every text that comes from a user passes through this before it is stored.
bool is_valid_utf8(std::string_view text);

// The code points of `text`, for rules that count characters rather than bytes (a Korean
// syllable is one character and three bytes); nullopt when `text` is not well-formed UTF-8.
std::optional<std::u32string> code_points(std::string_view text);

}  // namespace hoego
