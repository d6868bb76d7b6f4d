#!/usr/bin/env bash
# Shared helpers for the benchmark scripts: run lode and node side by side with hyperfine and
# print lode/node ratios of wall time and peak RSS. Needs hyperfine (Debian package) and a
# release build (cargo build --release).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LODE=${LODE:-$ROOT/target/release/lode}
NODE=${NODE:-node}
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 1; }
[ -x "$LODE" ] || { echo "build first: cargo build --release" >&2; exit 1; }

# peak_rss_kb CMD...: peak resident set size in KiB of one run.
peak_rss_kb() {
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1
}

# compare LABEL TARGET_RATIO ARGS...: runs `lode ARGS` and `node ARGS`.
compare() {
  local label=$1 target=$2; shift 2
  local json; json=$(mktemp)
  hyperfine -N -w 3 -r "${RUNS:-20}" --export-json "$json" \
    -n lode "$LODE $*" -n node "$NODE $*" >/dev/null
  local rl rn
  rl=$(peak_rss_kb "$LODE" "$@"); rn=$(peak_rss_kb "$NODE" "$@")
  python3 - "$json" "$label" "$target" "$rl" "$rn" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
t = {r["command"]: r["mean"] for r in data["results"]}
label, target, rl, rn = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
ratio = t["lode"] / t["node"]
print(f"{label:40s} lode {t['lode']*1000:8.1f} ms  node {t['node']*1000:8.1f} ms  wall ratio {ratio:5.2f} (target <= {target})  "
      f"peak RSS lode {rl/1024:6.1f} MiB node {rn/1024:6.1f} MiB ratio {rl/rn:4.2f}")
PY
  rm -f "$json"
}
