#include "response_cache.h"

namespace hoego::http {
namespace {

// Enough for every page of the web view many times over; past it, start again.
constexpr size_t kMostBytesKept = 32u << 20;

// The decoded path and query; NUL cannot occur in either, so no two requests share a key.
std::string key_of(const httplib::Request& request) {
  std::string key = request.path;
  for (const auto& [name, value] : request.params) {
    key += '\0';
    key += name;
    key += '\0';
    key += value;
  }
  return key;
}

}  // namespace

void ResponseCache::forget_all() {
  kept_.clear();
  bytes_ = 0;
}

bool ResponseCache::answer(const httplib::Request& request, const DataState& now,
                           httplib::Response& response) {
  if (!now.known() || !(now == state_)) return false;
  const auto found = kept_.find(key_of(request));
  if (found == kept_.end()) return false;
  response.status = 200;
  response.set_content(found->second.body, found->second.content_type);
  return true;
}

void ResponseCache::keep(const httplib::Request& request, const DataState& before,
                         const DataState& after, const httplib::Response& response) {
  if (response.status != 200 || !before.known() || !after.known() ||
      before.others != after.others || before.today != after.today)
    return;
  if (!(after == state_) || bytes_ + response.body.size() > kMostBytesKept) forget_all();
  state_ = after;
  bytes_ += response.body.size();
  kept_[key_of(request)] = Kept{response.body, response.get_header_value("Content-Type")};
}

}  // namespace hoego::http
