// A plugin whose code always throws: the C++ layer must turn each exception into
// HOEGO_STATUS_FAILED with a message, and the host must survive it, losing only this plugin's
// milestones and report section.
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
      "kinds": [{"id": "thing", "version": 1, "label": {"ko": "항목", "en": "Thing"}, "fields": []}],
      "widgets": [{"type": "stats"}, {"type": "milestones", "limit": 5}]
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

  // Declaring it offers "hoego.year_report.v1": the report must keep every other section.
  hoego::sdk::ReportSection year_report_section(const hoego::sdk::YearReportRequest&) {
    throw std::runtime_error("no section this year");
  }
};

HOEGO_PLUGIN(Throwing)
