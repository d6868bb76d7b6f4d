#!/usr/bin/env bash
# Start-up: `lode -e 0` and a file printing 'hi', against node. Target: wall <= 0.25x node's,
# peak RSS <= 0.5x node's.
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")"
compare "startup: -e 0" 0.25 -e 0
compare "startup: console.log('hi') file" 0.25 hello.js
