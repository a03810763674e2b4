#!/usr/bin/env bash
# 10,000 IMAP connections in IDLE on a server with -Xmx512m: how many are served, how many hear of a new
# message, and the heap after a full GC. See bench/README.md.
#
#   bench/run-idle.sh            CONNECTIONS=10000 USERS=100 HEAP=512m LOGINS_IN_FLIGHT=16 DELIVERIES=3 SKIP_BUILD=1 PROFILE=1
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNECTIONS=${CONNECTIONS:-10000}
USERS=${USERS:-100}          # one message to all of them: at most courriel.smtp.max-recipients (100)
HEAP=${HEAP:-512m}
LOGINS_IN_FLIGHT=${LOGINS_IN_FLIGHT:-16}
DELIVERIES=${DELIVERIES:-3}  # messages to every user, one after the other: delivery-to-EXISTS of each
DATA=$WORK/idle-data
RESULTS=$WORK/idle-results.txt

mkdir -p "$WORK"
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }
# Both ends hold CONNECTIONS sockets: the client JVM and the server JVM inherit this limit (each its own).
ulimit -n "$(ulimit -Hn)"
if [[ $(ulimit -n) != unlimited && $(ulimit -n) -lt $((CONNECTIONS + 1000)) ]]; then
    echo "open files limited to $(ulimit -n): not enough for $CONNECTIONS connections" >&2
    exit 1
fi

CLIENT_PID=
FIFO=$WORK/idle-control
cleanup() {
    [[ -n $CLIENT_PID ]] && kill "$CLIENT_PID" 2>/dev/null || true
    exec 3>&- 2>/dev/null || true
    courriel_stop
}
trap cleanup EXIT

say "== IDLE benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ): $CONNECTIONS connections over $USERS users, server heap -Xmx$HEAP"
say "   before: $(load)"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    (cd "$ROOT" && ./mvnw -B -q -pl deploy -am package -DskipTests)
fi
rm -rf "$DATA"
mkdir -p "$DATA"
# CHEAP_HASH=1 (default): bcrypt cost 4 for the bench accounts, see CreateAccounts; 0 keeps cost 10.
"$JAVA" -Dbench.cheapHash="$([[ ${CHEAP_HASH:-1} == 1 ]] && echo true || echo false)" \
    -Dloader.path="$DEPLOY_TEST_CLASSES" -Dloader.main=courriel.bench.CreateAccounts \
    -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher idle "$USERS" "$DOMAIN" "$PASSWORD" \
    "--courriel.data-dir=$DATA" | tee -a "$RESULTS"

COURRIEL_JVM_OPTS=("-Xmx$HEAP")
if [[ ${PROFILE:-0} == 1 ]]; then   # a JFR recording of the server: $WORK/courriel-idle.jfr
    COURRIEL_JVM_OPTS+=("-XX:StartFlightRecording=filename=$WORK/courriel-idle.jfr,settings=profile")
fi
# docs/configuration.md: at most 20000 IMAP connections per listener, 50 per client address by default.
COURRIEL_ARGS=(--courriel.imap.max-connections=$((CONNECTIONS + 1000))
    --courriel.imap.max-connections-per-ip=$((CONNECTIONS + 1000)))
courriel_start "$DATA" "$WORK/courriel-idle.log"

heap() {   # heap after a full GC, from the JVM and from the actuator
    "$JAVA_HOME/bin/jcmd" "$COURRIEL_PID" GC.run >/dev/null
    "$JAVA_HOME/bin/jcmd" "$COURRIEL_PID" GC.heap_info | sed -n '2,3p'
    curl -fsS "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" | grep -E '^jvm_memory_used_bytes.*area="heap"' ||
        echo "(the actuator exports no jvm_memory_used_bytes)"
}
say "-- heap with no connection"
heap | tee -a "$RESULTS"

rm -f "$FIFO"
mkfifo "$FIFO"
"$JAVA" -Xss256k "$BENCH_DIR/src/ImapIdleLoad.java" "$IMAP_PORT" "$MX_PORT" "$CONNECTIONS" "$USERS" idle "$DOMAIN" \
    "$PASSWORD" "$LOGINS_IN_FLIGHT" "$COURRIEL_PID" "$DELIVERIES" "$(getconf CLK_TCK)" <"$FIFO" >"$WORK/idle-client.txt" 2>&1 &
CLIENT_PID=$!
exec 3>"$FIFO"
until grep -q '^READY' "$WORK/idle-client.txt"; do
    kill -0 "$CLIENT_PID" 2>/dev/null || { cat "$WORK/idle-client.txt"; exit 1; }
    sleep 1
done
grep -E '^(READY|failed)' "$WORK/idle-client.txt" | tee -a "$RESULTS"
curl -fsS "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" | grep -E '^courriel_imap_(idle_)?sessions' | tee -a "$RESULTS" || true
say "-- heap with every connection in IDLE"
heap | tee -a "$RESULTS"
# both processes share the two cores: the server's CPU per session (from the client's reading of /proc) is its
# own cost, whatever the client's; the first delivery also runs the push path's code for the first time (the JIT)
say "-- $DELIVERIES messages to every user, one after the other, from $(date -u +%H:%M:%S.%N | cut -c1-12) UTC"
echo go >&3
until grep -q '^DONE' "$WORK/idle-client.txt"; do
    kill -0 "$CLIENT_PID" 2>/dev/null || { cat "$WORK/idle-client.txt"; exit 1; }
    sleep 1
done
grep '^EXISTS' "$WORK/idle-client.txt" | tee -a "$RESULTS"
say "-- heap after the notification"
heap | tee -a "$RESULTS"
echo close >&3
wait "$CLIENT_PID" || true
CLIENT_PID=
say "   after: $(load)"
