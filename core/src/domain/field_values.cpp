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

// A phrase in both languages hoego speaks.
struct Phrase {
  std::string en;
  std::string ko;
};

std::string number_text(double value) {
  if (value == std::floor(value)) return std::to_string(static_cast<long long>(value));
  return std::to_string(value);
}

// "must be from 1 to 1440" and its Korean, for a value outside the field's min and max.
Phrase range_problem(const FieldSpec& field) {
  if (field.min && field.max)
    return {"must be from " + number_text(*field.min) + " to " + number_text(*field.max),
            "값은 " + number_text(*field.min) + " 이상 " + number_text(*field.max) +
                " 이하여야 합니다"};
  if (field.min)
    return {"must be at least " + number_text(*field.min),
            "값은 " + number_text(*field.min) + " 이상이어야 합니다"};
  return {"must be at most " + number_text(*field.max),
          "값은 " + number_text(*field.max) + " 이하여야 합니다"};
}

// The range of the int64 every reader uses: "from … to …", and in Korean "… 이상 … 이하의", to
// come before "정수".
Phrase int64_range() {
  const std::string min = std::to_string(std::numeric_limits<std::int64_t>::min());
  const std::string max = std::to_string(std::numeric_limits<std::int64_t>::max());
  return {"from " + min + " to " + max, min + " 이상 " + max + " 이하의"};
}

// A field as people know it: its label in `language` (the other language's when that one is
// missing, its id when both are), in quotes.
std::string named(const FieldSpec& field, std::string_view language) {
  const std::string& label = field.label.in(language);
  return "‘" + (label.empty() ? field.id : label) + "’";
}

bool is_url(const std::string& text) {
  const bool scheme = text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
  const auto host_start = text.find("://") + 3;
  return scheme && text.size() > host_start &&
         text.find_first_of(" \t\r\n<>\"") == std::string::npos;
}

// The problem with one value, or an empty phrase when it is fine. Each reads after the field's
// name: "‘Duration’ must be a number", "‘진행 시간’ 값은 숫자여야 합니다".
Phrase value_problem(const FieldSpec& field, const json& value) {
  auto utf8 = [](const json& text) { return is_valid_utf8(text.get_ref<const std::string&>()); };
  switch (field.type) {
    case FieldType::kText:
    case FieldType::kMarkdown:
      if (!value.is_string()) return {"must be text", "값은 텍스트여야 합니다"};
      if (!utf8(value)) return {"is not valid UTF-8", "값이 올바른 UTF-8이 아닙니다"};
      if (field.type == FieldType::kText &&
          value.get_ref<const std::string&>().find('\n') != std::string::npos)
        return {"must be one line", "값은 한 줄이어야 합니다"};
      return {};
    case FieldType::kInteger:
    case FieldType::kNumber: {
      // JSON gives 1e300 and 60.0 as floats: an integer field takes only digits, so what is
      // stored is exactly what was sent and fits the int64 every reader uses.
      if (field.type == FieldType::kInteger && !value.is_number_integer())
        return {"must be a whole number, written without a fraction or exponent",
                "값은 소수점이나 지수 없이 쓴 정수여야 합니다"};
      if (!value.is_number()) return {"must be a number", "값은 숫자여야 합니다"};
      if (value.is_number_unsigned() &&
          value.get<std::uint64_t>() >
              static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return {"must be a whole number " + int64_range().en,
                "값은 " + int64_range().ko + " 정수여야 합니다"};
      const double number = value.get<double>();
      if ((field.min && number < *field.min) || (field.max && number > *field.max))
        return range_problem(field);
      return {};
    }
    case FieldType::kBoolean:
      if (value.is_boolean()) return {};
      return {"must be true or false", "값은 true 또는 false여야 합니다"};
    case FieldType::kDate:
      if (value.is_string() && is_valid_date(value.get_ref<const std::string&>())) return {};
      return {"must be a date written YYYY-MM-DD", "값은 YYYY-MM-DD 형식의 날짜여야 합니다"};
    case FieldType::kUrl:
      if (!value.is_string() || !utf8(value) || !is_url(value.get<std::string>()))
        return {"must be an http:// or https:// address",
                "값은 http:// 또는 https:// 주소여야 합니다"};
      return {};
    case FieldType::kChoice: {
      std::string names;
      for (const auto& option : field.options) names += (names.empty() ? "" : ", ") + option.id;
      const bool known =
          value.is_string() &&
          std::any_of(field.options.begin(), field.options.end(),
                      [&](const ChoiceOption& option) { return option.id == value; });
      if (known) return {};
      return {"must be one of: " + names, "값은 다음 중 하나여야 합니다: " + names};
    }
    case FieldType::kList: {
      const bool texts =
          value.is_array() && std::all_of(value.begin(), value.end(), [&](const json& item) {
            return item.is_string() && utf8(item);
          });
      if (texts) return {};
      return {"must be a list of texts", "값은 텍스트 목록이어야 합니다"};
    }
    case FieldType::kChecklist: {
      auto not_items = [] {
        return Phrase{"must be a list of {\"text\", \"done\"} items",
                      "값은 {\"text\", \"done\"} 항목의 목록이어야 합니다"};
      };
      if (!value.is_array()) return not_items();
      for (const auto& item : value) {
        if (!item.is_object() || !item.contains("text") || !item["text"].is_string() ||
            !utf8(item["text"]) || !item.value("done", json(false)).is_boolean())
          return not_items();
        for (const auto& [key, unused] : item.items())
          if (key != "text" && key != "done")
            return {"items take only \"text\" and \"done\"",
                    "항목에는 \"text\"와 \"done\"만 쓸 수 있습니다"};
      }
      return {};
    }
  }
  return {"has an unknown type", "값의 형식을 알 수 없습니다"};
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
  if (!fields.is_object()) return {{"fields", "must be a JSON object", "JSON 객체여야 합니다"}};
  for (auto it = fields.begin(); it != fields.end();) {
    if (it->is_null()) {
      it = fields.erase(it);
      continue;
    }
    if (kind.field(it.key()) == nullptr) {
      std::string known;
      for (const auto& spec : kind.fields) known += (known.empty() ? "" : ", ") + spec.id;
      problems.push_back({it.key(),
                          "unknown field '" + it.key() + "' for kind '" + kind.id +
                              "' (its fields: " + (known.empty() ? "none" : known) + ")",
                          "'" + kind.id + "' 종류에 없는 필드입니다: '" + it.key() +
                              "' (필드: " + (known.empty() ? "없음" : known) + ")"});
    }
    ++it;
  }
  for (const auto& spec : kind.fields) {
    auto found = fields.find(spec.id);
    if (found == fields.end()) {
      if (spec.required)
        problems.push_back(
            {spec.id, named(spec, "en") + " is required", named(spec, "ko") + " 값이 필요합니다"});
      continue;
    }
    if (found->is_array() && spec.type == FieldType::kChecklist) {
      for (auto& item : *found)
        if (item.is_object() && !item.contains("done")) item["done"] = false;
    }
    if (const Phrase problem = value_problem(spec, *found); !problem.en.empty())
      problems.push_back(
          {spec.id, named(spec, "en") + " " + problem.en, named(spec, "ko") + " " + problem.ko});
  }
  return problems;
}

Result<json> parse_field_text(const FieldSpec& field, std::string_view text) {
  // The whole message names the field and quotes the text; the field's own message, shown
  // beside it, says only what is wrong.
  auto invalid = [&](const Phrase& what) {
    return Error{ErrorCode::kInvalidInput,
                 named(field, "en") + ": '" + std::string(text) + "' " + what.en,
                 {{field.id, what.en, what.ko}},
                 named(field, "ko") + " 값이 " + what.ko + ": '" + std::string(text) + "'"};
  };
  if (!is_valid_utf8(text))
    return Error{ErrorCode::kInvalidInput,
                 named(field, "en") + " is not valid UTF-8",
                 {{field.id, "is not valid UTF-8", "올바른 UTF-8이 아닙니다"}},
                 named(field, "ko") + " 값이 올바른 UTF-8이 아닙니다"};
  const std::string value = trimmed(text);
  switch (field.type) {
    case FieldType::kInteger: {
      std::int64_t number = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (error == std::errc::result_out_of_range && end == value.data() + value.size())
        return invalid(
            {"is not a whole number " + int64_range().en, int64_range().ko + " 정수가 아닙니다"});
      if (value.empty() || error != std::errc{} || end != value.data() + value.size())
        return invalid({"is not a whole number", "정수가 아닙니다"});
      return json(number);
    }
    case FieldType::kNumber: {
      double number = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (value.empty() || error != std::errc{} || end != value.data() + value.size() ||
          !std::isfinite(number))
        return invalid({"is not a number", "숫자가 아닙니다"});
      return json(number);
    }
    case FieldType::kBoolean: {
      std::string lower = value;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (lower == "true" || lower == "yes" || lower == "1") return json(true);
      if (lower == "false" || lower == "no" || lower == "0") return json(false);
      return invalid({"is not true/false/yes/no/1/0", "true/false/yes/no/1/0 중 하나가 아닙니다"});
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
