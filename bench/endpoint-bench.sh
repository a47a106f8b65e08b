#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the shared ddb-bench harness (../shared/bench, the AWS SDK for JavaScript v3) against
# `shardscope serve` on an on-disk workspace and against a peer, alternating, RUNS times each,
# and prints the median server CPU per request and per item of every phase, and their ratios.
# Usage: bench/endpoint-bench.sh [RUNS] [ITEMS] [PEER]     (defaults 3, 20000, dynalite)
#   PEER=dynalite  dynalite in memory (no streams: its stream row shows n/a)
#   PEER=ddblocal  DynamoDB Local 1.25.1 with -inMemory, from DDBLOCAL_DIR: where
#                  `npm pack amplify-dynamodb-simulator@2.9.30` was extracted, outside this repo
#                  (see ../shared/bench/RESULTS-peers.md). It listens on all interfaces and has
#                  telemetry, so both servers and the harness run in a loopback-only network
#                  namespace (unshare -n); without that permission it warns and runs as is.
#   PEER=nostream  shardscope serve again, with the harness's `--stream-setup off`: the write
#                  phases without a stream against the same phases with one.
#   PEER=other     another build of shardscope, OTHER_SHARDSCOPE=path/to/its/app/shardscope (say
#                  an older commit built in a git worktree), serving with its own defaults: before
#                  and after a change, side by side.
#   PEER=floor     bench/endpoint_floor: an endpoint that does no work and stores nothing (its
#                  checks fail by design): the kernel's TCP and epoll cost per request, the floor
#                  under any server's figure on this machine.
# For the stream phase compare µs/item (per record); for the write phases µs/req.
set -euo pipefail
script=$(realpath "$0")
cd "$(dirname "$0")/.."
runs=${1:-3}
items=${2:-20000}
peer=${3:-dynalite}
harness=$(cd ../shared/bench && pwd)

case $peer in
dynalite | floor | nostream) ;;
other)
    [ -x "${OTHER_SHARDSCOPE:-}" ] || {
        echo "PEER=other needs OTHER_SHARDSCOPE: the path of another build's shardscope" >&2
        exit 2
    }
    ;;
ddblocal)
    ddb=
    for d in "${DDBLOCAL_DIR:-}" "${DDBLOCAL_DIR:-}/emulator" "${DDBLOCAL_DIR:-}/package/emulator"; do
        if [ -n "${DDBLOCAL_DIR:-}" ] && [ -f "$d/DynamoDBLocal.jar" ]; then ddb=$(cd "$d" && pwd); break; fi
    done
    if [ -z "$ddb" ]; then
        echo "PEER=ddblocal needs DDBLOCAL_DIR: the directory where amplify-dynamodb-simulator@2.9.30" \
            "was extracted (with package/emulator/DynamoDBLocal.jar); got '${DDBLOCAL_DIR:-}'" >&2
        exit 2
    fi
    command -v java >/dev/null || { echo "PEER=ddblocal needs java on PATH" >&2; exit 2; }
    ;;
*) echo "unknown PEER '$peer' (dynalite, ddblocal, nostream, other or floor)" >&2; exit 2 ;;
esac

if [ -z "${SHARDSCOPE_BENCH_NETNS:-}" ]; then
    [ -d "$harness/node_modules" ] || (cd "$harness" && npm ci --no-audit --no-fund --loglevel=error)
    cmake --preset release >/dev/null
    cmake --build --preset release --target shardscope endpoint_floor -j "$(nproc)" >/dev/null
    if [ "$peer" = ddblocal ]; then
        if unshare -n true 2>/dev/null; then
            exec env SHARDSCOPE_BENCH_NETNS=1 unshare -n bash -c 'ip link set lo up && exec "$0" "$@"' \
                "$script" "$runs" "$items" "$peer"
        fi
        echo "warning: unshare -n is not permitted; DynamoDB Local runs with -disableTelemetry but" \
            "listens on all interfaces" >&2
    fi
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/shardscope-bench.XXXXXX")
trap 'rm -rf "$out"' EXIT

wait_port() { # port pid
    for _ in $(seq 300); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || break
        sleep 0.1
    done
    echo "server on port $1 did not start" >&2
    return 1
}

run() { # label run port command...    (harness options in $harness_options)
    local label=$1 n=$2 port=$3
    shift 3
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is already in use" >&2
        return 1
    fi
    "$@" >"$out/$label-$n.log" 2>&1 &
    local pid=$!
    wait_port "$port" "$pid"
    node "$harness/ddb-bench.mjs" --endpoint "http://127.0.0.1:$port" --items "$items" \
        --concurrency 16 --server-pid "$pid" --label "$label" --json "$out/$label-$n.json" --quiet \
        ${harness_options:-} >/dev/null 2>&1 || [ "$label" = floor ] || echo "$label run $n: the harness reported a failure" >&2
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

for n in $(seq "$runs"); do
    rm -f "$out/ws.db" "$out/ws.db-wal" "$out/ws.db-shm"
    run shardscope "$n" 8123 build/release/app/shardscope serve --workspace "$out/ws.db" --port 8123
    case $peer in
    dynalite) run dynalite "$n" 8124 node "$harness/node_modules/dynalite/cli.js" --host 127.0.0.1 --port 8124 ;;
    nostream)
        rm -f "$out/ws.db" "$out/ws.db-wal" "$out/ws.db-shm"
        harness_options="--stream-setup off" run nostream "$n" 8124 \
            build/release/app/shardscope serve --workspace "$out/ws.db" --port 8124 ;;
    floor) run floor "$n" 8124 build/release/bench/endpoint_floor 8124 ;;
    other)
        rm -f "$out/ws.db" "$out/ws.db-wal" "$out/ws.db-shm"
        run other "$n" 8124 "$OTHER_SHARDSCOPE" serve --workspace "$out/ws.db" --port 8124 ;;
    ddblocal) # cwd $out: it writes dynamodb-local-metadata.json into its working directory
        run ddblocal "$n" 8124 env -C "$out" java -Djava.library.path="$ddb/DynamoDBLocal_lib" \
            -jar "$ddb/DynamoDBLocal.jar" -inMemory -port 8124 -disableTelemetry ;;
    esac
done

python3 - "$out" "$runs" "$peer" <<'PY'
import json, os, statistics, sys
out, runs, peer_label = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def load(label):
    paths = [f"{out}/{label}-{n}.json" for n in range(1, runs + 1)]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        print(f"{label}: no JSON from {len(missing)} run(s)")
    return [json.load(open(p)) for p in paths if p not in missing]
ours, peer = load("shardscope"), load(peer_label)
def phase(run, name):
    return next((p for p in run["phases"] if p["name"] == name), {})
def med(runs, name, key):
    values = [phase(r, name).get(key) for r in runs]
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None
def checks(runs, name):
    if all(phase(r, name).get("skipped") for r in runs):
        return "skip"
    return "ok" if runs and all(not phase(r, name).get("failedChecks") for r in runs) else "FAILED"
fmt = lambda v: "n/a" if v is None else f"{v:,.1f}"
ratio = lambda a, b: f"{a / b:.2f}" if a and b else "n/a"
p = peer_label[:8]
print(f"medians of {len(ours)} shardscope and {len(peer)} {peer_label} runs; ratio = shardscope / {peer_label}")
print(f"{'phase':7} {'ss µs/req':>10} {p + ' µs/req':>16} {'ratio':>6} {'ss µs/item':>11} "
      f"{p + ' µs/item':>17} {'ratio':>6} {'ss req/s':>9} {p + ' req/s':>15} {'checks ss/' + p:>18}")
for name in [ph["name"] for ph in ours[0]["phases"]]:
    a, b = med(ours, name, "serverCpuUsPerRequest"), med(peer, name, "serverCpuUsPerRequest")
    c, d = med(ours, name, "serverCpuUsPerItem"), med(peer, name, "serverCpuUsPerItem")
    print(f"{name:7} {fmt(a):>10} {fmt(b):>16} {ratio(a, b):>6} {fmt(c):>11} {fmt(d):>17} {ratio(c, d):>6} "
          f"{fmt(med(ours, name, 'requestsPerSec')):>9} {fmt(med(peer, name, 'requestsPerSec')):>15} "
          f"{checks(ours, name) + '/' + checks(peer, name):>18}")
for label, results in (("shardscope", ours), (peer_label, peer)):
    counts = [phase(r, "stream").get("checks", {}).get("recordsMatchWrites", {}).get("counts") for r in results]
    if any(counts):
        print(f"stream records, {label}:", "; ".join(
            "n/a" if c is None else f"{c['INSERT']} INSERT, {c['MODIFY']} MODIFY, {c['REMOVE']} REMOVE"
            for c in counts))
print("overall:", ", ".join(
    f"{label} {'ok' if len(results) == runs and all(r.get('ok') for r in results) else 'some checks failed'}"
    for label, results in (("shardscope", ours), (peer_label, peer))))
PY
