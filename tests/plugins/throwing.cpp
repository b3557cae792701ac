// A plugin whose code always throws: the C++ layer must turn each exception into
// HOEGO_STATUS_FAILED with a message, and the host must survive it.
#include <hoego/sdk.hpp>
#include <stdexcept>
#include <vector>

class Throwing : public hoego::sdk::Plugin {
 public:
  const char* manifest() const override {
    return R"json({
      "id": "throwing",
      "name": {"ko": "예외", "en": "Throwing"},
      "version": "1.0.0",
      "kinds": [{"id": "thing", "version": 1, "label": {"ko": "항목", "en": "Thing"}, "fields": []}]
    })json";
  }

  hoego::sdk::NormalizedEntry normalize_entry(const hoego::sdk::EntryRequest&) override {
    throw std::runtime_error("boom");
  }

  // Not a std::exception: pins the layer's catch-all ("unknown exception").
  std::vector<hoego::sdk::Milestone> derive_milestones(
      const std::vector<hoego::sdk::StoredEntry>&) override {
    throw 42;
  }
};

HOEGO_PLUGIN(Throwing)
