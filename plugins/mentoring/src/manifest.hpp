// The mentoring plugin's manifest: what it records (sessions given, feedback received), what the
// core counts from it, and which milestones it derives. The host validates this text when it
// loads the plugin; docs/plugin-reference.md describes the format.
#pragma once

namespace hoego::mentoring {

inline constexpr char kManifest[] = R"json({
  "id": "mentoring",
  "name": {"ko": "멘토링", "en": "Mentoring"},
  "version": "1.0.0",
  "description": {
    "ko": "멘토링 세션과 해 준 피드백, 약속한 후속 조치, 받은 피드백을 기록합니다.",
    "en": "Mentoring sessions with the feedback given and follow-ups promised, and feedback received."
  },
  "kinds": [
    {
      "id": "session",
      "version": 1,
      "label": {"ko": "멘토링 세션", "en": "Mentoring session"},
      "calendar": {"duration_field": "duration_min"},
      "people": {"label": {"ko": "멘티", "en": "Mentees"}, "required": true},
      "fields": [
        {"id": "duration_min", "type": "integer", "required": true, "min": 1, "max": 1440,
         "unit": "min", "label": {"ko": "진행 시간", "en": "Duration"}},
        {"id": "topics", "type": "list", "label": {"ko": "주제", "en": "Topics"}},
        {"id": "feedback", "type": "markdown", "label": {"ko": "해 준 피드백", "en": "Feedback given"}},
        {"id": "followups", "type": "checklist",
         "label": {"ko": "약속한 후속 조치", "en": "Follow-ups promised"}}
      ]
    },
    {
      "id": "feedback",
      "version": 1,
      "label": {"ko": "받은 피드백", "en": "Feedback received"},
      "people": {"label": {"ko": "피드백을 준 사람", "en": "Given by"}, "required": false},
      "fields": [
        {"id": "source", "type": "choice", "required": true,
         "label": {"ko": "출처", "en": "Source"},
         "options": [
           {"id": "mentee", "label": {"ko": "멘티", "en": "Mentee"}},
           {"id": "organiser", "label": {"ko": "운영진", "en": "Organiser"}},
           {"id": "peer", "label": {"ko": "동료 멘토", "en": "Peer mentor"}}
         ]},
        {"id": "rating", "type": "integer", "min": 1, "max": 5,
         "label": {"ko": "평점", "en": "Rating"}}
      ]
    }
  ],
  "metrics": [
    {"id": "sessions", "label": {"ko": "세션", "en": "Sessions"},
     "kind": "session", "aggregate": "count"},
    {"id": "hours", "label": {"ko": "멘토링 시간", "en": "Hours mentored"},
     "kind": "session", "aggregate": "sum", "field": "duration_min", "divide_by": 60, "unit": "h"},
    {"id": "mentees", "label": {"ko": "만난 멘티", "en": "Mentees met"},
     "kind": "session", "aggregate": "distinct_people"},
    {"id": "open_followups", "label": {"ko": "남은 후속 조치", "en": "Open follow-ups"},
     "kind": "session", "aggregate": "count_items", "field": "followups", "where": {"done": false}}
  ],
  "widgets": [
    {"type": "stats", "metrics": ["sessions", "hours", "mentees", "open_followups"]},
    {"type": "goals"},
    {"type": "recent", "kind": "session", "limit": 5},
    {"type": "milestones", "limit": 5}
  ],
  "milestones": [
    {"id": "first_session_with_mentee",
     "label": {"ko": "멘티와의 첫 세션", "en": "First session with a mentee"}},
    {"id": "tenth_session", "label": {"ko": "열 번째 세션", "en": "Tenth session"}},
    {"id": "ten_hours_with_mentee",
     "label": {"ko": "한 멘티와 10시간", "en": "Ten hours with one mentee"}}
  ]
})json";

}  // namespace hoego::mentoring
