#!/usr/bin/env bash
# Per-call cost of the op boundary (ns/call), lode beside node. Target: a sync op within about
# twice a raw JSNative call (3-9 ns); an async round trip (blocking pool and back through the
# event loop) in a few microseconds.
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")"
echo "== lode"; LODE_EXPOSE_INTERNALS=1 "$LODE" ops.js
echo "== node"; "$NODE" ops.js
