// http(s) addresses as a feed fetch needs them: split into the origin a client connects to and the
// target it asks for, and a redirect's Location resolved against the address that sent it
// (RFC 3986 section 5.2, without the parts feeds never use).
#pragma once

#include <optional>
#include <string>

namespace hoego {

struct WebAddress {
  std::string scheme;  // "http" or "https", lower case
  std::string host;    // as written; an IPv6 literal keeps its brackets
  int port = 0;        // the explicit port, or the scheme's default
  std::string target;  // path and query, never empty ("/" at least); the fragment dropped

  // "scheme://host[:port]" (the port only when not the scheme's default).
  std::string origin() const;
  // origin() + target.
  std::string text() const;
};

// The address `text` names when it is an absolute http or https URL with a host (no user name,
// no spaces or control characters); nullopt otherwise.
std::optional<WebAddress> parse_web_address(const std::string& text);

// `reference` (a Location header: absolute, "//host/…", "/path", "path", "?query") made absolute
// against `base`. The result may have another scheme than http(s) (a redirect to "ftp://…"); the
// caller checks it with parse_web_address.
std::string resolve_web_reference(const WebAddress& base, const std::string& reference);

}  // namespace hoego
