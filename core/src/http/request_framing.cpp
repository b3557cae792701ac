#include "request_framing.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace hoego::http {
namespace {

bool same_name(std::string_view name, std::string_view expected) {
  return name.size() == expected.size() &&
         std::equal(name.begin(), name.end(), expected.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Methods whose request has a body by default in cpp-httplib: without a Content-Length it
// would read one until the connection closes.
bool expects_body(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE" ||
         method == "PRI";
}

Framing refused(int status) { return {Framing::State::kRefused, 0, status}; }

}  // namespace

Framing frame_request(std::string_view buffer, const FramingLimits& limits) {
  const size_t end = buffer.find("\r\n\r\n");
  if (end == std::string_view::npos) {
    if (buffer.size() > limits.max_head) return refused(431);
    return {};
  }
  const size_t head_length = end + 4;
  if (head_length > limits.max_head) return refused(431);
  const std::string_view head = buffer.substr(0, end + 2);

  std::string_view method;
  bool has_length = false;
  bool head_only = false;
  size_t body_length = 0;
  size_t start = 0;
  while (start < head.size()) {
    const size_t line_end = head.find("\r\n", start);
    const std::string_view line = head.substr(start, line_end - start);
    if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos)
      return refused(400);
    if (start == 0) {
      method = line.substr(0, line.find(' '));
    } else {
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) return refused(400);
      const std::string_view name = line.substr(0, colon);
      const std::string_view value = trimmed(line.substr(colon + 1));
      if (same_name(name, "content-length")) {
        if (has_length || value.empty() || value.size() > 12 ||
            !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
          return refused(400);
        has_length = true;
        body_length = std::stoull(std::string(value));
      } else if (same_name(name, "transfer-encoding") ||
                 (same_name(name, "expect") && !value.empty())) {
        head_only = true;
      }
    }
    start = line_end + 2;
  }
  if (head_only || body_length > limits.max_buffered_body)
    return {Framing::State::kHeadOnly, head_length, 0};
  if (buffer.size() < head_length + body_length) return {};
  Framing framing{Framing::State::kComplete, head_length + body_length, 0};
  framing.add_zero_length = !has_length && expects_body(method);
  framing.head_end = end + 2;
  return framing;
}

}  // namespace hoego::http
