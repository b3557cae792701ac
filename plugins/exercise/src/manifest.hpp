// The exercise plugin's manifest: workouts and other habits kept as check-ins (a run, a yoga
// class, ten minutes of meditation), what the core counts from them, and which milestones it
// derives. "Exercise every week" is a goal on the check-in kind with a weekly cadence, passes
// and pauses, evaluated by the core like any other. The host validates this text when it loads
// the plugin; docs/plugin-reference.md describes the format.
#pragma once

namespace hoego::exercise {

inline constexpr char kManifest[] = R"json({
  "id": "exercise",
  "name": {"ko": "운동·습관", "en": "Exercise & habits"},
  "version": "1.0.0",
  "description": {
    "ko": "운동과 습관을 한 번씩 체크인합니다: 종류와 시간, 거리.",
    "en": "Workouts and other habits, one check-in at a time: the kind, minutes and distance."
  },
  "kinds": [
    {
      "id": "check_in",
      "version": 1,
      "label": {"ko": "체크인", "en": "Check-in"},
      "people": {"label": {"ko": "함께한 사람", "en": "With"}, "required": false},
      "fields": [
        {"id": "type", "type": "choice", "required": true, "label": {"ko": "종류", "en": "Type"},
         "options": [
           {"id": "running", "label": {"ko": "달리기", "en": "Running"}},
           {"id": "walking", "label": {"ko": "걷기", "en": "Walking"}},
           {"id": "cycling", "label": {"ko": "자전거", "en": "Cycling"}},
           {"id": "swimming", "label": {"ko": "수영", "en": "Swimming"}},
           {"id": "hiking", "label": {"ko": "등산", "en": "Hiking"}},
           {"id": "strength", "label": {"ko": "근력 운동", "en": "Strength"}},
           {"id": "yoga", "label": {"ko": "요가", "en": "Yoga"}},
           {"id": "pilates", "label": {"ko": "필라테스", "en": "Pilates"}},
           {"id": "climbing", "label": {"ko": "클라이밍", "en": "Climbing"}},
           {"id": "stretching", "label": {"ko": "스트레칭", "en": "Stretching"}},
           {"id": "meditation", "label": {"ko": "명상", "en": "Meditation"}},
           {"id": "other", "label": {"ko": "기타", "en": "Other"}}
         ]},
        {"id": "minutes", "type": "integer", "min": 0, "max": 1440, "unit": "min",
         "label": {"ko": "시간", "en": "Duration"}},
        {"id": "distance_km", "type": "number", "min": 0, "max": 1000, "unit": "km",
         "label": {"ko": "거리", "en": "Distance"}}
      ]
    }
  ],
  "metrics": [
    {"id": "check_ins", "label": {"ko": "체크인", "en": "Check-ins"},
     "kind": "check_in", "aggregate": "count", "by": "type"},
    {"id": "favourite_type", "label": {"ko": "가장 자주 한 운동", "en": "Most frequent"},
     "kind": "check_in", "aggregate": "most_frequent", "field": "type"},
    {"id": "hours", "label": {"ko": "운동한 시간", "en": "Hours"},
     "kind": "check_in", "aggregate": "sum", "field": "minutes", "divide_by": 60, "unit": "h",
     "by": "type"},
    {"id": "check_ins_per_month", "label": {"ko": "월평균 체크인", "en": "Check-ins per month"},
     "kind": "check_in", "aggregate": "per_month"},
    {"id": "longest_break", "label": {"ko": "가장 길게 쉰 기간", "en": "Longest break"},
     "kind": "check_in", "aggregate": "longest_gap_days", "unit": "days"}
  ],
  "widgets": [
    {"type": "goals"},
    {"type": "stats"},
    {"type": "recent", "kind": "check_in", "limit": 5},
    {"type": "milestones", "limit": 5}
  ],
  "milestones": [
    {"id": "first_check_in_of_year",
     "label": {"ko": "그해 첫 체크인", "en": "First check-in of the year"}},
    {"id": "new_type",
     "label": {"ko": "새로 시작한 운동", "en": "A new kind of exercise"}}
  ]
})json";

}  // namespace hoego::exercise
