// The normalize request is written by hand (core/src/service/plugin_request.cpp,
// core/src/domain/json_text.cpp): it must be the JSON a plugin parses back into exactly the entry's
// texts, whatever they hold.
#include "../../core/src/service/plugin_request.h"

#include <gtest/gtest.h>

#include "../../core/src/domain/json_text.h"

namespace hoego {
namespace {

using nlohmann::json;

TEST(PluginRequest, EveryTextParsesBackByteForByte) {
  Entry entry;
  entry.kind = "session";
  entry.kind_version = 3;
  entry.title = "\"따옴표\" \\ 역슬래시 🙂";
  entry.notes = std::string("줄\n바꿈\r\t탭 \b\f 제어 ") + '\x01' + '\x1f' + " </script>";
  entry.when.iso = "2026-11-23T21:00:00+09:00";
  entry.people = {"김민지", "Kim \"MJ\""};
  entry.tags = {};
  entry.fields = {{"duration_min", 60}, {"topic", "이력서\n"}};

  const json request = json::parse(normalize_request(entry));
  EXPECT_EQ(request, (json{{"kind", "session"},
                           {"kind_version", 3},
                           {"title", entry.title},
                           {"notes", entry.notes},
                           {"when", entry.when.iso},
                           {"track", nullptr},
                           {"people", entry.people},
                           {"tags", json::array()},
                           {"fields", entry.fields}}));

  entry.track = "글또 10기";
  EXPECT_EQ(json::parse(normalize_request(entry))["track"], "글또 10기");
}

TEST(PluginRequest, ControlCharactersAreEscapedNotCopied) {
  std::string out;
  append_json_string(out, std::string("a\x01z\x7f", 4));
  EXPECT_EQ(out, "\"a\\u0001z\x7f\"") << "U+007F needs no escape in JSON";
}

// What plugins are shown of a stored entry: every member of to_json but the host's own.
TEST(PluginRequest, AStoredEntryIsShownWithoutTheHostsOwnMembers) {
  Entry entry;
  entry.id = 42;
  entry.plugin = "mentoring";
  entry.kind = "session";
  entry.when.iso = "2026-11-23T21:00:00+09:00";
  entry.when.local_date = "2026-11-23";
  entry.title = "멘토링";
  entry.notes = "비공개 메모";
  entry.people = {"김민지"};
  entry.tags = {"커리어"};
  entry.fields = {{"duration_min", 60}};
  entry.revision = 2;
  entry.request_id = "r-1";
  for (const auto& track : {std::optional<std::string>{}, std::optional<std::string>{"부트캠프"}}) {
    entry.track = track;
    json expected = to_json(entry);
    for (const char* key :
         {"plugin", "revision", "created_at", "updated_at", "deleted_at", "notes", "request_id"})
      expected.erase(key);
    EXPECT_EQ(to_plugin_json(entry), expected);
  }
}

}  // namespace
}  // namespace hoego
