'use strict';
// fs: the sync and callback forms. Each function parses its arguments once and calls one op
// from `internalBinding('fs')`; the sync form calls it without a request id and gets the result
// (or a negative errno) back, the callback form passes a request id from internal/async_ops and
// gets the same result later from the event loop. The promise form is
// lib/internal/fs/promises.js; streams are lib/internal/fs/streams.js.

const binding = internalBinding('fs');
const pathModule = require('path');
const { request } = require('internal/async_ops');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  validateFunction, validateInteger, validateObject, validateBuffer, validateString,
} = require('internal/validators');
const {
  constants, stringToFlags, getValidatedPath, getValidatedFd, isFd, getOptions, kEmptyObject,
  toUnixTimestamp, fsError, asyncFsError, opFailure, check, Stats, Dirent, getStatsFromBinding, getStatFsFromBinding,
  encodeName, dataBytes, validateRmOptions, validatePosition, validateOffsetLengthRead,
  validateOffsetLengthWrite, parseFileMode, assertEncoding, readdirOptions, readdirResult, readdirTree,
  mkdirOptions, scatter, totalLength, warnRmdirRecursive,
} = require('internal/fs/utils');

const { F_OK, R_OK, W_OK, X_OK } = constants;

function maybeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// A request id whose completion calls `callback(err)` or `callback(null, map(result))`.
function req(callback, syscall, path, dest, map) {
  return request((r) => {
    if (typeof r === 'number' && r < 0) {
      callback(asyncFsError(r, syscall, path, dest));
    } else if (map === undefined) {
      callback(null);
    } else {
      callback(null, map(r));
    }
  });
}

function asBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

function nextTickError(callback, err) {
  process.nextTick(callback, err);
}

// ---- access / exists ----

function accessSync(path, mode = F_OK) {
  path = getValidatedPath(path);
  mode = mode === undefined ? F_OK : validateMode(mode);
  check(binding.access(path, mode), 'access', path);
}

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  mode = mode == null ? F_OK : validateMode(mode);
  callback = maybeCallback(callback);
  binding.access(path, mode, req(callback, 'access', path));
}

function validateMode(mode) {
  validateInteger(mode, 'mode', 0, 7);
  return mode;
}

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  return binding.access(path, F_OK) === undefined;
}

function exists(path, callback) {
  maybeCallback(callback);
  try {
    path = getValidatedPath(path);
  } catch {
    return process.nextTick(callback, false);
  }
  binding.access(path, F_OK, request((r) => callback(r === undefined)));
}
Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  value: function exists(path) {
    return new Promise((resolve) => fs.exists(path, resolve));
  },
});

// ---- readFile / writeFile / appendFile ----

function readFileResult(bytes, encoding) {
  if (typeof bytes === 'string') return bytes;
  const b = asBuffer(bytes);
  return encoding && encoding !== 'buffer' ? b.toString(encoding) : b;
}

function isUtf8(encoding) {
  return encoding === 'utf8' || encoding === 'utf-8';
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  const encoding = options.encoding;
  if (isFd(path)) {
    const fd = getValidatedFd(path);
    return readFileResult(check(binding.readFd(fd, isUtf8(encoding)), 'read'), encoding);
  }
  path = getValidatedPath(path);
  const r = binding.readFile(path, stringToFlags(options.flag), isUtf8(encoding));
  if (typeof r === 'number') throw opFailure(r, 'read', path);
  return readFileResult(r, encoding);
}

function readFile(path, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { flag: 'r' });
  const encoding = options.encoding;
  const signal = options.signal;
  if (signal?.aborted) {
    return nextTickError(callback, new (require('internal/errors').AbortError)(undefined, { cause: signal.reason }));
  }
  const done = (r) => {
    if (signal?.aborted) {
      return callback(new (require('internal/errors').AbortError)(undefined, { cause: signal.reason }));
    }
    if (typeof r === 'number' && r < 0) {
      return callback(isFd(path) ? asyncFsError(r, 'read') : opFailure(r, 'read', path, true));
    }
    let value;
    try {
      value = readFileResult(r, encoding);
    } catch (err) {
      return callback(err);
    }
    callback(null, value);
  };
  if (isFd(path)) {
    binding.readFd(getValidatedFd(path), isUtf8(encoding), request(done));
    return;
  }
  path = getValidatedPath(path);
  binding.readFile(path, stringToFlags(options.flag), isUtf8(encoding), request(done));
}

function writeFlags(options, fallback) {
  return stringToFlags(options.flag ?? fallback);
}

function validateWriteData(data) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  validateWriteData(data);
  const bytes = dataBytes(data, options.encoding);
  if (isFd(path)) {
    const fd = getValidatedFd(path);
    check(binding.writeAll(fd, bytes, null), 'write');
    return;
  }
  path = getValidatedPath(path, 'path');
  const flags = writeFlags(options, 'w');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  const r = binding.writeFile(path, bytes, flags, mode);
  if (typeof r === 'number') throw opFailure(r, 'write', path);
}

function writeFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  validateWriteData(data);
  const bytes = dataBytes(data, options.encoding);
  const signal = options.signal;
  if (signal?.aborted) {
    return nextTickError(callback, new (require('internal/errors').AbortError)(undefined, { cause: signal.reason }));
  }
  if (signal !== undefined) {
    // An abort while the write is in flight reports AbortError, as node's chunked writeFile.
    const inner = callback;
    callback = (err) => {
      if (signal.aborted) inner(new (require('internal/errors').AbortError)(undefined, { cause: signal.reason }));
      else inner(err);
    };
  }
  if (isFd(path)) {
    binding.writeAll(getValidatedFd(path), bytes, null, req(callback, 'write'));
    return;
  }
  path = getValidatedPath(path, 'path');
  const flags = writeFlags(options, 'w');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  binding.writeFile(path, bytes, flags, mode, request((r) => callback(r === undefined ? null : opFailure(r, 'write', path, true))));
}

function appendOptions(options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  return { ...options, flag: options.flag || 'a' };
}

function appendFileSync(path, data, options) {
  writeFileSync(path, data, appendOptions(options));
}

function appendFile(path, data, options, callback) {
  callback = maybeCallback(callback || options);
  writeFile(path, data, appendOptions(options), callback);
}

// ---- descriptors ----

function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  const f = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return check(binding.open(path, f, mode), 'open', path);
}

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const f = stringToFlags(flags);
  callback = maybeCallback(callback);
  binding.open(path, f, mode, req(callback, 'open', path, undefined, (fd) => fd));
}

function openAsBlob(path, options = kEmptyObject) {
  validateObject(options, 'options');
  const type = options.type || '';
  path = getValidatedPath(path);
  const r = binding.readFile(path, 0, false);
  if (typeof r === 'number') return Promise.reject(fsError(r, 'open', path));
  const { Blob, markFileBacked } = require('internal/buffer_blob');
  return Promise.resolve(markFileBacked(new Blob([r], { type })));
}

function closeSync(fd) {
  fd = getValidatedFd(fd);
  check(binding.close(fd), 'close');
}

function close(fd, callback = defaultCloseCallback) {
  fd = getValidatedFd(fd);
  if (callback !== defaultCloseCallback) callback = maybeCallback(callback);
  binding.close(fd, req(callback, 'close'));
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

// The checks read and readSync share once their arguments are sorted out.
function checkRead(buffer, offset, length, position) {
  validateBuffer(buffer);
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) return { buffer, empty: true };
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  validatePosition(position, 'position', length);
  return { buffer, offset, length, position: Number(position) };
}

const allowNull = { nullable: true };

// readSync(fd, buffer, offset, length, position) or readSync(fd, buffer, options?)
function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined) validateObject(offsetOrOptions, 'options', allowNull);
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? kEmptyObject);
  }
  const a = checkRead(buffer, offset, length, position);
  if (a.empty) return 0;
  return check(binding.readInto(fd, a.buffer, a.offset, a.length, a.position), 'read');
}

// read(fd, buffer, offset, length, position, cb), read(fd, buffer, options, cb),
// read(fd, options, cb), read(fd, cb)
function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      validateObject(offsetOrOptions, 'options', allowNull);
      callback = length;
      params = offsetOrOptions;
    } else if (arguments.length === 3) {
      if (!ArrayBuffer.isView(buffer)) {
        params = buffer;
        ({ buffer = Buffer.alloc(16384) } = params ?? kEmptyObject);
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = Buffer.alloc(16384);
    }
    if (params !== undefined) validateObject(params, 'options', allowNull);
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = params ?? kEmptyObject);
  }
  validateBuffer(buffer);
  callback = maybeCallback(callback);
  const a = checkRead(buffer, offset, length, position);
  if (a.empty) {
    process.nextTick(callback, null, 0, buffer);
    return;
  }
  const target = a.buffer;
  const at = a.offset;
  binding.read(fd, a.length, a.position, request((r) => {
    if (typeof r === 'number') return callback(asyncFsError(r, 'read'));
    new Uint8Array(target.buffer, target.byteOffset, target.byteLength).set(r, at);
    callback(null, r.length, target);
  }));
}

// write(fd, buffer, offset, length, position) / write(fd, buffer, options) /
// write(fd, string, position, encoding)
function writeArgs(buffer, offsetOrOptions, length, position) {
  if (ArrayBuffer.isView(buffer)) {
    let offset = offsetOrOptions;
    if (offset != null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length);
    return { bytes, position: position === null ? null : Number(position), original: buffer };
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  // write(fd, string, position, encoding)
  let pos = offsetOrOptions;
  let encoding = length;
  if (typeof pos !== 'number') pos = null;
  if (encoding === undefined || typeof encoding === 'function') encoding = 'utf8';
  assertEncoding(encoding);
  return { bytes: Buffer.from(buffer, encoding), position: pos, original: buffer };
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  const a = writeArgs(buffer, offsetOrOptions, length, position);
  return check(binding.write(fd, a.bytes, a.position), 'write');
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let a;
  if (ArrayBuffer.isView(buffer)) {
    callback = maybeCallback(callback || position || length || offsetOrOptions);
    if (typeof offsetOrOptions === 'function') offsetOrOptions = null;
    if (typeof length === 'function') length = undefined;
    if (typeof position === 'function') position = null;
    a = writeArgs(buffer, offsetOrOptions, length, position);
  } else {
    validateString(buffer, 'buffer');
    if (typeof offsetOrOptions === 'function') {
      callback = offsetOrOptions;
      offsetOrOptions = null;
    } else if (typeof length === 'function') {
      callback = length;
      length = 'utf8';
    } else if (typeof position === 'function') {
      callback = position;
    }
    callback = maybeCallback(callback);
    a = writeArgs(buffer, offsetOrOptions, length);
  }
  const original = a.original;
  binding.write(fd, a.bytes, a.position, request((r) => {
    if (r < 0) return callback(asyncFsError(r, 'write'));
    callback(null, r, original);
  }));
}

function validateBufferArray(buffers, name = 'buffers') {
  if (!Array.isArray(buffers)) throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  for (const b of buffers) {
    if (!ArrayBuffer.isView(b)) throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  }
  return buffers;
}

function concatViews(buffers) {
  return Buffer.concat(buffers.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
}

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  const bytes = concatViews(buffers);
  check(binding.writeAll(fd, bytes, typeof position === 'number' ? position : null), 'write');
  return bytes.length;
}

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback = maybeCallback(callback || position);
  if (buffers.length === 0) return process.nextTick(callback, null, 0, buffers);
  const bytes = concatViews(buffers);
  binding.writeAll(fd, bytes, typeof position === 'number' ? position : null, request((r) => {
    if (r < 0) return callback(asyncFsError(r, 'write'));
    callback(null, bytes.length, buffers);
  }));
}

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  const bytes = check(binding.read(fd, totalLength(buffers), typeof position === 'number' ? position : null), 'read');
  return scatter(bytes, buffers);
}

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback = maybeCallback(callback || position);
  binding.read(fd, totalLength(buffers), typeof position === 'number' ? position : null, request((r) => {
    if (typeof r === 'number') return callback(asyncFsError(r, 'read'));
    callback(null, scatter(r, buffers), buffers);
  }));
}

function fstatSync(fd, options = { bigint: false }) {
  fd = getValidatedFd(fd);
  return getStatsFromBinding(check(binding.fstat(fd), 'fstat'), options.bigint);
}

function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  fd = getValidatedFd(fd);
  callback = maybeCallback(callback);
  binding.fstat(fd, req(callback, 'fstat', undefined, undefined, (f) => getStatsFromBinding(f, options.bigint)));
}

function fdOp(name, syscall) {
  const sync = function (fd) {
    fd = getValidatedFd(fd);
    check(binding[name](fd), syscall);
  };
  const cb = function (fd, callback) {
    fd = getValidatedFd(fd);
    callback = maybeCallback(callback);
    binding[name](fd, req(callback, syscall));
  };
  return [sync, cb];
}
const [fsyncSync, fsync] = fdOp('fsync', 'fsync');
const [fdatasyncSync, fdatasync] = fdOp('fdatasync', 'fdatasync');

function ftruncateSync(fd, len = 0) {
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  check(binding.ftruncate(fd, Math.max(0, len)), 'ftruncate');
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  callback = maybeCallback(callback);
  binding.ftruncate(fd, Math.max(0, len), req(callback, 'ftruncate'));
}

function truncateSync(path, len = 0) {
  if (isFd(path)) return ftruncateSync(path, len);
  path = getValidatedPath(path);
  validateInteger(len, 'len');
  check(binding.truncate(path, Math.max(0, len)), 'open', path);
}

function truncate(path, len, callback) {
  if (isFd(path)) return ftruncate(path, len, callback);
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  path = getValidatedPath(path);
  validateInteger(len, 'len');
  callback = maybeCallback(callback);
  binding.truncate(path, Math.max(0, len), req(callback, 'open', path));
}

function fchmodSync(fd, mode) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  check(binding.fchmod(fd, mode), 'fchmod');
}

function fchmod(fd, mode, callback) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  callback = maybeCallback(callback);
  binding.fchmod(fd, mode, req(callback, 'fchmod'));
}

function validateId(id, name) {
  validateInteger(id, name, -1, 4294967295);
  return id;
}

function fchownSync(fd, uid, gid) {
  fd = getValidatedFd(fd);
  check(binding.fchown(fd, validateId(uid, 'uid'), validateId(gid, 'gid')), 'fchown');
}

function fchown(fd, uid, gid, callback) {
  fd = getValidatedFd(fd);
  validateId(uid, 'uid');
  validateId(gid, 'gid');
  callback = maybeCallback(callback);
  binding.fchown(fd, uid, gid, req(callback, 'fchown'));
}

function futimesSync(fd, atime, mtime) {
  fd = getValidatedFd(fd);
  check(binding.futimes(fd, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime')), 'futime');
}

function futimes(fd, atime, mtime, callback) {
  fd = getValidatedFd(fd);
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  callback = maybeCallback(callback);
  binding.futimes(fd, atime, mtime, req(callback, 'futime'));
}

// ---- paths ----

function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  const r = binding.stat(path, true);
  if (typeof r === 'number') {
    if (r === -2 && options.throwIfNoEntry === false) return undefined;
    check(r, 'stat', path);
  }
  return getStatsFromBinding(r, options.bigint);
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  const r = binding.stat(path, false);
  if (typeof r === 'number') {
    if (r === -2 && options.throwIfNoEntry === false) return undefined;
    check(r, 'lstat', path);
  }
  return getStatsFromBinding(r, options.bigint);
}

function statWith(follow, syscall) {
  return function (path, options = { bigint: false }, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = kEmptyObject;
    }
    callback = maybeCallback(callback);
    path = getValidatedPath(path);
    binding.stat(path, follow, req(callback, syscall, path, undefined, (f) => getStatsFromBinding(f, options.bigint)));
  };
}
const stat = statWith(true, 'stat');
const lstat = statWith(false, 'lstat');

function statfsSync(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatFsFromBinding(check(binding.statfs(path), 'statfs', path), options.bigint);
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  binding.statfs(path, req(callback, 'statfs', path, undefined, (f) => getStatFsFromBinding(f, options.bigint)));
}

function readdirSync(path, options) {
  options = readdirOptions(options);
  path = getValidatedPath(path);
  if (!options.recursive) return readdirResult(check(binding.readdir(path), 'scandir', path), path, options);
  const walk = readdirTree(path, options);
  let step = walk.next();
  while (!step.done) step = walk.next(check(binding.readdir(step.value), 'scandir', step.value));
  return step.value;
}

function readdir(path, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = readdirOptions(options);
  path = getValidatedPath(path);
  if (!options.recursive) {
    binding.readdir(path, req(callback, 'scandir', path, undefined, (list) => readdirResult(list, path, options)));
    return;
  }
  const walk = readdirTree(path, options);
  const next = (step) => {
    if (step.done) return callback(null, step.value);
    const dir = step.value;
    binding.readdir(dir, request((r) => {
      if (typeof r === 'number') return callback(asyncFsError(r, 'scandir', dir));
      next(walk.next(r));
    }));
  };
  next(walk.next());
}

function mkdirSync(path, options) {
  const { mode, recursive } = mkdirOptions(options);
  path = getValidatedPath(path);
  const r = check(binding.mkdir(recursive ? pathModule.resolve(path) : path, mode, recursive), 'mkdir', path);
  return recursive ? r : undefined;
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { mode, recursive } = mkdirOptions(options);
  path = getValidatedPath(path);
  callback = maybeCallback(callback);
  binding.mkdir(recursive ? pathModule.resolve(path) : path, mode, recursive,
    req(callback, 'mkdir', path, undefined, (r) => (recursive ? r : undefined)));
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  return encodeName(check(binding.mkdtemp(prefix), 'mkdtemp', `${prefix}XXXXXX`), options.encoding);
}

function mkdtemp(prefix, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  binding.mkdtemp(prefix, req(callback, 'mkdtemp', `${prefix}XXXXXX`, undefined, (p) => encodeName(p, options.encoding)));
}

const rmDefaults = { force: false, recursive: false, retryDelay: 100, maxRetries: 0 };
const rmdirDefaults = { recursive: false, retryDelay: 100, maxRetries: 0, force: false };

function rmSync(path, options) {
  path = getValidatedPath(path);
  options = validateRmOptions(options, rmDefaults);
  const r = binding.rm(path, options.recursive, options.force);
  if (typeof r === 'number' && r < 0) throw fsError(r, r === -21 ? 'rm' : 'lstat', path);
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  options = validateRmOptions(options, rmDefaults);
  callback = maybeCallback(callback);
  binding.rm(path, options.recursive, options.force, request((r) => {
    if (typeof r === 'number' && r < 0) return callback(r === -21 ? fsError(r, 'rm', path) : asyncFsError(r, 'lstat', path));
    callback(null);
  }));
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    warnRmdirRecursive();
    options = validateRmOptions(options, rmdirDefaults);
    const r = binding.stat(path, false);
    if (typeof r === 'number') check(r, 'stat', path);
    if ((r[1] & constants.S_IFMT) !== constants.S_IFDIR) check(-20, 'rmdir', path);
    check(binding.rm(path, true, false), 'rm', path);
    return;
  }
  check(binding.rmdir(path), 'rmdir', path);
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  callback = maybeCallback(callback);
  if (options?.recursive) {
    warnRmdirRecursive();
    validateRmOptions(options, rmdirDefaults);
    binding.stat(path, false, request((r) => {
      if (typeof r === 'number') return callback(asyncFsError(r, 'stat', path));
      if ((r[1] & constants.S_IFMT) !== constants.S_IFDIR) return callback(asyncFsError(-20, 'rmdir', path));
      binding.rm(path, true, false, req(callback, 'rm', path));
    }));
    return;
  }
  binding.rmdir(path, req(callback, 'rmdir', path));
}

// Ops of one path returning nothing: unlink.
function unlinkSync(path) {
  path = getValidatedPath(path);
  check(binding.unlink(path), 'unlink', path);
}

function unlink(path, callback) {
  callback = maybeCallback(callback);
  path = getValidatedPath(path);
  binding.unlink(path, req(callback, 'unlink', path));
}

function twoPaths(name, syscall, first, second) {
  const sync = function (a, b) {
    a = getValidatedPath(a, first);
    b = getValidatedPath(b, second);
    check(binding[name](a, b), syscall, a, b);
  };
  const cb = function (a, b, callback) {
    a = getValidatedPath(a, first);
    b = getValidatedPath(b, second);
    callback = maybeCallback(callback);
    binding[name](a, b, req(callback, syscall, a, b));
  };
  return [sync, cb];
}
const [renameSync, rename] = twoPaths('rename', 'rename', 'oldPath', 'newPath');
const [linkSync, link] = twoPaths('link', 'link', 'existingPath', 'newPath');

function symlinkSync(target, path, type) {
  if (type != null) validateSymlinkType(type);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  check(binding.symlink(target, path), 'symlink', target, path);
}

function symlink(target, path, type, callback) {
  if (typeof type === 'function') {
    callback = type;
    type = undefined;
  }
  if (type != null) validateSymlinkType(type);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  callback = maybeCallback(callback);
  binding.symlink(target, path, req(callback, 'symlink', target, path));
}

function validateSymlinkType(type) {
  if (type !== 'dir' && type !== 'file' && type !== 'junction') {
    throw new ERR_INVALID_ARG_VALUE('type', type, "must be one of: 'dir', 'file', 'junction'");
  }
}

function copyFileSync(src, dest, mode = 0) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  validateInteger(mode, 'mode', 0, 7);
  check(binding.copyFile(src, dest, mode), 'copyfile', src, dest);
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  validateInteger(mode ?? 0, 'mode', 0, 7);
  callback = maybeCallback(callback);
  binding.copyFile(src, dest, mode ?? 0, req(callback, 'copyfile', src, dest));
}

function readlinkSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return encodeName(check(binding.readlink(path), 'readlink', path), options.encoding);
}

function readlink(path, options, callback) {
  callback = maybeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  binding.readlink(path, req(callback, 'readlink', path, undefined, (r) => encodeName(r, options.encoding)));
}

function realpathSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  return encodeName(check(binding.realpath(path), 'lstat', path), options.encoding);
}

realpathSync.native = function realpathSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  return encodeName(check(binding.realpath(path), 'realpath', path), options.encoding);
};

function realpathWith(syscall) {
  return function realpath(path, options, callback) {
    callback = maybeCallback(typeof options === 'function' ? options : callback);
    options = getOptions(options);
    path = getValidatedPath(path);
    binding.realpathAsync(path, req(callback, syscall, path, undefined, (r) => encodeName(r, options.encoding)));
  };
}
const realpath = realpathWith('lstat');
realpath.native = realpathWith('realpath');

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  check(binding.chmod(path, mode), 'chmod', path);
}

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = maybeCallback(callback);
  binding.chmod(path, mode, req(callback, 'chmod', path));
}

function chownWith(follow, syscall) {
  const sync = function (path, uid, gid) {
    path = getValidatedPath(path);
    check(binding.chown(path, validateId(uid, 'uid'), validateId(gid, 'gid'), follow), syscall, path);
  };
  const cb = function (path, uid, gid, callback) {
    path = getValidatedPath(path);
    validateId(uid, 'uid');
    validateId(gid, 'gid');
    callback = maybeCallback(callback);
    binding.chown(path, uid, gid, follow, req(callback, syscall, path));
  };
  return [sync, cb];
}
const [chownSync, chown] = chownWith(true, 'chown');
const [lchownSync, lchown] = chownWith(false, 'lchown');

function utimesWith(follow, syscall) {
  const sync = function (path, atime, mtime) {
    path = getValidatedPath(path);
    check(binding.utimes(path, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'), follow), syscall, path);
  };
  const cb = function (path, atime, mtime, callback) {
    path = getValidatedPath(path);
    atime = toUnixTimestamp(atime, 'atime');
    mtime = toUnixTimestamp(mtime, 'mtime');
    callback = maybeCallback(callback);
    binding.utimes(path, atime, mtime, follow, req(callback, syscall, path));
  };
  return [sync, cb];
}
const [utimesSync, utimes] = utimesWith(true, 'utime');
const [lutimesSync, lutimes] = utimesWith(false, 'lutime');

const kCustomPromisifyArgs = require('internal/util/promisify_args');
for (const [fn, names] of [[read, ['bytesRead', 'buffer']], [write, ['bytesWritten', 'buffer']],
  [readv, ['bytesRead', 'buffers']], [writev, ['bytesWritten', 'buffers']]]) {
  Object.defineProperty(fn, kCustomPromisifyArgs, { value: names, enumerable: false });
}

// ---- lazily loaded parts ----

let promises;
let streams;
let dir;
let watchers;
let cpModule;

function lazyStreams() {
  streams ??= require('internal/fs/streams');
  return streams;
}

function createReadStream(path, options) {
  return new (lazyStreams().ReadStream)(path, options);
}

function createWriteStream(path, options) {
  return new (lazyStreams().WriteStream)(path, options);
}

function lazyDir() {
  dir ??= require('internal/fs/dir');
  return dir;
}

function lazyWatchers() {
  watchers ??= require('internal/fs/watchers');
  return watchers;
}

function lazyCp() {
  cpModule ??= require('internal/fs/cp');
  return cpModule;
}

const fs = module.exports = {
  appendFile,
  appendFileSync,
  access,
  accessSync,
  chown,
  chownSync,
  chmod,
  chmodSync,
  close,
  closeSync,
  copyFile,
  copyFileSync,
  cp(src, dest, options, callback) { return lazyCp().cp(src, dest, options, callback); },
  cpSync(src, dest, options) { return lazyCp().cpSync(src, dest, options); },
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  fchown,
  fchownSync,
  fchmod,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  futimes,
  futimesSync,
  lchown,
  lchownSync,
  lchmod: undefined,
  lchmodSync: undefined,
  link,
  linkSync,
  lstat,
  lstatSync,
  lutimes,
  lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  open,
  openSync,
  openAsBlob,
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink,
  readlinkSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat,
  statfs,
  statSync,
  statfsSync,
  symlink,
  symlinkSync,
  truncate,
  truncateSync,
  unwatchFile(filename, listener) { return lazyWatchers().unwatchFile(filename, listener); },
  unlink,
  unlinkSync,
  utimes,
  utimesSync,
  watch(filename, options, listener) { return lazyWatchers().watch(filename, options, listener); },
  watchFile(filename, options, listener) { return lazyWatchers().watchFile(filename, options, listener); },
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent,
  Stats,
  get ReadStream() { return lazyStreams().ReadStream; },
  set ReadStream(v) { lazyStreams().ReadStream = v; },
  get WriteStream() { return lazyStreams().WriteStream; },
  set WriteStream(v) { lazyStreams().WriteStream = v; },
  get FileReadStream() { return lazyStreams().FileReadStream; },
  set FileReadStream(v) { lazyStreams().FileReadStream = v; },
  get FileWriteStream() { return lazyStreams().FileWriteStream; },
  set FileWriteStream(v) { lazyStreams().FileWriteStream = v; },
  _toUnixTimestamp: toUnixTimestamp,
  get Dir() { return lazyDir().Dir; },
  opendir(path, options, callback) { return lazyDir().opendir(path, options, callback); },
  opendirSync(path, options) { return lazyDir().opendirSync(path, options); },
  F_OK,
  R_OK,
  W_OK,
  X_OK,
  constants,
  get promises() {
    promises ??= require('internal/fs/promises').exports;
    return promises;
  },
};
