'use strict';
// fs.ReadStream and fs.WriteStream: Readable/Writable over a file descriptor (or a FileHandle),
// opened in _construct, read/written with the fs ops at an explicit position when `start` is
// given, closed in _destroy.

const { Readable, Writable, finished } = require('stream');
const binding = internalBinding('fs');
const { request } = require('internal/async_ops');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_STREAM_DESTROYED },
} = require('internal/errors');
const { validateInteger, validateFunction, validateBoolean } = require('internal/validators');
const {
  getValidatedPath, getValidatedFd, getOptions, stringToFlags, parseFileMode, asyncFsError,
} = require('internal/fs/utils');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');

function isFileHandle(fd) {
  return fd != null && typeof fd === 'object' && typeof fd.close === 'function' && 'fd' in fd;
}

// The file-system functions a stream calls: the fs module's, looked up at call time so that
// patching fs.open/read/write/close (graceful-fs, tests) reaches open streams, or the user's
// `options.fs`. When they are fs's own, the stream calls the ops directly.
let fsModule;
let original;
function lazyFs() {
  if (fsModule === undefined) {
    fsModule = require('fs');
    original = { open: fsModule.open, read: fsModule.read, write: fsModule.write, writev: fsModule.writev, close: fsModule.close };
  }
  return fsModule;
}

function isOriginal(impl, name) {
  return impl === fsModule && impl[name] === original[name];
}

function validatedStartEnd(options) {
  const start = options.start;
  let end = options.end;
  if (start !== undefined) validateInteger(start, 'start', 0);
  if (end === undefined) {
    end = Infinity;
  } else if (end !== Infinity) {
    validateInteger(end, 'end', 0);
    if (start !== undefined && start > end) {
      throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${end})`, start);
    }
  }
  return { start, end };
}

function setupStream(stream, path, options) {
  if (options.fd != null) {
    if (isFileHandle(options.fd)) {
      stream[kHandle] = options.fd;
      stream.fd = options.fd.fd;
      stream[kHandle].on?.('close', () => {
        if (!stream.destroyed) stream.destroy(new ERR_STREAM_DESTROYED('close'));
      });
    } else {
      stream.fd = getValidatedFd(options.fd, 'fd');
    }
    stream.path = undefined;
  } else {
    stream.fd = null;
    stream.path = typeof path === 'string' ? path : getValidatedPath(path);
    if (typeof path !== 'string') stream.path = path instanceof URL ? getValidatedPath(path) : path;
  }
  stream.mode = options.mode === undefined ? 0o666 : parseFileMode(options.mode, 'mode');
  stream[kIsPerformingIO] = false;
}

function openStream(stream, callback) {
  const onOpen = (err, fd) => {
    if (err) return callback(err);
    stream.fd = fd;
    callback();
    stream.emit('open', stream.fd);
    stream.emit('ready');
  };
  const impl = stream[kFs];
  if (!isOriginal(impl, 'open')) {
    impl.open(stream.path, stream.flags, stream.mode, onOpen);
    return;
  }
  const path = typeof stream.path === 'string' ? stream.path : getValidatedPath(stream.path);
  binding.open(path, stringToFlags(stream.flags), stream.mode, request((r) => {
    if (r < 0) onOpen(asyncFsError(r, 'open', path));
    else onOpen(null, r);
  }));
}

// _construct: opens the file unless a descriptor or FileHandle was given. A replaced `open()`
// method (graceful-fs, old subclasses) is honoured: its 'open' or 'error' event ends the
// construction.
function construct(stream, callback, ownOpen) {
  if (!opensOwnFile(stream)) {
    callback();
    return;
  }
  if (stream.open !== ownOpen) {
    const emit = stream.emit;
    stream.emit = function (...args) {
      if (args[0] === 'open') {
        this.emit = emit;
        callback();
        Reflect.apply(emit, this, args);
      } else if (args[0] === 'error') {
        this.emit = emit;
        callback(args[1]);
      } else {
        Reflect.apply(emit, this, args);
      }
    };
    stream.open();
    return;
  }
  openStream(stream, callback);
}

function closeStream(stream, err, callback) {
  if (stream[kHandle]) {
    stream[kHandle].close().then(() => callback(err), callback);
    return;
  }
  if (stream.fd === null || stream.fd === undefined) return callback(err);
  const fd = stream.fd;
  const done = (closeErr) => callback(err || closeErr);
  // `fd` turns null once the close is under way (a patched close still sees it), as in node.
  if (!isOriginal(stream[kFs], 'close')) {
    stream[kFs].close(fd, done);
  } else {
    binding.close(fd, request((r) => done(r < 0 ? asyncFsError(r, 'close') : null)));
  }
  stream.fd = null;
}

// Whether the stream opens its own file (no descriptor or FileHandle was given).
function opensOwnFile(stream) {
  return stream.fd == null && !stream[kHandle];
}

// ---- ReadStream ----

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = { ...getOptions(options, {}) };
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  // lazyFs() also records fs's own functions, which isOriginal compares against.
  const fs = lazyFs();
  this[kFs] = options.fs || fs;
  validateFunction(this[kFs].open, 'options.fs.open');
  validateFunction(this[kFs].read, 'options.fs.read');
  validateFunction(this[kFs].close, 'options.fs.close');
  setupStream(this, path, options);
  this.flags = options.flags === undefined ? 'r' : options.flags;
  const { start, end } = validatedStartEnd(options);
  this.start = start;
  this.end = end;
  this.pos = start;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  if (options.encoding === null) delete options.encoding;
  Readable.call(this, options);
  if (this.fd != null && typeof this.fd !== 'number' && !this[kHandle]) getValidatedFd(this.fd);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'autoClose', {
  get() { return this._readableState.autoDestroy; },
  set(v) { this._readableState.autoDestroy = v; },
  configurable: true,
});

Object.defineProperty(ReadStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

// The legacy way to open: still called when a subclass or patch replaces it.
ReadStream.prototype.open = function open() {
  openStream(this, (err) => {
    if (err) {
      if (this.autoClose) this.destroy(err);
      else this.emit('error', err);
    }
  });
};
const readStreamOpen = ReadStream.prototype.open;

ReadStream.prototype._construct = function _construct(callback) {
  construct(this, callback, readStreamOpen);
};

ReadStream.prototype._read = function _read(n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  this[kIsPerformingIO] = true;
  const onRead = (err, bytes) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, err);
      return;
    }
    if (err) {
      this.destroy(err);
      return;
    }
    if (bytes.length > 0) {
      if (this.pos !== undefined) this.pos += bytes.length;
      this.bytesRead += bytes.length;
      this.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    } else {
      this.push(null);
    }
  };
  if (this[kHandle]) {
    const buf = Buffer.allocUnsafeSlow(n);
    this[kHandle].read(buf, 0, n, this.pos ?? null).then(
      ({ bytesRead }) => onRead(null, buf.subarray(0, bytesRead)), (err) => onRead(err));
    return;
  }
  if (!isOriginal(this[kFs], 'read')) {
    const buf = Buffer.allocUnsafeSlow(n);
    this[kFs].read(this.fd, buf, 0, n, this.pos ?? null, (err, bytesRead) => {
      onRead(err, err ? undefined : buf.subarray(0, bytesRead));
    });
    return;
  }
  binding.read(this.fd, n, this.pos ?? null, request((r) => {
    if (typeof r === 'number') onRead(asyncFsError(r, 'read'));
    else onRead(null, r);
  }));
};

ReadStream.prototype._destroy = function _destroy(err, callback) {
  // Wait for a read in flight before closing, so the descriptor is not reused under it.
  if (this[kIsPerformingIO]) {
    this.once(kIoDone, (er) => closeStream(this, err || er, callback));
  } else {
    closeStream(this, err, callback);
  }
};

ReadStream.prototype.close = function close(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

// ---- WriteStream ----

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = { ...getOptions(options, {}) };
  options.decodeStrings = true;
  if (options.autoDestroy === undefined) options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  // lazyFs() also records fs's own functions, which isOriginal compares against.
  const fs = lazyFs();
  this[kFs] = options.fs || fs;
  validateFunction(this[kFs].open, 'options.fs.open');
  if (!this[kFs].write && !this[kFs].writev) {
    throw new ERR_INVALID_ARG_TYPE('options.fs.write', 'function', this[kFs].write);
  }
  if (this[kFs].write) validateFunction(this[kFs].write, 'options.fs.write');
  if (this[kFs].writev) validateFunction(this[kFs].writev, 'options.fs.writev');
  validateFunction(this[kFs].close, 'options.fs.close');

  setupStream(this, path, options);
  this.flags = options.flags === undefined ? 'w' : options.flags;
  this.start = options.start;
  if (this.start !== undefined) validateInteger(this.start, 'start', 0);
  this.pos = this.start;
  this.bytesWritten = 0;
  this.flush = options.flush ?? false;
  if (options.flush !== undefined) validateBoolean(options.flush, 'options.flush');
  Writable.call(this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'autoClose', {
  get() { return this._writableState.autoDestroy; },
  set(v) { this._writableState.autoDestroy = v; },
  configurable: true,
});

Object.defineProperty(WriteStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

WriteStream.prototype.open = function open() {
  openStream(this, (err) => {
    if (err) {
      if (this.autoClose) this.destroy(err);
      else this.emit('error', err);
    }
  });
};
const writeStreamOpen = WriteStream.prototype.open;

WriteStream.prototype._construct = function _construct(callback) {
  construct(this, callback, writeStreamOpen);
};

// Writes `chunks` (one Buffer, or an array for writev) at the stream's position.
function writeChunks(stream, chunks, callback) {
  const vector = Array.isArray(chunks);
  let size = 0;
  if (vector) for (const c of chunks) size += c.length;
  else size = chunks.length;
  stream[kIsPerformingIO] = true;
  const done = (err) => {
    stream[kIsPerformingIO] = false;
    if (stream.destroyed) {
      callback(err);
      stream.emit(kIoDone, err);
      return;
    }
    if (err) return callback(err);
    stream.bytesWritten += size;
    callback();
  };
  const pos = stream.pos;
  if (pos !== undefined) stream.pos += size;
  if (stream[kHandle]) {
    stream[kHandle].writev(vector ? chunks : [chunks], pos ?? null).then(() => done(null), done);
    return;
  }
  const impl = stream[kFs];
  const name = vector ? 'writev' : 'write';
  if (!isOriginal(impl, name)) {
    // A user's fs may provide only one of write/writev: use whichever fits.
    if (vector && typeof impl.writev === 'function') {
      impl.writev(stream.fd, chunks, pos ?? null, (err) => done(err));
    } else if (typeof impl.write === 'function') {
      const b = vector ? Buffer.concat(chunks, size) : chunks;
      impl.write(stream.fd, b, 0, size, pos ?? null, (err) => done(err));
    } else {
      impl.writev(stream.fd, [chunks], pos ?? null, (err) => done(err));
    }
    return;
  }
  const bytes = vector ? Buffer.concat(chunks, size) : chunks;
  binding.writeAll(stream.fd, bytes, pos ?? null, request((r) => {
    done(r < 0 ? asyncFsError(r, 'write') : null);
  }));
}

WriteStream.prototype._write = function _write(data, encoding, callback) {
  writeChunks(this, data, callback);
};

WriteStream.prototype._writev = function _writev(chunks, callback) {
  writeChunks(this, chunks.map((c) => c.chunk), callback);
};

WriteStream.prototype._final = function _final(callback) {
  if (!this.flush || this.fd == null) return callback();
  binding.fsync(this.fd, request((r) => callback(r < 0 ? asyncFsError(r, 'fsync') : undefined)));
};

WriteStream.prototype._destroy = function _destroy(err, callback) {
  if (this[kIsPerformingIO]) {
    this.once(kIoDone, (er) => closeStream(this, err || er, callback));
  } else {
    closeStream(this, err, callback);
  }
};

WriteStream.prototype.close = function close(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  // An open stream ends (flushing what is queued) before it closes.
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

module.exports = {
  ReadStream,
  WriteStream,
  FileReadStream: ReadStream,
  FileWriteStream: WriteStream,
};
