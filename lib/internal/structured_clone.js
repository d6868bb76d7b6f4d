'use strict';
// structuredClone: the HTML structured clone algorithm for the types Node supports.

const types = require('internal/util/types');

function dataCloneError(message) {
  const { DOMException } = require('internal/event_target');
  return new DOMException(message, 'DataCloneError');
}

function structuredClone(value, options = undefined) {
  if (arguments.length === 0) {
    const { ERR_MISSING_ARGS } = require('internal/errors').codes;
    throw new ERR_MISSING_ARGS('value');
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const transfer = options && options.transfer ? Array.from(options.transfer) : [];
  const memory = new Map();
  const result = clone(value, memory);
  for (const t of transfer) {
    if (types.isArrayBuffer(t) && typeof t.transfer === 'function') t.transfer();
  }
  return result;
}

const errorConstructors = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };

function clone(value, memory) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    if (typeof value === 'symbol') throw dataCloneError(`${String(value)} could not be cloned.`);
    return value;
  }
  if (memory.has(value)) return memory.get(value);
  if (typeof value === 'function') {
    throw dataCloneError(`${Function.prototype.toString.call(value).split('\n')[0].slice(0, 60)} could not be cloned.`);
  }
  let out;
  if (types.isBoxedPrimitive(value)) {
    if (types.isSymbolObject(value)) throw dataCloneError('Symbol object could not be cloned.');
    out = Object(value.valueOf());
    memory.set(value, out);
    return out;
  }
  if (types.isDate(value)) {
    out = new Date(value.getTime());
    memory.set(value, out);
    return out;
  }
  if (types.isRegExp(value)) {
    out = new RegExp(value.source, value.flags);
    memory.set(value, out);
    return out;
  }
  if (types.isArrayBuffer(value)) {
    out = value.slice(0);
    memory.set(value, out);
    return out;
  }
  if (types.isSharedArrayBuffer(value)) {
    memory.set(value, value);
    return value;
  }
  if (ArrayBuffer.isView(value)) {
    const buffer = clone(value.buffer, memory);
    if (types.isDataView(value)) {
      out = new DataView(buffer, value.byteOffset, value.byteLength);
    } else {
      const name = types.typedArrayTag(value);
      const Ctor = name === 'Uint8Array' ? Uint8Array : globalThis[name];
      out = new Ctor(buffer, value.byteOffset, value.length);
    }
    memory.set(value, out);
    return out;
  }
  if (types.isMap(value)) {
    out = new Map();
    memory.set(value, out);
    for (const [k, v] of value) out.set(clone(k, memory), clone(v, memory));
    return out;
  }
  if (types.isSet(value)) {
    out = new Set();
    memory.set(value, out);
    for (const v of value) out.add(clone(v, memory));
    return out;
  }
  if (types.isNativeError(value)) {
    const name = value.name;
    const Ctor = Object.prototype.hasOwnProperty.call(errorConstructors, name) ? errorConstructors[name] : Error;
    out = Object.create(Ctor.prototype);
    memory.set(value, out);
    const msgDesc = Object.getOwnPropertyDescriptor(value, 'message');
    if (msgDesc && 'value' in msgDesc) {
      Object.defineProperty(out, 'message', { value: String(msgDesc.value), writable: true, enumerable: false, configurable: true });
    }
    Object.defineProperty(out, 'stack', { value: value.stack, writable: true, enumerable: false, configurable: true });
    if ('cause' in value) {
      Object.defineProperty(out, 'cause', { value: clone(value.cause, memory), writable: true, enumerable: false, configurable: true });
    }
    return out;
  }
  const blobs = require('internal/buffer_blob');
  if (blobs.isBlob(value)) {
    out = blobs.cloneBlob(value);
    memory.set(value, out);
    return out;
  }
  if (types.isPromise(value) || types.isWeakMap(value) || types.isWeakSet(value) || types.isProxy(value)) {
    throw dataCloneError(`${Object.prototype.toString.call(value).slice(8, -1)} object could not be cloned.`);
  }
  if (Array.isArray(value)) {
    out = new Array(value.length);
    memory.set(value, out);
    for (const key of Object.keys(value)) out[key] = clone(value[key], memory);
    return out;
  }
  const ctorName = Object.prototype.toString.call(value);
  if (ctorName !== '[object Object]' && ctorName !== '[object Arguments]' && typeof value[Symbol.toStringTag] !== 'string') {
    throw dataCloneError(`${ctorName.slice(8, -1)} object could not be cloned.`);
  }
  out = {};
  memory.set(value, out);
  for (const key of Object.keys(value)) out[key] = clone(value[key], memory);
  return out;
}

module.exports = { structuredClone };
