'use strict';
// The global console as created at start-up, even if globalThis.console was replaced since.
module.exports = require('internal/console').createGlobalConsole();
