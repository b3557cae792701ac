// Errors as values: every boundary of the core (store, plugin calls, services) returns a
// Result<T> or a Status instead of throwing.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace hoego {

// What kind of failure, so that the CLI can pick an exit code and HTTP a status.
enum class ErrorCode {
  kInvalidInput,  // the user's input is wrong; nothing was changed
  kNotFound,      // what was asked for does not exist
  kConflict,      // it already exists, or clashes with what exists
  kPluginFailed,  // a plugin failed or answered nonsense
  kStorage,       // the database failed
  kInternal,      // a bug
  kReadOnly,      // the database can only be read here (read-only storage); nothing was changed
};

// The text of a message in the user's language: `message` is English (what logs, programs and
// tests read), `message_ko` the same in Korean, empty only where no Korean has been written (a
// plugin's own words, a system error's): then the English stands in.
inline const std::string& in_language(const std::string& english, const std::string& korean,
                                      std::string_view language) {
  return language == "ko" && !korean.empty() ? korean : english;
}

// One problem with one named field, for forms that show errors next to fields. `field` is the
// field's id, for programs; the messages name it by its label, for people.
struct FieldError {
  std::string field;
  std::string message;
  std::string message_ko;

  const std::string& in(std::string_view language) const {
    return in_language(message, message_ko, language);
  }
};

// A failure a person can read: `message` says what was wrong (in English, and in Korean in
// `message_ko`); `fields` lists per-field details.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldError> fields;
  std::string message_ko;

  const std::string& in(std::string_view language) const {
    return in_language(message, message_ko, language);
  }

  static Error invalid(std::string message, std::string message_ko = {}) {
    return {ErrorCode::kInvalidInput, std::move(message), {}, std::move(message_ko)};
  }
  static Error not_found(std::string message, std::string message_ko = {}) {
    return {ErrorCode::kNotFound, std::move(message), {}, std::move(message_ko)};
  }
  static Error conflict(std::string message, std::string message_ko = {}) {
    return {ErrorCode::kConflict, std::move(message), {}, std::move(message_ko)};
  }
  static Error storage(std::string message, std::string message_ko = {}) {
    return {ErrorCode::kStorage, std::move(message), {}, std::move(message_ko)};
  }
  static Error read_only(std::string message, std::string message_ko = {}) {
    return {ErrorCode::kReadOnly, std::move(message), {}, std::move(message_ko)};
  }
  static Error plugin(std::string message, std::string message_ko = {}) {
    return {ErrorCode::kPluginFailed, std::move(message), {}, std::move(message_ko)};
  }
  static Error internal(std::string message, std::string message_ko = {}) {
    return {ErrorCode::kInternal, std::move(message), {}, std::move(message_ko)};
  }
};

// Either a value or an Error. Cheap to move; check ok() before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// A Result with no value: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}
  static Status success() { return {}; }

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace hoego
