// Fuzz target: an entry as the API receives it (POST /api/v1/entries), read the way the route
// reads it, then checked by the host and the bundled plugins and stored. Any bytes must be
// stored or refused with a reason, never crash.
#include <hoego/core/database.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/people_service.h>
#include <hoego/core/plugin_host.h>

#include <cstddef>
#include <cstdint>
#include <optional>

#include "api.h"

namespace {

struct World {
  hoego::PluginHost plugins;
  std::optional<hoego::Database> db;
  World() {
    plugins.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    db.emplace(std::move(hoego::Database::open(":memory:").value()));
    (void)hoego::PeopleService(*db).add("김민지", "");
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static World world;
  const auto body = nlohmann::json::parse(data, data + size, nullptr, false);
  if (!body.is_object()) return 0;
  hoego::http::BodyReader read(body);
  hoego::NewEntry input;
  input.plugin = read.text("plugin").value_or("");
  input.kind = read.text("kind").value_or("");
  input.when = read.text("when");
  input.title = read.text("title").value_or("");
  input.notes = read.text("notes").value_or("");
  input.people = read.texts("people").value_or(std::vector<std::string>{});
  input.tags = read.texts("tags").value_or(std::vector<std::string>{});
  input.track = read.text("track");
  input.request_id = read.text("request_id");
  input.fields = read.object("fields");
  if (read.finish({"plugin", "kind", "when", "title", "notes", "people", "tags", "track",
                   "request_id", "fields"}))
    return 0;
  hoego::EntryService service(*world.db, world.plugins, "Asia/Seoul");
  auto added = service.add(input);
  (void)added;
  return 0;
}
