#!/usr/bin/env bash
# Regenerates crates/cli/startup-order.txt: the functions lode runs while starting (found with
# valgrind's callgrind on a few typical start-ups), which crates/cli/build.rs has the linker
# place together so that start-up maps few pages of code. Run after changes that move start-up
# code (a new Rust or compiler version renames Rust symbols; stale names are skipped, only the
# grouping is lost), then rebuild. Needs valgrind and a release build.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LODE=${LODE:-$ROOT/target/release/lode}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "console.log('hi', { a: 1 })" > "$work/hi.js"
echo "import fs from 'node:fs'; console.log(typeof fs.readFileSync)" > "$work/esm.mjs"
echo "const fs = require('fs'), path = require('path'), util = require('util'), events = require('events');
fs.readFileSync(__filename); setTimeout(() => console.log(util.inspect(path.parse(__filename))), 1);" > "$work/common.js"
i=0
for args in "-e 0" "-p 1+1" "$work/hi.js" "$work/esm.mjs" "$work/common.js"; do
  i=$((i + 1))
  # shellcheck disable=SC2086
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/cg.$i" "$LODE" $args > /dev/null 2>&1
done
nm --defined-only "$LODE" | awk '$2 ~ /^[tTwW]$/ {print $3}' | sort -u > "$work/symbols"
# Every function named in the profiles (fn= and cfn= lines define names) that the binary has:
# those of the plainest start-up (-e 0) first, then each further scenario's new ones.
out="$ROOT/crates/cli/startup-order.txt"
: > "$out"
for n in $(seq 1 "$i"); do
  sed -n 's/^c\{0,1\}fn=([0-9]*) //p' "$work/cg.$n" | sort -u | comm -12 - "$work/symbols" \
    | comm -23 - <(sort "$out") >> "$out"
done
wc -l < "$out" | xargs echo "functions listed:"
