#include <hoego/core/journal_service.h>

#include <map>
#include <set>

#include "../store/journal_store.h"
#include "../store/people_store.h"
#include "../store/track_store.h"
#include "refusals.h"

namespace hoego {

using nlohmann::json;

namespace {

struct StepWords {
  const char* en;  // {} is replaced by the label
  const char* ko;
};

const std::map<std::string, StepWords>& step_words() {
  static const std::map<std::string, StepWords> words = {
      {"add", {"entry ‘{}’ added", "기록 ‘{}’ 추가"}},
      {"edit", {"entry ‘{}’ edited", "기록 ‘{}’ 수정"}},
      {"delete", {"entry ‘{}’ deleted", "기록 ‘{}’ 삭제"}},
      {"goal.add", {"goal ‘{}’ added", "목표 ‘{}’ 추가"}},
      {"goal.edit", {"goal ‘{}’ edited", "목표 ‘{}’ 수정"}},
      {"goal.finish", {"goal ‘{}’ finished", "목표 ‘{}’ 마침"}},
      {"goal.delete", {"goal ‘{}’ deleted", "목표 ‘{}’ 삭제"}},
      {"goal.pause", {"goal ‘{}’ paused", "목표 ‘{}’ 일시 중지"}},
      {"goal.unpause", {"pause of goal ‘{}’ taken away", "목표 ‘{}’ 일시 중지 해제"}},
      {"goal.move_deadline", {"a due date of goal ‘{}’ moved", "목표 ‘{}’ 마감일 이동"}},
      {"track.edit", {"track ‘{}’ edited", "트랙 ‘{}’ 수정"}},
      {"track.close", {"track ‘{}’ closed", "트랙 ‘{}’ 닫음"}},
      {"track.reopen", {"track ‘{}’ reopened", "트랙 ‘{}’ 다시 엶"}},
      {"track.delete", {"track ‘{}’ deleted", "트랙 ‘{}’ 삭제"}},
      {"track.member", {"a member of track ‘{}’ added or changed", "트랙 ‘{}’ 멤버 추가·변경"}},
      {"track.member_remove", {"a member of track ‘{}’ taken out", "트랙 ‘{}’ 멤버 뺌"}},
      {"track.member_import", {"members of track ‘{}’ imported", "트랙 ‘{}’ 멤버 가져옴"}},
      {"person.edit", {"person ‘{}’ renamed or edited", "사람 ‘{}’ 이름·메모 변경"}},
      {"person.merge", {"person ‘{}’ merged", "사람 ‘{}’ 합침"}},
      {"person.delete", {"person ‘{}’ deleted", "사람 ‘{}’ 삭제"}},
      {"person.archive", {"person ‘{}’ archived", "사람 ‘{}’ 보관"}},
      {"plugin.disable", {"plugin ‘{}’ turned off", "플러그인 ‘{}’ 끔"}},
      {"plugin.enable", {"plugin ‘{}’ turned on", "플러그인 ‘{}’ 켬"}},
  };
  return words;
}

std::string filled(std::string text, const std::string& label) {
  const auto at = text.find("{}");
  if (at != std::string::npos) text.replace(at, 2, label);
  return text;
}

}  // namespace

LocalizedText describe_step(const std::string& action, const std::string& label) {
  const auto found = step_words().find(action);
  if (found == step_words().end())
    return {action + " ‘" + label + "’", action + " ‘" + label + "’"};
  return {filled(found->second.ko, label), filled(found->second.en, label)};
}

json to_json(const JournalLine& line) {
  return {{"id", line.id},
          {"subject", line.subject},
          {"subject_id", line.subject_id},
          {"action", line.action},
          {"summary", {{"ko", line.summary.ko}, {"en", line.summary.en}}},
          {"performed_at", line.performed_at},
          {"undone_at", line.undone_at ? json(*line.undone_at) : json(nullptr)}};
}

Result<std::vector<JournalLine>> JournalService::steps(const std::optional<std::string>& subject,
                                                       const std::optional<std::string>& which,
                                                       int limit) {
  if (limit < 1 || limit > 500)
    return invalid_with({{"limit", "the limit must be a whole number from 1 to 500",
                          "개수는 1부터 500까지의 정수여야 합니다"}});
  static const std::set<std::string> subjects{"entry", "goal", "track", "person", "plugin"};
  if (subject && subjects.count(*subject) == 0)
    return invalid_with(
        {{"subject", "'" + *subject + "' is not entry, goal, track, person or plugin",
          "'" + *subject +
              "'은(는) entry, goal, track, person, plugin 중 하나가 "
              "아닙니다"}});
  std::optional<std::string> subject_id = which;
  // A deleted track's or person's id can be given to a new one: its steps are those since.
  std::string since;
  if (subject && which && (*subject == "track" || *subject == "person")) {
    // Tracks and people are found by name; their steps are kept by id, which a rename keeps.
    std::optional<int64_t> id;
    if (*subject == "track") {
      auto found = TrackStore(db_).find(*which);
      if (!found) return found.error();
      if (found->has_value()) id = (*found)->id, since = (*found)->created_at;
    } else {
      auto found = PeopleStore(db_).find(*which);
      if (!found) return found.error();
      if (found->has_value()) id = (*found)->id, since = (*found)->created_at;
    }
    if (!id)
      return Error::not_found(
          "no " + *subject + " named '" + *which + "'",
          std::string(*subject == "track" ? "트랙" : "사람") + " '" + *which + "'이(가) 없습니다");
    subject_id = std::to_string(*id);
  }
  auto steps = JournalStore(db_).steps(subject, subject_id, limit);
  if (!steps) return steps.error();
  std::vector<JournalLine> lines;
  for (const auto& step : *steps) {
    if (step.performed_at < since) continue;
    JournalLine line;
    line.id = step.id;
    line.subject = step.subject.value_or("entry");
    line.subject_id = step.entry_id ? std::to_string(*step.entry_id) : step.subject_id.value_or("");
    line.action = step.action;
    line.summary = describe_step(step.action, step.row_images.value("label", ""));
    line.performed_at = step.performed_at;
    line.undone_at = step.undone_at;
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace hoego
