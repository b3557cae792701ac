// A writing group's board: GET /tracks/{name}/board (JSON) and /tracks/{name}/board.csv.
#include <hoego/core/board_service.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "routes.h"

namespace hoego::http {
namespace {

// What a board request asks for besides the track: the goal, the day and the language of its
// words (the answer's: ?lang=, else the language the request accepts).
struct BoardQuery {
  std::optional<int64_t> goal;
  std::optional<std::string> as_of;
  std::string language;
};

Result<BoardQuery> board_query(const httplib::Request& request, const httplib::Response& response) {
  auto goal = query_goal_id(request);
  if (!goal) return goal.error();
  auto language = answer_language(request, response);
  if (!language) return language.error();
  return BoardQuery{*goal, query(request, "as_of"), *language};
}

// RFC 5987's filename*: the track's name may be Korean, which a plain filename cannot hold.
std::string percent_encoded(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return encoded;
}

}  // namespace

void register_board_routes(Api& api, ApiContext& context) {
  // A kept answer (one per language and query) is the warm board: 500 members' posts take some
  // 50 ms to read and evaluate, and nothing changes between two looks at an unchanged database.
  api.get("/tracks/{name}/board",
          [&context](const auto& request, auto& response, const Params& params) {
            auto asked = board_query(request, response);
            if (!asked) return send_error(response, asked.error());
            auto board = BoardService(context.db, context.time_zone())
                             .board(params.at(0), asked->goal, asked->as_of);
            if (!board) return send_error(response, board.error());
            response.status = 200;
            response.set_content(board_json_text(*board, asked->language),
                                 "application/json; charset=utf-8");
          });

  // Per request: the CSV's download name is a header a kept answer would not carry.
  api.get_per_request("/tracks/{name}/board.csv", [&context](const auto& request, auto& response,
                                                             const Params& params) {
    auto asked = board_query(request, response);
    if (!asked) return send_error(response, asked.error());
    auto board = BoardService(context.db, context.time_zone())
                     .board(params.at(0), asked->goal, asked->as_of);
    if (!board) return send_error(response, board.error());
    std::ostringstream csv;
    write_board_csv(*board, asked->language, csv);
    response.status = 200;
    response.set_header("Content-Disposition",
                        "attachment; filename=\"board-" + board->as_of +
                            ".csv\"; filename*=UTF-8''" +
                            percent_encoded(board->track.name + " board " + board->as_of + ".csv"));
    response.set_content(csv.str(), "text/csv; charset=utf-8");
  });
}

}  // namespace hoego::http
