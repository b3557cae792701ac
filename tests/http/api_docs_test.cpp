// Every route the server registers is documented in docs/api.md, and nothing documented is
// missing from the server.
#include <gtest/gtest.h>
#include <hoego/core/http_server.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "../support/temporary_directory.h"

namespace hoego {
namespace {

std::set<std::string> documented_routes() {
  std::ifstream file(std::string(HOEGO_SOURCE_DIRECTORY) + "/docs/api.md");
  EXPECT_TRUE(file) << "docs/api.md is missing";
  std::set<std::string> routes;
  static const std::regex heading(R"(^### (GET|POST|PATCH|DELETE) (/api/v1/\S*)\s*$)");
  std::string line;
  std::smatch match;
  while (std::getline(file, line))
    if (std::regex_match(line, match, heading))
      routes.insert(match[1].str() + " " + match[2].str());
  return routes;
}

TEST(ApiDocumentation, ListsEveryRouteTheServerRegisters) {
  testing::TemporaryDirectory directory;
  PluginHost plugins;
  auto db = Database::open(directory.path() / "hoego.db");
  ASSERT_TRUE(db.ok());
  const auto registered = HttpServer(*db, plugins).routes();
  ASSERT_GT(registered.size(), 10u);
  const std::set<std::string> documented = documented_routes();
  for (const auto& route : registered)
    EXPECT_TRUE(documented.count(route)) << route << " is not documented in docs/api.md";
  for (const auto& route : documented)
    EXPECT_TRUE(std::find(registered.begin(), registered.end(), route) != registered.end())
        << route << " is documented but the server has no such route";
}

}  // namespace
}  // namespace hoego
