#include <hoego/core/metric_service.h>

namespace hoego {

using nlohmann::json;

json to_json(const MetricValue& metric) {
  return json{{"plugin", metric.plugin},
              {"id", metric.id},
              {"label", {{"ko", metric.label.ko}, {"en", metric.label.en}}},
              {"value", metric.value},
              {"unit", metric.unit}};
}

Result<std::vector<MetricValue>> MetricService::compute(const std::optional<std::string>& plugin,
                                                        const MetricPeriod& period) {
  std::vector<const LoadedPlugin*> selected;
  if (plugin) {
    auto found = plugins_.require(*plugin);
    if (!found) return Error::invalid(found.error().message);
    selected.push_back(*found);
  } else {
    for (const auto& loaded : plugins_.plugins()) selected.push_back(loaded.get());
  }
  std::vector<MetricValue> values;
  for (const LoadedPlugin* loaded : selected) {
    for (const auto& metric : loaded->manifest().metrics) {
      auto value = evaluate(loaded->id(), metric, period);
      if (!value) return value.error();
      values.push_back({loaded->id(), metric.id, metric.label, *value, metric.unit});
    }
  }
  return values;
}

Result<double> MetricService::evaluate(const std::string& plugin, const MetricSpec& metric,
                                       const MetricPeriod& period) {
  // The aggregate picks one of these fixed SQL texts; the field path and every value are bound.
  std::string sql;
  switch (metric.aggregate) {
    case Aggregate::kCount:
      sql = "SELECT count(*) FROM entries e WHERE ";
      break;
    case Aggregate::kSum:
      sql = "SELECT total(json_extract(e.payload, ?5)) FROM entries e WHERE ";
      break;
    case Aggregate::kDistinctPeople:
      sql =
          "SELECT count(DISTINCT ep.person_id) FROM entries e "
          "JOIN entry_people ep ON ep.entry_id = e.id WHERE ";
      break;
    case Aggregate::kCountItems:
      sql =
          "SELECT count(*) FROM entries e, json_each(e.payload, ?5) item WHERE "
          "(?6 IS NULL OR coalesce(json_extract(item.value, '$.done'), 0) = ?6) AND ";
      break;
  }
  sql +=
      "e.deleted_at IS NULL AND e.plugin = ?1 AND e.kind = ?2 "
      "AND (?3 IS NULL OR e.local_date >= ?3) AND (?4 IS NULL OR e.local_date <= ?4)";
  auto statement = db_.prepare(sql);
  if (!statement) return statement.error();
  statement->bind(1, plugin).bind(2, metric.kind).bind(3, period.since).bind(4, period.until);
  if (metric.aggregate == Aggregate::kSum || metric.aggregate == Aggregate::kCountItems)
    statement->bind(5, "$." + metric.field);
  if (metric.aggregate == Aggregate::kCountItems && metric.item_done)
    statement->bind(6, int64_t{*metric.item_done ? 1 : 0});
  auto row = statement->step();
  if (!row) return row.error();
  const double value = *row ? statement->real(0) : 0.0;
  return metric.aggregate == Aggregate::kSum ? value / metric.divide_by : value;
}

}  // namespace hoego
