'use strict';
// The `process` object.

const EventEmitter = require('events');
const binding = internalBinding('process');

function createProcess() {
  const process = new EventEmitter();
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
  process.config = { target_defaults: {}, variables: { node_shared: false } };
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
        let value = code;
        if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) value = +code;
        if (!Number.isInteger(value)) {
          const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
          throw new ERR_INVALID_ARG_TYPE('code', 'number', code);
        }
      }
      exitCode = code;
    },
    enumerable: true,
    configurable: false,
  });

  process._exiting = false;
  process.exit = function exit(code) {
    if (code !== undefined) process.exitCode = code;
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', process.exitCode === undefined ? 0 : +process.exitCode);
    }
    binding.reallyExit(process.exitCode === undefined ? 0 : (+process.exitCode) | 0);
  };
  process.reallyExit = (code) => binding.reallyExit(code | 0);
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
  process.umask = function umask(mask) {
    if (mask === undefined) return binding.umask();
    if (typeof mask === 'string') mask = parseInt(mask, 8);
    return binding.umask(mask);
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
  process.cpuUsage = function cpuUsage(prev) {
    const user = binding.cpuUser();
    const system = binding.cpuSystem();
    if (prev) return { user: user - prev.user, system: system - prev.system };
    return { user, system };
  };
  process.resourceUsage = function resourceUsage() {
    const user = binding.cpuUser();
    const system = binding.cpuSystem();
    return { userCPUTime: user, systemCPUTime: system, maxRSS: Math.floor(binding.memoryRss() / 1024), sharedMemorySize: 0, unsharedDataSize: 0, unsharedStackSize: 0, minorPageFault: 0, majorPageFault: 0, swappedOut: 0, fsRead: 0, fsWrite: 0, ipcSent: 0, ipcReceived: 0, signalsCount: 0, voluntaryContextSwitches: 0, involuntaryContextSwitches: 0 };
  };
  process.kill = function kill(pid, sig = 'SIGTERM') {
    if (pid != (pid | 0)) {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
    }
    const { signals } = require('internal/process/signals');
    let signum;
    if (typeof sig === 'number') signum = sig;
    else if (typeof sig === 'string' && signals[sig] !== undefined) signum = signals[sig];
    else {
      const { ERR_UNKNOWN_SIGNAL } = require('internal/errors').codes;
      throw new ERR_UNKNOWN_SIGNAL(sig);
    }
    const r = binding.kill(pid, signum);
    if (r < 0) throw require('internal/errors').errnoException(r, 'kill');
    return true;
  };

  process.emitWarning = function emitWarning(...args) {
    return Reflect.apply(require('internal/process/warning').emitWarning, this, args);
  };
  process.nextTick = require('internal/process/task_queues').nextTick;
  process.getuid = () => Number(binding.getEnv('__LODE_UID') ?? 0) || 0;
  process.geteuid = process.getuid;
  process.getgid = () => 0;
  process.getegid = () => 0;
  process.getgroups = () => [0];
  process.binding = (name) => {
    const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
    throw new ERR_NOT_IMPLEMENTED(`process.binding('${name}')`);
  };
  process.setUncaughtExceptionCaptureCallback = function (fn) {
    process._captureCallback = fn;
  };
  process.hasUncaughtExceptionCaptureCallback = () => typeof process._captureCallback === 'function';
  process.allowedNodeEnvironmentFlags = new Set();
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
    defineProperty(t, key, desc) {
      if ('value' in desc) binding.setEnv(key, String(desc.value));
      return true;
    },
  });
}

// Environment values node reads once at start-up (set by bootstrap).
const startupEnv = { NODE_DEBUG: undefined };

module.exports = { createProcess, startupEnv };
