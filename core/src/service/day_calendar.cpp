#include <date/date.h>
#include <hoego/core/day_calendar.h>
#include <hoego/core/ics_export.h>
#include <hoego/core/local_time.h>

#include <chrono>

namespace hoego {
namespace {

// 2024-12-05 → 20241205.
std::string compact(const std::string& day) {
  std::string digits;
  for (char c : day)
    if (c != '-') digits += c;
  return digits;
}

// A DISPLAY alarm `trigger` after the start of the event's day (negative: before it).
std::string alarm(const std::string& trigger, const std::string& text) {
  return ics_line("BEGIN:VALARM") + ics_line("ACTION:DISPLAY") +
         ics_line("TRIGGER;RELATED=START:" + trigger) + ics_line("DESCRIPTION:" + ics_text(text)) +
         ics_line("END:VALARM");
}

}  // namespace

void write_day_calendar(const DayCalendar& calendar, int64_t stamp_utc_seconds, std::ostream& out) {
  const std::string stamp =
      date::format("%Y%m%dT%H%M%SZ", date::sys_seconds{std::chrono::seconds{stamp_utc_seconds}});
  const std::string refresh = kCalendarRefreshInterval;
  out << ics_line("BEGIN:VCALENDAR") << ics_line("VERSION:2.0")
      << ics_line("PRODID:-//hoego//hoego//EN") << ics_line("CALSCALE:GREGORIAN")
      << ics_line("METHOD:PUBLISH") << ics_line("NAME:" + ics_text(calendar.name))
      << ics_line("X-WR-CALNAME:" + ics_text(calendar.name))
      << ics_line("REFRESH-INTERVAL;VALUE=DURATION:" + refresh)
      << ics_line("X-PUBLISHED-TTL:" + refresh);
  for (const DayEvent& event : calendar.events) {
    out << ics_line("BEGIN:VEVENT") << ics_line("UID:" + ics_text(event.uid))
        << ics_line("DTSTAMP:" + stamp) << ics_line("DTSTART;VALUE=DATE:" + compact(event.date))
        << ics_line("DTEND;VALUE=DATE:" + compact(shifted_date(event.date, 1)))
        << ics_line("SUMMARY:" + ics_text(event.summary)) << ics_line("TRANSP:TRANSPARENT");
    if (!event.description.empty()) out << ics_line("DESCRIPTION:" + ics_text(event.description));
    // An all-day event starts at midnight of its day: 15 hours before is 09:00 the day before.
    if (event.remind) out << alarm("-PT15H", event.summary) << alarm("PT9H", event.summary);
    out << ics_line("END:VEVENT");
  }
  out << ics_line("END:VCALENDAR");
}

}  // namespace hoego
