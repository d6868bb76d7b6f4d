'use strict';
// CompressionStream and DecompressionStream. They need zlib, which Lode lacks yet, so
// constructing one throws ERR_NOT_IMPLEMENTED.

const {
  codes: { ERR_INVALID_THIS, ERR_NOT_IMPLEMENTED },
} = require('internal/errors');

const kTransform = Symbol('kTransform');

function makeClass(name) {
  const cls = {
    [name]: class {
      constructor(format) {
        throw new ERR_NOT_IMPLEMENTED(name);
      }

      get readable() {
        if (this?.[kTransform] === undefined) throw new ERR_INVALID_THIS(name);
        return this[kTransform].readable;
      }

      get writable() {
        if (this?.[kTransform] === undefined) throw new ERR_INVALID_THIS(name);
        return this[kTransform].writable;
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
