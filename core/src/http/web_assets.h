// The web view's files, embedded at build time by cmake/embed_files.cmake.
#pragma once

#include <cstddef>
#include <vector>

namespace hoego {

struct WebAsset {
  const char* path;  // "/index.html"
  const char* data;
  size_t size;
  const char* sha256;  // of `data`, 64 hex digits: what the asset's ETag is made from
};

const std::vector<WebAsset>& web_assets();

// A digest of all the files: the embedded index.html names the others under /v-VERSION/.
const char* web_assets_version();

}  // namespace hoego
