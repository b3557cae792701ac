// /health, /settings and /plugins.
#include <hoego/core/journal_service.h>
#include <hoego/core/json_answers.h>
#include <hoego/core/migrations.h>
#include <hoego/core/plugin_switches.h>
#include <hoego/core/settings_service.h>
#include <hoego/sdk.h>

#include "routes.h"

namespace hoego::http {
namespace {

json settings_json(ApiContext& context) {
  auto interval = SettingsService(context.db).get("feed_interval");
  return settings_answer(
      context.time_zone(), context.language(),
      interval && *interval ? **interval : std::to_string(kDefaultFeedIntervalMinutes));
}

}  // namespace

void register_system_routes(Api& api, ApiContext& context) {
  api.get("/health", [&context](const auto&, auto& response, const Params&) {
    auto version = context.db.schema_version();
    send_json(response,
              {{"status", version ? "ok" : "degraded"},
               {"schema_version", version ? *version : 0},
               {"sdk_version", std::to_string(HOEGO_SDK_VERSION_MAJOR) + "." +
                                   std::to_string(HOEGO_SDK_VERSION_MINOR)}},
              version ? 200 : 503);
  });

  api.get("/settings", [&context](const auto&, auto& response, const Params&) {
    send_json(response, settings_json(context));
  });

  api.patch("/settings", [&context](const auto& request, auto& response, const Params&) {
    auto body = body_object(request, response);
    if (!body) return;
    BodyReader read(*body);
    const auto zone = read.text("time_zone");
    const auto language = read.text("language");
    const auto feed_interval = read.text("feed_interval");
    if (auto error = read.finish({"time_zone", "language", "feed_interval"}))
      return send_error(response, *error);
    // Both are checked before either is written.
    SettingsService settings(context.db);
    Transaction transaction(context.db);
    if (auto status = transaction.begin(); !status) return send_error(response, status.error());
    for (const auto& [key, value] :
         {std::pair{"time_zone", zone}, {"language", language}, {"feed_interval", feed_interval}}) {
      if (!value) continue;
      if (auto status = settings.set(key, *value); !status) {
        Error error = status.error();
        error.fields = {{key, error.message, error.message_ko}};
        return send_error(response, error);
      }
    }
    if (auto status = transaction.commit(); !status) return send_error(response, status.error());
    send_json(response, settings_json(context));
  });

  api.get("/plugins", [&context](const auto& request, auto& response, const Params&) {
    auto with_entries = query_flag(request, "entries");
    if (!with_entries) return send_error(response, with_entries.error());
    auto unloaded = unloaded_plugins(context.db, context.plugins);
    if (!unloaded) return send_error(response, unloaded.error());
    json answer = plugins_answer(context.plugins, context.language(), *unloaded);
    // Counting every entry of every plugin is for the plugins page, which asks for it.
    if (*with_entries) {
      auto counts = entries_per_plugin(context.db, context.plugins);
      if (!counts) return send_error(response, counts.error());
      for (const char* list : {"plugins", "disabled"})
        for (auto& plugin : answer[list]) plugin["entries"] = counts->at(plugin.at("id"));
    }
    send_json(response, answer);
  });

  for (const bool enable : {false, true})
    api.post(enable ? "/plugins/{name}/enable" : "/plugins/{name}/disable",
             [&context, enable](const auto& request, auto& response, const Params& params) {
               auto body = body_object(request, response);
               if (!body) return;
               if (auto error = BodyReader(*body).finish({})) return send_error(response, *error);
               PluginSwitches switches(context.db, context.plugins);
               const std::string& id = params.at(0);
               const Status status = enable ? switches.enable(id) : switches.disable(id);
               if (!status) return send_error(response, status.error());
               send_json(response, {{"plugin", id}, {"enabled", enable}});
             });

  api.get("/journal", [&context](const auto& request, auto& response, const Params&) {
    int limit = 50;
    if (auto text = query(request, "limit")) {
      try {
        limit = std::stoi(*text);
      } catch (const std::exception&) {
        limit = 0;  // refused below, with the reason
      }
    }
    auto steps =
        JournalService(context.db).steps(query(request, "subject"), query(request, "id"), limit);
    if (!steps) return send_error(response, steps.error());
    json lines = json::array();
    for (const auto& line : *steps) lines.push_back(to_json(line));
    send_json(response, {{"steps", std::move(lines)}});
  });
}

}  // namespace hoego::http
