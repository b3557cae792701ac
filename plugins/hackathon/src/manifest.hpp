// The hackathon plugin's manifest: the hackathons and contests entered (team, role, result) and
// their phases from registration to results, what the core counts from them, and which
// milestones it derives. The host validates this text when it loads the plugin;
// docs/plugin-reference.md describes the format.
#pragma once

namespace hoego::hackathon {

inline constexpr char kManifest[] = R"json({
  "id": "hackathon",
  "name": {"ko": "해커톤·공모전", "en": "Hackathons & contests"},
  "version": "1.1.0",
  "description": {
    "ko": "참가한 해커톤과 공모전의 팀, 맡은 역할, 결과와 단계별 마감을 기록합니다.",
    "en": "Hackathons and contests entered: the team, your role, the result and each phase's deadline."
  },
  "kinds": [
    {
      "id": "event",
      "version": 1,
      "label": {"ko": "해커톤·공모전", "en": "Hackathon or contest"},
      "people": {"label": {"ko": "팀원", "en": "Team members"}, "required": false},
      "fields": [
        {"id": "organiser", "type": "text", "label": {"ko": "주최", "en": "Organiser"}},
        {"id": "starts_on", "type": "date", "label": {"ko": "시작일", "en": "Starts on"}},
        {"id": "ends_on", "type": "date", "label": {"ko": "종료일", "en": "Ends on"}},
        {"id": "role", "type": "text", "label": {"ko": "맡은 역할", "en": "Role"}},
        {"id": "result", "type": "choice", "label": {"ko": "결과", "en": "Result"},
         "options": [
           {"id": "entered", "label": {"ko": "참가", "en": "Took part"}},
           {"id": "finalist", "label": {"ko": "본선 진출", "en": "Finalist"}},
           {"id": "award", "label": {"ko": "수상", "en": "Award"}},
           {"id": "none", "label": {"ko": "결과 없음", "en": "No result"}}
         ]},
        {"id": "award", "type": "text", "label": {"ko": "받은 상", "en": "Award name"}},
        {"id": "repository", "type": "url", "label": {"ko": "저장소", "en": "Repository"}},
        {"id": "demo", "type": "url", "label": {"ko": "데모", "en": "Demo"}}
      ]
    },
    {
      "id": "phase",
      "version": 1,
      "label": {"ko": "진행 단계", "en": "Phase"},
      "calendar": {"date_field": "deadline"},
      "fields": [
        {"id": "phase", "type": "choice", "required": true, "label": {"ko": "단계", "en": "Phase"},
         "options": [
           {"id": "registration", "label": {"ko": "참가 신청", "en": "Registration"}},
           {"id": "idea", "label": {"ko": "아이디어", "en": "Idea"}},
           {"id": "prototype", "label": {"ko": "프로토타입", "en": "Prototype"}},
           {"id": "submission", "label": {"ko": "제출", "en": "Submission"}},
           {"id": "demo", "label": {"ko": "데모 발표", "en": "Demo"}},
           {"id": "result", "label": {"ko": "결과 발표", "en": "Results"}}
         ]},
        {"id": "deadline", "type": "date", "label": {"ko": "마감일", "en": "Deadline"}}
      ]
    }
  ],
  "metrics": [
    {"id": "events", "label": {"ko": "참가한 대회", "en": "Events entered"},
     "kind": "event", "aggregate": "count"},
    {"id": "awards", "label": {"ko": "수상", "en": "Awards"},
     "kind": "event", "aggregate": "count", "where": {"result": "award"}},
    {"id": "days_to_submission",
     "label": {"ko": "신청부터 제출까지 걸린 날", "en": "Days from registration to submission"},
     "kind": "phase", "aggregate": "average_span_days", "group_by": "track",
     "from": {"phase": "registration"}, "to": {"phase": "submission"}, "unit": "days"}
  ],
  "widgets": [
    {"type": "stats"},
    {"type": "recent", "kind": "event", "limit": 5},
    {"type": "goals"},
    {"type": "milestones", "limit": 5}
  ],
  "milestones": [
    {"id": "first_award", "label": {"ko": "첫 수상", "en": "First award"}},
    {"id": "first_submission", "label": {"ko": "첫 제출", "en": "First submission"}}
  ]
})json";

}  // namespace hoego::hackathon
