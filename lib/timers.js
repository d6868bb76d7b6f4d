'use strict';
const t = require('internal/timers');
const { deprecate } = require('util');

// Validates a duration given to timers.enroll(); larger than a 32-bit int is clamped.
function getTimerDuration(msecs, name) {
  const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = require('internal/errors').codes;
  if (typeof msecs !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', msecs);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > t.TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
      `\nTimer duration was truncated to ${t.TIMEOUT_MAX}.`, 'TimeoutOverflowWarning');
    return t.TIMEOUT_MAX;
  }
  return msecs;
}

// timers.enroll(item, msecs): gives an object a duration for timers.active() to start.
function enroll(item, msecs) {
  msecs = getTimerDuration(msecs, 'msecs');
  if (item._idleNext) t.unenroll(item);
  item._idleNext = item;
  item._idlePrev = item;
  item._idleTimeout = msecs;
}

module.exports = {
  setTimeout: t.setTimeout,
  clearTimeout: t.clearTimeout,
  setImmediate: t.setImmediate,
  clearImmediate: t.clearImmediate,
  setInterval: t.setInterval,
  clearInterval: t.clearInterval,
  _unrefActive: deprecate(t.unrefActive,
    'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.', 'DEP0127'),
  active: deprecate(t.active,
    'timers.active() is deprecated. Please use timeout.refresh() instead.', 'DEP0126'),
  unenroll: deprecate(t.unenroll,
    'timers.unenroll() is deprecated. Please use clearTimeout instead.', 'DEP0096'),
  enroll: deprecate(enroll,
    'timers.enroll() is deprecated. Please use setTimeout instead.', 'DEP0095'),
  get promises() {
    return require('timers/promises');
  },
};
