// Turns repeated `--field key=value` arguments into an entry's fields JSON.
#pragma once

#include <hoego/core/manifest.h>
#include <hoego/core/result.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hoego::cli {

// Reads each "key=value" for `kind`. Lists and checklists gather every value given for them;
// an empty value ("key=") clears the field (null). Fails naming the argument that is wrong.
Result<nlohmann::json> fields_from_arguments(const KindSpec& kind,
                                             const std::vector<std::string>& arguments);

// Help text listing a kind's fields, for `hoego add PLUGIN KIND --help`.
std::string describe_fields(const KindSpec& kind, const std::string& language);

}  // namespace hoego::cli
