'use strict';
// What every form of fs shares: constants, argument parsing (paths, descriptors, flags, modes,
// options), Stats/BigIntStats/StatFs/Dirent, and turning an op's negative errno into node's
// error.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE, ERR_FS_EISDIR },
  uvException,
} = require('internal/errors');
const {
  validateInt32, validateInteger, validateAbortSignal, validateObject, validateBoolean,
  parseFileMode,
} = require('internal/validators');

const constants = {
  __proto__: null,
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7, EXTENSIONLESS_FORMAT_JAVASCRIPT: 0,
  EXTENSIONLESS_FORMAT_WASM: 1, S_IFMT: 61440, S_IFREG: 32768,
  S_IFDIR: 16384, S_IFCHR: 8192, S_IFBLK: 24576, S_IFIFO: 4096, S_IFLNK: 40960, S_IFSOCK: 49152,
  O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024,
  O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672, O_DSYNC: 4096,
  O_DIRECT: 16384, O_NONBLOCK: 2048, S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64,
  S_IRWXG: 56, S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2,
  S_IXOTH: 1, F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2, UV_FS_COPYFILE_FICLONE_FORCE: 4,
  COPYFILE_FICLONE_FORCE: 4,
};
Object.freeze(constants);

const { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC } = constants;

const flagTable = {
  __proto__: null,
  'r': O_RDONLY,
  'rs': O_RDONLY | O_SYNC,
  'sr': O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC,
  'sr+': O_RDWR | O_SYNC,
  'w': O_TRUNC | O_CREAT | O_WRONLY,
  'wx': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'xw': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'a': O_APPEND | O_CREAT | O_WRONLY,
  'ax': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'xa': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'as': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'sa': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

// 'r', 'w+', ... (or a number) to open(2) flags.
function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  const n = flagTable[flags];
  if (n === undefined) throw new ERR_INVALID_ARG_VALUE(name, flags, 'is invalid');
  return n;
}

const nullBytesReason = 'must be a string, Uint8Array, or URL without null bytes';

// A path argument as a string: strings, Buffers/Uint8Arrays (UTF-8) and file: URLs.
function getValidatedPath(path, name = 'path') {
  if (typeof path !== 'string') {
    if (path instanceof Uint8Array) {
      path = Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString();
    } else if (path != null && typeof path === 'object' && path.href !== undefined && path.protocol !== undefined) {
      path = require('internal/url').fileURLToPath(path);
    } else {
      throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
    }
  }
  if (path.includes('\u0000')) throw new ERR_INVALID_ARG_VALUE(name, path, nullBytesReason);
  return path;
}

function getValidatedFd(fd, name = 'fd') {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, name, 0);
  return fd;
}

function isFd(path) {
  return typeof path === 'number';
}

const kEmptyObject = Object.freeze({ __proto__: null });

function assertEncoding(encoding) {
  if (encoding && encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

// fs's `options` argument: a string is the encoding; an object is taken as is.
function getOptions(options, defaults = kEmptyObject) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') {
    options = { ...defaults, encoding: options };
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'object'], options);
  }
  assertEncoding(options.encoding);
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  return options;
}

function getEncoding(options, fallback = 'utf8') {
  const o = getOptions(options);
  return o.encoding === undefined ? fallback : o.encoding;
}

// A time for utimes: a Date, seconds as a number or numeric string.
function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time;
  if (typeof time === 'number' && Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

// The error for an op's negative errno, as node builds it.
function fsError(errno, syscall, path, dest) {
  if (syscall === 'rm' && errno === -21) {
    return new ERR_FS_EISDIR({ code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21 });
  }
  return uvException(errno, syscall, path, dest);
}

// The error for an op that completed on the event loop: as in node, its stack is only the
// message line (no JS frames led to it).
function asyncFsError(errno, syscall, path, dest) {
  const err = fsError(errno, syscall, path, dest);
  if (err.name === 'Error') {
    Object.defineProperty(err, 'stack', {
      value: `Error: ${err.message}`, writable: true, configurable: true, enumerable: false,
    });
  }
  return err;
}

// The error of a whole-file op (readFile/writeFile): failures after the file was opened come
// as `-errno - 1e6` (crates/runtime/src/ops/fs.rs, AFTER_OPEN) and are reported as node does,
// as the read or write syscall without a path; others as `open` with the path.
function opFailure(r, afterOpenSyscall, path, async = false) {
  const make = async ? asyncFsError : fsError;
  if (r <= -1e6) return make(r + 1e6, afterOpenSyscall);
  return make(r, 'open', path);
}

// Throws when an op returned a negative errno; otherwise returns the result.
function check(result, syscall, path, dest) {
  if (typeof result === 'number' && result < 0) throw fsError(result, syscall, path, dest);
  return result;
}

// ---- Stats ----

const kNsPerMsBigInt = 1000000n;

function fileType(mode) {
  return Number(mode) & constants.S_IFMT;
}

class StatsBase {
  isDirectory() { return fileType(this.mode) === constants.S_IFDIR; }
  isFile() { return fileType(this.mode) === constants.S_IFREG; }
  isBlockDevice() { return fileType(this.mode) === constants.S_IFBLK; }
  isCharacterDevice() { return fileType(this.mode) === constants.S_IFCHR; }
  isSymbolicLink() { return fileType(this.mode) === constants.S_IFLNK; }
  isFIFO() { return fileType(this.mode) === constants.S_IFIFO; }
  isSocket() { return fileType(this.mode) === constants.S_IFSOCK; }
}

// The fields Stats and BigIntStats share, in node's order.
function setIdentity(stats, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  stats.dev = dev;
  stats.mode = mode;
  stats.nlink = nlink;
  stats.uid = uid;
  stats.gid = gid;
  stats.rdev = rdev;
  stats.blksize = blksize;
  stats.ino = ino;
  stats.size = size;
  stats.blocks = blocks;
}

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  setIdentity(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = new Date(atimeMs);
  this.mtime = new Date(mtimeMs);
  this.ctime = new Date(ctimeMs);
  this.birthtime = new Date(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Stats.prototype._checkModeProperty = function _checkModeProperty(property) {
  return fileType(this.mode) === property;
};

function msToNs(ms) {
  const whole = Math.floor(ms);
  return BigInt(whole) * kNsPerMsBigInt + BigInt(Math.round((ms - whole) * 1e6));
}

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  setIdentity(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeNs / kNsPerMsBigInt;
  this.mtimeMs = mtimeNs / kNsPerMsBigInt;
  this.ctimeMs = ctimeNs / kNsPerMsBigInt;
  this.birthtimeMs = birthtimeNs / kNsPerMsBigInt;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = new Date(Number(this.atimeMs));
  this.mtime = new Date(Number(this.mtimeMs));
  this.ctime = new Date(Number(this.ctimeMs));
  this.birthtime = new Date(Number(this.birthtimeMs));
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);

// Stats from an op's 14 numbers.
function getStatsFromBinding(f, bigint = false) {
  if (bigint) {
    const b = (i) => BigInt(Math.floor(f[i]));
    return new BigIntStats(b(0), b(1), b(2), b(3), b(4), b(5), b(6), b(7), b(8), b(9),
      msToNs(f[10]), msToNs(f[11]), msToNs(f[12]), msToNs(f[13]));
  }
  return new Stats(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9],
    f[10], f[11], f[12], f[13]);
}

class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

function getStatFsFromBinding(f, bigint = false) {
  const v = bigint ? f.map((n) => BigInt(n)) : f;
  return new StatFs(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
}

const kType = Symbol('type');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === constants.UV_DIRENT_DIR; }
  isFile() { return this[kType] === constants.UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === constants.UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === constants.UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === constants.UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === constants.UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === constants.UV_DIRENT_SOCKET; }
}

// A name in the requested encoding (`'buffer'` gives a Buffer).
function encodeName(name, encoding) {
  if (encoding === undefined || encoding === null || encoding === 'utf8' || encoding === 'utf-8') return name;
  const b = Buffer.from(name);
  return encoding === 'buffer' ? b : b.toString(encoding);
}

// Data for writeFile/appendFile: strings in `encoding`, views as their bytes.
function dataBytes(data, encoding, name = 'data') {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

// readdir's options: the encoding and withFileTypes, and a boolean `recursive`.
function readdirOptions(options) {
  options = getOptions(options);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  return options;
}

// readdir's result from an op's [name, type, ...] list of one directory.
function readdirResult(list, dir, options) {
  const out = [];
  for (let i = 0; i < list.length; i += 2) {
    if (options.withFileTypes) out.push(new Dirent(encodeName(list[i], options.encoding), +list[i + 1], dir));
    else out.push(encodeName(list[i], options.encoding));
  }
  return out;
}

// readdir with `recursive`, written once for the sync and async forms: a generator that yields
// each directory to list, receives its [name, type, ...] list, and returns the entries (paths
// relative to `root`, breadth-first, as node).
function* readdirTree(root, options) {
  const out = [];
  const queue = [[root, '']];
  while (queue.length) {
    const [dir, prefix] = queue.shift();
    const list = yield dir;
    for (let i = 0; i < list.length; i += 2) {
      const name = list[i];
      const type = +list[i + 1];
      const rel = prefix ? `${prefix}/${name}` : name;
      if (options.withFileTypes) out.push(new Dirent(name, type, dir));
      else out.push(encodeName(rel, options.encoding));
      if (type === constants.UV_DIRENT_DIR) queue.push([require('path').join(dir, name), rel]);
    }
  }
  return out;
}

// readv: copies `bytes` (read in one go) across `buffers` in order; returns the count placed.
function scatter(bytes, buffers) {
  let at = 0;
  for (const b of buffers) {
    if (at >= bytes.length) break;
    const n = Math.min(b.byteLength, bytes.length - at);
    new Uint8Array(b.buffer, b.byteOffset, n).set(bytes.subarray(at, at + n));
    at += n;
  }
  return at;
}

function totalLength(buffers) {
  let n = 0;
  for (const b of buffers) n += b.byteLength;
  return n;
}

// mkdir's options: a mode (number or octal string), or { recursive, mode }.
function mkdirOptions(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) {
      recursive = options.recursive;
      validateBoolean(recursive, 'options.recursive');
    }
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  return { mode, recursive };
}

let warnedRmdirRecursive = false;
// DEP0147, once per process, as node.
function warnRmdirRecursive() {
  if (warnedRmdirRecursive) return;
  warnedRmdirRecursive = true;
  process.emitWarning('In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. ' +
    'Use fs.rm(path, { recursive: true }) instead', 'DeprecationWarning', 'DEP0147');
}

function validateRmOptions(options, defaults) {
  options = options === undefined ? defaults : options;
  validateObject(options, 'options');
  const out = { ...defaults, ...options };
  validateBoolean(out.force, 'options.force');
  validateBoolean(out.recursive, 'options.recursive');
  validateInt32(out.retryDelay, 'options.retryDelay', 0);
  validateInteger(out.maxRetries, 'options.maxRetries', 0, 2147483647);
  return out;
}

function validatePosition(position, name = 'position', length) {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    const max = 2n ** 63n - 1n - BigInt(length ?? 0);
    if (!(position >= -1n && position <= max)) {
      throw new ERR_OUT_OF_RANGE(name, `>= -1 && <= ${max}`, position);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
}

// read's offset/length against the buffer.
function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

module.exports = {
  constants,
  stringToFlags,
  getValidatedPath,
  getValidatedFd,
  isFd,
  getOptions,
  getEncoding,
  assertEncoding,
  kEmptyObject,
  toUnixTimestamp,
  fsError,
  asyncFsError,
  opFailure,
  check,
  Stats,
  BigIntStats,
  StatFs,
  Dirent,
  getStatsFromBinding,
  getStatFsFromBinding,
  encodeName,
  dataBytes,
  validateRmOptions,
  warnRmdirRecursive,
  readdirOptions,
  readdirResult,
  readdirTree,
  mkdirOptions,
  scatter,
  totalLength,
  validatePosition,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  parseFileMode,
};
