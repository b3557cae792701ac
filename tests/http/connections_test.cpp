// How the server holds connections (docs/api.md, "Connections"): idle and slow clients cost it
// no worker, a kept-alive connection carries several requests and each ends exactly where its
// framing says, and a port or data directory in use is refused. Loopback only, bounded counts;
// every wait is bounded by a socket timeout, and nothing asserts how long anything took.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "../../core/src/http/connection_loop.h"
#include "../../core/src/http/request_framing.h"
#include "server_fixture.h"

namespace hoego::testing {
namespace {

using http::frame_request;
using http::Framing;

// A client socket connected to the server, closed when it goes out of scope.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    timeval timeout{5, 0};  // a bound on every read: a stuck server fails the test, not hangs it
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawConnection() { close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  bool send_text(const std::string& text) {
    return send(fd_, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
  }
  // Reads until `count` responses have arrived whole (by their Content-Length), the server
  // closes, or the read times out; the bytes read.
  std::string read_responses(int count) {
    std::string received;
    char buffer[8192];
    while (complete_responses(received) < count) {
      const ssize_t length = recv(fd_, buffer, sizeof buffer, 0);
      if (length <= 0) break;
      received.append(buffer, static_cast<size_t>(length));
    }
    return received;
  }
  void shut_write() { shutdown(fd_, SHUT_WR); }
  // Whether the server has closed this connection (a read returns end of file at once).
  bool closed_by_server() {
    timeval short_wait{0, 200'000};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &short_wait, sizeof short_wait);
    char byte;
    return recv(fd_, &byte, 1, 0) == 0;
  }

  static int complete_responses(const std::string& text) {
    int count = 0;
    size_t start = 0;
    for (;;) {
      const size_t head_end = text.find("\r\n\r\n", start);
      if (head_end == std::string::npos) return count;
      const std::string head = text.substr(start, head_end - start);
      size_t length = 0;
      if (const size_t at = head.find("Content-Length: "); at != std::string::npos)
        length = std::stoul(head.substr(at + 16));
      if (text.size() < head_end + 4 + length) return count;
      ++count;
      start = head_end + 4 + length;
    }
  }

 private:
  int fd_;
  bool connected_ = false;
};

std::vector<int> statuses(const std::string& responses) {
  std::vector<int> found;
  for (size_t at = responses.find("HTTP/1.1 "); at != std::string::npos;
       at = responses.find("HTTP/1.1 ", at + 1))
    found.push_back(std::stoi(responses.substr(at + 9, 3)));
  return found;
}

TEST(RequestFraming, WaitsForTheWholeHeadAndBody) {
  EXPECT_EQ(frame_request("GET / HTTP/1.1\r\nHost: x\r\n").state, Framing::State::kIncomplete);
  const Framing get = frame_request("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /next");
  EXPECT_EQ(get.state, Framing::State::kComplete);
  EXPECT_EQ(get.length, 27u);
  const std::string post = "POST /a HTTP/1.1\r\ncontent-LENGTH:  4 \r\n\r\n";
  EXPECT_EQ(frame_request(post + "{}").state, Framing::State::kIncomplete);
  EXPECT_EQ(frame_request(post + "{\"a\"").length, post.size() + 4);
  EXPECT_FALSE(frame_request(post + "{\"a\"").add_zero_length);
}

TEST(RequestFraming, RefusesHeadsTwoParsersCouldReadDifferently) {
  auto status = [](const std::string& text) {
    const Framing framing = frame_request(text);
    return framing.state == Framing::State::kRefused ? framing.status : 0;
  };
  EXPECT_EQ(status("GET / HTTP/1.1\r\nHost: x\nContent-Length: 5\r\n\r\n"), 400);
  EXPECT_EQ(status("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx"), 400);
  EXPECT_EQ(status("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"), 400);
  EXPECT_EQ(status("POST / HTTP/1.1\r\nContent-Length: 0x10\r\n\r\n"), 400);
  EXPECT_EQ(status("GET / HTTP/1.1\r\nno colon here\r\n\r\n"), 400);
  EXPECT_EQ(status("GET / HTTP/1.1\r\n" + std::string(70'000, 'a') + ": b\r\n\r\n"), 431);
  EXPECT_EQ(status(std::string(70'000, 'a')), 431);
}

TEST(RequestFraming, HandsOverBodiesItDoesNotKeepWithTheHeadOnly) {
  EXPECT_EQ(frame_request("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").state,
            Framing::State::kHeadOnly);
  EXPECT_EQ(
      frame_request("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 9\r\n\r\n").state,
      Framing::State::kHeadOnly);
  EXPECT_EQ(frame_request("POST / HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n").state,
            Framing::State::kHeadOnly);
  const Framing delete_without_length = frame_request("DELETE /x HTTP/1.1\r\nHost: y\r\n\r\n");
  EXPECT_EQ(delete_without_length.state, Framing::State::kComplete);
  EXPECT_TRUE(delete_without_length.add_zero_length);
  EXPECT_EQ(delete_without_length.head_end, 29u);
}

class Connections : public ServerTest {
 protected:
  std::string host() const { return "Host: 127.0.0.1:" + std::to_string(port) + "\r\n"; }
  std::string health_request() const { return "GET /api/v1/health HTTP/1.1\r\n" + host() + "\r\n"; }
};

TEST_F(Connections, IdleAndSlowClientsDoNotStopAnswers) {
  // Under the per-client cap (128) nothing is closed: 60 idle connections and 60 that send a
  // request's first lines and then a header byte at a time hold no worker.
  std::vector<std::unique_ptr<RawConnection>> idle, slow;
  auto open_some = [&](size_t idle_count, size_t slow_count) {
    for (size_t i = 0; i < idle_count; ++i) idle.push_back(std::make_unique<RawConnection>(port));
    for (size_t i = 0; i < slow_count; ++i) {
      slow.push_back(std::make_unique<RawConnection>(port));
      slow.back()->send_text("GET /api/v1/health HTTP/1.1\r\n" + host() + "X-Slow: ");
    }
  };
  // Held for about three seconds: a byte every half second, as a slow-headers attack sends.
  auto hold = [] { std::this_thread::sleep_for(std::chrono::milliseconds(500)); };
  open_some(60, 60);
  for (int round = 0; round < 3; ++round) {
    hold();
    for (auto& connection : slow) connection->send_text("a");
    EXPECT_EQ(get("/health").status, 200) << "round " << round;
  }
  // Every one of them is still open and still answers once its request is whole.
  EXPECT_FALSE(idle.front()->closed_by_server());
  ASSERT_TRUE(idle.front()->send_text(health_request()));
  EXPECT_EQ(statuses(idle.front()->read_responses(1)), std::vector<int>{200});
  ASSERT_TRUE(slow.front()->send_text("\r\n\r\n"));
  EXPECT_EQ(statuses(slow.front()->read_responses(1)), std::vector<int>{200});

  // 200 of each: over the cap, the longest-waiting are closed and new requests are answered.
  open_some(140, 140);
  for (int round = 0; round < 3; ++round) {
    hold();
    for (auto& connection : slow) connection->send_text("b");
    EXPECT_EQ(get("/health").status, 200) << "round " << round;
  }
  EXPECT_TRUE(idle.front()->closed_by_server());
}

TEST_F(Connections, AKeptAliveConnectionCarriesRequestsEachFramedByItsLength) {
  RawConnection connection(port);
  ASSERT_TRUE(connection.connected());
  // A write refused by the Origin check has a body that reads like a request: it is skipped by
  // its Content-Length, never parsed as a second request that would pass the guard.
  const std::string smuggled = "DELETE /api/v1/entries/1 HTTP/1.1\r\n" + host() + "\r\n";
  const std::string refused = "POST /api/v1/entries HTTP/1.1\r\n" + host() +
                              "Origin: http://evil.example\r\nContent-Type: application/json\r\n"
                              "Content-Length: " +
                              std::to_string(smuggled.size()) + "\r\n\r\n" + smuggled;
  ASSERT_TRUE(connection.send_text(health_request() + refused + health_request()));
  const std::string responses = connection.read_responses(3);
  EXPECT_EQ(statuses(responses), (std::vector<int>{200, 403, 200})) << responses;
  EXPECT_NE(responses.find("Keep-Alive: timeout=5"), std::string::npos) << responses;
  // The connection is still open for a fourth.
  ASSERT_TRUE(connection.send_text(health_request()));
  EXPECT_EQ(statuses(connection.read_responses(1)), std::vector<int>{200});
}

TEST_F(Connections, AWriteWithoutALengthHasNoBody) {
  RawConnection connection(port);
  ASSERT_TRUE(connection.send_text("DELETE /api/v1/entries/12345 HTTP/1.1\r\n" + host() +
                                   "Content-Type: application/json\r\n\r\n" + health_request()));
  const std::string responses = connection.read_responses(2);
  EXPECT_EQ(statuses(responses), (std::vector<int>{404, 200})) << responses;
}

TEST_F(Connections, AMalformedHeadIsRefusedInJsonAndClosed) {
  RawConnection connection(port);
  ASSERT_TRUE(connection.send_text("POST /api/v1/entries HTTP/1.1\r\n" + host() +
                                   "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}"));
  const std::string response = connection.read_responses(1);
  EXPECT_EQ(statuses(response), std::vector<int>{400}) << response;
  EXPECT_NE(response.find("\"code\":\"bad_request\""), std::string::npos) << response;
  EXPECT_NE(response.find("Connection: close"), std::string::npos) << response;
  EXPECT_TRUE(connection.closed_by_server());
}

TEST_F(Connections, ARequestSentBeforeTheClientShutsItsSideIsAnswered) {
  RawConnection connection(port);
  ASSERT_TRUE(connection.send_text(health_request()));
  // One-shot clients (printf … | nc) close their side right after the request: the answer
  // still comes, then the server closes.
  connection.shut_write();
  EXPECT_EQ(statuses(connection.read_responses(1)), std::vector<int>{200});
}

TEST_F(Connections, ASecondServerOnTheSamePortIsRefused) {
  ServerOptions options;
  options.port = port;
  HttpServer second(*db, plugins);
  bool listened = false;
  const Status status = second.serve(options, [&](int) { listened = true; });
  EXPECT_FALSE(listened);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("using the port"), std::string::npos)
      << status.error().message;
  EXPECT_EQ(get("/health").status, 200);  // the first one still answers, alone
}

// The loop on its own, with deadlines short enough to wait out: a request that does not arrive
// in time is refused with 408 and closed, an idle connection is closed, and a connection that
// keeps sending requests on time stays open.
TEST(ConnectionLoopDeadlines, CloseWhatDoesNotArriveInTime) {
  http::ConnectionLimits limits;
  limits.request_deadline = std::chrono::milliseconds(300);
  limits.idle_limit = std::chrono::milliseconds(1000);
  auto listening = http::ConnectionLoop::listen("127.0.0.1", 0, limits);
  ASSERT_TRUE(listening.ok()) << listening.error().message;
  std::unique_ptr<http::ConnectionLoop> loop = std::move(*listening);
  const std::string ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
  std::thread serving([&] {
    (void)loop->run(
        [&ok](httplib::Stream& stream, bool, bool&) {
          char line[256];
          (void)stream.read(line, sizeof line);  // the test's requests fit in one read
          return stream.write(ok.data(), ok.size()) == static_cast<ssize_t>(ok.size());
        },
        [](int status) {
          return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: 0\r\n\r\n";
        });
  });
  const std::string request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
  RawConnection slow(loop->port()), idle(loop->port()), busy(loop->port());
  ASSERT_TRUE(slow.send_text("GET / HTTP/1.1\r\nHost:"));
  // A request every 100 ms for 1.3 s: ten times within the idle limit, while the idle
  // connection outlives it.
  for (int i = 0; i < 13; ++i) {
    ASSERT_TRUE(busy.send_text(request));
    EXPECT_EQ(statuses(busy.read_responses(1)), std::vector<int>{200}) << i;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(statuses(slow.read_responses(1)), std::vector<int>{408});
  EXPECT_TRUE(slow.closed_by_server());
  EXPECT_TRUE(idle.closed_by_server());
  ASSERT_TRUE(busy.send_text(request));
  EXPECT_EQ(statuses(busy.read_responses(1)), std::vector<int>{200});
  loop->stop();
  serving.join();
}

// Bodies still arriving are bounded over all connections: past the bound the connection that
// has waited longest gives its bytes up, and the others, and new requests, go on.
TEST(ConnectionLoopMemory, BodiesStillArrivingAreBoundedOverAllConnections) {
  http::ConnectionLimits limits;
  limits.max_waiting_bytes = 300 * 1024;
  auto listening = http::ConnectionLoop::listen("127.0.0.1", 0, limits);
  ASSERT_TRUE(listening.ok()) << listening.error().message;
  std::unique_ptr<http::ConnectionLoop> loop = std::move(*listening);
  std::thread serving([&] {
    (void)loop->run(
        [](httplib::Stream& stream, bool, bool&) {
          const std::string ok = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
          return stream.write(ok.data(), ok.size()) == static_cast<ssize_t>(ok.size());
        },
        [](int) { return std::string(); });
  });
  const std::string head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n";
  const std::string part(200 * 1024, 'a');  // a fifth of the body
  RawConnection first(loop->port());
  ASSERT_TRUE(first.send_text(head + part));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // first is the oldest
  RawConnection second(loop->port());
  ASSERT_TRUE(second.send_text(head + part));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_TRUE(first.closed_by_server() || !first.send_text("a"));
  EXPECT_FALSE(second.closed_by_server());
  RawConnection third(loop->port());
  ASSERT_TRUE(third.send_text("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(statuses(third.read_responses(1)), std::vector<int>{200});
  loop->stop();
  serving.join();
}

}  // namespace
}  // namespace hoego::testing
