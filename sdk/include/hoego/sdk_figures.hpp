// hoego plugin SDK — how every figure is written, header-only.
//
// The host writes each figure it shows (the year in review's numbers and goals, `hoego stats`,
// `hoego goals`, the web view) by this one rule, and a plugin that writes figures in its report
// paragraphs uses the same function, so that a paragraph and the numbers beside it agree to the
// digit: a plugin's "14.8시간" is the host's "14.8시간", never "14.5" or "14.75".
//
// Needs only the standard library; <hoego/sdk.hpp> includes it. It is compiled into the plugin,
// so it works the same with every SDK 1.x host.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

namespace hoego::sdk {

// `value` rounded to one decimal, half away from zero, as a person rounds the decimal they read:
// 14.75 → 14.8, 0.25 → 0.3, 1.15 → 1.2 (although the double nearest 1.15 lies just below it),
// -0.04 → 0.
inline double rounded_figure(double value) {
  if (!std::isfinite(value)) return value;
  const double magnitude = std::fabs(value);
  // Settling to millionths first drops the binary noise of a decimal (1.15 is stored as
  // 1.149999…), which rounding the tenths of the double itself would keep. Past 10^12 there are
  // no tenths to round worth the name, and millionths would overflow.
  if (magnitude >= 1e12) return std::round(value);
  const long long millionths = std::llround(magnitude * 1e6);
  const long long tenths = (millionths + 50000) / 100000;
  const double rounded = static_cast<double>(tenths) / 10;
  return tenths == 0 ? 0.0 : (value < 0 ? -rounded : rounded);
}

// `value` as hoego shows a figure: rounded by rounded_figure, a whole number without ".0", one
// decimal otherwise, thousands grouped with commas (as both Korean and English write them):
// 14.75 → "14.8", 12.0 → "12", 1234.5 → "1,234.5", -0.04 → "0". Not a number gives "?".
inline std::string format_figure(double value) {
  if (std::isnan(value)) return "?";
  if (std::isinf(value)) return value > 0 ? "∞" : "-∞";
  const double rounded = rounded_figure(value);
  const double magnitude = std::fabs(rounded);
  const double whole = std::floor(magnitude);
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.0f", whole);
  std::string text = digits;
  for (int at = static_cast<int>(text.size()) - 3; at > 0; at -= 3)
    text.insert(static_cast<size_t>(at), ",");
  const long long tenth = std::llround((magnitude - whole) * 10);
  if (tenth > 0 && tenth < 10) text += "." + std::to_string(tenth);
  return (rounded < 0 ? "-" : "") + text;
}

}  // namespace hoego::sdk
