// Runs the metrics plugins declare in their manifests, as SQL over the store.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/manifest.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hoego {

// One option of a choice field and what the metric counts (or sums) for it.
struct OptionValue {
  std::string id;
  LocalizedText label;  // the manifest's; the id itself for an option it no longer lists
  double value = 0;
};

struct MetricValue {
  std::string plugin;
  std::string id;
  LocalizedText label;
  // The total; for a most_frequent metric, how many entries chose that option (0 without any).
  double value = 0;
  std::string unit;
  // A metric "by" a choice field (its id in `by`): each option with a value, largest first, ties
  // in the order the field lists its options. Entries that chose no option count only in the total.
  std::string by;
  std::vector<OptionValue> options;
  // A most_frequent metric over a choice field (its id in `most_frequent_of`): the option most
  // entries chose (ties: the one listed first); none when no entry chose one.
  std::string most_frequent_of;
  std::optional<OptionValue> option;
};

nlohmann::json to_json(const MetricValue& metric);

// How a metric reads after its label, with `figure` writing a number in a unit: "17시간",
// "12 (달리기 8, 수영 4)" for one given per option, "달리기 (8)" for the most frequent option.
std::string metric_text(const MetricValue& metric, std::string_view language,
                        const std::function<std::string(double, const std::string&)>& figure);

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
