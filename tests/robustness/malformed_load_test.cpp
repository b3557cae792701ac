// The server under a bounded loopback load with malformed requests mixed in keeps answering the
// good ones: garbage, truncated bodies, lying lengths, oversized headers, a foreign Host, bad
// JSON, and a client that sends half a request and goes quiet.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "../cli/cli_runner.h"
#include "../support/child_process.h"

namespace hoego {
namespace {

// Sends raw bytes on a connection of its own and reads until the server closes it.
void send_raw(int port, const std::string& bytes) {
  const int connection = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(connection, 0);
  timeval timeout{2, 0};
  setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(connection, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    (void)send(connection, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    shutdown(connection, SHUT_WR);
    char buffer[4096];
    while (recv(connection, buffer, sizeof buffer, 0) > 0) {
    }
  }
  close(connection);
}

std::vector<std::string> malformed_requests(int port) {
  const std::string host = "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";
  return {
      "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http at all",
      "GET /api/v1/entries HTTP/1.1\r\n" + host + std::string(20000, 'X') + ": y\r\n\r\n",
      "POST /api/v1/entries HTTP/1.1\r\n" + host +
          "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"plugin\":",
      "POST /api/v1/entries HTTP/1.1\r\n" + host +
          "Content-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"a\":[[[[",
      "POST /api/v1/entries HTTP/1.1\r\n" + host +
          "Content-Type: application/json\r\nContent-Length: -1\r\n\r\n{}",
      "GET /api/v1/entries HTTP/1.1\r\nHost: evil.example\r\n\r\n",
      "GET /%00%ff/../../etc/passwd HTTP/1.1\r\n" + host + "\r\n",
      "DELETE /api/v1/entries/99999999999999999999 HTTP/1.1\r\n" + host +
          "Content-Type: application/json\r\nContent-Length: 0\r\n\r\n",
      "POST /api/v1/entries HTTP/1.1\r\n" + host +
          "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nffffffff\r\n{",
      std::string(64 * 1024, 'A'),
  };
}

TEST(MalformedLoad, GoodRequestsAreAnsweredWhileBadOnesArrive) {
  testing::CliRunner cli;
  ASSERT_EQ(cli.run({"add", "writing", "post", "--title", "첫 글"}).exit_code, 0);
  testing::ChildProcess server({HOEGO_BINARY, "serve", "--port", "0"},
                               {{"HOEGO_DATA", cli.data_directory().string()},
                                {"HOEGO_TZ", "Asia/Seoul"},
                                {"HOEGO_PLUGIN_PATH", ""}});
  ASSERT_TRUE(server.started());
  std::string line;
  const int port = server.listening_port(&line);
  ASSERT_GT(port, 0) << "the server said: " << line;

  // A client that starts a request and goes quiet holds one connection, not the server.
  const int quiet = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(quiet, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  const std::string half = "POST /api/v1/entries HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le";
  ASSERT_GT(send(quiet, half.data(), half.size(), MSG_NOSIGNAL), 0);

  const auto bad = malformed_requests(port);
  std::atomic<bool> done = false;
  std::thread attacker([&] {
    for (int round = 0; round < 20 && !done; ++round)
      for (const auto& request : bad) send_raw(port, request);
  });
  int good = 0, answered = 0;
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(5, 0);
  for (int i = 0; i < 200; ++i) {
    ++good;
    auto response = client.Get("/api/v1/entries?limit=5");
    if (response && response->status == 200 && response->body.find("첫 글") != std::string::npos)
      ++answered;
  }
  done = true;
  attacker.join();
  close(quiet);
  EXPECT_EQ(answered, good);
  // And it still writes.
  auto added =
      client.Post("/api/v1/entries", R"({"plugin":"writing","kind":"post","title":"둘째 글"})",
                  "application/json");
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 201) << added->body;
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait(), 0);
}

}  // namespace
}  // namespace hoego
