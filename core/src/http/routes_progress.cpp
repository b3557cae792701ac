// /goals, /metrics, /milestones, /dashboard and /heatmap: what the entries add up to.
#include <hoego/core/dashboard_service.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/json_answers.h>
#include <hoego/core/local_time.h>
#include <hoego/core/metric_service.h>
#include <hoego/core/milestone_service.h>
#include <hoego/core/report.h>

#include "routes.h"

namespace hoego::http {
namespace {

// ?year=2024, or the current year in the user's time zone.
Result<int> year_of(const httplib::Request& request, const std::string& time_zone) {
  auto year =
      parse_year(query(request, "year").value_or(now_in(time_zone).local_date.substr(0, 4)));
  if (!year) {
    const Error& error = year.error();
    return Error{ErrorCode::kInvalidInput,
                 error.message,
                 {{"year", error.message, error.message_ko}},
                 error.message_ko};
  }
  return year;
}

}  // namespace

void register_progress_routes(Api& api, ApiContext& context) {
  api.get("/goals", [&context](const auto& request, auto& response, const Params&) {
    auto by_person = query_flag(request, "by_person");
    if (!by_person) return send_error(response, by_person.error());
    auto finished = query_flag(request, "finished");
    if (!finished) return send_error(response, finished.error());
    reply_as(response,
             GoalService(context.db, context.plugins, context.time_zone())
                 .evaluate(query(request, "track"), *by_person, query(request, "as_of"), *finished),
             goals_answer);
  });

  api.post("/goals", [&context](const auto& request, auto& response, const Params&) {
    auto body = body_object(request, response);
    if (!body) return;
    BodyReader read(*body);
    NewGoal input;
    input.title = read.text("title").value_or("");
    input.plugin = read.text("plugin").value_or("");
    input.kind = read.text("kind").value_or("");
    input.track = read.text("track");
    input.year = read.integer("year");
    input.starts_on = read.text("from");
    input.ends_on = read.text("until");
    input.target = read.number("target");
    input.sum_field = read.text("sum");
    input.every = read.text("every");
    input.per_cycle = read.number("per_cycle").value_or(1);
    input.passes = read.integer("passes").value_or(0);
    input.deadlines = read.texts("deadlines").value_or(std::vector<std::string>{});
    for (auto* optional :
         {&input.track, &input.starts_on, &input.ends_on, &input.sum_field, &input.every})
      if (*optional && (*optional)->empty()) optional->reset();
    if (auto error = read.finish({"title", "plugin", "kind", "track", "year", "from", "until",
                                  "target", "sum", "every", "per_cycle", "passes", "deadlines"}))
      return send_error(response, *error);
    GoalService goals(context.db, context.plugins, context.time_zone());
    auto added = goals.add(input);
    if (!added) return send_error(response, added.error());
    // Answer with the new goal's state, as GET /goals would show it.
    auto reports = goals.evaluate(added->track, false, std::nullopt);
    if (!reports) return send_error(response, reports.error());
    for (const auto& report : *reports)
      if (report.goal.id == added->id) return send_json(response, to_json(report), 201);
    send_error(response,
               Error::internal("the new goal was not found", "새 목표를 찾지 못했습니다"));
  });

  api.get("/metrics", [&context](const auto& request, auto& response, const Params&) {
    auto year = year_of(request, context.time_zone());
    if (!year) return send_error(response, year.error());
    reply_as(response,
             MetricService(context.db, context.plugins)
                 .compute(query(request, "plugin"), MetricPeriod::whole_year(*year)),
             metrics_answer);
  });

  api.get("/milestones", [&context](const auto& request, auto& response, const Params&) {
    const auto year = query(request, "year");
    if (year) {
      if (auto parsed = parse_year(*year); !parsed)
        return send_error(response, Error{ErrorCode::kInvalidInput,
                                          parsed.error().message,
                                          {{"year", "is not a year", "연도가 아닙니다"}},
                                          parsed.error().message_ko});
    }
    auto milestones = MilestoneService(context.db, context.plugins, context.time_zone())
                          .derive(query(request, "plugin"));
    if (!milestones) return send_error(response, milestones.error());
    // A plugin that failed is named in "failed" with a 200: the others' milestones stand.
    if (year)
      std::erase_if(milestones->reached, [&](const ReachedMilestone& milestone) {
        return milestone.local_date.compare(0, 4, *year) != 0;
      });
    send_json(response, milestones_answer(*milestones));
  });

  api.get("/dashboard", [&context](const auto& request, auto& response, const Params&) {
    const std::string zone = context.time_zone();
    auto year = year_of(request, zone);
    if (!year) return send_error(response, year.error());
    reply(response, DashboardService(context.db, context.plugins, zone)
                        .dashboard(*year, query(request, "as_of")));
  });

  api.get("/report", [&context](const auto& request, auto& response, const Params&) {
    const std::string zone = context.time_zone();
    auto year = year_of(request, zone);
    if (!year) return send_error(response, year.error());
    // The page asks in the language it shows; plugins write their sections in it. Without
    // `lang`, the language the request accepts, as for every other answer.
    std::string language =
        query(request, "lang")
            .value_or(accepted_language(request.get_header_value("Accept-Language"))
                          .value_or(context.language()));
    if (language != "ko" && language != "en")
      return send_error(response, Error{ErrorCode::kInvalidInput,
                                        "lang must be ko or en",
                                        {{"lang", "must be ko or en", "ko 또는 en이어야 합니다"}},
                                        "lang 값은 ko 또는 en이어야 합니다"});
    reply(response, build_year_report(context.db, context.plugins, *year, zone, language));
  });

  api.get("/heatmap", [&context](const auto& request, auto& response, const Params&) {
    const std::string zone = context.time_zone();
    auto year = year_of(request, zone);
    if (!year) return send_error(response, year.error());
    auto plugin = query(request, "plugin");
    if (plugin && plugin->empty()) plugin.reset();
    reply(response, DashboardService(context.db, context.plugins, zone).heatmap(*year, plugin));
  });
}

}  // namespace hoego::http
