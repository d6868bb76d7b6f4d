'use strict';
// os: operating-system information (Linux), from the `os` binding.

const binding = internalBinding('os');

function lazyErrors() {
  return require('internal/errors');
}

// node's SystemError: `A system error occurred: uv_x returned ECODE (message)`, with `info`,
// `errno` and `syscall` reflecting the context.
class SystemError extends Error {
  constructor(context) {
    super();
    const message = `A system error occurred: ${context.syscall} returned ${context.code} (${context.message})`;
    Object.defineProperty(this, 'message', {
      value: message, enumerable: false, writable: true, configurable: true,
    });
    this.code = 'ERR_SYSTEM_ERROR';
    Object.defineProperty(this, 'info', {
      value: context, enumerable: true, configurable: true, writable: false,
    });
    Object.defineProperty(this, 'errno', {
      get() { return context.errno; },
      set(value) { context.errno = value; },
      enumerable: true,
      configurable: true,
    });
    Object.defineProperty(this, lazyErrors().kIsNodeError, { value: true, configurable: true });
    Object.defineProperty(this, 'syscall', {
      get() { return context.syscall; },
      set(value) { context.syscall = value; },
      enumerable: true,
      configurable: true,
    });
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}
Object.defineProperty(SystemError.prototype, 'name', {
  value: 'SystemError', writable: true, enumerable: false, configurable: true,
});

function systemError(negErrno, syscall) {
  const { errname, strerror } = internalBinding('process');
  const errno = negErrno > 0 ? -negErrno : negErrno;
  return new SystemError({
    errno,
    code: errname(-errno),
    message: strerror(-errno),
    syscall,
  });
}

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = lazyErrors().codes;
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

// Functions that can fail in the system call throw a SystemError (node names them wrappedFn).
function checked(op, syscall) {
  return function wrappedFn() {
    const r = op();
    if (typeof r === 'number') throw systemError(r, syscall);
    return r;
  };
}

const osInfo = binding.uname();
const [osType, osVersion, osRelease, osMachine] = typeof osInfo === 'number' ?
  ['', '', '', ''] : osInfo;

const getHostname = checked(() => binding.hostname(), 'uv_os_gethostname');
const getHomeDirectory = checked(() => binding.homedir(), 'uv_os_homedir');
const getUptime = function wrappedFn() { return binding.uptime(); };

function getOSRelease() { return osRelease; }
function getOSType() { return osType; }
function getOSVersion() { return osVersion; }
function getMachine() { return osMachine; }
function getFreeMem() { return binding.freemem(); }
function getTotalMem() { return binding.totalmem(); }
function getAvailableParallelism() { return binding.availableParallelism(); }

function arch() { return process.arch; }
function platform() { return process.platform; }
function endianness() { return 'LE'; }

function loadavg() {
  const v = binding.loadavg();
  return [Number(v[0]), Number(v[1]), Number(v[2])];
}

function cpus() {
  const data = binding.cpus() || [];
  const result = [];
  for (let i = 0; i + 6 < data.length; i += 7) {
    result.push({
      model: data[i],
      speed: Number(data[i + 1]),
      times: {
        user: Number(data[i + 2]),
        nice: Number(data[i + 3]),
        sys: Number(data[i + 4]),
        idle: Number(data[i + 5]),
        irq: Number(data[i + 6]),
      },
    });
  }
  return result;
}

function tmpdir() {
  const env = process.env;
  const path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) return path.slice(0, -1);
  return path;
}

// The prefix length of a netmask, or null when its one bits are not contiguous.
function getCIDR(address, netmask, family) {
  const v6 = family === 'IPv6';
  const groups = netmask.split(v6 ? ':' : '.');
  const bitsPerGroup = v6 ? 16 : 8;
  let ones = 0;
  let sawZero = false;
  for (const g of groups) {
    if (g === '') continue;
    const n = parseInt(g, v6 ? 16 : 10);
    if (sawZero) {
      if (g !== '0') return null;
      continue;
    }
    const bits = n.toString(2);
    const count = bits.split('').filter((b) => b === '1').length;
    ones += count;
    if (count !== bitsPerGroup) {
      if (bits.includes('01')) return null;
      sawZero = true;
    }
  }
  return `${address}/${ones}`;
}

function networkInterfaces() {
  const data = binding.interfaces();
  if (typeof data === 'number') throw systemError(data, 'uv_interface_addresses');
  const result = {};
  for (let i = 0; i + 6 < data.length; i += 7) {
    const name = data[i];
    const entry = {
      address: data[i + 1],
      netmask: data[i + 2],
      family: data[i + 3],
      mac: data[i + 4],
      internal: data[i + 5] === '1',
      cidr: getCIDR(data[i + 1], data[i + 2], data[i + 3]),
    };
    const scopeid = Number(data[i + 6]);
    if (scopeid !== -1) entry.scopeid = scopeid;
    if (result[name] !== undefined) result[name].push(entry);
    else result[name] = [entry];
  }
  return result;
}

// ---- userInfo and its `encoding` option ----

const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function encodeBytes(bytes, enc) {
  switch (enc) {
    case 'buffer': {
      const B = globalThis.Buffer;
      return typeof B === 'function' && typeof B.from === 'function' ? B.from(bytes) : bytes;
    }
    case 'hex':
      return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    case 'latin1':
      return String.fromCharCode(...bytes);
    case 'ascii':
      return String.fromCharCode(...Array.from(bytes, (b) => b & 0x7f));
    case 'ucs2': {
      let s = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      return s;
    }
    case 'base64':
    case 'base64url': {
      const table = enc === 'base64' ? b64 : `${b64.slice(0, 62)}-_`;
      let s = '';
      for (let i = 0; i < bytes.length; i += 3) {
        const n = bytes.length - i;
        const v = (bytes[i] << 16) | ((n > 1 ? bytes[i + 1] : 0) << 8) | (n > 2 ? bytes[i + 2] : 0);
        s += table[v >> 18] + table[(v >> 12) & 63];
        s += n > 1 ? table[(v >> 6) & 63] : (enc === 'base64' ? '=' : '');
        s += n > 2 ? table[v & 63] : (enc === 'base64' ? '=' : '');
      }
      return s;
    }
    default:
      return new TextDecoder().decode(bytes);
  }
}

// node's lenient encoding names; anything unknown means UTF-8.
function parseEncoding(enc) {
  if (typeof enc !== 'string') return 'utf8';
  switch (enc.toLowerCase()) {
    case 'buffer': return 'buffer';
    case 'hex': return 'hex';
    case 'latin1': case 'binary': return 'latin1';
    case 'ascii': return 'ascii';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'ucs2';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    default: return 'utf8';
  }
}

function userInfo(options) {
  if (typeof options !== 'object') options = null;
  const r = binding.userInfo();
  if (typeof r === 'number') throw systemError(r, 'uv_os_get_passwd');
  const enc = parseEncoding(options ? options.encoding : undefined);
  const conv = enc === 'utf8' ? (s) => s : (s) => encodeBytes(new TextEncoder().encode(s), enc);
  const user = { __proto__: null };
  user.uid = Number(r[0]);
  user.gid = Number(r[1]);
  user.username = conv(r[2]);
  user.homedir = conv(r[3]);
  user.shell = r[4] === '\0' ? null : conv(r[4]);
  return user;
}

// ---- priorities ----

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  const r = binding.getPriority(pid);
  if (typeof r === 'string') throw systemError(Number(r), 'uv_os_getpriority');
  return r;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  const r = binding.setPriority(pid, priority);
  if (r !== 0) throw systemError(r, 'uv_os_setpriority');
}

// ---- constants (Linux x64) ----

function constantGroup(entries) {
  const obj = { __proto__: null };
  for (const [k, v] of entries) {
    Object.defineProperty(obj, k, { value: v, writable: false, enumerable: true, configurable: false });
  }
  return obj;
}

const signals = constantGroup([
  ['SIGHUP', 1], ['SIGINT', 2], ['SIGQUIT', 3], ['SIGILL', 4], ['SIGTRAP', 5], ['SIGABRT', 6],
  ['SIGIOT', 6], ['SIGBUS', 7], ['SIGFPE', 8], ['SIGKILL', 9], ['SIGUSR1', 10], ['SIGSEGV', 11],
  ['SIGUSR2', 12], ['SIGPIPE', 13], ['SIGALRM', 14], ['SIGTERM', 15], ['SIGCHLD', 17],
  ['SIGSTKFLT', 16], ['SIGCONT', 18], ['SIGSTOP', 19], ['SIGTSTP', 20], ['SIGTTIN', 21],
  ['SIGTTOU', 22], ['SIGURG', 23], ['SIGXCPU', 24], ['SIGXFSZ', 25], ['SIGVTALRM', 26],
  ['SIGPROF', 27], ['SIGWINCH', 28], ['SIGIO', 29], ['SIGPOLL', 29], ['SIGPWR', 30],
  ['SIGSYS', 31],
]);

const errno = constantGroup([
  ['E2BIG', 7], ['EACCES', 13], ['EADDRINUSE', 98], ['EADDRNOTAVAIL', 99], ['EAFNOSUPPORT', 97],
  ['EAGAIN', 11], ['EALREADY', 114], ['EBADF', 9], ['EBADMSG', 74], ['EBUSY', 16],
  ['ECANCELED', 125], ['ECHILD', 10], ['ECONNABORTED', 103], ['ECONNREFUSED', 111],
  ['ECONNRESET', 104], ['EDEADLK', 35], ['EDESTADDRREQ', 89], ['EDOM', 33], ['EDQUOT', 122],
  ['EEXIST', 17], ['EFAULT', 14], ['EFBIG', 27], ['EHOSTUNREACH', 113], ['EIDRM', 43],
  ['EILSEQ', 84], ['EINPROGRESS', 115], ['EINTR', 4], ['EINVAL', 22], ['EIO', 5],
  ['EISCONN', 106], ['EISDIR', 21], ['ELOOP', 40], ['EMFILE', 24], ['EMLINK', 31],
  ['EMSGSIZE', 90], ['EMULTIHOP', 72], ['ENAMETOOLONG', 36], ['ENETDOWN', 100],
  ['ENETRESET', 102], ['ENETUNREACH', 101], ['ENFILE', 23], ['ENOBUFS', 105], ['ENODATA', 61],
  ['ENODEV', 19], ['ENOENT', 2], ['ENOEXEC', 8], ['ENOLCK', 37], ['ENOLINK', 67], ['ENOMEM', 12],
  ['ENOMSG', 42], ['ENOPROTOOPT', 92], ['ENOSPC', 28], ['ENOSR', 63], ['ENOSTR', 60],
  ['ENOSYS', 38], ['ENOTCONN', 107], ['ENOTDIR', 20], ['ENOTEMPTY', 39], ['ENOTSOCK', 88],
  ['ENOTSUP', 95], ['ENOTTY', 25], ['ENXIO', 6], ['EOPNOTSUPP', 95], ['EOVERFLOW', 75],
  ['EPERM', 1], ['EPIPE', 32], ['EPROTO', 71], ['EPROTONOSUPPORT', 93], ['EPROTOTYPE', 91],
  ['ERANGE', 34], ['EROFS', 30], ['ESPIPE', 29], ['ESRCH', 3], ['ESTALE', 116], ['ETIME', 62],
  ['ETIMEDOUT', 110], ['ETXTBSY', 26], ['EWOULDBLOCK', 11], ['EXDEV', 18],
]);

const priority = constantGroup([
  ['PRIORITY_LOW', 19], ['PRIORITY_BELOW_NORMAL', 10], ['PRIORITY_NORMAL', 0],
  ['PRIORITY_ABOVE_NORMAL', -7], ['PRIORITY_HIGH', -14], ['PRIORITY_HIGHEST', -20],
]);

const dlopen = constantGroup([
  ['RTLD_LAZY', 1], ['RTLD_NOW', 2], ['RTLD_GLOBAL', 256], ['RTLD_LOCAL', 0], ['RTLD_DEEPBIND', 8],
]);

const constants = { __proto__: null };
Object.defineProperty(constants, 'UV_UDP_REUSEADDR', {
  value: 4, writable: false, enumerable: true, configurable: false,
});
for (const [k, v] of [['dlopen', dlopen], ['errno', errno], ['signals', signals], ['priority', priority]]) {
  Object.defineProperty(constants, k, { value: v, writable: true, enumerable: true, configurable: true });
}

// `${os.hostname}` and friends give the value, as in node.
const toPrimitive = [
  [getFreeMem, getFreeMem], [getHostname, getHostname], [getOSVersion, getOSVersion],
  [getOSType, getOSType], [getOSRelease, getOSRelease], [getMachine, getMachine],
  [getHomeDirectory, getHomeDirectory], [getTotalMem, getTotalMem], [getUptime, getUptime],
  [arch, arch], [getAvailableParallelism, getAvailableParallelism], [endianness, endianness],
  [platform, platform], [tmpdir, tmpdir],
];
for (const [fn, value] of toPrimitive) fn[Symbol.toPrimitive] = () => value();

module.exports = {
  arch,
  availableParallelism: getAvailableParallelism,
  cpus,
  endianness,
  freemem: getFreeMem,
  getPriority,
  homedir: getHomeDirectory,
  hostname: getHostname,
  loadavg,
  networkInterfaces,
  platform,
  release: getOSRelease,
  setPriority,
  tmpdir,
  totalmem: getTotalMem,
  type: getOSType,
  userInfo,
  uptime: getUptime,
  version: getOSVersion,
  machine: getMachine,
};

Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: constants },
  EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
