'use strict';
// tty: isatty, and the stream classes process.stdin/stdout/stderr use on a terminal.
// WriteStream writes synchronously (as node does for TTYs); ReadStream reads with a blocking
// read on the thread pool that only keeps the process alive while the stream is reading.

const { Writable } = require('stream');
const processBinding = internalBinding('process');
const { setRawMode } = internalBinding('tty');
const { errnoException } = require('internal/errors');
const { StdinStream, kStopOnPause } = require('internal/process/stdin');
const { writeChunk } = require('internal/fs/sync_write_stream');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && processBinding.isatty(fd);
}

// ---- ReadStream ----

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  if (fd >> 0 !== fd || fd < 0) {
    const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
    throw new ERR_OUT_OF_RANGE('fd', '>= 0 && <= 2147483647', fd);
  }
  StdinStream.call(this, fd, options);
  this[kStopOnPause] = true;
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, StdinStream.prototype);
Object.setPrototypeOf(ReadStream, StdinStream);

ReadStream.prototype.setRawMode = function (flag) {
  flag = !!flag;
  const r = setRawMode(this.fd, flag);
  if (r < 0) {
    this.emit('error', errnoException(r, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
};

// ---- WriteStream ----

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  if (fd >> 0 !== fd || fd < 0) {
    const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
    throw new ERR_OUT_OF_RANGE('fd', '>= 0 && <= 2147483647', fd);
  }
  Writable.call(this, { highWaterMark: 0, decodeStrings: false });
  this.fd = fd;
  this._type = 'tty';
  this._isStdio = fd <= 2;
  const size = processBinding.ttySize(fd);
  if (size >= 0) {
    this.columns = Math.floor(size / 65536);
    this.rows = size % 65536;
  }
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

WriteStream.prototype.isTTY = true;

WriteStream.prototype._write = function _write(chunk, encoding, cb) {
  const r = writeChunk(this.fd, chunk, encoding);
  if (r < 0) return cb(errnoException(r, 'write'));
  cb();
};

WriteStream.prototype.getColorDepth = function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '': case '1': case 'true': return 4;
      case '2': return 8;
      case '3': return 24;
      default: return 1;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return 1;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM && /-256(color)?$/.test(env.TERM)) return 8;
  if (env.TERM && /^(xterm|screen|tmux|vt100|vt220|rxvt|linux|cygwin|ansi|color)/.test(env.TERM)) return 4;
  if (env.CI !== undefined || env.TEAMCITY_VERSION !== undefined) return 8;
  return env.TERM ? 4 : 1;
};

WriteStream.prototype.hasColors = function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  }
  return count <= 2 ** this.getColorDepth(env);
};

WriteStream.prototype._refreshSize = function _refreshSize() {
  const oldCols = this.columns;
  const oldRows = this.rows;
  const size = processBinding.ttySize(this.fd);
  if (size < 0) return;
  this.columns = Math.floor(size / 65536);
  this.rows = size % 65536;
  if (oldCols !== this.columns || oldRows !== this.rows) this.emit('resize');
};

// The cursor helpers are readline's (looked up at call time, so patching readline reaches them).
WriteStream.prototype.cursorTo = function cursorTo(x, y, callback) {
  return require('readline').cursorTo(this, x, y, callback);
};

WriteStream.prototype.moveCursor = function moveCursor(dx, dy, callback) {
  return require('readline').moveCursor(this, dx, dy, callback);
};

WriteStream.prototype.clearLine = function clearLine(dir, callback) {
  return require('readline').clearLine(this, dir, callback);
};

WriteStream.prototype.clearScreenDown = function clearScreenDown(callback) {
  return require('readline').clearScreenDown(this, callback);
};

WriteStream.prototype.getWindowSize = function getWindowSize() {
  return [this.columns, this.rows];
};

module.exports = { isatty, ReadStream, WriteStream };
