// /calendar/deadlines.ics and /tracks/{name}/board.ics: calendars for a calendar app to subscribe
// to. Read-only; the server's access rules apply to them as to every other route (see
// docs/api.md on subscribing).
#include <hoego/core/board_calendar.h>
#include <hoego/core/board_service.h>
#include <hoego/core/deadline_calendar.h>
#include <hoego/core/local_time.h>

#include <sstream>

#include "routes.h"

namespace hoego::http {
namespace {

// Answers with `calendar` as text/calendar, offered as a file to a browser that opens the URL.
void send_calendar(httplib::Response& response, const DayCalendar& calendar,
                   const std::string& file_name) {
  std::ostringstream text;
  write_day_calendar(calendar, now_in("UTC").utc_seconds, text);
  response.status = 200;
  response.set_header("Content-Disposition", "inline; filename=\"" + file_name + "\"");
  response.set_content(text.str(), kCalendarContentType);
}

}  // namespace

void register_calendar_routes(Api& api, ApiContext& context) {
  // Per request: the answer's language may come from Accept-Language, which kept answers do not
  // tell apart, and DTSTAMP says when it was written.
  api.get_per_request(
      "/calendar/deadlines.ics", [&context](const auto& request, auto& response, const Params&) {
        auto language = answer_language(request, response);
        if (!language) return send_error(response, language.error());
        auto calendar = deadline_calendar(context.db, context.plugins, context.time_zone(),
                                          *language, query(request, "as_of"));
        if (!calendar) return send_error(response, calendar.error());
        send_calendar(response, *calendar, "hoego-deadlines.ics");
      });

  // The track's board, read as GET /tracks/{name}/board reads it, as the organiser's calendar or,
  // with ?member=NAME, as that member's own.
  api.get_per_request("/tracks/{name}/board.ics",
                      [&context](const auto& request, auto& response, const Params& params) {
                        auto language = answer_language(request, response);
                        if (!language) return send_error(response, language.error());
                        auto goal = query_goal_id(request);
                        if (!goal) return send_error(response, goal.error());
                        auto board = BoardService(context.db, context.time_zone())
                                         .board(params.at(0), *goal, query(request, "as_of"));
                        if (!board) return send_error(response, board.error());
                        if (const auto member = query(request, "member")) {
                          auto calendar = member_calendar(*board, *member, *language);
                          if (!calendar) return send_error(response, calendar.error());
                          return send_calendar(response, *calendar, "board-member.ics");
                        }
                        send_calendar(response, board_calendar(*board, *language), "board.ics");
                      });
}

}  // namespace hoego::http
