#include "connection_loop.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "connection_stream.h"
#include "request_framing.h"

namespace hoego::http {
namespace {

using Clock = std::chrono::steady_clock;

struct Connection {
  int fd = -1;
  std::string client;  // the peer's address: the caps count connections per address
  int client_port = 0;
  std::string buffer;  // received, not yet answered
  Clock::time_point deadline;
  Clock::time_point last_active;
  size_t served = 0;
  bool in_worker = false;
  Framing framing;           // of the request a worker answers
  bool keep = false;         // set by the worker: the connection may carry another request
  bool peer_closed = false;  // the client sent all it will: answer what is in, then close
};

// Sends what fits without waiting: a refusal is best effort before closing.
void send_now(int fd, const std::string& text) {
  (void)::send(fd, text.data(), text.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

}  // namespace

struct ConnectionLoop::Impl {
  ConnectionLimits limits;
  int listener = -1;
  int epoll = -1;
  int wake = -1;  // eventfd: workers hand connections back, stop() ends the loop
  int port = 0;
  std::atomic<bool> stopping{false};

  // Owned by the loop's thread, except a connection's fields while it is in_worker.
  std::unordered_map<int, std::unique_ptr<Connection>> connections;
  std::unordered_map<std::string, size_t> per_client;
  Clock::time_point last_sweep;

  std::mutex mutex;
  std::condition_variable work;
  std::deque<Connection*> jobs;
  std::vector<Connection*> answered;
  bool workers_stop = false;

  ~Impl() {
    for (auto& [fd, connection] : connections) ::close(fd);
    for (int fd : {listener, epoll, wake})
      if (fd >= 0) ::close(fd);
  }

  void watch(Connection& connection) {
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.fd = connection.fd;
    ::epoll_ctl(epoll, EPOLL_CTL_ADD, connection.fd, &event);
  }

  void close_connection(int fd) {
    auto found = connections.find(fd);
    if (found == connections.end()) return;
    if (auto count = per_client.find(found->second->client);
        count != per_client.end() && --count->second == 0)
      per_client.erase(count);
    ::epoll_ctl(epoll, EPOLL_CTL_DEL, fd, nullptr);
    ::close(fd);
    connections.erase(found);
  }

  // The connection of `client` (any client when empty) that has waited longest without a
  // request being answered on it; nullptr when every one is being answered.
  Connection* longest_waiting(const std::string& client) {
    Connection* oldest = nullptr;
    for (auto& [fd, connection] : connections) {
      if (connection->in_worker || (!client.empty() && connection->client != client)) continue;
      if (oldest == nullptr || connection->last_active < oldest->last_active)
        oldest = connection.get();
    }
    return oldest;
  }

  // Keeps the bytes of requests still arriving under the limit by closing the longest-waiting
  // connections that hold some; false when `current` was one of them.
  bool bound_waiting_bytes(const Connection& current) {
    // Requests under 64 KiB each cannot add up to much under the connection caps: only a
    // connection holding more pays for counting.
    if (current.buffer.size() <= 64 * 1024) return true;
    size_t waiting = 0;
    for (const auto& [fd, connection] : connections)
      if (!connection->in_worker) waiting += connection->buffer.size();
    bool current_open = true;
    while (waiting > limits.max_waiting_bytes) {
      Connection* oldest = nullptr;
      for (auto& [fd, connection] : connections)
        if (!connection->in_worker && !connection->buffer.empty() &&
            (oldest == nullptr || connection->last_active < oldest->last_active))
          oldest = connection.get();
      if (oldest == nullptr) break;
      waiting -= oldest->buffer.size();
      if (oldest == &current) current_open = false;
      close_connection(oldest->fd);
    }
    return current_open;
  }

  // Makes room for a new connection from `client` under the caps; false when there is none.
  bool make_room(const std::string& client) {
    auto count = per_client.find(client);
    if (count != per_client.end() && count->second >= limits.max_per_client) {
      Connection* victim = longest_waiting(client);
      if (victim == nullptr) return false;
      close_connection(victim->fd);
    }
    if (connections.size() < limits.max_connections) return true;
    // Over the overall cap, the client holding the most connections gives one up.
    std::string greediest;
    size_t most = 0;
    for (const auto& [address, held] : per_client)
      if (held > most) most = held, greediest = address;
    Connection* victim = longest_waiting(greediest);
    if (victim == nullptr) victim = longest_waiting({});
    if (victim == nullptr) return false;
    close_connection(victim->fd);
    return true;
  }

  void accept_all() {
    for (;;) {
      sockaddr_storage address{};
      socklen_t length = sizeof(address);
      const int fd = ::accept4(listener, reinterpret_cast<sockaddr*>(&address), &length,
                               SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        // Out of descriptors: give up the longest-waiting connection and try again later.
        if ((errno == EMFILE || errno == ENFILE) && !connections.empty()) {
          if (Connection* victim = longest_waiting({}); victim != nullptr)
            close_connection(victim->fd);
        }
        return;
      }
      auto connection = std::make_unique<Connection>();
      connection->fd = fd;
      connection->client = address_text(address, connection->client_port);
      if (!make_room(connection->client)) {
        ::close(fd);
        continue;
      }
      const int on = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
      connection->last_active = Clock::now();
      connection->deadline = connection->last_active + limits.idle_limit;
      ++per_client[connection->client];
      watch(*connection);
      connections.emplace(fd, std::move(connection));
    }
  }

  void receive(Connection& connection, const ConnectionLoop::Refusal& refusal) {
    // Enough for the largest head and body it frames; more waits in the kernel.
    const FramingLimits framing_limits;
    const size_t most = framing_limits.max_head + framing_limits.max_buffered_body + 4096;
    char chunk[16384];
    while (connection.buffer.size() < most) {
      const ssize_t received = ::recv(connection.fd, chunk, sizeof(chunk), 0);
      if (received > 0) {
        const auto now = Clock::now();
        if (connection.buffer.empty()) connection.deadline = now + limits.request_deadline;
        connection.last_active = now;
        connection.buffer.append(chunk, static_cast<size_t>(received));
        continue;
      }
      if (received < 0 && errno == EINTR) continue;
      if (received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      if (received < 0) return close_connection(connection.fd);
      connection.peer_closed = true;  // a request sent before the client shut its side is answered
      break;
    }
    if (!bound_waiting_bytes(connection)) return;
    const int fd = connection.fd;
    if (consider(connection, refusal) && connection.peer_closed && !connection.in_worker)
      close_connection(fd);
  }

  // Hands a request that has arrived to a worker, refuses one that cannot be framed, or waits.
  // False when it closed the connection.
  bool consider(Connection& connection, const ConnectionLoop::Refusal& refusal) {
    if (connection.buffer.empty()) return true;
    Framing framing = frame_request(connection.buffer);
    switch (framing.state) {
      case Framing::State::kIncomplete:
        return true;
      case Framing::State::kRefused:
        send_now(connection.fd, refusal(framing.status));
        close_connection(connection.fd);
        return false;
      case Framing::State::kComplete:
      case Framing::State::kHeadOnly:
        break;
    }
    if (framing.add_zero_length) {
      static const std::string zero = "Content-Length: 0\r\n";
      connection.buffer.insert(framing.head_end, zero);
      framing.length += zero.size();
    }
    ::epoll_ctl(epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
    connection.in_worker = true;
    connection.framing = framing;
    {
      std::lock_guard lock(mutex);
      jobs.push_back(&connection);
    }
    work.notify_one();
    return true;
  }

  // A worker is done with `connection`: close it, or wait for its next request.
  void take_back(Connection& connection, const ConnectionLoop::Refusal& refusal) {
    connection.in_worker = false;
    if (!connection.keep || connection.peer_closed || stopping)
      return close_connection(connection.fd);
    ++connection.served;
    const auto now = Clock::now();
    connection.last_active = now;
    connection.deadline =
        now + (connection.buffer.empty() ? limits.idle_limit : limits.request_deadline);
    watch(connection);
    (void)consider(connection, refusal);  // a pipelined request may be in already
  }

  void sweep(const ConnectionLoop::Refusal& refusal) {
    const auto now = Clock::now();
    if (now - last_sweep < std::chrono::milliseconds(50)) return;
    last_sweep = now;
    std::vector<int> expired;
    for (const auto& [fd, connection] : connections)
      if (!connection->in_worker && connection->deadline <= now) expired.push_back(fd);
    for (int fd : expired) {
      if (!connections.at(fd)->buffer.empty()) send_now(fd, refusal(408));
      close_connection(fd);
    }
  }

  void answer_one(Connection& connection, const ConnectionLoop::Answer& answer) {
    const bool head_only = connection.framing.state == Framing::State::kHeadOnly;
    const bool close =
        head_only || stopping || connection.served + 1 >= limits.max_requests_per_connection;
    // A body the loop did not wait for (Expect: 100-continue, chunked, too large to keep)
    // must arrive within a request deadline of its own.
    const auto read_deadline =
        head_only ? Clock::now() + limits.request_deadline : connection.deadline;
    ConnectionStream stream(connection.fd, connection.buffer, connection.client,
                            connection.client_port, read_deadline, limits.write_limit);
    bool closed = false;
    bool answered_well = false;
    try {
      answered_well = answer(stream, close, closed);
    } catch (...) {
      answered_well = false;
    }
    connection.keep = answered_well && !close && !closed;
    // The request ends where the framing said, whatever the routes read of its body.
    if (connection.keep) connection.buffer.erase(0, connection.framing.length);
  }

  void work_loop(const ConnectionLoop::Answer& answer) {
    for (;;) {
      Connection* connection = nullptr;
      {
        std::unique_lock lock(mutex);
        work.wait(lock, [this] { return workers_stop || !jobs.empty(); });
        if (workers_stop) return;
        connection = jobs.front();
        jobs.pop_front();
      }
      answer_one(*connection, answer);
      {
        std::lock_guard lock(mutex);
        answered.push_back(connection);
      }
      const uint64_t one = 1;
      (void)::write(wake, &one, sizeof(one));
    }
  }
};

ConnectionLoop::ConnectionLoop(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ConnectionLoop::~ConnectionLoop() = default;

int ConnectionLoop::port() const { return impl_->port; }
int ConnectionLoop::listening_socket() const { return impl_->listener; }

Result<std::unique_ptr<ConnectionLoop>> ConnectionLoop::listen(const std::string& host, int port,
                                                               const ConnectionLimits& limits) {
  const std::string where = host + ":" + std::to_string(port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 ||
      found == nullptr)
    return Error::invalid("cannot listen on " + where + ": no such address",
                          where + "에서 요청을 받을 수 없습니다: 없는 주소입니다");
  auto impl = std::make_unique<Impl>();
  impl->limits = limits;
  int failure = 0;
  for (addrinfo* candidate = found; candidate != nullptr; candidate = candidate->ai_next) {
    const int fd =
        ::socket(candidate->ai_family, candidate->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) continue;
    // SO_REUSEADDR lets a restarted server bind while old connections linger in TIME_WAIT;
    // unlike SO_REUSEPORT it never lets two listening sockets share the port.
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    if (candidate->ai_family == AF_INET6) {
      const int off = 0;  // "::" takes IPv4 too
      ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
    }
    if (::bind(fd, candidate->ai_addr, candidate->ai_addrlen) == 0 &&
        ::listen(fd, SOMAXCONN) == 0) {
      impl->listener = fd;
      break;
    }
    failure = errno;
    ::close(fd);
  }
  ::freeaddrinfo(found);
  if (impl->listener < 0) {
    if (failure == EADDRINUSE)
      return Error::conflict(
          "cannot listen on " + where +
              ": another program, perhaps another hoego serve, is "
              "using the port (pick another with --port)",
          where +
              "에서 요청을 받을 수 없습니다: 다른 프로그램(다른 hoego serve일 수도 "
              "있습니다)이 이 포트를 쓰고 있습니다 (--port로 다른 포트를 골라 주세요)");
    return Error::invalid("cannot listen on " + where + ": " + std::strerror(failure),
                          where + "에서 요청을 받을 수 없습니다: " + std::strerror(failure));
  }
  sockaddr_storage bound{};
  socklen_t length = sizeof(bound);
  ::getsockname(impl->listener, reinterpret_cast<sockaddr*>(&bound), &length);
  (void)address_text(bound, impl->port);
  impl->epoll = ::epoll_create1(EPOLL_CLOEXEC);
  impl->wake = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (impl->epoll < 0 || impl->wake < 0)
    return Error::internal(std::string("cannot wait on connections: ") + std::strerror(errno),
                           std::string("연결을 기다릴 수 없습니다: ") + std::strerror(errno));
  for (int fd : {impl->listener, impl->wake}) {
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = fd;
    ::epoll_ctl(impl->epoll, EPOLL_CTL_ADD, fd, &event);
  }
  return std::unique_ptr<ConnectionLoop>(new ConnectionLoop(std::move(impl)));
}

Status ConnectionLoop::run(const Answer& answer, const Refusal& refusal) {
  Impl& loop = *impl_;
  std::vector<std::thread> workers;
  for (size_t i = 0; i < std::max<size_t>(1, loop.limits.workers); ++i)
    workers.emplace_back([&loop, &answer] { loop.work_loop(answer); });

  epoll_event events[64];
  while (!loop.stopping) {
    const int ready = ::epoll_wait(loop.epoll, events, 64, 100);
    for (int i = 0; i < ready && !loop.stopping; ++i) {
      const int fd = events[i].data.fd;
      if (fd == loop.listener) {
        loop.accept_all();
      } else if (fd == loop.wake) {
        uint64_t count = 0;
        (void)::read(loop.wake, &count, sizeof(count));
        std::vector<Connection*> answered;
        {
          std::lock_guard lock(loop.mutex);
          answered.swap(loop.answered);
        }
        for (Connection* connection : answered) loop.take_back(*connection, refusal);
      } else if (auto found = loop.connections.find(fd);
                 found != loop.connections.end() && !found->second->in_worker) {
        loop.receive(*found->second, refusal);
      }
    }
    loop.sweep(refusal);
  }

  {
    std::lock_guard lock(loop.mutex);
    loop.workers_stop = true;
    loop.jobs.clear();
  }
  loop.work.notify_all();
  for (auto& worker : workers) worker.join();
  return Status::success();
}

void ConnectionLoop::stop() {
  impl_->stopping = true;
  const uint64_t one = 1;
  (void)::write(impl_->wake, &one, sizeof(one));
}

}  // namespace hoego::http
