#!/usr/bin/env bash
# The REST API under concurrent clients (issue 16, target 9: list and get p99 within 25 ms with 32 clients): a
# mailbox of MESSAGES messages (sent with Postfix's smtp-source), then bench/src/RestLoad.java with CLIENTS
# clients listing random pages of 50 and reading one message of each. See bench/README.md.
#
#   bench/run-rest.sh        MESSAGES=5000 CLIENTS=32 WARMUP=5 DURATION=20 SKIP_BUILD=1 PROFILE=1
#
# Needs smtp-source (Debian's postfix package). Everything listens on 127.0.0.1 only.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MESSAGES=${MESSAGES:-5000}
CLIENTS=${CLIENTS:-32}
WARMUP=${WARMUP:-5}
DURATION=${DURATION:-20}
RESULTS=$WORK/rest-results.txt
SMTP_SOURCE=$(command -v smtp-source || echo /usr/sbin/smtp-source)
[[ -x $SMTP_SOURCE ]] || { echo "smtp-source is missing (apt-get install postfix)" >&2; exit 1; }

mkdir -p "$WORK"
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }
trap 'courriel_stop' EXIT

say "== REST $(date -u +%Y-%m-%dT%H:%M:%SZ): $CLIENTS clients, a mailbox of $MESSAGES messages, $(nproc) cores"
say "   Courriel $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), extra arguments: ${COURRIEL_EXTRA_ARGS:-none}"
say "   before: $(load)"
build_jar

data=$WORK/rest-data
rm -rf "$data" && mkdir -p "$data"
create_users "$data" 1
# one account for every client: its per-account rate limit (20/s by default) is off, as for a trusted front end
COURRIEL_JVM_OPTS=()
if [[ ${PROFILE:-0} == 1 ]]; then   # a JFR recording of the server: $WORK/courriel-rest.jfr
    COURRIEL_JVM_OPTS=("-XX:StartFlightRecording=filename=$WORK/courriel-rest.jfr,settings=profile")
fi
COURRIEL_ARGS=(--courriel.auth.inbound.enabled=false --courriel.api.rate-limit.per-second=0)
courriel_start "$data" "$WORK/rest-courriel.log"
"$SMTP_SOURCE" -s 10 -m "$MESSAGES" -l 4096 -f "bench@sender.bench.invalid" -t "u0@$DOMAIN" "127.0.0.1:$MX_PORT"
inbox=$(curl -fsS -u "u0@$DOMAIN:$PASSWORD" "http://127.0.0.1:$HTTP_PORT/api/v1/mailboxes" |
    python3 -c 'import json,sys; print(next(m["id"] for m in json.load(sys.stdin) if m["name"] == "INBOX"))')
say "mailbox filled: $MESSAGES messages of 4 KiB"
cpu0=$(cpu_seconds "$COURRIEL_PID")
"$JAVA" "$BENCH_DIR/src/RestLoad.java" "http://127.0.0.1:$HTTP_PORT" "u0@$DOMAIN" "$PASSWORD" "$inbox" "$MESSAGES" \
    "$CLIENTS" "$WARMUP" "$DURATION" | tee -a "$RESULTS"
cpu1=$(cpu_seconds "$COURRIEL_PID")
say "server CPU during the run (warm-up included): $(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN {printf "%.1f s", b - a}')"
courriel_stop
say "   after: $(load)"
