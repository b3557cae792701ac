#include "api.h"

#include <hoego/core/plugin_environment.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>

#include "compression.h"

namespace hoego::http {

void Api::add(const char* method, const std::string& pattern, Handler handler, bool keeps_answers) {
  static const std::regex parameter(R"(\{([a-z_]+)\})");
  std::string expression;
  std::sregex_iterator it(pattern.begin(), pattern.end(), parameter), end;
  size_t last = 0;
  for (; it != end; ++it) {
    expression += pattern.substr(last, it->position() - last);
    // A name may hold '/' (httplib decodes %2F before matching), so it takes the rest.
    expression += (*it)[1] == "id" ? "([1-9][0-9]{0,17})" : "(.+)";
    last = it->position() + it->length();
  }
  expression = "/api/v1" + expression + pattern.substr(last);
  names_.push_back(std::string(method) + " /api/v1" + pattern);
  paths_.emplace_back(expression);

  const std::string_view name(method);
  auto locked = [this, keeps = keeps_answers && name == "GET", handler = std::move(handler)](
                    const httplib::Request& request, httplib::Response& response) {
    Params params;
    for (size_t i = 1; i < request.matches.size(); ++i) params.push_back(request.matches[i]);
    std::lock_guard lock(mutex_);
    prepare_();
    // ?lang= (as the report, the board and the calendars take it) wins over Accept-Language.
    std::string language =
        accepted_language(request.get_header_value("Accept-Language")).value_or(language_());
    if (const std::string asked = request.get_param_value("lang"); asked == "ko" || asked == "en")
      language = asked;
    response.set_header("Content-Language", language);
    response.set_header("Vary", "Accept-Language");
    const RequestLanguage plugins_answer_in(language);
    if (!keeps) return handler(request, response, params);
    const DataState before = data_state_();
    if (answers_.answer(request, before, response)) return;
    handler(request, response, params);
    answers_.keep(request, before, data_state_(), response);
  };
  // Compressed once the lock is released, so that other requests need not wait for it; kept
  // answers stay plain, for clients that ask for either.
  auto answered = [locked = std::move(locked)](const httplib::Request& request,
                                               httplib::Response& response) {
    locked(request, response);
    compress_if_accepted(request, response);
  };
  if (name == "GET")
    server_.Get(expression, answered);
  else if (name == "POST")
    server_.Post(expression, answered);
  else if (name == "PATCH")
    server_.Patch(expression, answered);
  else
    server_.Delete(expression, answered);
}

void Api::get(const std::string& pattern, Handler handler) { add("GET", pattern, handler); }
void Api::post(const std::string& pattern, Handler handler) { add("POST", pattern, handler); }
void Api::patch(const std::string& pattern, Handler handler) { add("PATCH", pattern, handler); }
void Api::del(const std::string& pattern, Handler handler) { add("DELETE", pattern, handler); }
void Api::get_per_request(const std::string& pattern, Handler handler) {
  add("GET", pattern, handler, false);
}

bool Api::knows_path(const std::string& path) const {
  for (const auto& expression : paths_)
    if (std::regex_match(path, expression)) return true;
  return false;
}

int status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return 422;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPluginFailed:
      return 502;
    case ErrorCode::kStorage:
    case ErrorCode::kInternal:
      return 500;
    // The server is well but its storage takes no writes: the request was fine and may
    // succeed once the database is somewhere it can be written.
    case ErrorCode::kReadOnly:
      return 503;
  }
  return 500;
}

const char* code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return "invalid_input";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kPluginFailed:
      return "plugin_failed";
    case ErrorCode::kStorage:
      return "storage_failed";
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kReadOnly:
      return "read_only";
  }
  return "internal";
}

void send_json(httplib::Response& response, const json& body, int status) {
  response.status = status;
  // Text that is not UTF-8 never reaches the store, but a replacement character beats a throw.
  response.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

std::optional<std::string> accepted_language(const std::string& header) {
  std::optional<std::string> best;
  double best_quality = 0;
  size_t start = 0;
  while (start < header.size()) {
    const size_t end = std::min(header.find(',', start), header.size());
    const std::string part = header.substr(start, end - start);
    start = end + 1;
    const size_t first = part.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    const std::string tag = part.substr(first, 2);
    if (tag != "ko" && tag != "en") continue;
    double quality = 1;
    if (const size_t q = part.find(";q="); q != std::string::npos)
      quality = std::strtod(part.c_str() + q + 3, nullptr);
    if (quality > best_quality) {
      best = tag;
      best_quality = quality;
    }
  }
  return best;
}

void send_error(httplib::Response& response, const Error& error) {
  const std::string language = response.get_header_value("Content-Language");
  json fields = json::array();
  for (const auto& field : error.fields)
    fields.push_back({{"field", field.field}, {"message", field.in(language)}});
  send_json(
      response,
      {{"error",
        {{"code", code_name(error.code)}, {"message", error.in(language)}, {"fields", fields}}}},
      status_of(error.code));
}

void send_error(httplib::Response& response, int status, const std::string& code,
                const std::string& message, const std::string& message_ko) {
  const std::string language = response.get_header_value("Content-Language");
  send_json(response,
            {{"error",
              {{"code", code},
               {"message", in_language(message, message_ko, language)},
               {"fields", json::array()}}}},
            status);
}

namespace {

// Whether JSON text nests arrays and objects deeper than `limit`: copying or destroying such a
// value recurses once per level, so a deep one could overflow a thread's stack.
bool nests_deeper_than(const std::string& text, int limit) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

}  // namespace

std::optional<json> body_object(const httplib::Request& request, httplib::Response& response) {
  if (nests_deeper_than(request.body, 32)) {
    send_error(response, 400, "bad_json", "the request body nests deeper than 32 levels",
               "요청 본문의 중첩이 32단계보다 깊습니다");
    return std::nullopt;
  }
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded()) {
    send_error(response, 400, "bad_json", "the request body is not valid JSON",
               "요청 본문이 올바른 JSON이 아닙니다");
    return std::nullopt;
  }
  if (!body.is_object()) {
    send_error(response, 400, "bad_json", "the request body must be a JSON object",
               "요청 본문은 JSON 객체여야 합니다");
    return std::nullopt;
  }
  return body;
}

void BodyReader::wrong_type(const char* key, const char* type, const char* type_ko) {
  problems_.push_back(
      {key, std::string(key) + " must be " + type, std::string(key) + " 값은 " + type_ko});
}

const json* BodyReader::find(const char* key) {
  auto found = body_.find(key);
  if (found == body_.end() || found->is_null()) return nullptr;
  return &*found;
}

bool BodyReader::is_null(const char* key) const {
  auto found = body_.find(key);
  return found != body_.end() && found->is_null();
}

std::optional<std::string> BodyReader::clearable_text(const char* key) {
  if (is_null(key)) return std::string();
  return text(key);
}

std::optional<std::string> BodyReader::text(const char* key) {
  const json* value = find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    wrong_type(key, "a string", "문자열이어야 합니다");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<std::vector<std::string>> BodyReader::texts(const char* key) {
  const json* value = find(key);
  if (value == nullptr) return std::nullopt;
  bool all_strings = value->is_array();
  for (size_t i = 0; all_strings && i < value->size(); ++i) all_strings = (*value)[i].is_string();
  if (!all_strings) {
    wrong_type(key, "an array of strings", "문자열 배열이어야 합니다");
    return std::nullopt;
  }
  return value->get<std::vector<std::string>>();
}

std::optional<double> BodyReader::number(const char* key) {
  const json* value = find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) {
    wrong_type(key, "a number", "숫자여야 합니다");
    return std::nullopt;
  }
  return value->get<double>();
}

std::optional<int> BodyReader::integer(const char* key) {
  const json* value = find(key);
  if (value == nullptr) return std::nullopt;
  const bool whole = value->is_number_integer() || value->is_number_unsigned();
  if (!whole || value->get<double>() < std::numeric_limits<int>::min() ||
      value->get<double>() > std::numeric_limits<int>::max()) {
    wrong_type(key, "a whole number", "정수여야 합니다");
    return std::nullopt;
  }
  return value->get<int>();
}

std::optional<bool> BodyReader::flag(const char* key) {
  const json* value = find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    wrong_type(key, "true or false", "true 또는 false여야 합니다");
    return std::nullopt;
  }
  return value->get<bool>();
}

json BodyReader::object(const char* key) {
  const json* value = find(key);
  if (value == nullptr) return json::object();
  if (!value->is_object()) {
    wrong_type(key, "an object", "객체여야 합니다");
    return json::object();
  }
  return *value;
}

std::optional<Error> BodyReader::finish(std::initializer_list<const char*> known) {
  for (const auto& [key, value] : body_.items()) {
    bool is_known = false;
    for (const char* name : known) is_known = is_known || key == name;
    if (!is_known)
      problems_.push_back(
          {key, "unknown member '" + key + "'", "알 수 없는 항목입니다: '" + key + "'"});
  }
  if (problems_.empty()) return std::nullopt;
  std::string message, message_ko;
  for (const auto& problem : problems_) {
    message += (message.empty() ? "" : "; ") + problem.message;
    message_ko += (message_ko.empty() ? "" : "; ") + problem.message_ko;
  }
  return Error{ErrorCode::kInvalidInput, message, problems_, message_ko};
}

std::optional<std::string> query(const httplib::Request& request, const char* key) {
  if (!request.has_param(key)) return std::nullopt;
  return request.get_param_value(key);
}

Result<bool> query_flag(const httplib::Request& request, const char* key) {
  const auto value = query(request, key);
  if (!value || *value == "false" || *value == "0") return false;
  if (*value == "true" || *value == "1" || value->empty()) return true;
  return Error{ErrorCode::kInvalidInput,
               std::string(key) + " must be true or false, not '" + *value + "'",
               {{key, "must be true or false", "true 또는 false여야 합니다"}},
               std::string(key) + " 값은 true 또는 false여야 합니다: '" + *value + "'"};
}

Result<std::optional<int64_t>> query_goal_id(const httplib::Request& request) {
  const auto goal = query(request, "goal");
  if (!goal) return std::optional<int64_t>{};
  const bool whole_number =
      !goal->empty() && goal->size() <= 18 &&
      std::all_of(goal->begin(), goal->end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  if (!whole_number)
    return Error{ErrorCode::kInvalidInput,
                 "goal must be a goal's id, not '" + *goal + "'",
                 {{"goal", "must be a goal's id", "목표의 id여야 합니다"}},
                 "goal 값은 목표의 id여야 합니다: '" + *goal + "'"};
  return std::optional<int64_t>{std::stoll(*goal)};
}

Result<std::string> answer_language(const httplib::Request& request,
                                    const httplib::Response& response) {
  if (const auto asked = query(request, "lang"); asked && *asked != "ko" && *asked != "en")
    return Error{ErrorCode::kInvalidInput,
                 "lang must be ko or en",
                 {{"lang", "must be ko or en", "ko 또는 en이어야 합니다"}},
                 "lang 값은 ko 또는 en이어야 합니다"};
  return response.get_header_value("Content-Language");
}

Result<NewEntry> read_new_entry(const json& body) {
  BodyReader read(body);
  NewEntry input;
  input.plugin = read.text("plugin").value_or("");
  input.kind = read.text("kind").value_or("");
  input.when = read.text("when");
  input.title = read.text("title").value_or("");
  input.notes = read.text("notes").value_or("");
  input.people = read.texts("people").value_or(std::vector<std::string>{});
  input.tags = read.texts("tags").value_or(std::vector<std::string>{});
  input.track = read.text("track");
  if (input.track && input.track->empty()) input.track.reset();
  input.request_id = read.text("request_id");
  input.fields = read.object("fields");
  if (auto error = read.finish({"plugin", "kind", "when", "title", "notes", "people", "tags",
                                "track", "request_id", "fields"}))
    return *error;
  if (input.plugin.empty() || input.kind.empty())
    return Error{
        ErrorCode::kInvalidInput,
        "plugin and kind are required",
        {{"plugin", "is required", "필수 항목입니다"}, {"kind", "is required", "필수 항목입니다"}},
        "plugin과 kind 값이 모두 필요합니다"};
  return input;
}

}  // namespace hoego::http
