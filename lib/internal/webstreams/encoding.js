'use strict';
// TextEncoderStream and TextDecoderStream: a TextEncoder/TextDecoder over a TransformStream.

const {
  codes: { ERR_INVALID_THIS },
} = require('internal/errors');
const { TextEncoder, TextDecoder } = require('internal/encoding');
const { TransformStream } = require('internal/webstreams/transformstream');
const { kInspect, customInspect } = require('internal/webstreams/util');

const kHandle = Symbol('kHandle');
const kTransform = Symbol('kTransform');
const kType = Symbol('kType');
const kPendingHighSurrogate = Symbol('kPendingHighSurrogate');

function brand(name) {
  return (value) => typeof value?.[kHandle] === 'object' && value?.[kType] === name;
}
const isTextEncoderStream = brand('TextEncoderStream');
const isTextDecoderStream = brand('TextDecoderStream');

class TextEncoderStream {
  constructor() {
    this[kPendingHighSurrogate] = null;
    this[kType] = 'TextEncoderStream';
    this[kHandle] = new TextEncoder();
    this[kTransform] = new TransformStream({
      transform: (chunk, controller) => {
        // A lone surrogate at a chunk's end may pair with the next chunk's first code unit.
        let text = String(chunk);
        if (this[kPendingHighSurrogate] !== null) {
          text = this[kPendingHighSurrogate] + text;
          this[kPendingHighSurrogate] = null;
        }
        const last = text.length > 0 ? text.charCodeAt(text.length - 1) : 0;
        if (last >= 0xD800 && last <= 0xDBFF) {
          this[kPendingHighSurrogate] = text[text.length - 1];
          text = text.slice(0, -1);
        }
        if (text.length > 0) controller.enqueue(this[kHandle].encode(text));
      },
      flush: (controller) => {
        if (this[kPendingHighSurrogate] !== null) controller.enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
      },
    });
  }

  [kInspect](depth, options) {
    if (!isTextEncoderStream(this)) throw new ERR_INVALID_THIS('TextEncoderStream');
    return customInspect(depth, options, 'TextEncoderStream', {
      encoding: this[kHandle].encoding,
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    });
  }
}

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = {}) {
    this[kType] = 'TextDecoderStream';
    this[kHandle] = new TextDecoder(encoding, options);
    this[kTransform] = new TransformStream({
      transform: (chunk, controller) => {
        const value = this[kHandle].decode(chunk, { stream: true });
        if (value) controller.enqueue(value);
      },
      flush: (controller) => {
        const value = this[kHandle].decode();
        if (value) controller.enqueue(value);
        controller.terminate();
      },
    });
  }

  [kInspect](depth, options) {
    if (!isTextDecoderStream(this)) throw new ERR_INVALID_THIS('TextDecoderStream');
    return customInspect(depth, options, 'TextDecoderStream', {
      encoding: this[kHandle].encoding,
      fatal: this[kHandle].fatal,
      ignoreBOM: this[kHandle].ignoreBOM,
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    });
  }
}

// The public getters, brand-checked, enumerable like WebIDL attributes and named `get <key>`:
// each reads one value of the TextEncoder/TextDecoder or of the TransformStream.
function defineGetters(Class, isInstance, keys) {
  const name = Class.name;
  for (const key of keys) {
    const slot = key === 'readable' || key === 'writable' ? kTransform : kHandle;
    const descriptor = Object.getOwnPropertyDescriptor({
      get [key]() {
        if (!isInstance(this)) throw new ERR_INVALID_THIS(name);
        return this[slot][key];
      },
    }, key);
    Object.defineProperty(Class.prototype, key, descriptor);
  }
}

defineGetters(TextEncoderStream, isTextEncoderStream, ['encoding', 'readable', 'writable']);
defineGetters(TextDecoderStream, isTextDecoderStream, ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']);

module.exports = {
  TextEncoderStream,
  TextDecoderStream,
};
