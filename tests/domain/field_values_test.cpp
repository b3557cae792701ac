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
  duration.label = {"진행 시간(분)", "Duration (minutes)"};
  duration.min = 1;
  duration.max = 1440;
  FieldSpec topics = field(FieldType::kList);
  topics.id = "topics";
  topics.label = {"주제", "Topics"};
  FieldSpec followups = field(FieldType::kChecklist);
  followups.id = "followups";
  followups.label = {"약속한 후속 조치", "Follow-ups promised"};
  FieldSpec source = field(FieldType::kChoice);
  source.id = "source";
  source.label = {"출처", "Source"};
  source.options = {{"mentee", {"멘티", "Mentee"}}, {"organiser", {"운영진", "Organiser"}}};
  FieldSpec link = field(FieldType::kUrl);
  link.id = "link";
  link.label = {"링크", "Link"};
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
  EXPECT_EQ(bad_bytes.error().message_ko, "‘값’ 값이 올바른 UTF-8이 아닙니다");
}

// The whole message names the field by its label and quotes what was typed; the field's own
// message, shown beside it, says only what is wrong; `field` stays the id, for programs.
TEST(CommandLineValues, RefusalNamesTheLabelInBothLanguages) {
  FieldSpec minutes = field(FieldType::kInteger);
  minutes.id = "duration_min";
  minutes.label = {"진행 시간(분)", "Duration (minutes)"};
  auto refused = parse_field_text(minutes, "sixty");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "‘Duration (minutes)’: 'sixty' is not a whole number");
  EXPECT_EQ(refused.error().message_ko, "‘진행 시간(분)’ 값이 정수가 아닙니다: 'sixty'");
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields.front().field, "duration_min");
  EXPECT_EQ(refused.error().fields.front().in("en"), "is not a whole number");
  EXPECT_EQ(refused.error().fields.front().in("ko"), "정수가 아닙니다");
}

TEST(CommandLineValues, IntegerTakesTheWholeInt64RangeAndNamesItBeyond) {
  EXPECT_EQ(*parse_field_text(field(FieldType::kInteger), "9223372036854775807"), json(INT64_MAX));
  EXPECT_EQ(*parse_field_text(field(FieldType::kInteger), "-9223372036854775808"), json(INT64_MIN));
  auto too_large = parse_field_text(field(FieldType::kInteger), "18446744073709551615");
  ASSERT_FALSE(too_large.ok());
  EXPECT_NE(too_large.error().message.find("‘Value’"), std::string::npos);
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
    EXPECT_NE(problems.front().message.find("‘Value’ must be a whole number"), std::string::npos)
        << problems.front().message;
    EXPECT_EQ(problems.front().message_ko.rfind("‘값’ 값은 ", 0), 0u)
        << problems.front().message_ko;
    EXPECT_NE(problems.front().message_ko.find("정수여야 합니다"), std::string::npos)
        << problems.front().message_ko;
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

// A problem names the field by its label for people; `field` stays the id, for programs. A field
// without a label in one language is named in the other, and one with none by its id.
TEST(FieldCheck, ProblemsKeepTheIdAndFallBackFromLabelToId) {
  KindSpec kind = session_kind();
  kind.fields[0].label = {"", "Duration (minutes)"};
  json fields = json::object();
  auto problems = check_fields(kind, fields);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.front().field, "duration_min");
  EXPECT_EQ(problems.front().in("ko"), "‘Duration (minutes)’ 값이 필요합니다");

  kind.fields[0].label = {};
  problems = check_fields(kind, fields);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.front().in("en"), "‘duration_min’ is required");
  EXPECT_EQ(problems.front().in("ko"), "‘duration_min’ 값이 필요합니다");
}

struct Problem {
  const char* name;
  json fields;
  const char* message;
  const char* message_ko;
};

// Names the case in CTest's list instead of dumping its bytes.
void PrintTo(const Problem& value, std::ostream* out) { *out << value.name; }

class FieldProblem : public ::testing::TestWithParam<Problem> {};

TEST_P(FieldProblem, IsNamed) {
  json fields = GetParam().fields;
  auto problems = check_fields(session_kind(), fields);
  ASSERT_FALSE(problems.empty());
  std::string all, all_ko;
  for (const auto& problem : problems) {
    all += problem.message + "\n";
    all_ko += problem.message_ko + "\n";
  }
  EXPECT_NE(all.find(GetParam().message), std::string::npos) << all;
  EXPECT_NE(all_ko.find(GetParam().message_ko), std::string::npos) << all_ko;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FieldProblem,
    ::testing::Values(
        Problem{"Missing", json::object(), "‘Duration (minutes)’ is required",
                "‘진행 시간(분)’ 값이 필요합니다"},
        Problem{"Unknown",
                {{"duration_min", 60}, {"mood", "good"}},
                "unknown field 'mood' for kind 'session'",
                "'session' 종류에 없는 필드입니다: 'mood'"},
        Problem{"NotANumber",
                {{"duration_min", "60"}},
                "‘Duration (minutes)’ must be a whole number",
                "‘진행 시간(분)’ 값은 소수점이나 지수 없이 쓴 정수여야 합니다"},
        Problem{"Fraction",
                {{"duration_min", 1.5}},
                "‘Duration (minutes)’ must be a whole number",
                "‘진행 시간(분)’ 값은 소수점이나 지수 없이 쓴 정수여야 합니다"},
        Problem{"BelowMin",
                {{"duration_min", 0}},
                "‘Duration (minutes)’ must be from 1 to 1440",
                "‘진행 시간(분)’ 값은 1 이상 1440 이하여야 합니다"},
        Problem{"ListOfNumbers",
                {{"duration_min", 60}, {"topics", {1, 2}}},
                "‘Topics’ must be a list of texts",
                "‘주제’ 값은 텍스트 목록이어야 합니다"},
        Problem{"ChecklistExtraKey",
                {{"duration_min", 60}, {"followups", {{{"text", "a"}, {"due", "x"}}}}},
                "‘Follow-ups promised’ items take only",
                "‘약속한 후속 조치’ 항목에는 \"text\"와 \"done\"만 쓸 수 있습니다"},
        Problem{"UnknownChoice",
                {{"duration_min", 60}, {"source", "boss"}},
                "‘Source’ must be one of: mentee, organiser",
                "‘출처’ 값은 다음 중 하나여야 합니다: mentee, organiser"},
        Problem{"NotAUrl",
                {{"duration_min", 60}, {"link", "javascript:alert(1)"}},
                "‘Link’ must be an http:// or https:// address",
                "‘링크’ 값은 http:// 또는 https:// 주소여야 합니다"},
        Problem{"NotAnObject", json::array(), "must be a JSON object", "JSON 객체여야 합니다"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace hoego
