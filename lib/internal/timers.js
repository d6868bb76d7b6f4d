'use strict';
// Timers and immediates. Timers live in per-duration lists (below); Rust only
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

// As in node, timers live in one linked list per duration (truncated to whole ms), through
// their _idlePrev/_idleNext fields; the lists sit in a min-heap ordered by (expiry, id). A list
// runs all its expired timers in one go, in insertion order, before the next list.
let timerListId = 0;
class TimersList {
  constructor(expiry, msecs) {
    this._idleNext = this;
    this._idlePrev = this;
    this.expiry = expiry;
    this.id = timerListId++;
    this.msecs = msecs;
    this.priorityQueuePosition = null;
  }
}
const lists = new Map();
const customInspect = Symbol.for('nodejs.util.inspect.custom');
let refCount = 0;
let nextExpiry = Infinity;
const knownTimersById = new Map();

// Linked list helpers (a list is its own sentinel). As in node, new items go in right after
// the list head (item._idlePrev is the list) and the oldest one is at list._idlePrev.
function listRemove(item) {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}
function listAppend(list, item) {
  if (item._idleNext || item._idlePrev) listRemove(item);
  item._idleNext = list._idleNext;
  list._idleNext._idlePrev = item;
  item._idlePrev = list;
  list._idleNext = item;
}
function listPeek(list) {
  return list._idlePrev === list ? null : list._idlePrev;
}

// Min-heap of lists, 1-based so priorityQueuePosition reads as in node.
const queue = [null];
function listLess(a, b) {
  return a.expiry < b.expiry || (a.expiry === b.expiry && a.id < b.id);
}
function queueSet(i, list) {
  queue[i] = list;
  list.priorityQueuePosition = i;
}
function percolateUp(i) {
  const item = queue[i];
  while (i > 1) {
    const parent = i >> 1;
    if (!listLess(item, queue[parent])) break;
    queueSet(i, queue[parent]);
    i = parent;
  }
  queueSet(i, item);
}
function percolateDown(i) {
  const size = queue.length - 1;
  const item = queue[i];
  for (;;) {
    let child = i * 2;
    if (child > size) break;
    if (child + 1 <= size && listLess(queue[child + 1], queue[child])) child++;
    if (!listLess(queue[child], item)) break;
    queueSet(i, queue[child]);
    i = child;
  }
  queueSet(i, item);
}
function queueInsert(list) {
  queue.push(list);
  percolateUp(queue.length - 1);
}
function queueRemoveAt(pos) {
  const last = queue.pop();
  last.priorityQueuePosition = null;
  if (pos < queue.length) {
    queueSet(pos, last);
    if (pos > 1 && listLess(last, queue[pos >> 1])) percolateUp(pos);
    else percolateDown(pos);
  }
}

function incRefCount() {
  if (refCount++ === 0) toggleTimerRef(true);
}
function decRefCount() {
  if (--refCount === 0) toggleTimerRef(false);
}

// Links `item` into the list for its duration, started at loop time `start`.
function insert(item, msecs, start = getLoopTime()) {
  msecs = Math.trunc(msecs);
  item._idleStart = start;
  let list = lists.get(msecs);
  if (list === undefined) {
    const expiry = start + msecs;
    list = new TimersList(expiry, msecs);
    lists.set(msecs, list);
    queueInsert(list);
    if (nextExpiry > expiry) {
      scheduleTimer(expiry);
      nextExpiry = expiry;
    }
  }
  listAppend(list, item);
}

// Re-arms a timer (refresh, timers.active): revives a destroyed one whose duration is still set.
function insertGuarded(item, refed, start) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  insert(item, msecs, start);
  const wasDestroyed = item._destroyed;
  if (wasDestroyed || !item[asyncIdSymbol]) {
    item._destroyed = false;
    item[asyncIdSymbol] = newAsyncId();
    item[triggerAsyncIdSymbol] = context.asyncId;
  }
  if (wasDestroyed) {
    if (refed) incRefCount();
  } else if (refed === !item[kRefed]) {
    if (refed) incRefCount();
    else decRefCount();
  }
  item[kRefed] = refed;
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
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    if (isRefed) incRefCount();
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    this[asyncIdSymbol] = newAsyncId();
    this[triggerAsyncIdSymbol] = context.asyncId;
    captureStores(this);
  }

  refresh() {
    insertGuarded(this, this[kRefed]);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
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

function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kHasPrimitive]) knownTimersById.delete(item[asyncIdSymbol]);
  listRemove(item);
  const list = lists.get(Math.trunc(item._idleTimeout));
  if (list !== undefined && listPeek(list) === null) {
    if (list.priorityQueuePosition !== null) queueRemoveAt(list.priorityQueuePosition);
    lists.delete(list.msecs);
  }
  // A later refresh() or timers.active() must not re-arm it.
  item._idleTimeout = -1;
  if (item[kRefed]) decRefCount();
}

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  const timeout = new Timeout(callback, after, args.length ? args : undefined, false, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  const timeout = new Timeout(callback, repeat, args.length ? args : undefined, true, true);
  insert(timeout, timeout._idleTimeout);
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
      unenroll(timerInstance);
    }
  }
}

// Either clears either kind of timer, as in browsers.
function clearInterval(timer) {
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

// Each timer and immediate runs in the async context it was scheduled in, followed by the
// nextTick queue and promise jobs it caused, still in that context (promise jobs have no
// context of their own: see lib/async_hooks.js). The callbacks are called right from
// listOnTimeout/processImmediates so that stack traces keep node's shape (error_stack knows them).
// As in node, when a callback throws and 'uncaughtException' handles it, the ticks it queued
// wait until after the next timer or immediate of the same phase (or the end of the phase):
// node leaves its processing loop on the exception and re-enters it.
function enterResource(resource) {
  context.asyncId = resource[asyncIdSymbol];
  context.triggerAsyncId = resource[triggerAsyncIdSymbol];
  context.resource = resource;
  context.stores = resource[kStores] || emptyStores;
}

function destroyFired(timer) {
  if (!timer._destroyed) {
    timer._destroyed = true;
    if (timer[kHasPrimitive]) knownTimersById.delete(timer[asyncIdSymbol]);
    if (timer[kRefed]) decRefCount();
  }
}

// Runs every timer that expired at loop time `now`. Returns the next expiry: positive when a
// referenced timer is pending, negative when only unreferenced ones are, 0 when none.
function processTimers(now) {
  nextExpiry = Infinity;
  let list;
  while ((list = queue[1]) !== undefined) {
    if (list.expiry > now) {
      nextExpiry = list.expiry;
      scheduleTimer(nextExpiry);
      return refCount > 0 ? nextExpiry : -nextExpiry;
    }
    listOnTimeout(list, now);
  }
  return 0;
}

function listOnTimeout(list, now) {
  const msecs = list.msecs;
  let timer;
  while ((timer = listPeek(list)) !== null) {
    if (now - timer._idleStart < msecs) {
      // The rest of this list expires later.
      list.expiry = Math.max(timer._idleStart + msecs, now + 1);
      list.id = timerListId++;
      percolateDown(1);
      return;
    }
    let start;
    if (timer._repeat) start = getLoopTime();
    listRemove(timer);
    if (!timer._onTimeout) {
      destroyFired(timer);
      continue;
    }
    const outerId = context.asyncId;
    const outerTrigger = context.triggerAsyncId;
    const outerResource = context.resource;
    const outerStores = context.stores;
    enterResource(timer);
    let threw = false;
    try {
      const args = timer._timerArgs;
      if (args === undefined) timer._onTimeout();
      else Reflect.apply(timer._onTimeout, timer, args);
    } catch (err) {
      threw = true;
      afterTimer(timer, start);
      fatal(err);
    }
    if (!threw) {
      afterTimer(timer, start);
      ticks().runNextTicks();
    }
    context.asyncId = outerId;
    context.triggerAsyncId = outerTrigger;
    context.resource = outerResource;
    context.stores = outerStores;
  }
  if (list === lists.get(msecs)) {
    lists.delete(msecs);
    if (list.priorityQueuePosition !== null) queueRemoveAt(list.priorityQueuePosition);
  }
}

// After a timer's callback: an interval (or a timeout given a _repeat) goes back in its list;
// a timeout that was not re-armed (refresh) is done.
function afterTimer(timer, start) {
  if (timer._repeat && timer._idleTimeout !== -1) {
    timer._idleTimeout = timer._repeat;
    insert(timer, timer._idleTimeout, start);
  } else if (!timer._idleNext && !timer._idlePrev) {
    destroyFired(timer);
  }
}

// Counts for process.getActiveResourcesInfo(): referenced timers and immediates.
function getTimerCounts() {
  return { timeoutCount: refCount, immediateCount: immediateRefCount };
}

// timers.active()/timers._unrefActive(): (re)start an object that has an _idleTimeout.
function active(item) {
  insertGuarded(item, true);
}
function unrefActive(item) {
  insertGuarded(item, false);
}

// Immediates, as in node: a doubly linked list through their _idlePrev/_idleNext fields, so
// clearImmediate unlinks in O(1). processImmediates takes the whole list as the batch to run;
// immediates queued meanwhile wait for the next check phase.
class ImmediateList {
  constructor() {
    this.head = null;
    this.tail = null;
  }

  append(item) {
    if (this.tail !== null) {
      this.tail._idleNext = item;
      item._idlePrev = this.tail;
    } else {
      this.head = item;
    }
    this.tail = item;
  }

  // Also unlinks an item of the batch being run (its neighbours are updated).
  remove(item) {
    if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
    if (item === this.head) this.head = item._idleNext;
    if (item === this.tail) this.tail = item._idlePrev;
    item._idleNext = null;
    item._idlePrev = null;
  }
}
const immediateQueue = new ImmediateList();
// Immediates scheduled and not yet run or cleared, and how many of them are referenced.
let immediateCount = 0;
let immediateRefCount = 0;

function syncImmediateCounts() {
  setImmediateCounts(immediateCount, immediateRefCount);
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
    immediateCount++;
    immediateRefCount++;
    immediateQueue.append(this);
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

// Anything but a pending Immediate is ignored. (Node v20 would also unlink and mark destroyed a
// Timeout given here, cancelling it and miscounting immediates; later versions ignore it.)
function clearImmediate(immediate) {
  if (!(immediate instanceof Immediate) || immediate._destroyed) return;
  immediate._destroyed = true;
  immediateCount--;
  if (immediate[kRefed]) immediateRefCount--;
  immediate[kRefed] = null;
  immediate._onImmediate = null;
  immediateQueue.remove(immediate);
  syncImmediateCounts();
}

// Each immediate is followed by the nextTick queue and promise jobs, still in its context.
// When a callback or one of its ticks throws and 'uncaughtException' handles it, the ticks left
// over wait until after the next immediate, as in node, which leaves its loop on the exception
// and re-enters it for the rest of the batch; when the thrower was the last of its batch, that
// re-entry runs the immediates queued meanwhile at once, so Lode does too.
function processImmediates() {
  let immediate = takeImmediateBatch();
  while (immediate !== null) {
    // clearImmediate unlinks what it clears, also from the batch being run; this is a guard.
    if (immediate._destroyed) {
      immediate = immediate._idleNext;
      continue;
    }
    immediate._destroyed = true;
    immediateCount--;
    if (immediate[kRefed]) immediateRefCount--;
    // As in node, a run immediate reports hasRef() === false.
    immediate[kRefed] = null;
    syncImmediateCounts();
    const outerId = context.asyncId;
    const outerTrigger = context.triggerAsyncId;
    const outerResource = context.resource;
    const outerStores = context.stores;
    enterResource(immediate);
    let threw = false;
    try {
      const argv = immediate._argv;
      if (argv === undefined) immediate._onImmediate();
      else Reflect.apply(immediate._onImmediate, immediate, argv);
    } catch (err) {
      threw = true;
      fatal(err);
    }
    immediate._onImmediate = null;
    if (!threw) {
      try {
        ticks().runNextTicks();
      } catch (err) {
        fatal(err);
      }
    }
    context.asyncId = outerId;
    context.triggerAsyncId = outerTrigger;
    context.resource = outerResource;
    context.stores = outerStores;
    immediate = immediate._idleNext;
    if (threw && immediate === null) immediate = takeImmediateBatch();
  }
}

function takeImmediateBatch() {
  const head = immediateQueue.head;
  immediateQueue.head = immediateQueue.tail = null;
  return head;
}

// util.promisify(setTimeout) and util.promisify(setImmediate) are the timers/promises forms.
const customPromisify = Symbol.for('nodejs.util.promisify.custom');
for (const [fn, name] of [[setTimeout, 'setTimeout'], [setImmediate, 'setImmediate']]) {
  Object.defineProperty(fn, customPromisify, {
    enumerable: true,
    get() {
      return require('timers/promises')[name];
    },
  });
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
  getTimerCounts,
  active,
  unrefActive,
  unenroll,
  insert,
  kRefed,
  TIMEOUT_MAX,
};
