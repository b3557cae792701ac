// hoego plugin SDK — reads JSON text into nlohmann::json, as nlohmann::json::parse does, but a
// run of plain characters at a time rather than one character at a time.
//
// Every entry an import checks is JSON text three times over: its line, the request the host
// hands the plugin, and the plugin's answer. nlohmann's lexer costs some fifty instructions per
// byte of Korean text (it keeps each byte for its error messages and checks each UTF-8 sequence
// against lists of ranges); this reader costs a few. It accepts exactly what nlohmann accepts
// (RFC 8259, strict UTF-8, no comments, a BOM skipped, a NUL byte after the value taken for the
// end) and builds the same values, keeping the last of duplicate keys. Unlike nlohmann it
// refuses nesting deeper than 1,000 levels, so that hostile input cannot exhaust the stack.
// tests/host/json_reader_test.cpp and the fuzz target tests/fuzz/fuzz_json.cpp hold it to that.
// The host reads plugins' answers and JSON Lines with it too.
#pragma once

#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace hoego::sdk::detail {

// Appends code point `code` (at most U+10FFFF, not a surrogate) as UTF-8.
inline void append_utf8(std::string& out, uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

class JsonReader {
 public:
  // SQLite's own JSON functions stop at this depth too, so whatever the store holds as JSON the
  // reader reads.
  static constexpr int kDeepestNesting = 1000;

  explicit JsonReader(std::string_view text)
      : begin_(text.data()), at_(text.data()), end_(text.data() + text.size()) {}

  // Reads the whole text as one value into `out`. False when it is not JSON; `out` is then
  // unspecified and error_offset() tells where reading stopped.
  bool read(nlohmann::json& out) {
    if (end_ - at_ >= 3 && std::string_view(at_, 3) == "\xEF\xBB\xBF")
      at_ += 3;  // a BOM, as nlohmann
    skip_space();
    if (!value(out, 0)) return false;
    skip_space();
    // nlohmann takes a NUL byte between tokens for the end of the text, so that a C plugin may
    // write its answer with the terminating NUL; what follows it is ignored.
    return at_ == end_ || *at_ == '\0';
  }

  size_t error_offset() const { return static_cast<size_t>(at_ - begin_); }

 private:
  void skip_space() {
    while (at_ != end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t')) ++at_;
  }

  bool value(nlohmann::json& out, int depth) {
    if (at_ == end_) return false;
    switch (*at_) {
      case '{':
        return object(out, depth);
      case '[':
        return array(out, depth);
      case '"': {
        std::string text;
        if (!string(text)) return false;
        out = std::move(text);
        return true;
      }
      case 't':
        out = true;
        return literal("true");
      case 'f':
        out = false;
        return literal("false");
      case 'n':
        out = nullptr;
        return literal("null");
      default:
        return number(out);
    }
  }

  bool literal(std::string_view word) {
    if (static_cast<size_t>(end_ - at_) < word.size() || std::string_view(at_, word.size()) != word)
      return false;
    at_ += word.size();
    return true;
  }

  bool object(nlohmann::json& out, int depth) {
    if (depth >= kDeepestNesting) return false;
    ++at_;
    out = nlohmann::json::object();
    auto& members = out.get_ref<nlohmann::json::object_t&>();
    skip_space();
    if (at_ != end_ && *at_ == '}') {
      ++at_;
      return true;
    }
    for (;;) {
      skip_space();
      if (at_ == end_ || *at_ != '"') return false;
      std::string key;
      if (!string(key)) return false;
      skip_space();
      if (at_ == end_ || *at_ != ':') return false;
      ++at_;
      skip_space();
      // The last of duplicate keys wins, as with nlohmann.
      if (!value(members[std::move(key)], depth + 1)) return false;
      skip_space();
      if (at_ == end_) return false;
      if (*at_ == '}') {
        ++at_;
        return true;
      }
      if (*at_++ != ',') return false;
    }
  }

  bool array(nlohmann::json& out, int depth) {
    if (depth >= kDeepestNesting) return false;
    ++at_;
    out = nlohmann::json::array();
    auto& items = out.get_ref<nlohmann::json::array_t&>();
    skip_space();
    if (at_ != end_ && *at_ == ']') {
      ++at_;
      return true;
    }
    for (;;) {
      skip_space();
      if (!value(items.emplace_back(), depth + 1)) return false;
      skip_space();
      if (at_ == end_) return false;
      if (*at_ == ']') {
        ++at_;
        return true;
      }
      if (*at_++ != ',') return false;
    }
  }

  static bool is_plain(unsigned char byte) {
    return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\';
  }
  static bool is_continuation(unsigned char byte, unsigned char low = 0x80,
                              unsigned char high = 0xBF) {
    return byte >= low && byte <= high;
  }

  // A string from its opening quote; `at_` ends past the closing one. Plain characters and
  // whole UTF-8 sequences are copied a run at a time.
  bool string(std::string& out) {
    ++at_;
    const char* run = at_;
    for (;;) {
      while (at_ != end_ && is_plain(static_cast<unsigned char>(*at_))) ++at_;
      if (at_ == end_) return false;
      const auto byte = static_cast<unsigned char>(*at_);
      if (byte >= 0x80) {
        if (!utf8_sequence()) return false;
        continue;
      }
      out.append(run, static_cast<size_t>(at_ - run));
      if (byte == '"') {
        ++at_;
        return true;
      }
      if (byte != '\\' || !escape(out)) return false;  // a control character, or a bad escape
      run = at_;
    }
  }

  // Steps over one multi-byte UTF-8 sequence, checked as RFC 3629 (and nlohmann) do: no
  // overlong forms, no surrogates, nothing past U+10FFFF.
  bool utf8_sequence() {
    const auto* bytes = reinterpret_cast<const unsigned char*>(at_);
    const auto left = static_cast<size_t>(end_ - at_);
    const unsigned char lead = bytes[0];
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (left < length || !is_continuation(bytes[1], low, high)) return false;
    for (size_t i = 2; i < length; ++i)
      if (!is_continuation(bytes[i])) return false;
    at_ += length;
    return true;
  }

  bool hex4(uint32_t& code) {
    if (end_ - at_ < 4) return false;
    code = 0;
    for (int i = 0; i < 4; ++i) {
      const char digit = *at_++;
      code <<= 4;
      if (digit >= '0' && digit <= '9')
        code |= static_cast<uint32_t>(digit - '0');
      else if (digit >= 'a' && digit <= 'f')
        code |= static_cast<uint32_t>(digit - 'a' + 10);
      else if (digit >= 'A' && digit <= 'F')
        code |= static_cast<uint32_t>(digit - 'A' + 10);
      else
        return false;
    }
    return true;
  }

  // An escape from its backslash.
  bool escape(std::string& out) {
    if (end_ - at_ < 2) return false;
    const char kind = at_[1];
    at_ += 2;
    switch (kind) {
      case '"':
      case '\\':
      case '/':
        out += kind;
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        break;
      default:
        return false;
    }
    uint32_t code = 0;
    if (!hex4(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return false;  // a second half without a first
    if (code >= 0xD800 && code <= 0xDBFF) {
      uint32_t second = 0;
      if (end_ - at_ < 2 || at_[0] != '\\' || at_[1] != 'u') return false;
      at_ += 2;
      if (!hex4(second) || second < 0xDC00 || second > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (second - 0xDC00);
    }
    append_utf8(out, code);
    return true;
  }

  bool digits() {
    const char* first = at_;
    while (at_ != end_ && *at_ >= '0' && *at_ <= '9') ++at_;
    return at_ != first;
  }

  // A number as nlohmann reads it: unsigned when it is a whole number from 0 up, signed when
  // below 0, a double otherwise or when it does not fit; a double too large is refused.
  bool number(nlohmann::json& out) {
    const char* first = at_;
    const bool negative = *at_ == '-';
    if (negative) ++at_;
    if (at_ == end_) return false;
    if (*at_ == '0')
      ++at_;  // a leading zero is a whole part of its own: "01" is not JSON
    else if (!digits())
      return false;
    bool whole = true;
    if (at_ != end_ && *at_ == '.') {
      ++at_;
      if (!digits()) return false;
      whole = false;
    }
    if (at_ != end_ && (*at_ == 'e' || *at_ == 'E')) {
      ++at_;
      if (at_ != end_ && (*at_ == '+' || *at_ == '-')) ++at_;
      if (!digits()) return false;
      whole = false;
    }
    if (whole && negative) {
      int64_t integer = 0;
      if (std::from_chars(first, at_, integer).ec == std::errc()) {
        out = integer;
        return true;
      }
    } else if (whole) {
      uint64_t integer = 0;
      if (std::from_chars(first, at_, integer).ec == std::errc()) {
        out = integer;
        return true;
      }
    }
    double real = 0;
    if (std::from_chars(first, at_, real).ec == std::errc()) {
      out = real;
      return true;
    }
    // Out of a double's range: nlohmann refuses an overflow and reads an underflow as zero;
    // ask it, since this is rare.
    out = nlohmann::json::parse(first, at_, nullptr, false);
    return !out.is_discarded();
  }

  const char* begin_;
  const char* at_;
  const char* end_;
};

// The value of `text`, or an std::invalid_argument naming the byte where it stops being JSON.
inline nlohmann::json parse_json(std::string_view text) {
  nlohmann::json value;
  JsonReader reader(text);
  if (!reader.read(value))
    throw std::invalid_argument("malformed JSON at byte " + std::to_string(reader.error_offset()));
  return value;
}

// The value of `text`, or a discarded value (is_discarded()) when it is not JSON.
inline nlohmann::json parse_json_or_discarded(std::string_view text) {
  nlohmann::json value;
  if (!JsonReader(text).read(value)) return nlohmann::json(nlohmann::json::value_t::discarded);
  return value;
}

}  // namespace hoego::sdk::detail
