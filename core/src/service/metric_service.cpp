#include <hoego/core/local_time.h>
#include <hoego/core/metric_service.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <variant>

#include "../domain/number_json.h"
#include "../store/derived_store.h"
#include "kept_per_day.h"

namespace hoego {

using nlohmann::json;

namespace {

json to_json(const OptionValue& option) {
  return json{{"id", option.id},
              {"label", {{"ko", option.label.ko}, {"en", option.label.en}}},
              {"value", number_json(option.value)}};
}

}  // namespace

json to_json(const MetricValue& metric) {
  json value{{"plugin", metric.plugin},
             {"id", metric.id},
             {"label", {{"ko", metric.label.ko}, {"en", metric.label.en}}},
             {"value", number_json(metric.value)},
             {"unit", metric.unit}};
  if (!metric.by.empty()) {
    value["by"] = metric.by;
    value["options"] = json::array();
    for (const auto& option : metric.options) value["options"].push_back(to_json(option));
  }
  if (!metric.most_frequent_of.empty()) {
    value["field"] = metric.most_frequent_of;
    value["option"] = metric.option ? to_json(*metric.option) : json();
  }
  return value;
}

std::string metric_text(const MetricValue& metric, std::string_view language,
                        const std::function<std::string(double, const std::string&)>& figure) {
  if (!metric.most_frequent_of.empty())
    return metric.option
               ? metric.option->label.in(language) + " (" + figure(metric.option->value, "") + ")"
               : figure(0, "");
  std::string text = figure(metric.value, metric.unit);
  std::string per_option;
  for (const auto& option : metric.options)
    per_option += (per_option.empty() ? "" : ", ") + option.label.in(language) + " " +
                  figure(option.value, metric.unit);
  return per_option.empty() ? text : text + " (" + per_option + ")";
}

MetricPeriod MetricPeriod::whole_year(int year) {
  const std::string prefix = std::to_string(year);
  return {prefix + "-01-01", prefix + "-12-31"};
}

namespace {

// Whether the aggregate is a sum of what each local day gives, so that a changed day is counted
// again alone.
bool adds_up_by_day(Aggregate aggregate);
double from_days(const MetricSpec& metric, const MetricPeriod& period,
                 const std::map<std::string, double>& days);
Result<std::map<std::string, double>> days_of(Database& db, const std::string& plugin,
                                              const MetricSpec& metric, const MetricPeriod& period,
                                              const std::string& key, int64_t change,
                                              std::vector<DerivedValue>& to_keep);
Result<std::vector<OptionValue>> options_of(Database& db, const LoadedPlugin& plugin,
                                            const MetricSpec& metric, const MetricPeriod& period,
                                            const std::string& key, int64_t change,
                                            std::vector<DerivedValue>& to_keep);

}  // namespace

Result<std::vector<MetricValue>> MetricService::compute(const std::optional<std::string>& plugin,
                                                        const MetricPeriod& asked) {
  // An empty bound is no bound, as in what is kept (DerivedStore).
  MetricPeriod period = asked;
  if (period.since && period.since->empty()) period.since.reset();
  if (period.until && period.until->empty()) period.until.reset();
  std::vector<const LoadedPlugin*> selected;
  if (plugin) {
    auto found = plugins_.require(*plugin);
    if (!found) return Error::invalid(found.error().message, found.error().message_ko);
    selected.push_back(*found);
  } else {
    for (const auto& loaded : plugins_.plugins()) selected.push_back(loaded.get());
  }
  // A plugin's metrics over the period are kept with the latest change among its entries' days:
  // past years' figures are not counted again on every load, and after a write, those that add
  // up day by day count again only the days that changed.
  std::vector<MetricValue> values;
  std::vector<DerivedValue> to_keep;
  DerivedStore derived(db_);
  for (const LoadedPlugin* loaded : selected) {
    const std::string& id = loaded->id();
    auto change = derived.latest_change(id, period.since.value_or(""), period.until.value_or(""));
    if (!change) return change.error();
    // Who was met first depends on every plugin's entries up to the period's end.
    std::optional<int64_t> change_of_everyone_before;
    for (const auto& metric : loaded->manifest().metrics) {
      const std::string key = "metric " + id + "/" + metric.id + " " + loaded->build() + " from " +
                              period.since.value_or("") + " to " + period.until.value_or("");
      MetricValue counted;
      counted.plugin = id;
      counted.id = metric.id;
      counted.label = metric.label;
      counted.unit = metric.unit;
      double& value = counted.value;
      if (!metric.by.empty() || metric.aggregate == Aggregate::kMostFrequent) {
        auto options =
            options_of(db_, *loaded, metric, period, key + " by option", *change, to_keep);
        if (!options) return options.error();
        if (metric.aggregate == Aggregate::kMostFrequent) {
          counted.most_frequent_of = metric.field;
          if (!options->empty()) counted.option = options->front();
          value = counted.option ? counted.option->value : 0;
          values.push_back(std::move(counted));
          continue;
        }
        counted.by = metric.by;
        counted.options = std::move(*options);
      }
      if (adds_up_by_day(metric.aggregate)) {
        auto days = days_of(db_, id, metric, period, key, *change, to_keep);
        if (!days) return days.error();
        value = from_days(metric, period, *days);
      } else {
        int64_t kept_change = *change;
        if (metric.first_time) {
          if (!change_of_everyone_before) {
            auto everyone = derived.latest_change(std::nullopt, "", period.until.value_or(""));
            if (!everyone) return everyone.error();
            change_of_everyone_before = *everyone;
          }
          kept_change = *change_of_everyone_before;
        }
        auto kept = derived.find(key, kept_change);
        if (!kept) return kept.error();
        const json kept_value = *kept ? json::parse(**kept, nullptr, false) : json();
        if (kept_value.is_number()) {
          value = kept_value.get<double>();
        } else {
          auto computed = evaluate(id, metric, period);
          if (!computed) return computed.error();
          value = *computed;
          to_keep.push_back({key, kept_change, json(value).dump()});
        }
      }
      values.push_back(std::move(counted));
    }
  }
  // Only whole years and all time are kept: the periods the dashboard, the report and a plain
  // `hoego stats` ask for. Any other period is computed each time rather than kept forever.
  const bool whole_year = period.since && period.until && period.since->size() == 10 &&
                          period.since->substr(4) == "-01-01" &&
                          *period.until == period.since->substr(0, 4) + "-12-31";
  if (whole_year || (!period.since && !period.until)) derived.keep_if_possible(to_keep);
  return values;
}

namespace {

using Value = std::variant<std::nullopt_t, int64_t, double, std::string>;

// SQL text built from fixed fragments, with every value kept apart for binding.
struct Query {
  std::string sql;
  std::vector<Value> values;

  Query& text(std::string_view fragment) {
    sql += fragment;
    return *this;
  }
  Query& value(Value bound) {
    sql += "?";
    values.push_back(std::move(bound));
    return *this;
  }
};

Value scalar(const json& value) {
  if (value.is_boolean()) return int64_t{value.get<bool>() ? 1 : 0};  // how json_extract reads it
  if (value.is_number_integer()) return value.get<int64_t>();
  if (value.is_number()) return value.get<double>();
  return value.get<std::string>();
}

// "(cond AND cond …)" over e.payload; "1" when there are none.
void append_conditions(Query& query, const std::vector<FieldCondition>& conditions) {
  query.text("(1");
  for (const auto& condition : conditions) {
    query.text(" AND json_extract(e.payload, ").value("$." + condition.field);
    if (condition.equals)
      query.text(") = ").value(scalar(*condition.equals));
    else
      query.text(condition.present ? ") IS NOT NULL" : ") IS NULL");
  }
  query.text(")");
}

void append_scope(Query& query, const std::string& plugin, const MetricSpec& metric,
                  const MetricPeriod& period) {
  query.text("e.deleted_at IS NULL AND e.plugin = ").value(plugin);
  query.text(" AND e.kind = ").value(metric.kind);
  if (period.since) query.text(" AND e.local_date >= ").value(*period.since);
  if (period.until) query.text(" AND e.local_date <= ").value(*period.until);
  if (metric.names_people)
    query.text(*metric.names_people ? " AND EXISTS" : " AND NOT EXISTS")
        .text(" (SELECT 1 FROM entry_people named WHERE named.entry_id = e.id)");
  query.text(" AND ");
  append_conditions(query, metric.where);
}

// The query's statement with its values bound.
Result<Statement> prepared(Database& db, const Query& query) {
  auto statement = db.prepare(query.sql);
  if (!statement) return statement.error();
  for (size_t i = 0; i < query.values.size(); ++i)
    std::visit([&](const auto& value) { statement->bind(static_cast<int>(i + 1), value); },
               query.values[i]);
  return statement;
}

int month_index(std::string_view date) {
  return std::stoi(std::string(date.substr(0, 4))) * 12 + std::stoi(std::string(date.substr(5, 2)));
}

bool adds_up_by_day(Aggregate aggregate) {
  return aggregate == Aggregate::kCount || aggregate == Aggregate::kPerMonth ||
         aggregate == Aggregate::kSum || aggregate == Aggregate::kCountItems ||
         aggregate == Aggregate::kLongestGapDays;
}

// What each local day in the period gives the metric: its entries (or their items) counted, or
// its field summed. Days without a matching entry are left out.
Result<std::map<std::string, double>> count_days(Database& db, const std::string& plugin,
                                                 const MetricSpec& metric,
                                                 const MetricPeriod& period) {
  Query query;
  switch (metric.aggregate) {
    case Aggregate::kSum:
      query.text("SELECT e.local_date, total(json_extract(e.payload, ")
          .value("$." + metric.field)
          .text(")) FROM entries e WHERE ");
      break;
    case Aggregate::kCountItems:
      query.text("SELECT e.local_date, count(*) FROM entries e, json_each(e.payload, ")
          .value("$." + metric.field)
          .text(") item WHERE ");
      if (metric.item_done)
        query.text("coalesce(json_extract(item.value, '$.done'), 0) = ")
            .value(int64_t{*metric.item_done ? 1 : 0})
            .text(" AND ");
      break;
    default:
      query.text("SELECT e.local_date, count(*) FROM entries e WHERE ");
      break;
  }
  append_scope(query, plugin, metric, period);
  query.text(" GROUP BY e.local_date");
  auto statement = prepared(db, query);
  if (!statement) return statement.error();
  std::map<std::string, double> days;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    days[statement->text(0)] = statement->real(1);
  }
  return days;
}

double from_days(const MetricSpec& metric, const MetricPeriod& period,
                 const std::map<std::string, double>& days) {
  double total = 0;
  for (const auto& [day, amount] : days) total += amount;
  switch (metric.aggregate) {
    case Aggregate::kSum:
      return total / metric.divide_by;
    case Aggregate::kPerMonth: {
      if (total == 0) return 0.0;
      // The period's months, or, when it is open, the months from the first entry to the last.
      const std::string first = period.since.value_or(days.begin()->first);
      const std::string last = period.until.value_or(days.rbegin()->first);
      return total / std::max(1, month_index(last) - month_index(first) + 1);
    }
    case Aggregate::kLongestGapDays: {
      double longest = 0;
      std::optional<std::string> previous;
      for (const auto& [day, amount] : days) {
        if (previous)
          longest = std::max(longest, static_cast<double>(days_between(*previous, day)));
        previous = day;
      }
      return longest;
    }
    default:
      return total;
  }
}

// The metric's days over the period: kept, brought up to date by counting again the days that
// changed since (a few), or counted whole.
Result<std::map<std::string, double>> days_of(Database& db, const std::string& plugin,
                                              const MetricSpec& metric, const MetricPeriod& period,
                                              const std::string& key, int64_t change,
                                              std::vector<DerivedValue>& to_keep) {
  auto bound = [](const std::string& day) {
    return day.empty() ? std::nullopt : std::optional<std::string>(day);
  };
  PerDaySource<double> source{key,
                              plugin,
                              period.since.value_or(""),
                              period.until.value_or(""),
                              change,
                              0,
                              [&](const std::string& from, const std::string& to) {
                                return count_days(db, plugin, metric, {bound(from), bound(to)});
                              }};
  return kept_per_day(db, source, to_keep);
}

// What each local day gives each option of the metric's choice field: its entries counted, or
// (for a sum) its field summed. Entries that chose no option are left out.
Result<PerDay<std::map<std::string, double>>> count_option_days(Database& db,
                                                                const std::string& plugin,
                                                                const MetricSpec& metric,
                                                                const MetricPeriod& period) {
  const std::string& choice = metric.by.empty() ? metric.field : metric.by;
  Query query;
  query.text("SELECT e.local_date, json_extract(e.payload, ").value("$." + choice).text("), ");
  if (metric.aggregate == Aggregate::kSum)
    query.text("total(json_extract(e.payload, ").value("$." + metric.field).text("))");
  else
    query.text("count(*)");
  query.text(" FROM entries e WHERE json_extract(e.payload, ")
      .value("$." + choice)
      .text(") IS NOT NULL AND ");
  append_scope(query, plugin, metric, period);
  query.text(" GROUP BY 1, 2");
  auto statement = prepared(db, query);
  if (!statement) return statement.error();
  PerDay<std::map<std::string, double>> days;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    days[statement->text(0)][statement->text(1)] += statement->real(2);
  }
  return days;
}

// The metric's options over the period, each with what its days add up to, largest first; ties
// (and options the manifest no longer lists, after those it does) in the field's option order.
Result<std::vector<OptionValue>> options_of(Database& db, const LoadedPlugin& plugin,
                                            const MetricSpec& metric, const MetricPeriod& period,
                                            const std::string& key, int64_t change,
                                            std::vector<DerivedValue>& to_keep) {
  auto bound = [](const std::string& day) {
    return day.empty() ? std::nullopt : std::optional<std::string>(day);
  };
  PerDaySource<std::map<std::string, double>> source{
      key,
      plugin.id(),
      period.since.value_or(""),
      period.until.value_or(""),
      change,
      0,
      [&](const std::string& from, const std::string& to) {
        return count_option_days(db, plugin.id(), metric, {bound(from), bound(to)});
      }};
  auto days = kept_per_day(db, source, to_keep);
  if (!days) return days.error();
  std::map<std::string, double> totals;
  for (const auto& [day, per_option] : *days)
    for (const auto& [option, amount] : per_option) totals[option] += amount;

  const KindSpec* kind = plugin.manifest().kind(metric.kind);
  const FieldSpec* field =
      kind != nullptr ? kind->field(metric.by.empty() ? metric.field : metric.by) : nullptr;
  const std::vector<ChoiceOption> listed =
      field != nullptr ? field->options : std::vector<ChoiceOption>{};
  auto order = [&](const std::string& id) {
    const auto found = std::find_if(listed.begin(), listed.end(),
                                    [&](const ChoiceOption& option) { return option.id == id; });
    return found - listed.begin();
  };
  std::vector<OptionValue> options;
  for (const auto& [id, total] : totals) {
    if (total == 0) continue;
    const auto position = order(id);
    const LocalizedText label = position < static_cast<std::ptrdiff_t>(listed.size())
                                    ? listed[position].label
                                    : LocalizedText{id, id};
    options.push_back(
        {id, label, metric.aggregate == Aggregate::kSum ? total / metric.divide_by : total});
  }
  std::stable_sort(options.begin(), options.end(), [&](const OptionValue& a, const OptionValue& b) {
    if (a.value != b.value) return a.value > b.value;
    return order(a.id) < order(b.id);
  });
  return options;
}

}  // namespace

Result<double> MetricService::evaluate(const std::string& plugin, const MetricSpec& metric,
                                       const MetricPeriod& period) {
  // Only what does not add up by day comes here (see compute).
  Query query;
  if (metric.aggregate == Aggregate::kDistinctPeople) {
    query.text(
        "SELECT count(DISTINCT ep.person_id) FROM entries e "
        "JOIN entry_people ep ON ep.entry_id = e.id WHERE ");
    append_scope(query, plugin, metric, period);
    if (metric.first_time)
      query.text(
          " AND NOT EXISTS (SELECT 1 FROM entry_people earlier_named "
          "JOIN entries earlier ON earlier.id = earlier_named.entry_id "
          "WHERE earlier_named.person_id = ep.person_id AND earlier.deleted_at IS NULL "
          "AND earlier.local_date < e.local_date)");
  } else {  // kAverageSpanDays
    query.text(
        "SELECT coalesce(avg(julianday(finish) - julianday(start)), 0) FROM ("
        "SELECT min(CASE WHEN ");
    append_conditions(query, metric.from);
    query.text(" THEN e.local_date END) AS start, min(CASE WHEN ");
    append_conditions(query, metric.to);
    query.text(
        " THEN e.local_date END) AS finish FROM entries e WHERE e.track_id IS NOT NULL AND ");
    append_scope(query, plugin, metric, period);
    query.text(" GROUP BY e.track_id) WHERE start IS NOT NULL AND finish IS NOT NULL");
  }
  auto statement = prepared(db_, query);
  if (!statement) return statement.error();
  auto row = statement->step();
  if (!row) return row.error();
  return *row ? statement->real(0) : 0.0;
}

}  // namespace hoego
