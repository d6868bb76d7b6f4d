'use strict';
// The `repl` module: `repl.start()` starts the same REPL `lode` runs interactively.
const { start } = require('internal/repl');

module.exports = {
  start(options) {
    start(options);
    return require('internal/not_implemented').createStub('repl.REPLServer');
  },
  builtinModules: require('internal/modules/cjs').Module.builtinModules.filter((m) => !m.startsWith('_')),
  REPL_MODE_SLOPPY: Symbol('repl-sloppy'),
  REPL_MODE_STRICT: Symbol('repl-strict'),
};
