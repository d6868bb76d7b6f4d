#!/usr/bin/env bash
# fs throughput, lode beside node (bench/fs/fs.js): writeFileSync + readFileSync of 10,000 small
# files, and fs.promises.readFile of them with Promise.all. Target: wall <= 1.0x node's.
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")"
# On tmpfs (/dev/shm) when there is one, so the numbers measure the runtimes rather than the
# disk's write-back (on a disk, ext4 flushes on close after truncate dominate and vary by
# seconds between runs); BENCH_DIR=/some/disk/dir measures there instead.
base=${BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}
dir=$(mktemp -d "$base/lode-bench-fs.XXXXXX")
trap 'rm -rf "$dir"' EXIT
RUNS=${RUNS:-10} compare "writeFileSync+readFileSync x 10000" 1.0 fs.js sync "$dir"
RUNS=${RUNS:-10} compare "promises.readFile x 10000 (Promise.all)" 1.0 fs.js promises "$dir"
