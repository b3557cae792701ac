// Splitting a feed's address and resolving a redirect's Location against it.
#include "../../core/src/service/web_address.h"

#include <gtest/gtest.h>

namespace hoego {
namespace {

WebAddress parsed(const std::string& text) {
  auto address = parse_web_address(text);
  EXPECT_TRUE(address.has_value()) << text;
  return address.value_or(WebAddress{});
}

TEST(WebAddress, SplitsTheOriginFromTheTarget) {
  const WebAddress blog = parsed("HTTPS://minjun.example/feed/rss.xml?lang=ko#top");
  EXPECT_EQ(blog.scheme, "https");
  EXPECT_EQ(blog.host, "minjun.example");
  EXPECT_EQ(blog.port, 443);
  EXPECT_EQ(blog.target, "/feed/rss.xml?lang=ko");
  EXPECT_EQ(blog.text(), "https://minjun.example/feed/rss.xml?lang=ko");

  const WebAddress local = parsed("http://127.0.0.1:8080");
  EXPECT_EQ(local.port, 8080);
  EXPECT_EQ(local.target, "/");
  EXPECT_EQ(local.origin(), "http://127.0.0.1:8080");

  const WebAddress v6 = parsed("http://[::1]:9000/rss?x=1");
  EXPECT_EQ(v6.host, "[::1]");
  EXPECT_EQ(v6.port, 9000);
  EXPECT_EQ(parsed("http://blog.example:80/a/./b/../c").text(), "http://blog.example/a/c");
}

TEST(WebAddress, RefusesWhatIsNotAnHttpAddressWithAHost) {
  for (const char* text :
       {"", "ftp://blog.example/rss", "file:///etc/passwd", "http://", "http:///rss",
        "http://:80/rss", "http://blog.example:0/", "http://blog.example:port/",
        "http://user@blog.example/", "http://blog example/", "http://[::1/rss", "http://::1/rss",
        "//blog.example/rss", "blog.example/rss"})
    EXPECT_FALSE(parse_web_address(text).has_value()) << text;
}

TEST(WebAddress, ResolvesALocationAgainstTheAddressThatSentIt) {
  const WebAddress base = parsed("https://seoyeon.example/blog/2026/feed.xml?page=2");
  EXPECT_EQ(resolve_web_reference(base, "http://other.example/rss"), "http://other.example/rss");
  EXPECT_EQ(resolve_web_reference(base, "//cdn.example/rss"), "https://cdn.example/rss");
  EXPECT_EQ(resolve_web_reference(base, "/rss"), "https://seoyeon.example/rss");
  EXPECT_EQ(resolve_web_reference(base, "atom.xml"), "https://seoyeon.example/blog/2026/atom.xml");
  EXPECT_EQ(resolve_web_reference(base, "../feed.xml"), "https://seoyeon.example/blog/feed.xml");
  EXPECT_EQ(resolve_web_reference(base, "../../../../feed.xml"),
            "https://seoyeon.example/feed.xml");
  EXPECT_EQ(resolve_web_reference(base, "?page=3"),
            "https://seoyeon.example/blog/2026/feed.xml?page=3");
  EXPECT_EQ(resolve_web_reference(base, "#recent"), base.text());
  EXPECT_EQ(resolve_web_reference(base, "ftp://seoyeon.example/rss"), "ftp://seoyeon.example/rss");
}

}  // namespace
}  // namespace hoego
