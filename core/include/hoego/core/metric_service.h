// Runs the metrics plugins declare in their manifests, as SQL over the store.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/manifest.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

struct MetricValue {
  std::string plugin;
  std::string id;
  LocalizedText label;
  double value = 0;
  std::string unit;
};

nlohmann::json to_json(const MetricValue& metric);

// Dates are YYYY-MM-DD, inclusive, compared with each entry's local date.
struct MetricPeriod {
  std::optional<std::string> since;
  std::optional<std::string> until;

  // January 1 to December 31 of `year`: what `year` means to GET /metrics and `hoego stats`.
  static MetricPeriod whole_year(int year);
};

class MetricService {
 public:
  MetricService(Database& db, const PluginHost& plugins) : db_(db), plugins_(plugins) {}

  // Every declared metric of `plugin` (or of every plugin) over live entries in the period.
  Result<std::vector<MetricValue>> compute(const std::optional<std::string>& plugin,
                                           const MetricPeriod& period);

 private:
  // A metric that does not add up day by day (distinct people, average spans), computed whole.
  Result<double> evaluate(const std::string& plugin, const MetricSpec& metric,
                          const MetricPeriod& period);

  Database& db_;
  const PluginHost& plugins_;
};

}  // namespace hoego
