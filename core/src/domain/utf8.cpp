#include <hoego/core/utf8.h>

#include <cstdint>

namespace hoego {
namespace {

constexpr char32_t kMalformed = 0xFFFFFFFF;

// Decodes the code point that starts at `text[i]` and moves `i` past it; kMalformed when the
// bytes there are not well-formed UTF-8.
char32_t next_code_point(std::string_view text, size_t& i) {
  const auto lead = static_cast<uint8_t>(text[i]);
  size_t length = 0;
  uint32_t code_point = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code_point = lead & 0x07;
  } else {
    return kMalformed;
  }
  if (i + length > text.size()) return kMalformed;
  for (size_t k = 1; k < length; ++k) {
    const auto continuation = static_cast<uint8_t>(text[i + k]);
    if ((continuation & 0xC0) != 0x80) return kMalformed;
    code_point = (code_point << 6) | (continuation & 0x3F);
  }
  const bool overlong = (length == 2 && code_point < 0x80) || (length == 3 && code_point < 0x800) ||
                        (length == 4 && code_point < 0x10000);
  if (overlong || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
    return kMalformed;
  i += length;
  return code_point;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size())
    if (next_code_point(text, i) == kMalformed) return false;
  return true;
}

std::optional<std::u32string> code_points(std::string_view text) {
  std::u32string decoded;
  size_t i = 0;
  while (i < text.size()) {
    const char32_t code_point = next_code_point(text, i);
    if (code_point == kMalformed) return std::nullopt;
    decoded.push_back(code_point);
  }
  return decoded;
}

}  // namespace hoego
