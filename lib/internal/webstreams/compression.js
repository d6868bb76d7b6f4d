'use strict';
// CompressionStream and DecompressionStream: a zlib stream seen through the web stream
// adapters. Until Lode has zlib, constructing one with a valid format throws ERR_NOT_IMPLEMENTED.

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS, ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { kInspect, customInspect } = require('internal/webstreams/util');

const kHandle = Symbol('kHandle');
const kTransform = Symbol('kTransform');
const kType = Symbol('kType');

// The zlib factory for each format, for compressing and for decompressing.
const factories = {
  CompressionStream: { 'deflate': 'createDeflate', 'deflate-raw': 'createDeflateRaw', 'gzip': 'createGzip' },
  DecompressionStream: { 'deflate': 'createInflate', 'deflate-raw': 'createInflateRaw', 'gzip': 'createGunzip' },
};

function makeClass(name) {
  const isInstance = (value) => typeof value?.[kHandle] === 'object' && value?.[kType] === name;
  const cls = {
    [name]: class {
      constructor(format) {
        this[kType] = name;
        const factory = typeof format === 'string' && Object.hasOwn(factories[name], format) ?
          factories[name][format] : undefined;
        if (factory === undefined) throw new ERR_INVALID_ARG_VALUE('format', format);
        try {
          this[kHandle] = require('zlib')[factory]();
        } catch (error) {
          if (error?.code === 'ERR_NOT_IMPLEMENTED') throw new ERR_NOT_IMPLEMENTED(name);
          throw error;
        }
        this[kTransform] = require('internal/webstreams/adapters').newReadableWritablePairFromDuplex(this[kHandle]);
      }

      get readable() {
        if (!isInstance(this)) throw new ERR_INVALID_THIS(name);
        return this[kTransform].readable;
      }

      get writable() {
        if (!isInstance(this)) throw new ERR_INVALID_THIS(name);
        return this[kTransform].writable;
      }

      [kInspect](depth, options) {
        if (!isInstance(this)) throw new ERR_INVALID_THIS(name);
        return customInspect(depth, options, name, {
          readable: this[kTransform].readable,
          writable: this[kTransform].writable,
        });
      }
    },
  }[name];
  Object.defineProperty(cls.prototype, 'readable', { enumerable: true });
  Object.defineProperty(cls.prototype, 'writable', { enumerable: true });
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: name, configurable: true });
  return cls;
}

const CompressionStream = makeClass('CompressionStream');
const DecompressionStream = makeClass('DecompressionStream');

module.exports = {
  CompressionStream,
  DecompressionStream,
};
