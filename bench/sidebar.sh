#!/usr/bin/env bash
# The sidebar's first-screen call under concurrent reps, side by side with the raw JDBC queries it needs
# (docs/BENCHMARKS.md, section "HTTP benchmarks"). Needs a running app on the benchmark database (bench/app.sh) and wrk
# (Debian: apt-get install -y wrk).
# Usage: bench/sidebar.sh [seconds per run] [rounds]     (default 30 s, 2 rounds)
# Env:   QK_BASE_URL (default http://127.0.0.1:18300), QK_DB (default qingke_bench_http), QK_CORP (ww-demo-corp),
#        QINGKE_SESSION_SECRET (the app's; default the one bench/app.sh uses), QK_CONCURRENCY (default 50),
#        QK_PAIRS (how many (rep, followed customer) pairs to draw from, default 20000), QK_CLASSPATH (the output of
#        bench/classpath.sh, to skip the Maven build).
# Every request is one rep opening the sidebar of a customer they follow, with a session token made here with the
# app's secret (the format of platform.security.SessionTokens). Each round runs, for the same time and with the same
# concurrency and pairs: wrk against GET /api/sidebar/customers/{id}, then com.qingke.bench.SidebarRawLoad issuing the
# endpoint's SQL directly. Warm-up runs of both come first and are not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_SECONDS=${1:-30}
ROUNDS=${2:-2}
BASE=${QK_BASE_URL:-http://127.0.0.1:18300}
DB=${QK_DB:-qingke_bench_http}
CORP=${QK_CORP:-ww-demo-corp}
SECRET=${QINGKE_SESSION_SECRET:-bench-only-session-secret-not-for-production-01}
CONCURRENCY=${QK_CONCURRENCY:-50}
PAIRS=${QK_PAIRS:-20000}
source bench/http-common.sh
sql() { mariadb --protocol=tcp -h127.0.0.1 -uroot -N -B "$DB" -e "$1"; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# a session token for every active rep, then random pairs of a rep and a customer they follow
expires=$(( $(date +%s) + 3 * 3600 ))
sql "select id, wecom_userid from employee where corp_id='$CORP' and role='REP' and active" | while read -r id userid; do
  payload=$(printf '%s|%s|%s|%s' "$id" "$userid" "$CORP" "$expires" | b64url)
  printf '%s %s.%s\n' "$id" "$payload" "$(printf '%s' "$payload" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64url)"
done > "$work/tokens"
sql "select f.customer_id, f.employee_id from customer_follower f join employee e on e.id = f.employee_id
     join customer c on c.id = f.customer_id
     where e.corp_id = '$CORP' and e.role = 'REP' and e.active and f.active and c.status <> 'DELETED'
     order by rand(42) limit $PAIRS" > "$work/follows"
awk 'NR == FNR { token[$1] = $2; next } { print $1, token[$2], $2 }' "$work/tokens" "$work/follows" > "$work/pairs"
echo "data: $(sql "select count(*) from customer where corp_id='$CORP'") customers, $(sql "select count(*) from behaviour_event where corp_id='$CORP'") events;" \
  "$(wc -l < "$work/tokens") reps, $(wc -l < "$work/pairs") (rep, followed customer) pairs; $CONCURRENCY concurrent, ${RUN_SECONDS}s per run"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "qk_session=$(awk 'NR==1 {print $2}' "$work/pairs")" \
  "$BASE/api/sidebar/customers/$(awk 'NR==1 {print $1}' "$work/pairs")")
[ "$code" = 200 ] || { echo "the app answered $code to a rep opening a followed customer (secret? database?)" >&2; exit 1; }

cp=${QK_CLASSPATH:-$(bench/classpath.sh)}
endpoint() { QK_PAIRS_FILE="$work/pairs" wrk -t2 -c"$CONCURRENCY" -d"${1}s" --timeout 10s -s bench/sidebar.lua "$BASE" | grep '^RESULT'; }
raw() { java -Xmx512m -cp "$cp" com.qingke.bench.SidebarRawLoad "$JDBC_URL" root '' "$work/pairs" "$CONCURRENCY" "$1" | grep '^RESULT'; }

echo "warm-up (not counted), load $(loadavg)"
endpoint 20 >/dev/null
raw 10 >/dev/null
for round in $(seq "$ROUNDS"); do
  echo "round $round: load before $(loadavg)"
  e=$(endpoint "$RUN_SECONDS"); echo "  $e"
  echo "  load $(loadavg)"
  r=$(raw "$RUN_SECONDS"); echo "  $r"
  echo "  load after $(loadavg)"
  awk -v e="$e" -v r="$r" 'BEGIN {
    split(e, a, " "); split(r, b, " ")
    for (i in a) { split(a[i], kv, "="); E[kv[1]] = kv[2] }
    for (i in b) { split(b[i], kv, "="); R[kv[1]] = kv[2] }
    printf "  endpoint / raw: p50 %.2fx, p99 %.2fx (target p99 <= 2x), throughput %.0f%%\n",
      E["p50_ms"] / R["p50_ms"], E["p99_ms"] / R["p99_ms"], 100 * E["rps"] / R["rps"] }'
done
