#include "compression.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace hoego::http {
namespace {

// An answer of the JSON API is compressed each time it is sent: the fastest level, since on
// loopback the time matters more than the bytes (JSON's repeated names compress well even so).
constexpr int kAnswerLevel = Z_BEST_SPEED;
constexpr size_t kSmallestCompressed = 1024;

std::string trimmed_lowercase(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const size_t last = text.find_last_not_of(" \t");
  std::string result(text.substr(first, last - first + 1));
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

}  // namespace

bool accepts_gzip(const std::string& accept_encoding) {
  std::optional<double> gzip_quality;
  std::optional<double> any_quality;
  size_t start = 0;
  while (start < accept_encoding.size()) {
    const size_t end = std::min(accept_encoding.find(',', start), accept_encoding.size());
    const std::string_view part = std::string_view(accept_encoding).substr(start, end - start);
    start = end + 1;
    const size_t semicolon = part.find(';');
    const std::string coding = trimmed_lowercase(part.substr(0, semicolon));
    double quality = 1;
    if (semicolon != std::string_view::npos) {
      const std::string parameter = trimmed_lowercase(part.substr(semicolon + 1));
      if (parameter.rfind("q=", 0) == 0) quality = std::strtod(parameter.c_str() + 2, nullptr);
    }
    if (coding == "gzip" || coding == "x-gzip")
      gzip_quality = quality;
    else if (coding == "*")
      any_quality = quality;
  }
  return gzip_quality.value_or(any_quality.value_or(0)) > 0;
}

std::optional<std::string> gzip(std::string_view data, int level) {
  z_stream stream{};
  // 15 + 16: the largest window, with a gzip header and trailer rather than zlib's.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return std::nullopt;
  std::string compressed(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
  stream.avail_out = static_cast<uInt>(compressed.size());
  const int outcome = deflate(&stream, Z_FINISH);
  compressed.resize(stream.total_out);
  deflateEnd(&stream);
  if (outcome != Z_STREAM_END) return std::nullopt;
  return compressed;
}

void compress_if_accepted(const httplib::Request& request, httplib::Response& response) {
  if (response.status < 200 || response.status > 299 || response.body.size() < kSmallestCompressed)
    return;
  response.set_header("Vary", "Accept-Encoding");
  if (!accepts_gzip(request.get_header_value("Accept-Encoding"))) return;
  auto compressed = gzip(response.body, kAnswerLevel);
  if (!compressed) return;
  response.body = std::move(*compressed);
  response.set_header("Content-Encoding", "gzip");
}

}  // namespace hoego::http
