'use strict';
// perf_hooks: the performance timeline (marks, measures, timerify, node timing, event loop
// utilization), PerformanceObserver, and histograms (createHistogram, monitorEventLoopDelay).

const { performanceNow } = internalBinding('timers');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR, ERR_INTERNAL_ASSERTION, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS,
    ERR_PERFORMANCE_INVALID_TIMESTAMP, ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS,
  },
} = require('internal/errors');
const { validateFunction, validateNumber, validateObject } = require('internal/validators');
const { createHistogram, monitorEventLoopDelay, isHistogram } = require('internal/perf/histogram');
const { EventTarget, Event, DOMException, kTrustEvent } = require('internal/event_target');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kCreate = Symbol('kCreate');
const kName = Symbol('PerformanceEntry.Name');
const kType = Symbol('PerformanceEntry.EntryType');
const kStart = Symbol('PerformanceEntry.StartTime');
const kDuration = Symbol('PerformanceEntry.Duration');
const kDetail = Symbol('kDetail');

// Wall-clock time at process start, in ms.
const timeOrigin = Date.now() - performanceNow();
const now = () => performanceNow();

function inspectEntry(self, name, fields, depth, options, inspect) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspect(fields, opts)}`;
}

class PerformanceEntry {
  constructor(key, name, type, start, duration) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kName] = name;
    this[kType] = type;
    this[kStart] = start;
    this[kDuration] = duration;
  }

  get name() {
    checkEntry(this);
    return this[kName];
  }

  get entryType() {
    checkEntry(this);
    return this[kType];
  }

  get startTime() {
    checkEntry(this);
    return this[kStart];
  }

  get duration() {
    checkEntry(this);
    return this[kDuration];
  }

  [kInspect](depth, options, inspect) {
    return inspectEntry(this, this.constructor.name, {
      name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration,
    }, depth, options, inspect);
  }

  toJSON() {
    checkEntry(this);
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration };
  }
}

function checkEntry(self) {
  if (self === null || typeof self !== 'object' || !(kName in self)) {
    throw new ERR_INVALID_ARG_TYPE('this', 'PerformanceEntry', self);
  }
}

// Entries with a `detail` (marks, measures, timerify's 'function' entries) get these members.
const detailMembers = {
  get detail() {
    checkEntry(this);
    return this[kDetail];
  },

  toJSON() {
    checkEntry(this);
    return {
      name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail,
    };
  },

  [kInspect](depth, options, inspect) {
    return inspectEntry(this, this.constructor.name, {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      detail: this.detail,
    }, depth, options, inspect);
  },
};
function addDetail(cls) {
  const descriptors = Object.getOwnPropertyDescriptors(detailMembers);
  for (const key of Reflect.ownKeys(descriptors)) descriptors[key].enumerable = false;
  Object.defineProperties(cls.prototype, descriptors);
}

// Names of node's start-up milestones; measure() accepts them as marks, mark() refuses them.
const nodeTimingNames = new Set(['nodeStart', 'v8Start', 'environment', 'loopStart', 'loopExit', 'bootstrapComplete']);

const clone = (value) => (value == null ? null : globalThis.structuredClone(value));

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (options !== undefined) validateObject(options, 'options');
    if (nodeTimingNames.has(name)) throw new ERR_INVALID_ARG_VALUE('name', name);
    const startTime = options?.startTime ?? now();
    validateNumber(startTime, 'startTime');
    if (startTime < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(startTime);
    super(kCreate, name, 'mark', startTime, 0);
    this[kDetail] = clone(options?.detail);
    // Like node, a constructed mark can be measured from even if it was never buffered.
    markTimes.set(name, startTime);
  }
}
addDetail(PerformanceMark);
Object.defineProperty(PerformanceMark.prototype, Symbol.toStringTag, { value: 'PerformanceMark', configurable: true });

class PerformanceMeasure extends PerformanceEntry {
  constructor(key, name, start, duration, detail) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kCreate, name, 'measure', start, duration);
    this[kDetail] = detail;
  }
}
addDetail(PerformanceMeasure);
Object.defineProperty(PerformanceMeasure.prototype, Symbol.toStringTag, { value: 'PerformanceMeasure', configurable: true });

class PerformanceNodeEntry extends PerformanceEntry {
  constructor(key, name, type, start, duration, detail) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kCreate, name, type, start, duration);
    this[kDetail] = detail;
  }
}
addDetail(PerformanceNodeEntry);

// The timeline buffers (marks, measures, resource timings) and the latest time of each mark name.
const markBuffer = [];
const measureBuffer = [];
const resourceBuffer = [];
const markTimes = new Map();

function byStartTime(entries) {
  return entries.sort((a, b) => a[kStart] - b[kStart]);
}

function filterEntries(name, type) {
  let entries;
  if (type === 'mark') entries = markBuffer.slice();
  else if (type === 'measure') entries = measureBuffer.slice();
  else if (type === 'resource') entries = resourceBuffer.slice();
  else if (type === undefined) entries = markBuffer.concat(measureBuffer, resourceBuffer);
  else entries = [];
  if (name !== undefined) entries = entries.filter((e) => e[kName] === name);
  return byStartTime(entries);
}

function clearBuffer(buffer, name) {
  for (let i = buffer.length - 1; i >= 0; i--) {
    if (name === undefined || buffer[i][kName] === name) buffer.splice(i, 1);
  }
}

// Observers.
const kSupportedEntryTypes = ['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource'];
const observers = new Set();
const pending = new Set();
let dispatchQueued = false;

function enqueue(entry) {
  if (entry[kType] === 'mark') {
    markBuffer.push(entry);
  } else if (entry[kType] === 'measure') {
    measureBuffer.push(entry);
  } else if (entry[kType] === 'resource') {
    bufferResourceTiming(entry);
  }
  for (const observer of observers) observer[kMaybeBuffer](entry);
}

// Resource timings, as the Resource Timing standard buffers them: up to the size limit
// (250 by default) in the timeline; past it, later entries wait in a secondary buffer while a
// 'resourcetimingbufferfull' event, fired from an immediate, lets listeners clear the timeline
// or raise the limit. What still does not fit is dropped.
let resourceBufferLimit = 250;
let resourceSecondaryBuffer = [];
let bufferFullEventPending = false;

function bufferResourceTiming(entry) {
  if (resourceBuffer.length < resourceBufferLimit && !bufferFullEventPending) {
    resourceBuffer.push(entry);
    return;
  }
  if (!bufferFullEventPending) {
    bufferFullEventPending = true;
    setImmediate(fireBufferFull);
  }
  resourceSecondaryBuffer.push(entry);
}

function fireBufferFull() {
  while (resourceSecondaryBuffer.length > 0) {
    const excessBefore = resourceSecondaryBuffer.length;
    if (resourceBuffer.length >= resourceBufferLimit) {
      performance.dispatchEvent(new Event('resourcetimingbufferfull', { [kTrustEvent]: true }));
    }
    // Move what now fits into the timeline.
    const room = Math.max(0, Math.min(resourceBufferLimit - resourceBuffer.length, resourceSecondaryBuffer.length));
    resourceBuffer.push(...resourceSecondaryBuffer.splice(0, room));
    if (excessBefore <= resourceSecondaryBuffer.length) resourceSecondaryBuffer = [];
  }
  bufferFullEventPending = false;
}

// The limit is a WebIDL unsigned long; node turns what is not a positive number into 0.
function toBufferSize(value) {
  const size = Math.trunc(+value);
  if (!(size > 0) || size === Infinity) return 0;
  return size % 2 ** 32;
}

// Observers get their entries together, from an immediate after the entries were made.
function queuePending() {
  if (dispatchQueued) return;
  dispatchQueued = true;
  setImmediate(() => {
    dispatchQueued = false;
    const list = [...pending];
    pending.clear();
    for (const observer of list) observer[kDispatch]();
  });
}

const kBuffer = Symbol('kBuffer');
const kEntryTypes = Symbol('kEntryTypes');
const kObserveType = Symbol('kObserveType');
const kCallback = Symbol('kCallback');
const kMaybeBuffer = Symbol('kMaybeBuffer');
const kDispatch = Symbol('kDispatch');
const kEntries = Symbol('kEntries');

class PerformanceObserverEntryList {
  constructor(key, entries) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kEntries] = byStartTime(entries.slice());
  }

  getEntries() {
    return this[kEntries].slice();
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return this[kEntries].filter((e) => e[kType] === type);
  }

  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type != null) type = `${type}`;
    return this[kEntries].filter((e) => e[kName] === name && (type == null || e[kType] === type));
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `PerformanceObserverEntryList ${inspect(this[kEntries], opts)}`;
  }
}

class PerformanceObserver {
  constructor(callback) {
    validateFunction(callback, 'callback');
    this[kBuffer] = [];
    this[kEntryTypes] = new Set();
    this[kObserveType] = undefined;
    this[kCallback] = callback;
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
        'options.entryTypes can not set with options.type together');
    }
    if (this[kObserveType] === undefined) {
      if (entryTypes !== undefined) this[kObserveType] = 'multiple';
      if (type !== undefined) this[kObserveType] = 'single';
    } else if (this[kObserveType] === 'single' && entryTypes !== undefined) {
      throw new DOMException('PerformanceObserver can not change to multiple observations', 'InvalidModificationError');
    } else if (this[kObserveType] === 'multiple' && type !== undefined) {
      throw new DOMException('PerformanceObserver can not change to single observation', 'InvalidModificationError');
    }
    if (this[kObserveType] === 'multiple') {
      if (!Array.isArray(entryTypes)) throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      this[kEntryTypes].clear();
      for (const t of entryTypes) {
        if (kSupportedEntryTypes.includes(t)) this[kEntryTypes].add(t);
      }
    } else {
      if (!kSupportedEntryTypes.includes(type)) return;
      this[kEntryTypes].add(type);
      if (buffered) {
        this[kBuffer].push(...filterEntries(undefined, type));
        pending.add(this);
        queuePending();
      }
    }
    if (this[kEntryTypes].size > 0) observers.add(this);
    else this.disconnect();
  }

  disconnect() {
    observers.delete(this);
    pending.delete(this);
    this[kBuffer] = [];
    this[kEntryTypes].clear();
    this[kObserveType] = undefined;
  }

  takeRecords() {
    const list = this[kBuffer];
    this[kBuffer] = [];
    return list;
  }

  static get supportedEntryTypes() {
    return kSupportedEntryTypes.slice();
  }

  [kMaybeBuffer](entry) {
    if (!this[kEntryTypes].has(entry[kType])) return;
    this[kBuffer].push(entry);
    pending.add(this);
    queuePending();
  }

  [kDispatch]() {
    const list = new PerformanceObserverEntryList(kCreate, this.takeRecords());
    this[kCallback].call(this, list, this);
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `PerformanceObserver ${inspect({
      connected: observers.has(this),
      pending: pending.has(this),
      entryTypes: [...this[kEntryTypes]],
      buffer: this[kBuffer],
    }, opts)}`;
  }
}

// Start-up milestones. Lode does not record node's separate start-up phases: bootstrapComplete
// is the time perf_hooks was loaded, and nodeStart, v8Start and environment are placed at 1/8,
// 1/4 and 1/2 of it so that they keep node's order. loopStart is set by the first immediate,
// or seen from the first timer or immediate callback that asks.
const bootstrapComplete = now();
let loopStart = -1;
setImmediate(() => {
  if (loopStart === -1) loopStart = now();
}).unref();
const asyncContext = require('internal/async_hooks').current;
function getLoopStart() {
  if (loopStart === -1) {
    const { Timeout, Immediate } = require('internal/timers');
    const resource = asyncContext.resource;
    if (resource instanceof Timeout || resource instanceof Immediate) loopStart = now();
  }
  return loopStart;
}

// The loop has exited once the process is exiting; the time is taken when first asked.
let loopExit = -1;
function getLoopExit() {
  if (loopExit === -1 && process._exiting) loopExit = now();
  return loopExit;
}

class PerformanceNodeTiming {
  constructor(key) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    const fields = {
      name: () => 'node',
      entryType: () => 'node',
      startTime: () => 0,
      duration: () => now(),
      nodeStart: () => bootstrapComplete / 8,
      v8Start: () => bootstrapComplete / 4,
      environment: () => bootstrapComplete / 2,
      loopStart: getLoopStart,
      loopExit: getLoopExit,
      bootstrapComplete: () => bootstrapComplete,
      idleTime: () => 0,
      uvMetricsInfo: () => ({ loopCount: 0, events: 0, eventsWaiting: 0 }),
    };
    for (const [key, get] of Object.entries(fields)) {
      Object.defineProperty(this, key, { get, enumerable: true, configurable: true });
    }
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `PerformanceNodeTiming ${inspect(this.toJSON(), opts)}`;
  }

  toJSON() {
    return {
      name: 'node',
      entryType: 'node',
      startTime: 0,
      duration: this.duration,
      nodeStart: this.nodeStart,
      v8Start: this.v8Start,
      bootstrapComplete: this.bootstrapComplete,
      environment: this.environment,
      loopStart: this.loopStart,
      loopExit: this.loopExit,
      idleTime: this.idleTime,
    };
  }
}
const nodeTiming = new PerformanceNodeTiming(kCreate);

// Lode does not measure the loop's idle time yet: time since the loop started counts as active.
function eventLoopUtilization(util1, util2) {
  if (getLoopStart() <= 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const idle = 0;
  const active = now() - loopStart;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
}

function markTime(name) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw new ERR_PERFORMANCE_INVALID_TIMESTAMP(name);
    return name;
  }
  name = `${name}`;
  if (nodeTimingNames.has(name)) return nodeTiming[name];
  const time = markTimes.get(name);
  if (time === undefined) throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
  return time;
}

function startAndDuration(startOrOptions, endMark) {
  if (startOrOptions === null) startOrOptions = undefined;
  let start;
  let end;
  let duration;
  let optionsValid = false;
  if (typeof startOrOptions === 'object') {
    ({ start, end, duration } = startOrOptions);
    optionsValid = start !== undefined || end !== undefined;
  }
  if (optionsValid) {
    if (endMark !== undefined) throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS('endMark must not be specified');
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS('Must not have options.start, options.end, and options.duration specified');
    }
  }
  if (endMark !== undefined) {
    end = markTime(endMark);
  } else if (optionsValid && end !== undefined) {
    end = markTime(end);
  } else if (optionsValid && start !== undefined && duration !== undefined) {
    end = markTime(start) + markTime(duration);
  } else {
    end = now();
  }
  if (typeof startOrOptions === 'string') {
    start = markTime(startOrOptions);
  } else if (optionsValid && start !== undefined) {
    start = markTime(start);
  } else if (optionsValid && duration !== undefined && end !== undefined) {
    start = end - markTime(duration);
  } else {
    start = 0;
  }
  return { start, duration: end - start };
}

function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined && (!isHistogram(histogram) || typeof histogram.record !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
  }
  function complete(start, args) {
    const duration = now() - start;
    if (histogram !== undefined) histogram.record(Math.ceil(duration * 1e6));
    const entry = new PerformanceNodeEntry(kCreate, fn.name, 'function', start, duration, args);
    for (let n = 0; n < args.length; n++) entry[n] = args[n];
    enqueue(entry);
  }
  function timerified(...args) {
    const isConstruct = new.target !== undefined;
    const start = now();
    const result = isConstruct ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
    if (!isConstruct && typeof result?.finally === 'function') {
      return result.finally(() => complete(start, args));
    }
    complete(start, args);
    return result;
  }
  Object.defineProperties(timerified, {
    length: { configurable: false, enumerable: true, value: fn.length },
    name: { configurable: false, enumerable: true, value: `timerified ${fn.name}` },
  });
  return timerified;
}

class Performance extends EventTarget {
  constructor(key) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  clearMarks(name) {
    if (name !== undefined) {
      name = `${name}`;
      markTimes.delete(name);
    } else {
      markTimes.clear();
    }
    clearBuffer(markBuffer, name);
  }

  clearMeasures(name) {
    if (name !== undefined) name = `${name}`;
    clearBuffer(measureBuffer, name);
  }

  clearResourceTimings(name = undefined) {
    if (name !== undefined) name = `${name}`;
    clearBuffer(resourceBuffer, name);
  }

  getEntries() {
    return filterEntries();
  }

  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return filterEntries(name, type);
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return filterEntries(undefined, `${type}`);
  }

  mark(name, options) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    const mark = new PerformanceMark(name, options);
    enqueue(mark);
    return mark;
  }

  measure(name, startOrMeasureOptions, endMark) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    const { start, duration } = startAndDuration(startOrMeasureOptions, endMark);
    const measure = new PerformanceMeasure(kCreate, `${name}`, start, duration, clone(startOrMeasureOptions?.detail));
    enqueue(measure);
    return measure;
  }

  now() {
    return now();
  }

  setResourceTimingBufferSize(maxSize) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('maxSize');
    resourceBufferLimit = toBufferSize(maxSize);
  }

  get timeOrigin() {
    return timeOrigin;
  }

  toJSON() {
    return {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization(),
    };
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Performance ${inspect({
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization,
    }, opts)}`;
  }
}
// As in node, the standard's members are enumerable and node's additions are not.
for (const name of ['clearMarks', 'clearMeasures', 'clearResourceTimings', 'getEntries', 'getEntriesByName',
  'getEntriesByType', 'mark', 'measure', 'now', 'setResourceTimingBufferSize', 'timeOrigin', 'toJSON']) {
  Object.defineProperty(Performance.prototype, name, { enumerable: true });
}

// The event handler attribute: setting it replaces the handler but keeps its place among the
// listeners, as in the DOM.
const kBufferFullHandler = Symbol('kBufferFullHandler');
const bufferFullHandler = {
  get onresourcetimingbufferfull() {
    checkEventTarget(this);
    return this[kBufferFullHandler] === undefined ? null : this[kBufferFullHandler].handler;
  },
  set onresourcetimingbufferfull(value) {
    checkEventTarget(this);
    if (this[kBufferFullHandler] === undefined) {
      const listener = function(event) {
        if (typeof listener.handler === 'function') return listener.handler.call(this, event);
      };
      this[kBufferFullHandler] = listener;
      this.addEventListener('resourcetimingbufferfull', listener);
    }
    this[kBufferFullHandler].handler = value;
  },
};
function checkEventTarget(self) {
  if (!(self instanceof EventTarget)) throw new ERR_INVALID_ARG_TYPE('this', 'EventTarget', self);
}

Object.defineProperties(Performance.prototype, {
  eventLoopUtilization: { value: eventLoopUtilization, writable: true, configurable: true, enumerable: false },
  nodeTiming: { value: nodeTiming, writable: true, configurable: true, enumerable: false },
  markResourceTiming: { value: markResourceTiming, writable: true, configurable: true, enumerable: false },
  timerify: { value: timerify, writable: true, configurable: true, enumerable: false },
  onresourcetimingbufferfull: {
    ...Object.getOwnPropertyDescriptor(bufferFullHandler, 'onresourcetimingbufferfull'),
    configurable: true,
    enumerable: true,
  },
  [Symbol.toStringTag]: { value: 'Performance', configurable: true },
});

const performance = new Performance(kCreate);

// Resource timing entries, as fetch (undici) records them: the fields are read from its fetch
// timing info when asked.
const kTimingInfo = Symbol('kTimingInfo');
const kInitiatorType = Symbol('kInitiatorType');
const kCacheMode = Symbol('kCacheMode');

class PerformanceResourceTiming extends PerformanceEntry {
  constructor(key, requestedUrl, initiatorType, timingInfo, cacheMode) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kCreate, requestedUrl, 'resource', timingInfo.startTime, timingInfo.endTime - timingInfo.startTime);
    this[kInitiatorType] = initiatorType;
    this[kTimingInfo] = timingInfo;
    this[kCacheMode] = cacheMode;
  }

  get name() {
    return timingOf(this) && this[kName];
  }

  get startTime() {
    return timingOf(this).startTime;
  }

  get duration() {
    const timing = timingOf(this);
    return timing.endTime - timing.startTime;
  }

  get initiatorType() {
    timingOf(this);
    return this[kInitiatorType];
  }

  get workerStart() {
    return timingOf(this).finalServiceWorkerStartTime;
  }

  get redirectStart() {
    return timingOf(this).redirectStartTime;
  }

  get redirectEnd() {
    return timingOf(this).redirectEndTime;
  }

  get fetchStart() {
    return timingOf(this).postRedirectStartTime;
  }

  get domainLookupStart() {
    return timingOf(this).finalConnectionTimingInfo?.domainLookupStartTime;
  }

  get domainLookupEnd() {
    return timingOf(this).finalConnectionTimingInfo?.domainLookupEndTime;
  }

  get connectStart() {
    return timingOf(this).finalConnectionTimingInfo?.connectionStartTime;
  }

  get connectEnd() {
    return timingOf(this).finalConnectionTimingInfo?.connectionEndTime;
  }

  get secureConnectionStart() {
    return timingOf(this).finalConnectionTimingInfo?.secureConnectionStartTime;
  }

  get nextHopProtocol() {
    return timingOf(this).finalConnectionTimingInfo?.ALPNNegotiatedProtocol;
  }

  get requestStart() {
    return timingOf(this).finalNetworkRequestStartTime;
  }

  get responseStart() {
    return timingOf(this).finalNetworkResponseStartTime;
  }

  get responseEnd() {
    return timingOf(this).endTime;
  }

  get encodedBodySize() {
    return timingOf(this).encodedBodySize;
  }

  get decodedBodySize() {
    return timingOf(this).decodedBodySize;
  }

  // A response from the local cache transferred nothing; otherwise node counts the body plus
  // 300 bytes of headers.
  get transferSize() {
    const timing = timingOf(this);
    if (this[kCacheMode] === 'local') return 0;
    return timing.encodedBodySize + 300;
  }

  toJSON() {
    timingOf(this);
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      initiatorType: this.initiatorType,
      nextHopProtocol: this.nextHopProtocol,
      workerStart: this.workerStart,
      redirectStart: this.redirectStart,
      redirectEnd: this.redirectEnd,
      fetchStart: this.fetchStart,
      domainLookupStart: this.domainLookupStart,
      domainLookupEnd: this.domainLookupEnd,
      connectStart: this.connectStart,
      connectEnd: this.connectEnd,
      secureConnectionStart: this.secureConnectionStart,
      requestStart: this.requestStart,
      responseStart: this.responseStart,
      responseEnd: this.responseEnd,
      transferSize: this.transferSize,
      encodedBodySize: this.encodedBodySize,
      decodedBodySize: this.decodedBodySize,
    };
  }

  [kInspect](depth, options, inspect) {
    return inspectEntry(this, 'PerformanceResourceTiming', this.toJSON(), depth, options, inspect);
  }
}
for (const name of Object.getOwnPropertyNames(PerformanceResourceTiming.prototype)) {
  if (name !== 'constructor' && name !== 'name' && name !== 'startTime' && name !== 'duration') {
    Object.defineProperty(PerformanceResourceTiming.prototype, name, { enumerable: true });
  }
}
Object.defineProperty(PerformanceResourceTiming.prototype, Symbol.toStringTag, {
  value: 'PerformanceResourceTiming', configurable: true,
});

function timingOf(self) {
  if (self === null || typeof self !== 'object' || !(kTimingInfo in self)) {
    throw new ERR_INVALID_ARG_TYPE('this', 'PerformanceResourceTiming', self);
  }
  return self[kTimingInfo];
}

// performance.markResourceTiming(): how fetch reports a finished request. The body info,
// response status and delivery type arguments are not shown by node v20's entries.
function markResourceTiming(timingInfo, requestedUrl, initiatorType, global, cacheMode, bodyInfo,
  responseStatus, deliveryType) {
  if (cacheMode !== '' && cacheMode !== 'local') {
    throw new ERR_INTERNAL_ASSERTION("cache must be an empty string or 'local'");
  }
  const entry = new PerformanceResourceTiming(kCreate, requestedUrl, initiatorType, timingInfo, cacheMode);
  enqueue(entry);
  return entry;
}

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay,
  createHistogram,
  performance,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4,
    NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16,
    NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
    NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  },
};
