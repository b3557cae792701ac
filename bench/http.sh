#!/bin/sh
# HTTP throughput on loopback with wrk: hoego's /api/v1/dashboard and an entries page, next to a
# bare cpp-httplib handler serving a fixed body, in the same run. Usage:
#   bench/http.sh BUILD_DIR DATA_DIR
# DATA_DIR is a data directory the benchmarks built (bench-data/N). Prints wrk's summaries.
set -eu
build=$1
data=$2
duration=${HTTP_BENCH_SECONDS:-5}
if ! command -v wrk >/dev/null 2>&1; then
  echo "http.sh: wrk is not installed (apt install wrk); skipping the HTTP benchmark" >&2
  exit 0
fi

HOEGO_DATA=$data HOEGO_TZ=Asia/Seoul "$build/bin/hoego" serve --port 8432 >/dev/null &
hoego=$!
"$build/bin/bare_server" 8431 >/dev/null &
bare=$!
trap 'kill $hoego $bare 2>/dev/null || true' EXIT
sleep 1

run() {
  echo "== $1"
  wrk -t 2 -c 16 -d "${duration}s" "$2" | grep -E "Requests/sec|Latency|Non-2xx|Socket errors" || true
}
run "bare cpp-httplib handler, fixed body" "http://127.0.0.1:8431/"
run "hoego GET /api/v1/dashboard?year=2026" "http://127.0.0.1:8432/api/v1/dashboard?year=2026"
run "hoego GET /api/v1/entries?limit=50" "http://127.0.0.1:8432/api/v1/entries?limit=50"
