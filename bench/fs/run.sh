#!/usr/bin/env bash
# fs throughput, lode beside node (bench/fs/fs.js): writeFileSync + readFileSync of 10,000 small
# files, and fs.promises.readFile of them with Promise.all. Target: wall <= 1.0x node's.
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
RUNS=${RUNS:-10} compare "writeFileSync+readFileSync x 10000" 1.0 fs.js sync "$dir"
RUNS=${RUNS:-10} compare "promises.readFile x 10000 (Promise.all)" 1.0 fs.js promises "$dir"
