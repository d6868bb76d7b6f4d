'use strict';
// fs/promises and FileHandle: the same ops as lib/fs.js, with a request whose completion
// settles a promise. Argument errors reject (the functions are async, as in node).

const binding = internalBinding('fs');
const pathModule = require('path');
const EventEmitter = require('events');
const { request } = require('internal/async_ops');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
  AbortError,
} = require('internal/errors');
const {
  validateInteger, validateBuffer, validateString,
} = require('internal/validators');
const {
  constants, stringToFlags, getValidatedPath, getOptions, kEmptyObject,
  toUnixTimestamp, fsError, asyncFsError, opFailure, getStatsFromBinding, getStatFsFromBinding, encodeName, dataBytes,
  validateRmOptions, validatePosition, validateOffsetLengthRead, validateOffsetLengthWrite,
  parseFileMode, assertEncoding, readdirOptions, readdirResult, readdirTree, mkdirOptions,
  scatter, totalLength, warnRmdirRecursive,
} = require('internal/fs/utils');

const { F_OK, S_IFMT, S_IFDIR } = constants;


// Calls `invoke(requestId)` and settles with the op's result (mapped), or its error.
function op(syscall, path, dest, map, invoke) {
  return new Promise((resolve, reject) => {
    invoke(request((r) => {
      if (typeof r === 'number' && r < 0) reject(asyncFsError(r, syscall, path, dest));
      else resolve(map === undefined ? undefined : map(r));
    }));
  });
}

const same = (r) => r;

function checkAborted(signal) {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

function asBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

// ---- FileHandle ----

const kFd = Symbol('kFd');
const kHandle = Symbol('kHandle');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');

function handleClosed(syscall) {
  const err = new Error('file closed');
  err.code = 'EBADF';
  err.syscall = syscall;
  return err;
}

class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kHandle] = {};
    this[kFd] = fd;
    this[kRefs] = 1;
    this[kClosePromise] = null;
  }

  getAsyncId() {
    return this[kFd];
  }

  get fd() {
    return this[kFd];
  }

  #fd(syscall) {
    if (this[kFd] === -1) throw handleClosed(syscall);
    return this[kFd];
  }

  async appendFile(data, options) {
    options = getOptions(options, { encoding: 'utf8' });
    return writeFileHandle(this, data, options);
  }

  async chmod(mode) {
    const fd = this.#fd('fchmod');
    mode = parseFileMode(mode, 'mode');
    return op('fchmod', undefined, undefined, undefined, (id) => binding.fchmod(fd, mode, id));
  }

  async chown(uid, gid) {
    const fd = this.#fd('fchown');
    validateInteger(uid, 'uid', -1, 4294967295);
    validateInteger(gid, 'gid', -1, 4294967295);
    return op('fchown', undefined, undefined, undefined, (id) => binding.fchown(fd, uid, gid, id));
  }

  async datasync() {
    const fd = this.#fd('fdatasync');
    return op('fdatasync', undefined, undefined, undefined, (id) => binding.fdatasync(fd, id));
  }

  async sync() {
    const fd = this.#fd('fsync');
    return op('fsync', undefined, undefined, undefined, (id) => binding.fsync(fd, id));
  }

  async read(buffer, offset, length, position) {
    const fd = this.#fd('read');
    let params = null;
    if (buffer != null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer)) {
      params = buffer;
      buffer = undefined;
    } else if (offset != null && typeof offset === 'object') {
      params = offset;
      offset = undefined;
    }
    if (params !== null) {
      ({ buffer = buffer ?? Buffer.alloc(16384), offset = 0, length, position = null } = params);
    }
    buffer ??= Buffer.alloc(16384);
    validateBuffer(buffer);
    offset ??= 0;
    validateInteger(offset, 'offset', 0);
    length ??= buffer.byteLength - offset;
    if (length === 0) return { bytesRead: 0, buffer };
    validateOffsetLengthRead(offset, length, buffer.byteLength);
    if (position == null) position = -1;
    validatePosition(position, 'position', length);
    const target = buffer;
    const at = offset;
    return op('read', undefined, undefined, (bytes) => {
      new Uint8Array(target.buffer, target.byteOffset, target.byteLength).set(bytes, at);
      return { bytesRead: bytes.length, buffer: target };
    }, (id) => binding.read(fd, length, Number(position), id));
  }

  async readv(buffers, position) {
    const fd = this.#fd('read');
    const total = totalLength(buffers);
    return op('read', undefined, undefined, (bytes) => ({ bytesRead: scatter(bytes, buffers), buffers }),
      (id) => binding.read(fd, total, typeof position === 'number' ? position : null, id));
  }

  async readFile(options) {
    const fd = this.#fd('read');
    options = getOptions(options, { flag: 'r' });
    checkAborted(options.signal);
    const encoding = options.encoding;
    const utf8 = encoding === 'utf8' || encoding === 'utf-8';
    return op('read', undefined, undefined, (r) => {
      checkAborted(options.signal);
      if (typeof r === 'string') return r;
      const b = asBuffer(r);
      return encoding && encoding !== 'buffer' ? b.toString(encoding) : b;
    }, (id) => binding.readFd(fd, utf8, id));
  }

  readLines(options = undefined) {
    const { Interface } = require('internal/readline/interface');
    return new Interface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }

  async stat(options = { bigint: false }) {
    const fd = this.#fd('fstat');
    return op('fstat', undefined, undefined, (f) => getStatsFromBinding(f, options.bigint), (id) => binding.fstat(fd, id));
  }

  async truncate(len = 0) {
    const fd = this.#fd('ftruncate');
    validateInteger(len, 'len');
    return op('ftruncate', undefined, undefined, undefined, (id) => binding.ftruncate(fd, Math.max(0, len), id));
  }

  async utimes(atime, mtime) {
    const fd = this.#fd('futime');
    atime = toUnixTimestamp(atime, 'atime');
    mtime = toUnixTimestamp(mtime, 'mtime');
    return op('futime', undefined, undefined, undefined, (id) => binding.futimes(fd, atime, mtime, id));
  }

  async write(buffer, offsetOrOptions, length, position) {
    const fd = this.#fd('write');
    if (ArrayBuffer.isView(buffer)) {
      let offset = offsetOrOptions;
      if (offset != null && typeof offset === 'object') {
        ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
      }
      offset ??= 0;
      validateInteger(offset, 'offset', 0);
      if (typeof length !== 'number') length = buffer.byteLength - offset;
      if (typeof position !== 'number') position = null;
      validateOffsetLengthWrite(offset, length, buffer.byteLength);
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length);
      return op('write', undefined, undefined, (n) => ({ bytesWritten: n, buffer }),
        (id) => binding.write(fd, bytes, position, id));
    }
    validateString(buffer, 'buffer');
    const encoding = typeof length === 'string' ? length : 'utf8';
    assertEncoding(encoding);
    const pos = typeof offsetOrOptions === 'number' ? offsetOrOptions : null;
    const bytes = Buffer.from(buffer, encoding);
    return op('write', undefined, undefined, (n) => ({ bytesWritten: n, buffer }),
      (id) => binding.write(fd, bytes, pos, id));
  }

  async writev(buffers, position) {
    const fd = this.#fd('write');
    if (!Array.isArray(buffers) || !buffers.every((b) => ArrayBuffer.isView(b))) {
      throw new ERR_INVALID_ARG_TYPE('buffers', 'ArrayBufferView[]', buffers);
    }
    const bytes = Buffer.concat(buffers.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
    return op('write', undefined, undefined, () => ({ bytesWritten: bytes.length, buffers }),
      (id) => binding.writeAll(fd, bytes, typeof position === 'number' ? position : null, id));
  }

  async writeFile(data, options) {
    options = getOptions(options, { encoding: 'utf8' });
    return writeFileHandle(this, data, options);
  }

  close = () => {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    const fd = this[kFd];
    this[kClosePromise] = op('close', undefined, undefined, undefined, (id) => binding.close(fd, id)).then(() => {
      this[kFd] = -1;
      this[kClosePromise] = null;
      this.emit('close');
    }, (err) => {
      this[kClosePromise] = null;
      throw err;
    });
    return this[kClosePromise];
  };

  async [Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose')]() {
    return this.close();
  }

  readableWebStream(options = kEmptyObject) {
    const fd = this.#fd('read');
    const { ReadableStream } = require('stream/web');
    const handle = this;
    return new ReadableStream({
      type: options.type === 'bytes' ? 'bytes' : undefined,
      async pull(controller) {
        const bytes = await op('read', undefined, undefined, same, (id) => binding.read(fd, 16384, null, id));
        if (bytes.length === 0) {
          controller.close();
        } else {
          controller.enqueue(bytes);
        }
      },
      cancel() {
        return handle.close();
      },
    });
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }
}

function isIterableData(data) {
  return data != null && typeof data === 'object' &&
    (typeof data[Symbol.asyncIterator] === 'function' || typeof data[Symbol.iterator] === 'function');
}

function validateWriteData(data) {
  if (typeof data === 'string' || ArrayBuffer.isView(data) || isIterableData(data)) return;
  throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView', 'AsyncIterable', 'Iterable', 'Stream'], data);
}

async function writeAllFd(fd, bytes) {
  return op('write', undefined, undefined, undefined, (id) => binding.writeAll(fd, bytes, null, id));
}

async function writeFileHandle(handle, data, options) {
  validateWriteData(data);
  const fd = handle.fd;
  if (fd === -1) throw handleClosed('write');
  checkAborted(options.signal);
  if (typeof data === 'string' || ArrayBuffer.isView(data)) {
    await writeAllFd(fd, dataBytes(data, options.encoding));
    checkAborted(options.signal);
    return;
  }
  for await (const chunk of data) {
    checkAborted(options.signal);
    if (typeof chunk === 'string') {
      await writeAllFd(fd, Buffer.from(chunk, options.encoding || 'utf8'));
    } else if (ArrayBuffer.isView(chunk)) {
      await writeAllFd(fd, new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    } else {
      throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }
}

// ---- functions of paths ----

async function access(path, mode = F_OK) {
  path = getValidatedPath(path);
  validateInteger(mode ?? F_OK, 'mode', 0, 7);
  return op('access', path, undefined, undefined, (id) => binding.access(path, mode ?? F_OK, id));
}

async function copyFile(src, dest, mode = 0) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  validateInteger(mode ?? 0, 'mode', 0, 7);
  return op('copyfile', src, dest, undefined, (id) => binding.copyFile(src, dest, mode ?? 0, id));
}

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const f = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  const fd = await op('open', path, undefined, same, (id) => binding.open(path, f, mode, id));
  return new FileHandle(fd);
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return op('rename', oldPath, newPath, undefined, (id) => binding.rename(oldPath, newPath, id));
}

async function truncate(path, len = 0) {
  path = getValidatedPath(path);
  validateInteger(len, 'len');
  return op('open', path, undefined, undefined, (id) => binding.truncate(path, Math.max(0, len), id));
}

const rmDefaults = { force: false, recursive: false, retryDelay: 100, maxRetries: 0 };

async function rm(path, options) {
  path = getValidatedPath(path);
  options = validateRmOptions(options, rmDefaults);
  return new Promise((resolve, reject) => {
    binding.rm(path, options.recursive, options.force, request((r) => {
      if (typeof r === 'number' && r < 0) reject(r === -21 ? fsError(r, 'rm', path) : asyncFsError(r, 'lstat', path));
      else resolve();
    }));
  });
}

async function rmdir(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    warnRmdirRecursive();
    validateRmOptions(options, { ...rmDefaults, force: false });
    const f = await op('stat', path, undefined, same, (id) => binding.stat(path, false, id));
    if ((f[1] & S_IFMT) !== S_IFDIR) throw asyncFsError(-20, 'rmdir', path);
    return op('rm', path, undefined, undefined, (id) => binding.rm(path, true, false, id));
  }
  return op('rmdir', path, undefined, undefined, (id) => binding.rmdir(path, id));
}

async function mkdir(path, options) {
  const { mode, recursive } = mkdirOptions(options);
  path = getValidatedPath(path);
  return op('mkdir', path, undefined, (r) => (recursive ? r : undefined),
    (id) => binding.mkdir(recursive ? pathModule.resolve(path) : path, mode, recursive, id));
}

async function readdir(path, options) {
  options = readdirOptions(options);
  path = getValidatedPath(path);
  const list = (dir) => op('scandir', dir, undefined, same, (id) => binding.readdir(dir, id));
  if (!options.recursive) return readdirResult(await list(path), path, options);
  const walk = readdirTree(path, options);
  let step = walk.next();
  while (!step.done) step = walk.next(await list(step.value));
  return step.value;
}

async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return op('readlink', path, undefined, (r) => encodeName(r, options.encoding), (id) => binding.readlink(path, id));
}

async function symlink(target, path, type) {
  if (type != null && type !== 'dir' && type !== 'file' && type !== 'junction') {
    throw new ERR_INVALID_ARG_VALUE('type', type, "must be one of: 'dir', 'file', 'junction'");
  }
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  return op('symlink', target, path, undefined, (id) => binding.symlink(target, path, id));
}

async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return op('lstat', path, undefined, (f) => getStatsFromBinding(f, options.bigint), (id) => binding.stat(path, false, id));
}

async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return op('stat', path, undefined, (f) => getStatsFromBinding(f, options.bigint), (id) => binding.stat(path, true, id));
}

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return op('statfs', path, undefined, (f) => getStatFsFromBinding(f, options.bigint), (id) => binding.statfs(path, id));
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return op('link', existingPath, newPath, undefined, (id) => binding.link(existingPath, newPath, id));
}

async function unlink(path) {
  path = getValidatedPath(path);
  return op('unlink', path, undefined, undefined, (id) => binding.unlink(path, id));
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  return op('chmod', path, undefined, undefined, (id) => binding.chmod(path, mode, id));
}

async function lchmod() {
  const { ERR_METHOD_NOT_IMPLEMENTED } = require('internal/errors').codes;
  throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

function chownWith(follow, syscall) {
  return async function (path, uid, gid) {
    path = getValidatedPath(path);
    validateInteger(uid, 'uid', -1, 4294967295);
    validateInteger(gid, 'gid', -1, 4294967295);
    return op(syscall, path, undefined, undefined, (id) => binding.chown(path, uid, gid, follow, id));
  };
}
const chown = chownWith(true, 'chown');
const lchown = chownWith(false, 'lchown');

function utimesWith(follow, syscall) {
  return async function (path, atime, mtime) {
    path = getValidatedPath(path);
    atime = toUnixTimestamp(atime, 'atime');
    mtime = toUnixTimestamp(mtime, 'mtime');
    return op(syscall, path, undefined, undefined, (id) => binding.utimes(path, atime, mtime, follow, id));
  };
}
const utimes = utimesWith(true, 'utime');
const lutimes = utimesWith(false, 'lutime');

async function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  return op('realpath', path, undefined, (r) => encodeName(r, options.encoding), (id) => binding.realpathAsync(path, id));
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  return op('mkdtemp', `${prefix}XXXXXX`, undefined, (r) => encodeName(r, options.encoding), (id) => binding.mkdtemp(prefix, id));
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  validateWriteData(data);
  checkAborted(options.signal);
  if (path instanceof FileHandle) return writeFileHandle(path, data, options);
  path = getValidatedPath(path);
  const flags = stringToFlags(options.flag ?? 'w');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (typeof data === 'string' || ArrayBuffer.isView(data)) {
    const bytes = dataBytes(data, options.encoding);
    await new Promise((resolve, reject) => {
      binding.writeFile(path, bytes, flags, mode, request((r) => {
        if (r === undefined) resolve();
        else reject(opFailure(r, 'write', path, true));
      }));
    });
    // An abort while the write was in flight is reported, as node's chunked writeFile does.
    checkAborted(options.signal);
    return;
  }
  const handle = await open(path, flags, mode);
  try {
    await writeFileHandle(handle, data, options);
  } finally {
    await handle.close();
  }
}

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  return writeFile(path, data, { ...options, flag: options.flag || 'a' });
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  checkAborted(options.signal);
  if (path instanceof FileHandle) return path.readFile(options);
  const encoding = options.encoding;
  const utf8 = encoding === 'utf8' || encoding === 'utf-8';
  const finish = (r) => {
    checkAborted(options.signal);
    if (typeof r === 'string') return r;
    const b = asBuffer(r);
    return encoding && encoding !== 'buffer' ? b.toString(encoding) : b;
  };
  path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  return new Promise((resolve, reject) => {
    binding.readFile(path, flags, utf8, request((r) => {
      if (typeof r === 'number' && r < 0) {
        reject(opFailure(r, 'read', path, true));
        return;
      }
      try {
        resolve(finish(r));
      } catch (err) {
        reject(err);
      }
    }));
  });
}

async function opendir(path, options) {
  return require('internal/fs/dir').opendirPromise(path, options);
}

async function cp(src, dest, options) {
  return require('internal/fs/cp').cpPromise(src, dest, options);
}

function watch(filename, options) {
  return require('internal/fs/watchers').watchPromise(filename, options);
}

module.exports = {
  exports: {
    access,
    copyFile,
    cp,
    open,
    opendir,
    rename,
    truncate,
    rm,
    rmdir,
    mkdir,
    readdir,
    readlink,
    symlink,
    lstat,
    stat,
    statfs,
    link,
    unlink,
    chmod,
    lchmod,
    lchown,
    chown,
    utimes,
    lutimes,
    realpath,
    mkdtemp,
    writeFile,
    appendFile,
    readFile,
    watch,
    constants,
  },
  FileHandle,
  op,
};
