#pragma once

#include <string_view>

namespace hoego {

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF). Every text that comes from a user passes through this before it is stored.
bool is_valid_utf8(std::string_view text);

}  // namespace hoego
