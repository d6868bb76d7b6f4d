'use strict';
// Shared pieces of the WHATWG streams: brands and state slots, value queues, argument checks,
// promise helpers and node's `Name { ... }` inspection.

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_OPERATION_FAILED,
  },
} = require('internal/errors');
const { getPromiseState } = internalBinding('util');
const { validateFunction } = require('internal/validators');

// Every stream object keeps its spec slots in `this[kState]` and its class name in `this[kType]`.
const kState = Symbol('kState');
const kType = Symbol('kType');

// Read by node:stream (isDisturbed, finished, addAbortSignal...); shared through the registry.
const kIsDisturbed = Symbol.for('nodejs.stream.disturbed');
const kIsErrored = Symbol.for('nodejs.stream.errored');
const kIsReadable = Symbol.for('nodejs.stream.readable');
const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

function isBrandCheck(brand) {
  return (value) => value != null && value[kState] !== undefined && value[kType] === brand;
}

let inspectFn;
// `Name { ...data }`, one level shallower than the caller asked for. Past the depth node's
// helper returns undefined (it loses its receiver), so inspect prints `undefined` there.
function customInspect(depth, options, name, data) {
  if (depth < 0) return undefined;
  if (inspectFn === undefined) inspectFn = require('internal/util/inspect').inspect;
  const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
  return `${name} ${inspectFn(data, opts)}`;
}

// A read-only, non-enumerable Symbol.toStringTag and enumerable accessors/methods, as WebIDL.
function defineClassProperties(cls, names) {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, { enumerable: true });
  }
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: cls.name, configurable: true, writable: false, enumerable: false });
}

function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// A settled promise with no resolve/reject (what the spec calls "a promise resolved with").
function settled(promise) {
  return { promise, resolve: undefined, reject: undefined };
}

function isPromisePending(promise) {
  if (promise === undefined) return false;
  const state = getPromiseState(promise);
  return state !== undefined && state[0] === 0;
}

function setPromiseHandled(promise) {
  promise.then(() => {}, () => {});
}

// Web IDL "invoke a callback that returns a promise": exceptions become rejections.
async function invokePromiseCallback(fn, thisArg, args) {
  return Reflect.apply(fn, thisArg, args);
}

function createPromiseCallback(name, fn, thisArg) {
  validateFunction(fn, name);
  return (...args) => invokePromiseCallback(fn, thisArg, args);
}

// The rule of a WebIDL dictionary argument (node's validateObject with arrays and functions
// allowed): any object or function passes; null only when `allowNull` (an optional dictionary).
// internal/validators' validateObject is the stricter rule for node options objects.
function validateDictionary(value, name, allowNull = false) {
  if ((value === null && !allowNull) || (value !== null && typeof value !== 'object' && typeof value !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

function extractHighWaterMark(value, defaultHWM) {
  if (value === undefined) return defaultHWM;
  value = +value;
  if (Number.isNaN(value) || value < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', value);
  }
  return value;
}

function extractSizeAlgorithm(size) {
  if (size === undefined) return () => 1;
  validateFunction(size, 'strategy.size');
  return size;
}

// Queue-with-sizes (the `queue` and `queueTotalSize` slots of a controller's state).
function dequeueValue(controller) {
  const state = controller[kState];
  const { value, size } = state.queue.shift();
  state.queueTotalSize = Math.max(0, state.queueTotalSize - size);
  return value;
}

function enqueueValueWithSize(controller, value, size) {
  size = +size;
  if (Number.isNaN(size) || size < 0 || size === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  const state = controller[kState];
  state.queue.push({ value, size });
  state.queueTotalSize += size;
}

function peekQueueValue(controller) {
  return controller[kState].queue[0].value;
}

function resetQueue(controller) {
  controller[kState].queue = [];
  controller[kState].queueTotalSize = 0;
}

// ArrayBuffer views read through the prototype getters, so own properties cannot fake them.
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const getTypedBuffer = Object.getOwnPropertyDescriptor(typedArrayProto, 'buffer').get;
const getTypedByteLength = Object.getOwnPropertyDescriptor(typedArrayProto, 'byteLength').get;
const getTypedByteOffset = Object.getOwnPropertyDescriptor(typedArrayProto, 'byteOffset').get;
const getTypedLength = Object.getOwnPropertyDescriptor(typedArrayProto, 'length').get;
const getViewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer').get;
const getViewByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
const getViewByteOffset = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteOffset').get;
const getArrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const getArrayBufferDetached = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached')?.get;

function isDataView(view) {
  try {
    getViewBuffer.call(view);
    return true;
  } catch {
    return false;
  }
}

function viewBuffer(view) {
  return isDataView(view) ? getViewBuffer.call(view) : getTypedBuffer.call(view);
}

function viewByteLength(view) {
  return isDataView(view) ? getViewByteLength.call(view) : getTypedByteLength.call(view);
}

function viewByteOffset(view) {
  return isDataView(view) ? getViewByteOffset.call(view) : getTypedByteOffset.call(view);
}

function typedArrayLength(view) {
  return getTypedLength.call(view);
}

function arrayBufferByteLength(buffer) {
  return getArrayBufferByteLength.call(buffer);
}

function isArrayBufferDetached(buffer) {
  if (getArrayBufferDetached !== undefined) return getArrayBufferDetached.call(buffer);
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

function isViewedArrayBufferDetached(view) {
  return viewByteLength(view) === 0 && isArrayBufferDetached(viewBuffer(view));
}

// TransferArrayBuffer: a new ArrayBuffer owning the bytes; the old one is left detached.
function transferArrayBuffer(buffer) {
  if (isArrayBufferDetached(buffer) || typeof buffer.transfer !== 'function') {
    throw new ERR_OPERATION_FAILED.TypeError('The ArrayBuffer could not be transferred');
  }
  try {
    return ArrayBuffer.prototype.transfer.call(buffer);
  } catch {
    throw new ERR_OPERATION_FAILED.TypeError('The ArrayBuffer could not be transferred');
  }
}

function cloneAsUint8Array(view) {
  const offset = viewByteOffset(view);
  return new Uint8Array(viewBuffer(view).slice(offset, offset + viewByteLength(view)));
}

function copyArrayBuffer(dest, destOffset, src, srcOffset, length) {
  new Uint8Array(dest, destOffset, length).set(new Uint8Array(src, srcOffset, length));
}

// GetIterator(obj, kind) from ECMA-262, with node's messages; a sync iterable becomes async.
function getIterator(obj, kind = 'sync', method = undefined) {
  if (obj == null) {
    // V8's wording, as node reports it.
    const key = kind === 'async' ? 'Symbol(Symbol.asyncIterator)' : 'Symbol(Symbol.iterator)';
    throw new TypeError(`Cannot read properties of ${obj} (reading '${key}')`);
  }
  if (method === undefined) {
    if (kind === 'async') {
      method = obj[Symbol.asyncIterator];
      if (method == null) {
        const syncMethod = obj[Symbol.iterator];
        if (syncMethod === undefined) throw new ERR_ARG_NOT_ITERABLE(obj);
        const syncRecord = getIterator(obj, 'sync', syncMethod);
        const iterator = (async function* fromSync() {
          return yield* { [Symbol.iterator]: () => syncRecord.iterator };
        }());
        return { iterator, nextMethod: iterator.next, done: false };
      }
    } else {
      method = obj[Symbol.iterator];
    }
  }
  if (method === undefined) throw new ERR_ARG_NOT_ITERABLE(obj);
  const iterator = Reflect.apply(method, obj, []);
  if (iterator === null || typeof iterator !== 'object') {
    throw new ERR_INVALID_STATE.TypeError('The iterator method must return an object');
  }
  return { iterator, nextMethod: iterator.next, done: false };
}

function iteratorNext(record) {
  const result = Reflect.apply(record.nextMethod, record.iterator, []);
  if (result === null || typeof result !== 'object') {
    throw new ERR_INVALID_STATE.TypeError('The iterator.next() method must return an object');
  }
  return result;
}

// The prototype of `stream.values()` iterators: %AsyncIteratorPrototype% plus placeholder
// `next`/`return` slots, as node shapes it.
const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);
const AsyncIterator = Object.create(AsyncIteratorPrototype, {
  next: { configurable: true, enumerable: true, writable: true, value: undefined },
  return: { configurable: true, enumerable: true, writable: true, value: undefined },
});

function nonOpStart() {}
async function nonOpPull() {}
async function nonOpCancel() {}
async function nonOpWrite() {}
async function nonOpFlush() {}

module.exports = {
  kState,
  kType,
  kInspect,
  kIsDisturbed,
  kIsErrored,
  kIsReadable,
  kIsClosedPromise,
  kControllerErrorFunction,
  AsyncIterator,
  isBrandCheck,
  customInspect,
  defineClassProperties,
  createDeferredPromise,
  settled,
  isPromisePending,
  setPromiseHandled,
  invokePromiseCallback,
  createPromiseCallback,
  validateDictionary,
  extractHighWaterMark,
  extractSizeAlgorithm,
  dequeueValue,
  enqueueValueWithSize,
  peekQueueValue,
  resetQueue,
  isDataView,
  viewBuffer,
  viewByteLength,
  viewByteOffset,
  typedArrayLength,
  arrayBufferByteLength,
  isArrayBufferDetached,
  isViewedArrayBufferDetached,
  transferArrayBuffer,
  cloneAsUint8Array,
  copyArrayBuffer,
  getIterator,
  iteratorNext,
  nonOpStart,
  nonOpPull,
  nonOpCancel,
  nonOpWrite,
  nonOpFlush,
};
