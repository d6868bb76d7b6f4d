'use strict';
// fs.ReadStream and fs.WriteStream: Readable/Writable over a file descriptor (or a FileHandle),
// opened in _construct, read/written with the fs ops at an explicit position when `start` is
// given, closed in _destroy.

const { Readable, Writable, finished } = require('stream');
const binding = internalBinding('fs');
const { request } = require('internal/async_ops');
const {
  codes: { ERR_OUT_OF_RANGE, ERR_STREAM_DESTROYED },
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

// The file-system functions a stream uses: fs's (or the user's `options.fs` overrides).
function streamFs(options, names) {
  const fs = require('fs');
  const custom = options.fs;
  const out = {};
  for (const name of names) {
    const fn = custom?.[name] ?? fs[name];
    if (custom?.[name] !== undefined) validateFunction(custom[name], `options.fs.${name}`);
    out[name] = fn;
  }
  out.custom = custom != null;
  return out;
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
  const flags = stream.flags;
  const onOpen = (err, fd) => {
    if (err) return callback(err);
    stream.fd = fd;
    callback();
    stream.emit('open', stream.fd);
    stream.emit('ready');
  };
  if (stream[kFs].custom) {
    stream[kFs].open(stream.path, flags, stream.mode, onOpen);
    return;
  }
  const path = typeof stream.path === 'string' ? stream.path : getValidatedPath(stream.path);
  binding.open(path, stringToFlags(flags), stream.mode, request((r) => {
    if (r < 0) onOpen(asyncFsError(r, 'open', path));
    else onOpen(null, r);
  }));
}

function closeStream(stream, err, callback) {
  if (stream[kHandle]) {
    stream[kHandle].close().then(() => callback(err), callback);
    return;
  }
  if (stream.fd === null || stream.fd === undefined) return callback(err);
  const fd = stream.fd;
  stream.fd = null;
  const done = (closeErr) => callback(err || closeErr);
  if (stream[kFs].custom) {
    stream[kFs].close(fd, done);
    return;
  }
  binding.close(fd, request((r) => done(r < 0 ? asyncFsError(r, 'close') : null)));
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
  this[kFs] = streamFs(options, ['open', 'read', 'close']);
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

ReadStream.prototype._construct = function _construct(callback) {
  if (opensOwnFile(this)) openStream(this, callback);
  else callback();
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
  if (this[kFs].custom) {
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
  this[kFs] = streamFs(options, ['open', 'write', 'writev', 'close']);
  setupStream(this, path, options);
  this.flags = options.flags === undefined ? 'w' : options.flags;
  this.start = options.start;
  if (this.start !== undefined) validateInteger(this.start, 'start', 0);
  this.pos = this.start;
  this.bytesWritten = 0;
  this.flush = options.flush ?? false;
  if (options.flush !== undefined) validateBoolean(options.flush, 'options.flush');
  if (options.encoding) this.setDefaultEncoding?.(options.encoding);
  Writable.call(this, options);
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

WriteStream.prototype._construct = function _construct(callback) {
  if (opensOwnFile(this)) openStream(this, callback);
  else callback();
};

function writeBytes(stream, bytes, callback) {
  stream[kIsPerformingIO] = true;
  const done = (err, n) => {
    stream[kIsPerformingIO] = false;
    if (stream.destroyed) {
      callback(err);
      stream.emit(kIoDone, err);
      return;
    }
    if (err) return callback(err);
    stream.bytesWritten += n;
    callback();
  };
  const pos = stream.pos;
  if (pos !== undefined) stream.pos += bytes.length;
  if (stream[kHandle]) {
    stream[kHandle].writev([bytes], pos ?? null).then(() => done(null, bytes.length), done);
    return;
  }
  if (stream[kFs].custom) {
    stream[kFs].write(stream.fd, bytes, 0, bytes.length, pos ?? null, (err, n) => done(err, n));
    return;
  }
  binding.writeAll(stream.fd, bytes, pos ?? null, request((r) => {
    if (r < 0) done(asyncFsError(r, 'write'));
    else done(null, bytes.length);
  }));
}

WriteStream.prototype._write = function _write(data, encoding, callback) {
  writeBytes(this, data, callback);
};

WriteStream.prototype._writev = function _writev(chunks, callback) {
  if (this[kFs].custom && this[kFs].writev === require('fs').writev && this[kFs].write !== require('fs').write) {
    // A custom `write` without `writev`: write the chunks one by one.
    let i = 0;
    const next = (err) => {
      if (err || i === chunks.length) return callback(err);
      writeBytes(this, chunks[i++].chunk, next);
    };
    next();
    return;
  }
  const list = chunks.map((c) => c.chunk);
  writeBytes(this, list.length === 1 ? list[0] : Buffer.concat(list), callback);
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
