#include "response_cache.h"

namespace hoego::http {
namespace {

// Enough for every page of the web view many times over; past it, start again. An answer too
// big to keep (a page of every entry) is derived each time. A 500-member board at a cohort's end
// is about 2.5 MiB, and the one answer that costs most to derive (200 ms): it is kept.
constexpr size_t kMostBytesKept = 32u << 20;
constexpr size_t kMostAnswersKept = 1000;
constexpr size_t kLargestAnswerKept = 4u << 20;

// The answer's language, then the decoded path and query, each part preceded by its length:
// decoding lets a part hold any byte (%00 too), so no separator alone could tell two requests
// apart. The language is the one the route set (from Accept-Language): plugins' texts and a
// report without ?lang= are in it, so a Korean page must not get an English answer kept before.
std::string key_of(const httplib::Request& request, const httplib::Response& response) {
  std::string key;
  auto add = [&key](const std::string& part) {
    key += std::to_string(part.size());
    key += ':';
    key += part;
  };
  add(response.get_header_value("Content-Language"));
  add(request.path);
  for (const auto& [name, value] : request.params) {
    add(name);
    add(value);
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
  const auto found = kept_.find(key_of(request, response));
  if (found == kept_.end()) return false;
  response.status = 200;
  response.set_content(found->second.body, found->second.content_type);
  return true;
}

void ResponseCache::keep(const httplib::Request& request, const DataState& before,
                         const DataState& after, const httplib::Response& response) {
  if (response.status != 200 || !before.known() || !after.known() ||
      before.others != after.others || before.time_zone != after.time_zone ||
      before.today != after.today)
    return;
  if (response.body.size() > kLargestAnswerKept) return;
  std::string key = key_of(request, response);
  const size_t size = key.size() + response.body.size();
  if (!(after == state_) || bytes_ + size > kMostBytesKept || kept_.size() >= kMostAnswersKept)
    forget_all();
  state_ = after;
  bytes_ += size;
  kept_[std::move(key)] = Kept{response.body, response.get_header_value("Content-Type")};
}

}  // namespace hoego::http
