// Every route the server registers is documented in docs/api.md, and nothing documented is
// missing from the server; the version numbers the docs show are the binary's.
#include <gtest/gtest.h>
#include <hoego/core/http_server.h>
#include <hoego/core/migrations.h>
#include <hoego/sdk.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

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

std::string document(const std::string& name) {
  std::ifstream file(std::string(HOEGO_SOURCE_DIRECTORY) + "/" + name);
  EXPECT_TRUE(file) << name << " is missing";
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// Every match of `pattern`'s first group in `text`.
std::vector<std::string> found(const std::string& text, const std::regex& pattern) {
  std::vector<std::string> values;
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)
    values.push_back((*it)[1].str());
  return values;
}

// The examples of answers and of `hoego plugins` output show what this build says: the schema
// of its migrations, the SDK it speaks ("1.3" from /health, "1.3.0" for a bundled plugin).
TEST(ApiDocumentation, ShowsTheBinarysSchemaAndSdkVersions) {
  const std::string minor =
      std::to_string(HOEGO_SDK_VERSION_MAJOR) + "." + std::to_string(HOEGO_SDK_VERSION_MINOR);
  const std::string full = minor + "." + std::to_string(HOEGO_SDK_VERSION_PATCH);
  size_t checked = 0;
  for (const char* name :
       {"README.md", "docs/api.md", "docs/plugin-tutorial.md", "docs/plugin-reference.md"}) {
    const std::string text = document(name);
    for (const auto& schema : found(text, std::regex(R"re("schema_version": (\d+))re"))) {
      EXPECT_EQ(schema, std::to_string(latest_schema_version())) << name;
      ++checked;
    }
    for (const auto& sdk : found(text, std::regex(R"re("sdk_version": "([0-9.]+)")re"))) {
      EXPECT_TRUE(sdk == minor || sdk == full) << name << " shows sdk_version " << sdk;
      ++checked;
    }
    for (const auto& sdk : found(text, std::regex(R"re(\(sdk ([0-9.]+)\))re"))) {
      EXPECT_EQ(sdk, full) << name << " shows a plugin loaded with (sdk " << sdk << ")";
      ++checked;
    }
  }
  EXPECT_GE(checked, 6u) << "the examples this test reads have moved";
}

}  // namespace
}  // namespace hoego
