#!/usr/bin/env bash
# Full-text search (issue 16, target 7) over one 100,000-message INBOX: IMAP SEARCH TEXT/BODY through the text
# index, a header search for comparison, and the REST text filter; against Dovecot 2.3 (Maildir of the same
# messages, byte for byte, its default indexes and no full-text plugin) in the same run, alternating rounds.
# Also the disk the index takes beside the mail. STORES: h2 (the embedded default: Lucene beside the file) and
# postgresql (Debian's, a cluster of the bench's own on PG_PORT: pg_trgm). See bench/README.md.
#
#   bench/run-search.sh      MESSAGES=100000 RUNS=5 DOVECOT_RUNS=1 ROUNDS=2 STORES="h2 postgresql" SKIP_BUILD=1 WITH_DOVECOT=1
#   MX_PORT=46525 IMAP_PORT=46143 HTTP_PORT=46080 MGMT_PORT=46081 DOVECOT_PORT=46144 PG_PORT=46432 WORK=/var/tmp/courriel-bench-search
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MESSAGES=${MESSAGES:-100000}
RUNS=${RUNS:-5}
# Dovecot without a full-text plugin reads every message for a TEXT search: seconds each at 100,000 messages
DOVECOT_RUNS=${DOVECOT_RUNS:-1}
ROUNDS=${ROUNDS:-2}
STORES=${STORES:-h2 postgresql}
DOVECOT_PORT=${DOVECOT_PORT:-46144}
USER_ADDRESS=search@$DOMAIN
DOVECOT_DIR=$WORK/search-dovecot
PG_DATA=$WORK/search-pg
RESULTS=$WORK/search-results.txt
# One message of all ("Message 54321," ends one message number), every message, none, a sender (header only).
RARE="Message $((MESSAGES / 2 + 321)),"
# header keys too: a subject of one thread (7 messages), a sender of 1 % and a list of 20 %, none, all
THREAD="thread $((MESSAGES / 9)) "
SEARCHES=("TEXT \"$RARE\"" "BODY \"$RARE\"" "TEXT \"answers the previous\"" "TEXT \"zzqx-nowhere\"" "FROM \"sender42@\""
    "SUBJECT \"$THREAD\"" "TO \"list1@\"" "FROM \"zzqx-nobody\"" "SUBJECT \"benchmarks\"")

mkdir -p "$WORK"
trap 'courriel_stop; dovecot_stop; pg_stop' EXIT
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }
dovecot_find

say "== search $(date -u +%Y-%m-%dT%H:%M:%SZ), $MESSAGES messages, $RUNS runs of each search per round ($DOVECOT_RUNS for Dovecot), $ROUNDS rounds, $(nproc) cores"
say "   Courriel $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), Dovecot $("$DOVECOT" --version)"
say "   before: $(load)"
build_jar
[[ -d $DEPLOY_TEST_CLASSES/courriel/bench ]] || { echo "no deploy test classes: build without SKIP_BUILD" >&2; exit 1; }

# --- Dovecot: the same messages as a Maildir; its first SELECT builds its index (that run is left out below)
if [[ ${WITH_DOVECOT:-1} == 1 ]]; then
    dovecot_configure "$DOVECOT_DIR" "$DOVECOT_PORT"
    echo "$USER_ADDRESS:$("$DOVEADM" -c "$DOVECOT_DIR/dovecot.conf" pw -s BLF-CRYPT -r 10 -p "$PASSWORD")::::" >"$DOVECOT_DIR/passwd"
    "$JAVA" -Dloader.path="$DEPLOY_TEST_CLASSES" -Dloader.main=courriel.bench.WriteMaildir \
        -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
        "$DOVECOT_DIR/mail/$USER_ADDRESS" "$USER_ADDRESS" "$MESSAGES" | tee -a "$RESULTS"
    [[ $(id -u) == 0 ]] && chown -R dovecot:dovecot "$DOVECOT_DIR/mail"
    dovecot_start "$DOVECOT_DIR" "$DOVECOT_PORT"
    "$JAVA" "$BENCH_DIR/src/SearchTimes.java" dovecot "$DOVECOT_PORT" "$USER_ADDRESS" "$PASSWORD" 1 ALL >/dev/null
fi

# pending_count: the server's courriel_store_text_pending (refreshed every 10 s)
pending_count() {
    curl -fsS "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" | awk '/^courriel_store_text_pending / {printf "%d", $2}'
}

for store in $STORES; do
    data=$WORK/search-$store
    rm -rf "$data" && mkdir -p "$data"
    COURRIEL_ARGS=()
    if [[ $store == postgresql ]]; then
        pg_start
        COURRIEL_ARGS=("${PG_STORE_ARGS[@]}")
    fi
    say "-- $store: fill"
    "$JAVA" -Dloader.path="$DEPLOY_TEST_CLASSES" -Dloader.main=courriel.bench.FillMailbox \
        -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
        "$USER_ADDRESS" "$MESSAGES" "--courriel.data-dir=$data" "${COURRIEL_ARGS[@]}" "${COURRIEL_EXTRA[@]}" | tee -a "$RESULTS"
    courriel_start "$data" "$WORK/search-$store-server.log"
    start=$(date +%s)
    while [[ $(pending_count) != 0 ]]; do sleep 5; done
    say "   $store: the index caught up $(($(date +%s) - start)) s after the start (what the fill's own indexer had left)"
    case $store in
    h2) say "   disk: database $(du -sh "$data/courriel.mv.db" | cut -f1), text index $(du -sh "$data/courriel.text-index" | cut -f1)" ;;
    postgresql) say "   disk: $("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U courriel -d courriel -Atq -c "SELECT
        'database ' || pg_size_pretty(pg_database_size('courriel')) || ', content_text ' ||
        pg_size_pretty(pg_total_relation_size('content_text')) || ' (of it trigram indexes ' ||
        pg_size_pretty(pg_indexes_size('content_text')) || ')'")" ;;
    esac
    for ((round = 1; round <= ROUNDS; round++)); do
        say "   round $round, $(load)"
        "$JAVA" "$BENCH_DIR/src/SearchTimes.java" "courriel-$store" "$IMAP_PORT" "$USER_ADDRESS" "$PASSWORD" "$RUNS" \
            "${SEARCHES[@]}" | tee -a "$RESULTS"
        if [[ ${WITH_DOVECOT:-1} == 1 ]]; then
            "$JAVA" "$BENCH_DIR/src/SearchTimes.java" dovecot "$DOVECOT_PORT" "$USER_ADDRESS" "$PASSWORD" "$DOVECOT_RUNS" \
                "${SEARCHES[@]}" | tee -a "$RESULTS"
        fi
    done
    # the REST API's text filter, the first page of 50 (it searches the whole mailbox first)
    inbox=$(curl -fsS -u "$USER_ADDRESS:$PASSWORD" "http://127.0.0.1:$HTTP_PORT/api/v1/mailboxes" |
        python3 -c 'import json,sys; print(next(m["id"] for m in json.load(sys.stdin) if m["name"] == "INBOX"))')
    for query in "$RARE" "answers the previous"; do
        times=$(for ((r = 0; r < RUNS; r++)); do
            curl -fsS -o /dev/null -w '%{time_total}\n' -u "$USER_ADDRESS:$PASSWORD" --get \
                --data-urlencode "text=$query" --data-urlencode "size=50" \
                "http://127.0.0.1:$HTTP_PORT/api/v1/mailboxes/$inbox/messages"
        done | sort -n)
        say "REST courriel-$store text=\"$query\": median $(echo "$times" | sed -n "$((RUNS / 2 + 1))p" | awk '{printf "%.1f", $1 * 1000}') ms ($(echo "$times" | head -1 | awk '{printf "%.1f", $1 * 1000}')-$(echo "$times" | tail -1 | awk '{printf "%.1f", $1 * 1000}'))"
    done
    courriel_stop
    [[ $store == postgresql ]] && pg_stop
done
dovecot_stop
say "   Dovecot's Maildir and index: $(du -sh "$DOVECOT_DIR/mail" 2>/dev/null | cut -f1)"
say "   after: $(load)"
