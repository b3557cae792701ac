// A progress bar on stderr for long imports and exports, shown only when stderr is a terminal
// so that scripts and logs stay quiet.
#pragma once

#include <hoego/core/jsonl.h>

#include <string>

namespace hoego::cli {

// A Progress that draws "label [#####     ] 1200/5000" on a terminal, or does nothing.
Progress terminal_progress(std::string label);

}  // namespace hoego::cli
