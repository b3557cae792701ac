#include "text_checks.h"

#include <hoego/core/utf8.h>

namespace hoego {

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

bool check_text(const std::string& what, std::string_view text, TextShape shape,
                size_t max_characters, std::vector<FieldError>& problems) {
  if (!is_valid_utf8(text)) {
    problems.push_back({what, what + " is not valid UTF-8"});
    return false;
  }
  size_t characters = 0;
  for (const char byte : text) {
    const auto value = static_cast<unsigned char>(byte);
    if ((value & 0xC0) != 0x80) ++characters;
    const bool line_break = value == '\n' || value == '\r';
    const bool tab = value == '\t';
    if ((value < 0x20 && !line_break && !tab) || value == 0x7F ||
        (line_break && shape == TextShape::kOneLine)) {
      problems.push_back(
          {what, what + (line_break ? " must be one line" : " contains a control character")});
      return false;
    }
  }
  if (characters > max_characters) {
    problems.push_back(
        {what, what + " is longer than " + std::to_string(max_characters) + " characters"});
    return false;
  }
  return true;
}

}  // namespace hoego
