// The events plugin's manifest: the rest of a year spent with others outside its groups —
// conferences and meetups attended, talks given, coffee chats, courses taken — what the core
// counts from them, and which milestones it derives. Each is its own kind so that a goal
// ("a coffee chat a month") counts just that kind. The host validates this text when it loads
// the plugin; docs/plugin-reference.md describes the format.
#pragma once

namespace hoego::events {

inline constexpr char kManifest[] = R"json({
  "id": "events",
  "name": {"ko": "행사·만남", "en": "Events & people"},
  "version": "1.0.0",
  "description": {
    "ko": "참석한 컨퍼런스와 밋업, 내가 한 발표, 커피챗, 들은 강의를 기록합니다.",
    "en": "Conferences and meetups attended, talks given, coffee chats and courses taken."
  },
  "kinds": [
    {
      "id": "event",
      "version": 1,
      "label": {"ko": "참석한 행사", "en": "Event"},
      "people": {"label": {"ko": "만난 사람", "en": "People met"}, "required": false},
      "fields": [
        {"id": "type", "type": "choice", "label": {"ko": "종류", "en": "Type"},
         "options": [
           {"id": "conference", "label": {"ko": "컨퍼런스", "en": "Conference"}},
           {"id": "meetup", "label": {"ko": "밋업", "en": "Meetup"}},
           {"id": "seminar", "label": {"ko": "세미나", "en": "Seminar"}},
           {"id": "workshop", "label": {"ko": "워크숍", "en": "Workshop"}},
           {"id": "other", "label": {"ko": "기타", "en": "Other"}}
         ]},
        {"id": "organiser", "type": "text", "label": {"ko": "주최", "en": "Organiser"}},
        {"id": "place", "type": "text", "label": {"ko": "장소", "en": "Where"}},
        {"id": "ends_on", "type": "date",
         "label": {"ko": "마지막 날 (여러 날일 때)", "en": "Last day (when it runs for days)"}},
        {"id": "url", "type": "url", "label": {"ko": "행사 페이지", "en": "Event page"}}
      ]
    },
    {
      "id": "talk",
      "version": 1,
      "label": {"ko": "내가 한 발표", "en": "Talk"},
      "people": {"label": {"ko": "함께 발표한 사람", "en": "Co-speakers"}, "required": false},
      "fields": [
        {"id": "event", "type": "text", "required": true,
         "label": {"ko": "발표한 행사", "en": "Event"}},
        {"id": "audience", "type": "integer", "min": 0, "max": 1000000,
         "label": {"ko": "청중 수", "en": "Audience size"}},
        {"id": "slides", "type": "url", "label": {"ko": "발표 자료", "en": "Slides"}},
        {"id": "video", "type": "url", "label": {"ko": "발표 영상", "en": "Recording"}}
      ]
    },
    {
      "id": "coffee_chat",
      "version": 1,
      "label": {"ko": "커피챗", "en": "Coffee chat"},
      "people": {"label": {"ko": "만난 사람", "en": "People met"}, "required": true},
      "fields": [
        {"id": "topic", "type": "text", "label": {"ko": "나눈 이야기", "en": "Topic"}},
        {"id": "place", "type": "text", "label": {"ko": "장소", "en": "Where"}}
      ]
    },
    {
      "id": "course",
      "version": 1,
      "label": {"ko": "강의·교육", "en": "Course"},
      "people": {"label": {"ko": "함께 들은 사람", "en": "Classmates"}, "required": false},
      "fields": [
        {"id": "provider", "type": "text", "label": {"ko": "제공처", "en": "Provider"}},
        {"id": "starts_on", "type": "date", "label": {"ko": "시작일", "en": "Starts on"}},
        {"id": "ends_on", "type": "date", "label": {"ko": "종료일", "en": "Ends on"}},
        {"id": "completed", "type": "boolean", "label": {"ko": "수료함", "en": "Completed"}},
        {"id": "certificate", "type": "url", "label": {"ko": "수료증", "en": "Certificate"}}
      ]
    }
  ],
  "metrics": [
    {"id": "events", "label": {"ko": "참석한 행사", "en": "Events attended"},
     "kind": "event", "aggregate": "count", "by": "type"},
    {"id": "talks", "label": {"ko": "내가 한 발표", "en": "Talks given"},
     "kind": "talk", "aggregate": "count"},
    {"id": "audience", "label": {"ko": "발표를 들은 사람", "en": "Audience reached"},
     "kind": "talk", "aggregate": "sum", "field": "audience"},
    {"id": "coffee_chats", "label": {"ko": "커피챗", "en": "Coffee chats"},
     "kind": "coffee_chat", "aggregate": "count"},
    {"id": "people_met", "label": {"ko": "커피챗으로 만난 사람", "en": "People met over coffee"},
     "kind": "coffee_chat", "aggregate": "distinct_people"},
    {"id": "first_met_over_coffee",
     "label": {"ko": "커피챗에서 처음 만난 사람", "en": "People first met over coffee"},
     "kind": "coffee_chat", "aggregate": "distinct_people", "first_time": true},
    {"id": "first_met_at_events",
     "label": {"ko": "행사에서 처음 만난 사람", "en": "People first met at events"},
     "kind": "event", "aggregate": "distinct_people", "first_time": true},
    {"id": "courses_completed", "label": {"ko": "수료한 강의", "en": "Courses completed"},
     "kind": "course", "aggregate": "count", "where": {"completed": true}}
  ],
  "widgets": [
    {"type": "stats"},
    {"type": "goals"},
    {"type": "recent", "limit": 5},
    {"type": "milestones", "limit": 5}
  ],
  "milestones": [
    {"id": "first_talk", "label": {"ko": "첫 발표", "en": "First talk"}},
    {"id": "first_coffee_chat_with",
     "label": {"ko": "처음 커피챗을 한 사람", "en": "First coffee chat with someone"}},
    {"id": "first_course_completed",
     "label": {"ko": "첫 수료", "en": "First course completed"}}
  ]
})json";

}  // namespace hoego::events
