'use strict';
// A Writable that writes synchronously to a descriptor: process.stdout/stderr when they are
// files or pipes (node writes those synchronously on POSIX).

const { Writable } = require('stream');
const { writeBytes, writeString } = internalBinding('process');
const { errnoException } = require('internal/errors');

function SyncWriteStream(fd, options) {
  if (!(this instanceof SyncWriteStream)) return new SyncWriteStream(fd, options);
  // Strings are written as they are (no Buffer per console.log line).
  Writable.call(this, { autoDestroy: true, decodeStrings: false });
  options = options || {};
  this.fd = fd;
  this.readable = false;
  this.autoClose = options.autoClose === undefined ? true : options.autoClose;
}
Object.setPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(SyncWriteStream, Writable);

// A string chunk in UTF-8 goes to the op as is; other encodings become bytes first.
function writeChunk(fd, chunk, encoding) {
  if (typeof chunk !== 'string') return writeBytes(fd, chunk);
  if (encoding === 'utf8' || encoding === 'utf-8' || encoding === undefined) return writeString(fd, chunk);
  return writeBytes(fd, Buffer.from(chunk, encoding));
}

SyncWriteStream.prototype._write = function _write(chunk, encoding, cb) {
  const r = writeChunk(this.fd, chunk, encoding);
  if (r < 0) return cb(errnoException(r, 'write'));
  cb();
};

SyncWriteStream.prototype._destroy = function _destroy(err, cb) {
  if (this.fd === null) return cb(err);
  if (this.autoClose) require('fs').closeSync(this.fd);
  this.fd = null;
  cb(err);
};

SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

module.exports = SyncWriteStream;
module.exports.writeChunk = writeChunk;
