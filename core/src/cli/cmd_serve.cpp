// hoego serve: the local web view and JSON API.
#include <hoego/core/http_server.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "commands.h"
#include "serve_lock.h"

namespace hoego::cli {
namespace {

// Stops the server on SIGINT/SIGTERM from a thread that waits for them, so that the stop runs
// outside a signal handler.
void stop_on_signals(HttpServer& server) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread([signals, &server]() mutable {
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
  }).detach();
}

}  // namespace

void register_serve_command(CLI::App& app, Context& context) {
  static ServerOptions options;
  auto* serve = app.add_subcommand("serve", "Serve the web view and JSON API on this machine");
  serve->add_option("--port", options.port, "Port (0 picks a free one)")->capture_default_str();
  serve
      ->add_option("--bind", options.bind_address,
                   "Address to listen on; other than loopback, it needs --token")
      ->capture_default_str();
  serve->add_option("--token", options.token,
                    "Access token: the web view asks for it once, programs send it as "
                    "'Authorization: Bearer TOKEN' (at least 16 characters, not all one character "
                    "or spaces; default $HOEGO_TOKEN)");
  serve->add_option("--web-dir", options.web_directory,
                    "Serve the web view from this directory instead of the built-in copy "
                    "(for developing it)");
  serve->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    if (!options.token)
      if (const char* token = std::getenv("HOEGO_TOKEN"); token != nullptr && *token != '\0')
        options.token = token;
    // A zone fixed for this run wins; otherwise the server reads the stored setting per request.
    if (context.options().time_zone) {
      options.time_zone = context.options().time_zone;
    } else if (const char* zone = std::getenv("HOEGO_TZ"); zone != nullptr && *zone != '\0') {
      options.time_zone = zone;
    }
    const Words words = context.words();
    options.language = words.language;
    // On stderr: the first line on stdout is the address, which scripts read.
    if (db->read_only()) {
      if (words.korean())
        std::cerr << "hoego: " << db->file_name()
                  << " 은(는) 읽기 전용입니다: 읽기만 하고 쓰기 요청은 거절합니다 (503)\n";
      else
        std::cerr << "hoego: " << db->file_name()
                  << " is read-only: reads are served, writes are refused (503)\n";
    }
    auto lock = ServeLock::take(db->file_name());
    if (!lock) {
      context.exit_code = context.fail(lock.error());
      return;
    }
    HttpServer server(*db, context.plugins());
    stop_on_signals(server);
    auto status = server.serve(options, [&words, &lock](int port) {
      const std::string host = options.bind_address.find(':') != std::string::npos
                                   ? "[" + options.bind_address + "]"
                                   : options.bind_address;
      const std::string address = "http://" + host + ":" + std::to_string(port) + "/";
      lock->record(address);
      if (words.korean())
        std::cout << "hoego가 " << address << " 에서 열려 있습니다 (Ctrl-C로 멈춥니다)"
                  << std::endl;
      else
        std::cout << "hoego is serving on " << address << " (Ctrl-C stops it)" << std::endl;
    });
    if (!status) context.exit_code = context.fail(status.error());
  });
}

}  // namespace hoego::cli
