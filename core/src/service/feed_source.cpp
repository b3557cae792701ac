// Fetches a feed's text from a file or over http(s).
#include <hoego/core/feed_import.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "feed_fetch.h"

namespace hoego {
namespace {

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

Error too_large(const std::string& source) {
  const std::string limit = std::to_string(kMaxFeedBytes / (1024 * 1024));
  return Error::invalid("the feed at '" + source + "' is larger than " + limit + " MiB",
                        "피드가 " + limit + " MiB보다 큽니다: '" + source + "'");
}

// The same fetcher as the scheduled poll, with the larger limit a one-off import has always had.
Result<std::string> fetch(const std::string& url) {
  FeedFetchLimits limits;
  limits.max_bytes = kMaxFeedBytes;
  auto fetched = fetch_feed({url, std::nullopt, std::nullopt}, limits);
  if (!fetched) return fetched.error();
  return std::move(fetched->body);
}

Result<std::string> read_file(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    return Error::invalid("the feed file '" + path + "' is a directory",
                          "피드 파일 자리에 디렉터리가 있습니다: '" + path + "'");
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    const std::string reason = std::strerror(errno);
    return Error::invalid("cannot read the feed file '" + path + "': " + reason,
                          "피드 파일을 읽을 수 없습니다: '" + path + "': " + reason);
  }
  std::string text;
  char buffer[65536];
  while (file.read(buffer, sizeof buffer) || file.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(file.gcount()));
    if (text.size() > kMaxFeedBytes) return too_large(path);
  }
  if (file.bad())
    return Error::invalid("cannot read the feed file '" + path + "'",
                          "피드 파일을 읽을 수 없습니다: '" + path + "'");
  return text;
}

}  // namespace

Result<std::string> read_feed_source(const std::string& source) {
  if (starts_with(source, "http://") || starts_with(source, "https://")) return fetch(source);
  return read_file(source);
}

}  // namespace hoego
