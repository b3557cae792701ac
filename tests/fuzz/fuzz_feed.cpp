// Fuzz target: the RSS/Atom feed parser. Any bytes must give a feed or an error, never a crash.
#include <hoego/core/feed.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto feed = hoego::parse_feed(text, "Asia/Seoul");
  (void)feed;
  return 0;
}
