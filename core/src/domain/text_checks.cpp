#include "text_checks.h"

#include <hoego/core/utf8.h>

#include <utility>

namespace hoego {

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

namespace {

// The Korean name of a text the services check, by the name they pass (which the English
// messages use as it is).
std::string korean_name(const std::string& what) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"title", "제목"},          {"notes", "메모"},         {"note", "메모"},
      {"name", "이름"},           {"tags", "태그"},          {"people", "사람 이름"},
      {"members", "구성원 이름"}, {"request_id", "요청 id"},
  };
  for (const auto& [english, korean] : kNames)
    if (what == english) return korean;
  return what;
}

}  // namespace

bool check_text(const std::string& what, std::string_view text, TextShape shape,
                size_t max_characters, std::vector<FieldError>& problems) {
  // "에" and "에는" follow any noun, so the Korean needs no particle chosen by the name's sound.
  if (!is_valid_utf8(text)) {
    problems.push_back({what, what + " is not valid UTF-8",
                        korean_name(what) + "에 UTF-8이 아닌 바이트가 있습니다"});
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
      if (line_break)
        problems.push_back(
            {what, what + " must be one line", korean_name(what) + "에는 줄을 바꿀 수 없습니다"});
      else
        problems.push_back({what, what + " contains a control character",
                            korean_name(what) + "에 제어 문자가 들어 있습니다"});
      return false;
    }
  }
  if (characters > max_characters) {
    const std::string limit = std::to_string(max_characters);
    problems.push_back({what, what + " is longer than " + limit + " characters",
                        korean_name(what) + "에는 " + limit + "자까지 쓸 수 있습니다"});
    return false;
  }
  return true;
}

}  // namespace hoego
