#include <hoego/core/board_service.h>
#include <hoego/core/local_time.h>

#include "../store/board_store.h"
#include "../store/goal_store.h"
#include "../store/track_store.h"
#include "refusals.h"

namespace hoego {
namespace {

bool has_cadence(const Goal& goal) { return goal.definition.cadence.unit != CadenceUnit::kNone; }

// What an organiser types to give the track a goal the board can show.
std::string how_to_add_goal(const std::string& track) {
  return "hoego goal add --track \"" + track +
         "\" --title … --plugin writing --kind post --every 14d --passes 2";
}

// The goal the board shows: `goal_id`, checked to be the track's and to have a cadence; else the
// track's first with a cadence, unfinished ones first.
Result<Goal> board_goal(Database& db, const Track& track, const std::optional<int64_t>& goal_id) {
  if (goal_id) {
    auto found = GoalStore(db).find(*goal_id);
    if (!found) return found.error();
    const std::string id = std::to_string(*goal_id);
    if (!found->has_value())
      return Error::not_found("no goal with id " + id, "id가 " + id + "인 목표가 없습니다");
    const Goal& goal = **found;
    if (goal.track != track.name)
      return Error::invalid("goal #" + id + " is not a goal of the track '" + track.name + "'",
                            "목표 #" + id + "은(는) 트랙 '" + track.name + "'의 목표가 아닙니다");
    if (!has_cadence(goal))
      return Error::invalid(
          "goal #" + id + " ('" + goal.title +
              "') has no cadence, so it has no cycles to show (give it one: hoego goal edit " + id +
              " --every 14d, or --deadlines)",
          "목표 #" + id + " ('" + goal.title +
              "')에는 주기가 없어 보여 줄 회차가 없습니다 (주기를 정해 주세요: hoego goal edit " +
              id + " --every 14d 또는 --deadlines)");
    return goal;
  }
  auto goals = GoalStore(db).list(track.name, true);
  if (!goals) return goals.error();
  const Goal* chosen = nullptr;
  for (const auto& goal : *goals) {
    if (!has_cadence(goal)) continue;
    if (chosen == nullptr || (chosen->definition.finished_on && !goal.definition.finished_on) ||
        (!chosen->definition.finished_on == !goal.definition.finished_on && goal.id < chosen->id))
      chosen = &goal;
  }
  if (chosen == nullptr)
    return Error::invalid(
        "the track '" + track.name + "' has no goal with a cadence for its board (add one: " +
            how_to_add_goal(track.name) + ")",
        "트랙 '" + track.name + "'에는 보드를 그릴 주기 있는 목표가 없습니다 (추가하려면: " +
            how_to_add_goal(track.name) + ")");
  return *chosen;
}

}  // namespace

Result<Board> BoardService::board(const std::string& track_name,
                                  const std::optional<int64_t>& goal_id,
                                  const std::optional<std::string>& as_of) {
  if (as_of && !is_valid_date(*as_of)) return invalid_as(not_a_date("as_of", *as_of));
  if (auto status = check_time_zone(time_zone_); !status) return status.error();
  const std::string day = as_of.value_or(now_in(time_zone_).local_date);

  // One snapshot: the track, its goal and the posts as they stood together.
  Transaction transaction(db_);
  if (auto status = transaction.begin_read(); !status) return status.error();
  auto found = TrackStore(db_).find(track_name);
  if (!found) return found.error();
  if (!found->has_value()) {
    const FieldError unknown = unknown_track("track", track_name);
    return Error::not_found(unknown.message, unknown.message_ko);
  }
  const Track& track = **found;
  auto goal = board_goal(db_, track, goal_id);
  if (!goal) return goal.error();
  auto posts = BoardStore(db_).posts_by_person(*goal, day);
  if (!posts) return posts.error();

  std::vector<BoardMemberPosts> members;
  members.reserve(track.members.size());
  for (const auto& name : track.members) {
    auto own = posts->find(name);
    const auto feed = track.feeds.find(name);
    members.push_back({name, feed != track.feeds.end() ? std::optional(feed->second) : std::nullopt,
                       own != posts->end() ? std::move(own->second) : std::vector<BoardPost>{}});
  }
  return build_board({track.name, track.starts_on, track.ends_on},
                     {goal->id, goal->title, goal->definition}, std::move(members), day);
}

}  // namespace hoego
