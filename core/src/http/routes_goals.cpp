// Changing a goal: PATCH and DELETE /goals/{id}, its pauses and its due dates. Each change is
// one step of the undo journal (POST /undo).
#include <hoego/core/goal_service.h>
#include <hoego/core/json_answers.h>

#include "routes.h"

namespace hoego::http {
namespace {

// Answers with the goal and how it stands, as GET /goals shows it.
void reply_with_state(httplib::Response& response, GoalService& goals, const Result<Goal>& goal) {
  if (!goal) return send_error(response, goal.error());
  auto reports = goals.evaluate(goal->track, false, std::nullopt, true);
  if (!reports) return send_error(response, reports.error());
  for (const auto& report : *reports)
    if (report.goal.id == goal->id) return send_json(response, to_json(report));
  send_json(response, to_json(*goal));
}

int64_t goal_id(const Params& params) { return std::stoll(params.at(0)); }

}  // namespace

void register_goal_routes(Api& api, ApiContext& context) {
  api.patch("/goals/{id}", [&context](const auto& request, auto& response, const Params& params) {
    auto body = body_object(request, response);
    if (!body) return;
    BodyReader read(*body);
    GoalChanges changes;
    changes.title = read.text("title");
    changes.plugin = read.text("plugin");
    changes.kind = read.text("kind");
    changes.track = read.clearable_text("track");
    changes.year = read.integer("year");
    changes.starts_on = read.text("from");
    changes.ends_on = read.clearable_text("until");
    if (read.is_null("target"))
      changes.target = std::optional<double>();
    else if (auto target = read.number("target"))
      changes.target = *target;
    changes.sum_field = read.clearable_text("sum");
    changes.every = read.clearable_text("every");
    changes.per_cycle = read.number("per_cycle");
    changes.passes = read.integer("passes");
    if (read.is_null("deadlines"))
      changes.deadlines = std::vector<std::string>();
    else
      changes.deadlines = read.texts("deadlines");
    changes.finished_on = read.clearable_text("finished_on");
    if (auto error =
            read.finish({"title", "plugin", "kind", "track", "year", "from", "until", "target",
                         "sum", "every", "per_cycle", "passes", "deadlines", "finished_on"}))
      return send_error(response, *error);
    GoalService goals(context.db, context.plugins, context.time_zone());
    reply_with_state(response, goals, goals.edit(goal_id(params), changes));
  });

  api.del("/goals/{id}", [&context](const auto&, auto& response, const Params& params) {
    reply(response,
          GoalService(context.db, context.plugins, context.time_zone()).remove(goal_id(params)));
  });

  api.post("/goals/{id}/pauses",
           [&context](const auto& request, auto& response, const Params& params) {
             auto body = body_object(request, response);
             if (!body) return;
             BodyReader read(*body);
             Pause pause{read.text("from").value_or(""), read.text("until").value_or("")};
             if (auto error = read.finish({"from", "until"})) return send_error(response, *error);
             GoalService goals(context.db, context.plugins, context.time_zone());
             reply_with_state(response, goals, goals.pause(goal_id(params), pause));
           });

  api.del("/goals/{id}/pauses/{from}",
          [&context](const auto&, auto& response, const Params& params) {
            GoalService goals(context.db, context.plugins, context.time_zone());
            reply_with_state(response, goals, goals.unpause(goal_id(params), params.at(1)));
          });

  api.post("/goals/{id}/deadlines/move",
           [&context](const auto& request, auto& response, const Params& params) {
             auto body = body_object(request, response);
             if (!body) return;
             BodyReader read(*body);
             const std::string from = read.text("from").value_or("");
             const std::string to = read.text("to").value_or("");
             if (auto error = read.finish({"from", "to"})) return send_error(response, *error);
             GoalService goals(context.db, context.plugins, context.time_zone());
             reply_with_state(response, goals, goals.move_deadline(goal_id(params), from, to));
           });
}

}  // namespace hoego::http
