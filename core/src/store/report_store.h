// The queries of the year in review that read a whole year at once. Callers own the transaction.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/report.h>

#include <map>
#include <string>
#include <vector>

namespace hoego {

class ReportStore {
 public:
  explicit ReportStore(Database& db) : db_(db) {}

  // How many live entries dated from `since` to `until` name each person, by name.
  Result<std::map<std::string, int>> named(const std::string& since, const std::string& until);
  // The ids of the newest live entries dated from `since` to `until`, newest first.
  Result<std::vector<int64_t>> newest(const std::string& since, const std::string& until,
                                      int limit);

 private:
  Database& db_;
};

}  // namespace hoego
