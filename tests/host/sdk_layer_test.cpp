// The SDK's C++ layer (<hoego/sdk.hpp>) called directly, without a library in between: what it
// does with a request before the plugin class sees it.
#include <gtest/gtest.h>

#include <hoego/sdk.hpp>
#include <string>

namespace hoego {
namespace {

using nlohmann::json;

// Records the months it is handed, in the order it is handed them.
class MonthRecorder : public sdk::Plugin {
 public:
  const char* manifest() const override { return "{}"; }
  void resume_year_report(json& state, const sdk::YearReportRequest& month) {
    if (!state.is_array()) state = json::array();
    for (const auto& entry : month.entries) state.push_back(entry.local_date.substr(0, 7));
    state.push_back("|");
  }
  sdk::ReportSection year_report_from(const json& state, const sdk::YearReportRequest&) {
    return {"months", {state.dump()}};
  }
};

json stored(int64_t id, const std::string& when, const std::string& local_date) {
  return {{"id", id}, {"kind", "thing"}, {"when", when}, {"local_date", local_date}};
}

// hoego.year_report.v1 of a plugin with the resumable pair: the year's entries come oldest
// first, which near a month's end is not the order of their local dates, and are still added up
// one whole month at a time, in order.
TEST(SdkLayer, AddsUpTheWholeYearOneLocalMonthAtATime) {
  const json request{
      {"year", 2024},
      {"language", "en"},
      {"entries", json::array({stored(1, "2024-03-31T09:00:00+09:00", "2024-03-31"),
                               stored(2, "2024-04-01T00:30:00+14:00", "2024-04-01"),
                               stored(3, "2024-03-31T20:00:00-10:00", "2024-03-31"),
                               stored(4, "2024-04-02T09:00:00+09:00", "2024-04-02")})}};
  const std::string text = request.dump();
  std::string answer;
  const hoego_sink sink{sizeof(hoego_sink), &answer,
                        [](void* context, const char* data, size_t size) {
                          static_cast<std::string*>(context)->append(data, size);
                        }};
  ASSERT_EQ(sdk::detail::write_year_report_section<MonthRecorder>(text.data(), text.size(), &sink),
            HOEGO_STATUS_OK)
      << answer;
  EXPECT_EQ(json::parse(answer)["paragraphs"],
            json::array({R"(["2024-03","2024-03","|","2024-04","2024-04","|"])"}));
}

}  // namespace
}  // namespace hoego
