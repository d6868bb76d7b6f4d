'use strict';
// A Writable that writes synchronously to a descriptor: process.stdout/stderr when they are
// files or pipes (node writes those synchronously on POSIX).

const { Writable } = require('stream');
const { writeBytes } = internalBinding('process');
const { errnoException } = require('internal/errors');

function SyncWriteStream(fd, options) {
  if (!(this instanceof SyncWriteStream)) return new SyncWriteStream(fd, options);
  Writable.call(this, { autoDestroy: true });
  options = options || {};
  this.fd = fd;
  this.readable = false;
  this.autoClose = options.autoClose === undefined ? true : options.autoClose;
}
Object.setPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(SyncWriteStream, Writable);

SyncWriteStream.prototype._write = function _write(chunk, encoding, cb) {
  const r = writeBytes(this.fd, chunk);
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
