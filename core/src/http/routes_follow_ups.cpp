// GET /follow-ups and POST /entries/{id}/checklist: the follow-ups promised across entries, and
// ticking one (an edit of its entry).
#include <hoego/core/follow_up_service.h>

#include "routes.h"

namespace hoego::http {

void register_follow_up_routes(Api& api, ApiContext& context) {
  api.get("/follow-ups", [&context](const auto& request, auto& response, const Params&) {
    auto all = query_flag(request, "all");
    if (!all) return send_error(response, all.error());
    auto list = FollowUpService(context.db, context.plugins, context.time_zone()).list(*all);
    if (!list) return send_error(response, list.error());
    json items = json::array();
    for (const auto& follow_up : *list) items.push_back(to_json(follow_up));
    send_json(response, {{"follow_ups", std::move(items)}});
  });

  api.post("/entries/{id}/checklist",
           [&context](const auto& request, auto& response, const Params& params) {
             auto body = body_object(request, response);
             if (!body) return;
             BodyReader read(*body);
             const std::string field = read.text("field").value_or("");
             const auto index = read.integer("index");
             const auto done = read.flag("done");
             if (auto error = read.finish({"field", "index", "done"}))
               return send_error(response, *error);
             if (!index || !done)
               return send_error(
                   response, Error{ErrorCode::kInvalidInput,
                                   "give the item's index and whether it is done",
                                   {{!index ? "index" : "done", "is required", "값이 필요합니다"}},
                                   "항목 번호(index)와 완료 여부(done)를 주세요"});
             reply(response, FollowUpService(context.db, context.plugins, context.time_zone())
                                 .tick(std::stoll(params.at(0)), field, *index, *done));
           });
}

}  // namespace hoego::http
