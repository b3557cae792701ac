// Where one HTTP/1.1 request ends in the bytes read from a connection so far, so that the
// connection loop hands a worker only a request that has fully arrived, and a kept-alive
// connection's next request starts exactly where this one's body ends.
#pragma once

#include <cstddef>
#include <string_view>

namespace hoego::http {

struct Framing {
  enum class State {
    kIncomplete,  // wait for more bytes
    kComplete,    // head and body are all in the buffer: `length` bytes
    kHeadOnly,    // the head is in; the worker reads the body itself, then the connection closes
    kRefused,     // answer `status` and close without handing the request to the routes
  };
  State state = State::kIncomplete;
  size_t length = 0;  // kComplete: head and body
  int status = 0;     // kRefused: 400 or 431
  // A write with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 6.3), but
  // cpp-httplib would read one until the connection closes: the head gets "Content-Length: 0"
  // inserted at `head_end` before it is parsed.
  bool add_zero_length = false;
  size_t head_end = 0;  // where the blank line that ends the head starts
};

struct FramingLimits {
  size_t max_head = 64 * 1024;
  size_t max_buffered_body = 1 << 20;
};

// Reads the request at the start of `buffer`. A body is framed by Content-Length only: a
// request with Transfer-Encoding or Expect: 100-continue, or a body over max_buffered_body,
// is handed over with its head only, and its connection is not reused. A head with a bare LF,
// or a malformed or repeated Content-Length is refused, so that this
// reading and the HTTP parser's can never disagree on where a request ends.
Framing frame_request(std::string_view buffer, const FramingLimits& limits = {});

}  // namespace hoego::http
