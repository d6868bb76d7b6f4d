'use strict';
// Histograms for perf_hooks: createHistogram's RecordableHistogram and the IntervalHistogram of
// monitorEventLoopDelay. Values are counted in HdrHistogram buckets (lowest discernible value,
// significant figures), so min/max/mean/stddev/percentiles read as node's.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');
const { validateInteger, validateNumber, validateObject } = require('internal/validators');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kHdr = Symbol('kHandle');
const kCreate = Symbol('kCreate');
const kRecordable = Symbol('kRecordable');
const kPrevDelta = Symbol('kPrevDelta');
const INT64_MAX = 9223372036854775807n;

// Node's percentile maps are instances of its internal SafeMap, and print as such.
class SafeMap extends Map {}

// Number of bits needed for a non-negative integer below 2**53.
function bitLength(v) {
  const hi = Math.floor(v / 4294967296);
  return hi > 0 ? 64 - Math.clz32(hi) : 32 - Math.clz32(v);
}

// The bucketing of HdrHistogram: values below subBucketCount << unitMagnitude are exact; above
// that, each power of two is split into subBucketHalfCount steps.
class Hdr {
  constructor(lowest, highest, figures) {
    this.lowest = lowest;
    this.highest = highest;
    this.unitMagnitude = Math.floor(Math.log2(lowest));
    const largestSingleUnit = 2 * 10 ** figures;
    const subBucketCountMagnitude = Math.ceil(Math.log2(largestSingleUnit));
    this.subBucketHalfCountMagnitude = (subBucketCountMagnitude > 1 ? subBucketCountMagnitude : 1) - 1;
    this.subBucketCount = 2 ** (this.subBucketHalfCountMagnitude + 1);
    this.subBucketMask = (this.subBucketCount - 1) * 2 ** this.unitMagnitude;
    this.reset();
  }

  reset() {
    this.counts = new Map(); // lowest equivalent value -> count
    this.total = 0;
    this.minValue = Infinity;
    this.maxValue = 0;
  }

  bucketOf(v) {
    // bitLength(v | subBucketMask) without 32-bit overflow.
    const len = Math.max(bitLength(v), bitLength(this.subBucketMask));
    return len - this.unitMagnitude - (this.subBucketHalfCountMagnitude + 1);
  }

  lowestEquivalent(v) {
    const bucket = this.bucketOf(v);
    const shift = 2 ** (bucket + this.unitMagnitude);
    return Math.floor(v / shift) * shift;
  }

  rangeSize(v) {
    const bucket = this.bucketOf(v);
    const sub = Math.floor(v / 2 ** (bucket + this.unitMagnitude));
    const adjusted = sub >= this.subBucketCount ? bucket + 1 : bucket;
    return 2 ** (this.unitMagnitude + adjusted);
  }

  highestEquivalent(v) {
    return this.lowestEquivalent(v) + this.rangeSize(v) - 1;
  }

  medianEquivalent(v) {
    return this.lowestEquivalent(v) + Math.floor(this.rangeSize(v) / 2);
  }

  record(v, count = 1) {
    if (v < 0 || v > this.highest) return false;
    const key = this.lowestEquivalent(v);
    this.counts.set(key, (this.counts.get(key) || 0) + count);
    this.total += count;
    if (v !== 0 && v < this.minValue) this.minValue = v;
    if (v > this.maxValue) this.maxValue = v;
    return true;
  }

  sortedKeys() {
    return [...this.counts.keys()].sort((a, b) => a - b);
  }

  min() {
    return this.minValue === Infinity ? Number(INT64_MAX) : this.lowestEquivalent(this.minValue);
  }

  max() {
    return this.maxValue === 0 ? 0 : this.highestEquivalent(this.maxValue);
  }

  mean() {
    if (this.total === 0) return NaN;
    let sum = 0;
    for (const [value, count] of this.counts) sum += count * this.medianEquivalent(value);
    return sum / this.total;
  }

  stddev() {
    if (this.total === 0) return NaN;
    const mean = this.mean();
    let sum = 0;
    for (const [value, count] of this.counts) {
      const dev = this.medianEquivalent(value) - mean;
      sum += dev * dev * count;
    }
    return Math.sqrt(sum / this.total);
  }

  valueAtPercentile(p) {
    const wanted = Math.max(Math.floor((Math.min(p, 100) / 100) * this.total + 0.5), 1);
    let seen = 0;
    for (const value of this.sortedKeys()) {
      seen += this.counts.get(value);
      if (seen >= wanted) return this.highestEquivalent(value);
    }
    return 0;
  }

  // HdrHistogram's percentile iteration with one tick per half distance: percentiles 0, 50,
  // 75, 87.5... each with the bucket value reached, then 100 for the last bucket.
  percentiles(report) {
    const keys = this.sortedKeys();
    let index = -1;
    let cumulative = 0;
    let value = 0;
    let next = 0;
    const advance = () => {
      if (index + 1 >= keys.length) return false;
      index++;
      value = keys[index];
      cumulative += this.counts.get(value);
      return true;
    };
    for (;;) {
      if (!(cumulative < this.total)) {
        report(100, value);
        return;
      }
      if (index === -1 && !advance()) return;
      do {
        if (next <= (100 * cumulative) / this.total) {
          report(next, value);
          const halfDistance = 2 ** (Math.trunc(Math.log(100 / (100 - next)) / Math.log(2)) + 1);
          next += 100 / halfDistance;
          break;
        }
      } while (advance());
    }
  }
}

function isHistogram(value) {
  return value !== null && typeof value === 'object' && value[kHdr] !== undefined;
}

function checkThis(self) {
  if (!isHistogram(self)) {
    const { ERR_INVALID_THIS } = require('internal/errors').codes;
    throw new ERR_INVALID_THIS('Histogram');
  }
  return self[kHdr];
}

class Histogram {
  constructor(key) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `Histogram ${inspect({
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      count: this.count,
      percentiles: this.percentiles,
    }, opts)}`;
  }

  get count() { return checkThis(this).total; }
  get countBigInt() { return BigInt(checkThis(this).total); }
  get min() { return checkThis(this).min(); }
  get minBigInt() {
    const hdr = checkThis(this);
    return hdr.minValue === Infinity ? INT64_MAX : BigInt(hdr.min());
  }
  get max() { return checkThis(this).max(); }
  get maxBigInt() { return BigInt(checkThis(this).max()); }
  get mean() { return checkThis(this).mean(); }
  get exceeds() { return checkThis(this).exceeds; }
  get exceedsBigInt() { return BigInt(checkThis(this).exceeds); }
  get stddev() { return checkThis(this).stddev(); }

  percentile(percentile) {
    const hdr = checkThis(this);
    validateNumber(percentile, 'percentile');
    if (percentile <= 0 || percentile > 100) throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    return hdr.valueAtPercentile(percentile);
  }

  percentileBigInt(percentile) {
    return BigInt(this.percentile(percentile));
  }

  get percentiles() {
    const map = new SafeMap();
    checkThis(this).percentiles((p, v) => map.set(p, v));
    return map;
  }

  get percentilesBigInt() {
    const map = new SafeMap();
    checkThis(this).percentiles((p, v) => map.set(p, BigInt(v)));
    return map;
  }

  reset() {
    const hdr = checkThis(this);
    hdr.reset();
    hdr.exceeds = 0;
  }

  toJSON() {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }
}

function initHistogram(self, lowest, highest, figures) {
  const hdr = new Hdr(lowest, highest, figures);
  hdr.exceeds = 0;
  self[kHdr] = hdr;
}

function recordValue(self, value) {
  const hdr = self[kHdr];
  if (!hdr.record(value)) hdr.exceeds++;
}

class RecordableHistogram extends Histogram {
  constructor(key) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kCreate);
    this[kRecordable] = true;
    this[kPrevDelta] = 0n;
  }

  record(val) {
    checkThis(this);
    if (typeof val === 'bigint') {
      if (val < 1n) {
        // Node checks bigints in C++, with a shorter message.
        const err = new RangeError('value is out of range');
        err.code = 'ERR_OUT_OF_RANGE';
        throw err;
      }
      val = Number(val);
    } else {
      validateInteger(val, 'val', 1);
    }
    recordValue(this, val);
  }

  // Records the nanoseconds since the previous call (the first call only starts the clock).
  recordDelta() {
    checkThis(this);
    const now = process.hrtime.bigint();
    const prev = this[kPrevDelta];
    this[kPrevDelta] = now;
    if (prev !== 0n) recordValue(this, Number(now - prev));
  }

  add(other) {
    const hdr = checkThis(this);
    if (!isHistogram(other) || other[kRecordable] !== true) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    const src = other[kHdr];
    for (const [value, count] of src.counts) {
      if (!hdr.record(value, count)) hdr.exceeds += count;
    }
    if (src.minValue < hdr.minValue) hdr.minValue = src.minValue;
    if (src.maxValue > hdr.maxValue) hdr.maxValue = src.maxValue;
    hdr.exceeds += src.exceeds;
  }
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  const check = (value, name, min) => {
    if (typeof value === 'bigint') {
      if (value < BigInt(min) || value > BigInt(Number.MAX_SAFE_INTEGER)) {
        throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${Number.MAX_SAFE_INTEGER}`, value);
      }
      return Number(value);
    }
    validateInteger(value, name, min);
    return value;
  };
  const low = check(lowest, 'options.lowest', 1);
  const high = check(highest, 'options.highest', 2 * low);
  validateInteger(figures, 'options.figures', 1, 5);
  const h = new RecordableHistogram(kCreate);
  initHistogram(h, low, high, figures);
  return h;
}

// monitorEventLoopDelay's IntervalHistogram (ELDHistogram, as node names it): a timer every
// `resolution` ms records the time since the previous tick in nanoseconds; the more the loop
// is delayed, the larger the values.
const kTimer = Symbol('kTimer');
const kResolution = Symbol('kResolution');

class ELDHistogram extends Histogram {
  constructor(key, resolution) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kCreate);
    this[kResolution] = resolution;
    this[kTimer] = undefined;
  }

  enable() {
    checkThis(this);
    if (this[kTimer] !== undefined) return false;
    let prev = process.hrtime.bigint();
    this[kTimer] = setInterval(() => {
      const now = process.hrtime.bigint();
      recordValue(this, Number(now - prev));
      prev = now;
    }, this[kResolution]);
    this[kTimer].unref();
    return true;
  }

  disable() {
    checkThis(this);
    if (this[kTimer] === undefined) return false;
    clearInterval(this[kTimer]);
    this[kTimer] = undefined;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  const h = new ELDHistogram(kCreate, resolution);
  initHistogram(h, 1, Number.MAX_SAFE_INTEGER, 3);
  return h;
}

module.exports = {
  Histogram,
  RecordableHistogram,
  ELDHistogram,
  createHistogram,
  monitorEventLoopDelay,
  isHistogram,
};
