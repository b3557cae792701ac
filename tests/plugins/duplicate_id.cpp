// A valid plugin that claims the id of the bundled mentoring plugin.
#include <hoego/sdk.hpp>

class DuplicateId : public hoego::sdk::Plugin {
 public:
  const char* manifest() const override {
    return R"json({
      "id": "mentoring",
      "name": {"ko": "또 다른 멘토링", "en": "Another mentoring"},
      "version": "1.0.0",
      "kinds": [{"id": "session", "version": 1, "label": {"ko": "세션", "en": "Session"}}]
    })json";
  }
};

HOEGO_PLUGIN(DuplicateId)
