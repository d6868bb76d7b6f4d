'use strict';
// A Duplex standing in front of node streams (compose(), Duplex.from({ readable, writable })):
// its writes go to an inner Writable and its reads come from an inner Readable. The callbacks
// that wait on the inner streams live in one `waiting` object, { ondrain, onfinish, onreadable },
// which the owner also clears when the Duplex is destroyed.

// Calls and clears the callback waiting under `key`, if any.
function runWaiting(waiting, key) {
  const cb = waiting[key];
  if (cb) {
    waiting[key] = null;
    cb();
  }
}

// d's writes go to `w`; when w's buffer is full the write callback waits for 'drain'. end()
// ends w and leaves its callback in waiting.onfinish for the owner to run when w is done.
function forwardWrites(d, w, waiting) {
  d._write = function (chunk, encoding, callback) {
    if (w.write(chunk, encoding)) callback();
    else waiting.ondrain = callback;
  };
  d._final = function (callback) {
    w.end();
    waiting.onfinish = callback;
  };
  w.on('drain', function () {
    runWaiting(waiting, 'ondrain');
  });
}

// d's reads take what `r` has; when it has nothing, the next 'readable' reads again. r's end
// is d's end.
function forwardReads(d, r, waiting) {
  r.on('readable', function () {
    runWaiting(waiting, 'onreadable');
  });
  r.on('end', function () {
    d.push(null);
  });
  d._read = function () {
    while (true) {
      const buf = r.read();
      if (buf === null) {
        waiting.onreadable = d._read;
        return;
      }
      if (!d.push(buf)) return;
    }
  };
}

// Forgets every waiting callback (the Duplex is being destroyed).
function clearWaiting(waiting) {
  waiting.onreadable = null;
  waiting.ondrain = null;
  waiting.onfinish = null;
}

module.exports = { runWaiting, forwardWrites, forwardReads, clearWaiting };
