// Checks applied to every text a user types before it is stored.
#pragma once

#include <hoego/core/result.h>

#include <string>
#include <string_view>
#include <vector>

namespace hoego {

enum class TextShape { kOneLine, kMultiLine };

// Strips leading and trailing white space.
std::string trim(std::string_view text);

// Appends a problem for `what` when `text` is not valid UTF-8, holds control characters (or a
// line break where one line is expected), or is longer than `max_characters`. Returns whether
// the text is fine. `what` is the member's name ("title", "notes", …): the problem's field, and
// the English message's subject; the Korean message names it in Korean ("제목", "메모", …).
bool check_text(const std::string& what, std::string_view text, TextShape shape,
                size_t max_characters, std::vector<FieldError>& problems);

}  // namespace hoego
