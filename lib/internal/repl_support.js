'use strict';
// The public built-in module names, for the REPL's lazily required globals.
module.exports = {
  get publicBuiltins() {
    return require('internal/modules/cjs').Module.builtinModules;
  },
};
