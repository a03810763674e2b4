#!/usr/bin/env bash
# The outbound queue's delivery rate (issue 16, target 9: at least 1,000 msg/s to a loopback sink, 100
# destinations). MESSAGES messages, each to one recipient on each of DESTINATIONS domains, are queued through the
# REST API by a node whose workers are off (courriel.queue.workers=false); that node stops, and one with its
# workers on starts on the same data: recipients delivered per second (one message each) until the queue is
# empty, every domain routed (courriel.relay.routes) to Postfix's smtp-sink on 127.0.0.1. See bench/README.md.
#
#   bench/run-queue.sh        MESSAGES=200 DESTINATIONS=100 SIZE=4096 SKIP_BUILD=1 PROFILE=1
#
# Needs smtp-sink (Debian's postfix package). Everything listens on 127.0.0.1 only.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MESSAGES=${MESSAGES:-200}
DESTINATIONS=${DESTINATIONS:-100}   # at most courriel.api.max-recipients (100)
SIZE=${SIZE:-4096}
SINK_PORT=${SINK_PORT:-42600}
RESULTS=$WORK/queue-results.txt
SMTP_SINK=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)
[[ -x $SMTP_SINK ]] || { echo "smtp-sink is missing (apt-get install postfix)" >&2; exit 1; }

mkdir -p "$WORK"
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }
DNS_PORT=${DNS_PORT:-42553}
SINK_PID=
DNS_PID=
trap 'courriel_stop; for p in $SINK_PID $DNS_PID; do kill "$p" 2>/dev/null || true; done' EXIT

say "== queue $(date -u +%Y-%m-%dT%H:%M:%SZ): $MESSAGES messages of about $SIZE bytes, each to $DESTINATIONS domains, $(nproc) cores"
say "   Courriel $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), extra arguments: ${COURRIEL_EXTRA_ARGS:-none}"
say "   before: $(load)"
build_jar

data=$WORK/queue-data
rm -rf "$data" && mkdir -p "$data"
create_users "$data" 1
routes=()
recipients=()
for ((d = 0; d < DESTINATIONS; d++)); do
    routes+=("--courriel.relay.routes[d$d.queue.bench.invalid]=127.0.0.1:$SINK_PORT")
    recipients+=("\"r$d@d$d.queue.bench.invalid\"")
done
# Routes need no DNS; whatever else asks (nothing should) gets NXDOMAIN from a loopback responder, never the
# machine's resolver.
: >"$WORK/queue-dns.txt"
/usr/bin/python3 "$BENCH_DIR/src/bench_dns.py" --port "$DNS_PORT" --records "$WORK/queue-dns.txt" >"$WORK/queue-dns.log" 2>&1 &
DNS_PID=$!
# The bench's account sends far more than an account may in an hour, as fast as it can.
COMMON=("--courriel.dns.servers=127.0.0.1:$DNS_PORT" --courriel.api.rate-limit.per-second=0 --courriel.limits.send.account-messages=0
    --courriel.limits.send.account-recipients=0 --courriel.limits.send.domain-messages=0
    --courriel.limits.send.domain-recipients=0 "${routes[@]}")

# ---- queue everything on a node that does not deliver
COURRIEL_JVM_OPTS=()
COURRIEL_ARGS=(--courriel.queue.workers=false "${COMMON[@]}")
courriel_start "$data" "$WORK/queue-fill.log"
body=$(head -c $((SIZE * 3 / 4)) /dev/urandom | base64 -w 76 | sed 's/$/\\n/' | tr -d '\n')
to=$(IFS=,; echo "${recipients[*]}")
t0=$(date +%s.%N)
for ((m = 0; m < MESSAGES; m++)); do
    curl -fsS -o /dev/null -u "u0@$DOMAIN:$PASSWORD" -H 'Content-Type: application/json' \
        -d "{\"to\":[$to],\"subject\":\"queue bench $m\",\"text\":\"$body\"}" "http://127.0.0.1:$HTTP_PORT/api/v1/send"
done
t1=$(date +%s.%N)
say "queued $MESSAGES messages for $((MESSAGES * DESTINATIONS)) recipients through the REST API in $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f s", b - a}')"
courriel_stop

# ---- the sink, then a node with its workers on
SINK_USER=nobody
"$SMTP_SINK" -u "$SINK_USER" "127.0.0.1:$SINK_PORT" 1024 >"$WORK/queue-sink.log" 2>&1 &
SINK_PID=$!
if [[ ${PROFILE:-0} == 1 ]]; then   # a JFR recording of the delivering node: $WORK/courriel-queue.jfr
    COURRIEL_JVM_OPTS=("-XX:StartFlightRecording=filename=$WORK/courriel-queue.jfr,settings=profile")
fi
COURRIEL_ARGS=("${COMMON[@]}")
courriel_start "$data" "$WORK/queue-deliver.log"

outcomes() {   # delivered, deferred and failed attempts since this node started: "D d f"
    curl -fsS "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" | awk '
        /^courriel_queue_outcomes_total/ && /outcome="delivered"/ {d += $2}
        /^courriel_queue_outcomes_total/ && /outcome="deferred"/ {r += $2}
        /^courriel_queue_outcomes_total/ && /outcome="(failed|expired)"/ {f += $2}
        END {printf "%d %d %d", d, r, f}'
}
want=$((MESSAGES * DESTINATIONS))
read -r d0 _ _ <<<"$(outcomes)"
start=$(date +%s.%N)
cpu0=$(cpu_seconds "$COURRIEL_PID")
sink0=$(cpu_seconds "$SINK_PID")
for ((k = 0; k < 2400; k++)); do
    read -r delivered deferred failed <<<"$(outcomes)"
    (( delivered + failed >= want )) && break
    sleep 0.5   # each scrape costs the server CPU: at 0.1 s they were 12 % of its samples
done
end=$(date +%s.%N)
cpu1=$(cpu_seconds "$COURRIEL_PID")
sink1=$(cpu_seconds "$SINK_PID")
say "delivered $delivered of $want recipients ($deferred deferred attempts, $failed failed; $d0 before the clock started):" \
    "$(awk -v n="$((delivered - d0))" -v s="$start" -v e="$end" 'BEGIN {printf "%.0f msg/s (%.2f s)", n / (e - s), e - s}'),"\
    "$(awk -v a="$cpu0" -v b="$cpu1" -v n="$((delivered - d0))" 'BEGIN {printf "%.2f ms CPU/msg", (b - a) * 1000 / n}')," \
    "smtp-sink $(awk -v a="$sink0" -v b="$sink1" -v n="$((delivered - d0))" 'BEGIN {printf "%.3f ms CPU/msg", (b - a) * 1000 / n}')"
curl -fsS "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" | grep -E '^courriel_queue_recipients' | tee -a "$RESULTS" || true
courriel_stop
say "   after: $(load)"
