#!/usr/bin/env bash
# A CPU-bound mix (recursion, sorting objects, JSON, strings, regex, classes, Map).
# Target: wall <= 0.8x node's.
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")"
RUNS=${RUNS:-5} compare "compute: mixed workload" 0.8 compute.js
