// hoego plugin SDK — the text a plugin writes: trimmed input and the sentence that states one of
// the user's goals, header-only.
//
// Every bundled plugin trims what users type and states the user's goals in its year-report
// section the same way; written once here, they read the same in every section. Needs only the
// standard library and <hoego/sdk_figures.hpp>; <hoego/sdk.hpp> includes it. Compiled into the
// plugin, so it works the same with every SDK 1.x host.
#pragma once

#include <hoego/sdk_figures.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace hoego::sdk {

// `text` without the spaces, tabs and line breaks at its ends: "  Clean Code\n" → "Clean Code".
inline std::string trimmed(std::string_view text) {
  constexpr std::string_view kWhitespace = " \t\n\v\f\r";
  const auto first = text.find_first_not_of(kWhitespace);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(kWhitespace) - first + 1));
}

// How a year-report paragraph states one of the user's goals with a target, in `language`
// ("ko", else English): "‘책 6권’ 목표를 이뤘습니다 (6 / 6)." or "Your goal ‘Six books’ stands at
// 4 / 6.". Empty without a target: a plugin speaks of targets only through the user's goals.
inline std::string goal_sentence(std::string_view language, const std::string& title,
                                 double progress, const std::optional<double>& target, bool met) {
  if (!target) return {};
  const std::string figures = format_figure(progress) + " / " + format_figure(*target);
  if (language == "ko")
    return met ? "‘" + title + "’ 목표를 이뤘습니다 (" + figures + ")."
               : "‘" + title + "’ 목표는 " + figures + "입니다.";
  return met ? "You reached your goal ‘" + title + "’ (" + figures + ")."
             : "Your goal ‘" + title + "’ stands at " + figures + ".";
}

}  // namespace hoego::sdk
