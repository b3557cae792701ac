#include <date/date.h>
#include <date/tz.h>
#include <hoego/core/local_time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace hoego {
namespace {

using namespace std::chrono;

std::string format_offset(int offset_minutes) {
  const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+',
                magnitude / 60, magnitude % 60);
  return buffer;
}

// By hand, not date::format: that builds a stream and a locale for every entry imported.
std::string day_text(date::sys_days day) {
  const date::year_month_day ymd{day};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

// The moment written as `local` with `offset_minutes`; its local_date is still the written
// day, which parse_moment replaces with the day in the user's zone.
Moment make_moment(date::local_seconds local, int offset_minutes) {
  Moment moment;
  moment.offset_minutes = offset_minutes;
  moment.utc_seconds = (local.time_since_epoch() - minutes(offset_minutes)).count();
  const auto day = floor<date::days>(local);
  const date::hh_mm_ss time{local - day};
  moment.local_date = day_text(date::sys_days{day.time_since_epoch()});
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  moment.iso = moment.local_date + buffer + format_offset(offset_minutes);
  return moment;
}

// Reads `count` ASCII digits of `text` from `at` into `value`; false if any is missing.
bool read_digits(std::string_view text, size_t at, size_t count, int& value) {
  if (at + count > text.size()) return false;
  value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

// The parts of YYYY-MM-DD[(T| )hh:mm[:ss][Z|±hh[:]mm]], read without a regex: imports read one
// per entry.
struct WrittenMoment {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::optional<std::string_view> offset;  // "Z", "+09:00", "-0430"
};

std::optional<WrittenMoment> read_written_moment(std::string_view text) {
  WrittenMoment written;
  if (!read_digits(text, 0, 4, written.year) || text.size() < 10 || text[4] != '-' ||
      !read_digits(text, 5, 2, written.month) || text[7] != '-' ||
      !read_digits(text, 8, 2, written.day))
    return std::nullopt;
  if (text.size() == 10) return written;
  if ((text[10] != 'T' && text[10] != ' ') || !read_digits(text, 11, 2, written.hour) ||
      text.size() < 16 || text[13] != ':' || !read_digits(text, 14, 2, written.minute))
    return std::nullopt;
  size_t at = 16;
  if (at < text.size() && text[at] == ':') {
    if (!read_digits(text, at + 1, 2, written.second)) return std::nullopt;
    at += 3;
  }
  if (at == text.size()) return written;
  const std::string_view offset = text.substr(at);
  int unused = 0;
  const bool zulu = offset == "Z";
  const bool numeric =
      (offset[0] == '+' || offset[0] == '-') && read_digits(offset, 1, 2, unused) &&
      ((offset.size() == 5 && read_digits(offset, 3, 2, unused)) ||
       (offset.size() == 6 && offset[3] == ':' && read_digits(offset, 4, 2, unused)));
  if (!zulu && !numeric) return std::nullopt;
  written.offset = offset;
  return written;
}

Result<const date::time_zone*> find_zone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return Error::invalid(
        "unknown time zone '" + name + "' (write an IANA name like Asia/Seoul or Europe/Berlin)",
        "알 수 없는 시간대입니다: '" + name +
            "' (Asia/Seoul, Europe/Berlin 같은 IANA 이름으로 써 주세요)");
  }
}

// The days of many instants in one zone, as an import or a re-dating asks for them: the zone
// is looked up once, and the offset period of the last instant (between two of the zone's
// transitions) answers most of the next ones without a lookup.
class DaysInZone {
 public:
  Result<std::string> day_of(int64_t utc_seconds, const std::string& name) {
    if (zone_ == nullptr || name != name_) {
      auto zone = find_zone(name);
      if (!zone) return zone.error();
      zone_ = *zone;
      name_ = name;
      period_ = {};
    }
    const date::sys_seconds instant{seconds{utc_seconds}};
    if (!(instant >= period_.begin && instant < period_.end)) period_ = zone_->get_info(instant);
    return day_text(floor<date::days>(instant + period_.offset));
  }

 private:
  std::string name_;
  const date::time_zone* zone_ = nullptr;
  date::sys_info period_{};
};

Moment in_zone(date::local_seconds local, const date::time_zone* zone) {
  // A wall-clock time skipped by a daylight-saving jump, or repeated by one, is read with the
  // offset in force before the change (`first`) rather than refused: the user meant that time.
  const date::local_info info = zone->get_info(local);
  return make_moment(local, static_cast<int>(duration_cast<minutes>(info.first.offset).count()));
}

}  // namespace

Result<Moment> parse_moment(std::string_view text, const std::string& time_zone) {
  const auto written = read_written_moment(text);
  if (!written) {
    return Error::invalid(
        "'" + std::string(text) +
            "' is not a date-time; write it like 2022-10-05T20:00+09:00 or 2022-10-05",
        "날짜와 시각으로 읽을 수 없습니다: '" + std::string(text) +
            "' (2022-10-05T20:00+09:00이나 2022-10-05처럼 써 주세요)");
  }
  const date::year_month_day day{date::year{written->year},
                                 date::month{static_cast<unsigned>(written->month)},
                                 date::day{static_cast<unsigned>(written->day)}};
  if (!day.ok())
    return Error::invalid("'" + std::string(text) + "' is not a calendar date",
                          "달력에 없는 날짜입니다: '" + std::string(text) + "'");
  const int hour = written->hour, minute = written->minute, second = written->second;
  if (hour > 23 || minute > 59 || second > 59)
    return Error::invalid("'" + std::string(text) + "' has a time of day out of range",
                          "시각이 하루의 범위를 벗어났습니다: '" + std::string(text) + "'");
  const date::local_seconds local =
      date::local_days{day} + hours{hour} + minutes{minute} + seconds{second};

  if (written->offset) {
    const std::string offset(*written->offset);
    int offset_minutes = 0;
    if (offset != "Z") {
      const int offset_hours = std::stoi(offset.substr(1, 2));
      const int offset_rest = std::stoi(offset.substr(offset.size() - 2));
      if (offset_hours > 14 || offset_rest > 59)
        return Error::invalid(
            "'" + std::string(text) + "' has a UTC offset out of range (" + offset + ")",
            "UTC 오프셋이 범위를 벗어났습니다: '" + std::string(text) + "' (" + offset + ")");
      offset_minutes = (offset_hours * 60 + offset_rest) * (offset[0] == '-' ? -1 : 1);
    }
    Moment moment = make_moment(local, offset_minutes);
    if (auto day = local_date_in(moment.utc_seconds, time_zone)) moment.local_date = *day;
    return moment;
  }
  auto zone = find_zone(time_zone);
  if (!zone) return zone.error();
  return in_zone(local, *zone);
}

Result<std::string> local_date_in(int64_t utc_seconds, const std::string& time_zone) {
  thread_local DaysInZone days;
  return days.day_of(utc_seconds, time_zone);
}

std::string local_minute_of(const std::string& utc_timestamp, const std::string& time_zone) {
  auto moment = parse_moment(utc_timestamp, "UTC");
  auto zone = find_zone(time_zone);
  if (!moment || !zone) return utc_timestamp;
  const date::sys_seconds instant{seconds{moment->utc_seconds}};
  const auto offset = (*zone)->get_info(instant).offset;
  return date::format("%F %R", date::local_seconds{(instant + offset).time_since_epoch()});
}

Status check_time_zone(const std::string& time_zone) {
  auto zone = find_zone(time_zone);
  if (!zone) return zone.error();
  return Status::success();
}

Moment now_in(const std::string& time_zone) {
  auto zone = find_zone(time_zone);
  const auto now = floor<seconds>(system_clock::now());
  if (!zone) return make_moment(date::local_seconds{now.time_since_epoch()}, 0);
  const auto offset = (*zone)->get_info(now).offset;
  return make_moment(date::local_seconds{(now + offset).time_since_epoch()},
                     static_cast<int>(duration_cast<minutes>(offset).count()));
}

bool is_valid_date(std::string_view text) {
  const auto written = read_written_moment(text);
  return written && text.size() == 10 &&
         date::year_month_day{date::year{written->year},
                              date::month{static_cast<unsigned>(written->month)},
                              date::day{static_cast<unsigned>(written->day)}}
             .ok();
}

std::string system_time_zone() {
  if (const char* tz = std::getenv("TZ"); tz != nullptr && *tz != '\0') {
    const std::string name(tz[0] == ':' ? tz + 1 : tz);
    if (find_zone(name)) return name;
  }
  try {
    return date::current_zone()->name();
  } catch (const std::exception&) {
    return "UTC";
  }
}

std::string utc_timestamp_now() {
  return date::format("%FT%TZ", floor<seconds>(system_clock::now()));
}

std::string utc_timestamp(int64_t utc_seconds) {
  return date::format("%FT%TZ", date::sys_seconds(seconds(utc_seconds)));
}

namespace {

std::optional<date::sys_days> parse_date(const std::string& text) {
  int year = 0;
  unsigned month = 0, day = 0;
  if (std::sscanf(text.c_str(), "%d-%u-%u", &year, &month, &day) != 3) return std::nullopt;
  const date::year_month_day parsed{date::year{year}, date::month{month}, date::day{day}};
  if (!parsed.ok()) return std::nullopt;
  return date::sys_days{parsed};
}

}  // namespace

std::string shifted_date(const std::string& day, int days) {
  const auto parsed = parse_date(day);
  return parsed ? date::format("%F", *parsed + date::days{days}) : day;
}

int days_between(const std::string& from, const std::string& to) {
  const auto first = parse_date(from), last = parse_date(to);
  return first && last ? static_cast<int>((*last - *first).count()) : 0;
}

std::vector<std::pair<std::string, std::string>> date_runs(const std::vector<std::string>& dates,
                                                           int gap_days) {
  std::vector<std::pair<std::string, std::string>> runs;
  for (const auto& date : dates) {
    if (!runs.empty() && shifted_date(runs.back().second, gap_days) >= date)
      runs.back().second = date;
    else
      runs.emplace_back(date, date);
  }
  return runs;
}

}  // namespace hoego
