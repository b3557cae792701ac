#include "web_address.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace hoego {
namespace {

int default_port(const std::string& scheme) { return scheme == "https" ? 443 : 80; }

std::string lower_case(std::string_view text) {
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lowered;
}

bool has_scheme(std::string_view reference) {
  if (reference.empty() || !std::isalpha(static_cast<unsigned char>(reference[0]))) return false;
  for (char c : reference) {
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  return false;
}

std::optional<int> port_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 5) return std::nullopt;
  int port = 0;
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    port = port * 10 + (c - '0');
  }
  if (port < 1 || port > 65535) return std::nullopt;
  return port;
}

std::string without_fragment(const std::string& text) { return text.substr(0, text.find('#')); }

void drop_last_segment(std::string& path) {
  const size_t slash = path.rfind('/');
  path.erase(slash == std::string::npos ? 0 : slash);
}

// RFC 3986 section 5.2.4: "/a/b/../c/./d" → "/a/c/d".
std::string remove_dot_segments(std::string input) {
  std::string output;
  while (!input.empty()) {
    if (input.starts_with("../")) {
      input.erase(0, 3);
    } else if (input.starts_with("./")) {
      input.erase(0, 2);
    } else if (input.starts_with("/./")) {
      input.replace(0, 3, "/");
    } else if (input == "/.") {
      input = "/";
    } else if (input.starts_with("/../")) {
      input.replace(0, 4, "/");
      drop_last_segment(output);
    } else if (input == "/..") {
      input = "/";
      drop_last_segment(output);
    } else if (input == "." || input == "..") {
      input.clear();
    } else {
      const size_t next = input.find('/', 1);
      output += input.substr(0, next);
      input.erase(0, next == std::string::npos ? input.size() : next);
    }
  }
  return output;
}

// A path and query: the dots taken out of the path, the query kept as it is.
std::string normalized_target(const std::string& target) {
  const size_t query = target.find('?');
  std::string path = remove_dot_segments(target.substr(0, query));
  if (path.empty() || path[0] != '/') path.insert(0, "/");
  return query == std::string::npos ? path : path + target.substr(query);
}

}  // namespace

std::string WebAddress::origin() const {
  std::string text = scheme + "://" + host;
  if (port != default_port(scheme)) text += ":" + std::to_string(port);
  return text;
}

std::string WebAddress::text() const { return origin() + target; }

std::optional<WebAddress> parse_web_address(const std::string& text) {
  for (unsigned char c : text)
    if (c <= 0x20 || c == 0x7f) return std::nullopt;
  const size_t scheme_end = text.find("://");
  if (scheme_end == std::string::npos) return std::nullopt;
  WebAddress address;
  address.scheme = lower_case(std::string_view(text).substr(0, scheme_end));
  if (address.scheme != "http" && address.scheme != "https") return std::nullopt;

  const size_t authority_start = scheme_end + 3;
  const size_t authority_end = std::min(text.find_first_of("/?#", authority_start), text.size());
  const std::string_view authority =
      std::string_view(text).substr(authority_start, authority_end - authority_start);
  // Credentials in a feed's address would be sent in clear to whoever it redirects to.
  if (authority.find('@') != std::string_view::npos) return std::nullopt;

  std::string_view port_text;
  if (authority.starts_with('[')) {
    const size_t bracket = authority.find(']');
    if (bracket == std::string_view::npos) return std::nullopt;
    address.host = authority.substr(0, bracket + 1);
    const std::string_view rest = authority.substr(bracket + 1);
    if (!rest.empty() && !rest.starts_with(':')) return std::nullopt;
    if (!rest.empty()) port_text = rest.substr(1);
  } else {
    const size_t colon = authority.find(':');
    address.host = authority.substr(0, colon);
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (address.host.empty() || address.host == "[]") return std::nullopt;
  if (address.host.find(':') != std::string::npos && !address.host.starts_with('['))
    return std::nullopt;
  address.port = default_port(address.scheme);
  if (!port_text.empty()) {
    const auto port = port_number(port_text);
    if (!port) return std::nullopt;
    address.port = *port;
  }
  address.target = normalized_target(without_fragment(text.substr(authority_end)));
  return address;
}

std::string resolve_web_reference(const WebAddress& base, const std::string& reference) {
  std::string relative = without_fragment(reference);
  if (has_scheme(relative)) return relative;
  if (relative.starts_with("//")) return base.scheme + ":" + relative;
  if (relative.empty()) return base.text();
  if (relative.starts_with('/')) return base.origin() + normalized_target(relative);
  const std::string base_path = base.target.substr(0, base.target.find('?'));
  if (relative.starts_with('?')) return base.origin() + base_path + relative;
  const std::string directory = base_path.substr(0, base_path.rfind('/') + 1);
  return base.origin() + normalized_target(directory + relative);
}

}  // namespace hoego
