// /calendar/deadlines.ics: calendars for a calendar app to subscribe to. Read-only; the server's
// access rules apply to them as to every other route (see docs/api.md on subscribing).
#include <hoego/core/deadline_calendar.h>
#include <hoego/core/local_time.h>

#include <sstream>

#include "routes.h"

namespace hoego::http {
namespace {

// ?lang=ko|en, else the language the request accepts, else the user's setting. A calendar app
// sends no Accept-Language of its user's choosing, so a subscription URL names one.
Result<std::string> calendar_language(const httplib::Request& request, httplib::Response& response,
                                      ApiContext& context) {
  const std::string language =
      query(request, "lang")
          .value_or(accepted_language(request.get_header_value("Accept-Language"))
                        .value_or(context.language()));
  if (language != "ko" && language != "en")
    return Error{ErrorCode::kInvalidInput,
                 "lang must be ko or en",
                 {{"lang", "must be ko or en", "ko 또는 en이어야 합니다"}},
                 "lang 값은 ko 또는 en이어야 합니다"};
  response.headers.erase("Content-Language");  // the accepted one, set before the handler
  response.set_header("Content-Language", language);
  return language;
}

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
        auto language = calendar_language(request, response, context);
        if (!language) return send_error(response, language.error());
        auto calendar = deadline_calendar(context.db, context.plugins, context.time_zone(),
                                          *language, query(request, "as_of"));
        if (!calendar) return send_error(response, calendar.error());
        send_calendar(response, *calendar, "hoego-deadlines.ics");
      });
}

}  // namespace hoego::http
