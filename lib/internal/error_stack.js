'use strict';
// `error.stack` in V8's format on top of SpiderMonkey's saved frames:
//   Error: message
//       at fn (/abs/file.js:3:9)
// plus Error.captureStackTrace(obj, fn), Error.stackTraceLimit and
// Error.prepareStackTrace(error, callSites) with CallSite objects, which packages such as depd,
// callsites and source-map-support rely on. Stacks are formatted lazily, on first read, like V8.

const smStack = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');
const smCapture = Error.captureStackTrace;
const kRawFrames = Symbol('kRawFrames');

// The CommonJS wrapper function is compiled with this name; V8 shows such frames as
// `Object.<anonymous>`.
const kModuleWrapperName = '__lode_module__';

// SpiderMonkey frame: `name@file:line:col`, optionally prefixed by `async*`.
const frameRe = /^(async\*)?(.*?)@(.*):(\d+):(\d+)$/;

function parseFrames(raw) {
  const frames = [];
  if (typeof raw !== 'string') return frames;
  for (const line of raw.split('\n')) {
    if (line === '') continue;
    const m = frameRe.exec(line);
    if (m === null) continue;
    let name = m[2];
    let file = m[3];
    // Functions inside eval: `@file line 3 > eval:1:1`.
    const evalIdx = file.indexOf(' line ');
    let isEval = false;
    if (evalIdx !== -1 && / > (eval|Function)/.test(file)) {
      isEval = true;
      file = file.slice(0, evalIdx);
    }
    frames.push({
      async: m[1] !== undefined,
      name: cleanName(name),
      file,
      line: +m[4],
      column: +m[5],
      isEval,
    });
  }
  return frames;
}

// SpiderMonkey's inferred names look like `outer/inner<`, `obj.method` or `Foo/<`; V8 shows the
// plain name, or none for anonymous functions.
function cleanName(name) {
  if (name === kModuleWrapperName) return 'Object.<anonymous>';
  if (name === '') return '';
  if (name.endsWith('/<') || name.endsWith('<')) {
    const stripped = name.replace(/\/<+$/, '').replace(/<+$/, '');
    const slash = stripped.lastIndexOf('/');
    if (name.endsWith('/<')) return '';
    return slash === -1 ? stripped : stripped.slice(slash + 1);
  }
  const slash = name.lastIndexOf('/');
  if (slash !== -1) return name.slice(slash + 1);
  return name;
}

// Frames of the machinery that builds errors are not shown, as V8 hides its own.
function isInternalFrame(f) {
  return f.file === 'node:internal/bootstrap' || f.file === 'node:internal/error_stack' ||
    (f.file === 'node:internal/errors' && (f.name === 'NodeError' || f.name === 'uvException' || f.name === 'errnoException'));
}

function frameToString(f) {
  const location = `${f.file}:${f.line}:${f.column}`;
  const prefix = f.async ? 'async ' : '';
  if (f.name) return `${prefix}${f.name} (${location})`;
  return `${prefix}${location}`;
}

class CallSite {
  #frame;
  #fn;
  #receiver;
  constructor(frame, fn, receiver) {
    this.#frame = frame;
    this.#fn = fn;
    this.#receiver = receiver;
  }
  getThis() { return undefined; }
  getTypeName() {
    return this.#frame.name === 'Object.<anonymous>' ? 'Object' : null;
  }
  getFunction() { return undefined; }
  getFunctionName() {
    const n = this.#frame.name;
    if (!n) return null;
    if (n === 'Object.<anonymous>') return null;
    return n;
  }
  getMethodName() { return null; }
  getFileName() { return this.#frame.file || undefined; }
  getLineNumber() { return this.#frame.line; }
  getColumnNumber() { return this.#frame.column; }
  getEnclosingLineNumber() { return this.#frame.line; }
  getEnclosingColumnNumber() { return this.#frame.column; }
  getEvalOrigin() { return this.#frame.isEval ? this.#frame.file : undefined; }
  getScriptNameOrSourceURL() { return this.#frame.file; }
  getScriptHash() { return ''; }
  getPosition() { return 0; }
  getPromiseIndex() { return null; }
  isToplevel() { return this.#frame.name === 'Object.<anonymous>' || !this.#frame.name; }
  isEval() { return this.#frame.isEval; }
  isNative() { return false; }
  isConstructor() { return false; }
  isAsync() { return this.#frame.async; }
  isPromiseAll() { return false; }
  toString() { return frameToString(this.#frame); }
}

function errorHeader(err) {
  try {
    const special = errorsModule().nodeErrorHeader(err);
    if (special !== undefined) return special;
  } catch { /* fall through */ }
  let name;
  let message;
  try { name = err.name; } catch { name = undefined; }
  try { message = err.message; } catch { message = undefined; }
  name = name === undefined ? 'Error' : String(name);
  message = message === undefined ? '' : String(message);
  if (typeof InternalError === 'function' && err instanceof InternalError && message === 'too much recursion') {
    message = 'Maximum call stack size exceeded';
  }
  if (name === '') return message;
  if (message === '') return name;
  return `${name}: ${message}`;
}

let errorsCache;
function errorsModule() {
  if (errorsCache === undefined) errorsCache = require('internal/errors');
  return errorsCache;
}

function limitFrames(frames) {
  let limit = Error.stackTraceLimit;
  if (typeof limit !== 'number' || Number.isNaN(limit)) return [];
  limit = Math.max(0, Math.floor(limit));
  return frames.slice(0, limit);
}

let formatting = false;
function formatStack(err, frames) {
  frames = limitFrames(frames.filter((f) => !isInternalFrame(f)));
  const prepare = Error.prepareStackTrace;
  if (typeof prepare === 'function' && !formatting) {
    formatting = true;
    try {
      return prepare(err, frames.map((f) => new CallSite(f)));
    } finally {
      formatting = false;
    }
  }
  let out = errorHeader(err);
  for (const f of frames) out += `\n    at ${frameToString(f)}`;
  return out;
}

function defineStack(obj, value) {
  Object.defineProperty(obj, 'stack', {
    value, writable: true, enumerable: false, configurable: true,
  });
}

function install() {
  Object.defineProperty(Error.prototype, 'stack', {
    get() {
      let raw;
      try {
        raw = smStack.get.call(this);
      } catch {
        return undefined;
      }
      if (raw === undefined) return undefined;
      const stack = formatStack(this, parseFrames(raw));
      defineStack(this, stack);
      return stack;
    },
    set(value) {
      defineStack(this, value);
    },
    enumerable: false,
    configurable: true,
  });

  Error.captureStackTrace = function captureStackTrace(obj, constructorOpt) {
    if (obj === null || typeof obj !== 'object') {
      const { ERR_INVALID_ARG_TYPE } = errorsModule().codes;
      throw new ERR_INVALID_ARG_TYPE('object', 'Object', obj);
    }
    const holder = {};
    smCapture(holder, typeof constructorOpt === 'function' ? constructorOpt : captureStackTrace);
    const frames = parseFrames(holder.stack);
    let cached;
    Object.defineProperty(obj, 'stack', {
      get() {
        if (cached === undefined) cached = formatStack(obj, frames);
        return cached;
      },
      set(value) {
        defineStack(obj, value);
      },
      enumerable: false,
      configurable: true,
    });
  };
  if (typeof Error.stackTraceLimit !== 'number') Error.stackTraceLimit = 10;

  // SpiderMonkey reports deep recursion as InternalError('too much recursion'); Node code
  // expects RangeError('Maximum call stack size exceeded').
  if (typeof InternalError === 'function') {
    Object.setPrototypeOf(InternalError.prototype, RangeError.prototype);
    Object.defineProperty(InternalError.prototype, 'name', { value: 'RangeError', writable: true, configurable: true, enumerable: false });
    Object.defineProperty(InternalError.prototype, 'constructor', { value: RangeError, writable: true, configurable: true, enumerable: false });
  }
}

// The frames of `err` (for the fatal exception report's source line).
function firstFrame(err) {
  try {
    const raw = smStack.get.call(err);
    const frames = parseFrames(raw).filter((f) => !isInternalFrame(f));
    return frames[0];
  } catch {
    return undefined;
  }
}

module.exports = { install, firstFrame, kModuleWrapperName, parseFrames, CallSite, kRawFrames };
