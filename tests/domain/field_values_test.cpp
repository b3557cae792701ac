#include <gtest/gtest.h>
#include <hoego/core/field_values.h>

#include <cstdint>

namespace hoego {
namespace {

using nlohmann::json;

FieldSpec field(FieldType type, bool required = false) {
  FieldSpec spec;
  spec.id = "value";
  spec.type = type;
  spec.required = required;
  spec.label = {"값", "Value"};
  return spec;
}

KindSpec session_kind() {
  KindSpec kind;
  kind.id = "session";
  FieldSpec duration = field(FieldType::kInteger, true);
  duration.id = "duration_min";
  duration.min = 1;
  duration.max = 1440;
  FieldSpec topics = field(FieldType::kList);
  topics.id = "topics";
  FieldSpec followups = field(FieldType::kChecklist);
  followups.id = "followups";
  FieldSpec source = field(FieldType::kChoice);
  source.id = "source";
  source.options = {{"mentee", {"멘티", "Mentee"}}, {"organiser", {"운영진", "Organiser"}}};
  FieldSpec link = field(FieldType::kUrl);
  link.id = "link";
  kind.fields = {duration, topics, followups, source, link};
  return kind;
}

TEST(CommandLineValues, ReadEachType) {
  EXPECT_EQ(*parse_field_text(field(FieldType::kInteger), " 60 "), json(60));
  EXPECT_EQ(*parse_field_text(field(FieldType::kNumber), "1.5"), json(1.5));
  EXPECT_EQ(*parse_field_text(field(FieldType::kBoolean), "Yes"), json(true));
  EXPECT_EQ(*parse_field_text(field(FieldType::kBoolean), "0"), json(false));
  EXPECT_EQ(*parse_field_text(field(FieldType::kList), "career, cv,,study\\, plans"),
            json({"career", "cv", "study, plans"}));
  EXPECT_EQ(*parse_field_text(field(FieldType::kChecklist), "[x] 이력서, 포트폴리오 보내기"),
            json::array({{{"text", "이력서, 포트폴리오 보내기"}, {"done", true}}}));
  EXPECT_EQ(*parse_field_text(field(FieldType::kChecklist), "회고 쓰기"),
            json::array({{{"text", "회고 쓰기"}, {"done", false}}}));
  EXPECT_EQ(*parse_field_text(field(FieldType::kMarkdown), "  - 들여쓰기 유지"),
            json("  - 들여쓰기 유지"));
}

TEST(CommandLineValues, RejectWhatDoesNotParse) {
  for (const char* text : {"sixty", "6O", "", "1.5", "99999999999999999999", "1e300", "6e1", "60.0",
                           "+60", "0x3C", "18446744073709551615", "-9223372036854775809"})
    EXPECT_FALSE(parse_field_text(field(FieldType::kInteger), text).ok()) << text;
  EXPECT_FALSE(parse_field_text(field(FieldType::kNumber), "nan").ok());
  EXPECT_FALSE(parse_field_text(field(FieldType::kBoolean), "maybe").ok());
  auto bad_bytes = parse_field_text(field(FieldType::kText), "\xff\xfe");
  ASSERT_FALSE(bad_bytes.ok());
  EXPECT_NE(bad_bytes.error().message.find("not valid UTF-8"), std::string::npos);
}

TEST(CommandLineValues, IntegerTakesTheWholeInt64RangeAndNamesItBeyond) {
  EXPECT_EQ(*parse_field_text(field(FieldType::kInteger), "9223372036854775807"), json(INT64_MAX));
  EXPECT_EQ(*parse_field_text(field(FieldType::kInteger), "-9223372036854775808"), json(INT64_MIN));
  auto too_large = parse_field_text(field(FieldType::kInteger), "18446744073709551615");
  ASSERT_FALSE(too_large.ok());
  EXPECT_NE(too_large.error().message.find("field 'value'"), std::string::npos);
  EXPECT_NE(too_large.error().message.find("9223372036854775807"), std::string::npos);
  ASSERT_EQ(too_large.error().fields.size(), 1u);
  EXPECT_EQ(too_large.error().fields.front().field, "value");
}

// What an API client sends: nlohmann reads 1e300 and 60.0 as floats and 2^64-1 as unsigned.
TEST(FieldCheck, IntegerFieldTakesOnlyDigitsWithinInt64) {
  KindSpec kind;
  kind.id = "post";
  FieldSpec words = field(FieldType::kInteger);
  words.id = "word_count";
  words.min = 0;
  kind.fields = {words};
  for (const json& bad :
       {json(1e300), json(60.0), json(6e1), json(UINT64_MAX), json::parse("18446744073709551616"),
        json::parse("1E3"), json::parse("-9223372036854775809")}) {
    json fields = {{"word_count", bad}};
    auto problems = check_fields(kind, fields);
    ASSERT_EQ(problems.size(), 1u) << bad.dump();
    EXPECT_EQ(problems.front().field, "word_count");
    EXPECT_NE(problems.front().message.find("field 'word_count' must be a whole number"),
              std::string::npos)
        << problems.front().message;
    EXPECT_EQ(fields["word_count"], bad) << "a refused value is left as it was";
  }
  for (const json& good : {json(0), json::parse("1200"), json(INT64_MAX)}) {
    json fields = {{"word_count", good}};
    EXPECT_TRUE(check_fields(kind, fields).empty()) << good.dump();
  }
}

TEST(FieldCheck, AcceptsWellTypedFieldsAndDefaultsDoneToFalse) {
  json fields = {{"duration_min", 60},
                 {"topics", {"cv"}},
                 {"followups", {{{"text", "이력서"}}}},
                 {"source", "mentee"},
                 {"link", "https://velog.io/@minji/회고"},
                 {"unused", nullptr}};
  EXPECT_TRUE(check_fields(session_kind(), fields).empty());
  EXPECT_EQ(fields["followups"][0]["done"], false);
  EXPECT_FALSE(fields.contains("unused")) << "null means absent";
}

struct Problem {
  const char* name;
  json fields;
  const char* message;
};

// Names the case in CTest's list instead of dumping its bytes.
void PrintTo(const Problem& value, std::ostream* out) { *out << value.name; }

class FieldProblem : public ::testing::TestWithParam<Problem> {};

TEST_P(FieldProblem, IsNamed) {
  json fields = GetParam().fields;
  auto problems = check_fields(session_kind(), fields);
  ASSERT_FALSE(problems.empty());
  std::string all;
  for (const auto& problem : problems) all += problem.message + "\n";
  EXPECT_NE(all.find(GetParam().message), std::string::npos) << all;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FieldProblem,
    ::testing::Values(
        Problem{"Missing", json::object(), "field 'duration_min' is required"},
        Problem{"Unknown",
                {{"duration_min", 60}, {"mood", "good"}},
                "unknown field 'mood' for kind 'session'"},
        Problem{
            "NotANumber", {{"duration_min", "60"}}, "field 'duration_min' must be a whole number"},
        Problem{"Fraction", {{"duration_min", 1.5}}, "field 'duration_min' must be a whole number"},
        Problem{"BelowMin", {{"duration_min", 0}}, "field 'duration_min' must be from 1 to 1440"},
        Problem{"ListOfNumbers",
                {{"duration_min", 60}, {"topics", {1, 2}}},
                "field 'topics' must be a list of texts"},
        Problem{"ChecklistExtraKey",
                {{"duration_min", 60}, {"followups", {{{"text", "a"}, {"due", "x"}}}}},
                "items take only"},
        Problem{"UnknownChoice",
                {{"duration_min", 60}, {"source", "boss"}},
                "field 'source' must be one of: mentee, organiser"},
        Problem{"NotAUrl",
                {{"duration_min", 60}, {"link", "javascript:alert(1)"}},
                "field 'link' must be an http:// or https:// address"},
        Problem{"NotAnObject", json::array(), "must be a JSON object"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace hoego
