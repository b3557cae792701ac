#!/bin/sh
# HTTP throughput on loopback with wrk: hoego's /api/v1/dashboard and an entries page, next to a
# bare cpp-httplib handler serving a fixed body, in the same run, every connection kept alive
# (wrk's way). Usage:
#   bench/http.sh BUILD_DIR DATA_DIR
# DATA_DIR is a data directory the benchmarks built (bench-data/N). HOEGO_BINARY and BARE_SERVER
# replace BUILD_DIR's programs (to measure an older build). Prints wrk's summaries and hoego's
# dashboard rate as a share of the bare handler's.
set -eu
build=$1
data=$2
hoego_binary=${HOEGO_BINARY:-$build/bin/hoego}
bare_binary=${BARE_SERVER:-$build/bin/bare_server}
duration=${HTTP_BENCH_SECONDS:-5}
if ! command -v wrk >/dev/null 2>&1; then
  echo "http.sh: wrk is not installed (apt install wrk); skipping the HTTP benchmark" >&2
  exit 0
fi

HOEGO_DATA=$data HOEGO_TZ=Asia/Seoul "$hoego_binary" serve --port 8432 >/dev/null &
hoego=$!
"$bare_binary" 8431 >/dev/null &
bare=$!
# Waits for both to exit, so that a run right after this one finds the ports free.
trap 'kill $hoego $bare 2>/dev/null || true; wait' EXIT
sleep 1

# Prints wrk's summary of URL under the heading NAME; the rate goes to the file NAME's slug.
results=$(mktemp -d)
run() {
  echo "== $1"
  wrk -t 2 -c 16 -d "${duration}s" "$2" >"$results/out"
  grep -E "Requests/sec|Latency|Non-2xx|Socket errors" "$results/out" || true
  awk '/Requests\/sec/ { print $2 }' "$results/out" >"$results/$3"
}
run "bare cpp-httplib handler, fixed body" "http://127.0.0.1:8431/" bare
run "hoego GET /api/v1/dashboard?year=2026" "http://127.0.0.1:8432/api/v1/dashboard?year=2026" dashboard
run "hoego GET /api/v1/entries?limit=50" "http://127.0.0.1:8432/api/v1/entries?limit=50" entries
awk -v bare="$(cat "$results/bare")" -v dashboard="$(cat "$results/dashboard")" \
  -v entries="$(cat "$results/entries")" 'BEGIN {
    printf "hoego ÷ bare: dashboard %.0f%%, entries %.0f%% (target: dashboard ≥ 50%%)\n",
      100 * dashboard / bare, 100 * entries / bare }'
rm -rf "$results"
