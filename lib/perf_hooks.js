'use strict';
// perf_hooks: performance (now, timeOrigin, marks and measures), PerformanceObserver basics.

const { performanceNow } = internalBinding('timers');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS } } = require('internal/errors');

// Wall-clock time at process start, in ms.
const timeOrigin = Date.now() - performanceNow();
const entries = [];
const observers = new Set();

class PerformanceEntry {
  constructor(name, type, start, duration, detail) {
    this.name = name;
    this.entryType = type;
    this.startTime = start;
    this.duration = duration;
    if (detail !== undefined) this.detail = detail;
  }

  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail };
  }
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = {}) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    const start = options && options.startTime !== undefined ? options.startTime : performanceNow();
    super(`${name}`, 'mark', start, 0, options && options.detail !== undefined ? options.detail : null);
  }
}

class PerformanceMeasure extends PerformanceEntry {}

function enqueue(entry) {
  entries.push(entry);
  for (const obs of observers) obs._enqueue(entry);
}

function markTime(name, which) {
  if (name === undefined) return which === 'start' ? 0 : performanceNow();
  if (typeof name === 'number') return name;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === 'mark' && entries[i].name === name) return entries[i].startTime;
  }
  const { DOMException } = require('internal/event_target');
  throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

const performance = {
  now: () => performanceNow(),
  get timeOrigin() { return timeOrigin; },
  mark(name, options) {
    const mark = new PerformanceMark(name, options);
    enqueue(mark);
    return mark;
  },
  measure(name, startOrOptions, endMark) {
    let start;
    let end;
    let detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      start = markTime(startOrOptions.start, 'start');
      end = startOrOptions.end !== undefined ? markTime(startOrOptions.end, 'end') :
        startOrOptions.duration !== undefined ? start + startOrOptions.duration : performanceNow();
      detail = startOrOptions.detail ?? null;
    } else {
      start = markTime(startOrOptions, 'start');
      end = markTime(endMark, 'end');
    }
    const measure = new PerformanceMeasure(`${name}`, 'measure', start, end - start, detail);
    enqueue(measure);
    return measure;
  },
  getEntries: () => entries.slice(),
  getEntriesByName: (name, type) => entries.filter((e) => e.name === name && (type === undefined || e.entryType === type)),
  getEntriesByType: (type) => entries.filter((e) => e.entryType === type),
  clearMarks(name) { remove('mark', name); },
  clearMeasures(name) { remove('measure', name); },
  clearResourceTimings() {},
  setResourceTimingBufferSize() {},
  eventLoopUtilization: () => ({ idle: 0, active: 0, utilization: 0 }),
  timerify(fn) {
    if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
    return fn;
  },
  toJSON() {
    return { nodeTiming: {}, timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
  },
};
Object.defineProperty(performance, Symbol.toStringTag, { value: 'Performance', configurable: true });

function remove(type, name) {
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === type && (name === undefined || entries[i].name === name)) entries.splice(i, 1);
  }
}

class PerformanceObserver {
  constructor(callback) {
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    this._callback = callback;
    this._types = new Set();
    this._buffer = [];
    this._scheduled = false;
  }

  observe(options = {}) {
    const list = options.entryTypes || (options.type ? [options.type] : []);
    for (const t of list) this._types.add(t);
    observers.add(this);
  }

  disconnect() {
    observers.delete(this);
  }

  takeRecords() {
    const out = this._buffer;
    this._buffer = [];
    return out;
  }

  _enqueue(entry) {
    if (!this._types.has(entry.entryType)) return;
    this._buffer.push(entry);
    if (!this._scheduled) {
      this._scheduled = true;
      setImmediate(() => {
        this._scheduled = false;
        const list = this.takeRecords();
        const api = {
          getEntries: () => list.slice(),
          getEntriesByName: (n, t) => list.filter((e) => e.name === n && (t === undefined || e.entryType === t)),
          getEntriesByType: (t) => list.filter((e) => e.entryType === t),
        };
        this._callback(api, this);
      });
    }
  }

  static get supportedEntryTypes() {
    return ['function', 'gc', 'mark', 'measure'];
  }
}

function monitorEventLoopDelay() {
  const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
  throw new ERR_NOT_IMPLEMENTED('perf_hooks.monitorEventLoopDelay');
}

module.exports = {
  performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  monitorEventLoopDelay,
  constants: { NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8, NODE_PERFORMANCE_GC_WEAKCB: 16 },
};
