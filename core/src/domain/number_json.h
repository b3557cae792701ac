// Numbers as the API writes them: a whole number is a JSON integer ("12", never "12.0"), so that
// programs and people reading the JSON see the figure the rest of hoego shows.
#pragma once

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace hoego {

// `value` as JSON: an integer when it is whole (and within the 2^53 a double holds exactly),
// else the double as it is; rounding for display is format_figure's (<hoego/sdk_figures.hpp>).
inline nlohmann::json number_json(double value) {
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) <= 9007199254740992.0)
    return static_cast<int64_t>(value);
  return value;
}

}  // namespace hoego
