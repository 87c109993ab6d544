#!/usr/bin/env bash
# Callback ingestion: signed + encrypted WeCom callbacks verified, decrypted, stored and acknowledged per second,
# side by side with raw single-row durable inserts of the same rows into the same MariaDB (docs/BENCHMARKS.md,
# section "HTTP benchmarks"). Needs a running app (bench/app.sh) and wrk (Debian: apt-get install -y wrk).
# Usage: bench/callbacks.sh [seconds per run] [rounds]     (default 20 s, 2 rounds)
# Env:   QK_BASE_URL (default http://127.0.0.1:18300), QK_DB (default qingke_bench_http), QK_CORP (ww-demo-corp),
#        WECOM_CALLBACK_TOKEN / WECOM_CALLBACK_AES_KEY (the app's; default those bench/app.sh uses),
#        QK_CONCURRENCY (connections of both sides, default 50), QK_CALLBACKS (callbacks generated per round,
#        default 8000 per second of run), QK_CLASSPATH (the output of bench/classpath.sh, to skip the Maven build),
#        QK_DRAIN_MAX (how long to wait for the inbox worker's backlog after each HTTP run, default 300 s).
# Each round generates fresh callbacks (distinct MsgIds and events, timestamps inside the app's replay window), then
# runs wrk against POST /wecom/callback (a request counts when the app answered 200 "success", i.e. after the
# insert committed), then com.qingke.bench.CallbackRawLoad inserting the same decrypted rows into a copy of
# inbox_message with auto-commit. The app's inbox worker keeps processing the stored callbacks during the HTTP run,
# as in production; the raw run starts once it has caught up. The rows stay in inbox_message / bench_raw_inbox.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_SECONDS=${1:-20}
ROUNDS=${2:-2}
BASE=${QK_BASE_URL:-http://127.0.0.1:18300}
DB=${QK_DB:-qingke_bench_http}
CORP=${QK_CORP:-ww-demo-corp}
TOKEN=${WECOM_CALLBACK_TOKEN:-benchCallbackToken}
AES_KEY=${WECOM_CALLBACK_AES_KEY:-hlzJfy28qaABqqOikqwwbfd71Ck6XzzG9uKTjYqsYCk}
CONCURRENCY=${QK_CONCURRENCY:-50}
COUNT=${QK_CALLBACKS:-$(( RUN_SECONDS * 8000 ))}
source bench/http-common.sh
pending() { mariadb --protocol=tcp -h127.0.0.1 -uroot -N -B "$DB" -e "select count(*) from inbox_message where status = 'PENDING'"; }
# the inbox worker's backlog from the HTTP run must not compete with the raw run (at most QK_DRAIN_MAX seconds,
# default 300); reports how fast the worker drained it with no HTTP load next to it
drain() {
  local before start now left
  before=$(pending); start=$(date +%s.%N)
  for _ in $(seq "${QK_DRAIN_MAX:-300}"); do
    left=$(pending)
    if [ "$left" = 0 ]; then
      now=$(date +%s.%N)
      awk -v n="$before" -v s="$start" -v e="$now" 'BEGIN { d = e - s; if (n > 0 && d > 0)
        printf "  inbox drain: %d pending after the run, drained in %.1f s (%.0f msg/s)\n", n, d, n / d }'
      return
    fi
    sleep 1
  done
  echo "  (inbox not drained: $(pending) of $before still pending after ${QK_DRAIN_MAX:-300} s)"
}
cp=${QK_CLASSPATH:-$(bench/classpath.sh)}
generate() { java -Xmx512m -cp "$cp" com.qingke.bench.CallbackBenchData "$1" "$work" "$TOKEN" "$AES_KEY" "$CORP" >/dev/null; }
endpoint() { QK_CALLBACKS_FILE="$work/callbacks.wrk" QK_WRK_THREADS=2 wrk -t2 -c"$CONCURRENCY" -d"${1}s" --timeout 10s \
  -s bench/callbacks.lua "$BASE" | grep '^RESULT'; }
raw() { java -Xmx512m -cp "$cp" com.qingke.bench.CallbackRawLoad "$JDBC_URL" root '' "$work/callbacks.raw" "$CONCURRENCY" "$1" "$CORP" \
  | grep -E '^(RESULT|WARNING)'; }

generate 200
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: text/xml' \
  --data-binary "$(head -1 "$work/callbacks.wrk" | cut -f2)" "$BASE$(head -1 "$work/callbacks.wrk" | cut -f1)")
[ "$code" = 200 ] || { echo "the app answered $code to a signed callback (token? AES key? corp id?)" >&2; exit 1; }
echo "$CONCURRENCY concurrent, ${RUN_SECONDS}s per run, $COUNT callbacks generated per round"
echo "warm-up (not counted), load $(loadavg)"
generate 20000
endpoint 20 >/dev/null
drain >/dev/null
raw 5 >/dev/null
for round in $(seq "$ROUNDS"); do
  generate "$COUNT"
  echo "round $round: load before $(loadavg)"
  e=$(endpoint "$RUN_SECONDS"); echo "  $e"
  drain
  echo "  load $(loadavg)"
  r=$(raw "$RUN_SECONDS"); echo "  $r"
  echo "  load after $(loadavg)"
  awk -v e="$e" -v r="$(head -1 <<<"$r")" 'BEGIN {
    split(e, a, " "); split(r, b, " ")
    for (i in a) { split(a[i], kv, "="); E[kv[1]] = kv[2] }
    for (i in b) { split(b[i], kv, "="); R[kv[1]] = kv[2] }
    printf "  callbacks / raw inserts: throughput %.0f%% (target >= 50%%), ack p99 %.1f ms (target <= 50 ms)\n",
      100 * E["rps"] / R["rps"], E["p99_ms"] }'
done
