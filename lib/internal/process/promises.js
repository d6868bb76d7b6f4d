'use strict';
// Unhandled promise rejections, Node's default `--unhandled-rejections=throw` mode: a rejection
// still unhandled after the microtask queue drains emits 'unhandledRejection'; without a
// listener it becomes an uncaught exception. A handler added later emits 'rejectionHandled'.

const { takeRejections, getPromiseState } = internalBinding('util');

const maybeUnhandled = new WeakMap();
const pending = [];
let asyncIdCounter = 0;

function hasRejectionsToWarn() {
  return pending.length > 0 || takeRejectionsInto();
}

// Pulls new tracker events from the engine; returns whether any unhandled ones are pending.
function takeRejectionsInto() {
  const list = takeRejections();
  for (let i = 0; i < list.length; i += 2) {
    const promise = list[i];
    if (list[i + 1] === 0) {
      const state = getPromiseState(promise);
      const reason = state ? state[1] : undefined;
      maybeUnhandled.set(promise, { reason, uid: ++asyncIdCounter, warned: false });
      pending.push(promise);
    } else {
      const info = maybeUnhandled.get(promise);
      if (info !== undefined) {
        maybeUnhandled.delete(promise);
        if (info.warned) {
          process.nextTick(() => process.emit('rejectionHandled', promise));
        }
      }
    }
  }
  return pending.length > 0;
}

function processPromiseRejections() {
  takeRejectionsInto();
  let handled = false;
  while (pending.length > 0) {
    const promise = pending.shift();
    const info = maybeUnhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    const { reason } = info;
    const emitted = process.emit('unhandledRejection', reason, promise);
    if (!emitted) {
      const mode = process.execArgv.find((a) => a.startsWith('--unhandled-rejections='));
      const m = mode ? mode.split('=')[1] : 'throw';
      if (m === 'warn' || m === 'none' || m === 'warn-with-error-code') {
        if (m !== 'none') warnUnhandled(reason);
        if (m === 'warn-with-error-code') process.exitCode = 1;
      } else {
        triggerUnhandled(reason);
      }
    }
    handled = true;
  }
  return handled || pending.length > 0;
}

function warnUnhandled(reason) {
  process.emitWarning(`Unhandled promise rejection: ${String(reason)}`, 'UnhandledPromiseRejectionWarning');
}

function triggerUnhandled(reason) {
  const { triggerUncaughtException } = require('internal/process/execution');
  let err = reason;
  if (!(reason instanceof Error)) {
    const { inspect } = require('internal/util/inspect');
    let shown;
    try {
      shown = typeof reason === 'string' ? reason : inspect(reason);
    } catch {
      shown = String(reason);
    }
    // Node's own error for this case, with the stack and source line node reports.
    const message = 'This error originated either by throwing inside of an async function without a catch block, ' +
      `or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "${shown}".`;
    err = new Error(message);
    Object.defineProperty(err, 'name', { value: 'UnhandledPromiseRejection', enumerable: false, writable: true, configurable: true });
    Object.defineProperty(err, 'stack', {
      value: `UnhandledPromiseRejection: ${message}\n` +
        '    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n' +
        '    at processPromiseRejections (node:internal/process/promises:470:17)\n' +
        '    at process.processTicksAndRejections (node:internal/process/task_queues:96:32)',
      enumerable: false, writable: true, configurable: true,
    });
    err.code = 'ERR_UNHANDLED_REJECTION';
    const { kReportSource } = require('internal/process/execution');
    Object.defineProperty(err, kReportSource, {
      value: 'node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n\n',
      enumerable: false,
    });
  }
  triggerUncaughtException(err, true /* fromPromise */);
}

module.exports = { processPromiseRejections, hasRejectionsToWarn };
