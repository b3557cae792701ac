// Calendar events (RFC 5545 iCalendar) for the kinds whose manifest says how they appear in a
// calendar: mentoring and study sessions at their time, hackathon deadlines as all-day events.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <optional>
#include <ostream>
#include <string>

namespace hoego {

// Writes one VCALENDAR with a VEVENT per live entry of a calendar kind (of `plugin`, or of all).
// Times are written in UTC, which every calendar shows in its user's own zone. Returns the
// number of events.
Result<size_t> export_ics(Database& db, const PluginHost& plugins,
                          const std::optional<std::string>& plugin, std::ostream& out);

// Escapes text for an iCalendar TEXT value: backslash, semicolon, comma and line breaks.
std::string ics_text(const std::string& text);

// Folds a content line to at most 75 octets per line (RFC 5545 §3.1), never inside a UTF-8
// character, and ends it with CRLF.
std::string ics_line(const std::string& line);

}  // namespace hoego
