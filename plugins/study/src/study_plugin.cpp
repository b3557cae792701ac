// The study plugin: tidies the texts of a session, keeps "who presented" consistent, names
// untitled sessions after their paper or topic, and derives the milestones of a study year.
#include <cstddef>
#include <hoego/sdk.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "manifest.hpp"

namespace hoego::study {
namespace {

using nlohmann::json;
using sdk::EntryRequest;
using sdk::FieldError;

constexpr std::size_t kTenthPaper = 10;
constexpr std::string_view kWhitespace = " \t\n\v\f\r";

// One key per paper, so that "Attention Is All You Need" and "attention is all you  need" read
// twice count once: ASCII lower-cased (Korean has no case) with runs of white space made one.
std::string paper_key(std::string_view title) {
  std::string key;
  bool in_space = false;
  for (const unsigned char byte : sdk::trimmed(title)) {
    if (kWhitespace.find(static_cast<char>(byte)) != std::string_view::npos) {
      in_space = true;
      continue;
    }
    if (in_space) key += ' ';
    in_space = false;
    key += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
  }
  return key;
}

// "논문: <paper title>" for a session about a paper, else its topic; a milestone's note.
std::string default_title(const EntryRequest& entry, const json& fields) {
  if (entry.kind == "session") {
    const std::string paper_title = sdk::text_field(fields, "paper_title");
    return paper_title.empty() ? sdk::text_field(fields, "topic") : "논문: " + paper_title;
  }
  if (entry.kind == "milestone") {
    const std::string note = sdk::text_field(fields, "note");
    return note.empty() ? "스터디 이정표" : note;
  }
  return {};
}

}  // namespace

class StudyPlugin final : public sdk::Plugin {
 public:
  const char* manifest() const override { return kManifest; }

  sdk::NormalizedEntry normalize_entry(const EntryRequest& entry) override {
    sdk::NormalizedEntry normalized{entry.fields, {}};
    json& fields = normalized.fields;
    if (entry.kind == "session") {
      std::vector<FieldError> errors;
      sdk::trim_text_field(fields, "topic");
      sdk::trim_text_field(fields, "paper_title");
      sdk::trim_text_field(fields, "presenter");
      if (!fields.contains("topic")) errors.push_back({"topic", "must not be blank"});
      if (sdk::boolean_field(fields, "presented") && fields.contains("presenter"))
        errors.push_back({"presenter", "leave presenter empty when you presented"});
      if (!errors.empty()) throw sdk::Rejected(std::move(errors));
    } else if (entry.kind == "milestone") {
      sdk::trim_text_field(fields, "note");
    }
    if (sdk::trimmed(entry.title).empty()) normalized.title = default_title(entry, fields);
    return normalized;
  }

  // State: {"presented": whether a session was presented, "tenth_paper": whether the tenth paper
  // was reached, "papers": the paper keys read so far (emptied once it was)}.
  std::vector<sdk::Milestone> resume_milestones(json& state,
                                                const std::vector<sdk::StoredEntry>& entries) {
    std::vector<sdk::Milestone> milestones;
    const bool resumed = state.is_object();
    bool presented_before = resumed && state.value("presented", false);
    bool tenth_reached = resumed && state.value("tenth_paper", false);
    auto papers = resumed ? state.value("papers", json::array()).get<std::set<std::string>>()
                          : std::set<std::string>{};
    for (const auto& entry : entries) {
      if (entry.kind != "session") continue;
      if (!presented_before && sdk::boolean_field(entry.fields, "presented")) {
        presented_before = true;
        milestones.push_back({"first_presentation", entry.id, {}});
      }
      const std::string paper = paper_key(sdk::text_field(entry.fields, "paper_title"));
      if (!tenth_reached && !paper.empty() && papers.insert(paper).second &&
          papers.size() == kTenthPaper) {
        tenth_reached = true;
        papers.clear();
        milestones.push_back({"tenth_paper", entry.id, {}});
      }
    }
    state =
        json{{"presented", presented_before}, {"tenth_paper", tenth_reached}, {"papers", papers}};
    return milestones;
  }
};

}  // namespace hoego::study

HOEGO_PLUGIN(hoego::study::StudyPlugin)
