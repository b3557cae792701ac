#include <hoego/core/http_server.h>
#include <hoego/core/local_days.h>
#include <hoego/core/local_time.h>
#include <hoego/core/plugin_switches.h>
#include <hoego/core/settings_service.h>

#include <algorithm>
#include <mutex>

#include "access_token.h"
#include "api.h"
#include "connection_loop.h"
#include "routes.h"
#include "session_cookie.h"
#include "static_assets.h"

namespace hoego {
namespace {

using http::send_error;

bool is_loopback(const std::string& address) {
  return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool is_wildcard(const std::string& address) { return address == "0.0.0.0" || address == "::"; }

bool is_write(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// "application/json", whatever parameters follow (charset): the media type alone, lowercased.
std::string media_type(const std::string& content_type) {
  const std::string type = lowercase(content_type.substr(0, content_type.find(';')));
  const size_t first = type.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return type.substr(first, type.find_last_not_of(" \t") - first + 1);
}

// cpp-httplib's routing and responses, driven by hoego's own connection loop: process_request
// answers one request on a stream the loop prepared.
class Routes : public httplib::Server {
 public:
  bool answer(httplib::Stream& stream, bool close_connection, bool& connection_closed) {
    return process_request(stream, close_connection, connection_closed, nullptr);
  }
  // cpp-httplib takes a server without a listening socket of its own for one shutting down:
  // a content provider's response would end before its body. The loop's socket stands in.
  void set_listening(int socket) { svr_sock_ = socket; }
};

}  // namespace

struct HttpServer::Impl {
  Database& db;
  PluginHost& plugins;
  std::mutex db_mutex;  // one connection, one request at a time
  Routes server;
  std::mutex loop_mutex;  // stop() may come from another thread while serve() starts
  std::unique_ptr<http::ConnectionLoop> loop;
  bool stopped = false;
  http::Api api{server, db_mutex, [this] { align_days(); }, [this] { return data_state(); },
                [this] { return language(); }};
  ServerOptions options;
  std::vector<std::string> own_hosts;  // what a Host header may say, set once bound
  // Fetches the members' feeds on its own thread, writing under db_mutex between requests.
  FeedSchedule feeds{db, plugins, db_mutex, [this] { return time_zone(); }};
  http::ApiContext context{db, plugins, [this] { return time_zone(); },
                           [this] { return language(); }, feeds};

  Impl(Database& database, PluginHost& host) : db(database), plugins(host) {}

  // Called with db_mutex held, before a request is handled: the stored days follow the zone in
  // force, which a setting changed from the CLI or the web view may have moved. When they
  // cannot (a read-only or busy database), they are counted in the zone they are in.
  // The plugins switched off follow the stored switches, which the CLI may have changed.
  void align_days() {
    (void)align_local_days(db, time_zone());
    (void)PluginSwitches(db, plugins).apply();
  }

  // Called with db_mutex held, from a handler.
  http::DataState data_state() {
    http::DataState state;
    auto version = db.data_version();
    if (!version) return state;
    state.others = *version;
    state.own = db.total_changes();
    state.time_zone = time_zone();
    state.today = now_in(state.time_zone).local_date;
    return state;
  }
  std::string time_zone() {
    if (options.time_zone) return *options.time_zone;
    auto stored = SettingsService(db).get("time_zone");
    if (stored && *stored) return **stored;
    return system_time_zone();
  }
  std::string language() {
    auto stored = SettingsService(db).get("language");
    if (stored && *stored) return **stored;
    return options.language;
  }

  // Refuses a request that no route has handled, in the language its Accept-Language asks for,
  // else the one the server started with: a request that may not have passed the guard reads
  // no stored setting.
  void refuse(const httplib::Request& request, httplib::Response& response, int status,
              const std::string& code, const std::string& message, const std::string& message_ko) {
    if (!response.has_header("Content-Language")) {
      response.set_header("Content-Language",
                          http::accepted_language(request.get_header_value("Accept-Language"))
                              .value_or(options.language));
      response.set_header("Vary", "Accept-Language");
    }
    send_error(response, status, code, message, message_ko);
  }

  // A whole response for a request the connection loop refused before parsing it: there is no
  // Accept-Language to heed yet, so it is in the server's language.
  std::string refusal(int status) {
    httplib::Response response;
    response.set_header("Content-Language", options.language);
    const char* reason = "Bad Request";
    if (status == 408) {
      reason = "Request Timeout";
      send_error(response, status, "request_timeout",
                 "the request did not arrive in time: send its head and body within 10 seconds",
                 "요청이 제시간에 도착하지 않았습니다: 헤더와 본문을 10초 안에 보내 주세요");
    } else if (status == 431) {
      reason = "Request Header Fields Too Large";
      send_error(response, status, "headers_too_large", "the request's headers are over 64 KiB",
                 "요청 헤더가 64 KiB를 넘습니다");
    } else {
      send_error(response, status, "bad_request",
                 "the request's head is malformed (lines must end in CRLF, one valid "
                 "Content-Length at most)",
                 "요청 헤더의 형식이 잘못되었습니다 (줄은 CRLF로 끝나고, Content-Length는 "
                 "올바른 값 하나만 보내야 합니다)");
    }
    return "HTTP/1.1 " + std::to_string(status) + " " + reason +
           "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Language: " +
           options.language +
           "\r\nConnection: close\r\nContent-Length: " + std::to_string(response.body.size()) +
           "\r\n\r\n" + response.body;
  }

  // The checks every request passes before any route sees it. See docs/api.md.
  httplib::Server::HandlerResponse guard(const httplib::Request& request,
                                         httplib::Response& response) {
    using Outcome = httplib::Server::HandlerResponse;
    const std::string host = lowercase(request.get_header_value("Host"));
    // Bound to every address with a token, clients name the machine however they reach it;
    // the token, which a rebinding page cannot know, takes the Host check's place.
    const bool any_host = options.token && is_wildcard(options.bind_address);
    if (!any_host && std::find(own_hosts.begin(), own_hosts.end(), host) == own_hosts.end()) {
      refuse(request, response, 421, "misdirected_host",
             "the Host header '" + host + "' does not name this server",
             "Host 헤더가 이 서버를 가리키지 않습니다: '" + host + "'");
      return Outcome::Handled;
    }
    const bool api = request.path.rfind("/api/", 0) == 0;
    // /session is how a page without the token signs in, so it is open; the Origin check below
    // still guards its writes. Elsewhere the token comes as a Bearer header (programs) or as the
    // session cookie signing in gave (the web view).
    if (api && options.token && request.path != "/api/v1/session" &&
        !http::has_bearer(request, *options.token) &&
        !http::has_session(request, *options.token, std::chrono::system_clock::now())) {
      response.set_header("WWW-Authenticate", "Bearer");
      refuse(request, response, 401, "unauthorized",
             "this server needs its access token: sign in, or send 'Authorization: Bearer TOKEN'",
             "이 서버에는 접근 토큰이 필요합니다: 로그인하거나 'Authorization: Bearer 토큰'을 "
             "보내 주세요");
      return Outcome::Handled;
    }
    if (is_write(request.method)) {
      const std::string origin = lowercase(request.get_header_value("Origin"));
      if ((!origin.empty() && origin != "http://" + host) ||
          request.get_header_value("Sec-Fetch-Site") == "cross-site") {
        refuse(request, response, 403, "forbidden_origin",
               "writes are only accepted from this server's own pages",
               "이 서버의 페이지에서 보낸 쓰기 요청만 받습니다");
        return Outcome::Handled;
      }
      // The 1 MiB limit is enforced on Content-Length; chunked or compressed bodies could
      // outgrow it, so writes must come plain.
      if (request.has_header("Transfer-Encoding") || request.has_header("Content-Encoding")) {
        refuse(request, response, 400, "bad_request",
               "send the request body plainly, with a Content-Length",
               "요청 본문은 압축하거나 나누지 말고 Content-Length와 함께 보내 주세요");
        return Outcome::Handled;
      }
      if (media_type(request.get_header_value("Content-Type")) != "application/json") {
        refuse(request, response, 415, "unsupported_media_type",
               "send the request body as JSON (Content-Type: application/json)",
               "요청 본문은 JSON으로 보내 주세요 (Content-Type: application/json)");
        return Outcome::Handled;
      }
    }
    return Outcome::Unhandled;
  }

  void routes() {
    http::register_system_routes(api, context);
    http::register_entry_routes(api, context);
    http::register_calendar_routes(api, context);
    http::register_board_routes(api, context);
    // Before /tracks/{name}, whose {name} would take "T/members/P" whole.
    http::register_member_routes(api, context);
    http::register_directory_routes(api, context);
    http::register_progress_routes(api, context);
    http::register_goal_routes(api, context);
    http::register_follow_up_routes(api, context);
    http::register_session_routes(api, options.token);
    http::serve_static_assets(server);
    server.set_pre_routing_handler(
        [this](const httplib::Request& request, httplib::Response& response) {
          return guard(request, response);
        });
    server.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
      http::put_asset_body(response);
      response.set_header("Content-Security-Policy",
                          "default-src 'self'; script-src 'self'; style-src 'self'; "
                          "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                          "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
      response.set_header("X-Content-Type-Options", "nosniff");
      response.set_header("Referrer-Policy", "no-referrer");
      // API answers may hold anything the user wrote: never stored. The web view's files set
      // their own (static_assets.cpp).
      if (!response.has_header("Cache-Control")) response.set_header("Cache-Control", "no-store");
    });
    server.set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
      if (!response.body.empty()) return;  // a handler already explained
      if (response.status == 413)
        refuse(request, response, 413, "payload_too_large", "the request body is over 1 MiB",
               "요청 본문이 1 MiB를 넘습니다");
      else if (response.status == 404 && api.knows_path(request.path))
        refuse(request, response, 405, "method_not_allowed",
               request.method + " is not allowed on " + request.path,
               request.path + "에는 " + request.method + " 요청을 쓸 수 없습니다");
      else if (response.status == 404)
        refuse(request, response, 404, "not_found", "no such resource: " + request.path,
               "없는 경로입니다: " + request.path);
      else
        refuse(request, response, response.status, "bad_request", "the request was not understood",
               "요청을 이해하지 못했습니다");
    });
    server.set_exception_handler(
        [this](const httplib::Request& request, httplib::Response& response, std::exception_ptr) {
          refuse(request, response, 500, "internal", "the server failed to answer this request",
                 "서버가 이 요청에 답하지 못했습니다");
        });
  }
};

HttpServer::HttpServer(Database& db, PluginHost& plugins)
    : impl_(std::make_unique<Impl>(db, plugins)) {
  impl_->routes();
}

HttpServer::~HttpServer() = default;

std::vector<std::string> HttpServer::routes() const { return impl_->api.routes(); }

Status HttpServer::serve(const ServerOptions& options,
                         const std::function<void(int port)>& on_listening) {
  if (options.token)
    if (Status token = http::check_access_token(*options.token); !token) return token;
  if (!is_loopback(options.bind_address) && !options.token)
    return Error::invalid("refusing to listen on " + options.bind_address +
                              " without an access token: other machines could read and change "
                              "your log (set one with --token or $HOEGO_TOKEN)",
                          "접근 토큰 없이는 " + options.bind_address +
                              "에서 요청을 받지 않습니다: 다른 컴퓨터가 기록을 읽고 바꿀 수 "
                              "있습니다 (--token이나 $HOEGO_TOKEN으로 토큰을 정해 주세요)");
  if (options.port < 0 || options.port > 65535)
    return Error::invalid("port " + std::to_string(options.port) + " is not between 0 and 65535",
                          "포트는 0 이상 65535 이하여야 합니다: " + std::to_string(options.port));
  impl_->options = options;
  auto& server = impl_->server;
  if (options.web_directory && !server.set_mount_point("/", options.web_directory->string()))
    return Error::invalid(
        "cannot serve the web view from '" + options.web_directory->string() + "': not a directory",
        "디렉터리가 아니어서 웹 화면을 보여 줄 수 없습니다: '" + options.web_directory->string() +
            "'");
  server.set_payload_max_length(1 << 20);
  // Only what cpp-httplib says in its Keep-Alive header: the loop enforces both.
  const http::ConnectionLimits limits;
  server.set_keep_alive_max_count(limits.max_requests_per_connection);
  server.set_keep_alive_timeout(
      std::chrono::duration_cast<std::chrono::seconds>(limits.idle_limit).count());
  auto listening = http::ConnectionLoop::listen(options.bind_address, options.port, limits);
  if (!listening) return listening.error();
  http::ConnectionLoop* loop = listening->get();
  {
    std::lock_guard lock(impl_->loop_mutex);
    if (impl_->stopped) return Status::success();
    impl_->loop = std::move(*listening);
  }
  const int port = loop->port();
  const std::string suffix = ":" + std::to_string(port);
  const std::string bound = options.bind_address.find(':') != std::string::npos
                                ? "[" + options.bind_address + "]"
                                : options.bind_address;
  impl_->own_hosts = {"127.0.0.1" + suffix, "localhost" + suffix, "[::1]" + suffix,
                      lowercase(bound) + suffix};
  impl_->server.set_listening(loop->listening_socket());
  // A read-only database takes no posts; the rounds stop with the server.
  if (options.fetch_feeds && !impl_->db.read_only()) impl_->feeds.start();
  on_listening(port);
  Status served = loop->run(
      [this](httplib::Stream& stream, bool close_connection, bool& connection_closed) {
        return impl_->server.answer(stream, close_connection, connection_closed);
      },
      [this](int status) { return impl_->refusal(status); });
  impl_->server.set_listening(INVALID_SOCKET);
  impl_->feeds.stop();
  std::lock_guard lock(impl_->loop_mutex);
  impl_->loop.reset();
  return served;
}

void HttpServer::stop() {
  std::lock_guard lock(impl_->loop_mutex);
  impl_->stopped = true;
  if (impl_->loop) impl_->loop->stop();
}

}  // namespace hoego
