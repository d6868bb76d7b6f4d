'use strict';
// process.nextTick, queueMicrotask and the tick processing that runs after every callback:
// the whole nextTick queue, then the promise jobs, repeated until both are empty; then the
// promise rejections seen meanwhile are processed.

const { runMicrotasks } = internalBinding('util');
const { processPromiseRejections, hasRejectionsToWarn } = require('internal/process/promises');
// Each tick and microtask runs in the async context it was queued in.
const { current: context, newAsyncId } = require('internal/async_hooks');

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
  queue.push({
    callback,
    args,
    asyncId: newAsyncId(),
    triggerAsyncId: context.asyncId,
    stores: context.stores,
  });
}

function processTicksAndRejections() {
  const asyncId = context.asyncId;
  const trigger = context.triggerAsyncId;
  const resource = context.resource;
  const stores = context.stores;
  do {
    while (head < queue.length) {
      const tock = queue[head];
      queue[head++] = undefined;
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      const { callback, args } = tock;
      context.asyncId = tock.asyncId;
      context.triggerAsyncId = tock.triggerAsyncId;
      context.resource = tock;
      context.stores = tock.stores;
      try {
        if (args.length === 0) callback();
        else Reflect.apply(callback, undefined, args);
      } finally {
        context.asyncId = asyncId;
        context.triggerAsyncId = trigger;
        context.resource = resource;
        context.stores = stores;
      }
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

// Called by the event loop after every callback. With no ticks queued node drains the
// microtasks from C++, so their stacks show no frame of this file: runMicrotasks is called
// directly here (stack traces end at runNextTicks, which shows nothing).
function runNextTicks() {
  if (!hasTickScheduled() && !hasRejectionsToWarn()) runMicrotasks();
  if (!hasTickScheduled() && !hasRejectionsToWarn()) return;
  processTicksAndRejections();
}

function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  const asyncId = newAsyncId();
  const triggerAsyncId = context.asyncId;
  const stores = context.stores;
  Promise.resolve().then(() => {
    const outerId = context.asyncId;
    const outerTrigger = context.triggerAsyncId;
    const outerResource = context.resource;
    const outerStores = context.stores;
    context.asyncId = asyncId;
    context.triggerAsyncId = triggerAsyncId;
    context.resource = callback;
    context.stores = stores;
    try {
      callback();
    } catch (err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
    } finally {
      context.asyncId = outerId;
      context.triggerAsyncId = outerTrigger;
      context.resource = outerResource;
      context.stores = outerStores;
    }
  });
}

module.exports = { nextTick, runNextTicks, processTicksAndRejections, queueMicrotask, hasTickScheduled };
