'use strict';
// The Readable behind process.stdin when it is a pipe, a socket or a terminal. Each read is a
// blocking read on the thread pool (readChunk), which cannot be cancelled; it keeps the process
// alive only while the stream is meant to be reading, as node's handle does: not after unref()
// or the end, and on a terminal not while paused (node stops reading a TTY on pause; a pipe
// keeps filling its buffer until the high-water mark, so the process waits for it).

const { Readable } = require('stream');
const { readChunk } = internalBinding('fs');
const { request, setRequestRef } = require('internal/async_ops');
const { errnoException } = require('internal/errors');

const kRequest = Symbol('kRequest');
const kRefed = Symbol('kRefed');
const kUserPaused = Symbol('kUserPaused');
const kStopOnPause = Symbol('kStopOnPause');

function StdinStream(fd, options) {
  if (!(this instanceof StdinStream)) return new StdinStream(fd, options);
  Readable.call(this, { highWaterMark: 16384, ...options });
  this.fd = fd;
  this[kRequest] = 0;
  this[kRefed] = true;
  this[kUserPaused] = false;
  this[kStopOnPause] = false;
  this.once('end', () => updateRef(this));
}
Object.setPrototypeOf(StdinStream.prototype, Readable.prototype);
Object.setPrototypeOf(StdinStream, Readable);

function updateRef(stream) {
  if (stream[kRequest] === 0) return;
  const wanted = stream[kRefed] && !(stream[kStopOnPause] && stream[kUserPaused]) &&
    !stream.destroyed && !stream.readableEnded;
  setRequestRef(stream[kRequest], wanted);
}

StdinStream.prototype._read = function _read(n) {
  if (this[kRequest] !== 0) return;
  const id = request((r) => {
    this[kRequest] = 0;
    if (this.destroyed) return;
    if (typeof r === 'number') {
      this.destroy(errnoException(r, 'read'));
    } else if (r.length === 0) {
      this.push(null);
    } else {
      this.push(Buffer.from(r.buffer, r.byteOffset, r.length));
    }
  }, null);
  this[kRequest] = id;
  readChunk(this.fd, Math.max(n, 16384), id);
  updateRef(this);
};

StdinStream.prototype.pause = function pause() {
  this[kUserPaused] = true;
  updateRef(this);
  return Readable.prototype.pause.call(this);
};

StdinStream.prototype.resume = function resume() {
  this[kUserPaused] = false;
  const r = Readable.prototype.resume.call(this);
  updateRef(this);
  return r;
};

StdinStream.prototype.ref = function ref() {
  this[kRefed] = true;
  updateRef(this);
  return this;
};

StdinStream.prototype.unref = function unref() {
  this[kRefed] = false;
  updateRef(this);
  return this;
};

StdinStream.prototype._destroy = function _destroy(err, cb) {
  // The descriptor stays open (it is the process's stdin); a read in flight stops counting.
  const id = this[kRequest];
  this[kRequest] = 0;
  if (id !== 0) setRequestRef(id, false);
  cb(err);
};

module.exports = { StdinStream, kStopOnPause };
