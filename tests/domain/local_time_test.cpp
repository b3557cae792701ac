#include <gtest/gtest.h>
#include <hoego/core/local_time.h>

namespace hoego {
namespace {

struct Reading {
  const char* text;
  const char* zone;
  const char* iso;
  const char* local_date;
  int64_t utc_seconds;
};

// Names the case in CTest's list instead of dumping its bytes.
void PrintTo(const Reading& value, std::ostream* out) { *out << value.text; }

class MomentReading : public ::testing::TestWithParam<Reading> {};

TEST_P(MomentReading, NormalisesToLocalTimeWithOffset) {
  auto moment = parse_moment(GetParam().text, GetParam().zone);
  ASSERT_TRUE(moment.ok()) << moment.error().message;
  EXPECT_EQ(moment->iso, GetParam().iso);
  EXPECT_EQ(moment->local_date, GetParam().local_date);
  EXPECT_EQ(moment->utc_seconds, GetParam().utc_seconds);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, MomentReading,
    ::testing::Values(
        Reading{"2022-10-05T20:00+09:00", "UTC", "2022-10-05T20:00:00+09:00", "2022-10-05",
                1664967600},
        Reading{"2022-10-05T20:00:00+0900", "UTC", "2022-10-05T20:00:00+09:00", "2022-10-05",
                1664967600},
        Reading{"2022-10-05T11:00:00Z", "Asia/Seoul", "2022-10-05T11:00:00+00:00", "2022-10-05",
                1664967600},
        // Without an offset the user's zone decides.
        Reading{"2022-10-05 20:00", "Asia/Seoul", "2022-10-05T20:00:00+09:00", "2022-10-05",
                1664967600},
        Reading{"2022-10-05", "Asia/Seoul", "2022-10-05T00:00:00+09:00", "2022-10-05", 1664895600},
        // Berlin is +02:00 in summer and +01:00 in winter: a real zone, not a fixed offset.
        Reading{"2022-07-01T12:00", "Europe/Berlin", "2022-07-01T12:00:00+02:00", "2022-07-01",
                1656669600},
        Reading{"2022-12-01T12:00", "Europe/Berlin", "2022-12-01T12:00:00+01:00", "2022-12-01",
                1669892400},
        // 02:30 on 2022-03-27 does not exist in Berlin; the earlier reading is taken.
        Reading{"2022-03-27T02:30", "Europe/Berlin", "2022-03-27T02:30:00+01:00", "2022-03-27",
                1648344600},
        // The offset it was written with stays in the text; its day is the day in the zone.
        Reading{"2022-10-05T23:59:59-05:00", "UTC", "2022-10-05T23:59:59-05:00", "2022-10-06",
                1665032399},
        Reading{"2023-03-31T16:10:00Z", "Asia/Seoul", "2023-03-31T16:10:00+00:00", "2023-04-01",
                1680279000}));

class MomentRejection : public ::testing::TestWithParam<const char*> {};

TEST_P(MomentRejection, NamesTheText) {
  auto moment = parse_moment(GetParam(), "Asia/Seoul");
  ASSERT_FALSE(moment.ok());
  EXPECT_EQ(moment.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(moment.error().message.find(GetParam()), std::string::npos) << moment.error().message;
  EXPECT_NE(moment.error().message_ko.find(GetParam()), std::string::npos)
      << moment.error().message_ko;
}

INSTANTIATE_TEST_SUITE_P(
    Bad, MomentRejection,
    ::testing::Values("yesterday", "2022-13-01", "2022-02-30", "2022-10-05T24:00",
                      "2022-10-05T20:61", "2022-10-05T20:00+15:00", "2022-10-05T20:00+09:00 extra",
                      "", "05/10/2022",
                      // Each cut short or bent where the reader looks.
                      "2022-10-0", "2022-10-05T", "2022-10-05T2", "2022-10-05T20:0",
                      "2022-10-05T20:00:", "2022-10-05T20:00:5", "2022-10-05T20:00+9",
                      "2022-10-05T20:00+09:0", "2022-10-05T20:00+09-00", "2022-10-05T20:00Zulu",
                      "2022-10-05x20:00", "２０２２-10-05", "2022/10/05"));

TEST(Moment, UnknownZoneIsAnError) {
  auto moment = parse_moment("2022-10-05 20:00", "Mars/Olympus_Mons");
  ASSERT_FALSE(moment.ok());
  EXPECT_EQ(moment.error().message,
            "unknown time zone 'Mars/Olympus_Mons' (write an IANA name like Asia/Seoul or "
            "Europe/Berlin)");
  EXPECT_EQ(moment.error().message_ko,
            "알 수 없는 시간대입니다: 'Mars/Olympus_Mons' (Asia/Seoul, Europe/Berlin 같은 IANA "
            "이름으로 써 주세요)");
}

TEST(Moment, ValidDates) {
  EXPECT_TRUE(is_valid_date("2024-02-29"));
  EXPECT_FALSE(is_valid_date("2023-02-29"));
  EXPECT_FALSE(is_valid_date("2023-2-1"));
}

}  // namespace
}  // namespace hoego
