'use strict';
// process.stdout / process.stderr: synchronous writes, as Node does for files, TTYs and (on
// Linux) pipes. The full stream machinery arrives with the `stream` module; these objects carry
// the Writable surface programs use (write, end, once('drain'), isTTY, columns).

const EventEmitter = require('events');
const binding = internalBinding('process');

function createWritableStdio(fd) {
  const stream = new EventEmitter();
  stream.fd = fd;
  stream._type = binding.isatty(fd) ? 'tty' : 'fs';
  stream._isStdio = true;
  stream.isTTY = binding.isatty(fd) ? true : undefined;
  if (stream.isTTY) {
    Object.defineProperty(stream, 'columns', { get() { const s = binding.ttySize(fd); return s < 0 ? undefined : Math.floor(s / 65536); }, enumerable: true, configurable: true });
    Object.defineProperty(stream, 'rows', { get() { const s = binding.ttySize(fd); return s < 0 ? undefined : s % 65536; }, enumerable: true, configurable: true });
  }
  stream.writable = true;
  stream.writableLength = 0;
  stream.writableHighWaterMark = 16384;
  stream.writableEnded = false;
  stream.writableFinished = false;
  stream.destroyed = false;
  stream.write = function write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    let r;
    if (typeof chunk === 'string') {
      r = binding.writeString(fd, chunk);
    } else if (chunk instanceof Uint8Array) {
      r = binding.writeBytes(fd, chunk);
    } else {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (r < 0) {
      const err = require('internal/errors').errnoException(r, 'write');
      if (typeof cb === 'function') process.nextTick(cb, err);
      if (err.code === 'EPIPE') return false;
      process.nextTick(() => stream.emit('error', err));
      return false;
    }
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  };
  stream.end = function end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = undefined;
    }
    if (chunk !== undefined && chunk !== null) stream.write(chunk, encoding);
    if (typeof cb === 'function') process.nextTick(cb);
    return stream;
  };
  stream.cork = () => {};
  stream.uncork = () => {};
  stream.setDefaultEncoding = () => stream;
  stream.destroySoon = stream.destroy = () => stream;
  stream._destroy = (err, cb) => cb(err);
  stream.getColorDepth = function getColorDepth(env = process.env) {
    if (env.FORCE_COLOR !== undefined) {
      switch (env.FORCE_COLOR) {
        case '': case '1': case 'true': return 4;
        case '2': return 8;
        case '3': return 24;
        default: return 1;
      }
    }
    if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return 1;
    if (!stream.isTTY) return 1;
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
    if (env.TERM && (/-256(color)?$/.test(env.TERM))) return 8;
    return 4;
  };
  stream.hasColors = function hasColors(count, env) {
    if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
      env = count;
      count = 16;
    }
    return count <= 2 ** stream.getColorDepth(env);
  };
  stream.getWindowSize = () => [stream.columns, stream.rows];
  return stream;
}

function createStdin() {
  const stdin = new EventEmitter();
  stdin.fd = 0;
  stdin.isTTY = binding.isatty(0) ? true : undefined;
  stdin.readable = true;
  stdin.setEncoding = () => stdin;
  stdin.setRawMode = () => stdin;
  stdin.pause = () => stdin;
  stdin.resume = () => stdin;
  stdin.unref = () => stdin;
  stdin.ref = () => stdin;
  stdin.read = () => {
    const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
    throw new ERR_NOT_IMPLEMENTED('process.stdin.read');
  };
  return stdin;
}

module.exports = { createWritableStdio, createStdin };
