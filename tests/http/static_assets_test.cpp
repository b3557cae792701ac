// How answers travel: the index names the web view's files at versioned addresses that
// browsers keep; at their own paths the files are revalidated by ETag and come back as 304
// without a body; JSON and text go gzip-compressed only to a client that accepts it; API
// answers are never stored.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "server_fixture.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

class Transfer : public ServerTest {
 protected:
  // GET `path` as sent, the body as it came over the wire (not decompressed by the client).
  httplib::Result raw_get(const std::string& path, const httplib::Headers& headers) const {
    httplib::Client client = this->client();
    client.set_decompress(false);
    return client.Get(path.c_str(), headers);
  }
};

TEST_F(Transfer, AFileHasAStrongETagAndAMatchingIfNoneMatchGets304WithoutABody) {
  for (const std::string path : {"/", "/app.js", "/style.css"}) {
    auto first = raw_get(path, {{"Accept-Encoding", "identity"}});
    ASSERT_TRUE(first) << path;
    ASSERT_EQ(first->status, 200) << path;
    const std::string etag = first->get_header_value("ETag");
    ASSERT_GE(etag.size(), 3u) << path;
    EXPECT_EQ(etag.front(), '"') << path << ": a strong ETag has no W/";
    EXPECT_EQ(first->get_header_value("Cache-Control"), "no-cache") << path;

    auto again = raw_get(path, {{"Accept-Encoding", "identity"}, {"If-None-Match", etag}});
    ASSERT_TRUE(again) << path;
    EXPECT_EQ(again->status, 304) << path;
    EXPECT_TRUE(again->body.empty()) << path;
    EXPECT_EQ(again->get_header_value("ETag"), etag) << path;

    auto changed = raw_get(path, {{"Accept-Encoding", "identity"}, {"If-None-Match", "\"old\""}});
    ASSERT_TRUE(changed) << path;
    EXPECT_EQ(changed->status, 200) << path;
    EXPECT_EQ(changed->body, first->body) << path;
  }
}

TEST_F(Transfer, TheIndexNamesItsFilesAtVersionedAddressesThatBrowsersKeep) {
  auto index = raw_get("/", {{"Accept-Encoding", "identity"}});
  ASSERT_TRUE(index);
  std::smatch script;
  ASSERT_TRUE(std::regex_search(
      index->body, script, std::regex(R"(<script type="module" src="(/v-[0-9a-f]+/)app\.js")")))
      << index->body;
  const std::string prefix = script[1];
  EXPECT_NE(index->body.find("<link rel=\"modulepreload\" href=\"" + prefix + "api.js\">"),
            std::string::npos)
      << "the modules app.js imports are named before it, to be fetched at once";

  auto versioned = raw_get(prefix + "app.js", {{"Accept-Encoding", "identity"}});
  auto plain = raw_get("/app.js", {{"Accept-Encoding", "identity"}});
  ASSERT_TRUE(versioned && plain);
  ASSERT_EQ(versioned->status, 200);
  EXPECT_EQ(versioned->body, plain->body);
  EXPECT_EQ(versioned->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(index->get_header_value("Cache-Control"), "no-cache");
  auto other_version = raw_get("/v-0000000000000000/app.js", {});
  ASSERT_TRUE(other_version);
  EXPECT_EQ(other_version->status, 404);
}

TEST_F(Transfer, AFileIsGzippedOnlyForAClientThatAcceptsIt) {
  auto plain = raw_get("/style.css", {{"Accept-Encoding", "identity"}});
  auto refused = raw_get("/style.css", {{"Accept-Encoding", "gzip;q=0, br"}});
  auto gzipped = raw_get("/style.css", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(plain && refused && gzipped);
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  EXPECT_FALSE(refused->has_header("Content-Encoding"));
  EXPECT_EQ(refused->body, plain->body);
  EXPECT_EQ(gzipped->get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(gzipped->body.size(), plain->body.size());
  EXPECT_NE(gzipped->get_header_value("ETag"), plain->get_header_value("ETag"))
      << "each encoding is its own representation";

  auto decompressed = client().Get("/style.css", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(decompressed);
  EXPECT_EQ(decompressed->body, plain->body);
}

TEST_F(Transfer, JsonIsGzippedWhenAskedAndDecompressesToTheSameAnswer) {
  add_person("김민지");
  for (int day = 1; day <= 9; ++day)
    ASSERT_EQ(post("/entries", session("2026-03-0" + std::to_string(day) + "T20:00+09:00", "김민지",
                                       60, "멘토링 " + std::to_string(day)))
                  .status,
              201);
  const std::string path = "/api/v1/entries?limit=50";
  auto plain = raw_get(path, {{"Accept-Encoding", "identity"}});
  ASSERT_TRUE(plain);
  ASSERT_EQ(plain->status, 200);
  ASSERT_GT(plain->body.size(), 1024u) << "too small for the server to compress";
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  EXPECT_EQ(plain->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(json::parse(plain->body)["entries"].size(), 9u);

  auto compressed = raw_get(path, {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(compressed);
  EXPECT_EQ(compressed->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(compressed->get_header_value("Cache-Control"), "no-store");
  ASSERT_GE(compressed->body.size(), 2u);
  EXPECT_EQ(compressed->body.substr(0, 2), "\x1f\x8b") << "the gzip format's magic number";
  EXPECT_LT(compressed->body.size(), plain->body.size());

  // The kept answer, the second time, is compressed the same way.
  auto decompressed = client().Get(path.c_str(), {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(decompressed);
  EXPECT_EQ(decompressed->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(decompressed->body, plain->body);
}

}  // namespace
}  // namespace hoego::testing
