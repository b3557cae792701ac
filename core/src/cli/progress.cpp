#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace hoego::cli {

Progress terminal_progress(std::string label) {
  if (isatty(STDERR_FILENO) == 0) return {};
  return [label = std::move(label)](size_t done, size_t total) {
    constexpr int kWidth = 30;
    const int filled = total == 0 ? kWidth : static_cast<int>(kWidth * done / total);
    std::fprintf(stderr, "\r%s [%.*s%*s] %zu/%zu", label.c_str(), filled,
                 "##############################", kWidth - filled, "", done, total);
    if (done >= total) std::fputc('\n', stderr);
    std::fflush(stderr);
  };
}

}  // namespace hoego::cli
