// The writing plugin's manifest: the posts published for a writing group or a blog, what the core
// counts from them, and which milestones it derives. An entry's `when` is the day the post was
// published. A post that names its author is a group member's, gathered from their feed: the
// metrics count the user's own posts (naming no one) apart from the members', and as its people
// are declared the authors, so do the user's goals. The post that
// reaches the user's goal is a milestone the core finds for every goal with a target. The host
// validates this text when it loads the plugin; docs/plugin-reference.md describes the format.
#pragma once

namespace hoego::writing {

inline constexpr char kManifest[] = R"json({
  "id": "writing",
  "name": {"ko": "글쓰기", "en": "Writing"},
  "version": "1.1.0",
  "description": {
    "ko": "글쓰기 모임과 블로그에 발행한 글을 기록합니다.",
    "en": "Posts published for writing groups and blogs."
  },
  "kinds": [
    {
      "id": "post",
      "version": 1,
      "label": {"ko": "글", "en": "Post"},
      "people": {"label": {"ko": "글쓴이", "en": "Author"}, "authors": true},
      "fields": [
        {"id": "url", "type": "url", "label": {"ko": "글 주소", "en": "URL"}},
        {"id": "platform", "type": "choice", "label": {"ko": "플랫폼", "en": "Platform"},
         "options": [
           {"id": "tistory", "label": {"ko": "티스토리", "en": "Tistory"}},
           {"id": "velog", "label": {"ko": "벨로그", "en": "velog"}},
           {"id": "medium", "label": {"ko": "미디엄", "en": "Medium"}},
           {"id": "github_pages", "label": {"ko": "GitHub Pages", "en": "GitHub Pages"}},
           {"id": "brunch", "label": {"ko": "브런치", "en": "Brunch"}},
           {"id": "other", "label": {"ko": "기타", "en": "Other"}}
         ]},
        {"id": "word_count", "type": "integer", "min": 0,
         "label": {"ko": "단어 수", "en": "Word count"}},
        {"id": "guid", "type": "text", "label": {"ko": "피드 항목 ID", "en": "Feed item ID"}}
      ]
    }
  ],
  "metrics": [
    {"id": "posts", "label": {"ko": "발행한 글", "en": "Posts published"},
     "kind": "post", "aggregate": "count", "people": "none"},
    {"id": "posts_per_month", "label": {"ko": "월평균 글", "en": "Posts per month"},
     "kind": "post", "aggregate": "per_month", "people": "none"},
    {"id": "longest_gap", "label": {"ko": "가장 길게 쉰 기간", "en": "Longest gap between posts"},
     "kind": "post", "aggregate": "longest_gap_days", "unit": "days", "people": "none"},
    {"id": "member_posts", "label": {"ko": "모은 멤버 글", "en": "Posts by group members"},
     "kind": "post", "aggregate": "count", "people": "some"}
  ],
  "widgets": [
    {"type": "goals"},
    {"type": "stats"},
    {"type": "recent", "kind": "post", "limit": 5},
    {"type": "milestones", "limit": 5}
  ],
  "milestones": [
    {"id": "first_post_in_track",
     "label": {"ko": "트랙의 첫 글", "en": "First post in a track"}}
  ]
})json";

}  // namespace hoego::writing
