#!/usr/bin/env bash
# Requiring a tree of 500 small CommonJS modules, and importing 500 ES modules: wall time
# against node's (target <= 0.7x).
source "$(dirname "$0")/../lib.sh"
cd "$(dirname "$0")"
"$NODE" generate.js
compare "require: 500 CommonJS modules" 0.7 tree/cjs_main.js
compare "import: 500 ES modules" 0.7 tree/esm_main.mjs
