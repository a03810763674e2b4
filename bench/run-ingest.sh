#!/usr/bin/env bash
# Durable SMTP ingest, Courriel against Postfix on this machine, with one load generator
# (bench/src/SmtpLoadGenerator.java), then Courriel's kill -9 check at SMTP level. See bench/README.md.
#
#   bench/run-ingest.sh                 # everything: build, Courriel, Postfix, kill -9 check
#   PARTS="courriel" bench/run-ingest.sh   # any of: courriel postfix kill rspamd (rspamd: not in the default)
#   CONNECTIONS=50 MESSAGES=100 RECIPIENTS=3 USERS=10 SIZE=4096 SKIP_BUILD=1 PROFILE=1 ...
#
# Needs root for Postfix (apt-get install, /etc/postfix). Everything listens on 127.0.0.1 only.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNECTIONS=${CONNECTIONS:-50}
MESSAGES=${MESSAGES:-100}
RECIPIENTS=${RECIPIENTS:-3}
USERS=${USERS:-10}
SIZE=${SIZE:-4096}
PARTS=${PARTS:-courriel postfix kill}
POSTFIX_PORT=${POSTFIX_PORT:-2526}
VMAIL=$WORK/postfix-vmail
GEN_ARGS=(--connections "$CONNECTIONS" --messages "$MESSAGES" --recipients "$RECIPIENTS" --users "$USERS"
    --domain "$DOMAIN" --size "$SIZE")
RESULTS=$WORK/ingest-results.txt

mkdir -p "$WORK"
trap 'courriel_stop; rspamd_stop' EXIT
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }

say "== ingest benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB"
say "   $CONNECTIONS connections x $MESSAGES messages, $RECIPIENTS recipients each over $USERS users, ~$SIZE B"
say "   before: $(load)"
build_jar

# ---------------------------------------------------------------------------------------------- Courriel
run_courriel() {
    local data=$WORK/courriel-data
    rm -rf "$data"
    mkdir -p "$data"
    create_users "$data" "$USERS"
    COURRIEL_JVM_OPTS=()
    if [[ ${PROFILE:-0} == 1 ]]; then
        COURRIEL_JVM_OPTS=("-XX:StartFlightRecording=filename=$WORK/courriel-ingest.jfr,settings=profile")
    fi
    COURRIEL_ARGS=()
    courriel_start "$data" "$WORK/courriel-ingest.log"
    # A short warm-up run (JIT), not counted, to its own users' mailboxes all the same.
    generator "${GEN_ARGS[@]}" --port "$MX_PORT" --connections 10 --messages 20 --run-id warmup >/dev/null
    local before
    before=$(count_courriel "$data")
    say "-- Courriel (H2 file database in $data, group commit, 250 only after the disk sync)"
    local cpu0 cpu1
    cpu0=$(cpu_seconds "$COURRIEL_PID")
    generator "${GEN_ARGS[@]}" --port "$MX_PORT" --run-id courriel --log "$WORK/courriel-acked.txt" | tee -a "$RESULTS"
    cpu1=$(cpu_seconds "$COURRIEL_PID")
    awk -v a="$cpu0" -v b="$cpu1" -v n="$((CONNECTIONS * MESSAGES))" \
        'BEGIN {printf "Courriel process CPU during the run: %.1f s, %.2f ms per message\n", b - a, (b - a) * 1000 / n}' | tee -a "$RESULTS"
    store_metrics | tee -a "$RESULTS"
    local after acked expected
    after=$(count_courriel "$data")
    acked=$(awk '{s += $2} END {print s + 0}' "$WORK/courriel-acked.txt")
    expected=$acked
    say "verified: $((after - before)) message copies in the store's mailboxes for $acked acknowledged recipients"
    [[ $((after - before)) -eq $expected ]] || say "MISMATCH: store holds $((after - before)), expected $expected"
    courriel_stop
    if [[ ${PROFILE:-0} == 1 ]]; then
        "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample "$WORK/courriel-ingest.jfr" >"$WORK/courriel-ingest-samples.txt"
        say "profile: $WORK/courriel-ingest.jfr (execution samples in $WORK/courriel-ingest-samples.txt)"
    fi
}

count_courriel() {   # message rows in the bench domain's mailboxes, through the running server
    h2_sql "$1" "select count(*) from message m join mailbox b on m.mailbox_id = b.id join account a on b.account_id = a.id where a.address like '%@$DOMAIN'" |
        sed -n 2p | tr -d ' '
}

# ---------------------------------------------------------------------------------------------- Postfix
# postfix_setup, count_postfix, postfix_cpu and queue_empty are in lib.sh (run-smtp-source.sh uses them too)

run_postfix() {
    postfix_setup
    generator "${GEN_ARGS[@]}" --port "$POSTFIX_PORT" --connections 10 --messages 20 --run-id warmup >/dev/null
    local k
    for ((k = 0; k < 600; k++)); do queue_empty && break; sleep 0.5; done
    local before
    before=$(count_postfix)
    say "-- Postfix $(postconf -h mail_version) (virtual(8) delivery to Maildirs under $VMAIL, default fsync behaviour)"
    local start end
    local cpu0 cpu1
    cpu0=$(postfix_cpu)
    start=$(date +%s.%N)
    generator "${GEN_ARGS[@]}" --port "$POSTFIX_PORT" --run-id postfix --log "$WORK/postfix-acked.txt" | tee -a "$RESULTS"
    local acked
    acked=$(awk '{s += $2} END {print s + 0}' "$WORK/postfix-acked.txt")
    # 250 from Postfix means "safely in the queue"; the copies reach the Maildirs afterwards. Wait for them.
    for ((k = 0; k < 1200; k++)); do
        if [[ $(($(count_postfix) - before)) -ge $acked ]] && queue_empty; then break; fi
        sleep 0.25
    done
    end=$(date +%s.%N)
    cpu1=$(postfix_cpu)
    local delivered
    delivered=$(($(count_postfix) - before))
    say "verified: $delivered Maildir files delivered for $acked acknowledged recipients"
    [[ $delivered -eq $acked ]] || say "MISMATCH: $delivered delivered, expected $acked"
    awk -v s="$start" -v e="$end" -v n="$CONNECTIONS" -v m="$MESSAGES" -v d="$delivered" -v r="$RECIPIENTS" \
        'BEGIN {printf "until the last copy was in its Maildir: %.2f s, %.1f messages/s (%.1f recipients/s)\n", e - s, d / r / (e - s), d / (e - s)}' |
        tee -a "$RESULTS"
    awk -v a="$cpu0" -v b="$cpu1" -v n="$((CONNECTIONS * MESSAGES))" \
        'BEGIN {printf "Postfix processes CPU until delivered: %.1f s, %.2f ms per message\n", b - a, (b - a) * 1000 / n}' | tee -a "$RESULTS"
    postfix stop >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------------------------------------- rspamd
# Courriel twice on fresh data, without and with Debian's rspamd scoring every message at the end of DATA, with
# the test fixture's minimal configuration (RspamdServer: no network lookups, Bayes on SQLite). Prints both
# rates and the latency rspamd adds per message (the difference of the p50 end-of-DATA-to-250 latencies).
RSPAMD_PORT=${RSPAMD_PORT:-41333}
RSPAMD_PID=

rspamd_start() {
    command -v rspamd >/dev/null || { echo "rspamd is missing: apt-get install rspamd" >&2; exit 1; }
    local dir=$WORK/rspamd m
    rm -rf "$dir"
    mkdir -p "$dir"/{local.d,db,run,log}
    echo "bind_socket = \"127.0.0.1:$RSPAMD_PORT\"; count = 1;" >"$dir/local.d/worker-normal.inc"
    echo "bind_socket = \"127.0.0.1:$((RSPAMD_PORT + 1))\"; count = 1; secure_ip = \"127.0.0.1\";" >"$dir/local.d/worker-controller.inc"
    echo "enabled = false;" >"$dir/local.d/worker-proxy.inc"
    echo "enabled = false;" >"$dir/local.d/worker-fuzzy.inc"
    echo 'dns { nameserver = ["127.0.0.1:9"]; timeout = 0.1s; retransmits = 1; }' >"$dir/local.d/options.inc"
    echo "type = \"file\"; filename = \"$dir/log/rspamd.log\"; level = \"warning\";" >"$dir/local.d/logging.inc"
    printf 'greylist = null;\nadd_header = 4;\nrewrite_subject = null;\nreject = 15;\n' >"$dir/local.d/actions.conf"
    printf 'backend = "sqlite3";\nmin_learns = 1;\nautolearn = false;\nstatfile { symbol = "BAYES_HAM"; spam = false; path = "%s/db/bayes.ham.sqlite"; }\nstatfile { symbol = "BAYES_SPAM"; spam = true; path = "%s/db/bayes.spam.sqlite"; }\n' \
        "$dir" "$dir" >"$dir/local.d/classifier-bayes.conf"
    for m in fuzzy_check rbl surbl dcc phishing url_redirector neural asn emails spamassassin replies ratelimit \
        greylist dkim_signing arc mx_check multimap maillist once_received spf dkim dmarc history_redis elastic \
        clickhouse metadata_exporter reputation milter_headers rspamd_update p0f external_services hfilter; do
        echo "enabled = false;" >"$dir/local.d/$m.conf"
    done
    local user=()
    if [[ $(id -u) == 0 ]]; then
        user=(-u nobody -g nogroup)
        chown -R nobody "$dir"
    fi
    rspamd -f -i -c /etc/rspamd/rspamd.conf --var "LOCAL_CONFDIR=$dir" --var "DBDIR=$dir/db" --var "RUNDIR=$dir/run" \
        --var "LOGDIR=$dir/log" "${user[@]}" >"$dir/log/stdout.log" 2>&1 &
    RSPAMD_PID=$!
    local i
    for ((i = 0; i < 900; i++)); do   # ready once a scan names a rule (it compiles its TLD list first)
        if curl -fsS --max-time 5 --data-binary $'From: probe@example.net\r\nSubject: probe\r\n\r\nprobe\r\n' \
            "http://127.0.0.1:$RSPAMD_PORT/checkv2" 2>/dev/null | grep -q '"symbols":{"'; then
            log "rspamd up (pid $RSPAMD_PID)"
            return 0
        fi
        sleep 0.2
    done
    echo "rspamd not ready after 180 s: $dir/log" >&2
    exit 1
}

rspamd_stop() {
    if [[ -n $RSPAMD_PID ]]; then
        pkill -P "$RSPAMD_PID" 2>/dev/null || true   # its workers, children of this one process
        kill "$RSPAMD_PID" 2>/dev/null || true
        wait "$RSPAMD_PID" 2>/dev/null || true
    fi
    RSPAMD_PID=
}

rspamd_run_one() {   # rspamd_run_one LABEL [Spring arguments]
    local label=$1 data=$WORK/courriel-$1
    shift
    rm -rf "$data"
    mkdir -p "$data"
    create_users "$data" "$USERS"
    COURRIEL_JVM_OPTS=()
    COURRIEL_ARGS=("$@")
    courriel_start "$data" "$WORK/courriel-$label.log"
    generator "${GEN_ARGS[@]}" --port "$MX_PORT" --connections 10 --messages 20 --run-id warmup >/dev/null
    generator "${GEN_ARGS[@]}" --port "$MX_PORT" --run-id "$label" >"$WORK/$label-generator.txt"
    courriel_stop
    sed 's/^/   /' "$WORK/$label-generator.txt" | tee -a "$RESULTS" >&2
}

run_rspamd() {
    say "-- Courriel without and with rspamd $(rspamd --version 2>/dev/null | head -1 | awk '{print $NF}') (127.0.0.1:$RSPAMD_PORT, the tests' minimal configuration)"
    rspamd_run_one plain
    rspamd_start
    rspamd_run_one rspamd "--courriel.spam.rspamd.url=http://127.0.0.1:$RSPAMD_PORT"
    rspamd_stop
    local plain with p50a p50b
    plain=$(awk '/^RATE/ {print $2}' "$WORK/plain-generator.txt")
    with=$(awk '/^RATE/ {print $2}' "$WORK/rspamd-generator.txt")
    p50a=$(sed -n 's/.*latency: p50 \([0-9.]*\) ms.*/\1/p' "$WORK/plain-generator.txt")
    p50b=$(sed -n 's/.*latency: p50 \([0-9.]*\) ms.*/\1/p' "$WORK/rspamd-generator.txt")
    awk -v a="$plain" -v b="$with" -v la="$p50a" -v lb="$p50b" 'BEGIN {
        printf "rspamd: %.1f messages/s without, %.1f with (%.0f%%); p50 end-of-DATA to 250 %.1f ms without, %.1f ms with: +%.1f ms per message\n",
            a, b, (a > 0 ? 100 * b / a : 0), la, lb, lb - la }' | tee -a "$RESULTS"
}

# ---------------------------------------------------------------------------------------------- kill -9
# Send, kill -9 Courriel mid-run, restart it on the same data, check that every message that got 250 is stored
# for every recipient that got 250 (the generator logs each acknowledged message's token, which is its Subject).
run_kill() {
    local data=$WORK/courriel-kill
    rm -rf "$data"
    mkdir -p "$data"
    create_users "$data" "$USERS"
    COURRIEL_JVM_OPTS=()
    COURRIEL_ARGS=()
    courriel_start "$data" "$WORK/courriel-kill-1.log"
    local acked_file=$WORK/kill-acked.txt
    rm -f "$acked_file"
    say "-- kill -9 check: $CONNECTIONS connections sending, Courriel killed once 300 messages got 250"
    generator "${GEN_ARGS[@]}" --port "$MX_PORT" --messages 100000 --run-id kill --log "$acked_file" >"$WORK/kill-generator.txt" &
    local gen=$! k
    for ((k = 0; k < 1200; k++)); do
        [[ -f $acked_file && $(wc -l <"$acked_file") -ge 300 ]] && break
        sleep 0.1
    done
    kill -9 "$COURRIEL_PID"
    wait "$COURRIEL_PID" 2>/dev/null || true
    COURRIEL_PID=
    wait "$gen" || true
    local acked
    acked=$(wc -l <"$acked_file")
    say "killed with $acked messages acknowledged; generator: $(grep -c 'connection error' "$WORK/kill-generator.txt" || true) kinds of connection error"
    courriel_start "$data" "$WORK/courriel-kill-2.log"
    local stored=$WORK/kill-stored.csv
    rm -f "$stored"
    h2_sql "$data" "call csvwrite('$stored', 'select m.subject, count(*) from message m join mailbox b on m.mailbox_id = b.id where b.name = ''INBOX'' and m.subject like ''kill.%'' group by m.subject')" >/dev/null
    courriel_stop
    # Every acknowledged token must be stored once per acknowledged recipient.
    local missing
    missing=$(awk -F, 'NR == FNR { gsub(/"/, ""); if (FNR > 1) have[$1] = $2; next }
                      { split($0, a, " "); if (have[a[1]] + 0 < a[2] + 0) { print a[1] " has " have[a[1]] + 0 " of " a[2] > "/dev/stderr"; bad++ } }
                      END { print bad + 0 }' "$stored" "$acked_file" | tail -1)
    local total
    total=$(($(wc -l <"$stored") - 1))
    say "after restart: $total kill.* messages stored (acknowledged or in flight), $missing acknowledged messages missing a copy"
    [[ $missing -eq 0 ]] && say "KILL -9 CHECK PASSED" || say "KILL -9 CHECK FAILED (see $stored and $acked_file)"
}

for part in $PARTS; do
    "run_$part"
done
say "   after: $(load)"
echo "results in $RESULTS" >&2
