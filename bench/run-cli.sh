#!/usr/bin/env bash
# Latency of the admin command line (issue 14): with a running server (the command goes through its admin
# socket) and without one (the command opens the database itself). Targets: < 0.5 s up, < 3 s down.
#
#   bench/run-cli.sh                 # build, then RUNS (default 5) runs of each command, up then down
#   RUNS=10 SKIP_BUILD=1 bench/run-cli.sh
#
# Runs the jar through the launcher (deploy/bin/courriel: for a command, C1, the serial collector, the jar
# extracted once into $WORK/cli-cache and a class-data-sharing archive beside it, made by the first command).
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

# measure LABEL COMMAND...: the wall-clock and CPU (user + system) time of each of RUNS runs, and their
# medians; on a busy machine the CPU time says what the command costs, the wall clock what the admin waits.
measure() {
    local label=$1 i start end times=() cpus=() cpu_file=$WORK/cli-cpu.txt
    shift
    for ((i = 0; i < RUNS; i++)); do
        start=$(date +%s.%N)
        /usr/bin/time -o "$cpu_file" -f '%U %S' "$LAUNCHER" "--courriel.data-dir=$DATA" "$@" >/dev/null
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
        cpus+=("$(awk '{print $1 + $2}' "$cpu_file")")
    done
    say "$(printf '%-34s median %6.2f s wall, %5.2f s CPU   wall of each run: %s' "$label" "$(median "${times[@]}")" \
        "$(median "${cpus[@]}")" "${times[*]}")"
}

build_jar
rm -rf "$DATA"
say "== admin command line latency $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; $(load)"
cli domain add "$DOMAIN" # extracts the jar, makes the class-data-sharing archive, creates the database
courriel_start "$DATA" "$WORK/cli-server.log"
cli user add "bob@$DOMAIN" --password "$PASSWORD"
measure "server up:   domain list" domain list
measure "server up:   user list --json" user list --json
measure "server up:   queue list" queue list
courriel_stop
measure "server down: domain list" domain list
measure "server down: user list --json" user list --json
# what the JVM loads for one command without a server: the count follows the context's size
classes=$(COURRIEL_JAVA_OPTS=-Xlog:class+load=info "$LAUNCHER" "--courriel.data-dir=$DATA" domain list | grep -c 'class,load')
say "$(printf '%-34s %d classes loaded' "server down: domain list" "$classes")"
say "$(load)"
