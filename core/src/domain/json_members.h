// Members of JSON that came from outside hoego's own code (a plugin's answer, an imported file):
// a member that is missing or of another type reads as the fallback. nlohmann's value() throws
// on a wrong type instead, and such text must never take the host down.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace hoego {

inline std::string string_member(const nlohmann::json& object, const char* key,
                                 std::string fallback = {}) {
  if (!object.is_object()) return fallback;
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : fallback;
}

inline int64_t integer_member(const nlohmann::json& object, const char* key, int64_t fallback) {
  if (!object.is_object()) return fallback;
  auto found = object.find(key);
  return found != object.end() && found->is_number_integer() ? found->get<int64_t>() : fallback;
}

}  // namespace hoego
