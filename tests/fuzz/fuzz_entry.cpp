// Fuzz target: an entry as the API receives it (POST /api/v1/entries), read by the route's own
// reader, then checked by the host and the bundled plugins and stored. Any bytes must be
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
  auto input = hoego::http::read_new_entry(body);
  if (!input) return 0;
  hoego::EntryService service(*world.db, world.plugins, "Asia/Seoul");
  auto added = service.add(*input);
  (void)added;
  return 0;
}
