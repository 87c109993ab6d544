#!/usr/bin/env bash
# Runs the packaged app (prod profile) on a benchmark database with bench-only secrets, for bench/sidebar.sh and
# bench/callbacks.sh. Build it first: ./mvnw -B -q package -DskipTests
# Usage: bench/app.sh <database> <port> [extra JVM options...]     (runs in the foreground; put it in the background)
# Env:   QK_APP_JAR (default target/quarkus-app/quarkus-run.jar, e.g. a copy of an earlier build to compare with)
# WeCom's API base URL points at a closed port on 127.0.0.1, so nothing the app does during a benchmark leaves the
# machine; the scheduled analysis, model retraining, dashboard warm-up and rules watch are off so that they do not run during a
# measurement (the inbox worker stays on: it is part of ingestion).
set -euo pipefail
DB=${1:?database}
PORT=${2:?port}
shift 2
cd "$(dirname "$0")/.."
export QINGKE_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&rewriteBatchedStatements=true"
export QINGKE_DB_USER=${QINGKE_DB_USER:-root}
export QINGKE_SESSION_SECRET=${QINGKE_SESSION_SECRET:-bench-only-session-secret-not-for-production-01}
export QINGKE_CORP_ID=${QK_CORP:-ww-demo-corp}
export WECOM_AGENT_ID=1000002 WECOM_SECRET=bench-only WECOM_CALLBACK_TOKEN=${WECOM_CALLBACK_TOKEN:-benchCallbackToken}
export WECOM_CALLBACK_AES_KEY=${WECOM_CALLBACK_AES_KEY:-hlzJfy28qaABqqOikqwwbfd71Ck6XzzG9uKTjYqsYCk}
export WECOM_API_BASE_URL=http://127.0.0.1:9
exec java -Xmx1g -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -Dqingke.session.secure-cookie=false \
  -Dqingke.dashboard.warm-up-every=off -Dqingke.scoring.outbox.poll-every=off -Dqingke.scoring.catch-up-every=off \
  -Dqingke.scoring.daily-cron=off -Dqingke.win-rate.retrain-cron=off -Dqingke.rules.watch=false \
  "$@" -jar "${QK_APP_JAR:-target/quarkus-app/quarkus-run.jar}"
