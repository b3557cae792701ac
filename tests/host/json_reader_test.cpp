// The SDK's JSON reader (<hoego/sdk_json_reader.hpp>) against nlohmann::json::parse: the same
// values from the same text, and the same text refused, on hand-picked cases and on seeded
// random values, mutated byte by byte.
#include <gtest/gtest.h>

#include <cmath>
#include <hoego/sdk_json_reader.hpp>
#include <random>
#include <string>
#include <vector>

namespace hoego {
namespace {

using nlohmann::json;
using namespace std::string_literals;
using sdk::detail::parse_json_or_discarded;

// Fails the test when the reader and nlohmann disagree about `text`.
void expect_same_as_nlohmann(const std::string& text) {
  const json expected = json::parse(text, nullptr, false);
  const json read = parse_json_or_discarded(text);
  ASSERT_EQ(read.is_discarded(), expected.is_discarded()) << "for: " << text;
  if (expected.is_discarded()) return;
  EXPECT_EQ(read, expected) << "for: " << text;
  EXPECT_EQ(read.dump(), expected.dump()) << "for: " << text;
  EXPECT_EQ(read.type(), expected.type()) << "for: " << text;
}

TEST(JsonReader, ReadsWhatNlohmannReads) {
  for (const std::string text :
       {R"({"kind":"post","kind_version":1,"title":"회고를 쓰며","people":["김민지"],)"
        R"("track":null,"fields":{"url":"https://a.github.io/x","minutes":90}})",
        " \t\r\n[1, -2, 0, -0, 3.25, -1.5e3, 1E-2, 2e+2, 18446744073709551615]\n ",
        "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "1e-400", "-1e-400",
        "0.00000000000000000000000000000000000000000000000001e-300",
        R"("\"\\\/\b\f\n\r\t\u0000\u00e9\uD55C\ud83d\ude00")", R"({"a":1,"a":2})", "\xEF\xBB\xBF{}",
        "true", "false", "null", "[]", "{}", "[[],{},[{}]]", "\"한국어 English 😀 ©\"",
        R"({"":""})"}) {
    expect_same_as_nlohmann(text);
  }
}

TEST(JsonReader, RefusesWhatNlohmannRefuses) {
  // clang-format off
  for (const std::string text :
       {"", " ", "{", "}", "[1,]", "[,1]", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{a:1}", "01", "-",
        "-01", "1.", ".5", "1e", "1e+", "+1", "0x10", "1e400", "-1e400", "tru", "nul", "falsey",
        "\"open", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
        "\"tab\there\"", "\"\xC0\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"",
        "\"\xE0\x80\x80\"", "\"\x80\"", "\"\xE3\x81\"", "[1] [2]", "{\"a\":1}}",
        "// no comments\n1", "NaN", "Infinity"}) {
    expect_same_as_nlohmann(text);
  }
  // clang-format on
  for (const std::string& text : {"\"a\0b\""s, "\0"s, "[1\0]"s}) expect_same_as_nlohmann(text);
  // nlohmann ends the text at a NUL between tokens, and so does the reader.
  for (const std::string& text : {"1\0"s, "{} \0 garbage"s}) {
    EXPECT_FALSE(parse_json_or_discarded(text).is_discarded());
    expect_same_as_nlohmann(text);
  }
}

TEST(JsonReader, RefusesNestingDeeperThanItsLimit) {
  const int limit = sdk::detail::JsonReader::kDeepestNesting;
  const std::string deepest = std::string(limit, '[') + std::string(limit, ']');
  EXPECT_FALSE(parse_json_or_discarded(deepest).is_discarded());
  const std::string deeper = "[" + deepest + "]";
  EXPECT_TRUE(parse_json_or_discarded(deeper).is_discarded());
  EXPECT_THROW(sdk::detail::parse_json(deeper), std::invalid_argument);
}

// Random values: Hangul, emoji, escapes and control characters in strings and keys; integers of
// every size, doubles; nested a few levels.
class RandomJson {
 public:
  explicit RandomJson(uint32_t seed) : random_(seed) {}

  json value(int depth) {
    switch (pick(depth < 4 ? 9 : 7)) {
      case 0:
        return nullptr;
      case 1:
        return pick(2) == 0;
      case 2:
        return static_cast<int64_t>(random_()) - (int64_t{1} << 31) * pick(3);
      case 3:
        return static_cast<uint64_t>(random_()) << pick(33);
      case 4:
        return std::uniform_real_distribution<double>(-1e6, 1e6)(random_) *
               std::pow(10.0, pick(40) - 20);
      case 5:
      case 6:
        return text();
      case 7: {
        json items = json::array();
        for (int i = pick(4); i > 0; --i) items.push_back(value(depth + 1));
        return items;
      }
      default: {
        json members = json::object();
        for (int i = pick(4); i > 0; --i) members[text()] = value(depth + 1);
        return members;
      }
    }
  }

  std::string text() {
    static const std::vector<std::string> pieces{
        "a",    "Z",  "7",  " ", "\"", "\\", "/",   "\n", "\t", std::string(1, '\0'),
        "\x1f", "한", "글", "é", "😀",  "€",  "\x7f"};
    std::string result;
    for (int i = pick(8); i > 0; --i) result += pieces[static_cast<size_t>(pick(17))];
    return result;
  }

  int pick(int below) { return std::uniform_int_distribution<int>(0, below - 1)(random_); }
  std::mt19937& engine() { return random_; }

 private:
  std::mt19937 random_;
};

TEST(JsonReader, ReadsBackRandomValuesAsWritten) {
  RandomJson random(2026);
  for (int round = 0; round < 2000; ++round) {
    const json original = random.value(0);
    for (const bool ascii : {false, true}) {
      const std::string text = original.dump(round % 3 == 0 ? 2 : -1, ' ', ascii);
      const json read = parse_json_or_discarded(text);
      ASSERT_FALSE(read.is_discarded()) << text;
      EXPECT_EQ(read, original) << text;
      expect_same_as_nlohmann(text);
    }
  }
}

// Random values' text with one byte replaced, inserted or removed: most of it is not JSON any
// more, and the reader must refuse exactly what nlohmann refuses.
TEST(JsonReader, AgreesWithNlohmannOnMutatedText) {
  RandomJson random(1203);
  static const std::string kBytes(
      "{}[]\":,\\-+.0123456789eEtrufalsn \t\n\x80\xbf\xc3\xed\xf0\xff\0", 41);
  for (int round = 0; round < 20000; ++round) {
    std::string text = random.value(0).dump(-1, ' ', round % 2 == 0);
    for (int mutations = 1 + random.pick(3); mutations > 0; --mutations) {
      const auto at = static_cast<size_t>(random.pick(static_cast<int>(text.size()) + 1));
      const char byte = kBytes[static_cast<size_t>(random.pick(static_cast<int>(kBytes.size())))];
      switch (random.pick(3)) {
        case 0:
          if (at < text.size()) text[at] = byte;
          break;
        case 1:
          text.insert(at, 1, byte);
          break;
        default:
          if (at < text.size()) text.erase(at, 1);
      }
    }
    expect_same_as_nlohmann(text);
    if (::testing::Test::HasFailure()) return;
  }
}

}  // namespace
}  // namespace hoego
