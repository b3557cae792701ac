// Per-day amounts derived from entries, kept under a key (derived_values) and brought up to
// date from the days that changed since: what goals, figures and the heatmap share.
#pragma once

#include <hoego/core/local_time.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "../store/derived_store.h"

namespace hoego {

template <typename Amount>
using PerDay = std::map<std::string, Amount>;

// Where the amounts of a kept per-day map come from.
template <typename Amount>
struct PerDaySource {
  std::string key;                    // the derived_values key
  std::optional<std::string> plugin;  // whose changed days count; nullopt: every plugin's
  std::string since, until;           // the days counted (inclusive; an empty bound is open)
  int64_t change = 0;                 // the latest change among those days, read beforehand
  // How many days on either side of a changed entry date may change too: 0 when amounts are
  // per stored local date, more when they are per day in another zone.
  int reach = 0;
  // Counts the amounts of every day from `from` to `until` (the source's own bounds when
  // empty), whole.
  std::function<Result<PerDay<Amount>>(const std::string& from, const std::string& to)> count;
};

// The per-day amounts as of source.change: kept ones as they are when nothing changed, with
// the changed days (and their reach) counted again when a few did, or all counted afresh.
// Queues the result in `to_keep` when it differs from what is kept.
template <typename Amount>
Result<PerDay<Amount>> kept_per_day(Database& db, const PerDaySource<Amount>& source,
                                    std::vector<DerivedValue>& to_keep) {
  DerivedStore derived(db);
  auto kept = derived.find_any(source.key);
  if (!kept) return kept.error();
  const nlohmann::json parsed =
      *kept ? nlohmann::json::parse((*kept)->value, nullptr, false) : nlohmann::json();
  const bool usable = parsed.is_object();  // what an older hoego kept may be something else
  PerDay<Amount> days;
  bool count_all = true;
  if (usable && (*kept)->change <= source.change) {
    for (const auto& [day, amount] : parsed.items())
      if (amount.is_number() || (!std::is_arithmetic_v<Amount> && amount.is_object()))
        days[day] = amount.template get<Amount>();
    auto changed =
        derived.changed_since(source.plugin, source.since, source.until, (*kept)->change);
    if (!changed) return changed.error();
    if (changed->size() <= kMostChangedDaysToCount) {
      count_all = false;
      for (const auto& [first, last] : date_runs(*changed, kChangedDaysRunGap + 2 * source.reach)) {
        const std::string from = shifted_date(first, -source.reach);
        const std::string to = shifted_date(last, source.reach);
        auto counted = source.count(from, to);
        if (!counted) return counted.error();
        days.erase(days.lower_bound(from), days.upper_bound(to));
        days.insert(counted->lower_bound(from), counted->upper_bound(to));
      }
    }
  }
  if (count_all) {
    auto counted = source.count(source.since, source.until);
    if (!counted) return counted.error();
    days = std::move(*counted);
  }
  if (!usable || (*kept)->change != source.change)
    to_keep.push_back({source.key, source.change, nlohmann::json(days).dump()});
  return days;
}

}  // namespace hoego
