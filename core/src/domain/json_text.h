// JSON text written directly, where building nlohmann values first would copy every text again:
// the request a plugin's normalize_entry is given, a 500-member board.
#pragma once

#include <string>
#include <string_view>

namespace hoego {

// Appends `text` as a JSON string. `text` must be valid UTF-8, as every checked text is.
void append_json_string(std::string& out, std::string_view text);

}  // namespace hoego
