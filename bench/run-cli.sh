#!/usr/bin/env bash
# Latency of the admin command line (issue 14): with a running server (the command goes through its admin
# socket) and without one (the command opens the database itself). Targets: < 0.5 s up, < 3 s down.
#
#   bench/run-cli.sh                 # build, then RUNS (default 5) runs of each command, up then down
#   RUNS=10 SKIP_BUILD=1 bench/run-cli.sh
#
# Runs the jar through the launcher (deploy/bin/courriel: for a command, C1, the serial collector, the jar
# extracted once into $WORK/cli-cache and an archive of its classes beside it, made by the first command: a JDK
# AOT cache on Java 25+). The "server up" runs start once the server has opened its admin socket, not only its
# ports: before that a command would take the path without a server. Each figure is the median wall-clock and
# CPU time (user + system) with the load average around it: on this shared machine other builds make the wall
# clock several times the CPU time, and the summary says so when only the load puts a command over its target.
# Ports and directory: MX_PORT, IMAP_PORT, HTTP_PORT, MGMT_PORT and WORK (bench/lib.sh), e.g.
#   MX_PORT=43525 IMAP_PORT=43143 HTTP_PORT=43080 MGMT_PORT=43081 WORK=/var/tmp/courriel-bench-cli14 bench/run-cli.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-5}
DATA=$WORK/cli-data
RESULTS=$WORK/cli-results.txt
LAUNCHER="$ROOT/deploy/bin/courriel"
export COURRIEL_JAR=$JAR COURRIEL_CLI_CACHE=$WORK/cli-cache

mkdir -p "$WORK"
trap 'courriel_stop' EXIT
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }

cli() { "$LAUNCHER" "--courriel.data-dir=$DATA" "$@" >/dev/null; }

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
load1() { awk '{print $1}' /proc/loadavg; }
SUMMARY=()

# measure TARGET LABEL COMMAND...: the wall-clock and CPU (user + system) time of each of RUNS runs, their
# medians and the 1-minute load average before and after; on a busy machine the CPU time says what the command
# costs, the wall clock what the admin waits. An argument %i becomes the run's number (user add needs a new
# address each time). TARGET is the target in seconds, judged in the summary.
measure() {
    local target=$1 label=$2 i start end times=() cpus=() cpu_file=$WORK/cli-cpu.txt before args wall cpu verdict
    shift 2
    before=$(load1)
    for ((i = 0; i < RUNS; i++)); do
        args=("${@//%i/$i}")
        start=$(date +%s.%N)
        /usr/bin/time -o "$cpu_file" -f '%U %S' "$LAUNCHER" "--courriel.data-dir=$DATA" "${args[@]}" >/dev/null
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
        cpus+=("$(awk '{print $1 + $2}' "$cpu_file")")
    done
    wall=$(median "${times[@]}")
    cpu=$(median "${cpus[@]}")
    say "$(printf '%-34s median %6.2f s wall, %5.2f s CPU, load %s -> %s   wall of each run: %s  CPU: %s' \
        "$label" "$wall" "$cpu" "$before" "$(load1)" "${times[*]}" "${cpus[*]}")"
    if (($(echo "$wall <= $target" | bc))); then
        verdict="met (${wall} s wall)"
    elif (($(echo "$cpu <= $target" | bc))); then
        verdict="wall ${wall} s over the target only from the load: ${cpu} s of CPU"
    else
        verdict="NOT met: ${wall} s wall, ${cpu} s CPU"
    fi
    SUMMARY+=("$(printf '%-34s < %s s: %s' "$label" "$target" "$verdict")")
}

# wait_admin_socket LOGFILE: until the server says its admin socket is open and the socket is there; a command
# run before would not find the server and open the database itself (waiting for the server's H2 lock).
wait_admin_socket() {
    local i
    for ((i = 0; i < 600; i++)); do
        if grep -q 'Admin socket at' "$1" && [[ -S $DATA/admin/admin.sock ]]; then
            return 0
        fi
        sleep 0.5
    done
    echo "the server opened no admin socket in 300 s" >&2
    exit 1
}

build_jar
rm -rf "$DATA"
say "== admin command line latency $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; $(load)"
first=$(date +%s.%N)
cli domain add "$DOMAIN" # extracts the jar, trains the archive, creates the database
say "$(printf '%-34s %6.1f s (extraction, training, the command)' "first command" "$(echo "$(date +%s.%N) - $first" | bc)")"
courriel_start "$DATA" "$WORK/cli-server.log"
wait_admin_socket "$WORK/cli-server.log"
cli user add "bob@$DOMAIN" --password "$PASSWORD"
measure 0.5 "server up:   domain list" domain list
measure 0.5 "server up:   user add" user add "up%i@$DOMAIN" --password "$PASSWORD"
measure 0.5 "server up:   user list --json" user list --json
measure 0.5 "server up:   queue list" queue list
courriel_stop
measure 3 "server down: domain list" domain list
measure 3 "server down: user add" user add "down%i@$DOMAIN" --password "$PASSWORD"
measure 3 "server down: user list --json" user list --json
# what the JVM loads for one command without a server, and how many of those classes the archive does not hold
classes=$(COURRIEL_JAVA_OPTS=-Xlog:class+load=info "$LAUNCHER" "--courriel.data-dir=$DATA" domain list | grep 'class,load')
say "$(printf '%-34s %d classes loaded, %d not from the archive' "server down: domain list" \
    "$(grep -c . <<<"$classes")" "$(grep -vc 'shared objects file' <<<"$classes")")"
say "$(load)"
printf '%s\n' "${SUMMARY[@]}" | tee -a "$RESULTS"
