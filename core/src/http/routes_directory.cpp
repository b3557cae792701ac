// /people and /tracks.
#include <hoego/core/json_answers.h>
#include <hoego/core/people_service.h>
#include <hoego/core/track_service.h>

#include "routes.h"

namespace hoego::http {

void register_directory_routes(Api& api, ApiContext& context) {
  api.get("/people", [&context](const auto& request, auto& response, const Params&) {
    auto archived = query_flag(request, "archived");
    if (!archived) return send_error(response, archived.error());
    reply_as(response, PeopleService(context.db).list(*archived), people_answer);
  });

  api.patch("/people/{name}",
            [&context](const auto& request, auto& response, const Params& params) {
              auto body = body_object(request, response);
              if (!body) return;
              BodyReader read(*body);
              const auto name = read.text("name");
              const auto note = read.text("note");
              if (auto error = read.finish({"name", "note"})) return send_error(response, *error);
              reply(response, PeopleService(context.db).edit(params.at(0), name, note));
            });

  api.post("/people/{name}/merge",
           [&context](const auto& request, auto& response, const Params& params) {
             auto body = body_object(request, response);
             if (!body) return;
             BodyReader read(*body);
             const std::string into = read.text("into").value_or("");
             if (auto error = read.finish({"into"})) return send_error(response, *error);
             reply(response, PeopleService(context.db).merge(params.at(0), into));
           });

  api.del("/people/{name}", [&context](const auto&, auto& response, const Params& params) {
    bool deleted = false;
    auto person = PeopleService(context.db).remove(params.at(0), deleted);
    if (!person) return send_error(response, person.error());
    send_json(response,
              {{"person", to_json(*person)}, {"outcome", deleted ? "deleted" : "archived"}});
  });

  api.post("/people", [&context](const auto& request, auto& response, const Params&) {
    auto body = body_object(request, response);
    if (!body) return;
    BodyReader read(*body);
    const std::string name = read.text("name").value_or("");
    const std::string note = read.text("note").value_or("");
    if (auto error = read.finish({"name", "note"})) return send_error(response, *error);
    reply(response, PeopleService(context.db).add(name, note), 201);
  });

  api.get("/tracks", [&context](const auto&, auto& response, const Params&) {
    reply_as(response, TrackService(context.db, context.plugins).list(), tracks_answer);
  });

  api.post("/tracks", [&context](const auto& request, auto& response, const Params&) {
    auto body = body_object(request, response);
    if (!body) return;
    BodyReader read(*body);
    NewTrack input;
    input.name = read.text("name").value_or("");
    input.plugin = read.text("plugin");
    input.starts_on = read.text("from");
    input.ends_on = read.text("until");
    input.note = read.text("note").value_or("");
    input.members = read.texts("members").value_or(std::vector<std::string>{});
    // An empty optional text from a form means "not given".
    for (auto* optional : {&input.plugin, &input.starts_on, &input.ends_on})
      if (*optional && (*optional)->empty()) optional->reset();
    if (auto error = read.finish({"name", "plugin", "from", "until", "note", "members"}))
      return send_error(response, *error);
    reply(response, TrackService(context.db, context.plugins).add(input), 201);
  });

  api.get("/tracks/{name}", [&context](const auto&, auto& response, const Params& params) {
    reply(response, TrackService(context.db, context.plugins).get(params.at(0)));
  });

  api.patch(
      "/tracks/{name}", [&context](const auto& request, auto& response, const Params& params) {
        auto body = body_object(request, response);
        if (!body) return;
        BodyReader read(*body);
        TrackChanges changes;
        changes.name = read.text("name");
        changes.plugin = read.clearable_text("plugin");
        changes.starts_on = read.clearable_text("from");
        changes.ends_on = read.clearable_text("until");
        changes.note = read.text("note");
        changes.members = read.texts("members");
        if (auto error = read.finish({"name", "plugin", "from", "until", "note", "members"}))
          return send_error(response, *error);
        reply(response, TrackService(context.db, context.plugins).edit(params.at(0), changes));
      });

  api.post("/tracks/{name}/reopen",
           [&context](const auto& request, auto& response, const Params& params) {
             auto body = body_object(request, response);
             if (!body) return;
             if (auto error = BodyReader(*body).finish({})) return send_error(response, *error);
             reply(response, TrackService(context.db, context.plugins).reopen(params.at(0)));
           });

  api.del("/tracks/{name}", [&context](const auto&, auto& response, const Params& params) {
    reply(response, TrackService(context.db, context.plugins).remove(params.at(0)));
  });

  api.post("/tracks/{name}/close",
           [&context](const auto& request, auto& response, const Params& params) {
             auto body = body_object(request, response);
             if (!body) return;
             if (auto error = BodyReader(*body).finish({})) return send_error(response, *error);
             reply(response, TrackService(context.db, context.plugins).close(params.at(0)));
           });
}

}  // namespace hoego::http
