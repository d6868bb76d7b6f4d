#!/usr/bin/env bash
# Install benchmark: `lode install` against `npm install` (and pnpm / bun when installed) for
# bench/install/package.json (express, react, typescript, eslint, jest: about 400 packages).
# Needs the network (the public npm registry) and a release build (cargo build --release).
#
#   cold    empty cache, no node_modules, no lockfile
#   warm    cache filled, no node_modules, the tool's own lockfile present
#   second  install again with nothing changed
#
# Prints each wall time and lode/npm ratios (targets: cold <= 0.2, warm <= 0.1, second <= 50 ms),
# then checks that `lode ci` from npm's package-lock.json installs the same name@version set as
# npm. RUNS=n repeats warm and second runs n times and keeps the best (default 3).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
LODE=${LODE:-$ROOT/target/release/lode}
RUNS=${RUNS:-3}
[ -x "$LODE" ] || { echo "build first: cargo build --release" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm is needed for the comparison" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

now_ms() { date +%s%3N; }

# time_ms DIR CMD...: wall time in ms of CMD run in DIR (output discarded, failure fatal).
time_ms() {
  local dir=$1; shift
  local t0 t1
  t0=$(now_ms)
  if ! (cd "$dir" && "$@" >"$WORK/last.log" 2>&1); then
    echo "failed: $*" >&2; cat "$WORK/last.log" >&2; exit 1
  fi
  t1=$(now_ms)
  echo $((t1 - t0))
}

# bench NAME INSTALL_CMD CACHE_ENV_SETUP...: prints "cold warm second" in ms.
bench() {
  local name=$1 dir="$WORK/$1"; shift
  mkdir -p "$dir"
  cp "$HERE/package.json" "$dir/"
  local cold warm second best t
  cold=$(time_ms "$dir" "$@")
  best=
  for _ in $(seq "$RUNS"); do
    rm -rf "$dir/node_modules"
    t=$(time_ms "$dir" "$@")
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  warm=$best
  best=
  for _ in $(seq "$RUNS"); do
    t=$(time_ms "$dir" "$@")
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  second=$best
  echo "$cold $warm $second"
}

export LODE_CACHE_DIR="$WORK/lode-cache"
echo "lode: $LODE"
read -r l_cold l_warm l_second < <(bench lode "$LODE" install --silent)
read -r n_cold n_warm n_second < <(bench npm npm install --no-audit --no-fund --silent --cache "$WORK/npm-cache")
results=("lode $l_cold $l_warm $l_second" "npm $n_cold $n_warm $n_second")
if command -v pnpm >/dev/null; then
  read -r p_cold p_warm p_second < <(bench pnpm pnpm install --silent --store-dir "$WORK/pnpm-store" --config.cache-dir="$WORK/pnpm-cache")
  results+=("pnpm $p_cold $p_warm $p_second")
fi
if command -v bun >/dev/null; then
  read -r b_cold b_warm b_second < <(BUN_INSTALL_CACHE_DIR="$WORK/bun-cache" bench bun bun install --silent)
  results+=("bun $b_cold $b_warm $b_second")
fi

printf '\n%-6s %10s %10s %10s\n' tool cold warm second
for r in "${results[@]}"; do
  read -r n c w s <<<"$r"
  printf '%-6s %8s ms %8s ms %8s ms\n' "$n" "$c" "$w" "$s"
done
python3 - "$l_cold" "$l_warm" "$l_second" "$n_cold" "$n_warm" "$n_second" <<'PY'
import sys
lc, lw, ls, nc, nw, ns = map(int, sys.argv[1:])
print(f"\nlode/npm  cold {lc/nc:.3f} (target <= 0.2)  warm {lw/nw:.3f} (target <= 0.1)  second {ls} ms (target <= 50 ms; npm {ns} ms)")
PY

# Same lockfile, same tree: lode ci from npm's package-lock.json.
mkdir -p "$WORK/same"
cp "$HERE/package.json" "$WORK/npm/package-lock.json" "$WORK/same/"
(cd "$WORK/same" && "$LODE" ci --silent)
python3 - "$WORK/npm" "$WORK/same" <<'PY'
import json, os, sys
def installed(root):
    out = set()
    for dp, dns, fns in os.walk(os.path.join(root, "node_modules")):
        dns[:] = [d for d in dns if d != ".bin"]
        parent = os.path.basename(os.path.dirname(dp))
        grand = os.path.basename(os.path.dirname(os.path.dirname(dp)))
        if "package.json" in fns and (parent == "node_modules" or (parent.startswith("@") and grand == "node_modules")):
            j = json.load(open(os.path.join(dp, "package.json")))
            out.add(f"{j.get('name')}@{j.get('version')}")
    return out
npm, lode = installed(sys.argv[1]), installed(sys.argv[2])
if npm == lode:
    print(f"same name@version set as npm for npm's lockfile: {len(npm)} packages")
else:
    print("DIFFERENT from npm:", "only npm:", sorted(npm - lode)[:20], "only lode:", sorted(lode - npm)[:20])
    sys.exit(1)
PY
