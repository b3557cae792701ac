// The JSON API's plumbing, shared by the route files: registering routes under /api/v1 (one
// request at a time against the single database connection, GET answers kept while the data
// stays the same), reading bodies and queries, and answering with JSON or a JSON error.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/feed_schedule.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>
#include <httplib.h>

#include <functional>
#include <initializer_list>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "response_cache.h"

namespace hoego::http {

using nlohmann::json;

// What handlers work with. `time_zone` and `language` are resolved per request, so that a
// setting changed from the CLI applies without restarting the server.
struct ApiContext {
  Database& db;
  PluginHost& plugins;
  std::function<std::string()> time_zone;
  std::function<std::string()> language;
  FeedSchedule& feeds;  // the rounds of the members' feeds while the server runs
};

// A route's parameters ({id}, {name}), in order, as decoded from the path.
using Params = std::vector<std::string>;
using Handler = std::function<void(const httplib::Request&, httplib::Response&, const Params&)>;

class Api {
 public:
  // `prepare` runs under `mutex` before every request (it brings the stored days to the zone
  // in force). `data_state` then tells what GET answers depend on: while it stays the same, a
  // GET is answered as before without running its handler.
  // `language` is the user's setting: the language of error messages for a request whose
  // Accept-Language names neither Korean nor English.
  Api(httplib::Server& server, std::mutex& mutex, std::function<void()> prepare,
      std::function<DataState()> data_state, std::function<std::string()> language)
      : server_(server),
        mutex_(mutex),
        prepare_(std::move(prepare)),
        data_state_(std::move(data_state)),
        language_(std::move(language)) {}

  // Registers METHOD /api/v1<pattern>. In the pattern, {id} matches a positive number and any
  // other {name} the rest of the path up to the next literal part (names may hold /).
  void get(const std::string& pattern, Handler handler);
  void post(const std::string& pattern, Handler handler);
  void patch(const std::string& pattern, Handler handler);
  void del(const std::string& pattern, Handler handler);
  // A GET whose answer depends on the request itself (its session cookie), not only on the
  // data: always runs its handler, never answers with a kept answer.
  void get_per_request(const std::string& pattern, Handler handler);

  // "GET /api/v1/entries/{id}", one per route, in registration order.
  const std::vector<std::string>& routes() const { return names_; }
  // Whether a route matches `path` with some method (so that a wrong method is a 405).
  bool knows_path(const std::string& path) const;

 private:
  void add(const char* method, const std::string& pattern, Handler handler,
           bool keeps_answers = true);

  httplib::Server& server_;
  std::mutex& mutex_;
  std::function<void()> prepare_;
  std::function<DataState()> data_state_;
  std::function<std::string()> language_;
  ResponseCache answers_;
  std::vector<std::string> names_;
  std::vector<std::regex> paths_;
};

// The HTTP status and stable code for an error.
int status_of(ErrorCode code);
const char* code_name(ErrorCode code);

void send_json(httplib::Response& response, const json& body, int status = 200);

// "ko" or "en" from an Accept-Language header (the first of the two it names, by quality),
// nullopt when it names neither.
std::optional<std::string> accepted_language(const std::string& header);
// {"error": {"code", "message", "fields"}} with the status for its code.
// An error's `message` and field messages are in the request's language (the response's
// Content-Language, which every API route sets before its handler runs); `code` and `field`
// stay the same in every language, for programs.
void send_error(httplib::Response& response, const Error& error);
// The same for a refusal that is not an Error (a bad body, a foreign Host…): `message` in
// English, `message_ko` in Korean, picked by Content-Language as above (the server sets it
// before it refuses a request no route has seen).
void send_error(httplib::Response& response, int status, const std::string& code,
                const std::string& message, const std::string& message_ko);

// Answers with to_json(*result), or with the error.
template <typename Value>
void reply(httplib::Response& response, const Result<Value>& result, int status = 200) {
  if (result)
    send_json(response, to_json(*result), status);
  else
    send_error(response, result.error());
}

// Answers with answer(*result), one of json_answers.h's shapes, or with the error.
template <typename Value, typename Answer>
void reply_as(httplib::Response& response, const Result<Value>& result, Answer answer) {
  if (result)
    send_json(response, answer(*result));
  else
    send_error(response, result.error());
}

// The request body as a JSON object; otherwise answers 400 bad_json and returns nullopt.
std::optional<json> body_object(const httplib::Request& request, httplib::Response& response);

// Reads typed members of a JSON object, collecting a problem for each member of the wrong type
// and each member it does not know, so that one answer names every mistake.
class BodyReader {
 public:
  explicit BodyReader(const json& body) : body_(body) {}

  std::optional<std::string> text(const char* key);
  std::optional<std::vector<std::string>> texts(const char* key);
  std::optional<double> number(const char* key);
  std::optional<int> integer(const char* key);
  std::optional<bool> flag(const char* key);
  // Whether `key` is given as null (in a PATCH: clear it).
  bool is_null(const char* key) const;
  // A text that may be cleared: the text, "" for null, nullopt when not given.
  std::optional<std::string> clearable_text(const char* key);
  // An object member (such as "fields"); an empty object when absent.
  json object(const char* key);

  // Adds a problem for every member not in `known`; then the problems as a 422 error, if any.
  std::optional<Error> finish(std::initializer_list<const char*> known);

 private:
  const json* find(const char* key);
  // Adds "KEY must be TYPE" ("KEY 값은 TYPE_KO", where TYPE_KO ends the sentence).
  void wrong_type(const char* key, const char* type, const char* type_ko);

  const json& body_;
  std::vector<FieldError> problems_;
};

// The new entry a POST /entries body describes, or the 422 error naming every wrong member.
Result<NewEntry> read_new_entry(const json& body);

// A query parameter, when given.
std::optional<std::string> query(const httplib::Request& request, const char* key);
// A boolean query parameter ("true"/"false"); an Error names a value that is neither.
Result<bool> query_flag(const httplib::Request& request, const char* key);
// ?goal=ID: nullopt when absent; an Error names a value that is not a goal's id.
Result<std::optional<int64_t>> query_goal_id(const httplib::Request& request);
// The language the answer is in (its Content-Language: ?lang=, else Accept-Language, else the
// setting); an Error when `lang` is given as neither ko nor en.
Result<std::string> answer_language(const httplib::Request& request,
                                    const httplib::Response& response);

}  // namespace hoego::http
