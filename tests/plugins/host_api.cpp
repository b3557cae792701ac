// Calls every host API function (log from SDK 1.0; language, time_zone, read_entries from 1.1) and
// records what the host answered in the entry's fields, so that a test can read each answer back:
// during init (language and zone answer, read_entries does not), during normalize_entry, with a bad
// query, and from a thread of its own. Its year-report section reads every year's probes.
#include <hoego/sdk.hpp>
#include <string>
#include <thread>

namespace {

constexpr char kManifest[] = R"json({
  "id": "host_api",
  "name": {"ko": "호스트 API", "en": "Host API"},
  "version": "1.0.0",
  "kinds": [
    {"id": "probe", "version": 1, "label": {"ko": "탐침", "en": "Probe"},
     "fields": [
       {"id": "language", "type": "text", "label": {"ko": "언어", "en": "Language"}},
       {"id": "time_zone", "type": "text", "label": {"ko": "시간대", "en": "Time zone"}},
       {"id": "earlier", "type": "integer", "label": {"ko": "이전", "en": "Earlier"}},
       {"id": "latest", "type": "text", "label": {"ko": "최근", "en": "Latest"}},
       {"id": "at_init", "type": "text", "label": {"ko": "초기화", "en": "At init"}},
       {"id": "bad_query", "type": "text", "label": {"ko": "잘못된 질의", "en": "Bad query"}},
       {"id": "other_thread", "type": "text", "label": {"ko": "다른 스레드", "en": "Other thread"}}
     ]},
    {"id": "other", "version": 1, "label": {"ko": "기타", "en": "Other"}}
  ]
})json";

// What a host call answered, or "error: …" when it threw.
template <typename Call>
std::string attempt(Call&& call) {
  try {
    return call();
  } catch (const hoego::sdk::HostError& error) {
    return std::string("error: ") + error.what();
  }
}

class HostApi : public hoego::sdk::Plugin {
 public:
  const char* manifest() const override { return kManifest; }

  void init() override {
    at_init_ = attempt([&] { return host().language(); }) + " | " +
               attempt([&] { return host().time_zone(); }) + " | " +
               attempt([&] { return std::to_string(host().read_entries().entries.size()); });
  }

  hoego::sdk::NormalizedEntry normalize_entry(const hoego::sdk::EntryRequest& entry) override {
    nlohmann::json fields = entry.fields;
    if (entry.kind != "probe") return {fields, {}};
    host().log(HOEGO_LOG_INFO, "probing " + entry.title);
    fields["language"] = host().language();
    fields["time_zone"] = host().time_zone();
    const auto earlier = host().read_entries({"", "", "", 2});
    fields["earlier"] = static_cast<int>(earlier.entries.size());
    fields["latest"] = earlier.entries.empty() ? std::string("none")
                                               : earlier.entries.back().title +
                                                     (earlier.truncated ? " (truncated)" : "");
    fields["at_init"] = at_init_;
    fields["bad_query"] = attempt([&] {
      return std::to_string(host().read_entries({"session", "2026-13-01", "", 0}).entries.size());
    });
    std::string from_thread;
    std::thread([&] { from_thread = attempt([&] { return host().language(); }); }).join();
    fields["other_thread"] = from_thread;
    return {fields, {}};
  }

  // A section that reads beyond the year it is given: every probe of every year.
  hoego::sdk::ReportSection year_report_section(const hoego::sdk::YearReportRequest&) {
    const auto all = host().read_entries({"probe", "", "", 10000});
    return {"Probes", {"All my probes: " + std::to_string(all.entries.size())}};
  }

 private:
  std::string at_init_;
};

}  // namespace

HOEGO_PLUGIN(HostApi)
