// cpp-httplib serving a fixed JSON body on 127.0.0.1:PORT: what the HTTP benchmark compares
// hoego's API against (bench/http.sh).
#include <httplib.h>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
  const int port = argc > 1 ? std::atoi(argv[1]) : 8431;
  httplib::Server server;
  // cpp-httplib's own keep-alive, as it comes; only Nagle's algorithm is turned off, as hoego
  // does: with it, every answer on a kept-alive connection waits ~40 ms for a delayed ACK.
  server.set_tcp_nodelay(true);
  server.Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(R"({"ok":true})", "application/json");
  });
  std::cout << "bare server on http://127.0.0.1:" << port << "/" << std::endl;
  return server.listen("127.0.0.1", port) ? 0 : 1;
}
