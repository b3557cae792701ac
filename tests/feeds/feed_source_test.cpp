// Fetching a feed from a file or over HTTP, against a real server on a loopback port.
#include <gtest/gtest.h>
#include <hoego/core/feed_import.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "../support/temporary_directory.h"

namespace hoego {
namespace {

class FeedServer : public ::testing::Test {
 protected:
  void SetUp() override {
    server.Get("/feed.xml", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("<rss version=\"2.0\"><channel><title>블로그</title></channel></rss>",
                           "application/rss+xml");
    });
    server.Get("/moved", [](const httplib::Request&, httplib::Response& response) {
      response.set_redirect("/feed.xml");
    });
    server.Get("/huge", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(kMaxFeedBytes + 1, 'x'), "application/xml");
    });
    port = server.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port, 0);
    // Bound means listening: requests wait in the backlog until the accept loop starts.
    thread = std::thread([this] { server.listen_after_bind(); });
  }
  void TearDown() override {
    server.stop();
    if (thread.joinable()) thread.join();
  }
  std::string url(const std::string& path) {
    return "http://127.0.0.1:" + std::to_string(port) + path;
  }

  httplib::Server server;
  std::thread thread;
  int port = 0;
};

TEST_F(FeedServer, FetchesAFeedOverHttp) {
  auto text = read_feed_source(url("/feed.xml"));
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_NE(text->find("블로그"), std::string::npos);
}

TEST_F(FeedServer, FollowsRedirects) {
  auto text = read_feed_source(url("/moved"));
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_NE(text->find("<rss"), std::string::npos);
}

TEST_F(FeedServer, NamesTheStatusOfAFailedFetch) {
  auto text = read_feed_source(url("/missing.xml"));
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().message,
            "could not fetch '" + url("/missing.xml") + "': the server answered HTTP 404");
}

TEST_F(FeedServer, RefusesAFeedOverTheSizeLimit) {
  auto text = read_feed_source(url("/huge"));
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("larger than 16 MiB"), std::string::npos)
      << text.error().message;
}

// A loopback port that nothing listens on: bound to learn a free number, then closed.
int closed_port() {
  const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(socket_fd);
  return ntohs(address.sin_port);
}

TEST(FeedSource, NamesAnUnreachableServer) {
  const int port = closed_port();
  auto text = read_feed_source("http://127.0.0.1:" + std::to_string(port) + "/feed.xml");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().message.rfind("could not fetch 'http://127.0.0.1:", 0), 0u)
      << text.error().message;
}

TEST(FeedSource, NamesAFileItCannotRead) {
  testing::TemporaryDirectory directory;
  auto missing = read_feed_source((directory.path() / "none.xml").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("No such file"), std::string::npos);
  auto folder = read_feed_source(directory.path().string());
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.error().message.find("is a directory"), std::string::npos);
  EXPECT_FALSE(read_feed_source("http://").ok());
}

}  // namespace
}  // namespace hoego
