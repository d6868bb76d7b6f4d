'use strict';
// stream.compose(...streams): one Duplex whose writable side is the first stage and whose
// readable side is the last, the stages joined by pipeline().

const { pipeline } = require('internal/streams/pipeline');
const Duplex = require('internal/streams/duplex');
const { destroyer } = require('internal/streams/destroy');
const {
  isNodeStream,
  isReadable,
  isWritable,
  isWebStream,
  isTransformStream,
  isWritableStream,
  isReadableStream,
} = require('internal/streams/utils');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const eos = require('internal/streams/end-of-stream');
const { runWaiting, forwardWrites, forwardReads, clearWaiting } = require('internal/streams/forward');

function canRead(s) {
  return isReadable(s) || isReadableStream(s) || isTransformStream(s);
}

function canWrite(s) {
  return isWritable(s) || isWritableStream(s) || isTransformStream(s);
}

module.exports = function compose(...streams) {
  if (streams.length === 0) throw new ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return Duplex.from(streams[0]);

  const orgStreams = streams.slice();

  if (typeof streams[0] === 'function') streams[0] = Duplex.from(streams[0]);
  const last = streams.length - 1;
  if (typeof streams[last] === 'function') streams[last] = Duplex.from(streams[last]);

  for (let n = 0; n < streams.length; ++n) {
    if (!isNodeStream(streams[n]) && !isWebStream(streams[n])) continue;
    if (n < streams.length - 1 && !canRead(streams[n])) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${n}]`, orgStreams[n], 'must be readable');
    }
    if (n > 0 && !canWrite(streams[n])) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${n}]`, orgStreams[n], 'must be writable');
    }
  }

  const waiting = { ondrain: null, onfinish: null, onreadable: null };
  let onclose;
  let d;

  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
    else if (!readable && !writable) d.destroy();
  }

  const head = streams[0];
  const tail = pipeline(streams, onfinished);

  const writable = !!canWrite(head);
  const readable = !!canRead(tail);

  d = new Duplex({
    writableObjectMode: !!(head && head.writableObjectMode),
    readableObjectMode: !!(tail && tail.readableObjectMode),
    writable,
    readable,
  });

  if (writable) {
    if (isNodeStream(head)) {
      forwardWrites(d, head, waiting);
    } else if (isWebStream(head)) {
      const w = isTransformStream(head) ? head.writable : head;
      const writer = w.getWriter();
      d._write = async function (chunk, encoding, callback) {
        try {
          await writer.ready;
          writer.write(chunk).catch(() => {});
          callback();
        } catch (err) {
          callback(err);
        }
      };
      d._final = async function (callback) {
        try {
          await writer.ready;
          writer.close().catch(() => {});
          waiting.onfinish = callback;
        } catch (err) {
          callback(err);
        }
      };
    }

    // The composed stream finishes when the tail is done.
    eos(isTransformStream(tail) ? tail.readable : tail, () => {
      runWaiting(waiting, 'onfinish');
    });
  }

  if (readable) {
    if (isNodeStream(tail)) {
      forwardReads(d, tail, waiting);
    } else if (isWebStream(tail)) {
      const r = isTransformStream(tail) ? tail.readable : tail;
      const reader = r.getReader();
      d._read = async function () {
        while (true) {
          try {
            const { value, done } = await reader.read();
            if (!d.push(value)) return;
            if (done) {
              d.push(null);
              return;
            }
          } catch {
            return;
          }
        }
      };
    }
  }

  d._destroy = function (err, callback) {
    if (!err && onclose !== null) err = new AbortError();
    clearWaiting(waiting);
    if (isNodeStream(tail)) destroyer(tail, err);
    if (onclose === null) callback(err);
    else onclose = callback;
  };

  return d;
};
