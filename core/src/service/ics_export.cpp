#include <date/date.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/ics_export.h>
#include <hoego/core/local_time.h>

#include <chrono>
#include <optional>

namespace hoego {
namespace {

// 20221005T110000Z
std::string utc_stamp(int64_t utc_seconds) {
  return date::format("%Y%m%dT%H%M%SZ", date::sys_seconds{std::chrono::seconds{utc_seconds}});
}

// "2022-10-05T11:00:00Z" (a record-keeping timestamp) → 20221005T110000Z.
std::string stamp_of(const std::string& timestamp) {
  std::string stamp;
  for (char c : timestamp)
    if (c != '-' && c != ':') stamp += c;
  return stamp;
}

// 2024-09-08 → 20240908, and the day after for the exclusive end of an all-day event.
std::optional<std::pair<std::string, std::string>> all_day(const std::string& day) {
  if (!is_valid_date(day)) return std::nullopt;
  const date::year_month_day ymd{date::year{std::stoi(day.substr(0, 4))},
                                 date::month{static_cast<unsigned>(std::stoi(day.substr(5, 2)))},
                                 date::day{static_cast<unsigned>(std::stoi(day.substr(8, 2)))}};
  const date::sys_days start{ymd};
  return std::pair{date::format("%Y%m%d", start), date::format("%Y%m%d", start + date::days{1})};
}

}  // namespace

std::string ics_text(const std::string& text) {
  std::string escaped;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      escaped += '\\';
      escaped += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      escaped += "\\n";
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string ics_line(const std::string& line) {
  std::string folded;
  size_t width = 0;
  for (size_t i = 0; i < line.size();) {
    size_t length = 1;  // the bytes of this UTF-8 character
    const auto lead = static_cast<unsigned char>(line[i]);
    if (lead >= 0xF0)
      length = 4;
    else if (lead >= 0xE0)
      length = 3;
    else if (lead >= 0xC0)
      length = 2;
    length = std::min(length, line.size() - i);
    if (width + length > 75) {
      folded += "\r\n ";
      width = 1;
    }
    folded.append(line, i, length);
    width += length;
    i += length;
  }
  return folded + "\r\n";
}

Result<size_t> export_ics(Database& db, const PluginHost& plugins,
                          const std::optional<std::string>& plugin, std::ostream& out) {
  if (plugin) {
    if (auto loaded = plugins.require(*plugin); !loaded)
      return Error::invalid(loaded.error().message, loaded.error().message_ko);
  }
  EntryService entries(db, plugins, "UTC");
  out << ics_line("BEGIN:VCALENDAR") << ics_line("VERSION:2.0")
      << ics_line("PRODID:-//hoego//hoego//EN") << ics_line("CALSCALE:GREGORIAN")
      << ics_line("METHOD:PUBLISH") << ics_line("X-WR-CALNAME:hoego");
  size_t events = 0;
  for (const auto& loaded : plugins.plugins()) {
    const Manifest& manifest = loaded->manifest();
    if (plugin && manifest.id != *plugin) continue;
    for (const KindSpec& kind : manifest.kinds) {
      if (!kind.calendar) continue;
      EntryFilter filter;
      filter.plugin = manifest.id;
      filter.kind = kind.id;
      auto found = entries.list(filter);
      if (!found) return found.error();
      for (auto it = found->rbegin(); it != found->rend(); ++it) {
        const Entry& entry = *it;
        const CalendarSpec& calendar = *kind.calendar;
        std::string start, end;
        if (!calendar.date_field.empty()) {
          const auto day = entry.fields.find(calendar.date_field);
          if (day == entry.fields.end() || !day->is_string()) continue;  // no deadline given
          const auto days = all_day(day->get<std::string>());
          if (!days) continue;
          start = "DTSTART;VALUE=DATE:" + days->first;
          end = "DTEND;VALUE=DATE:" + days->second;
        } else {
          int64_t minutes = calendar.default_minutes;
          if (!calendar.duration_field.empty())
            if (auto value = entry.fields.find(calendar.duration_field);
                value != entry.fields.end() && value->is_number_integer())
              minutes = value->get<int64_t>();
          start = "DTSTART:" + utc_stamp(entry.when.utc_seconds);
          end = "DTEND:" + utc_stamp(entry.when.utc_seconds + minutes * 60);
        }
        std::string summary = entry.title.empty() ? kind.label.ko : entry.title;
        if (!entry.people.empty()) {
          std::string people;
          for (const auto& person : entry.people) people += (people.empty() ? "" : ", ") + person;
          summary += " (" + people + ")";
        }
        out << ics_line("BEGIN:VEVENT")
            << ics_line("UID:hoego-" + manifest.id + "-" + std::to_string(entry.id) + "@hoego")
            << ics_line("DTSTAMP:" + stamp_of(entry.updated_at)) << ics_line(start) << ics_line(end)
            << ics_line("SUMMARY:" + ics_text(summary))
            << ics_line("CATEGORIES:" + ics_text(manifest.name.en));
        if (!entry.notes.empty()) out << ics_line("DESCRIPTION:" + ics_text(entry.notes));
        out << ics_line("END:VEVENT");
        ++events;
      }
    }
  }
  out << ics_line("END:VCALENDAR");
  if (!out) return Error::storage("writing the calendar failed", "캘린더를 쓰지 못했습니다");
  return events;
}

}  // namespace hoego
