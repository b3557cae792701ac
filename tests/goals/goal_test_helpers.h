// Contributions and outcomes written the short way, for tests of goal evaluation.
#pragma once

#include <hoego/core/goal.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace hoego::testing {

// One entry on each of `dates`.
inline std::vector<Contribution> on(std::initializer_list<const char*> dates) {
  std::vector<Contribution> contributions;
  for (const char* date : dates) contributions.push_back({date, 1});
  return contributions;
}

// "met passed missed open ": each cycle's outcome, in order.
inline std::string outcomes(const GoalState& state) {
  std::string text;
  for (const auto& cycle : state.cycles) text += std::string(outcome_name(cycle.outcome)) + " ";
  return text;
}

}  // namespace hoego::testing
