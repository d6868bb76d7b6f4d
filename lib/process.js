'use strict';
// node:process — the process object itself (so `import { stdin } from 'node:process'` works).

module.exports = process;
