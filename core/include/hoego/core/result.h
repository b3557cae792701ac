// Errors as values: every boundary of the core (store, plugin calls, services) returns a
// Result<T> or a Status instead of throwing.
#pragma once

#include <string>
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
};

// One problem with one named field, for forms that show errors next to fields.
struct FieldError {
  std::string field;
  std::string message;
};

// A failure a person can read: `message` says what was wrong; `fields` lists per-field details.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldError> fields;

  static Error invalid(std::string message) {
    return {ErrorCode::kInvalidInput, std::move(message), {}};
  }
  static Error not_found(std::string message) {
    return {ErrorCode::kNotFound, std::move(message), {}};
  }
  static Error conflict(std::string message) {
    return {ErrorCode::kConflict, std::move(message), {}};
  }
  static Error storage(std::string message) {
    return {ErrorCode::kStorage, std::move(message), {}};
  }
  static Error plugin(std::string message) {
    return {ErrorCode::kPluginFailed, std::move(message), {}};
  }
  static Error internal(std::string message) {
    return {ErrorCode::kInternal, std::move(message), {}};
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
