// Refusals several services give in the same words, in English and Korean, so that the two
// languages say the same thing wherever the problem is met.
#pragma once

#include <hoego/core/result.h>

#include <string>
#include <utility>
#include <vector>

namespace hoego {

// `text`, given for `field`, is not a date written YYYY-MM-DD.
inline FieldError not_a_date(std::string field, const std::string& text) {
  return {std::move(field), "'" + text + "' is not a date written YYYY-MM-DD",
          "날짜는 YYYY-MM-DD 형식으로 써 주세요: '" + text + "'"};
}

// No person is named `name`; the message says how to add one.
inline FieldError unknown_person(std::string field, const std::string& name) {
  return {std::move(field),
          "no person named '" + name + "' (add them first: hoego people add \"" + name + "\")",
          "이름이 '" + name + "'인 사람이 없습니다 (먼저 추가해 주세요: hoego people add \"" +
              name + "\")"};
}

// No track is named `name`; the message says how to add one.
inline FieldError unknown_track(std::string field, const std::string& name) {
  return {std::move(field),
          "no track named '" + name + "' (add it first: hoego track add \"" + name + "\")",
          "이름이 '" + name + "'인 트랙이 없습니다 (먼저 추가해 주세요: hoego track add \"" + name +
              "\")"};
}

// A refusal listing every problem, each beside its field and all in the message, "; " between.
inline Error invalid_with(std::vector<FieldError> problems) {
  std::string message, message_ko;
  for (const auto& problem : problems) {
    message += (message.empty() ? "" : "; ") + problem.message;
    message_ko += (message_ko.empty() ? "" : "; ") + problem.in("ko");
  }
  return Error{ErrorCode::kInvalidInput, std::move(message), std::move(problems),
               std::move(message_ko)};
}

// A refusal of the whole request, worded as `problem` is.
inline Error invalid_as(const FieldError& problem) {
  return Error::invalid(problem.message, problem.message_ko);
}

}  // namespace hoego
