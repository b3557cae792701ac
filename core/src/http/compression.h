// gzip for answers whose client accepts it: the embedded web view's files (compressed once per
// process, static_assets.cpp) and JSON answers (each time, api.cpp).
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

namespace hoego::http {

// Whether an Accept-Encoding header lets an answer come gzip-compressed: it names gzip or *
// with a quality above 0. Every browser sends "gzip, deflate, br".
bool accepts_gzip(const std::string& accept_encoding);

// `data` in the gzip format at zlib's `level` (1 fastest … 9 smallest); nullopt if zlib fails.
std::optional<std::string> gzip(std::string_view data, int level);

// Compresses a successful JSON answer of at least 1 kB for a request that accepts gzip (smaller
// ones gain less than the gzip header and the work cost). Says Vary: Accept-Encoding whenever
// the answer could have been compressed. cpp-httplib 0.11 leaves such a body alone: it
// compresses only the media types it lists, which "application/json; charset=utf-8" is not.
void compress_if_accepted(const httplib::Request& request, httplib::Response& response);

}  // namespace hoego::http
