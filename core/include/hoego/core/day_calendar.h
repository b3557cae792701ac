// Calendars of all-day events with reminders, written for calendar apps to subscribe to
// (RFC 5545, with RFC 7986's name and refresh interval): the deadlines of the user's goals and a
// track's due dates for its organiser.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace hoego {

// One all-day event.
struct DayEvent {
  // The same for the same thing on every fetch ("deadline-12-2024-12-05@hoego.local"), so that a
  // subscribed calendar changes the event in place and drops it once it is no longer listed.
  std::string uid;
  std::string date;  // YYYY-MM-DD
  std::string summary;
  std::string description;  // may hold line breaks
  // Two DISPLAY alarms: at 09:00 the day before and at 09:00 on the day, in the calendar's
  // own time zone (an all-day event starts at its local midnight).
  bool remind = false;
};

struct DayCalendar {
  std::string name;  // what a calendar app calls the subscription
  std::vector<DayEvent> events;
};

// How often a subscribing calendar app is asked to fetch the calendar again
// (REFRESH-INTERVAL and X-PUBLISHED-TTL).
inline constexpr const char* kCalendarRefreshInterval = "PT1H";

// Writes `calendar` as one VCALENDAR of all-day VEVENTs (DTSTART;VALUE=DATE, shown as free
// time), each stamped with `stamp_utc_seconds` (when the calendar was written). Folded and
// escaped by ics_line and ics_text; the caller checks the stream.
void write_day_calendar(const DayCalendar& calendar, int64_t stamp_utc_seconds, std::ostream& out);

// The media type of such a calendar, for HTTP answers.
inline constexpr const char* kCalendarContentType = "text/calendar; charset=utf-8";

}  // namespace hoego
