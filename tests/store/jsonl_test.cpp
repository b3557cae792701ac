// JSON Lines export and import: export → import → export is byte for byte the same, and a bad
// line is named and keeps nothing of the file.
#include <hoego/core/goal_service.h>
#include <hoego/core/jsonl.h>
#include <hoego/core/migrations.h>
#include <hoego/core/settings_service.h>
#include <hoego/core/track_service.h>

#include <sstream>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

class JsonLines : public testing::MentoringFixture {
 protected:
  void SetUp() override {
    MentoringFixture::SetUp();
    NewTrack cohort{"Boostcamp 4기 CV",       "mentoring", "2022-09-19", "2023-02-10",
                    "줄바꿈도\n\"따옴표\"도", {"김민지"}};
    ASSERT_TRUE(TrackService(*db, plugins).add(cohort).ok());
    NewEntry first = session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담");
    first.track = "Boostcamp 4기 CV";
    first.fields["topics"] = {"career", "cv"};
    first.fields["followups"] = {{{"text", "이력서 초안 보내기"}, {"done", false}}};
    ASSERT_TRUE(service->add(first).ok());
    ASSERT_TRUE(service->add(session("2022-10-12T20:00-04:30", "이준호", 45)).ok());
    EntryChanges retitle;
    retitle.title = "취업 상담 (1차)";
    ASSERT_TRUE(service->edit(1, retitle).ok());
    ASSERT_TRUE(service->remove(2).ok());
    NewGoal goal;
    goal.title = "격주 멘토링";
    goal.plugin = "mentoring";
    goal.kind = "session";
    goal.track = "Boostcamp 4기 CV";
    goal.every = "14d";
    goal.per_cycle = 1.5;
    goal.passes = 2;
    ASSERT_TRUE(GoalService(*db, plugins, "Asia/Seoul").add(goal).ok());
    ASSERT_TRUE(SettingsService(*db).set("language", "ko").ok());
  }

  std::string exported(Database& from) {
    std::ostringstream out;
    auto counts = export_jsonl(from, out);
    EXPECT_TRUE(counts.ok()) << counts.error().message;
    return out.str();
  }

  Database fresh(const char* name) {
    auto opened = Database::open(directory.path() / name);
    EXPECT_TRUE(opened.ok());
    return std::move(opened.value());
  }

  // How many rows the user-data tables hold in all.
  int64_t rows(Database& in) {
    auto count = in.prepare(
        "SELECT (SELECT COUNT(*) FROM people) + (SELECT COUNT(*) FROM entries) + "
        "(SELECT COUNT(*) FROM settings) + (SELECT COUNT(*) FROM tracks)");
    EXPECT_TRUE(count.ok() && count->step().ok());
    return count->integer(0);
  }
};

TEST_F(JsonLines, ExportImportExportIsByteIdentical) {
  const std::string first = exported(*db);
  Database copy = fresh("copy.db");
  auto counts = import_jsonl(copy, first);
  ASSERT_TRUE(counts.ok()) << counts.error().message;
  EXPECT_EQ((*counts)["entries"], 2u);
  EXPECT_EQ((*counts)["entry_history"], 1u) << "the one edit's replaced revision";
  EXPECT_EQ((*counts)["goals"], 1u);
  EXPECT_EQ(exported(copy), first);
  // What was imported works: the delete can be undone, the goal evaluated.
  EXPECT_TRUE(EntryService(copy, plugins, "Asia/Seoul").undo().ok());
  EXPECT_TRUE(
      GoalService(copy, plugins, "Asia/Seoul").evaluate(std::nullopt, false, "2022-11-01").ok());
}

TEST_F(JsonLines, ABadLineIsNamedAndNothingIsKept) {
  const std::string good = exported(*db);
  std::vector<std::string> lines;
  std::istringstream in(good);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_GT(lines.size(), 6u);
  auto with_line_5 = [&](const std::string& replacement) {
    std::string text;
    for (size_t i = 0; i < lines.size(); ++i) text += (i == 4 ? replacement : lines[i]) + "\n";
    return text;
  };
  const std::pair<std::string, std::string> cases[] = {
      {"{not json", "line 5: not valid JSON"},
      {R"({"table": "sqlite_master", "row": {"name": "x"}})", "line 5: unknown table"},
      {R"({"table": "people", "row": {"id": 9, "name) VALUES ('x'); --": "x"}})",
       "line 5: table people has no column"},
      {R"({"table": "people", "row": {"id": 9, "name": ["a"]}})", "must be text, a number"},
      {R"({"table": "people", "row": {"id": 9, "name": "김민지", "created_at": "x"}})",
       "line 5: the people row was refused: UNIQUE constraint failed"},
      {R"([1, 2])", "line 5: expected"},
  };
  for (const auto& [replacement, message] : cases) {
    Database copy = fresh("copy.db");
    auto counts = import_jsonl(copy, with_line_5(replacement));
    ASSERT_FALSE(counts.ok()) << replacement;
    EXPECT_NE(counts.error().message.find(message), std::string::npos)
        << replacement << " → " << counts.error().message;
    EXPECT_EQ(rows(copy), 0) << replacement;
  }
}

// Schema 3 added only derived tables, which exports leave out: an export made by a hoego of
// schema 2 still imports, with every row.
TEST_F(JsonLines, ReadsAnExportOfSchemaTwo) {
  std::string text = exported(*db);
  const std::string current = "\"schema_version\":" + std::to_string(latest_schema_version());
  ASSERT_NE(text.find(current), std::string::npos);
  text.replace(text.find(current), current.size(), "\"schema_version\":2");
  Database copy = fresh("copy.db");
  auto counts = import_jsonl(copy, text);
  ASSERT_TRUE(counts.ok()) << counts.error().message;
  EXPECT_EQ(rows(copy), rows(*db));
  Database older = fresh("older.db");
  text.replace(text.find("\"schema_version\":2"), 18, "\"schema_version\":1");
  EXPECT_NE(import_jsonl(older, text).error().message.find("schema 1;"), std::string::npos);
}

TEST_F(JsonLines, RefusesAForeignHeaderAndANonEmptyTarget) {
  Database copy = fresh("copy.db");
  EXPECT_NE(import_jsonl(copy, "").error().message.find("empty"), std::string::npos);
  EXPECT_NE(import_jsonl(copy, "{\"name\": \"x\"}\n").error().message.find("line 1: not a hoego"),
            std::string::npos);
  EXPECT_NE(import_jsonl(copy, R"({"format":"hoego-jsonl","schema_version":99,"version":1})")
                .error()
                .message.find("schema 99"),
            std::string::npos);
  EXPECT_NE(import_jsonl(copy, R"({"format":"hoego-jsonl","schema_version":[2],"version":"1"})")
                .error()
                .message.find("line 1"),
            std::string::npos);
  auto into_itself = import_jsonl(*db, exported(*db));
  ASSERT_FALSE(into_itself.ok());
  EXPECT_NE(into_itself.error().message.find("not empty"), std::string::npos);
}

}  // namespace
}  // namespace hoego
