'use strict';
// The `process` object.

const EventEmitter = require('events');
const binding = internalBinding('process');

// As in node, `process` is an instance of a function named `process` whose prototype inherits
// from EventEmitter.prototype.
const ProcessConstructor = function process() {};
Object.setPrototypeOf(ProcessConstructor.prototype, EventEmitter.prototype);

// process.config: node's build configuration, frozen all the way down.
function deepFreeze(object) {
  for (const value of Object.values(object)) {
    if (value !== null && typeof value === 'object') deepFreeze(value);
  }
  return Object.freeze(object);
}

function createProcess() {
  const process = Object.create(ProcessConstructor.prototype);
  EventEmitter.call(process);
  Object.defineProperty(process, Symbol.toStringTag, {
    value: 'process', enumerable: false, writable: true, configurable: false,
  });
  process.title = 'lode';
  process.version = binding.nodeVersion;
  const [major, minor, patch] = binding.nodeVersion.slice(1).split('.');
  process.versions = {
    node: binding.nodeVersion.slice(1),
    lode: binding.lodeVersion,
    spidermonkey: '153.6.0',
    modules: '115',
    uv: '1.46.0',
    napi: '9',
  };
  process.release = {
    name: 'node',
    lts: 'Iron',
    sourceUrl: `https://nodejs.org/download/release/${binding.nodeVersion}/node-${binding.nodeVersion}.tar.gz`,
    headersUrl: `https://nodejs.org/download/release/${binding.nodeVersion}/node-${binding.nodeVersion}-headers.tar.gz`,
  };
  process.arch = 'x64';
  process.platform = 'linux';
  process.pid = binding.pid;
  process.ppid = binding.ppid;
  process.execPath = binding.execPath;
  process.argv0 = binding.argv0;
  process.execArgv = binding.execArgv.slice();
  process.argv = binding.argv.slice();
  process.features = { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true, tls_ocsp: true, tls: true, cached_builtins: true, typescript: false };
  Object.defineProperty(process, 'config', {
    value: deepFreeze({
      target_defaults: {
        cflags: [], default_configuration: 'Release', defines: [], include_dirs: [], libraries: [],
      },
      variables: {
        host_arch: 'x64',
        icu_small: false,
        napi_build_version: '9',
        node_module_version: 115,
        node_prefix: '/',
        node_shared: false,
        node_shared_openssl: false,
        node_use_openssl: true,
        shlib_suffix: 'so.115',
        target_arch: 'x64',
        v8_enable_i18n_support: 1,
        v8_enable_inspector: 0,
      },
    }),
    writable: false,
    enumerable: true,
    configurable: true,
  });
  process.moduleLoadList = [];
  process.noDeprecation = process.execArgv.includes('--no-deprecation');
  process.throwDeprecation = process.execArgv.includes('--throw-deprecation');
  process.traceDeprecation = process.execArgv.includes('--trace-deprecation');

  process.env = createEnv();

  let exitCode;
  Object.defineProperty(process, 'exitCode', {
    get() { return exitCode; },
    set(code) {
      if (code !== null && code !== undefined) {
        // A string that spells a number is checked as that number ('2', ' 3 ', '0x10' pass,
        // '2.5' is out of range); the value must be an integer.
        let value = code;
        if (typeof code === 'string' && code !== '' && !Number.isNaN(+code)) value = +code;
        require('internal/validators').validateInteger(value, 'code');
      }
      exitCode = code;
    },
    enumerable: true,
    configurable: false,
  });

  process._exiting = false;
  // As in node: process.exit(undefined) clears process.exitCode, 'exit' gets the code as it was
  // set (a string stays a string), and the process ends through process.reallyExit, which code
  // may replace.
  process.exit = function exit(code) {
    if (arguments.length !== 0) process.exitCode = code;
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', process.exitCode || 0);
    }
    process.reallyExit(process.exitCode || 0);
  };
  process.reallyExit = function reallyExit() {
    binding.reallyExit(arguments[0] | 0);
  };
  process.abort = () => binding.reallyExit(134);

  process.cwd = function cwd() {
    const r = binding.cwd();
    if (typeof r === 'number') throw require('internal/errors').uvException(r, 'uv_cwd');
    return r;
  };
  process.chdir = function chdir(directory) {
    if (typeof directory !== 'string') {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('directory', 'string', directory);
    }
    const r = binding.chdir(directory);
    if (r < 0) {
      const err = require('internal/errors').uvException(r, 'chdir', process.cwd(), directory);
      err.message = `${err.code}: ${require('internal/errors').uvException(r, 'chdir').message.split(': ')[1].split(',')[0]}, chdir ${process.cwd()} -> '${directory}'`;
      throw err;
    }
  };
  // umask(): reads the mask without changing it; umask(mask) takes a number or an octal string
  // and returns the previous mask.
  process.umask = function wrappedUmask(mask) {
    if (mask === undefined) return binding.umask();
    return binding.umask(require('internal/validators').parseFileMode(mask, 'mask'));
  };

  function hrtime(time) {
    const sec = binding.hrtimeSec();
    const nsec = binding.hrtimeNanos();
    if (time !== undefined) {
      if (!Array.isArray(time)) {
        const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
        throw new ERR_INVALID_ARG_TYPE('time', 'Array', time);
      }
      if (time.length !== 2) {
        const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
        throw new ERR_OUT_OF_RANGE('time', 2, time.length);
      }
      let s = sec - time[0];
      let n = nsec - time[1];
      if (n < 0) {
        s -= 1;
        n += 1e9;
      }
      return [s, n];
    }
    return [sec, nsec];
  }
  hrtime.bigint = function bigint() {
    const sec = binding.hrtimeSec();
    const nsec = binding.hrtimeNanos();
    return BigInt(sec) * 1000000000n + BigInt(nsec);
  };
  process.hrtime = hrtime;
  process.uptime = () => binding.uptime();

  function memoryUsage() {
    const { heapUsed, heapTotal } = internalBinding('util');
    const used = heapUsed();
    return { rss: binding.memoryRss(), heapTotal: Math.max(heapTotal(), used), heapUsed: used, external: 0, arrayBuffers: 0 };
  }
  memoryUsage.rss = () => binding.memoryRss();
  process.memoryUsage = memoryUsage;
  // A previous reading's fields must be non-negative safe numbers.
  function cpuValueIsValid(num) {
    return typeof num === 'number' && num <= Number.MAX_SAFE_INTEGER && num >= 0;
  }
  process.cpuUsage = function cpuUsage(prevValue) {
    if (prevValue) {
      const { validateObject, validateNumber } = require('internal/validators');
      const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
      if (!cpuValueIsValid(prevValue.user)) {
        validateObject(prevValue, 'prevValue');
        validateNumber(prevValue.user, 'prevValue.user');
        throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.user', prevValue.user);
      }
      if (!cpuValueIsValid(prevValue.system)) {
        validateNumber(prevValue.system, 'prevValue.system');
        throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.system', prevValue.system);
      }
    }
    const user = binding.cpuUser();
    const system = binding.cpuSystem();
    if (prevValue) return { user: user - prevValue.user, system: system - prevValue.system };
    return { user, system };
  };
  process.resourceUsage = function resourceUsage() {
    const user = binding.cpuUser();
    const system = binding.cpuSystem();
    return { userCPUTime: user, systemCPUTime: system, maxRSS: Math.floor(binding.memoryRss() / 1024), sharedMemorySize: 0, unsharedDataSize: 0, unsharedStackSize: 0, minorPageFault: 0, majorPageFault: 0, swappedOut: 0, fsRead: 0, fsWrite: 0, ipcSent: 0, ipcReceived: 0, signalsCount: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0 };
  };
  // process._kill(pid, signum) returns 0 or a negative errno; process.kill goes through it (as
  // node does, so that it can be replaced).
  process._kill = function _kill(pid, sig) {
    return binding.kill(pid, sig);
  };
  process.kill = function kill(pid, sig) {
    // eslint-disable-next-line eqeqeq
    if (pid != (pid | 0)) {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
    }
    let err;
    if (sig === (sig | 0)) {
      err = process._kill(pid, sig);
    } else {
      sig = sig || 'SIGTERM';
      const { signals } = require('internal/process/signals');
      if (typeof sig === 'string' && signals[sig]) {
        err = process._kill(pid, signals[sig]);
      } else {
        const { ERR_UNKNOWN_SIGNAL } = require('internal/errors').codes;
        throw new ERR_UNKNOWN_SIGNAL(sig);
      }
    }
    if (err) throw require('internal/errors').errnoException(err, 'kill');
    return true;
  };

  // Straight to stderr, synchronously, formatted like console.error (for debugging node itself).
  process._rawDebug = function _rawDebug(...args) {
    binding.writeString(2, `${require('internal/util/inspect').format(...args)}\n`);
  };
  process.emitWarning = function emitWarning(...args) {
    return Reflect.apply(require('internal/process/warning').emitWarning, this, args);
  };
  process.nextTick = require('internal/process/task_queues').nextTick;
  require('internal/process/credentials').installCredentials(process);
  process.dlopen = dlopen;
  // Node's allow-list for process.binding().
  const kLegacyBindings = new Set(['async_wrap', 'buffer', 'cares_wrap', 'config', 'constants',
    'contextify', 'crypto', 'fs', 'fs_event_wrap', 'http_parser', 'icu', 'inspector', 'js_stream',
    'natives', 'os', 'pipe_wrap', 'process_wrap', 'signal_wrap', 'spawn_sync', 'stream_wrap',
    'tcp_wrap', 'tls_wrap', 'tty_wrap', 'udp_wrap', 'url', 'util', 'uv', 'v8', 'zlib']);
  process.binding = function binding(name) {
    name = `${name}`;
    if (name === 'util') {
      // The legacy util binding: util.types' checks of its day.
      const { types } = require('util');
      const legacy = {};
      for (const key of ['isAnyArrayBuffer', 'isArrayBuffer', 'isArrayBufferView',
        'isAsyncFunction', 'isDataView', 'isDate', 'isExternal', 'isMap', 'isMapIterator',
        'isNativeError', 'isPromise', 'isRegExp', 'isSet', 'isSetIterator', 'isTypedArray',
        'isUint8Array']) {
        legacy[key] = types[key];
      }
      return legacy;
    }
    if (!kLegacyBindings.has(name)) throw new Error(`No such module: ${name}`);
    // The deprecated (DEP0111) legacy bindings: what old packages read from them (constants,
    // libuv error names, built-in sources); the rest are objects without Lode's internals.
    switch (name) {
      case 'constants': {
        const { constants: os } = require('os');
        const { constants: fs } = require('fs');
        return { os, fs, crypto: {}, zlib: {}, trace: {} };
      }
      case 'uv': {
        const uv = { errname: require('util').getSystemErrorName };
        for (const [errno, [code]] of require('util').getSystemErrorMap()) uv[`UV_${code}`] = errno;
        return uv;
      }
      case 'natives': {
        const natives = {};
        const builtins = internalBinding('builtins');
        for (const id of builtins.ids) natives[id] = builtins.source(id);
        return natives;
      }
      default:
        return {};
    }
  };
  // What keeps the event loop alive, by node's names: pending requests (FSReqCallback, ...),
  // handles (stdio streams on a terminal or pipe), then one 'Timeout' per referenced timer and
  // one 'Immediate' per referenced immediate.
  process._getActiveRequests = function _getActiveRequests() {
    return require('internal/async_ops').activeRequestTypes().map(resourceObject);
  };
  process._getActiveHandles = function _getActiveHandles() {
    return activeHandles().map((h) => h.stream);
  };
  process.getActiveResourcesInfo = function getActiveResourcesInfo() {
    const { timeoutCount, immediateCount } = require('internal/timers').getTimerCounts();
    return [
      ...require('internal/async_ops').activeRequestTypes(),
      ...activeHandles().map((h) => h.type),
      ...new Array(timeoutCount).fill('Timeout'),
      ...new Array(immediateCount).fill('Immediate'),
    ];
  };
  let sourceMapsEnabled = process.execArgv.includes('--enable-source-maps');
  process.setSourceMapsEnabled = function setSourceMapsEnabled(val) {
    require('internal/validators').validateBoolean(val, 'val');
    sourceMapsEnabled = val;
  };
  Object.defineProperty(process, 'sourceMapsEnabled', {
    get() { return sourceMapsEnabled; },
    enumerable: true,
    configurable: true,
  });
  // A capture callback takes uncaught exceptions instead of 'uncaughtException' (domain and the
  // REPL use it); the execution module calls it.
  process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback(fn) {
    const { uncaughtCapture } = require('internal/process/execution');
    if (fn === null) {
      uncaughtCapture.fn = null;
      return;
    }
    if (typeof fn !== 'function') {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
    }
    if (uncaughtCapture.fn !== null) {
      const { ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET } = require('internal/errors').codes;
      throw new ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
    }
    uncaughtCapture.fn = fn;
  };
  process.hasUncaughtExceptionCaptureCallback = function hasUncaughtExceptionCaptureCallback() {
    return require('internal/process/execution').uncaughtCapture.fn !== null;
  };
  // Made on first read; reading or assigning turns the accessor into a data property (as node's).
  const setAllowedFlags = (target, value) => Object.defineProperty(target, 'allowedNodeEnvironmentFlags', {
    value, configurable: true, enumerable: true, writable: true,
  });
  Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
    get() {
      const value = require('internal/process/environment_flags').allowedNodeEnvironmentFlags();
      setAllowedFlags(this, value);
      return value;
    },
    set(value) { setAllowedFlags(this, value); },
    enumerable: true,
    configurable: true,
  });
  process.report = { getReport: () => ({ header: { glibcVersionRuntime: '2.36' } }) };
  process.constrainedMemory = () => 0;
  process.availableMemory = () => 0;

  // Signals: listening for 'SIGINT' etc. installs a handler that emits the event instead of
  // the default action. (Signal listeners do not keep the process alive, as in Node.)
  process.on('newListener', (event) => {
    if (typeof event === 'string' && event.startsWith('SIG')) {
      const { signals } = require('internal/process/signals');
      const signum = signals[event];
      if (signum !== undefined && process.listenerCount(event) === 0) binding.watchSignal(signum);
    }
  });

  // stdio: created on first use (internal/process/stdio.js).
  const { streams, getters } = require('internal/process/stdio_handles');
  getters.stdout = function () {
    if (streams.stdout === undefined) streams.stdout = require('internal/process/stdio').createWritableStdio(1);
    return streams.stdout;
  };
  getters.stderr = function () {
    if (streams.stderr === undefined) streams.stderr = require('internal/process/stdio').createWritableStdio(2);
    return streams.stderr;
  };
  getters.stdin = function () {
    if (streams.stdin === undefined) streams.stdin = require('internal/process/stdio').createStdin();
    return streams.stdin;
  };
  for (const name of ['stdout', 'stderr', 'stdin']) {
    Object.defineProperty(process, name, { get: getters[name], configurable: true, enumerable: false });
  }
  return process;
}

// process.env: a live view of the environment that stores every value as a string.
function createEnv() {
  const target = {};
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === 'symbol') {
        if (key === Symbol.for('nodejs.util.inspect.custom')) return undefined;
        return t[key];
      }
      return binding.getEnv(key);
    },
    set(t, key, value) {
      if (typeof key === 'symbol') {
        const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      if (typeof value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      binding.setEnv(key, String(value));
      return true;
    },
    has(t, key) {
      if (typeof key === 'symbol') return false;
      return binding.getEnv(key) !== undefined;
    },
    deleteProperty(t, key) {
      if (typeof key !== 'symbol') binding.unsetEnv(key);
      return true;
    },
    ownKeys() {
      return binding.envKeys();
    },
    getOwnPropertyDescriptor(t, key) {
      if (typeof key === 'symbol') return undefined;
      const value = binding.getEnv(key);
      if (value === undefined) return undefined;
      return { value, writable: true, enumerable: true, configurable: true };
    },
    // Only plain data properties (configurable, writable, enumerable) can be defined.
    defineProperty(t, key, desc) {
      if ('value' in desc) {
        if (desc.writable === true && desc.enumerable === true && desc.configurable === true) {
          if (typeof key === 'symbol' || typeof desc.value === 'symbol') {
            throw new TypeError('Cannot convert a Symbol value to a string');
          }
          binding.setEnv(key, String(desc.value));
          return true;
        }
        throw envDefineError('only accepts a configurable, writable, and enumerable data descriptor');
      }
      if ('get' in desc || 'set' in desc) {
        throw envDefineError('does not accept an accessor(getter/setter) descriptor');
      }
      throw envDefineError('only accepts a configurable, writable, and enumerable data descriptor');
    },
  });
}

// process.dlopen(module, filename[, flags]): node loads a native addon into `module.exports`.
// Lode has no addon API, so the shared object is only loaded to tell apart node's outcomes: the
// dynamic loader's error, an addon (which Lode cannot run), or a library that is no addon.
// Errors are built as node builds them in C++: plain errors with a `code`.
function dlopen(...args) {
  if (args.length < 2) {
    throw errorWithCode(new TypeError('process.dlopen needs at least 2 arguments'), 'ERR_MISSING_ARGS');
  }
  const flags = args.length > 2 ? args[2] | 0 : require('os').constants.dlopen.RTLD_LAZY;
  const module = args[0];
  const exportsObject = module === undefined || module === null ? module : module.exports;
  if (exportsObject === undefined || exportsObject === null) {
    throw new TypeError('Cannot convert undefined or null to object');
  }
  const filename = String(args[1]);
  const result = binding.dlopen(filename, flags);
  if (typeof result === 'string') throw errorWithCode(new Error(result), 'ERR_DLOPEN_FAILED');
  if (result === 1) {
    const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
    throw new ERR_NOT_IMPLEMENTED(`loading native addon ${filename}`);
  }
  throw errorWithCode(new Error(`Module did not self-register: '${filename}'.`), 'ERR_DLOPEN_FAILED');
}

function errorWithCode(err, code) {
  err.code = code;
  return err;
}

// A stand-in for a request wrap object of `type` (node's FSReqCallback, ...).
const resourceClasses = new Map();
function resourceObject(type) {
  let Cls = resourceClasses.get(type);
  if (Cls === undefined) {
    Cls = { [type]: class {} }[type];
    resourceClasses.set(type, Cls);
  }
  return new Cls();
}

// The created stdout/stderr streams that node would count as handles.
function activeHandles() {
  const { streams } = require('internal/process/stdio_handles');
  const list = [];
  for (const name of ['stdout', 'stderr']) {
    const stream = streams[name];
    if (stream === undefined || stream.destroyed) continue;
    if (stream.isTTY) list.push({ type: 'TTYWrap', stream });
    else if (stream._type === 'pipe') list.push({ type: 'PipeWrap', stream });
  }
  return list;
}

function envDefineError(what) {
  const err = new TypeError(`'process.env' ${what}`);
  err.code = 'ERR_INVALID_OBJECT_DEFINE_PROPERTY';
  return err;
}

// Environment values node reads once at start-up (set by bootstrap).
const startupEnv = { NODE_DEBUG: undefined };

module.exports = { createProcess, startupEnv };
