// The request text a plugin's normalize_entry is given, written straight from the entry: building
// it as an nlohmann::json object first copied every text twice, a quarter of checking an entry
// (docs/performance.md).
#pragma once

#include <hoego/core/entry.h>

#include <string>
#include <string_view>

namespace hoego {

// {"kind":…,"kind_version":…,"title":…,"notes":…,"when":…,"track":…|null,"people":[…],
//  "tags":[…],"fields":{…}} for a checked entry.
std::string normalize_request(const Entry& entry);

}  // namespace hoego
