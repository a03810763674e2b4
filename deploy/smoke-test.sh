#!/usr/bin/env bash
# Smoke test of the packaged server: deploy/target/courriel.jar on a real PostgreSQL, scraped by a real
# Prometheus that loads deploy/prometheus/alerts.yml. It sends a message over SMTP, reads it back over IMAP,
# then asks Prometheus (its HTTP query API) whether the SMTP and store counters rose, whether the alert
# rules loaded and evaluate, and whether every PromQL expression of deploy/grafana/courriel.json parses and
# evaluates. Its Python parts are in deploy/smoke/.
#
#   deploy/smoke-test.sh            # builds the jar first if it is missing
#
# Needs java 21+ (JAVA_HOME, or the temurin-25 JDK), python3, curl, and Debian's prometheus and postgresql
# packages (promtool, prometheus, initdb, pg_ctl). Everything listens on 127.0.0.1 on free ports, in a
# temporary directory that is removed at the end (SMOKE_KEEP=1 keeps it). PostgreSQL refuses to run as
# root, so under root it runs as the user "nobody". The whole run is bounded by SMOKE_TIMEOUT seconds.
set -euo pipefail

SMOKE_TIMEOUT=${SMOKE_TIMEOUT:-280}
if [ -z "${SMOKE_UNDER_TIMEOUT:-}" ]; then
  # One bound for the whole run; the EXIT trap below still cleans up when the timeout's TERM arrives.
  SMOKE_UNDER_TIMEOUT=1 exec timeout --kill-after=20 "$SMOKE_TIMEOUT" bash "$0" "$@"
fi

cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=${COURRIEL_JAR:-$ROOT/deploy/target/courriel.jar}
ALERTS=$ROOT/deploy/prometheus/alerts.yml
DASHBOARD=$ROOT/deploy/grafana/courriel.json

exec 3>&2   # failure messages reach the terminal also from inside a silenced wait
say() { echo "smoke: $*"; }
fail() { echo "smoke: FAILED: $*" >&3; exit 1; }

# --- tools -----------------------------------------------------------------------------------------------
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
[ -z "${JAVA_HOME:-}" ] || export JAVA_HOME   # for the Maven wrapper too
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
for tool in "$JAVA" python3 curl prometheus promtool "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$PG_BIN/createdb"; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (apt-get install prometheus postgresql python3 curl)"
done

promtool check rules "$ALERTS" >/dev/null || fail "promtool check rules $ALERTS"
promtool check config "$ROOT/deploy/prometheus/prometheus.yml" >/dev/null || fail "promtool check config deploy/prometheus/prometheus.yml"
promtool test rules "$ROOT/deploy/prometheus/alerts.test.yml" >/dev/null || fail "promtool test rules (run it to see which)"

if [ ! -f "$JAR" ]; then
  say "building $JAR"
  ./mvnw -B -q -pl deploy -am package -DskipTests
fi

# --- scratch directory, processes and their cleanup ---------------------------------------------------------
WORK=$(mktemp -d /tmp/courriel-smoke.XXXXXX)
chmod 755 "$WORK"   # PostgreSQL's user must reach its data directory inside
PIDS=()
PG_USER=()
[ "$(id -u)" = 0 ] && PG_USER=(runuser -u nobody --)

cleanup() {
  local status=$?
  set +e
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null
  done
  if [ -f "$WORK/pg/data/postmaster.pid" ]; then
    "${PG_USER[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w -t 20 stop >/dev/null 2>&1
  fi
  if [ "$status" != 0 ]; then
    for log in "$WORK"/*.log; do
      [ -f "$log" ] && { echo "----- last lines of $log" >&2; tail -n 40 "$log" >&2; }
    done
  fi
  if [ -n "${SMOKE_KEEP:-}" ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'echo "smoke: FAILED: stopped by SIGTERM (the ${SMOKE_TIMEOUT}s bound, SMOKE_TIMEOUT?)" >&3; exit 143' TERM
trap 'exit 130' INT

# Free loopback ports, all taken at once so that none is handed out twice.
read -r PG_PORT SMTP_PORT SUBMISSION_PORT IMAP_PORT HTTP_PORT MGMT_PORT PROM_PORT < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(7)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

# await SECONDS WHAT COMMAND...: runs COMMAND every 0.5 s until it succeeds, fails after SECONDS.
await() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || fail "$what: not within ${seconds}s"
    sleep 0.5
  done
}
alive() { kill -0 "$1" 2>/dev/null || fail "$2 exited (see its log above)"; }

# --- PostgreSQL --------------------------------------------------------------------------------------------
say "PostgreSQL on 127.0.0.1:$PG_PORT"
mkdir -p "$WORK/pg/data" "$WORK/pg/socket"
[ "$(id -u)" = 0 ] && chown -R nobody "$WORK/pg"
"${PG_USER[@]}" "$PG_BIN/initdb" -D "$WORK/pg/data" -U courriel --auth=trust -E UTF8 --no-sync >"$WORK/pg-init.log" 2>&1 \
  || fail "initdb (see $WORK/pg-init.log)"
touch "$WORK/postgresql.log" && { [ "$(id -u)" != 0 ] || chown nobody "$WORK/postgresql.log"; }
"${PG_USER[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/postgresql.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$WORK/pg/socket -c fsync=off" start >/dev/null \
  || fail "PostgreSQL did not start"
"${PG_USER[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U courriel courriel || fail "createdb"

# --- Courriel ----------------------------------------------------------------------------------------------
SETTINGS=(
  --courriel.data-dir="$WORK/data" --courriel.hostname=smoke.test --spring.main.banner-mode=off
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/courriel" --spring.datasource.username=courriel
  --spring.datasource.password=
)
JVM=(-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
courriel_cli() { "$JAVA" "${JVM[@]}" -jar "$JAR" "${SETTINGS[@]}" "$@" >>"$WORK/cli.log" 2>&1 || fail "courriel $*"; }
courriel_cli domain add example.org
courriel_cli user add bob@example.org --password 'smoke test secret'

say "Courriel: SMTP $SMTP_PORT, IMAP $IMAP_PORT, management $MGMT_PORT"
"$JAVA" "${JVM[@]}" -jar "$JAR" "${SETTINGS[@]}" \
  --server.address=127.0.0.1 --server.port="$HTTP_PORT" \
  --management.server.address=127.0.0.1 --management.server.port="$MGMT_PORT" \
  --courriel.mx.bind-address=127.0.0.1 --courriel.mx.port="$SMTP_PORT" \
  --courriel.submission.bind-address=127.0.0.1 --courriel.submission.port="$SUBMISSION_PORT" \
  --courriel.submissions.enabled=false \
  --courriel.imap.bind-address=127.0.0.1 --courriel.imap.port="$IMAP_PORT" --courriel.imaps.port=-1 \
  --courriel.imap.allow-plaintext-loopback=true \
  >"$WORK/courriel.log" 2>&1 &
COURRIEL_PID=$!
PIDS+=("$COURRIEL_PID")

ready() { alive "$COURRIEL_PID" Courriel; curl -fsS --max-time 2 "http://127.0.0.1:$MGMT_PORT/actuator/health/readiness"; }
await 120 "Courriel ready (/actuator/health/readiness)" ready

# --- Prometheus --------------------------------------------------------------------------------------------
say "Prometheus on 127.0.0.1:$PROM_PORT"
mkdir -p "$WORK/prometheus"
cat >"$WORK/prometheus/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $ALERTS
scrape_configs:
  - job_name: courriel
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: ["127.0.0.1:$MGMT_PORT"]
EOF
prometheus --config.file="$WORK/prometheus/prometheus.yml" --storage.tsdb.path="$WORK/prometheus/data" \
  --web.listen-address="127.0.0.1:$PROM_PORT" --log.level=warn >"$WORK/prometheus.log" 2>&1 &
PROM_PID=$!
PIDS+=("$PROM_PID")
PROM=http://127.0.0.1:$PROM_PORT

# value EXPR: the single value of an instant query (empty when the result is empty).
value() {
  curl -fsS --max-time 5 --data-urlencode "query=$1" "$PROM/api/v1/query" | python3 -c '
import json, sys
r = json.load(sys.stdin)["data"]["result"]
print(r[0]["value"][1] if r else "")'
}
# holds EXPR: the instant query returns something (a comparison that holds).
holds() { [ -n "$(value "$1")" ]; }

await 60 "Prometheus ready" curl -fsS --max-time 2 "$PROM/-/ready"
await 60 "Prometheus scraping Courriel" holds 'up{job="courriel"} == 1 and on (job, instance) count by (job, instance) (courriel_smtp_messages_accepted_total)'

BEFORE_ACCEPTED=$(value 'sum(courriel_smtp_messages_accepted_total{job="courriel"})')
BEFORE_APPENDS=$(value 'sum(courriel_store_appends_total{job="courriel"})')

# --- mail over SMTP, read over IMAP -------------------------------------------------------------------------
# exchange TOKEN: one round of SMTP, IMAP and REST as bob (deploy/smoke/exchange.py says what).
exchange() {
  python3 "$ROOT/deploy/smoke/exchange.py" "$SMTP_PORT" "$IMAP_PORT" "$HTTP_PORT" "$1" || fail "SMTP, IMAP or REST exchange"
}

say "SMTP to bob@example.org, then IMAP and REST"
exchange "smoke-one-$RANDOM$RANDOM"

# --- what Prometheus saw -----------------------------------------------------------------------------------
await 30 "courriel_smtp_messages_accepted_total rising above $BEFORE_ACCEPTED in Prometheus" \
  holds "sum(courriel_smtp_messages_accepted_total{job=\"courriel\"}) > $BEFORE_ACCEPTED"
await 30 "courriel_store_appends_total rising above $BEFORE_APPENDS in Prometheus" \
  holds "sum(courriel_store_appends_total{job=\"courriel\"}) > $BEFORE_APPENDS"
await 30 "courriel_smtp_recipients_rejected_total{reason=\"unknown\"} in Prometheus" \
  holds 'sum(courriel_smtp_recipients_rejected_total{job="courriel", reason="unknown"}) >= 1'
await 30 "courriel_auth_attempts_total failure and success in Prometheus" \
  holds 'sum(courriel_auth_attempts_total{job="courriel", protocol="imap", result="failure"}) >= 1 and sum(courriel_auth_attempts_total{job="courriel", protocol="imap", result="success"}) >= 1'
say "SMTP, store and login counters rose in Prometheus"
# The REST latency series appears with its first request: Prometheus must hold it before the second round,
# or both requests fall before its first sample and the rate over them is zero.
await 30 "the first REST request in Prometheus" \
  holds 'sum(http_server_requests_seconds_count{job="courriel", uri="/api/v1/mailboxes"}) >= 1'

# A second round once Prometheus holds the first, so that the rates and latency quantiles over the last
# minute have something to show.
exchange "smoke-two-$RANDOM$RANDOM"
await 30 "the second message in Prometheus" \
  holds "sum(courriel_smtp_messages_accepted_total{job=\"courriel\"}) >= $BEFORE_ACCEPTED + 2"
# The REST request is the last step of a round: a scrape taken while the round ran holds the second message
# but not yet the second request, and the latency panel's rate over one sample has no value.
await 30 "the second REST request in Prometheus" \
  holds 'sum(http_server_requests_seconds_count{job="courriel", uri="/api/v1/mailboxes"}) >= 2'

# Every rule of alerts.yml is loaded and has been evaluated without error.
EXPECTED_RULES=$(grep -c '^ *- alert:' "$ALERTS")
rules_evaluated() {
  curl -fsS --max-time 5 "$PROM/api/v1/rules" | python3 -c '
import json, sys
rules = [r for g in json.load(sys.stdin)["data"]["groups"] for r in g["rules"]]
bad = [(r["name"], r.get("health"), r.get("lastError")) for r in rules if r.get("health") != "ok"]
if len(rules) != int(sys.argv[1]) or bad:
    print(f"{len(rules)} rules loaded, {sys.argv[1]} expected; not ok: {bad}", file=sys.stderr)
    sys.exit(1)' "$EXPECTED_RULES"
}
await 30 "the $EXPECTED_RULES alert rules of alerts.yml loaded and evaluated (/api/v1/rules)" rules_evaluated
say "$EXPECTED_RULES alert rules loaded and evaluated"

# Every query of the dashboard parses and evaluates; every metric it names is exported now or documented
# in docs/metrics.md (families that appear with their first event, or are yet to come, give a warning);
# and every panel shows a number after the traffic above, except those that need traffic this test does not
# make (outbound relay, TLS).
python3 "$ROOT/deploy/smoke/check_dashboard.py" "$PROM" "$DASHBOARD" "$ROOT/docs/metrics.md" \
  || fail "the dashboard's queries (above)"

say "OK in ${SECONDS}s"
