// The local HTTP server: the JSON API under /api/v1 and the embedded web view at /.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

struct ServerOptions {
  std::string bind_address = "127.0.0.1";
  int port = 8421;  // 0 picks a free port
  // Required when bind_address is not loopback: other machines can reach the server then. Every
  // API request carries it as a Bearer header or a session cookie from POST /api/v1/session.
  // At least 16 characters, neither only whitespace nor one character repeated (serve() refuses
  // it otherwise, saying why).
  std::optional<std::string> token;
  // The time zone when the user fixed one for this run (--tz, $HOEGO_TZ); otherwise the stored
  // setting, else the system's, read on each request.
  std::optional<std::string> time_zone;
  // The language when neither a stored setting nor the user's environment names one.
  std::string language = "en";
  // Serves the web view from this directory instead of the copy embedded at build time, so that
  // a change to web/ shows on reload while developing it.
  std::optional<std::filesystem::path> web_directory;
  // Fetches the members' feeds on the schedule the setting feed_interval gives (feed_schedule.h).
  bool fetch_feeds = true;
};

class HttpServer {
 public:
  // While serve() runs, the server owns `db`: it answers one request at a time on it, and keeps
  // GET answers while the data it can see stays the same. Write to the file from another
  // connection (the CLI does), or on `db` only between requests.
  HttpServer(Database& db, PluginHost& plugins);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and serves until stop(). Calls `on_listening` with the bound port once requests are
  // accepted. Refuses an address other than loopback unless a token is set.
  Status serve(const ServerOptions& options, const std::function<void(int port)>& on_listening);
  // Makes serve() return. Safe from any thread, and from a signal-handling thread.
  void stop();

  // "GET /api/v1/entries/{id}", one per API route, for documentation checks.
  std::vector<std::string> routes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hoego
