'use strict';
// Which global names Lode adds for node (the rest are the JavaScript engine's own):
// util.inspect tells built-in classes from user classes by the engine's names, as node does
// with V8's. Recorded as bootstrap defines them, so start-up does not enumerate the global.
const lodeNames = new Set(['process', 'global']);

function engineGlobalNames() {
  return Object.getOwnPropertyNames(globalThis).filter((name) => !lodeNames.has(name));
}

module.exports = { lodeNames, engineGlobalNames };
