#include <date/date.h>
#include <date/tz.h>
#include <hoego/core/local_time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <regex>

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

Moment make_moment(date::local_seconds local, int offset_minutes) {
  Moment moment;
  moment.offset_minutes = offset_minutes;
  moment.utc_seconds = (local.time_since_epoch() - minutes(offset_minutes)).count();
  moment.local_date = date::format("%F", floor<date::days>(local));
  moment.iso = date::format("%FT%T", local) + format_offset(offset_minutes);
  return moment;
}

Result<const date::time_zone*> find_zone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return Error::invalid("unknown time zone '" + name + "'");
  }
}

Moment in_zone(date::local_seconds local, const date::time_zone* zone) {
  // A wall-clock time skipped by a daylight-saving jump, or repeated by one, is read with the
  // offset in force before the change (`first`) rather than refused: the user meant that time.
  const date::local_info info = zone->get_info(local);
  return make_moment(local, static_cast<int>(duration_cast<minutes>(info.first.offset).count()));
}

}  // namespace

Result<Moment> parse_moment(std::string_view text, const std::string& time_zone) {
  static const std::regex pattern(
      R"((\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?)");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(text.begin(), text.end(), match, pattern)) {
    return Error::invalid(
        "'" + std::string(text) +
        "' is not a date-time; write it like 2022-10-05T20:00+09:00 or 2022-10-05");
  }
  auto number = [&](int group) { return match[group].matched ? std::stoi(match[group].str()) : 0; };
  const date::year_month_day day{date::year{number(1)},
                                 date::month{static_cast<unsigned>(number(2))},
                                 date::day{static_cast<unsigned>(number(3))}};
  if (!day.ok()) return Error::invalid("'" + std::string(text) + "' is not a calendar date");
  const int hour = number(4), minute = number(5), second = number(6);
  if (hour > 23 || minute > 59 || second > 59)
    return Error::invalid("'" + std::string(text) + "' has a time of day out of range");
  const date::local_seconds local =
      date::local_days{day} + hours{hour} + minutes{minute} + seconds{second};

  if (match[7].matched) {
    const std::string offset = match[7].str();
    int offset_minutes = 0;
    if (offset != "Z") {
      const int offset_hours = std::stoi(offset.substr(1, 2));
      const int offset_rest = std::stoi(offset.substr(offset.size() - 2));
      if (offset_hours > 14 || offset_rest > 59)
        return Error::invalid("'" + std::string(text) + "' has a UTC offset out of range (" +
                              offset + ")");
      offset_minutes = (offset_hours * 60 + offset_rest) * (offset[0] == '-' ? -1 : 1);
    }
    return make_moment(local, offset_minutes);
  }
  auto zone = find_zone(time_zone);
  if (!zone) return zone.error();
  return in_zone(local, *zone);
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
  static const std::regex pattern(R"((\d{4})-(\d{2})-(\d{2}))");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(text.begin(), text.end(), match, pattern)) return false;
  return date::year_month_day{date::year{std::stoi(match[1].str())},
                              date::month{static_cast<unsigned>(std::stoi(match[2].str()))},
                              date::day{static_cast<unsigned>(std::stoi(match[3].str()))}}
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
