'use strict';
// util: Node's util module. The larger pieces live in internal/util/* and load on first use.

const { inspect, format, formatWithOptions, stripVTControlCharacters } = require('internal/util/inspect');
const allTypes = require('internal/util/types');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } } = require('internal/errors');
const {
  validateString, validateBoolean, validateObject, validateOneOf, validateNumber, validateAbortSignal,
} = require('internal/validators');
const { debuglog } = require('internal/util/debuglog');

// util.types in Node's order, each function named as in Node.
const typeNames = ['isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject', 'isBooleanObject',
  'isNumberObject', 'isStringObject', 'isSymbolObject', 'isNativeError', 'isRegExp', 'isAsyncFunction',
  'isGeneratorFunction', 'isGeneratorObject', 'isPromise', 'isMap', 'isSet', 'isMapIterator',
  'isSetIterator', 'isWeakMap', 'isWeakSet', 'isArrayBuffer', 'isDataView', 'isSharedArrayBuffer',
  'isProxy', 'isModuleNamespaceObject', 'isAnyArrayBuffer', 'isBoxedPrimitive', 'isArrayBufferView',
  'isTypedArray', 'isUint8Array', 'isUint8ClampedArray', 'isUint16Array', 'isUint32Array', 'isInt8Array',
  'isInt16Array', 'isInt32Array', 'isFloat32Array', 'isFloat64Array', 'isBigInt64Array',
  'isBigUint64Array', 'isKeyObject', 'isCryptoKey'];
const functionNames = { isArrayBufferView: 'isView', isKeyObject: 'value', isCryptoKey: 'value' };
const types = {};
for (const key of typeNames) {
  const fn = allTypes[key];
  const name = functionNames[key] || key;
  if (fn.name !== name) Object.defineProperty(fn, 'name', { value: name, configurable: true });
  types[key] = fn;
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

function promisify(original) {
  if (typeof original !== 'function') throw new ERR_INVALID_ARG_TYPE('original', 'Function', original);
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('util.promisify.custom', 'Function', fn);
    return Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  }
  const argNames = original[require('internal/util/promisify_args')];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, ...values) => {
        if (err) return reject(err);
        if (argNames === undefined) return resolve(values[0]);
        const obj = {};
        for (let i = 0; i < argNames.length; i++) obj[argNames[i]] = values[i];
        resolve(obj);
      }]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisify;

function callbackify(original) {
  if (typeof original !== 'function') throw new ERR_INVALID_ARG_TYPE('original', 'Function', original);
  function callbackified(...args) {
    const maybeCb = args.pop();
    if (typeof maybeCb !== 'function') throw new ERR_INVALID_ARG_TYPE('last argument', 'Function', maybeCb);
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => {
        if (!rej) {
          const { ERR_FALSY_VALUE_REJECTION } = require('internal/errors').codes;
          const err = new ERR_FALSY_VALUE_REJECTION(rej);
          rej = err;
        }
        process.nextTick(cb, rej);
      });
  }
  Object.defineProperties(callbackified, Object.getOwnPropertyDescriptors(original));
  return callbackified;
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  if (superCtor.prototype === undefined) throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function isDeepStrictEqual(a, b) {
  return require('internal/util/comparisons').isDeepStrictEqual(a, b);
}


// Warned deprecation codes: each code warns once per process, whichever function carries it.
const codesWarned = new Set();
function deprecate(fn, msg, code) {
  if (code !== undefined) validateString(code, 'code');
  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code === undefined) {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      } else if (!codesWarned.has(code)) {
        process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
        codesWarned.add(code);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function escapeStyleCode(code) {
  return `\u001b[${code}m`;
}

function isStreamLike(stream) {
  if (stream === null || typeof stream !== 'object') return false;
  if (typeof ReadableStream === 'function' && stream instanceof ReadableStream) return true;
  if (typeof WritableStream === 'function' && stream instanceof WritableStream) return true;
  return !!(stream._readableState || stream._writableState ||
    (typeof stream.on === 'function' && (typeof stream.write === 'function' || typeof stream.pipe === 'function')));
}

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');
  if (validateStream && !isStreamLike(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  const { colors } = inspect;
  if (Array.isArray(format)) {
    // Node v20 applies a list of formats whatever the stream supports.
    let left = '';
    let right = '';
    for (const key of format) {
      const codes = colors[key];
      if (codes == null) validateOneOf(key, 'format', Object.keys(colors));
      left += escapeStyleCode(codes[0]);
      right = `${escapeStyleCode(codes[1])}${right}`;
    }
    return `${left}${text}${right}`;
  }
  const codes = colors[format];
  if (codes == null) validateOneOf(format, 'format', Object.keys(colors));
  if (validateStream && (!stream || !require('internal/util/colors').shouldColorize(stream))) return text;
  return `${escapeStyleCode(codes[0])}${text}${escapeStyleCode(codes[1])}`;
}

function isAbortSignal(signal) {
  if (signal === null || typeof signal !== 'object') return false;
  const { AbortSignal } = require('internal/abort_controller');
  try {
    Reflect.get(AbortSignal.prototype, 'aborted', signal);
    return true;
  } catch {
    return false;
  }
}

async function aborted(signal, resource) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', { allowArray: true, allowFunction: true });
  if (signal.aborted) return Promise.resolve();
  // Resolves with the abort event, as node's does.
  return new Promise((resolve) => {
    signal.addEventListener('abort', resolve, { once: true });
  });
}

function transferableAbortSignal(signal) {
  if (!isAbortSignal(signal)) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  // Node returns a new object with the signal's prototype and a copy of its own properties
  // (the state at this moment; listeners are shared).
  const copy = Object.create(Object.getPrototypeOf(signal));
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(signal));
  return copy;
}

function transferableAbortController() {
  const { AbortController } = require('internal/abort_controller');
  return new AbortController();
}

let uvErrors;
function uvEntry(err) {
  if (uvErrors === undefined) {
    uvErrors = new Map();
    for (const [errno, name, message] of require('internal/util/uv_errors')) uvErrors.set(errno, [name, message]);
  }
  return uvErrors.get(err);
}

function getSystemErrorName(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  const entry = uvEntry(err);
  return entry === undefined ? `Unknown system error ${err}` : entry[0];
}

function getSystemErrorMap() {
  uvEntry(0);
  const map = new Map();
  for (const [errno, [name, message]] of uvErrors) map.set(errno, [name, message]);
  return map;
}

// Node builds this error without stack frames.
function errorWithoutFrames(message) {
  const err = new Error(message);
  Object.defineProperty(err, 'stack', { value: `Error: ${message}`, writable: true, configurable: true, enumerable: false });
  return err;
}

function _errnoException(err, syscall, original) {
  const code = getSystemErrorName(err);
  const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
  const ex = errorWithoutFrames(message);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}

function _exceptionWithHostPort(err, syscall, address, port, additional) {
  const entry = uvEntry(err);
  const code = entry === undefined ? `Unknown system error ${err}` : entry[0];
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  if (additional) details += ` - Local (${additional})`;
  const ex = new Error(`${syscall} ${code}${details}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return ex;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n) => String(n).padStart(2, '0');
function log(...args) {
  const d = new Date();
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  console.log('%s - %s', `${d.getDate()} ${months[d.getMonth()]} ${time}`, format(...args));
}

function parseEnv(content) {
  validateString(content, 'content');
  return require('internal/util/parse_env').parseEnv(content);
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

function isBoolean(arg) { return typeof arg === 'boolean'; }
function isBuffer(arg) { return require('buffer').Buffer.isBuffer(arg); }
function isNull(arg) { return arg === null; }
function isNullOrUndefined(arg) { return arg === null || arg === undefined; }
function isNumber(arg) { return typeof arg === 'number'; }
function isString(arg) { return typeof arg === 'string'; }
function isSymbol(arg) { return typeof arg === 'symbol'; }
function isUndefined(arg) { return arg === undefined; }
function isObject(arg) { return arg !== null && typeof arg === 'object'; }
function isError(e) { return Object.prototype.toString.call(e) === '[object Error]' || e instanceof Error; }
function isFunction(arg) { return typeof arg === 'function'; }
function isPrimitive(arg) { return arg === null || (typeof arg !== 'object' && typeof arg !== 'function'); }
function toUSVString(input) { return `${input}`.toWellFormed(); }

module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual,
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp: types.isRegExp,
  isObject,
  isDate: types.isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString,
};

// Loaded on first use, as Node does: getters only for these three...
for (const [name, value] of [['transferableAbortSignal', transferableAbortSignal],
  ['transferableAbortController', transferableAbortController], ['aborted', aborted]]) {
  Object.defineProperty(module.exports, name, {
    get: { [`get ${name}`]() { return value; } }[`get ${name}`],
    enumerable: true,
    configurable: true,
  });
}
module.exports.types = types;
module.exports.parseEnv = parseEnv;

// ...and getter/setter pairs for these, whose setters replace the value.
function defineLazy(name, load) {
  let value;
  let loaded = false;
  Object.defineProperty(module.exports, name, {
    get: { [`get ${name}`]() {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    } }[`get ${name}`],
    set: { [`set ${name}`](v) {
      value = v;
      loaded = true;
    } }[`set ${name}`],
    enumerable: true,
    configurable: true,
  });
}
defineLazy('parseArgs', () => require('internal/util/parse_args').parseArgs);
defineLazy('TextDecoder', () => globalThis.TextDecoder);
defineLazy('TextEncoder', () => globalThis.TextEncoder);
defineLazy('MIMEType', () => require('internal/util/mime').MIMEType);
defineLazy('MIMEParams', () => require('internal/util/mime').MIMEParams);
