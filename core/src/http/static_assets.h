// The web view's files as the binary embeds them (web_assets.h), answered so that a browser
// fetches each once per version. Under /v-VERSION/ (the addresses the embedded index.html uses)
// a file never changes, so browsers keep it without asking again (immutable, a year). At its
// own path, and index.html at "/", a file carries a strong ETag from its SHA-256 and
// Cache-Control: no-cache: the browser asks on every visit, gets 304 Not Modified while the
// binary is the same, and a new binary's index.html, naming a new version, at once. Text goes
// gzip-compressed to a client that accepts it, compressed once per process.
#pragma once

#include <httplib.h>

namespace hoego::http {

// Registers GET for every embedded file at its path and under /v-VERSION/, index.html at "/"
// and /index.html. The handlers
// choose the answer and leave its body to put_asset_body.
void serve_static_assets(httplib::Server& server);

// Puts in the body of the file the response's ETag names; nothing for any other response. Call
// it from the server's post-routing handler: cpp-httplib 0.11 compresses every text body a
// handler gives it (with brotli at its slowest quality: 25-35 ms for a 20 kB file, on every
// request, and again over a body already gzipped), but not one put in after routing.
void put_asset_body(httplib::Response& response);

}  // namespace hoego::http
