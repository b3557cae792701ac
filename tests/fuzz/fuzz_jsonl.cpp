// Fuzz target: the JSON Lines importer, into an empty in-memory database each time. Any bytes
// must be imported whole or refused with "line N: …", never crash.
#include <hoego/core/database.h>
#include <hoego/core/jsonl.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto db = hoego::Database::open(":memory:");
  if (!db) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto imported = hoego::import_jsonl(*db, text);
  (void)imported;
  return 0;
}
