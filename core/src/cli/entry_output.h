// How entries look on a terminal.
#pragma once

#include <hoego/core/entry.h>
#include <hoego/core/manifest.h>

#include <string>

#include "words.h"

namespace hoego::cli {

// One line: "#1  2022-10-05 20:00 +09:00  mentoring/session  취업 상담 · 김민지".
std::string entry_line(const Entry& entry, const Words& words);

// "(revision 2)" or "(2번째 판)", as `show` and `edit` name a revision.
std::string revision_text(int revision, const Words& words);

// Every detail, labelled in the user's language; the fields' labels, choices and units come
// from the kind's manifest when it is known.
std::string entry_details(const Entry& entry, const KindSpec* kind, const Words& words);

}  // namespace hoego::cli
