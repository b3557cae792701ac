// A track's members and their feeds: /tracks/{name}/members, /feeds.
#include <hoego/core/feed_poller.h>
#include <hoego/core/track_service.h>

#include "routes.h"

namespace hoego::http {

void register_member_routes(Api& api, ApiContext& context) {
  api.post("/tracks/{name}/members", [&context](const auto& request, auto& response,
                                                const Params& params) {
    auto body = body_object(request, response);
    if (!body) return;
    BodyReader read(*body);
    const std::string name = read.text("name").value_or("");
    // null or absent keeps a member's feed (the web view sends null for an empty field), ""
    // takes it away.
    const std::optional<std::string> feed = read.text("feed");
    if (auto error = read.finish({"name", "feed"})) return send_error(response, *error);
    reply(response, TrackService(context.db, context.plugins).add_member(params.at(0), name, feed));
  });

  api.post("/tracks/{name}/members/import", [&context](const auto& request, auto& response,
                                                       const Params& params) {
    auto body = body_object(request, response);
    if (!body) return;
    BodyReader read(*body);
    const std::string csv = read.text("csv").value_or("");
    if (auto error = read.finish({"csv"})) return send_error(response, *error);
    reply(response, TrackService(context.db, context.plugins).import_members(params.at(0), csv));
  });

  api.del("/tracks/{name}/members/{person}",
          [&context](const auto&, auto& response, const Params& params) {
            auto track =
                TrackService(context.db, context.plugins).remove_member(params.at(0), params.at(1));
            if (!track) return send_error(response, track.error());
            send_json(response, {{"track", to_json(*track)}});
          });

  // The schedule's state changes without the database changing: never a kept answer.
  api.get_per_request("/feeds", [&context](const auto& request, auto& response, const Params&) {
    auto feeds =
        FeedPoller(context.db, context.plugins, context.time_zone()).list(query(request, "track"));
    if (!feeds) return send_error(response, feeds.error());
    json list = json::array();
    for (const auto& feed : *feeds) list.push_back(to_json(feed));
    send_json(response, {{"feeds", std::move(list)}, {"polling", to_json(context.feeds.state())}});
  });

  api.post("/feeds/poll", [&context](const auto&, auto& response, const Params&) {
    if (!context.feeds.poll_now())
      return send_error(response, 409, "conflict",
                        "a round of the feeds is running already (or the server fetches none: "
                        "its database is read-only)",
                        "피드를 이미 가져오는 중입니다 (또는 데이터베이스가 읽기 전용이라 서버가 "
                        "피드를 가져오지 않습니다)");
    send_json(response, {{"started", true}}, 202);
  });
}

}  // namespace hoego::http
