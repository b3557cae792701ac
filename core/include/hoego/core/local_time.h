// Moments as users write them: local date-times with their UTC offset, kept as given.
#pragma once

#include <hoego/core/result.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hoego {

// One instant as the user lived it.
struct Moment {
  std::string iso;          // normalised: 2022-10-05T20:00:00+09:00
  int64_t utc_seconds = 0;  // seconds since the Unix epoch
  // 2022-10-05: the moment's calendar day in the user's time zone (the zone it was parsed in),
  // which is not always the day of its written offset: 2023-03-31T16:10Z is 2023-04-01 in
  // Asia/Seoul. Every reader counts an entry on this day.
  std::string local_date;
  int offset_minutes = 0;  // +540 for +09:00, as written
};

// Parses an ISO 8601 date-time: "2022-10-05T20:00+09:00", "2022-10-05T20:00:00Z",
// "2022-10-05 20:00", "2022-10-05". Without an offset, the time is local to `time_zone`
// (an IANA name such as "Asia/Seoul"); a date alone means local midnight. The moment keeps the
// offset it was written with; its local_date is its day in `time_zone` either way (in its own
// offset only when `time_zone` is unknown). Rejects impossible dates (2022-02-30),
// out-of-range times and offsets, and trailing text.
Result<Moment> parse_moment(std::string_view text, const std::string& time_zone);

// The calendar day (YYYY-MM-DD) of the UTC instant `utc_seconds` in `time_zone`; kInvalidInput
// when the zone is unknown. Cheap when called for many instants of one zone in a row.
Result<std::string> local_date_in(int64_t utc_seconds, const std::string& time_zone);

// Checks that `time_zone` is a zone the tz database knows (an IANA name such as Asia/Seoul).
Status check_time_zone(const std::string& time_zone);

// The current instant in `time_zone`.
Moment now_in(const std::string& time_zone);

// Checks a calendar date written YYYY-MM-DD.
bool is_valid_date(std::string_view text);

// `day` (YYYY-MM-DD) moved by `days`; `day` itself when it is not a date.
std::string shifted_date(const std::string& day, int days);

// Days from `from` to `to` (YYYY-MM-DD each); negative when `to` comes first.
int days_between(const std::string& from, const std::string& to);

// Sorted dates grouped into runs: a date within `gap_days` of the run's last joins it. Each
// run is its first and last date.
std::vector<std::pair<std::string, std::string>> date_runs(const std::vector<std::string>& dates,
                                                           int gap_days);

// The system's time zone name (from /etc/localtime or TZ), or "UTC" when it cannot be told.
std::string system_time_zone();

// The current UTC time as 2022-10-05T11:00:00Z, for record-keeping columns.
std::string utc_timestamp_now();
// The UTC instant `utc_seconds` written as utc_timestamp_now() writes it.
std::string utc_timestamp(int64_t utc_seconds);
// A UTC timestamp as utc_timestamp_now() writes it, shown in `time_zone`: "2026-12-05 06:00".
// The text itself when it is not such a timestamp or the zone is unknown.
std::string local_minute_of(const std::string& utc_timestamp, const std::string& time_zone);

}  // namespace hoego
