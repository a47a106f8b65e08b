#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the shared ddb-bench harness (../shared/bench, the AWS SDK for JavaScript v3) against
# `shardscope serve` on an on-disk workspace and against dynalite in memory, RUNS times each,
# and prints the median server CPU per request and per item of every phase, and their ratio.
# Usage: bench/endpoint-bench.sh [RUNS] [ITEMS]     (defaults 3 and 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
items=${2:-20000}
harness=$(cd ../shared/bench && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/shardscope-bench.XXXXXX")
trap 'rm -rf "$out"' EXIT

[ -d "$harness/node_modules" ] || (cd "$harness" && npm ci --no-audit --no-fund --loglevel=error)
cmake --preset release >/dev/null
cmake --build --preset release --target shardscope -j "$(nproc)" >/dev/null

wait_port() { # port
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "server on port $1 did not start" >&2
    return 1
}

run() { # label run port command...
    local label=$1 n=$2 port=$3
    shift 3
    "$@" >"$out/$label-$n.log" 2>&1 &
    local pid=$!
    wait_port "$port"
    node "$harness/ddb-bench.mjs" --endpoint "http://127.0.0.1:$port" --items "$items" \
        --concurrency 16 --server-pid "$pid" --label "$label" --json "$out/$label-$n.json" --quiet \
        >/dev/null 2>&1 || echo "$label run $n: the harness reported a failure" >&2
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

for n in $(seq "$runs"); do
    rm -f "$out/ws.db" "$out/ws.db-wal" "$out/ws.db-shm"
    run shardscope "$n" 8123 build/release/app/shardscope serve --workspace "$out/ws.db" --port 8123
    run dynalite "$n" 8124 node "$harness/node_modules/dynalite/cli.js" --host 127.0.0.1 --port 8124
done

python3 - "$out" "$runs" <<'PY'
import json, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
def load(label):
    return [json.load(open(f"{out}/{label}-{n}.json")) for n in range(1, runs + 1)]
ours, peer = load("shardscope"), load("dynalite")
print(f"{'phase':8} {'shardscope µs/req':>18} {'dynalite µs/req':>16} {'ratio':>7} "
      f"{'shardscope µs/item':>19} {'req/s':>8} {'checks':>7}")
for i, phase in enumerate(ours[0]["phases"]):
    name = phase["name"]
    def med(runs, key):
        values = [r["phases"][i].get(key) for r in runs if r["phases"][i].get(key) is not None]
        return statistics.median(values) if values else None
    a, b = med(ours, "serverCpuUsPerRequest"), med(peer, "serverCpuUsPerRequest")
    item, rate = med(ours, "serverCpuUsPerItem"), med(ours, "requestsPerSec")
    ok = all(not r["phases"][i].get("failedChecks") for r in ours)
    fmt = lambda v: "n/a" if v is None else f"{v:,.1f}"
    ratio = f"{a / b:.2f}" if a and b else "n/a"
    print(f"{name:8} {fmt(a):>18} {fmt(b):>16} {ratio:>7} {fmt(item):>19} {fmt(rate):>8} "
          f"{'ok' if ok else 'FAILED':>7}")
print("overall:", "ok" if all(r.get("ok") for r in ours) else "some checks failed")
PY
