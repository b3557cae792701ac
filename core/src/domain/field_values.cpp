#include <hoego/core/field_values.h>
#include <hoego/core/local_time.h>
#include <hoego/core/utf8.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace hoego {
namespace {

using nlohmann::json;

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string describe_range(const FieldSpec& field) {
  auto number = [](double value) {
    std::string text = std::to_string(value);
    if (value == std::floor(value)) text = std::to_string(static_cast<long long>(value));
    return text;
  };
  if (field.min && field.max) return "from " + number(*field.min) + " to " + number(*field.max);
  if (field.min) return "at least " + number(*field.min);
  return "at most " + number(*field.max);
}

std::string describe_int64_range() {
  return "from " + std::to_string(std::numeric_limits<std::int64_t>::min()) + " to " +
         std::to_string(std::numeric_limits<std::int64_t>::max());
}

bool is_url(const std::string& text) {
  const bool scheme = text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
  const auto host_start = text.find("://") + 3;
  return scheme && text.size() > host_start &&
         text.find_first_of(" \t\r\n<>\"") == std::string::npos;
}

// The problem with one value, or an empty string when it is fine.
std::string value_problem(const FieldSpec& field, const json& value) {
  auto utf8 = [](const json& text) { return is_valid_utf8(text.get_ref<const std::string&>()); };
  switch (field.type) {
    case FieldType::kText:
    case FieldType::kMarkdown:
      if (!value.is_string()) return "must be text";
      if (!utf8(value)) return "is not valid UTF-8";
      if (field.type == FieldType::kText &&
          value.get_ref<const std::string&>().find('\n') != std::string::npos)
        return "must be one line";
      return {};
    case FieldType::kInteger:
    case FieldType::kNumber: {
      // JSON gives 1e300 and 60.0 as floats: an integer field takes only digits, so what is
      // stored is exactly what was sent and fits the int64 every reader uses.
      if (field.type == FieldType::kInteger && !value.is_number_integer())
        return "must be a whole number, written without a fraction or exponent";
      if (!value.is_number()) return "must be a number";
      if (value.is_number_unsigned() &&
          value.get<std::uint64_t>() >
              static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return "must be a whole number " + describe_int64_range();
      const double number = value.get<double>();
      if ((field.min && number < *field.min) || (field.max && number > *field.max))
        return "must be " + describe_range(field);
      return {};
    }
    case FieldType::kBoolean:
      return value.is_boolean() ? "" : "must be true or false";
    case FieldType::kDate:
      return value.is_string() && is_valid_date(value.get_ref<const std::string&>())
                 ? ""
                 : "must be a date written YYYY-MM-DD";
    case FieldType::kUrl:
      if (!value.is_string() || !utf8(value) || !is_url(value.get<std::string>()))
        return "must be an http:// or https:// address";
      return {};
    case FieldType::kChoice: {
      std::string names;
      for (const auto& option : field.options) names += (names.empty() ? "" : ", ") + option.id;
      const bool known =
          value.is_string() &&
          std::any_of(field.options.begin(), field.options.end(),
                      [&](const ChoiceOption& option) { return option.id == value; });
      return known ? "" : "must be one of: " + names;
    }
    case FieldType::kList:
      if (!value.is_array()) return "must be a list of texts";
      for (const auto& item : value)
        if (!item.is_string() || !utf8(item)) return "must be a list of texts";
      return {};
    case FieldType::kChecklist:
      if (!value.is_array()) return "must be a list of {\"text\", \"done\"} items";
      for (const auto& item : value) {
        if (!item.is_object() || !item.contains("text") || !item["text"].is_string() ||
            !utf8(item["text"]) || !item.value("done", json(false)).is_boolean())
          return "must be a list of {\"text\", \"done\"} items";
        for (const auto& [key, unused] : item.items())
          if (key != "text" && key != "done") return "items take only \"text\" and \"done\"";
      }
      return {};
  }
  return "has an unknown type";
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::string current;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == ',') {
      current += ',';
      ++i;
    } else if (text[i] == ',') {
      items.push_back(trimmed(current));
      current.clear();
    } else {
      current += text[i];
    }
  }
  items.push_back(trimmed(current));
  items.erase(std::remove(items.begin(), items.end(), std::string{}), items.end());
  return items;
}

}  // namespace

std::vector<FieldError> check_fields(const KindSpec& kind, json& fields) {
  std::vector<FieldError> problems;
  if (!fields.is_object()) return {{"fields", "must be a JSON object"}};
  for (auto it = fields.begin(); it != fields.end();) {
    if (it->is_null()) {
      it = fields.erase(it);
      continue;
    }
    if (kind.field(it.key()) == nullptr) {
      std::string known;
      for (const auto& spec : kind.fields) known += (known.empty() ? "" : ", ") + spec.id;
      problems.push_back({it.key(), "unknown field '" + it.key() + "' for kind '" + kind.id +
                                        "' (its fields: " + (known.empty() ? "none" : known) +
                                        ")"});
    }
    ++it;
  }
  for (const auto& spec : kind.fields) {
    auto found = fields.find(spec.id);
    if (found == fields.end()) {
      if (spec.required) problems.push_back({spec.id, "field '" + spec.id + "' is required"});
      continue;
    }
    if (found->is_array() && spec.type == FieldType::kChecklist) {
      for (auto& item : *found)
        if (item.is_object() && !item.contains("done")) item["done"] = false;
    }
    if (std::string problem = value_problem(spec, *found); !problem.empty())
      problems.push_back({spec.id, "field '" + spec.id + "' " + problem});
  }
  return problems;
}

Result<json> parse_field_text(const FieldSpec& field, std::string_view text) {
  auto invalid = [&](const std::string& what) {
    return Error{ErrorCode::kInvalidInput,
                 "field '" + field.id + "': '" + std::string(text) + "' " + what,
                 {{field.id, what}}};
  };
  if (!is_valid_utf8(text))
    return Error{ErrorCode::kInvalidInput,
                 "field '" + field.id + "' is not valid UTF-8",
                 {{field.id, "is not valid UTF-8"}}};
  const std::string value = trimmed(text);
  switch (field.type) {
    case FieldType::kInteger: {
      std::int64_t number = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (error == std::errc::result_out_of_range && end == value.data() + value.size())
        return invalid("is not a whole number " + describe_int64_range());
      if (value.empty() || error != std::errc{} || end != value.data() + value.size())
        return invalid("is not a whole number");
      return json(number);
    }
    case FieldType::kNumber: {
      double number = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (value.empty() || error != std::errc{} || end != value.data() + value.size() ||
          !std::isfinite(number))
        return invalid("is not a number");
      return json(number);
    }
    case FieldType::kBoolean: {
      std::string lower = value;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (lower == "true" || lower == "yes" || lower == "1") return json(true);
      if (lower == "false" || lower == "no" || lower == "0") return json(false);
      return invalid("is not true/false/yes/no/1/0");
    }
    case FieldType::kList: {
      json items = json::array();
      for (auto& item : split_list(text)) items.push_back(std::move(item));
      return items;
    }
    case FieldType::kChecklist: {
      // One item per value: follow-ups are sentences, and sentences have commas.
      const bool done = value.rfind("[x] ", 0) == 0 || value.rfind("[X] ", 0) == 0;
      const bool open = value.rfind("[ ] ", 0) == 0;
      const std::string item = done || open ? trimmed(value.substr(4)) : value;
      if (item.empty()) return json::array();
      return json::array({{{"text", item}, {"done", done}}});
    }
    case FieldType::kMarkdown:
      return json(std::string(text));
    default:
      return json(value);
  }
}

}  // namespace hoego
