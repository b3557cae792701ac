#include <gtest/gtest.h>
#include <hoego/core/utf8.h>

namespace hoego {
namespace {

TEST(Utf8, AcceptsKoreanEmojiAndAscii) {
  EXPECT_TRUE(is_valid_utf8("회고 retrospective 🙂"));
  EXPECT_TRUE(is_valid_utf8(""));
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xff\xfe"));          // not UTF-8 at all
  EXPECT_FALSE(is_valid_utf8("\xed\x9a"));          // 회 cut short
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xe2\x28\xa1"));      // bad continuation
}

TEST(Utf8, CountsCodePointsNotBytes) {
  EXPECT_EQ(code_points("회고 ok 🙂"), std::u32string(U"회고 ok 🙂"));
  EXPECT_EQ(code_points("회고")->size(), 2u);
  EXPECT_EQ(code_points("")->size(), 0u);
  EXPECT_FALSE(code_points("\xed\x9a"));  // 회 cut short
}

}  // namespace
}  // namespace hoego
