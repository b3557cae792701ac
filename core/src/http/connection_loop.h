// The server's connections, held on purpose (see docs/api.md, "Connections"): one thread waits
// on every open connection with epoll and hands a worker only a request whose head and body have
// fully arrived, so idle, slow or half-sent connections cost a file descriptor and no thread.
// A kept-alive connection goes back to waiting between requests. Deadlines close a request that
// does not arrive in time and a connection left idle; caps on connections, overall and per
// client address, close the longest-waiting connection first, so that a new request is answered.
//
// cpp-httplib's own listen loop gives each connection a worker from a pool of 8 for its whole
// keep-alive life, with a per-read timeout only, and sets SO_REUSEPORT: eight idle connections
// stopped every other client, and a second server could share the port. Its request parsing,
// routing and responses are still used, through Server::process_request.
#pragma once

#include <hoego/core/result.h>
#include <httplib.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace hoego::http {

struct ConnectionLimits {
  // From a request's first byte until its head and body are in.
  std::chrono::milliseconds request_deadline{10'000};
  // A kept-alive connection with no request in flight, and a new one before its first byte.
  std::chrono::milliseconds idle_limit{5'000};
  // For one write of a response to make progress.
  std::chrono::milliseconds write_limit{10'000};
  size_t max_connections = 512;  // below the usual 1,024 descriptors, with room for the rest
  size_t max_per_client = 128;   // browsers open 6 per host
  size_t workers = 8;            // requests being answered at once
  size_t max_requests_per_connection = 1'000;
  // Bytes of requests still arriving, over every connection: bodies up to 1 MiB are kept whole
  // before a worker sees them, so without a bound 512 slow uploads could hold 512 MiB.
  size_t max_waiting_bytes = 64 << 20;
};

class ConnectionLoop {
 public:
  // Answers the request at the start of the stream; `close_connection` asks it to answer with
  // Connection: close; it sets `connection_closed` when the client asked so. False when the
  // connection failed.
  using Answer =
      std::function<bool(httplib::Stream& stream, bool close_connection, bool& connection_closed)>;
  // A whole response (status line, headers, body) refusing a request before it reached the
  // routes: 400, 408 or 431.
  using Refusal = std::function<std::string(int status)>;

  // Listens on host:port (0 picks a free port) with the kernel's largest backlog and without
  // SO_REUSEPORT, so that a port another server holds is refused.
  static Result<std::unique_ptr<ConnectionLoop>> listen(const std::string& host, int port,
                                                        const ConnectionLimits& limits);
  ~ConnectionLoop();
  ConnectionLoop(const ConnectionLoop&) = delete;
  ConnectionLoop& operator=(const ConnectionLoop&) = delete;

  int port() const;
  int listening_socket() const;
  // Serves until stop(): waits on connections on this thread, answers on `limits.workers`
  // threads. Requests being answered when it stops are finished.
  Status run(const Answer& answer, const Refusal& refusal);
  // Makes run() return. Safe from any thread.
  void stop();

 private:
  struct Impl;
  explicit ConnectionLoop(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hoego::http
