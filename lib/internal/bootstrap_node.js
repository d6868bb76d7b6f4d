'use strict';
// Sets up the global object and `process`, and returns the event loop's hooks.

module.exports = function setupNode(bindings, loadBuiltin) {
  const { lodeNames } = require('internal/engine_globals');
  require('internal/error_stack').install();
  require('internal/builtin_replacements').install();

  const { createProcess } = require('internal/process/object');
  const process = createProcess();
  defineAccessorGlobal('process', () => process);
  // --stack-trace-limit=n (a V8 flag node accepts) sets Error.stackTraceLimit's first value.
  for (let i = 0; i < process.execArgv.length; i++) {
    const arg = process.execArgv[i];
    const value = arg.startsWith('--stack-trace-limit=') ? arg.slice(20) : arg === '--stack-trace-limit' ? process.execArgv[i + 1] : undefined;
    if (value !== undefined && value !== '' && !Number.isNaN(Number(value))) Error.stackTraceLimit = Number(value);
  }

  const cjs = require('internal/modules/cjs');
  cjs.setup(loadBuiltin);

  const taskQueues = require('internal/process/task_queues');
  const timers = require('internal/timers');

  process.on('warning', (warning) => require('internal/process/warning').onWarning(warning));
  // NODE_DEBUG counts as it was at start-up, as in node (util.debuglog reads this copy).
  require('internal/process/object').startupEnv.NODE_DEBUG = process.env.NODE_DEBUG;

  // Globals. Everything not needed at start-up is loaded on first access.
  // The web-platform globals are enumerable, in node's order, so Object.keys(globalThis) lists
  // the same names as node's (crypto aside, while it is not built).
  Object.defineProperty(globalThis, 'global', { value: globalThis, writable: true, enumerable: true, configurable: true });
  defineGlobal('clearImmediate', timers.clearImmediate, true);
  defineGlobal('setImmediate', timers.setImmediate, true);
  defineGlobal('clearInterval', timers.clearInterval, true);
  defineGlobal('clearTimeout', timers.clearTimeout, true);
  defineGlobal('setInterval', timers.setInterval, true);
  defineGlobal('setTimeout', timers.setTimeout, true);
  defineGlobal('queueMicrotask', taskQueues.queueMicrotask, true);
  const enumerableGlobals = new Set(['structuredClone', 'atob', 'btoa', 'performance', 'fetch']);
  for (const name of enumerableGlobals) defineLazy(name, () => undefined, true);
  defineLazy('console', () => require('internal/console').createGlobalConsole());
  const lazyGlobals = {
    URL: () => require('internal/url').URL,
    URLSearchParams: () => require('internal/url').URLSearchParams,
    TextEncoder: () => require('internal/encoding').TextEncoder,
    TextDecoder: () => require('internal/encoding').TextDecoder,
    atob: () => require('internal/encoding').atob,
    btoa: () => require('internal/encoding').btoa,
    EventTarget: () => require('internal/event_target').EventTarget,
    Event: () => require('internal/event_target').Event,
    CustomEvent: () => require('internal/event_target').CustomEvent,
    AbortController: () => require('internal/abort_controller').AbortController,
    AbortSignal: () => require('internal/abort_controller').AbortSignal,
    DOMException: () => require('internal/event_target').DOMException,
    structuredClone: () => require('internal/structured_clone').structuredClone,
    performance: () => require('perf_hooks').performance,
    Performance: () => require('perf_hooks').Performance,
    PerformanceEntry: () => require('perf_hooks').PerformanceEntry,
    PerformanceMark: () => require('perf_hooks').PerformanceMark,
    PerformanceMeasure: () => require('perf_hooks').PerformanceMeasure,
    PerformanceObserver: () => require('perf_hooks').PerformanceObserver,
    PerformanceObserverEntryList: () => require('perf_hooks').PerformanceObserverEntryList,
    PerformanceResourceTiming: () => require('perf_hooks').PerformanceResourceTiming,
    Blob: () => require('buffer').Blob,
    File: () => require('buffer').File,
  };
  // Node sets these up at start-up: they are data properties from the start.
  const eagerGlobals = new Set(['URL', 'URLSearchParams']);
  if (bindings.builtins.ids.includes('buffer')) defineAccessorGlobal('Buffer', () => require('buffer').Buffer);
  for (const name of Object.keys(lazyGlobals)) {
    if (!bindings.builtins.ids.includes(moduleOf(lazyGlobals[name]))) {
      if (enumerableGlobals.has(name)) delete globalThis[name];
    } else if (eagerGlobals.has(name)) {
      defineGlobal(name, lazyGlobals[name](), enumerableGlobals.has(name));
    } else {
      defineLazy(name, lazyGlobals[name], enumerableGlobals.has(name));
    }
  }
  // WHATWG streams: the first use of any of them loads stream/web.
  if (bindings.builtins.ids.includes('stream/web')) {
    for (const name of [
      'ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
      'ReadableStreamBYOBRequest', 'ReadableByteStreamController', 'ReadableStreamDefaultController',
      'TransformStream', 'TransformStreamDefaultController', 'WritableStream',
      'WritableStreamDefaultWriter', 'WritableStreamDefaultController', 'ByteLengthQueuingStrategy',
      'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream', 'CompressionStream',
      'DecompressionStream',
    ]) {
      defineLazy(name, () => require('stream/web')[name]);
    }
  }

  // Globals of modules still to come (network, workers, crypto): they exist, and throw
  // ERR_NOT_IMPLEMENTED when called.
  for (const name of ['fetch', 'FormData', 'Headers', 'Request', 'Response', 'MessageChannel',
    'MessagePort', 'MessageEvent', 'BroadcastChannel']) {
    defineLazy(name, () => require('internal/not_implemented').stubFunction(name), enumerableGlobals.has(name));
  }

  function moduleOf(getter) {
    const m = /require\('([^']+)'\)/.exec(String(getter));
    return m ? m[1] : '';
  }

  function defineGlobal(name, value, enumerable = false) {
    lodeNames.add(name);
    Object.defineProperty(globalThis, name, { value, writable: true, enumerable, configurable: true });
  }

  // process and Buffer stay accessors, as in node: assigning replaces the value they return.
  function defineAccessorGlobal(name, initial) {
    lodeNames.add(name);
    let value;
    let loaded = false;
    Object.defineProperty(globalThis, name, {
      get() {
        if (!loaded) {
          value = initial();
          loaded = true;
        }
        return value;
      },
      set(v) {
        value = v;
        loaded = true;
      },
      enumerable: false,
      configurable: true,
    });
  }

  function defineLazy(name, get, enumerable = false) {
    lodeNames.add(name);
    Object.defineProperty(globalThis, name, {
      get() {
        const value = get();
        defineGlobal(name, value, enumerable);
        return value;
      },
      set(value) {
        defineGlobal(name, value, enumerable);
      },
      enumerable,
      configurable: true,
    });
  }

  // ES modules: SpiderMonkey asks these for every `import`; the loader itself is loaded on the
  // first one.
  bindings.util.setModuleHooks(
    (specifier, referrer, isJson) => require('internal/modules/esm').load(specifier, referrer, isJson),
    (url, meta) => require('internal/modules/esm').initializeMeta(url, meta));

  // For bench/ops: the bindings, reachable from user code only when asked for.
  if (process.env.LODE_EXPOSE_INTERNALS === '1') {
    defineGlobal('internalBinding', internalBinding);
    defineGlobal('internalRequire', require);
  }

  let esmMain = false;
  function runMain() {
    const entry = bindings.process;
    const { Module, makeRequire } = cjs;
    const path = require('path');
    for (const request of entry.preload) {
      const fake = new Module(path.join(process.cwd(), '[preload]'), null);
      fake.filename = fake.id;
      fake.paths = Module._nodeModulePaths(process.cwd());
      Module._load(request, fake, false);
    }
    switch (entry.entryKind) {
      case 'file': {
        process.argv[1] = path.resolve(process.argv[1]);
        const resolved = Module._findPath(process.argv[1], null, true) || process.argv[1];
        const ext = path.extname(resolved);
        if (ext === '.mjs' || (ext !== '.cjs' && require('internal/modules/package_scope').formatOf(resolved) === 'module')) {
          esmMain = true;
          require('internal/modules/esm').runMain(resolved);
        } else {
          Module.runMain(process.argv[1]);
        }
        break;
      }
      case 'eval':
      case 'print':
      case 'stdin': {
        const name = entry.entryKind === 'stdin' ? '[stdin]' : '[eval]';
        const inputType = process.execArgv.reduce((t, a, i, all) =>
          (a.startsWith('--input-type=') ? a.slice(13) : a === '--input-type' ? all[i + 1] : t), 'commonjs');
        if (inputType === 'module') {
          if (entry.entryKind === 'print') throw new (require('internal/errors').codes.ERR_EVAL_ESM_CANNOT_PRINT)();
          esmMain = true;
          const base = require('internal/url').pathToFileURL(`${process.cwd()}/`).href;
          require('internal/modules/esm').runSource(entry.entrySource, `${base}${name.slice(0, -1)}1]`);
          break;
        }
        const module = new Module(name, null);
        module.filename = path.join(process.cwd(), name);
        module.paths = Module._nodeModulePaths(process.cwd());
        const req = makeRequire(module);
        globalThis.module = module;
        globalThis.exports = module.exports;
        globalThis.require = req;
        globalThis.__filename = name;
        globalThis.__dirname = '.';
        const result = internalBinding('util').evalScript(entry.entrySource, name);
        if (entry.entryKind === 'print') {
          const { inspect } = require('internal/util/inspect');
          process.stdout.write(`${typeof result === 'string' ? result : inspect(result)}\n`);
        }
        break;
      }
      case 'repl':
        require('internal/repl').start();
        break;
      default:
        throw new Error(`unknown entry kind ${entry.entryKind}`);
    }
  }

  // The code 'beforeExit' and 'exit' get at the natural end is process.exitCode as an int32.
  function emitBeforeExit() {
    if (process._exiting) return;
    process.emit('beforeExit', process.exitCode | 0);
  }

  function emitExit() {
    if (process.exitCode === undefined && esmMain && require('internal/modules/esm').checkUnsettledTopLevelAwait()) {
      internalBinding('process').writeString(2, 'Warning: Detected unsettled top-level await\n');
      process.exitCode = 13;
    }
    if (!process._exiting) {
      process._exiting = true;
      try {
        process.emit('exit', process.exitCode | 0);
      } catch (err) {
        // As in node, an uncaughtException listener can handle it; the exit goes on.
        require('internal/process/execution').triggerUncaughtException(err, false);
      }
    }
    return process.exitCode | 0;
  }

  let asyncOps;

  function onSignal(signum) {
    const { names } = require('internal/process/signals');
    const name = names[signum];
    if (name !== undefined) process.emit(name, name, signum);
  }

  return {
    processTimers: timers.processTimers,
    processImmediates: timers.processImmediates,
    runNextTicks: taskQueues.runNextTicks,
    handleFatalException(err) {
      require('internal/process/execution').triggerUncaughtException(err, false);
    },
    emitBeforeExit,
    emitExit,
    onSignal,
    onReplInput(input) {
      require('internal/repl').onInput(input);
    },
    onOpComplete(id) {
      (asyncOps ??= require('internal/async_ops')).complete(id);
    },
    runMain,
  };
};
