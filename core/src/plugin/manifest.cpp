#include <hoego/core/manifest.h>

#include <algorithm>
#include <array>
#include <regex>
#include <set>
#include <utility>

namespace hoego {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<std::string_view, FieldType>, 10> kFieldTypes{{
    {"text", FieldType::kText},
    {"markdown", FieldType::kMarkdown},
    {"integer", FieldType::kInteger},
    {"number", FieldType::kNumber},
    {"boolean", FieldType::kBoolean},
    {"date", FieldType::kDate},
    {"url", FieldType::kUrl},
    {"choice", FieldType::kChoice},
    {"list", FieldType::kList},
    {"checklist", FieldType::kChecklist},
}};

constexpr std::array<std::pair<std::string_view, WidgetType>, 4> kWidgetTypes{{
    {"stats", WidgetType::kStats},
    {"goals", WidgetType::kGoals},
    {"recent", WidgetType::kRecent},
    {"milestones", WidgetType::kMilestones},
}};

constexpr std::array<std::pair<std::string_view, Aggregate>, 8> kAggregates{{
    {"count", Aggregate::kCount},
    {"sum", Aggregate::kSum},
    {"distinct_people", Aggregate::kDistinctPeople},
    {"count_items", Aggregate::kCountItems},
    {"per_month", Aggregate::kPerMonth},
    {"longest_gap_days", Aggregate::kLongestGapDays},
    {"average_span_days", Aggregate::kAverageSpanDays},
    {"most_frequent", Aggregate::kMostFrequent},
}};

bool is_identifier(const std::string& text) {
  static const std::regex pattern("[a-z][a-z0-9_]{0,31}");
  return std::regex_match(text, pattern);
}

// Walks the manifest JSON, collecting every problem with the path where it was found.
class Checker {
 public:
  std::vector<FieldError> problems;

  void problem(const std::string& path, std::string message) {
    problems.push_back({path, std::move(message)});
  }

  const json* member(const json& object, const std::string& path, const char* key, bool required) {
    auto found = object.find(key);
    if (found == object.end()) {
      if (required) problem(path + "." + key, "is missing");
      return nullptr;
    }
    return &*found;
  }

  std::string string(const json& object, const std::string& path, const char* key, bool required) {
    const json* value = member(object, path, key, required);
    if (value == nullptr) return {};
    if (!value->is_string() || value->get_ref<const std::string&>().empty()) {
      problem(path + "." + key, "must be a non-empty string");
      return {};
    }
    return value->get<std::string>();
  }

  std::string identifier(const json& object, const std::string& path, const char* key) {
    std::string id = string(object, path, key, true);
    if (!id.empty() && !is_identifier(id))
      problem(path + "." + key, "'" + id + "' must match [a-z][a-z0-9_]{0,31}");
    return id;
  }

  LocalizedText localized(const json& object, const std::string& path, const char* key,
                          bool required) {
    const json* value = member(object, path, key, required);
    if (value == nullptr) return {};
    if (!value->is_object()) {
      problem(path + "." + key, "must be an object with \"ko\" and \"en\" texts");
      return {};
    }
    return {string(*value, path + "." + key, "ko", true),
            string(*value, path + "." + key, "en", true)};
  }

  const json* array(const json& object, const std::string& path, const char* key, bool required) {
    const json* value = member(object, path, key, required);
    if (value != nullptr && !value->is_array()) {
      problem(path + "." + key, "must be an array");
      return nullptr;
    }
    return value;
  }

  std::optional<double> number(const json& object, const std::string& path, const char* key) {
    const json* value = member(object, path, key, false);
    if (value == nullptr) return std::nullopt;
    if (!value->is_number()) {
      problem(path + "." + key, "must be a number");
      return std::nullopt;
    }
    return value->get<double>();
  }

  bool boolean(const json& object, const std::string& path, const char* key) {
    const json* value = member(object, path, key, false);
    if (value == nullptr) return false;
    if (!value->is_boolean()) {
      problem(path + "." + key, "must be true or false");
      return false;
    }
    return value->get<bool>();
  }

  WidgetSpec widget(const json& object, const std::string& path, const Manifest& manifest) {
    WidgetSpec spec;
    const std::string type = string(object, path, "type", true);
    auto known = std::find_if(kWidgetTypes.begin(), kWidgetTypes.end(),
                              [&](const auto& entry) { return entry.first == type; });
    if (known == kWidgetTypes.end()) {
      if (!type.empty())
        problem(path + ".type", "'" + type +
                                    "' is not a widget type (stats, goals, recent, "
                                    "milestones)");
    } else {
      spec.type = known->second;
    }
    if (const json* metrics = array(object, path, "metrics", false); metrics != nullptr) {
      for (const auto& metric : *metrics) {
        const bool declared =
            metric.is_string() && std::any_of(manifest.metrics.begin(), manifest.metrics.end(),
                                              [&](const MetricSpec& spec) {
                                                return spec.id == metric.get<std::string>();
                                              });
        if (!declared)
          problem(path + ".metrics", metric.dump() + " is not a metric this manifest declares");
        else
          spec.metrics.push_back(metric.get<std::string>());
      }
    }
    spec.kind = string(object, path, "kind", false);
    if (!spec.kind.empty() && manifest.kind(spec.kind) == nullptr)
      problem(path + ".kind", "'" + spec.kind + "' is not a kind of this manifest");
    if (std::optional<double> limit = number(object, path, "limit")) {
      if (*limit < 1 || *limit > 50 || *limit != static_cast<int>(*limit))
        problem(path + ".limit", "must be a whole number from 1 to 50");
      else
        spec.limit = static_cast<int>(*limit);
    }
    return spec;
  }

  FieldSpec field(const json& object, const std::string& path) {
    FieldSpec spec;
    spec.id = identifier(object, path, "id");
    spec.label = localized(object, path, "label", true);
    spec.required = boolean(object, path, "required");
    spec.min = number(object, path, "min");
    spec.max = number(object, path, "max");
    if (spec.min && spec.max && *spec.min > *spec.max) problem(path + ".min", "is above max");
    spec.unit = string(object, path, "unit", false);
    const std::string type = string(object, path, "type", true);
    auto known = std::find_if(kFieldTypes.begin(), kFieldTypes.end(),
                              [&](const auto& entry) { return entry.first == type; });
    if (known == kFieldTypes.end()) {
      if (!type.empty())
        problem(path + ".type", "'" + type +
                                    "' is not a field type (text, markdown, integer, "
                                    "number, boolean, date, url, choice, list, checklist)");
      return spec;
    }
    spec.type = known->second;
    if (spec.type == FieldType::kChoice) {
      const json* options = array(object, path, "options", true);
      if (options != nullptr && options->empty()) problem(path + ".options", "must not be empty");
      std::set<std::string> seen;
      for (size_t i = 0; options != nullptr && i < options->size(); ++i) {
        const std::string option_path = path + ".options[" + std::to_string(i) + "]";
        if (!(*options)[i].is_object()) {
          problem(option_path, "must be an object");
          continue;
        }
        ChoiceOption option{identifier((*options)[i], option_path, "id"),
                            localized((*options)[i], option_path, "label", true)};
        if (!seen.insert(option.id).second) problem(option_path + ".id", "is a duplicate");
        spec.options.push_back(std::move(option));
      }
    }
    return spec;
  }

  KindSpec kind(const json& object, const std::string& path) {
    KindSpec spec;
    spec.id = identifier(object, path, "id");
    spec.label = localized(object, path, "label", true);
    if (const json* version = member(object, path, "version", true); version != nullptr) {
      if (!version->is_number_integer() || version->get<int>() < 1)
        problem(path + ".version", "must be a whole number from 1");
      else
        spec.version = version->get<int>();
    }
    if (const json* people = member(object, path, "people", false); people != nullptr) {
      if (!people->is_object()) {
        problem(path + ".people", "must be an object");
      } else {
        spec.people = PeopleSpec{localized(*people, path + ".people", "label", true),
                                 boolean(*people, path + ".people", "required"),
                                 boolean(*people, path + ".people", "authors")};
      }
    }
    const json* fields = array(object, path, "fields", false);
    std::set<std::string> seen;
    for (size_t i = 0; fields != nullptr && i < fields->size(); ++i) {
      const std::string field_path = path + ".fields[" + std::to_string(i) + "]";
      if (!(*fields)[i].is_object()) {
        problem(field_path, "must be an object");
        continue;
      }
      FieldSpec field_spec = field((*fields)[i], field_path);
      if (!field_spec.id.empty() && !seen.insert(field_spec.id).second)
        problem(field_path + ".id", "'" + field_spec.id + "' is a duplicate");
      spec.fields.push_back(std::move(field_spec));
    }
    if (const json* calendar = member(object, path, "calendar", false); calendar != nullptr)
      spec.calendar = calendar_of(*calendar, path + ".calendar", spec);
    return spec;
  }

  // {"duration_field": "duration_min"}, {"default_minutes": 120} or {"date_field": "deadline"}.
  CalendarSpec calendar_of(const json& object, const std::string& path, const KindSpec& kind) {
    CalendarSpec spec;
    if (!object.is_object()) {
      problem(path, "must be an object");
      return spec;
    }
    auto field_of_type = [&](const char* key, FieldType type, const char* what) {
      std::string id = string(object, path, key, false);
      const FieldSpec* field = id.empty() ? nullptr : kind.field(id);
      if (!id.empty() && (field == nullptr || field->type != type))
        problem(path + "." + key, "'" + id + "' is not " + what + " field of this kind");
      return id;
    };
    spec.duration_field = field_of_type("duration_field", FieldType::kInteger, "an integer");
    spec.date_field = field_of_type("date_field", FieldType::kDate, "a date");
    if (std::optional<double> minutes = number(object, path, "default_minutes")) {
      if (*minutes < 1 || *minutes > 1440 || *minutes != static_cast<int>(*minutes))
        problem(path + ".default_minutes", "must be a whole number from 1 to 1440");
      else
        spec.default_minutes = static_cast<int>(*minutes);
    }
    return spec;
  }

  // {"field": value, "other": {"present": true}}: each key a field of the kind.
  std::vector<FieldCondition> conditions(const json& object, const std::string& path,
                                         const KindSpec* kind_spec) {
    std::vector<FieldCondition> result;
    if (!object.is_object() || object.empty()) {
      problem(path, "must be an object of field conditions");
      return result;
    }
    for (const auto& [field, value] : object.items()) {
      if (kind_spec != nullptr && kind_spec->field(field) == nullptr)
        problem(path + "." + field,
                "'" + field + "' is not a field of kind '" + kind_spec->id + "'");
      FieldCondition condition{field, std::nullopt, true};
      if (value.is_object() && value.size() == 1 && value.contains("present") &&
          value["present"].is_boolean())
        condition.present = value["present"].get<bool>();
      else if (value.is_string() || value.is_number() || value.is_boolean())
        condition.equals = value;
      else
        problem(path + "." + field,
                "must be a string, number, boolean or {\"present\": true|false}");
      result.push_back(std::move(condition));
    }
    return result;
  }

  // A metric per option (by, most_frequent) needs a choice field of the metric's kind.
  void choice_field(const std::string& field, const std::string& path, const KindSpec* kind_spec) {
    if (kind_spec == nullptr || field.empty()) return;
    const FieldSpec* field_spec = kind_spec->field(field);
    if (field_spec == nullptr || field_spec->type != FieldType::kChoice)
      problem(path, "'" + field + "' is not a choice field of kind '" + kind_spec->id + "'");
  }

  MetricSpec metric(const json& object, const std::string& path, const Manifest& manifest) {
    MetricSpec spec;
    spec.id = identifier(object, path, "id");
    spec.label = localized(object, path, "label", true);
    spec.kind = string(object, path, "kind", true);
    spec.unit = string(object, path, "unit", false);
    const KindSpec* kind_spec = manifest.kind(spec.kind);
    if (!spec.kind.empty() && kind_spec == nullptr)
      problem(path + ".kind", "'" + spec.kind + "' is not a kind of this plugin");
    const std::string aggregate = string(object, path, "aggregate", true);
    auto known = std::find_if(kAggregates.begin(), kAggregates.end(),
                              [&](const auto& entry) { return entry.first == aggregate; });
    if (known == kAggregates.end()) {
      if (!aggregate.empty())
        problem(path + ".aggregate", "'" + aggregate +
                                         "' is not an aggregate (count, sum, "
                                         "distinct_people, count_items, per_month, "
                                         "longest_gap_days, average_span_days, "
                                         "most_frequent)");
      return spec;
    }
    spec.aggregate = known->second;
    if (auto divide_by = number(object, path, "divide_by")) {
      if (*divide_by <= 0)
        problem(path + ".divide_by", "must be positive");
      else
        spec.divide_by = *divide_by;
    }
    if (spec.aggregate == Aggregate::kSum || spec.aggregate == Aggregate::kCountItems) {
      spec.field = string(object, path, "field", true);
      const FieldSpec* field_spec = kind_spec != nullptr ? kind_spec->field(spec.field) : nullptr;
      if (kind_spec != nullptr && !spec.field.empty()) {
        const bool fits =
            field_spec != nullptr &&
            (spec.aggregate == Aggregate::kSum ? (field_spec->type == FieldType::kInteger ||
                                                  field_spec->type == FieldType::kNumber)
                                               : (field_spec->type == FieldType::kList ||
                                                  field_spec->type == FieldType::kChecklist));
        if (!fits)
          problem(path + ".field",
                  "'" + spec.field + "' is not a " +
                      (spec.aggregate == Aggregate::kSum ? "numeric" : "list or checklist") +
                      " field of kind '" + spec.kind + "'");
      }
    }
    if (spec.aggregate == Aggregate::kMostFrequent) {
      spec.field = string(object, path, "field", true);
      choice_field(spec.field, path + ".field", kind_spec);
    }
    if (object.contains("by")) {
      spec.by = string(object, path, "by", true);
      if (spec.aggregate != Aggregate::kCount && spec.aggregate != Aggregate::kSum)
        problem(path + ".by", "only a count or sum metric can be given per option");
      else
        choice_field(spec.by, path + ".by", kind_spec);
    }
    if (object.contains("first_time")) {
      spec.first_time = boolean(object, path, "first_time");
      if (spec.aggregate != Aggregate::kDistinctPeople)
        problem(path + ".first_time", "only a distinct_people metric counts people met first");
    }
    if (object.contains("people")) {
      const std::string people = string(object, path, "people", false);
      if (people == "some" || people == "none")
        spec.names_people = people == "some";
      else if (!people.empty())
        problem(path + ".people", "'" + people + "' must be \"some\" or \"none\"");
      if (kind_spec != nullptr && !kind_spec->people)
        problem(path + ".people", "kind '" + spec.kind + "' takes no people");
    }
    const json* where = member(object, path, "where", false);
    if (spec.aggregate == Aggregate::kCountItems) {
      if (where != nullptr) {
        if (!where->is_object() || where->size() != 1 || !where->contains("done") ||
            !(*where)["done"].is_boolean())
          problem(path + ".where",
                  "on a count_items metric only {\"done\": true|false} is supported");
        else
          spec.item_done = (*where)["done"].get<bool>();
      }
    } else if (where != nullptr) {
      spec.where = conditions(*where, path + ".where", kind_spec);
    }
    if (spec.aggregate == Aggregate::kAverageSpanDays) {
      if (string(object, path, "group_by", true) != "track" && object.contains("group_by"))
        problem(path + ".group_by", "must be \"track\"");
      for (const char* end : {"from", "to"}) {
        const json* bound = member(object, path, end, true);
        if (bound != nullptr)
          (std::string(end) == "from" ? spec.from : spec.to) =
              conditions(*bound, path + "." + end, kind_spec);
      }
    }
    return spec;
  }
};

}  // namespace

const std::string& LocalizedText::in(std::string_view language) const {
  if (language == "en") return en.empty() ? ko : en;
  return ko.empty() ? en : ko;
}

std::string_view field_type_name(FieldType type) {
  for (const auto& [name, value] : kFieldTypes)
    if (value == type) return name;
  return "text";
}

std::string_view widget_type_name(WidgetType type) {
  for (const auto& [name, value] : kWidgetTypes)
    if (value == type) return name;
  return "stats";
}

const FieldSpec* KindSpec::field(std::string_view field_id) const {
  for (const auto& spec : fields)
    if (spec.id == field_id) return &spec;
  return nullptr;
}

const KindSpec* Manifest::kind(std::string_view kind_id) const {
  for (const auto& spec : kinds)
    if (spec.id == kind_id) return &spec;
  return nullptr;
}

const MilestoneSpec* Manifest::milestone(std::string_view milestone_id) const {
  for (const auto& spec : milestones)
    if (spec.id == milestone_id) return &spec;
  return nullptr;
}

Result<Manifest> parse_manifest(std::string_view text) {
  json source = json::parse(text, nullptr, false);
  if (source.is_discarded()) return Error::invalid("manifest is not valid JSON");
  if (!source.is_object()) return Error::invalid("manifest must be a JSON object");

  Checker check;
  Manifest manifest;
  manifest.id = check.identifier(source, "manifest", "id");
  manifest.name = check.localized(source, "manifest", "name", true);
  manifest.description = check.localized(source, "manifest", "description", false);
  manifest.version = check.string(source, "manifest", "version", true);
  static const std::regex semver("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");
  if (!manifest.version.empty() && !std::regex_match(manifest.version, semver))
    check.problem("manifest.version", "'" + manifest.version + "' must be MAJOR.MINOR.PATCH");

  const json* kinds = check.array(source, "manifest", "kinds", true);
  if (kinds != nullptr && kinds->empty()) check.problem("manifest.kinds", "must declare a kind");
  std::set<std::string> seen;
  for (size_t i = 0; kinds != nullptr && i < kinds->size(); ++i) {
    const std::string path = "manifest.kinds[" + std::to_string(i) + "]";
    if (!(*kinds)[i].is_object()) {
      check.problem(path, "must be an object");
      continue;
    }
    KindSpec kind = check.kind((*kinds)[i], path);
    if (!kind.id.empty() && !seen.insert(kind.id).second)
      check.problem(path + ".id", "'" + kind.id + "' is a duplicate");
    manifest.kinds.push_back(std::move(kind));
  }

  const json* metrics = check.array(source, "manifest", "metrics", false);
  seen.clear();
  for (size_t i = 0; metrics != nullptr && i < metrics->size(); ++i) {
    const std::string path = "manifest.metrics[" + std::to_string(i) + "]";
    if (!(*metrics)[i].is_object()) {
      check.problem(path, "must be an object");
      continue;
    }
    MetricSpec metric = check.metric((*metrics)[i], path, manifest);
    if (!metric.id.empty() && !seen.insert(metric.id).second)
      check.problem(path + ".id", "'" + metric.id + "' is a duplicate");
    manifest.metrics.push_back(std::move(metric));
  }

  const json* milestones = check.array(source, "manifest", "milestones", false);
  seen.clear();
  for (size_t i = 0; milestones != nullptr && i < milestones->size(); ++i) {
    const std::string path = "manifest.milestones[" + std::to_string(i) + "]";
    if (!(*milestones)[i].is_object()) {
      check.problem(path, "must be an object");
      continue;
    }
    MilestoneSpec milestone{check.identifier((*milestones)[i], path, "id"),
                            check.localized((*milestones)[i], path, "label", true)};
    if (!milestone.id.empty() && !seen.insert(milestone.id).second)
      check.problem(path + ".id", "'" + milestone.id + "' is a duplicate");
    manifest.milestones.push_back(std::move(milestone));
  }

  const json* widgets = check.array(source, "manifest", "widgets", false);
  for (size_t i = 0; widgets != nullptr && i < widgets->size(); ++i) {
    const std::string path = "manifest.widgets[" + std::to_string(i) + "]";
    if (!(*widgets)[i].is_object()) {
      check.problem(path, "must be an object");
      continue;
    }
    manifest.widgets.push_back(check.widget((*widgets)[i], path, manifest));
  }
  if (widgets == nullptr)
    for (WidgetType type :
         {WidgetType::kStats, WidgetType::kGoals, WidgetType::kRecent, WidgetType::kMilestones})
      manifest.widgets.push_back(WidgetSpec{type, {}, {}, 5});

  if (!check.problems.empty()) {
    Error error = Error::invalid("invalid manifest: " + check.problems.front().field + " " +
                                 check.problems.front().message);
    error.fields = std::move(check.problems);
    return error;
  }
  manifest.source = std::move(source);
  return manifest;
}

}  // namespace hoego
