// Fuzz target: the HTTP server and its API handlers, over a real loopback socket. The input is
// sent as the raw request, with every "{host}" replaced by the server's own host and port so
// that the fuzzer can get past the Host check. The server must answer or close, never crash.
#include <arpa/inet.h>
#include <hoego/core/database.h>
#include <hoego/core/http_server.h>
#include <hoego/core/plugin_host.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace {

class RunningServer {
 public:
  RunningServer() {
    plugins_.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    db_.emplace(std::move(hoego::Database::open(":memory:").value()));
    server_.emplace(*db_, plugins_);
    thread_ = std::thread([this] {
      hoego::ServerOptions options;
      options.port = 0;
      options.time_zone = "Asia/Seoul";
      (void)server_->serve(options, [this](int port) {
        std::lock_guard lock(mutex_);
        port_ = port;
        ready_.notify_all();
      });
    });
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return port_ != 0; });
  }
  ~RunningServer() {
    server_->stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  hoego::PluginHost plugins_;
  std::optional<hoego::Database> db_;
  std::optional<hoego::HttpServer> server_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable ready_;
  int port_ = 0;
};

void exchange(int port, const std::string& request) {
  const int connection = socket(AF_INET, SOCK_STREAM, 0);
  if (connection < 0) return;
  timeval timeout{1, 0};
  setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(connection, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    (void)send(connection, request.data(), request.size(), MSG_NOSIGNAL);
    shutdown(connection, SHUT_WR);
    char buffer[4096];
    while (recv(connection, buffer, sizeof buffer, 0) > 0) {
    }
  }
  close(connection);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static RunningServer server;
  std::string request(reinterpret_cast<const char*>(data), size);
  const std::string host = "127.0.0.1:" + std::to_string(server.port());
  for (size_t at = request.find("{host}"); at != std::string::npos;
       at = request.find("{host}", at + host.size()))
    request.replace(at, 6, host);
  exchange(server.port(), request);
  return 0;
}
