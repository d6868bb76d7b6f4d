#!/usr/bin/env bash
# EventEmitter#emit with 1 and 10 listeners (bench/events/events.js), one argument and three.
# Whole-process wall time with enough iterations that emit dominates start-up.
# Target: wall <= 1.2x node's. LODE_LIB_DIR may point lode at a lib/ checkout.
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")"
RUNS=${RUNS:-10} compare "emit, 1 listener, 1 arg x 5M" 1.2 events.js 1 5000000 1
RUNS=${RUNS:-10} compare "emit, 10 listeners, 1 arg x 1M" 1.2 events.js 10 1000000 1
RUNS=${RUNS:-10} compare "emit, 1 listener, 3 args x 5M" 1.2 events.js 1 5000000 3
RUNS=${RUNS:-10} compare "emit, 10 listeners, 3 args x 1M" 1.2 events.js 10 1000000 3
