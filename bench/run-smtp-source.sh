#!/usr/bin/env bash
# SMTP ingest from the first round (issue 16, target 6): Postfix's own load generator, smtp-source, against a
# Courriel that has just started (no warm-up of any kind) and against Postfix, as an MX sees mail: SESSIONS
# parallel sessions, one connection per message, one recipient. Each size runs ROUNDS rounds of MESSAGES; round 1
# of Courriel is its first mail since the start. Courriel's rate counts to its last 250 (each sent after the
# group commit's sync); Postfix's to the last copy in its Maildir. See bench/README.md.
#
#   bench/run-smtp-source.sh        MESSAGES=2000 ROUNDS=3 SESSIONS=10 SIZES="4096 102400" SKIP_BUILD=1 LAUNCHER=1 PROFILE=1
#   COURRIEL_EXTRA_ARGS=--courriel.store.text-index.enabled=false bench/run-smtp-source.sh   # without the text index
#
# Needs root for Postfix (Debian's package, /etc/postfix). Everything listens on 127.0.0.1 only.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MESSAGES=${MESSAGES:-2000}
ROUNDS=${ROUNDS:-3}
SESSIONS=${SESSIONS:-10}
SIZES=${SIZES:-4096 102400}
USERS=1
POSTFIX_PORT=${POSTFIX_PORT:-2526}
VMAIL=$WORK/postfix-vmail
RESULTS=$WORK/smtp-source-results.txt
SMTP_SOURCE=$(command -v smtp-source || echo /usr/sbin/smtp-source)
[[ -x $SMTP_SOURCE ]] || { echo "smtp-source is missing (apt-get install postfix)" >&2; exit 1; }

mkdir -p "$WORK"
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }
trap 'courriel_stop; postfix stop >/dev/null 2>&1 || true' EXIT

say "== smtp-source $(date -u +%Y-%m-%dT%H:%M:%SZ): $SESSIONS sessions, $MESSAGES messages a round, sizes $SIZES, $(nproc) cores"
say "   Courriel $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), started with $([[ ${LAUNCHER:-0} == 1 ]] && echo "the launcher" || echo "java -jar")"
say "   before: $(load)"
build_jar

# source PORT SIZE: one round; prints the seconds smtp-source took (it exits once every message got its 250)
source_round() {
    local start end
    start=$(date +%s.%N)
    "$SMTP_SOURCE" -s "$SESSIONS" -m "$MESSAGES" -l "$2" -f "bench@sender.bench.invalid" -t "u0@$DOMAIN" "127.0.0.1:$1"
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}'
}

count_courriel() {   # message rows in u0's mailboxes, through the running server
    h2_sql "$1" "select count(*) from message m join mailbox b on m.mailbox_id = b.id join account a on b.account_id = a.id where a.address = 'u0@$DOMAIN'" |
        sed -n 2p | tr -d ' '
}

# ---- Courriel, on a new data directory, started and sent mail at once
data=$WORK/smtp-source-data
rm -rf "$data" && mkdir -p "$data"
create_users "$data" 1
COURRIEL_JVM_OPTS=()
if [[ ${PROFILE:-0} == 1 ]]; then   # a JFR recording of the Courriel server: $WORK/courriel-smtp-source.jfr
    COURRIEL_JVM_OPTS=("-XX:StartFlightRecording=filename=$WORK/courriel-smtp-source.jfr,settings=profile")
fi
# Postfix checks no SPF, DKIM or DMARC: nor does Courriel here (bench/run-ingest-verify.sh measures them).
COURRIEL_ARGS=(--courriel.auth.inbound.enabled=false)
courriel_start "$data" "$WORK/smtp-source-courriel.log"
for size in $SIZES; do
    for ((round = 1; round <= ROUNDS; round++)); do
        before=$(count_courriel "$data")
        cpu0=$(cpu_seconds "$COURRIEL_PID")
        secs=$(source_round "$MX_PORT" "$size")
        cpu1=$(cpu_seconds "$COURRIEL_PID")
        stored=$(($(count_courriel "$data") - before))
        say "courriel size=$size round=$round: $(awk -v n="$MESSAGES" -v s="$secs" 'BEGIN {printf "%.0f msg/s", n / s}') ($secs s), $(awk -v a="$cpu0" -v b="$cpu1" -v n="$MESSAGES" 'BEGIN {printf "%.2f ms CPU/msg", (b - a) * 1000 / n}'), stored $stored of $MESSAGES"
        [[ $stored -eq $MESSAGES ]] || say "MISMATCH: the store holds $stored new messages, $MESSAGES were sent"
    done
done
courriel_stop

# ---- Postfix: rate until the last copy is in its Maildir
postfix_setup
for size in $SIZES; do
    for ((round = 1; round <= ROUNDS; round++)); do
        before=$(count_postfix)
        cpu0=$(postfix_cpu)
        start=$(date +%s.%N)
        source_round "$POSTFIX_PORT" "$size" >/dev/null
        for ((k = 0; k < 2400; k++)); do
            if [[ $(($(count_postfix) - before)) -ge $MESSAGES ]] && queue_empty; then break; fi
            sleep 0.1
        done
        end=$(date +%s.%N)
        cpu1=$(postfix_cpu)
        delivered=$(($(count_postfix) - before))
        say "postfix size=$size round=$round: $(awk -v n="$delivered" -v s="$start" -v e="$end" 'BEGIN {printf "%.0f msg/s delivered (%.3f s)", n / (e - s), e - s}'), $(awk -v a="$cpu0" -v b="$cpu1" -v n="$MESSAGES" 'BEGIN {printf "%.2f ms CPU/msg", (b - a) * 1000 / n}'), delivered $delivered of $MESSAGES"
    done
done
postfix stop >/dev/null 2>&1 || true
say "   after: $(load)"
