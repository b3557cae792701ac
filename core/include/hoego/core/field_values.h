// Checks entry fields against the kind's declared fields, and reads field values typed on the
// command line. Both run before any plugin code, so plugins receive well-typed fields.
#pragma once

#include <hoego/core/manifest.h>
#include <hoego/core/result.h>

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

namespace hoego {

// Every problem with `fields` (a JSON object) for `kind`: unknown fields, missing required
// ones, values of the wrong type or out of range, text that is not UTF-8. Null values count as
// absent and are removed. Empty when the fields are fine.
std::vector<FieldError> check_fields(const KindSpec& kind, nlohmann::json& fields);

// Reads one value typed on the command line for `field`: "60" for an integer, "career,cv" for
// a list (split on commas; "\," is a literal comma), "[x] 이력서 보내기" for one done checklist
// item (checklist values are never split), "yes" for a boolean. Lists and checklists come back as
// arrays, to be appended to what earlier values gave.
Result<nlohmann::json> parse_field_text(const FieldSpec& field, std::string_view text);

}  // namespace hoego
