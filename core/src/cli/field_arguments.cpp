#include "field_arguments.h"

#include <hoego/core/field_values.h>

namespace hoego::cli {

using nlohmann::json;

Result<json> fields_from_arguments(const KindSpec& kind,
                                   const std::vector<std::string>& arguments) {
  json fields = json::object();
  for (const auto& argument : arguments) {
    const auto equals = argument.find('=');
    if (equals == std::string::npos || equals == 0)
      return Error::invalid("--field '" + argument + "' must be written key=value",
                            "--field는 key=value 꼴로 적습니다: '" + argument + "'");
    const std::string key = argument.substr(0, equals);
    const std::string text = argument.substr(equals + 1);
    const FieldSpec* spec = kind.field(key);
    if (spec == nullptr) {
      std::string known;
      for (const auto& field : kind.fields) known += (known.empty() ? "" : ", ") + field.id;
      return Error{ErrorCode::kInvalidInput,
                   "unknown field '" + key + "' for kind '" + kind.id +
                       "' (its fields: " + (known.empty() ? "none" : known) + ")",
                   {{key, "unknown field", "알 수 없는 필드"}},
                   "'" + kind.id + "' 종류에 없는 필드입니다: '" + key +
                       "' (필드: " + (known.empty() ? "없음" : known) + ")"};
    }
    if (text.empty()) {
      fields[key] = nullptr;
      continue;
    }
    auto value = parse_field_text(*spec, text);
    if (!value) return value.error();
    const bool gathers = spec->type == FieldType::kList || spec->type == FieldType::kChecklist;
    if (gathers && fields.contains(key) && fields[key].is_array())
      fields[key].insert(fields[key].end(), value->begin(), value->end());
    else
      fields[key] = std::move(value.value());
  }
  return fields;
}

std::string describe_fields(const KindSpec& kind, const std::string& language) {
  std::string text = "Fields of " + kind.id + " (--field key=value):\n";
  for (const auto& field : kind.fields) {
    text += "  " + field.id + "=" + std::string(field_type_name(field.type));
    if (field.type == FieldType::kChoice) {
      std::string options;
      for (const auto& option : field.options) options += (options.empty() ? "" : "|") + option.id;
      text += "(" + options + ")";
    }
    text += "  " + field.label.in(language);
    if (!field.unit.empty()) text += " [" + field.unit + "]";
    if (field.required) text += "  (required)";
    if (field.type == FieldType::kList) text += "  comma-separated; repeatable";
    if (field.type == FieldType::kChecklist) text += "  one item per --field; \"[x] item\" is done";
    text += "\n";
  }
  if (kind.fields.empty()) text += "  (none)\n";
  if (kind.people)
    text += "People (--with NAME, repeatable): " + kind.people->label.in(language) +
            (kind.people->required ? " (at least one)" : "") + "\n";
  return text;
}

}  // namespace hoego::cli
