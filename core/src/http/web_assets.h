// The web view's files, embedded at build time by cmake/embed_files.cmake.
#pragma once

#include <cstddef>
#include <vector>

namespace hoego {

struct WebAsset {
  const char* path;  // "/index.html"
  const char* data;
  size_t size;
};

const std::vector<WebAsset>& web_assets();

}  // namespace hoego
