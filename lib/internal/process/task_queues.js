'use strict';
// process.nextTick, queueMicrotask and the tick processing that runs after every callback:
// the whole nextTick queue, then the promise jobs, repeated until both are empty; then the
// promise rejections seen meanwhile are processed.

const { runMicrotasks } = internalBinding('util');
const { processPromiseRejections, hasRejectionsToWarn } = require('internal/process/promises');

const queue = [];
let head = 0;

function hasTickScheduled() {
  return head < queue.length;
}

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  if (process._exiting) return;
  queue.push({ callback, args });
}

function processTicksAndRejections() {
  do {
    while (head < queue.length) {
      const tock = queue[head];
      queue[head++] = undefined;
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      const { callback, args } = tock;
      if (args.length === 0) callback();
      else Reflect.apply(callback, undefined, args);
    }
    queue.length = 0;
    head = 0;
    drainMicrotasks();
  } while (hasTickScheduled() || processPromiseRejections());
}

// Its own function so that stack traces of promise jobs can be told from nextTick callbacks.
function drainMicrotasks() {
  runMicrotasks();
}

// Called by the event loop after every callback.
function runNextTicks() {
  if (!hasTickScheduled() && !hasRejectionsToWarn()) drainMicrotasks();
  if (!hasTickScheduled() && !hasRejectionsToWarn()) return;
  processTicksAndRejections();
}

function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  Promise.resolve().then(() => {
    try {
      callback();
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
    }
  });
}

module.exports = { nextTick, runNextTicks, processTicksAndRejections, queueMicrotask, hasTickScheduled };
