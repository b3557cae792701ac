// Text as feeds carry it (CDATA, escaped HTML, inline XHTML), made plain: what the feed reader
// keeps of titles, summaries and categories. Private to the domain.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hoego {

// Trims and folds every run of white space (no-break spaces too) into one space: feed titles
// often carry the line breaks and indentation of the XML around them.
std::string one_line(std::string_view text);

// one_line without control characters: for what a feed adds beside a post's title (its summary,
// its categories), where a stray control character is dropped rather than refusing the feed.
std::string plain_line(std::string_view text);

// Whether an HTML element ends a run of text (a paragraph, a line break, a list item…), so that
// the words either side of it stay apart once the markup is gone. `name` is lower case.
bool is_block_element(std::string_view name);

// The plain text of an HTML fragment: tags, comments, scripts and styles dropped, a space where a
// block element stands, the common entities and numeric references decoded. A '<' that starts no
// tag ("a < b") is kept as text. White space is left as it was.
std::string html_to_text(std::string_view html);

// `text` (valid UTF-8) cut to at most `max_characters` characters, at the last space when one is
// near the end, with "…" as its last character when anything was cut.
std::string bounded(std::string text, size_t max_characters);

}  // namespace hoego
