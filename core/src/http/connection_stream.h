// The httplib::Stream a worker answers one request on: it reads the bytes the connection loop
// already received, then the socket until the request's deadline, and writes until the write
// deadline. The socket is non-blocking; waits are poll()s bounded by the deadlines, so a client
// that stops reading or sending holds a worker for a bounded time only.
#pragma once

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <string>

namespace hoego::http {

// "127.0.0.1" or "::1" and the port, from an address getsockname or accept gave.
std::string address_text(const sockaddr_storage& address, int& port);

class ConnectionStream : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  // `buffer` holds received bytes not yet read; reads consume it from `offset`.
  ConnectionStream(int fd, const std::string& buffer, const std::string& peer_address,
                   int peer_port, Clock::time_point read_deadline,
                   std::chrono::milliseconds write_limit)
      : fd_(fd),
        buffer_(buffer),
        peer_address_(peer_address),
        peer_port_(peer_port),
        read_deadline_(read_deadline),
        write_limit_(write_limit) {}

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

  // How many buffered bytes the request's parser consumed.
  size_t consumed() const { return offset_; }

 private:
  // Waits for `events` on the socket until `deadline`; whether they came.
  bool wait_for(short events, Clock::time_point deadline) const;

  int fd_;
  const std::string& buffer_;
  size_t offset_ = 0;
  std::string peer_address_;
  int peer_port_;
  Clock::time_point read_deadline_;
  std::chrono::milliseconds write_limit_;
};

}  // namespace hoego::http
