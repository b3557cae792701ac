// The study plugin's manifest: the sessions of a paper-study group (the paper read, who presented,
// what was learned) and milestones entered by hand, what the core counts from them, and which
// milestones it derives. The host validates this text when it loads the plugin;
// docs/plugin-reference.md describes the format.
#pragma once

namespace hoego::study {

inline constexpr char kManifest[] = R"json({
  "id": "study",
  "name": {"ko": "스터디", "en": "Study"},
  "version": "1.0.0",
  "description": {
    "ko": "논문 스터디의 세션마다 읽은 논문, 발표한 사람, 배운 점을 기록합니다.",
    "en": "Paper-study sessions: the paper read, who presented it and what was learned."
  },
  "kinds": [
    {
      "id": "session",
      "version": 1,
      "label": {"ko": "스터디 세션", "en": "Study session"},
      "calendar": {"default_minutes": 120},
      "people": {"label": {"ko": "참석자", "en": "Attendees"}, "required": false},
      "fields": [
        {"id": "topic", "type": "text", "required": true, "label": {"ko": "주제", "en": "Topic"}},
        {"id": "paper_title", "type": "text", "label": {"ko": "논문 제목", "en": "Paper title"}},
        {"id": "paper_url", "type": "url", "label": {"ko": "논문 링크", "en": "Paper link"}},
        {"id": "presented", "type": "boolean",
         "label": {"ko": "내가 발표함", "en": "I presented"}},
        {"id": "presenter", "type": "text",
         "label": {"ko": "발표자 (내가 아닐 때)", "en": "Presenter (when not me)"}},
        {"id": "learned", "type": "markdown", "label": {"ko": "배운 점", "en": "What I learned"}}
      ]
    },
    {
      "id": "milestone",
      "version": 1,
      "label": {"ko": "스터디 이정표", "en": "Study milestone"},
      "fields": [
        {"id": "note", "type": "text", "label": {"ko": "메모", "en": "Note"}}
      ]
    }
  ],
  "metrics": [
    {"id": "sessions", "label": {"ko": "참석한 세션", "en": "Sessions attended"},
     "kind": "session", "aggregate": "count"},
    {"id": "papers", "label": {"ko": "읽은 논문", "en": "Papers read"},
     "kind": "session", "aggregate": "count", "where": {"paper_title": {"present": true}}},
    {"id": "presentations", "label": {"ko": "내 발표", "en": "My presentations"},
     "kind": "session", "aggregate": "count", "where": {"presented": true}}
  ],
  "widgets": [
    {"type": "stats"},
    {"type": "goals"},
    {"type": "recent", "kind": "session", "limit": 5},
    {"type": "milestones", "limit": 5}
  ],
  "milestones": [
    {"id": "first_presentation", "label": {"ko": "첫 발표", "en": "First presentation"}},
    {"id": "tenth_paper", "label": {"ko": "열 번째 논문", "en": "Tenth paper"}}
  ]
})json";

}  // namespace hoego::study
