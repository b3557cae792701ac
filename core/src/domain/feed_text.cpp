#include "feed_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <hoego/sdk_json_reader.hpp>

namespace hoego {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

bool is_white_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Where `needle` (lower case) next occurs in `text` from `from`, in any case; npos when nowhere.
size_t find_ignoring_case(std::string_view text, std::string_view needle, size_t from) {
  for (size_t at = from; at + needle.size() <= text.size(); ++at) {
    bool same = true;
    for (size_t i = 0; i < needle.size() && same; ++i) same = lower(text[at + i]) == needle[i];
    if (same) return at;
  }
  return std::string_view::npos;
}

// The '>' that closes the tag opened at `open`, skipping quoted attribute values.
size_t tag_end(std::string_view html, size_t open) {
  char quote = 0;
  for (size_t at = open + 1; at < html.size(); ++at) {
    if (quote != 0) {
      if (html[at] == quote) quote = 0;
    } else if (html[at] == '"' || html[at] == '\'') {
      quote = html[at];
    } else if (html[at] == '>') {
      return at;
    }
  }
  return std::string_view::npos;
}

// The lower-case name of the tag opened at `open` ("p" for "</P >").
std::string tag_name(std::string_view html, size_t open) {
  std::string name;
  size_t at = open + 1;
  if (at < html.size() && html[at] == '/') ++at;
  while (at < html.size() && std::isalnum(static_cast<unsigned char>(html[at])))
    name += lower(html[at++]);
  return name;
}

void append_code_point(std::string& out, unsigned long code) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  sdk::detail::append_utf8(out, static_cast<uint32_t>(code));
}

// Decodes the reference at `html[at]` ('&') into `out`; returns where it ends (its ';'), or
// `at` when it is not one, so that the '&' stays as written.
size_t decode_reference(std::string_view html, size_t at, std::string& out) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kEntities{{
      {"amp", "&"},   {"lt", "<"},     {"gt", ">"},     {"quot", "\""}, {"apos", "'"},
      {"nbsp", " "},  {"hellip", "…"}, {"middot", "·"}, {"mdash", "—"}, {"ndash", "–"},
      {"lsquo", "‘"}, {"rsquo", "’"},  {"ldquo", "“"},  {"rdquo", "”"}, {"laquo", "«"},
      {"raquo", "»"}, {"bull", "•"},   {"copy", "©"},   {"reg", "®"},   {"trade", "™"},
  }};
  // No reference is longer than this; looking no further keeps "&&&…" linear.
  const size_t near = html.substr(at, 12).find(';');
  if (near == std::string_view::npos) return at;
  const size_t semicolon = at + near;
  const std::string_view name = html.substr(at + 1, semicolon - at - 1);
  if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string digits(name.substr(hex ? 2 : 1));
    char* end = nullptr;
    const unsigned long code = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (digits.empty() || end == nullptr || *end != '\0') return at;
    append_code_point(out, code);
    return semicolon;
  }
  for (const auto& [entity, replacement] : kEntities) {
    if (name == entity) {
      out += replacement;
      return semicolon;
    }
  }
  return at;
}

}  // namespace

std::string one_line(std::string_view text) {
  std::string line;
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool no_break = text.substr(i, kNoBreakSpace.size()) == kNoBreakSpace;
    if (is_white_space(text[i]) || no_break) {
      if (no_break) ++i;
      pending_space = !line.empty();
      continue;
    }
    if (pending_space) line += ' ';
    pending_space = false;
    line += text[i];
  }
  return line;
}

std::string plain_line(std::string_view text) {
  std::string kept;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    // C1 controls are U+0080..U+009F: 0xC2 followed by 0x80..0x9F in UTF-8.
    const bool c1 = byte == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c1) {
      ++i;
      continue;
    }
    if ((byte < 0x20 && !is_white_space(text[i])) || byte == 0x7F) continue;
    kept += text[i];
  }
  return one_line(kept);
}

bool is_block_element(std::string_view name) {
  static constexpr std::array<std::string_view, 30> kBlocks{
      "address", "article",    "aside",  "blockquote", "br", "dd", "div", "dl",
      "dt",      "figcaption", "figure", "footer",     "h1", "h2", "h3",  "h4",
      "h5",      "h6",         "header", "hr",         "li", "ol", "p",   "pre",
      "section", "table",      "td",     "th",         "tr", "ul"};
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

std::string html_to_text(std::string_view html) {
  std::string text;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '&') {
      const size_t end = decode_reference(html, i, text);
      if (end == i) text += '&';
      i = end;
      continue;
    }
    const char next = i + 1 < html.size() ? html[i + 1] : '\0';
    const bool opens_tag = html[i] == '<' && (std::isalpha(static_cast<unsigned char>(next)) ||
                                              next == '/' || next == '!' || next == '?');
    if (!opens_tag) {
      text += html[i];
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      const size_t close = html.find("-->", i + 4);
      if (close == std::string_view::npos) break;
      i = close + 2;
      continue;
    }
    const size_t close = tag_end(html, i);
    if (close == std::string_view::npos) break;  // an unfinished tag: nothing after it is text
    const std::string name = tag_name(html, i);
    const bool closing = next == '/';
    if (!closing && (name == "script" || name == "style")) {
      // Their content is code, never text; a missing end tag hides the rest.
      const size_t end_tag = find_ignoring_case(html, "</" + name, close);
      const size_t after = end_tag == std::string_view::npos ? end_tag : tag_end(html, end_tag);
      if (after == std::string_view::npos) break;
      i = after;
      continue;
    }
    if (is_block_element(name)) text += ' ';
    i = close;
  }
  return text;
}

std::string bounded(std::string text, size_t max_characters) {
  auto starts_character = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  size_t characters = 0, cut = std::string::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!starts_character(text[i])) continue;
    // Room for the "…" that ends a cut text.
    if (characters == max_characters - 1) cut = i;
    if (++characters > max_characters) break;
  }
  if (characters <= max_characters || max_characters == 0) return text;
  // A word cut in half reads worse than a slightly shorter text.
  const size_t space = text.rfind(' ', cut);
  if (space != std::string::npos && space > cut - std::min<size_t>(cut, 80)) cut = space;
  text.resize(cut);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text + "…";
}

}  // namespace hoego
