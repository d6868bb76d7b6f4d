#!/usr/bin/env bash
# Stream throughput, lode beside node (bench/streams/streams.js): copy a 1 GiB file with
# pipe() and with pipeline(), and count the lines of a 500 MB text file with a Transform (with
# Buffer#indexOf per line, and with a loop over the bytes).
# Targets: wall <= 1.0x node's; for the copies also peak RSS <= 0.7x node's.
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")"
# On tmpfs (/dev/shm, 2.5 GB of RAM) when there is one, so the numbers compare the runtimes
# rather than the disk; BENCH_DIR=/some/disk/dir measures there instead.
base=${BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}
dir=$(mktemp -d "$base/lode-bench-streams.XXXXXX")
trap 'rm -rf "$dir"' EXIT
head -c $((1024 * 1024 * 1024)) /dev/urandom > "$dir/big.bin"
python3 -c "
import sys
line = b'the quick brown fox jumps over the lazy dog 0123456789\n'
with open(sys.argv[1], 'wb') as f:
    n = 500 * 1000 * 1000 // len(line)
    chunk = line * 10000
    for _ in range(n // 10000): f.write(chunk)
" "$dir/lines.txt"
RUNS=${RUNS:-5} compare "copy 1 GiB with pipe()" 1.0 streams.js pipe "$dir/big.bin" "$dir/out.bin"
RUNS=${RUNS:-5} compare "copy 1 GiB with pipeline()" 1.0 streams.js pipeline "$dir/big.bin" "$dir/out.bin"
RUNS=${RUNS:-5} compare "line count 500 MB (Transform, indexOf)" 1.0 streams.js lines "$dir/lines.txt"
RUNS=${RUNS:-5} compare "line count 500 MB (Transform, byte loop)" 1.0 streams.js lines-loop "$dir/lines.txt"
