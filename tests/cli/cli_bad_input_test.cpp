// Every way a user can get a command wrong: hoego must say on stderr what was wrong, exit
// non-zero, print nothing on stdout and leave the database exactly as it was.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace hoego::testing {
namespace {

using Arguments = std::vector<std::string>;

// Before each case: two mentees, live session #1 with 김민지 and session #2, deleted.
const std::vector<Arguments> kBaseline{
    {"people", "add", "김민지", "--note", "부스트캠프 4기 CV"},
    {"people", "add", "이준호"},
    {"add", "mentoring", "session", "--when", "2022-10-05T20:00+09:00", "--with", "김민지",
     "--title", "취업 상담", "--field", "duration_min=60", "--field", "topics=career,cv", "--field",
     "followups=이력서 초안 보내기"},
    {"add", "mentoring", "session", "--when", "2022-10-12T20:00+09:00", "--with", "이준호",
     "--title", "코드 리뷰", "--field", "duration_min=90"},
    {"delete", "2"},
};

// `hoego add mentoring session --when … <rest>`: a session that is fine except for `rest`.
Arguments session(const Arguments& rest) {
  Arguments arguments{"add", "mentoring", "session", "--when", "2022-10-19T20:00+09:00"};
  arguments.insert(arguments.end(), rest.begin(), rest.end());
  return arguments;
}

struct BadInput {
  std::string name;
  Arguments arguments;
  std::vector<std::string> mentions;  // what the message on stderr must name
};

// Names the case in gtest's output instead of dumping its bytes.
void PrintTo(const BadInput& input, std::ostream* stream) { *stream << input.name; }

class CliBadInput : public ::testing::TestWithParam<BadInput> {
 protected:
  void SetUp() override {
    for (const auto& arguments : kBaseline) {
      const RunResult result = hoego.run(arguments);
      ASSERT_EQ(result.exit_code, 0) << result;
    }
  }

  CliRunner hoego;
};

TEST_P(CliBadInput, IsRefusedWithAMessageNamingWhatWasWrongAndChangesNothing) {
  const std::string before = hoego.database_fingerprint();
  const RunResult result = hoego.run(GetParam().arguments);
  EXPECT_NE(result.exit_code, 0) << result;
  for (const auto& part : GetParam().mentions) EXPECT_TRUE(contains(result.err, part));
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

const BadInput kPluginsAndKinds[] = {
    {"unknown_plugin", {"add", "nosuch", "session"}, {"unknown plugin 'nosuch'"}},
    {"unknown_kind", {"add", "mentoring", "meeting"}, {"unknown kind 'meeting'"}},
    {"unknown_plugin_with_options",
     {"add", "nosuch", "session", "--when", "2022-10-05"},
     {"unknown plugin 'nosuch'"}},
    {"no_kind", {"add", "mentoring"}, {"session, feedback"}},
    {"no_plugin", {"add"}, {"hoego add PLUGIN KIND"}},
};
INSTANTIATE_TEST_SUITE_P(PluginsAndKinds, CliBadInput, ::testing::ValuesIn(kPluginsAndKinds),
                         [](const auto& info) { return info.param.name; });

const BadInput kFields[] = {
    {"unknown_field",
     session({"--with", "김민지", "--field", "duration_min=60", "--field", "mood=좋음"}),
     {"unknown field 'mood'"}},
    {"missing_required_field", session({"--with", "김민지"}), {"‘Duration’", "required"}},
    {"field_not_written_key_value",
     session({"--with", "김민지", "--field", "duration_min"}),
     {"duration_min", "key=value"}},
    {"minutes_in_words",
     session({"--with", "김민지", "--field", "duration_min=sixty"}),
     {"‘Duration’", "sixty", "whole number"}},
    {"fractional_minutes",
     session({"--with", "김민지", "--field", "duration_min=1.5"}),
     {"‘Duration’", "1.5", "whole number"}},
    {"minutes_with_an_exponent",
     session({"--with", "김민지", "--field", "duration_min=1e300"}),
     {"‘Duration’", "1e300", "whole number"}},
    {"word_count_beyond_int64",
     {"add", "writing", "post", "--when", "2022-10-20T09:00+09:00", "--field",
      "word_count=18446744073709551615"},
     {"‘Word count’", "18446744073709551615", "9223372036854775807"}},
    {"zero_minutes",
     session({"--with", "김민지", "--field", "duration_min=0"}),
     {"‘Duration’", "from 1 to 1440"}},
    {"longer_than_a_day",
     session({"--with", "김민지", "--field", "duration_min=1441"}),
     {"‘Duration’", "from 1 to 1440"}},
    {"unknown_choice",
     {"add", "mentoring", "feedback", "--when", "2022-10-20T09:00+09:00", "--field", "source=boss"},
     {"‘Source’", "mentee, organiser, peer"}},
    {"rating_out_of_range",
     {"add", "mentoring", "feedback", "--when", "2022-10-20T09:00+09:00", "--field",
      "source=mentee", "--field", "rating=6"},
     {"‘Rating’", "from 1 to 5"}},
};
INSTANTIATE_TEST_SUITE_P(Fields, CliBadInput, ::testing::ValuesIn(kFields),
                         [](const auto& info) { return info.param.name; });

const BadInput kDates[] = {
    {"month_thirteen",
     {"add", "mentoring", "session", "--when", "2022-13-45", "--with", "김민지", "--field",
      "duration_min=60"},
     {"2022-13-45"}},
    {"thirtieth_of_february",
     {"add", "mentoring", "session", "--when", "2022-02-30 10:00", "--with", "김민지", "--field",
      "duration_min=60"},
     {"2022-02-30"}},
    {"word_for_a_day",
     {"add", "mentoring", "session", "--when", "yesterday", "--with", "김민지", "--field",
      "duration_min=60"},
     {"yesterday"}},
    {"offset_out_of_range",
     {"add", "mentoring", "session", "--when", "2022-10-05T20:00+25:00", "--with", "김민지",
      "--field", "duration_min=60"},
     {"+25:00"}},
    {"list_since_not_a_date", {"list", "--since", "notadate"}, {"notadate"}},
    {"list_until_impossible_date", {"list", "--until", "2022-02-30"}, {"2022-02-30"}},
    {"stats_since_impossible_date", {"stats", "--since", "2022-13-01"}, {"2022-13-01"}},
    {"stats_year_not_a_year", {"stats", "--year", "22"}, {"'22' is not a year"}},
    {"stats_year_with_since",
     {"stats", "--year", "2022", "--since", "2022-03-01"},
     {"--year", "--since"}},
    {"stats_year_with_until",
     {"stats", "--year", "2022", "--until", "2022-06-30"},
     {"--year", "--until"}},
};
INSTANTIATE_TEST_SUITE_P(Dates, CliBadInput, ::testing::ValuesIn(kDates),
                         [](const auto& info) { return info.param.name; });

// "\xff\xfe" can never occur in UTF-8; "\xc0\xaf" is an overlong '/'.
const BadInput kText[] = {
    {"title_not_utf8",
     session({"--with", "김민지", "--field", "duration_min=60", "--title", "\xff\xfe"}),
     {"title", "UTF-8"}},
    {"title_on_two_lines",
     session({"--with", "김민지", "--field", "duration_min=60", "--title", "취업\n상담"}),
     {"title", "one line"}},
    {"notes_not_utf8",
     session({"--with", "김민지", "--field", "duration_min=60", "--notes", "\xc0\xaf"}),
     {"notes", "UTF-8"}},
    {"list_field_not_utf8",
     session({"--with", "김민지", "--field", "duration_min=60", "--field", "topics=\xff\xfe"}),
     {"‘Topics’", "UTF-8"}},
    {"checklist_field_not_utf8",
     session({"--with", "김민지", "--field", "duration_min=60", "--field", "followups=\xff\xfe"}),
     {"‘Follow-ups promised’", "UTF-8"}},
    {"tag_not_utf8",
     session({"--with", "김민지", "--field", "duration_min=60", "--tag", "\xff\xfe"}),
     {"tags", "UTF-8"}},
    {"mentee_name_not_utf8",
     session({"--with", "\xff\xfe", "--field", "duration_min=60"}),
     {"people", "UTF-8"}},
    {"new_person_name_not_utf8", {"people", "add", "\xff\xfe"}, {"name", "UTF-8"}},
    {"new_person_note_not_utf8",
     {"people", "add", "박서연", "--note", "\xff\xfe"},
     {"note", "UTF-8"}},
};
INSTANTIATE_TEST_SUITE_P(Text, CliBadInput, ::testing::ValuesIn(kText),
                         [](const auto& info) { return info.param.name; });

const BadInput kPeople[] = {
    {"mentee_not_added_yet",
     session({"--with", "없는사람", "--field", "duration_min=60"}),
     {"없는사람", "hoego people add"}},
    {"mentee_with_empty_name",
     session({"--with", "", "--field", "duration_min=60"}),
     {"a person's name must not be empty"}},
    {"session_without_a_mentee",
     session({"--field", "duration_min=60"}),
     {"needs at least one person"}},
    {"person_added_twice", {"people", "add", "김민지"}, {"'김민지' already exists"}},
    {"person_added_twice_with_spaces", {"people", "add", " 김민지 "}, {"'김민지' already exists"}},
    {"person_with_empty_name", {"people", "add", ""}, {"a person needs a name"}},
    {"person_with_blank_name", {"people", "add", "   "}, {"a person needs a name"}},
};
INSTANTIATE_TEST_SUITE_P(People, CliBadInput, ::testing::ValuesIn(kPeople),
                         [](const auto& info) { return info.param.name; });

const BadInput kEntryIds[] = {
    {"show_missing_entry", {"show", "99"}, {"no entry with id 99"}},
    {"edit_missing_entry", {"edit", "99", "--title", "진로 상담"}, {"no entry with id 99"}},
    {"delete_missing_entry", {"delete", "99"}, {"no entry with id 99"}},
    {"show_deleted_entry", {"show", "2"}, {"entry 2 is deleted"}},
    {"edit_deleted_entry", {"edit", "2", "--title", "코드 리뷰 (수정)"}, {"entry 2 is deleted"}},
    {"delete_deleted_entry", {"delete", "2"}, {"entry 2 is deleted"}},
    {"id_not_a_number", {"show", "첫번째"}, {"첫번째"}},
};
INSTANTIATE_TEST_SUITE_P(EntryIds, CliBadInput, ::testing::ValuesIn(kEntryIds),
                         [](const auto& info) { return info.param.name; });

const BadInput kEdits[] = {
    {"edit_to_zero_minutes",
     {"edit", "1", "--field", "duration_min=0"},
     {"‘Duration’", "from 1 to 1440"}},
    {"edit_clearing_a_required_field",
     {"edit", "1", "--field", "duration_min="},
     {"‘Duration’", "required"}},
    {"edit_with_unknown_field", {"edit", "1", "--field", "mood=좋음"}, {"unknown field 'mood'"}},
    {"edit_to_unknown_mentee", {"edit", "1", "--with", "없는사람"}, {"없는사람"}},
    {"edit_to_impossible_date", {"edit", "1", "--when", "2022-13-45"}, {"2022-13-45"}},
    {"edit_title_not_utf8", {"edit", "1", "--title", "\xff\xfe"}, {"title", "UTF-8"}},
};
INSTANTIATE_TEST_SUITE_P(Edits, CliBadInput, ::testing::ValuesIn(kEdits),
                         [](const auto& info) { return info.param.name; });

const BadInput kFilters[] = {
    {"list_unknown_plugin", {"list", "--plugin", "nosuch"}, {"unknown plugin 'nosuch'"}},
    {"stats_unknown_plugin", {"stats", "--plugin", "nosuch"}, {"unknown plugin 'nosuch'"}},
    {"milestones_unknown_plugin",
     {"milestones", "--plugin", "nosuch"},
     {"unknown plugin 'nosuch'"}},
    {"negative_limit", {"list", "--limit", "-1"}, {"--limit", "-1"}},
};
INSTANTIATE_TEST_SUITE_P(Filters, CliBadInput, ::testing::ValuesIn(kFilters),
                         [](const auto& info) { return info.param.name; });

// The check every case above relies on: the fingerprint sees a write, and only a write.
TEST(CliRunnerFingerprint, ChangesWhenACommandWritesAndOnlyThen) {
  CliRunner hoego;
  EXPECT_EQ(hoego.database_fingerprint(), "(no database)");
  ASSERT_EQ(hoego.run({"people", "add", "김민지"}).exit_code, 0);
  const std::string with_one_person = hoego.database_fingerprint();
  EXPECT_TRUE(contains(with_one_person, "name='김민지'"));
  ASSERT_EQ(hoego.run({"people"}).exit_code, 0);
  EXPECT_EQ(hoego.database_fingerprint(), with_one_person);
  ASSERT_EQ(hoego.run({"people", "add", "이준호"}).exit_code, 0);
  EXPECT_NE(hoego.database_fingerprint(), with_one_person);
}

// Usage errors from the argument parser exit with 2, whatever CLI11's own code for them.
TEST(CliUsageErrors, ExitWithTheDocumentedCodeTwo) {
  CliRunner hoego;
  for (const Arguments& arguments : std::vector<Arguments>{{"show", "첫번째"},
                                                           {"list", "--limit", "-1"},
                                                           {"edit"},
                                                           {"frobnicate"},
                                                           {"list", "--since"}}) {
    const RunResult result = hoego.run(arguments);
    EXPECT_EQ(result.exit_code, 2) << result;
  }
}

}  // namespace
}  // namespace hoego::testing
