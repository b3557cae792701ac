#include <hoego/core/http_server.h>
#include <hoego/core/migrations.h>
#include <hoego/sdk.h>
#include <httplib.h>

#include <mutex>
#include <nlohmann/json.hpp>
#include <string_view>

#include "web_assets.h"

namespace hoego {
namespace {

using nlohmann::json;

bool is_loopback(const std::string& address) {
  return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

std::string content_type_for(std::string_view path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".js") || ends_with(".mjs")) return "text/javascript; charset=utf-8";
  if (ends_with(".svg")) return "image/svg+xml";
  if (ends_with(".json")) return "application/json";
  return "application/octet-stream";
}

void send_json(httplib::Response& response, const json& body, int status = 200) {
  response.status = status;
  response.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

json plugin_json(const LoadedPlugin& plugin) {
  return json{{"id", plugin.id()},
              {"version", plugin.manifest().version},
              {"sdk_version", plugin.sdk_version_text()},
              {"path", plugin.path().string()},
              {"manifest", plugin.manifest().source}};
}

}  // namespace

struct HttpServer::Impl {
  Database& db;
  const PluginHost& plugins;
  std::mutex db_mutex;  // one connection, one request at a time
  httplib::Server server;

  Impl(Database& database, const PluginHost& host) : db(database), plugins(host) {}

  void routes() {
    server.Get("/api/v1/health", [this](const httplib::Request&, httplib::Response& response) {
      std::lock_guard lock(db_mutex);
      auto version = db.schema_version();
      send_json(response,
                {{"status", version ? "ok" : "degraded"},
                 {"schema_version", version ? *version : 0},
                 {"sdk_version", std::to_string(HOEGO_SDK_VERSION_MAJOR) + "." +
                                     std::to_string(HOEGO_SDK_VERSION_MINOR)}},
                version ? 200 : 503);
    });
    server.Get("/api/v1/plugins", [this](const httplib::Request&, httplib::Response& response) {
      json loaded = json::array(), refused = json::array();
      for (const auto& plugin : plugins.plugins()) loaded.push_back(plugin_json(*plugin));
      for (const auto& refusal : plugins.refusals())
        refused.push_back({{"path", refusal.path.string()}, {"reason", refusal.reason}});
      send_json(response, {{"plugins", loaded}, {"refused", refused}});
    });
    for (const WebAsset& asset : web_assets()) {
      const std::string path = asset.path == std::string_view("/index.html") ? "/" : asset.path;
      server.Get(path, [asset](const httplib::Request&, httplib::Response& response) {
        response.set_content(asset.data, asset.size, content_type_for(asset.path));
      });
    }
    server.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
      response.set_header("Content-Security-Policy",
                          "default-src 'self'; script-src 'self'; style-src 'self'; "
                          "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                          "frame-ancestors 'none'");
      response.set_header("X-Content-Type-Options", "nosniff");
      response.set_header("Referrer-Policy", "no-referrer");
    });
    server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
      if (response.body.empty())
        send_json(response, {{"error", {{"code", "not_found"}, {"message", "no such resource"}}}},
                  response.status);
    });
  }
};

HttpServer::HttpServer(Database& db, const PluginHost& plugins)
    : impl_(std::make_unique<Impl>(db, plugins)) {
  impl_->routes();
}

HttpServer::~HttpServer() = default;

Status HttpServer::serve(const ServerOptions& options,
                         const std::function<void(int port)>& on_listening) {
  if (!is_loopback(options.bind_address))
    return Error::invalid("refusing to listen on " + options.bind_address +
                          ": hoego serves only this machine (127.0.0.1) until access tokens exist");
  if (options.port < 0 || options.port > 65535)
    return Error::invalid("port " + std::to_string(options.port) + " is not between 0 and 65535");
  auto& server = impl_->server;
  // Without TCP_NODELAY small JSON answers wait on Nagle's algorithm (~40 ms each).
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(1 << 20);
  if (options.web_directory && !server.set_mount_point("/", options.web_directory->string()))
    return Error::invalid("cannot serve the web view from '" + options.web_directory->string() +
                          "': not a directory");
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.bind_address);
  } else if (!server.bind_to_port(options.bind_address, port)) {
    port = -1;
  }
  if (port < 0)
    return Error::invalid("cannot listen on " + options.bind_address + ":" +
                          std::to_string(options.port) + " (is the port in use?)");
  on_listening(port);
  if (!server.listen_after_bind()) return Error::internal("the server stopped unexpectedly");
  return Status::success();
}

void HttpServer::stop() { impl_->server.stop(); }

}  // namespace hoego
