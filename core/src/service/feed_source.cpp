// Fetches a feed's text from a file or over http(s).
#include <hoego/core/feed_import.h>
#include <httplib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

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

Result<std::string> fetch(const std::string& url) {
  const size_t host_start = url.find("://") + 3;
  const size_t path_start = url.find('/', host_start);
  const std::string origin = url.substr(0, path_start);
  const std::string path = path_start == std::string::npos ? "/" : url.substr(path_start);
  if (host_start == path_start || origin.size() == host_start)
    return Error::invalid("'" + url + "' names no host", "주소에 호스트가 없습니다: '" + url + "'");

  httplib::Client client(origin);
  if (!client.is_valid())
    return Error::invalid("'" + url + "' is not a URL hoego can fetch",
                          "hoego가 가져올 수 없는 주소입니다: '" + url + "'");
  client.set_follow_location(true);
  client.set_connection_timeout(10);
  client.set_read_timeout(30);
  std::string body;
  bool over_limit = false;
  auto response = client.Get(path, httplib::Headers{{"User-Agent", "hoego feed import"}},
                             [&](const char* data, size_t length) {
                               if (body.size() + length > kMaxFeedBytes) {
                                 over_limit = true;
                                 return false;
                               }
                               body.append(data, length);
                               return true;
                             });
  if (over_limit) return too_large(url);
  if (!response) {
    const std::string reason = httplib::to_string(response.error());
    return Error::invalid("could not fetch '" + url + "': " + reason,
                          "피드를 가져오지 못했습니다: '" + url + "' (" + reason + ")");
  }
  if (response->status != 200) {
    const std::string status = std::to_string(response->status);
    return Error::invalid(
        "could not fetch '" + url + "': the server answered HTTP " + status,
        "피드를 가져오지 못했습니다: '" + url + "' (서버 응답: HTTP " + status + ")");
  }
  return body;
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
