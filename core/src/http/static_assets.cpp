#include "static_assets.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compression.h"
#include "web_assets.h"

namespace hoego::http {
namespace {

// The whole web view (about 190 kB) is compressed once, when the first server is set up, in a
// few milliseconds: the smallest output is worth it.
constexpr int kAssetLevel = 9;

// One file as it is answered. Each encoding is its own representation with its own strong ETag.
struct PreparedAsset {
  std::string route;
  std::string versioned_route;  // empty for index.html, which names the version
  std::string content_type;
  std::string_view plain;
  std::string compressed;  // empty when gzip would not make it smaller
  std::string etag;
  std::string compressed_etag;
};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string content_type_for(std::string_view path) {
  if (ends_with(path, ".html")) return "text/html; charset=utf-8";
  if (ends_with(path, ".css")) return "text/css; charset=utf-8";
  if (ends_with(path, ".js") || ends_with(path, ".mjs")) return "text/javascript; charset=utf-8";
  if (ends_with(path, ".svg")) return "image/svg+xml";
  if (ends_with(path, ".json")) return "application/json";
  return "application/octet-stream";
}

bool compressible(std::string_view content_type) {
  return content_type.rfind("text/", 0) == 0 || content_type == "image/svg+xml" ||
         content_type == "application/json";
}

const std::vector<PreparedAsset>& prepared_assets() {
  static const std::vector<PreparedAsset> prepared = [] {
    std::vector<PreparedAsset> assets;
    for (const WebAsset& asset : web_assets()) {
      PreparedAsset& prepared = assets.emplace_back();
      const std::string_view path(asset.path);
      prepared.route = std::string(path);
      if (path != "/index.html")
        prepared.versioned_route = "/v-" + std::string(web_assets_version()) + prepared.route;
      prepared.content_type = content_type_for(path);
      prepared.plain = std::string_view(asset.data, asset.size);
      // 128 bits of the digest tell versions apart as well as all 256 would.
      const std::string digest = std::string(asset.sha256).substr(0, 32);
      prepared.etag = '"' + digest + '"';
      prepared.compressed_etag = "\"" + digest + "-gzip\"";
      if (compressible(prepared.content_type))
        if (auto compressed = gzip(prepared.plain, kAssetLevel);
            compressed && compressed->size() < prepared.plain.size())
          prepared.compressed = std::move(*compressed);
    }
    return assets;
  }();
  return prepared;
}

// Each representation's bytes by its ETag, for put_asset_body.
const std::unordered_map<std::string, std::string_view>& bodies_by_etag() {
  static const std::unordered_map<std::string, std::string_view> bodies = [] {
    std::unordered_map<std::string, std::string_view> by_etag;
    for (const PreparedAsset& asset : prepared_assets()) {
      by_etag.emplace(asset.etag, asset.plain);
      if (!asset.compressed.empty()) by_etag.emplace(asset.compressed_etag, asset.compressed);
    }
    return by_etag;
  }();
  return bodies;
}

// Whether If-None-Match names either representation of the asset (or is "*"). The comparison
// is the weak one RFC 9110 asks for here: a W/ prefix does not matter.
bool names_current_version(const std::string& if_none_match, const PreparedAsset& asset) {
  size_t start = 0;
  while (start < if_none_match.size()) {
    const size_t end = std::min(if_none_match.find(',', start), if_none_match.size());
    std::string_view tag = std::string_view(if_none_match).substr(start, end - start);
    start = end + 1;
    const size_t first = tag.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;
    tag = tag.substr(first, tag.find_last_not_of(" \t") - first + 1);
    if (tag == "*") return true;
    if (tag.rfind("W/", 0) == 0) tag.remove_prefix(2);
    if (tag == asset.etag || tag == asset.compressed_etag) return true;
  }
  return false;
}

void answer(const PreparedAsset& asset, const char* cache_control, const httplib::Request& request,
            httplib::Response& response) {
  const bool compressed =
      !asset.compressed.empty() && accepts_gzip(request.get_header_value("Accept-Encoding"));
  response.set_header("ETag", compressed ? asset.compressed_etag : asset.etag);
  response.set_header("Cache-Control", cache_control);
  if (!asset.compressed.empty()) response.set_header("Vary", "Accept-Encoding");
  if (names_current_version(request.get_header_value("If-None-Match"), asset)) {
    // cpp-httplib adds Content-Length: 0, which clients ignore on a 304.
    response.status = 304;
    return;
  }
  response.status = 200;
  response.set_header("Content-Type", asset.content_type);
  if (compressed) response.set_header("Content-Encoding", "gzip");
}

}  // namespace

void serve_static_assets(httplib::Server& server) {
  bodies_by_etag();  // compressed now rather than during the first request
  for (const PreparedAsset& asset : prepared_assets()) {
    auto revalidated = [&asset](const httplib::Request& request, httplib::Response& response) {
      answer(asset, "no-cache", request, response);
    };
    server.Get(asset.route, revalidated);
    if (asset.route == "/index.html") server.Get("/", revalidated);
    if (!asset.versioned_route.empty())
      server.Get(asset.versioned_route,
                 [&asset](const httplib::Request& request, httplib::Response& response) {
                   answer(asset, "public, max-age=31536000, immutable", request, response);
                 });
  }
}

void put_asset_body(httplib::Response& response) {
  if (response.status != 200 || !response.body.empty()) return;
  const auto found = bodies_by_etag().find(response.get_header_value("ETag"));
  if (found == bodies_by_etag().end()) return;
  response.body.assign(found->second);
  response.headers.erase("Content-Length");
  response.set_header("Content-Length", std::to_string(response.body.size()));
}

}  // namespace hoego::http
