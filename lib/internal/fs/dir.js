'use strict';
// fs.Dir (opendir): the directory's entries, read with one readdir op when opened and handed
// out one at a time by read()/readSync() or async iteration.

const binding = internalBinding('fs');
const { request } = require('internal/async_ops');
const { codes: { ERR_DIR_CLOSED } } = require('internal/errors');
const { validateFunction, validateUint32 } = require('internal/validators');
const { getValidatedPath, getOptions, check, asyncFsError, Dirent, encodeName } = require('internal/fs/utils');

const kPath = Symbol('kDirPath');
const kEntries = Symbol('kDirBufferedEntries');
const kClosed = Symbol('kDirClosed');
const kOptions = Symbol('kDirOptions');


class Dir {
  constructor(path, list, options) {
    this[kPath] = path;
    this[kEntries] = [];
    for (let i = 0; i < list.length; i += 2) {
      this[kEntries].push(new Dirent(encodeName(list[i], options.encoding), +list[i + 1], path));
    }
    this[kClosed] = false;
    this[kOptions] = options;
  }

  get path() {
    return this[kPath];
  }

  #next() {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    return this[kEntries].shift() ?? null;
  }

  readSync() {
    return this.#next();
  }

  read(callback) {
    if (callback === undefined) {
      try {
        return Promise.resolve(this.#next());
      } catch (err) {
        return Promise.reject(err);
      }
    }
    validateFunction(callback, 'callback');
    let entry;
    try {
      entry = this.#next();
    } catch (err) {
      process.nextTick(callback, err);
      return;
    }
    process.nextTick(callback, null, entry);
  }

  closeSync() {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    this[kClosed] = true;
  }

  close(callback) {
    if (callback === undefined) {
      if (this[kClosed]) return Promise.reject(new ERR_DIR_CLOSED());
      this[kClosed] = true;
      return Promise.resolve();
    }
    validateFunction(callback, 'callback');
    if (this[kClosed]) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }
    this[kClosed] = true;
    process.nextTick(callback, null);
  }

  async* entries() {
    try {
      while (true) {
        const entry = this.#next();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this[kClosed]) this[kClosed] = true;
    }
  }

  [Symbol.asyncIterator]() {
    return this.entries();
  }

  async [Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose')]() {
    if (!this[kClosed]) await this.close();
  }
}

function dirOptions(options) {
  options = getOptions(options, { encoding: 'utf8' });
  const bufferSize = options.bufferSize ?? 32;
  validateUint32(bufferSize, 'options.bufferSize', true);
  return { ...options, bufferSize, encoding: options.encoding ?? 'utf8' };
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = dirOptions(options);
  return new Dir(path, check(binding.readdir(path), 'opendir'), options);
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = dirOptions(typeof options === 'function' ? undefined : options);
  binding.readdir(path, request((r) => {
    if (typeof r === 'number') return callback(asyncFsError(r, 'opendir'));
    callback(null, new Dir(path, r, options));
  }));
}

async function opendirPromise(path, options) {
  path = getValidatedPath(path);
  options = dirOptions(options);
  return new Promise((resolve, reject) => {
    binding.readdir(path, request((r) => {
      if (typeof r === 'number') reject(asyncFsError(r, 'opendir'));
      else resolve(new Dir(path, r, options));
    }));
  });
}

module.exports = { Dir, opendir, opendirSync, opendirPromise };
