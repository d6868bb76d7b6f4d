'use strict';
// util.debuglog(section): a logger that writes `SECTION PID: message` to stderr when NODE_DEBUG
// names the section (comma-separated, case-insensitive, `*` as a wildcard).

// Node reads NODE_DEBUG once at start-up: bootstrap keeps that value (startupEnv) and it is
// parsed when a logger is first tested.
let testEnabled;
function initializeDebugEnv(debugEnv) {
  if (debugEnv) {
    const pattern = debugEnv.replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/,/g, '$|^');
    const re = new RegExp(`^(${pattern})$`, 'i');
    testEnabled = (section) => re.test(section);
  } else {
    testEnabled = () => false;
  }
}

function isEnabled(section) {
  if (testEnabled === undefined) initializeDebugEnv(require('internal/process/object').startupEnv.NODE_DEBUG);
  return testEnabled(section);
}

const impls = { __proto__: null };
function noop() {}

function implFor(section, enabled) {
  if (impls[section] === undefined) {
    if (enabled) {
      if (section === 'HTTP' || section === 'HTTP2') {
        process.emitWarning(`Setting the NODE_DEBUG environment variable to '${section.toLowerCase()}' ` +
          'can expose sensitive data (such as passwords, tokens and authentication headers) ' +
          'in the resulting log.');
      }
      const pid = process.pid;
      const { format, formatWithOptions, inspect } = require('internal/util/inspect');
      const { shouldColorize } = require('internal/util/colors');
      impls[section] = function debug(...args) {
        const colors = shouldColorize(process.stderr);
        const msg = formatWithOptions({ colors }, ...args);
        process.stderr.write(format('%s %s: %s\n', section, inspect(pid, { colors }), msg));
      };
    } else {
      impls[section] = noop;
    }
  }
  return impls[section];
}

function debuglog(set, cb) {
  let enabled;
  let initialized = false;
  function init() {
    if (!initialized) {
      set = set.toUpperCase();
      enabled = isEnabled(set);
      initialized = true;
    }
    return enabled;
  }
  // The first call resolves the section, hands the real function to `cb`, then calls it.
  let debug = (...args) => {
    init();
    debug = implFor(set, enabled);
    if (typeof cb === 'function') cb(debug);
    return debug(...args);
  };
  const logger = (...args) => debug(...args);
  Object.defineProperty(logger, 'enabled', {
    get() { return init(); },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

module.exports = { debuglog, initializeDebugEnv };
