// Answers to GET requests, kept while nothing they were read from can have changed. Deriving
// the dashboard takes ~12 ms at 1M entries, and the web page asks for it on every visit.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace hoego::http {

// What an answer depends on besides the request.
struct DataState {
  int64_t others = -1;    // commits by other connections (PRAGMA data_version); -1: unknown
  int64_t own = -1;       // rows the server's own connection has changed
  std::string time_zone;  // the user's zone, which may come from the system, not the data
  std::string today;      // the user's local date: goals, the dashboard and the report count to it

  bool known() const { return others >= 0 && own >= 0 && !today.empty(); }
  bool operator==(const DataState& other) const {
    return others == other.others && own == other.own && time_zone == other.time_zone &&
           today == other.today;
  }
};

class ResponseCache {
 public:
  // Answers `request` as it was answered before in the same state; false if it was not.
  bool answer(const httplib::Request& request, const DataState& now, httplib::Response& response);
  // Keeps a successful answer to `request`, read in state `before` and left in state `after`
  // (the server keeps what it derived, so its own rows change). Not kept if another process
  // wrote meanwhile: the answer may have been read from either side of that write.
  void keep(const httplib::Request& request, const DataState& before, const DataState& after,
            const httplib::Response& response);

 private:
  struct Kept {
    std::string body;
    std::string content_type;
  };
  void forget_all();

  DataState state_;  // the state every kept answer was given in
  std::unordered_map<std::string, Kept> kept_;
  size_t bytes_ = 0;
};

}  // namespace hoego::http
