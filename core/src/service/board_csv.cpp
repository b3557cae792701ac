#include <hoego/core/board_service.h>
#include <hoego/core/csv_export.h>

#include <vector>

namespace hoego {

void write_board_csv(const Board& board, std::string_view language, std::ostream& out) {
  out << "\xEF\xBB\xBF";  // the BOM: without it, Excel reads UTF-8 as the system code page
  auto write_row = [&out](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) out << (i == 0 ? "" : ",") << csv_cell(cells[i]);
    out << "\r\n";
  };
  std::vector<std::string> header{"member", "feed", "passes_left"};
  for (const auto& cycle : board.cycles) header.push_back(cycle.ends_on);
  write_row(header);
  for (const auto& member : board.members) {
    std::vector<std::string> row{member.name, member.feed.value_or(""),
                                 std::to_string(member.passes_left)};
    for (const auto& cell : member.cells) {
      // A posted cell links to its first post with an address, so that the sheet opens it in a
      // click.
      const BoardPost* linked = nullptr;
      if (cell.status == CellStatus::kPosted)
        for (const auto& post : cell.posts)
          if (post.url && linked == nullptr) linked = &post;
      row.push_back(linked != nullptr ? *linked->url : cell_status_label(cell.status, language));
    }
    write_row(row);
  }
}

}  // namespace hoego
