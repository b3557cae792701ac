// A data directory with the real mentoring plugin loaded and two mentees, for service tests.
#pragma once

#include <gtest/gtest.h>
#include <hoego/core/database.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/people_service.h>
#include <hoego/core/plugin_host.h>

#include <optional>

#include "temporary_directory.h"

namespace hoego::testing {

class MentoringFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    ASSERT_NE(plugins.find("mentoring"), nullptr) << "the bundled mentoring plugin did not load";
    auto opened = Database::open(directory.path() / "hoego.db");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db.emplace(std::move(opened.value()));
    service.emplace(*db, plugins, "Asia/Seoul");
    for (const char* name : {"김민지", "이준호"})
      ASSERT_TRUE(PeopleService(*db).add(name, "").ok());
  }

  // A mentoring session; `minutes` long, with `mentee`.
  NewEntry session(const std::string& when, const std::string& mentee, int minutes,
                   const std::string& title = "") {
    NewEntry entry;
    entry.plugin = "mentoring";
    entry.kind = "session";
    entry.when = when;
    entry.title = title;
    entry.people = {mentee};
    entry.fields = {{"duration_min", minutes}};
    return entry;
  }

  TemporaryDirectory directory;
  PluginHost plugins;
  std::optional<Database> db;
  std::optional<EntryService> service;
};

}  // namespace hoego::testing
