#!/usr/bin/env bash
# Buffer encode/decode of 1 KiB and 1 MiB payloads: base64, hex and utf8, both directions
# (bench/buffer/buffer.js). Whole-process wall time, many iterations per run so the encoding
# dominates start-up. Target: wall <= 1.0x node's.
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")"
for enc in base64 hex utf8; do
  for dir in encode decode; do
    RUNS=${RUNS:-5} compare "$enc $dir 1 KiB x 200000" 1.0 buffer.js "$enc" "$dir" 1024 200000
    RUNS=${RUNS:-5} compare "$enc $dir 1 MiB x 200" 1.0 buffer.js "$enc" "$dir" 1048576 200
  done
done
