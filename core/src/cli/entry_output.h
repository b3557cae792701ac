// How entries look on a terminal.
#pragma once

#include <hoego/core/entry.h>
#include <hoego/core/manifest.h>

#include <string>

namespace hoego::cli {

// One line: "#1  2022-10-05 20:00 +09:00  mentoring/session  취업 상담 · 김민지".
std::string entry_line(const Entry& entry);

// Every detail, the fields labelled in `language` from the kind's manifest when known.
std::string entry_details(const Entry& entry, const KindSpec* kind, const std::string& language);

}  // namespace hoego::cli
