// A plugin written with the frozen SDK 1.0 C++ layer: it validates, derives a milestone, writes
// a year-report section and logs through the 1.0 host table. tests/host/abi_test.cpp checks each
// of those in the current host.
#include <hoego/sdk.hpp>
#include <string>
#include <vector>

static_assert(HOEGO_SDK_VERSION_MINOR == 0, "must build against the frozen SDK 1.0 headers");

namespace {

constexpr char kManifest[] = R"json({
  "id": "sdk1_plugin",
  "name": {"ko": "SDK 1.0 플러그인", "en": "SDK 1.0 plugin"},
  "version": "1.0.0",
  "kinds": [
    {"id": "walk", "version": 1, "label": {"ko": "산책", "en": "Walk"},
     "fields": [{"id": "km", "type": "number", "required": true, "label": {"ko": "km", "en": "km"}}]}
  ],
  "metrics": [
    {"id": "walks", "label": {"ko": "산책", "en": "Walks"}, "kind": "walk", "aggregate": "count"},
    {"id": "distance", "label": {"ko": "거리", "en": "Distance"}, "kind": "walk",
     "aggregate": "sum", "field": "km"}
  ],
  "milestones": [{"id": "third_walk", "label": {"ko": "세 번째 산책", "en": "Third walk"}}]
})json";

class Sdk1Plugin : public hoego::sdk::Plugin {
 public:
  const char* manifest() const override { return kManifest; }
  void init() override { host().log(HOEGO_LOG_INFO, "sdk1_plugin ready"); }

  hoego::sdk::NormalizedEntry normalize_entry(const hoego::sdk::EntryRequest& entry) override {
    const double km = entry.fields.value("km", 0.0);
    if (km <= 0 || km > 100) throw hoego::sdk::Rejected("km", "must be between 0 and 100");
    return {entry.fields, entry.title.empty() ? "Walk" : ""};
  }

  std::vector<hoego::sdk::Milestone> derive_milestones(
      const std::vector<hoego::sdk::StoredEntry>& entries) override {
    if (entries.size() < 3) return {};
    return {{"third_walk", entries[2].id, {}}};
  }

  hoego::sdk::ReportSection year_report_section(const hoego::sdk::YearReportRequest& request) {
    return {"Walks",
            {std::to_string(request.entries.size()) + " walks in " + std::to_string(request.year)}};
  }
};

}  // namespace

HOEGO_PLUGIN(Sdk1Plugin)
