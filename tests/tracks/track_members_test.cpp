// A track's members and their blogs' feeds: one by one (a new name becomes a person), taken out,
// undone as one step, and a cohort's CSV list imported whole or, on any bad row, not at all.
#include <gtest/gtest.h>
#include <hoego/core/jsonl.h>
#include <hoego/core/people_service.h>
#include <hoego/core/track_service.h>

#include <sstream>

#include "../../core/src/domain/csv_reader.h"
#include "../support/mentoring_fixture.h"

namespace hoego::track_members_test {
namespace {

class TrackMembers : public testing::MentoringFixture {
 protected:
  void SetUp() override {
    MentoringFixture::SetUp();
    ASSERT_TRUE(TrackService(*db, plugins)
                    .add({kCohort, "writing", "2026-09-01", "2027-02-28", "", {"김민지"}})
                    .ok());
  }

  TrackService tracks() { return TrackService(*db, plugins); }

  Track cohort() {
    auto track = tracks().get(kCohort);
    EXPECT_TRUE(track.ok()) << track.error().message;
    return track.ok() ? *track : Track{};
  }

  std::vector<std::string> people() {
    auto list = PeopleService(*db).list(true);
    EXPECT_TRUE(list.ok());
    std::vector<std::string> names;
    if (list.ok())
      for (const auto& person : *list) names.push_back(person.name);
    return names;
  }

  bool is_person(const std::string& name) {
    const auto names = people();
    return std::find(names.begin(), names.end(), name) != names.end();
  }

  // Everything a user keeps, as the lossless export writes it (the journal too): a refusal must
  // leave it as it was.
  std::string everything() {
    std::ostringstream out;
    EXPECT_TRUE(export_jsonl(*db, out).ok());
    return out.str();
  }

  static constexpr const char* kCohort = "글또 10기";
};

TEST_F(TrackMembers, AddingANewNameMakesThePersonAndAMemberWithTheFeed) {
  auto added = tracks().add_member(kCohort, " 박지호 ", "https://jiho.example/rss");
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_TRUE(added->person_created);
  EXPECT_EQ(added->track.members, (std::vector<std::string>{"김민지", "박지호"}));
  EXPECT_EQ(added->track.feeds,
            (std::map<std::string, std::string>{{"박지호", "https://jiho.example/rss"}}));
  EXPECT_TRUE(is_person("박지호"));
  EXPECT_EQ(to_json(*added).at("track").at("feeds").at("박지호"), "https://jiho.example/rss");
  EXPECT_EQ(to_json(*added).at("person_created"), true);

  // A member already there keeps their place and gets a new feed; "" takes it away.
  auto existing = tracks().add_member(kCohort, "김민지", "http://minji.example/feed.xml");
  ASSERT_TRUE(existing.ok()) << existing.error().message;
  EXPECT_FALSE(existing->person_created);
  EXPECT_EQ(existing->track.members, (std::vector<std::string>{"김민지", "박지호"}));
  EXPECT_EQ(cohort().feeds.at("김민지"), "http://minji.example/feed.xml");
  ASSERT_TRUE(tracks().add_member(kCohort, "김민지", "https://minji.example/rss").ok());
  EXPECT_EQ(cohort().feeds.at("김민지"), "https://minji.example/rss");
  ASSERT_TRUE(tracks().add_member(kCohort, "김민지", std::nullopt).ok());
  EXPECT_EQ(cohort().feeds.at("김민지"), "https://minji.example/rss") << "no feed given keeps it";
  ASSERT_TRUE(tracks().add_member(kCohort, "김민지", "").ok());
  EXPECT_EQ(cohort().feeds.count("김민지"), 0u);
  EXPECT_EQ(cohort().members.size(), 2u);
}

TEST_F(TrackMembers, ABadFeedAddressIsRefusedInBothLanguagesAndChangesNothing) {
  ASSERT_TRUE(tracks().add_member(kCohort, "김민지", "https://minji.example/rss").ok());
  const std::string before = everything();
  const std::vector<std::string> refused = {"ftp://minji.example/rss",
                                            "https://",
                                            "http:///rss",
                                            "https://minji example/rss",
                                            "minji.example/rss",
                                            "https://minji.example/rss\nhttps://other.example/rss",
                                            "https://minji.example/" + std::string(1979, 'a')};
  ASSERT_EQ(refused.back().size(), 2001u);
  for (const auto& address : refused) {
    SCOPED_TRACE(address);
    for (const char* person : {"김민지", "이서연"}) {
      auto added = tracks().add_member(kCohort, person, address);
      ASSERT_FALSE(added.ok());
      EXPECT_EQ(added.error().code, ErrorCode::kInvalidInput);
      ASSERT_FALSE(added.error().fields.empty());
      EXPECT_EQ(added.error().fields.front().field, "feed");
      EXPECT_FALSE(added.error().message_ko.empty());
      EXPECT_NE(added.error().message, added.error().message_ko);
    }
  }
  auto ftp = tracks().add_member(kCohort, "이서연", "ftp://minji.example/rss");
  EXPECT_EQ(ftp.error().message,
            "'ftp://minji.example/rss' is not a feed address (http:// or https:// and a host)");
  EXPECT_EQ(ftp.error().message_ko,
            "피드 주소가 아닙니다 (http:// 또는 https://로 시작하고 호스트가 있어야 합니다): "
            "'ftp://minji.example/rss'");
  auto spaced = tracks().add_member(kCohort, "이서연", "https://minji example/rss");
  EXPECT_NE(spaced.error().message.find("is not a feed address"), std::string::npos);
  auto empty_name = tracks().add_member(kCohort, "  ", "https://minji.example/rss");
  ASSERT_FALSE(empty_name.ok());
  EXPECT_EQ(empty_name.error().fields.front().field, "name");
  EXPECT_NE(empty_name.error().message_ko.find("이름"), std::string::npos);
  auto no_track = tracks().add_member("글또 99기", "이서연", "https://seoyeon.example/rss");
  ASSERT_FALSE(no_track.ok());
  EXPECT_EQ(no_track.error().code, ErrorCode::kNotFound);

  EXPECT_EQ(everything(), before) << "a refused member changed the database";
  EXPECT_FALSE(is_person("이서연"));
}

TEST_F(TrackMembers, RemovingAMemberTakesTheirFeedAndKeepsThePerson) {
  ASSERT_TRUE(tracks().add_member(kCohort, "박지호", "https://jiho.example/rss").ok());
  auto removed = tracks().remove_member(kCohort, "박지호");
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  EXPECT_EQ(removed->members, std::vector<std::string>{"김민지"});
  EXPECT_TRUE(removed->feeds.empty());
  EXPECT_TRUE(is_person("박지호"));

  const std::string before = everything();
  auto again = tracks().remove_member(kCohort, "박지호");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(again.error().message, "'박지호' is not a member of '글또 10기'");
  EXPECT_EQ(again.error().message_ko, "'박지호'은(는) '글또 10기'의 멤버가 아닙니다");
  EXPECT_EQ(everything(), before);
}

TEST_F(TrackMembers, EachMemberStepIsUndoneAsOne) {
  ASSERT_TRUE(tracks().add_member(kCohort, "김민지", "https://minji.example/rss").ok());
  const Track with_feed = cohort();
  ASSERT_TRUE(tracks().add_member(kCohort, "박지호", "https://jiho.example/rss").ok());
  auto undone = service->undo();
  ASSERT_TRUE(undone.ok()) << undone.error().message;
  EXPECT_EQ(undone->subject, "track");
  EXPECT_EQ(cohort().members, with_feed.members);
  EXPECT_EQ(cohort().feeds, with_feed.feeds);

  ASSERT_TRUE(tracks().remove_member(kCohort, "김민지").ok());
  EXPECT_TRUE(cohort().feeds.empty());
  ASSERT_TRUE(service->undo().ok());
  EXPECT_EQ(cohort().members, with_feed.members);
  EXPECT_EQ(cohort().feeds.at("김민지"), "https://minji.example/rss");

  ASSERT_TRUE(
      tracks().import_members(kCohort, "이름,피드\n이서연,https://seoyeon.example/rss\n").ok());
  EXPECT_EQ(cohort().members.size(), 2u);
  ASSERT_TRUE(service->undo().ok());
  EXPECT_EQ(cohort().members, with_feed.members);
  EXPECT_EQ(cohort().feeds, with_feed.feeds);
}

TEST_F(TrackMembers, StepsUndoInAnyOrderOfNames) {
  // 강다은 sorts before 김민지, who was there first: members written afresh in name order swapped
  // people between the rows the journal puts back.
  ASSERT_TRUE(tracks().add_member(kCohort, "강다은", "https://daeun.example/rss").ok());
  ASSERT_TRUE(tracks().add_member(kCohort, "박지호", "https://jiho.example/rss").ok());
  ASSERT_TRUE(tracks().add_member(kCohort, "김민지", "https://minji.example/rss").ok());
  for (const auto& expected : std::vector<std::vector<std::string>>{
           {"강다은", "김민지", "박지호"}, {"강다은", "김민지"}, {"김민지"}}) {
    auto undone = service->undo();
    ASSERT_TRUE(undone.ok()) << undone.error().message;
    EXPECT_EQ(cohort().members, expected);
  }
  EXPECT_TRUE(cohort().feeds.empty());
}

TEST_F(TrackMembers, ImportsACohortsKoreanSpreadsheet) {
  ASSERT_TRUE(tracks().add_member(kCohort, "이준호", "https://junho.example/rss").ok());
  // As Excel saves "CSV UTF-8": a byte order mark, CRLF, quotes where a cell needs them.
  const std::string csv =
      "\xEF\xBB\xBF이름,피드\r\n"
      "김민지,https://minji.example/rss\r\n"
      "\"Park, Jiho\",https://jiho.example/feed.xml\r\n"
      "\"최 \"\"유진\"\"\",\"https://yujin.example/rss\"\r\n"
      "이준호,\r\n"
      "\r\n"
      "정하늘,\r\n";
  auto imported = tracks().import_members(kCohort, csv);
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_EQ(imported->added, 3u);      // Park, Jiho; 최 "유진"; 정하늘
  EXPECT_EQ(imported->updated, 1u);    // 김민지 gets a feed
  EXPECT_EQ(imported->unchanged, 1u);  // 이준호's empty cell keeps the feed
  EXPECT_EQ(imported->people_created, 3u);
  const Track track = cohort();
  // Members are kept in order of their names.
  EXPECT_EQ(track.members,
            (std::vector<std::string>{"Park, Jiho", "김민지", "이준호", "정하늘", "최 \"유진\""}));
  EXPECT_EQ(track.feeds,
            (std::map<std::string, std::string>{{"김민지", "https://minji.example/rss"},
                                                {"이준호", "https://junho.example/rss"},
                                                {"Park, Jiho", "https://jiho.example/feed.xml"},
                                                {"최 \"유진\"", "https://yujin.example/rss"}}));
  const nlohmann::json json = to_json(*imported);
  EXPECT_EQ(json.at("added"), 3);
  EXPECT_EQ(json.at("people_created"), 3);

  // The same file again changes nothing.
  auto again = tracks().import_members(kCohort, csv);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->added, 0u);
  EXPECT_EQ(again->updated, 0u);
  EXPECT_EQ(again->unchanged, 5u);
}

TEST_F(TrackMembers, HeadingsMayComeInAnyOrderAndAFileMayHaveNone) {
  auto reordered = tracks().import_members(
      kCohort, "Blog,Email,Name\nhttps://jiho.example/rss,jiho@example.com,박지호\n");
  ASSERT_TRUE(reordered.ok()) << reordered.error().message;
  EXPECT_EQ(cohort().feeds.at("박지호"), "https://jiho.example/rss");
  auto bare = tracks().import_members(kCohort, "이서연,https://seoyeon.example/rss\n");
  ASSERT_TRUE(bare.ok()) << bare.error().message;
  EXPECT_EQ(cohort().feeds.at("이서연"), "https://seoyeon.example/rss");
}

TEST_F(TrackMembers, AFileWithABadRowNamesItAndWritesNothing) {
  const std::string before = everything();
  auto refused = tracks().import_members(kCohort,
                                         "이름,피드\n"
                                         "박지호,https://jiho.example/rss\n"
                                         "이서연,ftp://seoyeon.example/rss\n"
                                         "정하늘,https://haneul.example/rss\n");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(refused.error().message,
            "nothing was imported: row 3: 'ftp://seoyeon.example/rss' is not a feed address "
            "(http:// or https:// and a host)");
  EXPECT_EQ(refused.error().message_ko.rfind("아무것도 가져오지 않았습니다: 3번째 행: ", 0), 0u)
      << refused.error().message_ko;
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "row 3");
  EXPECT_EQ(everything(), before) << "a refused file wrote something";
  EXPECT_EQ(people().size(), 2u);
}

TEST_F(TrackMembers, EveryBadRowAndARepeatedNameAreNamedTogether) {
  const std::string before = everything();
  auto refused = tracks().import_members(kCohort,
                                         "name,feed\r\n"
                                         "박지호,https://jiho.example/rss\r\n"
                                         "이서연,https://seoyeon example/rss\r\n"
                                         ",https://nobody.example/rss\r\n"
                                         "박지호,https://jiho.example/other\r\n");
  ASSERT_FALSE(refused.ok());
  const Error& error = refused.error();
  ASSERT_EQ(error.fields.size(), 3u) << error.message;
  EXPECT_EQ(error.fields[0].field, "row 3");
  EXPECT_EQ(error.fields[1].field, "row 4");
  EXPECT_EQ(error.fields[1].message, "row 4: the name is empty");
  EXPECT_EQ(error.fields[2].field, "row 5");
  EXPECT_EQ(error.fields[2].message, "row 5: '박지호' is on row 2 too");
  EXPECT_EQ(error.fields[2].message_ko, "5번째 행: '박지호'은(는) 2번째 행에도 있습니다");
  EXPECT_NE(error.message_ko.find("3번째 행"), std::string::npos);
  EXPECT_NE(error.message_ko.find("4번째 행"), std::string::npos);
  EXPECT_EQ(everything(), before);
}

TEST_F(TrackMembers, AFileThatIsNotACleanCsvIsRefusedNamingItsRow) {
  const std::string before = everything();
  struct Case {
    std::string csv;
    std::string english;
    std::string korean;
  };
  const std::vector<Case> cases = {
      {"이름,피드\n박지호,https://jiho.example/rss\n\"이서연,https://seoyeon.example/rss\n",
       "row 3: a quote is never closed", "3번째 행: 따옴표가 닫히지 않았습니다"},
      {"이름,피드\n\"박지호\" 님,https://jiho.example/rss\n", "row 2: text after a closing quote",
       "2번째 행: 닫는 따옴표 뒤에 글자가 있습니다"},
      {"이름,피드\n박\"지호,https://jiho.example/rss\n", "row 2: a quote inside an unquoted field",
       "2번째 행: 따옴표로 감싸지 않은 필드 안에 따옴표가 있습니다"},
      // "박지호" in EUC-KR, as an older Excel saves a Korean CSV.
      {"name,feed\n\xB9\xDA\xC1\xF6\xC8\xA3,https://jiho.example/rss\n",
       "row 2: the text is not UTF-8", "2번째 행: UTF-8 텍스트가 아닙니다"},
      {"", "the file holds no members", "파일에 멤버가 없습니다"},
      {"이름,피드\n\n", "the file holds no members", "파일에 멤버가 없습니다"},
  };
  for (const auto& bad : cases) {
    SCOPED_TRACE(bad.csv);
    auto refused = tracks().import_members(kCohort, bad.csv);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(refused.error().message.rfind(bad.english, 0), 0u) << refused.error().message;
    EXPECT_EQ(refused.error().message_ko.rfind(bad.korean, 0), 0u) << refused.error().message_ko;
  }
  EXPECT_EQ(everything(), before);
}

TEST(CsvReader, NumbersRowsAsASpreadsheetDoes) {
  // A quoted line break stays in its cell; a blank line is a row of its own, left out.
  auto records = read_csv("a,\"b\nc\"\r\n\r\nd,\"\"\n\"e\"\"\",f,\n");
  ASSERT_TRUE(records.ok()) << records.error().message;
  ASSERT_EQ(records->size(), 3u);
  EXPECT_EQ((*records)[0].row, 1);
  EXPECT_EQ((*records)[0].fields, (std::vector<std::string>{"a", "b\nc"}));
  EXPECT_EQ((*records)[1].row, 3);
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"d", ""}));
  EXPECT_EQ((*records)[2].row, 4);
  EXPECT_EQ((*records)[2].fields, (std::vector<std::string>{"e\"", "f", ""}));

  auto no_end = read_csv("이름,피드\n김민지,https://minji.example/rss");
  ASSERT_TRUE(no_end.ok());
  EXPECT_EQ(no_end->back().fields.back(), "https://minji.example/rss");

  auto unclosed = read_csv("a\n\"b,c\nd\n");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_EQ(unclosed.error().message, "row 2: a quote is never closed");
  auto after_quote = read_csv("\"a\"b,c\n");
  ASSERT_FALSE(after_quote.ok());
  EXPECT_EQ(after_quote.error().message.rfind("row 1: text after a closing quote", 0), 0u);
  auto not_utf8 = read_csv("ok\n\xff\xfe\n");
  ASSERT_FALSE(not_utf8.ok());
  EXPECT_EQ(not_utf8.error().message_ko.rfind("2번째 행: UTF-8 텍스트가 아닙니다", 0), 0u);
}

}  // namespace
}  // namespace hoego::track_members_test
