#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Start-up to a visible window: ShardScope on its demo workspace against DB Browser for SQLite
# (Debian's sqlitebrowser, a Qt application) opening the same file, in one run on one Xvfb
# server, alternating, RUNS times each (default 7). Both are measured the same way: from the
# moment the process is started until X reports its main window viewable. Prints each run and
# the medians. File caches are warm for both (the first run of each is a warm-up, not counted).
# Usage: bench/coldstart.sh [RUNS] [path/to/shardscope]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
shardscope=${2:-build/release/app/shardscope}
command -v sqlitebrowser >/dev/null || { echo "needs sqlitebrowser (apt-get install sqlitebrowser)" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "needs Xvfb (apt-get install xvfb)" >&2; exit 2; }
command -v xwininfo >/dev/null || { echo "needs xwininfo (apt-get install x11-utils)" >&2; exit 2; }

work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display
sleep 1
export XDG_CONFIG_HOME="$work/config" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# Milliseconds from start until a window whose title matches PATTERN is viewable.
visible_after() { # pattern command...
    local pattern=$1
    shift
    local start end id
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 &
    local pid=$!
    while :; do
        for id in $(xwininfo -root -tree 2>/dev/null | grep -E "$pattern" | awk '{print $1}'); do
            if xwininfo -id "$id" 2>/dev/null | grep -q IsViewable; then break 2; fi
        done
        kill -0 "$pid" 2>/dev/null || { echo "process $1 exited before showing a window" >&2; return 1; }
    done
    end=$(date +%s%N)
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

cd "$work"
ours=() theirs=()
for run in $(seq 0 "$runs"); do
    a=$(visible_after 'ShardScope"' "$OLDPWD/$shardscope")
    b=$(visible_after 'DB Browser for SQLite' sqlitebrowser "$work/shardscope-demo.db")
    if [ "$run" -gt 0 ]; then
        ours+=("$a")
        theirs+=("$b")
        echo "run $run: shardscope ${a} ms, sqlitebrowser ${b} ms"
    fi
done
m1=$(printf '%s\n' "${ours[@]}" | median)
m2=$(printf '%s\n' "${theirs[@]}" | median)
echo "median: shardscope ${m1} ms, sqlitebrowser ${m2} ms, ratio $(awk "BEGIN {printf \"%.2f\", $m1 / $m2}")"
