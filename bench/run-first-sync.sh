#!/usr/bin/env bash
# Thunderbird's first sync of a 100,000-message folder over plain IMAP on loopback (target: under 2 s).
# Fills the folder through the store (deploy's test main courriel.bench.FillMailbox) before the server starts,
# then replays Thunderbird 153's first-sync commands with bench/src/ImapFirstSync.java. See bench/README.md.
#
#   bench/run-first-sync.sh              MESSAGES=100000 RUNS=3 SKIP_BUILD=1 SKIP_FILL=1 PROFILE=1 STORE=h2|postgresql
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MESSAGES=${MESSAGES:-100000}
RUNS=${RUNS:-3}
STORE=${STORE:-h2}
DATA=$WORK/first-sync-data
[[ $STORE == postgresql ]] && DATA=$WORK/first-sync-pg-data
PG_DATA=$WORK/first-sync-pg
USER_ADDRESS=sync@$DOMAIN
RESULTS=$WORK/first-sync-results.txt

mkdir -p "$WORK"
trap 'courriel_stop; [[ $STORE == postgresql ]] && pg_stop' EXIT
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }

say "== first-sync benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ), $MESSAGES messages, $STORE, $(nproc) cores"
say "   before: $(load)"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    log "building the jar and deploy's test classes"
    (cd "$ROOT" && ./mvnw -B -q -pl deploy -am package -DskipTests)
fi
[[ -d $DEPLOY_TEST_CLASSES/courriel/bench ]] || { echo "no deploy test classes: build without SKIP_BUILD" >&2; exit 1; }

COURRIEL_ARGS=()
if [[ $STORE == postgresql ]]; then
    COURRIEL_ARGS=("${PG_STORE_ARGS[@]}")
fi
if [[ ${SKIP_FILL:-0} != 1 || ! -d $DATA ]]; then
    rm -rf "$DATA"
    mkdir -p "$DATA"
    [[ $STORE == postgresql ]] && pg_start   # a new cluster
    "$JAVA" -Dloader.path="$DEPLOY_TEST_CLASSES" -Dloader.main=courriel.bench.FillMailbox \
        -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
        "$USER_ADDRESS" "$MESSAGES" "--courriel.data-dir=$DATA" "${COURRIEL_ARGS[@]}" "${COURRIEL_EXTRA[@]}" | tee -a "$RESULTS"
elif [[ $STORE == postgresql ]]; then
    pg_resume   # the filled cluster of an earlier run
fi
if [[ $STORE == postgresql ]]; then
    say "   database: $("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U courriel -d courriel -Atq -c "SELECT pg_size_pretty(pg_database_size('courriel'))")"
else
    say "   database: $(du -sh "$DATA" | cut -f1)"
fi

COURRIEL_JVM_OPTS=()
if [[ ${PROFILE:-0} == 1 ]]; then
    COURRIEL_JVM_OPTS=("-XX:StartFlightRecording=filename=$WORK/courriel-first-sync.jfr,settings=profile")
fi
courriel_start "$DATA" "$WORK/courriel-first-sync.log"
for ((run = 1; run <= RUNS; run++)); do
    say "-- run $run (run 1 is on a cold JVM and cold caches)"
    cpu0=$(cpu_seconds "$COURRIEL_PID")
    "$JAVA" "$BENCH_DIR/src/ImapFirstSync.java" "$IMAP_PORT" "$USER_ADDRESS" "$PASSWORD" INBOX "$MESSAGES" | tee -a "$RESULTS"
    # the server's own CPU for the run (the client runs in another JVM): steadier than the wall clock on a busy machine
    say "server CPU $(awk -v a="$cpu0" -v b="$(cpu_seconds "$COURRIEL_PID")" 'BEGIN {printf "%.2f", b - a}') s; $(load)"
done
courriel_stop
if [[ ${PROFILE:-0} == 1 ]]; then
    "$JAVA_HOME/bin/jfr" print --stack-depth 30 --events jdk.ExecutionSample "$WORK/courriel-first-sync.jfr" >"$WORK/courriel-first-sync-samples.txt"
    say "profile: $WORK/courriel-first-sync.jfr"
fi
say "   after: $(load)"
