#!/usr/bin/env bash
# Smoke test of the packaged server: deploy/target/courriel.jar on a real PostgreSQL, scraped by a real
# Prometheus that loads deploy/prometheus/alerts.yml. It sends a message over SMTP, reads it back over IMAP,
# then asks Prometheus (its HTTP query API) whether the SMTP and store counters rose, whether the alert
# rules loaded and evaluate, and whether every PromQL expression of deploy/grafana/courriel.json parses and
# evaluates.
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
  JAVA_HOME=${JAVA_HOME:-} ./mvnw -B -q -pl deploy -am package -DskipTests
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
# exchange TOKEN: a message to bob over SMTP (beside a refused recipient), a failed and a good IMAP login,
# the message found and read back over IMAP, and bob's mailboxes over the REST API.
cat >"$WORK/exchange.py" <<'EOF'
import base64, imaplib, smtplib, sys, urllib.request

smtp_port, imap_port, http_port, token = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
message = (f"From: alice@remote.test\r\nTo: bob@example.org\r\nSubject: {token}\r\n"
           f"Message-ID: <{token}@remote.test>\r\n\r\nHello from the smoke test, {token}.\r\n").encode()

with smtplib.SMTP("127.0.0.1", smtp_port, timeout=30) as smtp:
    smtp.ehlo("remote.test")
    code, _ = smtp.mail("alice@remote.test")
    assert code == 250, f"MAIL FROM: {code}"
    code, reply = smtp.rcpt("nobody@example.org")
    assert code == 550, f"RCPT TO an unknown user: {code} {reply!r}"
    code, _ = smtp.rcpt("bob@example.org")
    assert code == 250, f"RCPT TO bob: {code}"
    code, reply = smtp.data(message)
    assert code == 250, f"DATA: {code} {reply!r}"

try:
    imaplib.IMAP4("127.0.0.1", imap_port, timeout=30).login("bob@example.org", "wrong password")
    raise AssertionError("a wrong password logged in")
except imaplib.IMAP4.error:
    pass

imap = imaplib.IMAP4("127.0.0.1", imap_port, timeout=30)
imap.login("bob@example.org", "smoke test secret")
typ, _ = imap.select("INBOX")
assert typ == "OK", "SELECT INBOX"
typ, data = imap.search(None, "SUBJECT", token)
numbers = data[0].split()
assert typ == "OK" and len(numbers) == 1, f"SEARCH SUBJECT {token}: {typ} {data!r}"
typ, data = imap.fetch(numbers[0], "(BODY.PEEK[])")
assert typ == "OK" and f"Hello from the smoke test, {token}.".encode() in data[0][1], f"FETCH: {data!r}"
imap.logout()

auth = base64.b64encode(b"bob@example.org:smoke test secret").decode()
request = urllib.request.Request(f"http://127.0.0.1:{http_port}/api/v1/mailboxes", headers={"Authorization": f"Basic {auth}"})
with urllib.request.urlopen(request, timeout=30) as response:
    assert response.status == 200 and b"INBOX" in response.read(), "GET /api/v1/mailboxes"
print(f"smoke: message {token} delivered and read back over IMAP; REST lists bob's mailboxes")
EOF
exchange() { python3 "$WORK/exchange.py" "$SMTP_PORT" "$IMAP_PORT" "$HTTP_PORT" "$1" || fail "SMTP, IMAP or REST exchange"; }

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

# A second round once Prometheus holds the first, so that the rates and latency quantiles over the last
# minute have something to show.
exchange "smoke-two-$RANDOM$RANDOM"
await 30 "the second message in Prometheus" \
  holds "sum(courriel_smtp_messages_accepted_total{job=\"courriel\"}) >= $BEFORE_ACCEPTED + 2"

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
python3 - "$PROM" "$DASHBOARD" "$ROOT/docs/metrics.md" <<'EOF' || fail "the dashboard's queries (above)"
import json, re, sys, urllib.parse, urllib.request

prom, dashboard_file, metrics_doc = sys.argv[1:4]
dashboard = json.load(open(dashboard_file))

def panels(items):
    for p in items:
        yield p
        yield from panels(p.get("panels", []))

# The layout Grafana expects: unique ids, panels on the 24-column grid without overlap, every query on the
# data source variable.
layout = []
ids = [p["id"] for p in panels(dashboard["panels"])]
assert len(ids) == len(set(ids)), f"duplicate panel ids in {ids}"
for p in panels(dashboard["panels"]):
    g = p["gridPos"]
    assert g["x"] >= 0 and g["w"] > 0 and g["x"] + g["w"] <= 24, f"{p['title']}: off the grid {g}"
    for other, h in layout:
        if g["x"] < h["x"] + h["w"] and h["x"] < g["x"] + g["w"] and g["y"] < h["y"] + h["h"] and h["y"] < g["y"] + g["h"]:
            raise AssertionError(f"{p['title']} overlaps {other}")
    layout.append((p["title"], g))
    for item in ([p] if p["type"] != "row" else []) + p.get("targets", []):
        assert item["datasource"]["uid"] == "${DS_PROMETHEUS}", f"{p['title']}: data source {item['datasource']}"

queries = [(p["title"], t["expr"]) for p in panels(dashboard["panels"]) for t in p.get("targets", [])]
for var in dashboard["templating"]["list"]:
    if var["type"] == "query":
        inner = re.fullmatch(r"label_values\((.+),\s*\w+\)", var["definition"])
        assert inner, f"variable {var['name']}: {var['definition']}"
        queries.append((f"variable {var['name']}", inner.group(1)))

# What Grafana puts in place of its variables.
variables = {"instance": ".*", "__rate_interval": "1m", "__interval": "15s", "__range": "1h"}
def expand(expr):
    def one(m):
        name = m.group(1) or m.group(2)
        if name not in variables:
            raise KeyError(f"unknown variable ${name} in {expr}")
        return variables[name]
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", one, expr)

def get(path, **params):
    url = f"{prom}{path}?{urllib.parse.urlencode(params)}"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:
        return json.load(e)

exported = set(get("/api/v1/label/__name__/values")["data"])
documented = set(re.findall(r"`([a-z_:][a-z0-9_:]*)`", open(metrics_doc).read()))
functions = {"sum", "max", "min", "rate", "increase", "histogram_quantile", "by", "and", "or", "on"}
quiet = {"Queue delivery time", "TLS handshakes"}

errors, warnings, empty, showing = [], [], 0, set()
for title, expr in queries:
    answer = get("/api/v1/query", query=expand(expr))
    if answer.get("status") != "success":
        errors.append(f"{title}: {answer.get('errorType')}: {answer.get('error')}\n    {expr}")
        continue
    values = [r["value"][1] for r in answer["data"]["result"]]
    if any(v not in ("NaN", "+Inf", "-Inf") for v in values):
        showing.add(title)
    else:
        empty += 1
    for name in set(re.findall(r"([a-z_:][a-z0-9_:]*)\{", expr)) - functions:
        family = re.sub(r"_(bucket|count|sum)$", "", name)
        if name in exported:
            continue
        if family in documented or name in documented:
            warnings.append(f"{title}: {name} is documented but not exported in this run")
        else:
            errors.append(f"{title}: {name} is neither exported nor in docs/metrics.md")

for title in sorted({title for title, _ in queries} - showing - quiet):
    errors.append(f"{title}: no query of this panel has a value after SMTP, IMAP and REST traffic")

for w in sorted(set(warnings)):
    print(f"smoke: warning: {w}")
for e in errors:
    print(f"smoke: dashboard: {e}", file=sys.stderr)
print(f"smoke: {len(queries)} dashboard queries evaluated, {empty} of them without a value on this fresh server")
sys.exit(1 if errors else 0)
EOF

say "OK in ${SECONDS}s"
