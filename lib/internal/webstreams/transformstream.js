'use strict';
// TransformStream and its default controller (WHATWG Streams §6): a writable side whose chunks
// go through `transform` into a readable side.

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  kState,
  kType,
  kInspect,
  isBrandCheck,
  customInspect,
  defineClassProperties,
  createDeferredPromise,
  createPromiseCallback,
  validateDictionary,
  extractHighWaterMark,
  extractSizeAlgorithm,
  nonOpCancel,
  nonOpFlush,
} = require('internal/webstreams/util');
const {
  createReadableStream,
  readableStreamDefaultControllerCanCloseOrEnqueue,
  readableStreamDefaultControllerClose,
  readableStreamDefaultControllerEnqueue,
  readableStreamDefaultControllerError,
  readableStreamDefaultControllerGetDesiredSize,
  readableStreamDefaultControllerHasBackpressure,
} = require('internal/webstreams/readablestream');
const {
  createWritableStream,
  writableStreamDefaultControllerErrorIfNeeded,
} = require('internal/webstreams/writablestream');

const kSkipThrow = Symbol('kSkipThrow');

const isTransformStream = isBrandCheck('TransformStream');
const isTransformStreamDefaultController = isBrandCheck('TransformStreamDefaultController');

class TransformStream {
  [kType] = 'TransformStream';

  constructor(transformer = {}, writableStrategy = {}, readableStrategy = {}) {
    validateDictionary(transformer, 'transformer');
    validateDictionary(writableStrategy, 'writableStrategy', true);
    validateDictionary(readableStrategy, 'readableStrategy', true);
    const readableType = transformer?.readableType;
    const writableType = transformer?.writableType;
    const start = transformer?.start;
    if (readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', readableType);
    }
    if (writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', writableType);
    }
    const readableHighWaterMark = readableStrategy?.highWaterMark;
    const readableSize = readableStrategy?.size;
    const writableHighWaterMark = writableStrategy?.highWaterMark;
    const writableSize = writableStrategy?.size;
    const readableHWM = extractHighWaterMark(readableHighWaterMark, 0);
    const readableSizeAlgorithm = extractSizeAlgorithm(readableSize);
    const writableHWM = extractHighWaterMark(writableHighWaterMark, 1);
    const writableSizeAlgorithm = extractSizeAlgorithm(writableSize);

    const startPromise = createDeferredPromise();
    initializeTransformStream(this, startPromise.promise, writableHWM, writableSizeAlgorithm,
                              readableHWM, readableSizeAlgorithm);
    setupControllerFromTransformer(this, transformer);
    if (start !== undefined) {
      startPromise.resolve(Reflect.apply(start, transformer, [this[kState].controller]));
    } else {
      startPromise.resolve();
    }
  }

  get readable() {
    if (!isTransformStream(this)) throw new ERR_INVALID_THIS('TransformStream');
    return this[kState].readable;
  }

  get writable() {
    if (!isTransformStream(this)) throw new ERR_INVALID_THIS('TransformStream');
    return this[kState].writable;
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      readable: this.readable,
      writable: this.writable,
      backpressure: this[kState].backpressure,
    });
  }
}

defineClassProperties(TransformStream, ['readable', 'writable']);

class TransformStreamDefaultController {
  [kType] = 'TransformStreamDefaultController';

  constructor(skipThrow = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    if (!isTransformStreamDefaultController(this)) throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    const { readable } = this[kState].stream[kState];
    return readableStreamDefaultControllerGetDesiredSize(readable[kState].controller);
  }

  enqueue(chunk = undefined) {
    if (!isTransformStreamDefaultController(this)) throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    controllerEnqueue(this, chunk);
  }

  error(reason = undefined) {
    if (!isTransformStreamDefaultController(this)) throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    transformStreamError(this[kState].stream, reason);
  }

  terminate() {
    if (!isTransformStreamDefaultController(this)) throw new ERR_INVALID_THIS('TransformStreamDefaultController');
    controllerTerminate(this);
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], { stream: this[kState].stream });
  }
}

defineClassProperties(TransformStreamDefaultController, ['desiredSize', 'enqueue', 'error', 'terminate']);

function initializeTransformStream(stream, startPromise, writableHWM, writableSizeAlgorithm,
                                   readableHWM, readableSizeAlgorithm) {
  const startAlgorithm = () => startPromise;
  const writable = createWritableStream(
    startAlgorithm,
    (chunk) => sinkWriteAlgorithm(stream, chunk),
    () => sinkCloseAlgorithm(stream),
    (reason) => sinkAbortAlgorithm(stream, reason),
    writableHWM,
    writableSizeAlgorithm);
  const readable = createReadableStream(
    startAlgorithm,
    () => sourcePullAlgorithm(stream),
    (reason) => sourceCancelAlgorithm(stream, reason),
    readableHWM,
    readableSizeAlgorithm);
  stream[kState] = {
    readable,
    writable,
    controller: undefined,
    backpressure: undefined,
    backpressureChange: undefined,
  };
  transformStreamSetBackpressure(stream, true);
}

function transformStreamError(stream, error) {
  readableStreamDefaultControllerError(stream[kState].readable[kState].controller, error);
  transformStreamErrorWritableAndUnblockWrite(stream, error);
}

function transformStreamErrorWritableAndUnblockWrite(stream, error) {
  const { controller, writable } = stream[kState];
  controllerClearAlgorithms(controller);
  writableStreamDefaultControllerErrorIfNeeded(writable[kState].controller, error);
  transformStreamUnblockWrite(stream);
}

function transformStreamUnblockWrite(stream) {
  if (stream[kState].backpressure) transformStreamSetBackpressure(stream, false);
}

function transformStreamSetBackpressure(stream, backpressure) {
  const state = stream[kState];
  if (state.backpressureChange !== undefined) state.backpressureChange.resolve();
  state.backpressureChange = createDeferredPromise();
  state.backpressure = backpressure;
}

async function defaultTransformAlgorithm(chunk, controller) {
  controllerEnqueue(controller, chunk);
}

function setupControllerFromTransformer(stream, transformer) {
  const controller = new TransformStreamDefaultController(kSkipThrow);
  const transform = transformer?.transform;
  const flush = transformer?.flush;
  const cancel = transformer?.cancel;
  const transformAlgorithm = transform ?
    createPromiseCallback('transformer.transform', transform, transformer) : defaultTransformAlgorithm;
  const flushAlgorithm = flush ? createPromiseCallback('transformer.flush', flush, transformer) : nonOpFlush;
  const cancelAlgorithm = cancel ? createPromiseCallback('transformer.cancel', cancel, transformer) : nonOpCancel;
  controller[kState] = {
    stream,
    transformAlgorithm,
    flushAlgorithm,
    cancelAlgorithm,
    finishPromise: undefined,
  };
  stream[kState].controller = controller;
}

function controllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.transformAlgorithm = undefined;
  state.flushAlgorithm = undefined;
  state.cancelAlgorithm = undefined;
}

function controllerEnqueue(controller, chunk) {
  const { stream } = controller[kState];
  const { readable } = stream[kState];
  const readableController = readable[kState].controller;
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(readableController)) {
    throw new ERR_INVALID_STATE.TypeError('Unable to enqueue');
  }
  try {
    readableStreamDefaultControllerEnqueue(readableController, chunk);
  } catch (error) {
    transformStreamErrorWritableAndUnblockWrite(stream, error);
    throw readable[kState].storedError;
  }
  const backpressure = readableStreamDefaultControllerHasBackpressure(readableController);
  if (backpressure !== stream[kState].backpressure) transformStreamSetBackpressure(stream, true);
}

async function controllerPerformTransform(controller, chunk) {
  try {
    return await controller[kState].transformAlgorithm(chunk, controller);
  } catch (error) {
    transformStreamError(controller[kState].stream, error);
    throw error;
  }
}

function controllerTerminate(controller) {
  const { stream } = controller[kState];
  readableStreamDefaultControllerClose(stream[kState].readable[kState].controller);
  transformStreamErrorWritableAndUnblockWrite(
    stream, new ERR_INVALID_STATE.TypeError('TransformStream has been terminated'));
}

function sinkWriteAlgorithm(stream, chunk) {
  const { controller } = stream[kState];
  if (stream[kState].backpressure) {
    return stream[kState].backpressureChange.promise.then(() => {
      const { writable } = stream[kState];
      if (writable[kState].state === 'erroring') throw writable[kState].storedError;
      return controllerPerformTransform(controller, chunk);
    });
  }
  return controllerPerformTransform(controller, chunk);
}

// Abort and close of the writable side and cancel of the readable side each finish the
// transform once: the first one runs its algorithm (cancel or flush), and all of them get its
// promise. When the algorithm settles, `other` (the opposite side) is told how it went unless it
// errored meanwhile, in which case that error wins.
function finishTransform(stream, other, run, arg, onFulfilled, onRejected) {
  const { controller } = stream[kState];
  if (controller[kState].finishPromise !== undefined) return controller[kState].finishPromise;
  const { promise, resolve, reject } = createDeferredPromise();
  controller[kState].finishPromise = promise;
  const algorithmPromise = controller[kState][run](arg);
  controllerClearAlgorithms(controller);
  algorithmPromise.then(
    () => {
      if (other[kState].state === 'errored') {
        reject(other[kState].storedError);
      } else {
        onFulfilled(stream);
        resolve();
      }
    },
    (error) => {
      onRejected(stream, error);
      reject(error);
    });
  return promise;
}

async function sinkAbortAlgorithm(stream, reason) {
  const { readable } = stream[kState];
  return finishTransform(stream, readable, 'cancelAlgorithm', reason,
                         () => readableStreamDefaultControllerError(readable[kState].controller, reason),
                         errorReadable);
}

function sinkCloseAlgorithm(stream) {
  const { controller, readable } = stream[kState];
  return finishTransform(stream, readable, 'flushAlgorithm', controller, closeReadable, errorReadable);
}

function closeReadable(stream) {
  readableStreamDefaultControllerClose(stream[kState].readable[kState].controller);
}

function errorReadable(stream, error) {
  readableStreamDefaultControllerError(stream[kState].readable[kState].controller, error);
}

function sourcePullAlgorithm(stream) {
  transformStreamSetBackpressure(stream, false);
  return stream[kState].backpressureChange.promise;
}

function sourceCancelAlgorithm(stream, reason) {
  const { writable } = stream[kState];
  return finishTransform(stream, writable, 'cancelAlgorithm', reason,
                         () => errorWritable(stream, reason), errorWritable);
}

function errorWritable(stream, error) {
  writableStreamDefaultControllerErrorIfNeeded(stream[kState].writable[kState].controller, error);
  transformStreamUnblockWrite(stream);
}

module.exports = {
  TransformStream,
  TransformStreamDefaultController,
  isTransformStream,
  isTransformStreamDefaultController,
};
