// Fuzz target: the SDK's JSON reader (<hoego/sdk_json_reader.hpp>), which reads every plugin
// request, every plugin answer and every JSON Lines record, against nlohmann::json::parse. Any
// bytes must be refused by both or read by both into the same value; a disagreement aborts.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <hoego/sdk_json_reader.hpp>
#include <string_view>
#include <utility>
#include <vector>

namespace {

// How deeply arrays and objects nest in `value`, counted without recursion.
size_t nesting(const nlohmann::json& value) {
  size_t deepest = 0;
  std::vector<std::pair<const nlohmann::json*, size_t>> pending{{&value, 0}};
  while (!pending.empty()) {
    const auto [item, depth] = pending.back();
    pending.pop_back();
    if (!item->is_structured()) continue;
    deepest = std::max(deepest, depth + 1);
    for (const auto& child : *item) pending.emplace_back(&child, depth + 1);
  }
  return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  hoego::sdk::detail::JsonReader reader(text);
  nlohmann::json read;
  const bool accepted = reader.read(read);
  const auto expected = nlohmann::json::parse(text, nullptr, false);
  // nlohmann has no nesting limit; the reader refuses past its own.
  if (!accepted && !expected.is_discarded() &&
      nesting(expected) > static_cast<size_t>(hoego::sdk::detail::JsonReader::kDeepestNesting))
    return 0;
  if (accepted == expected.is_discarded()) std::abort();
  if (accepted && (read != expected || read.dump() != expected.dump())) std::abort();
  return 0;
}
