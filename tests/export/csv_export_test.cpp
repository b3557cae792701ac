// CSV for spreadsheets: the right columns, RFC 4180 quoting that a reader undoes exactly, a BOM,
// and no formula that runs when the file is opened.
#include <hoego/core/csv_export.h>

#include <sstream>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

// Reads RFC 4180 text back into rows of cells, the way a spreadsheet program does.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string& cell = rows.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.emplace_back(1);
      ++i;
    } else {
      cell += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

class CsvExport : public testing::MentoringFixture {};

TEST_F(CsvExport, OneRowPerEntryWithThePluginsFieldsAsColumns) {
  NewEntry first = session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담, \"1차\"");
  first.notes = "포트폴리오 피드백\n두 번째 줄";
  first.fields["topics"] = {"career", "cv"};
  first.fields["followups"] = {{{"text", "이력서 초안 보내기"}, {"done", true}},
                               {{"text", "모의 면접"}, {"done", false}}};
  ASSERT_TRUE(service->add(first).ok());
  ASSERT_TRUE(service->add(session("2022-10-12T20:00+09:00", "이준호", 30, "=1+2")).ok());

  std::ostringstream out;
  auto rows = export_csv(*db, plugins, "mentoring", out);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, 2u);
  const std::string text = out.str();
  ASSERT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u) << "starts with a UTF-8 byte-order mark";
  const auto table = read_csv(text.substr(3));
  ASSERT_EQ(table.size(), 3u);
  const std::vector<std::string> expected_header{
      "id",    "date",         "time",   "kind",     "title",     "track",  "people", "tags",
      "notes", "duration_min", "topics", "feedback", "followups", "source", "rating"};
  EXPECT_EQ(table[0], expected_header);
  const auto& row = table[1];
  ASSERT_EQ(row.size(), expected_header.size());
  EXPECT_EQ(row[1], "2022-10-05");
  EXPECT_EQ(row[2], "20:00:00+09:00");
  EXPECT_EQ(row[4], "취업 상담, \"1차\"");
  EXPECT_EQ(row[6], "김민지");
  EXPECT_EQ(row[8], "포트폴리오 피드백\n두 번째 줄");
  EXPECT_EQ(row[9], "60");
  EXPECT_EQ(row[10], "career; cv");
  EXPECT_EQ(row[12], "[x] 이력서 초안 보내기; [ ] 모의 면접");
  EXPECT_EQ(table[2][4], "'=1+2") << "a formula is written as text";
}

TEST_F(CsvExport, AnUnknownPluginIsNamed) {
  std::ostringstream out;
  auto rows = export_csv(*db, plugins, "gardening", out);
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.error().message.find("gardening"), std::string::npos);
  EXPECT_TRUE(out.str().empty());
}

TEST(CsvCell, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv_cell("plain 한글"), "plain 한글");
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_cell("-5"), "-5") << "a negative number stays a number";
  EXPECT_EQ(csv_cell("-5+A1"), "'-5+A1");
  EXPECT_EQ(csv_cell("\t=1"), "'\t=1");
  EXPECT_EQ(csv_cell("@SUM(A1)"), "'@SUM(A1)");
}

}  // namespace
}  // namespace hoego
