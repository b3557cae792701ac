// A plugin that rejects one value of one field, for the host's handling of user mistakes.
#include <hoego/sdk.hpp>

class Rejecting : public hoego::sdk::Plugin {
 public:
  const char* manifest() const override {
    return R"json({
      "id": "rejecting",
      "name": {"ko": "거절", "en": "Rejecting"},
      "version": "1.0.0",
      "kinds": [{"id": "thing", "version": 1, "label": {"ko": "항목", "en": "Thing"},
                 "fields": [{"id": "name", "type": "text", "label": {"ko": "이름", "en": "Name"}}]}]
    })json";
  }

  hoego::sdk::NormalizedEntry normalize_entry(const hoego::sdk::EntryRequest& entry) override {
    if (entry.fields.value("name", "") == "bad")
      throw hoego::sdk::Rejected("name", "must not be 'bad'");
    return {entry.fields, {}};
  }
};

HOEGO_PLUGIN(Rejecting)
