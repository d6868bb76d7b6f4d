'use strict';
// process.stdout / stderr / stdin as streams, chosen by what the descriptor is, as node does:
// a terminal gets tty.WriteStream / tty.ReadStream; a file gets SyncWriteStream /
// fs.ReadStream; a pipe or socket gets SyncWriteStream (writes are synchronous on POSIX) /
// the pool-reading StdinStream. Closing them never closes descriptors 0-2.

const binding = internalBinding('process');
const { S_IFMT, S_IFREG, S_IFCHR } = require('internal/fs/utils').constants;

function fileKind(fd) {
  if (binding.isatty(fd)) return 'tty';
  const stat = internalBinding('fs').fstat(fd);
  if (typeof stat === 'number') return 'pipe';
  const type = stat[1] & S_IFMT;
  return type === S_IFREG || type === S_IFCHR ? 'fs' : 'pipe';
}

function dummyDestroy(err, cb) {
  cb(err);
}

function createWritableStdio(fd) {
  const kind = fileKind(fd);
  let stream;
  if (kind === 'tty') {
    const { WriteStream } = require('tty');
    stream = new WriteStream(fd);
  } else {
    const SyncWriteStream = require('internal/fs/sync_write_stream');
    stream = new SyncWriteStream(fd, { autoClose: false });
    stream._type = kind;
  }
  stream.fd = fd;
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  stream._destroy = dummyDestroy;
  // A reader that went away (EPIPE) ends output quietly unless someone listens for errors.
  const write = stream._write;
  stream._write = function (chunk, encoding, cb) {
    write.call(this, chunk, encoding, (err) => {
      if (err && err.code === 'EPIPE' && this.listenerCount('error') === 0) {
        cb();
        this.destroy();
        return;
      }
      cb(err);
    });
  };
  return stream;
}

function createStdin() {
  const kind = fileKind(0);
  let stdin;
  if (kind === 'tty') {
    const { ReadStream } = require('tty');
    stdin = new ReadStream(0);
  } else if (kind === 'fs') {
    const { ReadStream } = require('internal/fs/streams');
    stdin = new ReadStream(null, { fd: 0, autoClose: false });
  } else {
    const { StdinStream } = require('internal/process/stdin');
    stdin = new StdinStream(0);
  }
  stdin.fd = 0;
  return stdin;
}

module.exports = { createWritableStdio, createStdin };
