'use strict';
// node:stream — the legacy Stream base class, which is also the module's export, carrying
// Readable, Writable, Duplex, Transform, PassThrough and the helpers (pipeline, finished,
// compose, addAbortSignal, ...). The implementation is in internal/streams/.

const { codes: { ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');
const { streamReturningOperators, promiseReturningOperators } = require('internal/streams/operators');
const compose = require('internal/streams/compose');
const { setDefaultHighWaterMark, getDefaultHighWaterMark } = require('internal/streams/state');
const { pipeline } = require('internal/streams/pipeline');
const { destroyer } = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');
const { FastBuffer } = require('internal/buffer');
const utils = require('internal/streams/utils');
const { isArrayBufferView, isUint8Array } = require('internal/util/types');

const Stream = module.exports = require('internal/streams/legacy').Stream;

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;

Stream.Readable = require('internal/streams/readable');

// The operators become non-enumerable methods of Readable.prototype; the stream-returning
// ones wrap their async generator in Readable.from().
function installOperators(operators, wrap) {
  for (const key of Object.keys(operators)) {
    const op = operators[key];
    const fn = wrap(op);
    Object.defineProperty(fn, 'name', { __proto__: null, value: op.name });
    Object.defineProperty(fn, 'length', { __proto__: null, value: op.length });
    Object.defineProperty(Stream.Readable.prototype, key, {
      __proto__: null,
      value: fn,
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
}
installOperators(streamReturningOperators, (op) => function (...args) {
  if (new.target) throw new ERR_ILLEGAL_CONSTRUCTOR();
  return Stream.Readable.from(Reflect.apply(op, this, args));
});
installOperators(promiseReturningOperators, (op) => function (...args) {
  if (new.target) throw new ERR_ILLEGAL_CONSTRUCTOR();
  return Reflect.apply(op, this, args);
});

Stream.Writable = require('internal/streams/writable');
Stream.Duplex = require('internal/streams/duplex');
Stream.Transform = require('internal/streams/transform');
Stream.PassThrough = require('internal/streams/passthrough');
Stream.duplexPair = require('internal/streams/duplexpair');
Stream.pipeline = pipeline;
Stream.addAbortSignal = require('internal/streams/add-abort-signal').addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.compose = compose;
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;

const promises = require('stream/promises');

Object.defineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return promises;
  },
});

// util.promisify(pipeline) and util.promisify(finished) give the stream/promises versions.
const customPromisify = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(pipeline, customPromisify, {
  __proto__: null,
  enumerable: true,
  get() {
    return promises.pipeline;
  },
});
Object.defineProperty(eos, customPromisify, {
  __proto__: null,
  enumerable: true,
  get() {
    return promises.finished;
  },
});

Stream.Stream = Stream;

Stream._isArrayBufferView = isArrayBufferView;
Stream._isUint8Array = isUint8Array;
Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) {
  return new FastBuffer(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};
