#!/usr/bin/env bash
# Start-up time of the server (issue 16, target 8: all ports open in <= 4 s), its heap after start and its RSS.
#
#   bench/run-start.sh                       # build, then ROUNDS (default 5) starts of each way, alternating
#   ROUNDS=3 SKIP_BUILD=1 bench/run-start.sh
#   START_DATA=/var/tmp/big-data SKIP_BUILD=1 bench/run-start.sh   # a copy of that data directory instead
#
# Two ways of starting the same jar on the same data directory, one after the other in each round so that both
# see the same machine load:
#   java -jar   the packaged jar as it is (nested jars), the JVM's defaults: how a plain `java -jar` starts;
#   launcher    deploy/bin/courriel as the service runs it: the jar extracted once into $WORK/start-cache and a
#               JDK AOT cache of the server made by the launcher's training run (Java 25+); the first start,
#               training included, is timed apart and printed first.
# A start is timed from the JVM's launch to the moment every port listens: MX, submission, submissions, IMAP,
# IMAPS, the REST API and management (`ss -ltn`, every 20 ms: nothing connects, so no session is opened). Then
# the RSS is read from /proc, the heap in use after a full collection from `jcmd GC.heap_info`, and the CPU
# time (user + system) the JVM has used. The data directory is made once by a first start (the empty
# database's migrations are not what a restart pays), or copied from START_DATA.
# Ports and directory: MX_PORT, IMAP_PORT, HTTP_PORT, MGMT_PORT and WORK (bench/lib.sh); SUBMISSION_PORT,
# SUBMISSIONS_PORT and IMAPS_PORT below.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS=${ROUNDS:-5}
SUBMISSION_PORT=${SUBMISSION_PORT:-42587}
SUBMISSIONS_PORT=${SUBMISSIONS_PORT:-42465}
IMAPS_PORT=${IMAPS_PORT:-41993}
DATA=$WORK/start-data
RESULTS=$WORK/start-results.txt
LAUNCHER="$ROOT/deploy/bin/courriel"
PORTS=("$MX_PORT" "$SUBMISSION_PORT" "$SUBMISSIONS_PORT" "$IMAP_PORT" "$IMAPS_PORT" "$HTTP_PORT" "$MGMT_PORT")
ARGS=("--courriel.data-dir=$DATA" --courriel.hostname=mx.bench.invalid
    --courriel.mx.bind-address=127.0.0.1 "--courriel.mx.port=$MX_PORT"
    --courriel.submission.bind-address=127.0.0.1 "--courriel.submission.port=$SUBMISSION_PORT"
    --courriel.submissions.bind-address=127.0.0.1 "--courriel.submissions.port=$SUBMISSIONS_PORT"
    --courriel.imap.bind-address=127.0.0.1 "--courriel.imap.port=$IMAP_PORT"
    "--courriel.imaps.port=$IMAPS_PORT"
    --courriel.pop3.enabled=false --courriel.managesieve.enabled=false
    --server.address=127.0.0.1 "--server.port=$HTTP_PORT"
    --management.server.address=127.0.0.1 "--management.server.port=$MGMT_PORT"
    "${COURRIEL_EXTRA[@]}")
export COURRIEL_CACHE=$WORK/start-cache

mkdir -p "$WORK"
PID=
stop() {
    if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
        kill "$PID"
        wait "$PID" 2>/dev/null || true
    fi
    PID=
}
trap stop EXIT
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
spread() { printf '%s\n' "$@" | sort -n | awk 'NR==1{lo=$1} {hi=$1} END {printf "%.2f-%.2f", lo, hi}'; }
load1() { awk '{print $1}' /proc/loadavg; }

all_listening() {
    local listening p
    # one process per look (the polling takes little CPU from the start it measures); a local address reads
    # 127.0.0.1:25, or [::ffff:127.0.0.1]:25 for Java's dual-stack sockets
    listening=$(ss -Hltn)
    for p in "${PORTS[@]}"; do
        [[ $listening == *":$p "* ]] || return 1
    done
}

# start WAY: starts the server that way and waits until every port listens; sets SECONDS_UP, CPU_UP and PID.
start() {
    local way=$1 t0 i
    t0=$(date +%s.%N)
    case $way in
    java-jar) "$JAVA" -jar "$JAR" "${ARGS[@]}" >"$WORK/start-$way.log" 2>&1 & ;;
    launcher) JAVA_HOME=$JAVA_HOME COURRIEL_JAR=$JAR "$LAUNCHER" "${ARGS[@]}" >"$WORK/start-$way.log" 2>&1 & ;;
    esac
    PID=$!
    for ((i = 0; i < 6000; i++)); do
        if all_listening; then
            SECONDS_UP=$(echo "$(date +%s.%N) - $t0" | bc)
            CPU_UP=$(cpu_seconds "$PID")
            return 0
        fi
        kill -0 "$PID" 2>/dev/null || { tail -30 "$WORK/start-$way.log" >&2; echo "the server did not start" >&2; exit 1; }
        sleep 0.02
    done
    echo "not every port listened within 120 s" >&2
    exit 1
}

# memory: the RSS now, then the heap in use after a full collection (MB)
memory() {
    RSS_MB=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")
    "$JAVA_HOME/bin/jcmd" "$PID" GC.run >/dev/null
    HEAP_MB=$("$JAVA_HOME/bin/jcmd" "$PID" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{printf "%.0f", $2 / 1024}')
}

build_jar
rm -rf "$DATA" "$COURRIEL_CACHE"
if [[ -n ${START_DATA:-} ]]; then
    cp -a "$START_DATA/." "$DATA/"
fi
say "== start-up $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $("$JAVA" -version 2>&1 | head -1); $(load)"
say "data: $DATA ($(du -sh "$DATA" 2>/dev/null | cut -f1 || echo new)); ports ${PORTS[*]}"

start java-jar
say "$(printf '%-32s %6.2f s to all ports (migrations of a new database included when there was none)' \
    "first start, java -jar" "$SECONDS_UP")"
stop
start launcher
say "$(printf '%-32s %6.2f s to all ports (extraction and the AOT cache'"'"'s training included)' \
    "first start, launcher" "$SECONDS_UP")"
stop

declare -A UP CPU RSS HEAP
for ((r = 1; r <= ROUNDS; r++)); do
    for way in java-jar launcher; do
        before=$(load1)
        start "$way"
        memory
        stop
        UP[$way]+="$SECONDS_UP " CPU[$way]+="$CPU_UP " RSS[$way]+="$RSS_MB " HEAP[$way]+="$HEAP_MB "
        say "$(printf 'round %d %-10s %6.2f s to all ports, %5.2f s CPU, RSS %4d MB, heap after GC %4d MB, load %s' \
            "$r" "$way" "$SECONDS_UP" "$CPU_UP" "$RSS_MB" "$HEAP_MB" "$before")"
    done
done

say ""
say "| start | to all ports, median (spread) | CPU, median | RSS after start | heap in use after a full GC |"
say "|---|---|---|---|---|"
for way in java-jar launcher; do
    # shellcheck disable=SC2086 # the lists are space-separated on purpose
    say "$(printf '| %s | %.2f s (%s) | %s s | %s MB | %s MB |' "$way" "$(median ${UP[$way]})" "$(spread ${UP[$way]})" \
        "$(median ${CPU[$way]})" "$(median ${RSS[$way]})" "$(median ${HEAP[$way]})")"
done
say "$(load)"
