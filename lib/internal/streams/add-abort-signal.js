'use strict';
// stream.addAbortSignal(signal, stream): aborting the signal destroys the stream with an
// AbortError (or errors a web stream's controller).

const {
  AbortError,
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const {
  isNodeStream,
  isWebStream,
  kControllerErrorFunction,
  SymbolDispose,
} = require('internal/streams/utils');
const eos = require('internal/streams/end-of-stream');

function isSignal(signal) {
  return typeof signal === 'object' && signal !== null && 'aborted' in signal;
}

function addAbortSignal(signal, stream) {
  // Unlike validateAbortSignal, undefined is refused here too.
  if (!isSignal(signal)) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  if (!isNodeStream(stream) && !isWebStream(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  return addAbortSignalNoValidate(signal, stream);
}

function addAbortSignalNoValidate(signal, stream) {
  if (!isSignal(signal)) return stream;
  const onAbort = () => {
    const err = new AbortError(undefined, { cause: signal.reason });
    if (isNodeStream(stream)) stream.destroy(err);
    else stream[kControllerErrorFunction](err);
  };
  if (signal.aborted) {
    onAbort();
  } else {
    const disposable = require('events').addAbortListener(signal, onAbort);
    eos(stream, disposable[SymbolDispose]);
  }
  return stream;
}

module.exports = { addAbortSignal, addAbortSignalNoValidate };
