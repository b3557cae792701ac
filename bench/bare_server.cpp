// cpp-httplib serving a fixed JSON body on 127.0.0.1:PORT: what the HTTP benchmark compares
// hoego's API against (bench/http.sh).
#include <httplib.h>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
  const int port = argc > 1 ? std::atoi(argv[1]) : 8431;
  httplib::Server server;
  // As hoego's server does: one request per connection, so that the two compare handler costs.
  server.set_keep_alive_max_count(1);
  server.Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(R"({"ok":true})", "application/json");
  });
  std::cout << "bare server on http://127.0.0.1:" << port << "/" << std::endl;
  return server.listen("127.0.0.1", port) ? 0 : 1;
}
