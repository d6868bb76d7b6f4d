'use strict';
// `error.stack` in V8's format on top of SpiderMonkey's saved frames:
//   Error: message
//       at fn (/abs/file.js:3:9)
// plus Error.captureStackTrace(obj, fn), Error.stackTraceLimit and
// Error.prepareStackTrace(error, callSites) with CallSite objects, which packages such as depd,
// callsites and source-map-support rely on. Stacks are formatted lazily, on first read, like V8.

const smStack = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');
const smCapture = Error.captureStackTrace;

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
  // `f<` and `f/<`: an anonymous function inside f's initializer or body.
  if (name === '' || name.endsWith('<')) return '';
  const slash = name.lastIndexOf('/');
  if (slash !== -1) return name.slice(slash + 1);
  return name;
}

// Frames of the machinery that builds errors are not shown, as V8 hides its own.
function isInternalFrame(f) {
  return f.file === 'node:internal/bootstrap' || f.file === 'node:internal/error_stack' ||
    (f.file === 'node:internal/errors' && (f.name === 'NodeError' || f.name === 'uvException' || f.name === 'errnoException'));
}

// Built-in methods Lode writes in JavaScript show as V8's built-ins do: one frame,
// `Array.sort (<anonymous>)`, with no file or line.
const builtinFiles = {
  __proto__: null,
  'node:internal/array_sort': 'Array',
  'node:internal/builtin_replacements': (name) => (name === 'parse' ? 'JSON' : 'Array'),
};
function collapseBuiltinFrames(frames) {
  let out;
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    let typeName = builtinFiles[f.file];
    if (typeName === undefined) {
      if (out !== undefined) out.push(f);
      continue;
    }
    if (out === undefined) out = frames.slice(0, i);
    // The outermost frame of the run is the method itself.
    let j = i;
    while (j + 1 < frames.length && builtinFiles[frames[j + 1].file] !== undefined) j++;
    const method = frames[j].name;
    typeName = builtinFiles[frames[j].file];
    if (typeof typeName === 'function') typeName = typeName(method);
    out.push({ async: false, name: `${typeName}.${method}`, typeName, method, file: '', line: null, column: null, builtin: true });
    i = j;
  }
  return out === undefined ? frames : out;
}

function frameToString(f) {
  if (f.builtin) return `${f.name} (<anonymous>)`;
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
    if (this.#frame.builtin) return this.#frame.typeName;
    return this.#frame.name === 'Object.<anonymous>' ? 'Object' : null;
  }
  getFunction() { return undefined; }
  getFunctionName() {
    const n = this.#frame.name;
    if (!n) return null;
    if (n === 'Object.<anonymous>') return null;
    return this.#frame.builtin ? this.#frame.method : n;
  }
  getMethodName() { return this.#frame.builtin ? this.#frame.method : null; }
  getFileName() { return this.#frame.builtin ? null : this.#frame.file || undefined; }
  getLineNumber() { return this.#frame.line; }
  getColumnNumber() { return this.#frame.column; }
  getEnclosingLineNumber() { return this.#frame.line; }
  getEnclosingColumnNumber() { return this.#frame.column; }
  getEvalOrigin() { return this.#frame.isEval ? this.#frame.file : undefined; }
  getScriptNameOrSourceURL() { return this.#frame.file; }
  getScriptHash() { return ''; }
  getPosition() { return 0; }
  getPromiseIndex() { return null; }
  isToplevel() { return !this.#frame.builtin && (this.#frame.name === 'Object.<anonymous>' || !this.#frame.name); }
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
  if (isEngineError(err)) message = v8Message(message);
  if (name === '') return message;
  if (message === '') return name;
  return `${name}: ${message}`;
}

// SpiderMonkey's wording of common engine errors, shown in V8's wording wherever Lode prints an
// error (stack headers, console.log, uncaught reports). `error.message` itself keeps the
// engine's text: SpiderMonkey has no hook where it could be changed.
const unquote = (s) => (s.length > 1 && s[0] === '"' && s[s.length - 1] === '"' ? s.slice(1, -1) : s);
const messageRewrites = [
  [/^can't access property (.+) of (undefined|null)$/, (m) => `Cannot read properties of ${m[2]} (reading '${unquote(m[1])}')`],
  [/^can't access property (.+), .+ is (undefined|null)$/, (m) => `Cannot read properties of ${m[2]} (reading '${unquote(m[1])}')`],
  [/^(.+) has no properties$/, (m) => `Cannot read properties of ${m[1]}`],
  [/^invalid assignment to const '(.+)'$/, () => 'Assignment to constant variable.'],
  [/^can't access lexical declaration '(.+)' before initialization$/, (m) => `Cannot access '${m[1]}' before initialization`],
  [/^cyclic object value$/, () => 'Converting circular structure to JSON'],
  [/^invalid array length$/, () => 'Invalid array length'],
  [/^can't convert BigInt to number$/, () => 'Cannot mix BigInt and other types, use explicit conversions'],
  [/^can't convert symbol to string$/, () => 'Cannot convert a Symbol value to a string'],
  [/^reduce of empty array with no initial value$/, () => 'Reduce of empty array with no initial value'],
  [/^too much recursion$/, () => 'Maximum call stack size exceeded'],
  // Syntax errors.
  [/^expected expression, got end of script$/, () => 'Unexpected end of input'],
  [/^expected expression, got '(.+)'$/, (m) => `Unexpected token '${m[1]}'`],
  [/^unexpected token: '(.+)'$/, (m) => `Unexpected token '${m[1]}'`],
  [/^redeclaration of (?:let|const|class|var|function|formal parameter) (.+)$/, (m) => `Identifier '${m[1]}' has already been declared`],
  [/^unterminated string literal$/, () => 'Invalid or unexpected token'],
];

function v8Message(message) {
  for (const [re, fn] of messageRewrites) {
    const m = re.exec(message);
    if (m !== null) return fn(m);
  }
  return message;
}

let errorsCache;
function errorsModule() {
  if (errorsCache === undefined) errorsCache = require('internal/errors');
  return errorsCache;
}

function limitFrames(frames) {
  let limit;
  try {
    limit = Error.stackTraceLimit;
  } catch {
    limit = 10;
  }
  if (typeof limit !== 'number' || Number.isNaN(limit)) return [];
  limit = Math.max(0, Math.floor(limit));
  return frames.slice(0, limit);
}

// Lode's own internal frames are shown as the frames node v20.20.2 shows at the same points,
// so printed stacks read the same under both.
const cjsLoader = 'node:internal/modules/cjs/loader';
const internalFrameMap = {
  __proto__: null,
  'node:internal/modules/cjs|Module.prototype._compile': [`Module._compile (${cjsLoader}:1521:14)`],
  'node:internal/modules/cjs|Module._extensions[".js"]': [`Module._extensions..js (${cjsLoader}:1623:10)`],
  'node:internal/modules/cjs|Module._extensions[".json"]': [`Module._extensions..json (${cjsLoader}:1650:39)`],
  'node:internal/modules/cjs|Module.prototype.load': [`Module.load (${cjsLoader}:1266:32)`],
  'node:internal/modules/cjs|Module._load': [`Module._load (${cjsLoader}:1091:12)`],
  'node:internal/modules/cjs|Module.prototype.require': [`Module.require (${cjsLoader}:1289:19)`],
  'node:internal/modules/cjs|require': ['require (node:internal/modules/helpers:182:18)'],
  'node:internal/modules/cjs|Module.runMain': ['Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)'],
  'node:events|emit': ['EventEmitter.emit (node:events:524:28)'],
  'node:events|onceWrapper': ['Object.onceWrapper (node:events:638:28)'],
};
const evalTail = (kind) => [
  'runScriptInThisContext (node:internal/vm:209:10)',
  'node:internal/process/execution:118:14',
  `[${kind}]-wrapper:6:24`,
  'runScript (node:internal/process/execution:101:62)',
  'evalScript (node:internal/process/execution:133:3)',
  kind === 'eval' ? 'node:internal/main/eval_string:51:3' : 'node:internal/main/eval_stdin:32:5',
];

function toNodeFrames(frames) {
  const out = [];
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    if (f.async) {
      // Resumed after an await: V8 shows the awaiting async functions, then the microtask
      // drain; SpiderMonkey also lists the original synchronous callers.
      for (let j = i; j < frames.length; j++) {
        const a = frames[j];
        if (a.async && a.name && a.name !== 'Object.<anonymous>' && !a.file.startsWith('node:')) {
          out.push(frameToString(a));
        }
      }
      out.push('process.processTicksAndRejections (node:internal/process/task_queues:95:5)');
      return out;
    }
    if (!f.file.startsWith('node:')) {
      adjustCallColumn(f);
      out.push(frameToString(f));
      continue;
    }
    const mapped = internalFrameMap[`${f.file}|${f.name}`];
    if (mapped !== undefined) {
      if (f.file === 'node:events' && out.length > 0) renameCallee(out, frames[i - 1], 'EventEmitter.', '');
      out.push(...mapped);
      continue;
    }
    switch (`${f.file}|${f.name}`) {
      case 'node:internal/bootstrap_node|runMain': {
        const prev = frames[i - 1];
        if (prev && (prev.file === '[eval]' || prev.file === '[stdin]')) out.push(...evalTail(prev.file.slice(1, -1)));
        else out.push('node:internal/main/run_main_module:28:49');
        return out;
      }
      case 'node:internal/timers|listOnTimeout':
        renameCallee(out, frames[i - 1], 'Timeout.', ' [as _onTimeout]', 'Timeout._onTimeout');
        out.push('listOnTimeout (node:internal/timers:581:17)', 'process.processTimers (node:internal/timers:519:7)');
        return out;
      case 'node:internal/timers|processImmediates':
        renameCallee(out, frames[i - 1], 'Immediate.', ' [as _onImmediate]', 'Immediate._onImmediate');
        out.push('process.processImmediate (node:internal/timers:483:21)');
        return out;
      case 'node:internal/process/task_queues|processTicksAndRejections':
        out.push('process.processTicksAndRejections (node:internal/process/task_queues:77:11)');
        return out;
      case 'node:internal/process/task_queues|runNextTicks':
        return out;
      case 'node:internal/process/task_queues|drainMicrotasks':
        out.push('process.processTicksAndRejections (node:internal/process/task_queues:95:5)');
        return out;
      case 'node:internal/process/task_queues|':
        out.push('node:internal/process/task_queues:140:7',
          'AsyncResource.runInAsyncScope (node:async_hooks:206:9)',
          'AsyncResource.runMicrotask (node:internal/process/task_queues:137:8)');
        continue;
      default:
        out.push(frameToString(f));
    }
  }
  return out;
}

// For a plain call `fn(...)` SpiderMonkey reports the column of the parenthesis, V8 the start
// of the callee's name.
const sourceLines = new Map();
function adjustCallColumn(f) {
  if (!f.file.startsWith('/')) return;
  let lines = sourceLines.get(f.file);
  if (lines === undefined) {
    const text = internalBinding('fs').readFileUtf8(f.file);
    lines = typeof text === 'string' ? text.split('\n') : null;
    if (sourceLines.size > 64) sourceLines.clear();
    sourceLines.set(f.file, lines);
  }
  const line = lines && lines[f.line - 1];
  if (typeof line !== 'string' || line[f.column - 1] !== '(') return;
  let start = f.column - 1;
  while (start > 0 && /[\w$]/.test(line[start - 1])) start--;
  if (start < f.column - 1 && line[start - 1] !== '.') f.column = start + 1;
}

// `fn (file:1:2)` called by the timer/event machinery reads `Timeout.fn [as _onTimeout] (...)`.
function renameCallee(out, frame, prefix, suffix, anonymous) {
  if (!frame || frame.file.startsWith('node:') || out.length === 0) return;
  const location = `${frame.file}:${frame.line}:${frame.column}`;
  const asyncPrefix = frame.async ? 'async ' : '';
  if (frame.name) out[out.length - 1] = `${asyncPrefix}${prefix}${frame.name}${suffix} (${location})`;
  else if (anonymous) out[out.length - 1] = `${asyncPrefix}${anonymous} (${location})`;
}

// V8 starts an error's stack below the constructor of the error's class (`new.target`).
function skipConstructorFrames(err, frames) {
  let ctor;
  try {
    ctor = err.constructor;
  } catch {
    return frames;
  }
  if (typeof ctor !== 'function' || nativeErrorCtors.has(ctor) || !ctor.name) return frames;
  const limit = Math.min(frames.length, 8);
  for (let i = 0; i < limit; i++) {
    if (frames[i].name === ctor.name) return frames.slice(i + 1);
  }
  return frames;
}
const nativeErrorCtors = new Set([Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError,
  typeof AggregateError === 'function' ? AggregateError : Error]);

let formatting = false;
// Errors SpiderMonkey itself creates are plain instances of the built-in error classes.
function isEngineError(err) {
  const proto = Object.getPrototypeOf(err);
  return proto === TypeError.prototype || proto === RangeError.prototype ||
    proto === ReferenceError.prototype || proto === SyntaxError.prototype ||
    (typeof InternalError === 'function' && proto === InternalError.prototype);
}

function formatStack(err, frames, fromConstructor) {
  frames = collapseBuiltinFrames(frames.filter((f) => !isInternalFrame(f)));
  if (fromConstructor) frames = skipConstructorFrames(err, frames);
  const prepare = Error.prepareStackTrace;
  if (typeof prepare === 'function' && prepare !== ErrorPrepareStackTrace && !formatting) {
    formatting = true;
    try {
      return prepare(err, limitFrames(frames).map((f) => new CallSite(f)));
    } finally {
      formatting = false;
    }
  }
  let out = errorHeader(err);
  for (const line of limitFrames(toNodeFrames(frames))) out += `\n    at ${line}`;
  return out;
}

// Node's default Error.prepareStackTrace: the error's header, then one line per call site.
// Lode formats stacks itself when it is still in place; user code that replaces it may call it
// with the call sites it was given.
function ErrorPrepareStackTrace(error, trace) {
  const header = errorHeader(error);
  if (!Array.isArray(trace) || trace.length === 0) return header;
  return `${header}\n    at ${trace.join('\n    at ')}`;
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
      const stack = formatStack(this, parseFrames(raw), true);
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
  Object.defineProperty(Error, 'prepareStackTrace', {
    value: ErrorPrepareStackTrace, writable: true, enumerable: false, configurable: true,
  });
  // An accessor: SpiderMonkey then captures every frame (it reads only a data property), and
  // the user's limit (node's default 10) applies after Lode's internal frames are mapped.
  let stackTraceLimit = 10;
  Object.defineProperty(Error, 'stackTraceLimit', {
    get() { return stackTraceLimit; },
    set(value) { stackTraceLimit = value; },
    enumerable: true,
    configurable: true,
  });

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
    // The caller of a built-in written in JavaScript, as V8 has no source for its built-ins.
    return parseFrames(raw).find((f) => !isInternalFrame(f) && builtinFiles[f.file] === undefined);
  } catch {
    return undefined;
  }
}

module.exports = { install, firstFrame, kModuleWrapperName };
