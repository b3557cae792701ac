// /entries, /entries/{id}, /entries/{id}/history and /undo.
#include <hoego/core/entry_service.h>
#include <hoego/core/json_answers.h>

#include <charconv>

#include "routes.h"

namespace hoego::http {
namespace {

int64_t id_of(const Params& params) { return std::stoll(params.at(0)); }

Result<EntryFilter> filter_from(const httplib::Request& request) {
  EntryFilter filter;
  filter.plugin = query(request, "plugin");
  filter.kind = query(request, "kind");
  filter.track = query(request, "track");
  filter.person = query(request, "person");
  filter.tag = query(request, "tag");
  filter.since = query(request, "since");
  filter.until = query(request, "until");
  filter.text = query(request, "q");
  if (filter.text && filter.text->empty()) filter.text.reset();
  if (auto limit = query(request, "limit")) {
    const auto [end, error] =
        std::from_chars(limit->data(), limit->data() + limit->size(), filter.limit);
    if (error != std::errc() || end != limit->data() + limit->size() || filter.limit < 0)
      return Error{ErrorCode::kInvalidInput,
                   "limit must be a whole number of 0 or more",
                   {{"limit", "must be a whole number of 0 or more", "0 이상의 정수여야 합니다"}},
                   "limit 값은 0 이상의 정수여야 합니다"};
  }
  auto deleted = query_flag(request, "include_deleted");
  if (!deleted) return deleted.error();
  filter.include_deleted = *deleted;
  return filter;
}

}  // namespace

void register_entry_routes(Api& api, ApiContext& context) {
  auto service = [&context] {
    return EntryService(context.db, context.plugins, context.time_zone());
  };

  api.get("/entries", [service](const auto& request, auto& response, const Params&) {
    auto filter = filter_from(request);
    if (!filter) return send_error(response, filter.error());
    reply_as(response, service().list(*filter), entries_answer);
  });

  api.post("/entries", [service](const auto& request, auto& response, const Params&) {
    auto body = body_object(request, response);
    if (!body) return;
    auto input = read_new_entry(*body);
    if (!input) return send_error(response, input.error());
    reply(response, service().add(*input), 201);
  });

  api.get("/entries/{id}", [service](const auto&, auto& response, const Params& params) {
    reply(response, service().get(id_of(params)));
  });

  api.patch("/entries/{id}", [service](const auto& request, auto& response, const Params& params) {
    auto body = body_object(request, response);
    if (!body) return;
    BodyReader read(*body);
    EntryChanges changes;
    changes.when = read.text("when");
    changes.title = read.text("title");
    changes.notes = read.text("notes");
    changes.people = read.texts("people");
    changes.tags = read.texts("tags");
    changes.track = read.text("track");
    // Unlike elsewhere, a null member of "fields" means something here: remove that field.
    changes.fields = read.object("fields");
    if (auto error = read.finish({"when", "title", "notes", "people", "tags", "track", "fields"}))
      return send_error(response, *error);
    reply(response, service().edit(id_of(params), changes));
  });

  api.del("/entries/{id}", [service](const auto&, auto& response, const Params& params) {
    reply(response, service().remove(id_of(params)));
  });

  api.get("/entries/{id}/history", [service](const auto&, auto& response, const Params& params) {
    reply_as(response, service().history(id_of(params)), revisions_answer);
  });

  api.post("/undo", [service](const auto& request, auto& response, const Params&) {
    if (!body_object(request, response)) return;
    reply_as(response, service().undo(), undo_answer);
  });
}

}  // namespace hoego::http
