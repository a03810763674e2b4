#!/usr/bin/env bash
# Disk used by the store against the bytes of mail it holds (issue 16, target 4: <= 1.1x, < 1.0x compressed),
# through a fill, expunging half the folder, filling as many again, and a restart, on H2 and PostgreSQL.
#
#   bench/run-storage.sh                                   # build, then 20,000 messages on each store
#   MESSAGES=100000 SKIP_BUILD=1 bench/run-storage.sh      # the issue's folder size
#   ATTACHMENT_KB=32 SKIP_BUILD=1 bench/run-storage.sh     # every tenth message with 32 KiB of random base64
#   STORES="h2 h2-before" SKIP_BUILD=1 bench/run-storage.sh
#   STORES=h2-with H2_SETTINGS=";MAX_COMPACT_TIME=1000" SKIP_BUILD=1 bench/run-storage.sh   # other H2 settings
#
# Stores: h2 (the defaults: application.yml's URL with COMPRESS=TRUE, the file compacted at each stop),
# h2-before (as before those: no COMPRESS, courriel.store.compact-on-stop=false), h2-with (the default URL with
# H2_SETTINGS added) and postgresql (Debian's, a cluster of its own in $WORK on PG_PORT, 45432). For each, on a
# new data directory and database:
#   1. fill: MESSAGES messages into one INBOX through the store (deploy's test main courriel.bench.FillMailbox,
#      which prints the bytes of mail it delivered), no server running;
#   2. expunge: the server started, the first half of the folder flagged \Deleted and expunged over IMAP
#      (bench/src/expunge.py), the server stopped;
#   3. refill: as many new messages as were expunged (other numbers, so no content is shared), no server;
#   4. restart: the server started and stopped once more.
# After each step the disk used: H2's file (courriel.mv.db; the database is closed, as after a stop; each stop's
# duration and the server's "Compacted" line are logged), or
# PostgreSQL's pg_database_size (tables, TOAST and indexes; the cluster's WAL is apart and not counted) after a
# CHECKPOINT, and its ratio to the bytes of mail the folder holds then.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MESSAGES=${MESSAGES:-20000}
ATTACHMENT_KB=${ATTACHMENT_KB:-0}
STORES=${STORES:-h2 h2-before postgresql}
H2_SETTINGS=${H2_SETTINGS:-}
RESULTS=$WORK/storage-results.txt
HALF=$((MESSAGES / 2))
USER_ADDRESS=store@$DOMAIN

mkdir -p "$WORK"
PG_DATA=$WORK/storage-pg
trap 'courriel_stop; pg_stop' EXIT
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }

# store_args STORE DATA: the Spring arguments that put the store there
store_args() {
    case $1 in
    h2) STORE_ARGS=() ;;
    h2-with) STORE_ARGS=("--spring.datasource.url=jdbc:h2:file:$2/courriel;AUTO_SERVER=TRUE;COMPRESS=TRUE$H2_SETTINGS") ;;
    h2-before) STORE_ARGS=("--spring.datasource.url=jdbc:h2:file:$2/courriel;AUTO_SERVER=TRUE"
        --courriel.store.compact-on-stop=false) ;;
    postgresql) STORE_ARGS=("--spring.datasource.url=jdbc:postgresql://127.0.0.1:$PG_PORT/courriel"
        --spring.datasource.username=courriel --spring.datasource.password=) ;;
    esac
}

# fill DATA COUNT FIRST: COUNT messages numbered from FIRST; sets FILLED_BYTES to the bytes of mail delivered
fill() {
    local out
    out=$("$JAVA" -Dloader.path="$DEPLOY_TEST_CLASSES" -Dloader.main=courriel.bench.FillMailbox \
        -Dbench.first="$3" -Dbench.attachment-kb="$ATTACHMENT_KB" \
        -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
        "$USER_ADDRESS" "$2" "--courriel.data-dir=$1" "${STORE_ARGS[@]}" | grep '^filled')
    log "$out"
    FILLED_BYTES=$(sed -n 's/.*, \([0-9]*\) bytes of mail.*/\1/p' <<<"$out")
}

# used STORE DATA: bytes on disk now
used() {
    case $1 in
    h2*) stat -c %s "$2/courriel.mv.db" ;;
    postgresql)
        "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U courriel -d courriel -Atq \
            -c "CHECKPOINT" -c "SELECT pg_database_size('courriel')" 2>/dev/null | tail -1 ;;
    esac
}

# mail STORE DATA: bytes of mail the folder holds now, from the store's own sizes
mail_bytes() {
    local sql="SELECT COALESCE(SUM(c.size), 0) FROM message m JOIN content c ON c.id = m.content_id"
    case $1 in
    h2*) h2_sql "$2" "$sql" | sed -n '2p' | tr -d ' ' ;;
    postgresql) "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U courriel -d courriel -Atq -c "$sql" ;;
    esac
}

# row STORE STEP DATA
row() {
    local disk mail
    disk=$(used "$1" "$3")
    mail=$(mail_bytes "$1" "$3")
    say "$(printf '| %s | %s | %.1f MB | %.1f MB | %.2f |' "$1" "$2" "$(echo "$mail / 1000000" | bc -l)" \
        "$(echo "$disk / 1000000" | bc -l)" "$(echo "$disk / $mail" | bc -l)")"
}

# timed_stop STORE: stops the server, logging how long that took and what it compacted
timed_stop() {
    local start
    start=$(date +%s.%N)
    courriel_stop
    log "$1: the stop took $(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)") s;" \
        "$(grep -o 'Compacted .*' "$WORK/storage-$1-server.log" | tail -1 || echo 'nothing compacted')"
}

build_jar
[[ -d $DEPLOY_TEST_CLASSES/courriel/bench ]] || { echo "no deploy test classes: build without SKIP_BUILD" >&2; exit 1; }
say "== storage $(date -u +%Y-%m-%dT%H:%M:%SZ), $MESSAGES messages, attachments of ${ATTACHMENT_KB} KiB random (0: repeated lines) in every tenth; $(load)"
say ""
say "| store | after | mail held | disk used | disk / mail |"
say "|---|---|---|---|---|"
for store in $STORES; do
    data=$WORK/storage-$store
    rm -rf "$data" && mkdir -p "$data"
    [[ $store == postgresql ]] && pg_start
    store_args "$store" "$data"
    COURRIEL_ARGS=("${STORE_ARGS[@]}")
    fill "$data" "$MESSAGES" 0
    row "$store" "fill of $MESSAGES" "$data"
    courriel_start "$data" "$WORK/storage-$store-server.log"
    python3 "$BENCH_DIR/src/expunge.py" "$IMAP_PORT" "$USER_ADDRESS" "$PASSWORD" "$HALF" | while read -r line; do log "$line"; done
    timed_stop "$store"
    row "$store" "expunge of $HALF" "$data"
    fill "$data" "$HALF" "$MESSAGES"
    row "$store" "refill of $HALF" "$data"
    courriel_start "$data" "$WORK/storage-$store-server.log"
    timed_stop "$store"
    row "$store" "restart" "$data"
    [[ $store == postgresql ]] && pg_stop
done
say "$(load)"
