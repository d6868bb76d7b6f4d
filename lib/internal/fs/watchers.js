'use strict';
// fs.watch (FSWatcher over the notify crate, see crates/runtime/src/ops/fs_watch.rs),
// fs.promises.watch (an async iterator of the same events) and fs.watchFile/unwatchFile
// (StatWatcher: stat polling on a timer, as libuv's fs_poll).

const EventEmitter = require('events');
const pathModule = require('path');
const binding = internalBinding('fs');
const { subscribe, unsubscribe } = require('internal/async_ops');
const { AbortError } = require('internal/errors');
const {
  validateBoolean, validateFunction, validateObject, validateAbortSignal, validateUint32,
} = require('internal/validators');
const { getValidatedPath, fsError, getStatsFromBinding, encodeName, assertEncoding } = require('internal/fs/utils');

function watchError(errno, path) {
  const err = fsError(errno, 'watch', path);
  err.filename = path;
  return err;
}

class FSWatcher extends EventEmitter {
  #id = 0;
  #encoding = 'utf8';

  start(filename, persistent = true, recursive = false, encoding = 'utf8') {
    if (this.#id !== 0) return;
    filename = getValidatedPath(filename, 'filename');
    this.#encoding = encoding;
    const id = subscribe((r) => {
      if (typeof r === 'number') {
        this.emit('error', watchError(r, filename));
        this.close();
        return;
      }
      this.emit('change', r[0], encodeName(r[1], this.#encoding));
    });
    const rc = binding.watchStart(filename, recursive, id);
    if (rc < 0) {
      unsubscribe(id);
      throw watchError(rc, filename);
    }
    this.#id = id;
    if (!persistent) binding.watchRef(id, false);
  }

  close() {
    if (this.#id === 0) return;
    const id = this.#id;
    this.#id = -1;
    if (id > 0) {
      binding.watchClose(id);
      unsubscribe(id);
    }
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    if (this.#id > 0) binding.watchRef(this.#id, true);
    return this;
  }

  unref() {
    if (this.#id > 0) binding.watchRef(this.#id, false);
    return this;
  }
}

function watchOptions(options) {
  if (typeof options === 'string') options = { encoding: options };
  options ??= {};
  validateObject(options, 'options');
  const { persistent = true, recursive = false, encoding = 'utf8', signal } = options;
  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  assertEncoding(encoding);
  validateAbortSignal(signal, 'options.signal');
  return { persistent, recursive, encoding, signal };
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  const o = watchOptions(options);
  const watcher = new FSWatcher();
  watcher.start(filename, o.persistent, o.recursive, o.encoding);
  if (listener) watcher.addListener('change', listener);
  if (o.signal) {
    if (o.signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      o.signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => o.signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

// fs.promises.watch: an async iterator of { eventType, filename }; an abort ends it with
// AbortError.
function watchPromise(filename, options = {}) {
  const o = watchOptions(options);
  if (o.signal?.aborted) {
    return {
      [Symbol.asyncIterator]() { return this; },
      next() { return Promise.reject(new AbortError(undefined, { cause: o.signal.reason })); },
      return() { return Promise.resolve({ done: true, value: undefined }); },
    };
  }
  const watcher = new FSWatcher();
  watcher.start(filename, o.persistent, o.recursive, o.encoding);
  const queue = [];
  let waiting = null;
  let failure = null;
  let done = false;
  const settle = () => {
    if (waiting === null) return;
    const { resolve, reject } = waiting;
    if (queue.length) {
      waiting = null;
      resolve({ done: false, value: queue.shift() });
    } else if (failure) {
      waiting = null;
      reject(failure);
    } else if (done) {
      waiting = null;
      resolve({ done: true, value: undefined });
    }
  };
  watcher.on('change', (eventType, name) => {
    queue.push({ eventType, filename: name });
    settle();
  });
  watcher.on('error', (err) => {
    failure = err;
    settle();
  });
  const onAbort = () => {
    failure = new AbortError(undefined, { cause: o.signal.reason });
    watcher.close();
    settle();
  };
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const finish = () => {
    done = true;
    watcher.close();
    o.signal?.removeEventListener('abort', onAbort);
  };
  return {
    [Symbol.asyncIterator]() { return this; },
    next() {
      if (queue.length) return Promise.resolve({ done: false, value: queue.shift() });
      if (failure) {
        const err = failure;
        finish();
        return Promise.reject(err);
      }
      if (done) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
      });
    },
    return() {
      finish();
      settle();
      return Promise.resolve({ done: true, value: undefined });
    },
    throw(err) {
      finish();
      return Promise.reject(err);
    },
  };
}

// ---- watchFile ----

const statWatchers = new Map();
const kEmptyStats = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

class StatWatcher extends EventEmitter {
  #timer = null;
  #prev = null;
  #bigint = false;
  #refed = true;

  constructor(bigint) {
    super();
    this.#bigint = bigint;
  }

  #stat(path) {
    const r = binding.stat(path, true);
    return typeof r === 'number' ? kEmptyStats : r;
  }

  start(filename, persistent, interval) {
    if (this.#timer !== null) return;
    this.#prev = this.#stat(filename);
    this.#refed = persistent;
    const poll = () => {
      const cur = this.#stat(filename);
      const prev = this.#prev;
      // Any change of the stat fields (mtime, ctime, size, ino, mode, ...) counts.
      let changed = false;
      for (let i = 0; i < cur.length; i++) {
        if (i !== 10 && cur[i] !== prev[i]) {
          changed = true;
          break;
        }
      }
      this.#prev = cur;
      if (changed) {
        this.emit('change', getStatsFromBinding(cur, this.#bigint), getStatsFromBinding(prev, this.#bigint));
      }
    };
    this.#timer = setInterval(poll, interval);
    if (!persistent) this.#timer.unref();
  }

  stop() {
    if (this.#timer === null) return;
    clearInterval(this.#timer);
    this.#timer = null;
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    this.#refed = true;
    this.#timer?.ref();
    return this;
  }

  unref() {
    this.#refed = false;
    this.#timer?.unref();
    return this;
  }
}

function watchFile(filename, options, listener) {
  filename = pathModule.resolve(getValidatedPath(filename, 'filename'));
  let o = { interval: 5007, persistent: true, bigint: false };
  if (options !== null && typeof options === 'object') {
    o = { ...o, ...options };
  } else {
    listener = options;
  }
  validateFunction(listener, 'listener');
  validateUint32(o.interval, 'interval');
  let watcher = statWatchers.get(filename);
  if (watcher === undefined) {
    watcher = new StatWatcher(o.bigint);
    watcher.start(filename, o.persistent, o.interval);
    statWatchers.set(filename, watcher);
  }
  watcher.addListener('change', listener);
  return watcher;
}

function unwatchFile(filename, listener) {
  filename = pathModule.resolve(getValidatedPath(filename, 'filename'));
  const watcher = statWatchers.get(filename);
  if (watcher === undefined) return;
  if (typeof listener === 'function') watcher.removeListener('change', listener);
  else watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(filename);
  }
}

module.exports = { FSWatcher, StatWatcher, watch, watchPromise, watchFile, unwatchFile };
