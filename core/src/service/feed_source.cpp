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

std::string too_large(const std::string& source) {
  return "the feed at '" + source + "' is larger than " +
         std::to_string(kMaxFeedBytes / (1024 * 1024)) + " MiB";
}

Result<std::string> fetch(const std::string& url) {
  const size_t host_start = url.find("://") + 3;
  const size_t path_start = url.find('/', host_start);
  const std::string origin = url.substr(0, path_start);
  const std::string path = path_start == std::string::npos ? "/" : url.substr(path_start);
  if (host_start == path_start || origin.size() == host_start)
    return Error::invalid("'" + url + "' names no host");

  httplib::Client client(origin);
  if (!client.is_valid()) return Error::invalid("'" + url + "' is not a URL hoego can fetch");
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
  if (over_limit) return Error::invalid(too_large(url));
  if (!response)
    return Error::invalid("could not fetch '" + url + "': " + httplib::to_string(response.error()));
  if (response->status != 200)
    return Error::invalid("could not fetch '" + url + "': the server answered HTTP " +
                          std::to_string(response->status));
  return body;
}

Result<std::string> read_file(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    return Error::invalid("the feed file '" + path + "' is a directory");
  std::ifstream file(path, std::ios::binary);
  if (!file)
    return Error::invalid("cannot read the feed file '" + path + "': " + std::strerror(errno));
  std::string text;
  char buffer[65536];
  while (file.read(buffer, sizeof buffer) || file.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(file.gcount()));
    if (text.size() > kMaxFeedBytes) return Error::invalid(too_large(path));
  }
  if (file.bad()) return Error::invalid("cannot read the feed file '" + path + "'");
  return text;
}

}  // namespace

Result<std::string> read_feed_source(const std::string& source) {
  if (starts_with(source, "http://") || starts_with(source, "https://")) return fetch(source);
  return read_file(source);
}

}  // namespace hoego
