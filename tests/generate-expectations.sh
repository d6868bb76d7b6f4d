#!/usr/bin/env bash
# Records node's behaviour as the expectation for each fixture: tests/fixtures/<area>/<name>.js
# (or .mjs) gets <name>.js.out (stdout) and <name>.js.code (exit status). Arguments for the
# script come from <name>.js.args (one per line), if present; <name>.js.stdin is piped in.
# Run once with node v20 when a fixture is added or changed; the results are committed.
#   tests/generate-expectations.sh [fixture...]
set -euo pipefail
cd "$(dirname "$0")/fixtures"
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  mapfile -t files < <(find . -mindepth 2 -maxdepth 2 \( -name '*.js' -o -name '*.mjs' \) | sort)
fi
for f in "${files[@]}"; do
  f=${f#./}
  f=${f#tests/fixtures/}
  dir=$(dirname "$f"); base=$(basename "$f")
  args=()
  if [ -f "$f.args" ]; then mapfile -t args < "$f.args"; fi
  set +e
  if [ -f "$f.stdin" ]; then
    (cd "$dir" && cat "$base.stdin" | env -i PATH="$PATH" HOME="$HOME" node "$base" "${args[@]}" > "$base.out" 2>/dev/null)
  else
    (cd "$dir" && env -i PATH="$PATH" HOME="$HOME" node "$base" "${args[@]}" < /dev/null > "$base.out" 2>/dev/null)
  fi
  code=$?
  set -e
  echo "$code" > "$f.code"
  echo "$f: exit $code"
done
