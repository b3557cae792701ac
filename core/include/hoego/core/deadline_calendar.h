// The user's own deadlines as a calendar to subscribe to: what each live goal asks for next and
// by which day, with reminders the day before and on the day.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/day_calendar.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <optional>
#include <string>

namespace hoego {

// The deadlines of every live, unfinished goal of the user (their own entries count, as on the
// goals page) from `today` (YYYY-MM-DD in `time_zone`; the current date there when absent) on,
// as upcoming_deadlines() lists them (goal_deadlines.h), in `language` ("ko" or "en"):
//   - a cycle's end: "글 마감: 글또 7기 (2/13)", described by what the goal still needs;
//   - the end of a goal whose target is not reached: "목표 기한: 올해 글 16편".
// Each event reminds (day_calendar.h). UIDs name the goal and the day: "deadline-12-2024-12-05@
// hoego.local", "goal-end-12-2024-12-31@hoego.local". An invalid `today` or time zone is an error.
Result<DayCalendar> deadline_calendar(Database& db, const PluginHost& plugins,
                                      const std::string& time_zone, const std::string& language,
                                      const std::optional<std::string>& today);

}  // namespace hoego
