'use strict';
// perf_hooks: the performance timeline (marks, measures, timerify, node timing, event loop
// utilization), PerformanceObserver, and histograms (createHistogram, monitorEventLoopDelay).

const { performanceNow } = internalBinding('timers');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS,
    ERR_PERFORMANCE_INVALID_TIMESTAMP, ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS,
  },
} = require('internal/errors');
const { validateFunction, validateNumber, validateObject } = require('internal/validators');
const { createHistogram, monitorEventLoopDelay, isHistogram } = require('internal/perf/histogram');
const { EventTarget, DOMException } = require('internal/event_target');

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

// The timeline buffers (marks and measures) and the latest time of each mark name.
const markBuffer = [];
const measureBuffer = [];
const markTimes = new Map();

function byStartTime(entries) {
  return entries.sort((a, b) => a[kStart] - b[kStart]);
}

function filterEntries(name, type) {
  let entries;
  if (type === 'mark') entries = markBuffer.slice();
  else if (type === 'measure') entries = measureBuffer.slice();
  else if (type === undefined) entries = markBuffer.concat(measureBuffer);
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
  }
  for (const observer of observers) observer[kMaybeBuffer](entry);
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

  clearResourceTimings() {}

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

  setResourceTimingBufferSize() {}

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
Object.defineProperties(Performance.prototype, {
  eventLoopUtilization: { value: eventLoopUtilization, writable: true, configurable: true, enumerable: true },
  nodeTiming: { get() { return nodeTiming; }, configurable: true, enumerable: true },
  markResourceTiming: { value: function markResourceTiming() {}, writable: true, configurable: true, enumerable: true },
  timerify: { value: timerify, writable: true, configurable: true, enumerable: true },
  onresourcetimingbufferfull: { value: null, writable: true, configurable: true, enumerable: true },
  [Symbol.toStringTag]: { value: 'Performance', configurable: true },
});

const performance = new Performance(kCreate);

class PerformanceResourceTiming extends PerformanceEntry {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
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
