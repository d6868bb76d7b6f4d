'use strict';
// timers/promises: promise-returning timers with AbortSignal support, setInterval as an async
// iterator, and the scheduler API.

const timers = require('internal/timers');
const { codes: { ERR_INVALID_ARG_TYPE }, AbortError } = require('internal/errors');

function validateOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const { signal, ref = true } = options;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
  }
  if (typeof ref !== 'boolean') throw new ERR_INVALID_ARG_TYPE('options.ref', 'boolean', ref);
  return { signal, ref };
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

// A promise for `value` once `schedule(callback)` fires, cancelled through `cancel` when the
// options' signal aborts.
function abortable(options, value, schedule, cancel) {
  let opts;
  try {
    opts = validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref } = opts;
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const handle = schedule(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (!ref) handle.unref();
    function onAbort() {
      cancel(handle);
      reject(abortError(signal));
    }
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

function setTimeout(after, value, options = {}) {
  return abortable(options, value, (callback) => timers.setTimeout(callback, after), timers.clearTimeout);
}

function setImmediate(value, options = {}) {
  return abortable(options, value, (callback) => timers.setImmediate(callback), timers.clearImmediate);
}

async function* setInterval(after, value, options = {}) {
  const { signal, ref } = validateOptions(options);
  if (signal && signal.aborted) throw abortError(signal);
  let pending = 0;
  let wake;
  const interval = timers.setInterval(() => {
    pending++;
    if (wake) {
      wake();
      wake = undefined;
    }
  }, after);
  if (!ref) interval.unref();
  let aborted = false;
  const onAbort = () => {
    aborted = true;
    if (wake) {
      wake();
      wake = undefined;
    }
  };
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (pending === 0 && !aborted) await new Promise((resolve) => { wake = resolve; });
      if (aborted) throw abortError(signal);
      for (; pending > 0; pending--) yield value;
    }
  } finally {
    timers.clearInterval(interval);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait(delay, options) {
    return setTimeout(delay, undefined, options);
  },
  yield() {
    return setImmediate();
  },
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
