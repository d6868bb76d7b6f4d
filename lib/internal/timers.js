'use strict';
// Timers and immediates. Timers live in a binary heap ordered by (expiry, insertion); Rust only
// holds the nearest expiry (scheduleTimer) and whether any referenced timer exists
// (toggleTimerRef). The event loop calls processTimers(now) in the timers phase and
// processImmediates() in the check phase.

const binding = internalBinding('timers');
const { scheduleTimer, toggleTimerRef, getLoopTime, setImmediateCounts } = binding;

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const asyncIdSymbol = Symbol('asyncId');
const triggerAsyncIdSymbol = Symbol('triggerId');
// AsyncLocalStorage stores of the scheduling context (absent when there are none).
const kStores = Symbol('kStores');
const { current: context, emptyStores, newAsyncId } = require('internal/async_hooks');

function captureStores(resource) {
  if (context.stores !== emptyStores) {
    Object.defineProperty(resource, kStores, { value: context.stores, writable: true });
  }
}

// Node keeps active timers in one linked list per duration; Lode keeps a heap, and shows a list
// object of that name where node's Timeout objects link to theirs.
class TimersList {
  constructor(msecs) {
    this._idleNext = this;
    this._idlePrev = this;
    this.expiry = 0;
    this.id = 0;
    this.msecs = msecs;
    this.priorityQueuePosition = 1;
  }
}
const lists = new Map();
function listFor(msecs) {
  let list = lists.get(msecs);
  if (list === undefined) lists.set(msecs, list = new TimersList(msecs));
  return list;
}
const customInspect = Symbol.for('nodejs.util.inspect.custom');
let seqCounter = 0;
let refCount = 0;
let scheduledExpiry = Infinity;
const knownTimersById = new Map();

// Min-heap of { expiry, seq, timer }.
const heap = [];
function less(a, b) {
  return a.expiry < b.expiry || (a.expiry === b.expiry && a.seq < b.seq);
}
function heapPush(entry) {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}
function heapPop() {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  }
  return top;
}

function isLive(entry) {
  return entry.timer._seq === entry.seq && !entry.timer._destroyed;
}

function cleanTop() {
  while (heap.length > 0 && !isLive(heap[0])) heapPop();
}

function updateRef(delta) {
  const before = refCount;
  refCount += delta;
  if ((before === 0) !== (refCount === 0)) toggleTimerRef(refCount > 0);
}

function schedule(timer, now) {
  timer._idleStart = now;
  timer._seq = ++seqCounter;
  const expiry = now + timer._idleTimeout;
  heapPush({ expiry, seq: timer._seq, timer });
  if (expiry < scheduledExpiry) {
    scheduledExpiry = expiry;
    scheduleTimer(expiry);
  }
}

function validateCallback(callback) {
  if (typeof callback !== 'function') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
}

function normalizeDelay(after) {
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    if (after > TIMEOUT_MAX) {
      process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
        '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
    }
    after = 1;
  }
  return after;
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after = normalizeDelay(after);
    this._idleTimeout = after;
    this._idlePrev = listFor(after);
    this._idleNext = this._idlePrev;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[asyncIdSymbol] = newAsyncId();
    this[triggerAsyncIdSymbol] = context.asyncId;
    Object.defineProperty(this, '_seq', { value: 0, writable: true, enumerable: false });
    captureStores(this);
    if (isRefed) updateRef(1);
  }

  refresh() {
    if (!this._destroyed) schedule(this, getLoopTime());
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) updateRef(-1);
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) updateRef(1);
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [customInspect](depth, options, inspect) {
    return inspect(this, { ...options, depth: 0, customInspect: false });
  }

  [Symbol.toPrimitive]() {
    const id = this[asyncIdSymbol];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownTimersById.set(id, this);
    }
    return id;
  }
}

function unenroll(timer) {
  if (timer._destroyed) return;
  timer._destroyed = true;
  if (timer[kRefed]) updateRef(-1);
  if (timer[kHasPrimitive]) knownTimersById.delete(timer[asyncIdSymbol]);
  timer._idleTimeout = -1;
  timer._idlePrev = null;
  timer._idleNext = null;
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  const timeout = new Timeout(callback, after, args.length ? args : undefined, false, true);
  schedule(timeout, getLoopTime());
  return timeout;
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  const timeout = new Timeout(callback, repeat, args.length ? args : undefined, true, true);
  schedule(timeout, getLoopTime());
  return timeout;
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const timerInstance = knownTimersById.get(+timer);
    if (timerInstance !== undefined) {
      timerInstance._idleTimeout = -1;
      timerInstance._onTimeout = null;
      unenroll(timerInstance);
    }
  }
}

function clearInterval(timer) {
  if (timer && timer._idleTimeout !== undefined && timer._repeat !== undefined) {
    clearTimeout(timer);
    return;
  }
  clearTimeout(timer);
}

let tickHooks;
function ticks() {
  if (tickHooks === undefined) tickHooks = require('internal/process/task_queues');
  return tickHooks;
}
let execution;
function fatal(err) {
  if (execution === undefined) execution = require('internal/process/execution');
  execution.triggerUncaughtException(err, false);
}

// Runs every timer that expired at loop time `now`. Returns the next expiry: positive when a
// referenced timer is pending, negative when only unreferenced ones are, 0 when none.
// Each timer and immediate runs in the async context it was scheduled in, followed by the
// nextTick queue and promise jobs it caused, still in that context (promise jobs have no
// context of their own: see lib/async_hooks.js). The callbacks are called right from
// processTimers/processImmediates so that stack traces keep node's shape.
function enterResource(resource) {
  context.asyncId = resource[asyncIdSymbol];
  context.triggerAsyncId = resource[triggerAsyncIdSymbol];
  context.resource = resource;
  context.stores = resource[kStores] || emptyStores;
}

function processTimers(now) {
  scheduledExpiry = Infinity;
  for (;;) {
    cleanTop();
    if (heap.length === 0) break;
    const entry = heap[0];
    if (entry.expiry > now) break;
    heapPop();
    const timer = entry.timer;
    if (!isLive(entry)) continue;
    if (!timer._repeat) {
      unenroll(timer);
      timer._destroyed = true;
    }
    const outerId = context.asyncId;
    const outerTrigger = context.triggerAsyncId;
    const outerResource = context.resource;
    const outerStores = context.stores;
    enterResource(timer);
    try {
      const args = timer._timerArgs;
      if (args === undefined) timer._onTimeout();
      else Reflect.apply(timer._onTimeout, timer, args);
    } catch (err) {
      fatal(err);
    }
    ticks().runNextTicks();
    context.asyncId = outerId;
    context.triggerAsyncId = outerTrigger;
    context.resource = outerResource;
    context.stores = outerStores;
    if (timer._repeat && !timer._destroyed && timer._idleTimeout !== -1) {
      timer._idleTimeout = timer._repeat;
      schedule(timer, getLoopTime() > now ? getLoopTime() : now);
    }
  }
  cleanTop();
  if (heap.length === 0) {
    scheduledExpiry = Infinity;
    return 0;
  }
  scheduledExpiry = heap[0].expiry;
  scheduleTimer(scheduledExpiry);
  return refCount > 0 ? scheduledExpiry : -scheduledExpiry;
}

// Immediates.
let immediateQueue = [];
let immediateRefCount = 0;

function syncImmediateCounts() {
  setImmediateCounts(immediateQueue.length, immediateRefCount);
}

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    this[asyncIdSymbol] = newAsyncId();
    this[triggerAsyncIdSymbol] = context.asyncId;
    captureStores(this);
    immediateRefCount++;
    immediateQueue.push(this);
    syncImmediateCounts();
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) {
        immediateRefCount++;
        syncImmediateCounts();
      }
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) {
        immediateRefCount--;
        syncImmediateCounts();
      }
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args.length ? args : undefined);
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed) return;
  immediate._destroyed = true;
  if (immediate[kRefed]) immediateRefCount--;
  immediate._onImmediate = null;
  const i = immediateQueue.indexOf(immediate);
  if (i !== -1) immediateQueue.splice(i, 1);
  syncImmediateCounts();
}

function processImmediates() {
  const queue = immediateQueue;
  immediateQueue = [];
  for (let i = 0; i < queue.length; i++) {
    const immediate = queue[i];
    if (immediate._destroyed) continue;
    immediate._destroyed = true;
    if (immediate[kRefed]) immediateRefCount--;
    syncImmediateCountsAfterRun(queue, i);
    const outerId = context.asyncId;
    const outerTrigger = context.triggerAsyncId;
    const outerResource = context.resource;
    const outerStores = context.stores;
    enterResource(immediate);
    try {
      const argv = immediate._argv;
      if (argv === undefined) immediate._onImmediate();
      else Reflect.apply(immediate._onImmediate, immediate, argv);
    } catch (err) {
      fatal(err);
    }
    ticks().runNextTicks();
    context.asyncId = outerId;
    context.triggerAsyncId = outerTrigger;
    context.resource = outerResource;
    context.stores = outerStores;
  }
  syncImmediateCounts();
}

function syncImmediateCountsAfterRun(queue, i) {
  let pending = immediateQueue.length;
  for (let j = i + 1; j < queue.length; j++) if (!queue[j]._destroyed) pending++;
  setImmediateCounts(pending, immediateRefCount);
}

module.exports = {
  Timeout,
  Immediate,
  setTimeout,
  setInterval,
  clearTimeout,
  clearInterval,
  setImmediate,
  clearImmediate,
  processTimers,
  processImmediates,
  kRefed,
  TIMEOUT_MAX,
};
