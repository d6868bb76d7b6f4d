'use strict';
// fs.cp / cpSync / promises.cp. The algorithm is written once, as a generator that yields the
// file-system calls it needs ([name, ...args]); `cpSync` runs them with the sync functions,
// `cp` and `promises.cp` with the promise ones (where `filter` may also return a promise).

const pathModule = require('path');
const {
  codes: {
    ERR_FS_CP_EINVAL, ERR_FS_EISDIR, ERR_FS_CP_EEXIST, ERR_FS_CP_DIR_TO_NON_DIR,
    ERR_FS_CP_NON_DIR_TO_DIR, ERR_FS_CP_SOCKET, ERR_FS_CP_FIFO_PIPE, ERR_FS_CP_UNKNOWN,
    ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY, ERR_INVALID_RETURN_VALUE,
  },
} = require('internal/errors');
const { validateBoolean, validateFunction, validateObject, validateInteger } = require('internal/validators');
const { getValidatedPath } = require('internal/fs/utils');

const defaults = {
  dereference: false, errorOnExist: false, filter: undefined, force: true,
  preserveTimestamps: false, recursive: false, verbatimSymlinks: false, mode: 0,
};

function validateCpOptions(options) {
  if (options === undefined) return { ...defaults };
  validateObject(options, 'options');
  const o = { ...defaults, ...options };
  for (const key of ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive', 'verbatimSymlinks']) {
    validateBoolean(o[key], `options.${key}`);
  }
  validateInteger(o.mode, 'options.mode', 0, 7);
  if (o.filter !== undefined) validateFunction(o.filter, 'options.filter');
  if (o.dereference && o.verbatimSymlinks) {
    const { ERR_INCOMPATIBLE_OPTION_PAIR } = require('internal/errors').codes;
    if (ERR_INCOMPATIBLE_OPTION_PAIR) throw new ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  return o;
}

function cpError(Ctor, code, message, path, errno) {
  return new Ctor({ message, path, syscall: 'cp', errno, code });
}

function isSrcSubdir(src, dest) {
  const s = pathModule.resolve(src).split(pathModule.sep).filter(Boolean);
  const d = pathModule.resolve(dest).split(pathModule.sep).filter(Boolean);
  return s.every((part, i) => d[i] === part);
}

// The copy itself. `yield [name, ...args]` performs a file-system call; 'filter' asks the user's
// filter; stat calls return undefined for a missing path.
function* copy(src, dest, opts) {
  src = pathModule.resolve(src);
  dest = pathModule.resolve(dest);
  if (opts.filter !== undefined && !(yield ['filter', src, dest])) return;
  const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src];
  if (srcStat === undefined) {
    // Let the real call report ENOENT with node's wording.
    yield [opts.dereference ? 'statStrict' : 'lstatStrict', src];
  }
  const destStat = yield [opts.dereference ? 'stat' : 'lstat', dest];
  if (destStat !== undefined) {
    if (srcStat.ino === destStat.ino && srcStat.dev === destStat.dev) {
      throw cpError(ERR_FS_CP_EINVAL, 'EINVAL', 'src and dest cannot be the same', dest, 22);
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError(ERR_FS_CP_DIR_TO_NON_DIR, 'EISDIR',
        `cannot overwrite non-directory ${dest} with directory ${src}`, dest, 21);
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError(ERR_FS_CP_NON_DIR_TO_DIR, 'ENOTDIR',
        `cannot overwrite directory ${dest} with non-directory ${src}`, dest, 20);
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
    throw cpError(ERR_FS_CP_EINVAL, 'EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest, 22);
  }
  yield* copyEntry(src, dest, srcStat, destStat, opts, true);
}

function* copyEntry(src, dest, srcStat, destStat, opts, top) {
  if (!top && opts.filter !== undefined && !(yield ['filter', src, dest])) return;
  if (!top) {
    srcStat = yield [opts.dereference ? 'statStrict' : 'lstatStrict', src];
    destStat = yield ['lstat', dest];
  }
  if (srcStat.isDirectory()) {
    if (!opts.recursive) {
      throw cpError(ERR_FS_EISDIR, 'EISDIR', `${src} is a directory (not copied)`, src, 21);
    }
    if (destStat === undefined) yield ['mkdir', dest, srcStat.mode];
    const names = yield ['readdir', src];
    for (const name of names) {
      yield* copyEntry(pathModule.join(src, name), pathModule.join(dest, name), undefined, undefined, opts, false);
    }
    if (destStat === undefined) yield ['chmod', dest, srcStat.mode];
    return;
  }
  if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    if (destStat !== undefined) {
      if (!opts.force) {
        if (opts.errorOnExist) {
          throw cpError(ERR_FS_CP_EEXIST, 'EEXIST', `${dest} already exists`, dest, 17);
        }
        return;
      }
      yield ['unlink', dest];
    }
    yield ['copyFile', src, dest, opts.mode];
    if (opts.preserveTimestamps) {
      if ((srcStat.mode & 0o200) === 0) yield ['chmod', dest, srcStat.mode | 0o200];
      yield ['utimes', dest, srcStat.atime, srcStat.mtime];
      if ((srcStat.mode & 0o200) === 0) yield ['chmod', dest, srcStat.mode];
    }
    return;
  }
  if (srcStat.isSymbolicLink()) {
    let target = yield ['readlink', src];
    if (!opts.verbatimSymlinks && !pathModule.isAbsolute(target)) {
      target = pathModule.resolve(pathModule.dirname(src), target);
    }
    if (destStat === undefined) {
      yield ['symlink', target, dest];
      return;
    }
    let destTarget = yield ['readlinkOrUndefined', dest];
    if (destTarget !== undefined) {
      if (!pathModule.isAbsolute(destTarget)) destTarget = pathModule.resolve(pathModule.dirname(dest), destTarget);
      if (isSrcSubdir(target, destTarget) && target !== destTarget) {
        throw cpError(ERR_FS_CP_EINVAL, 'EINVAL', `cannot copy ${target} to a subdirectory of self ${destTarget}`, dest, 22);
      }
      const targetStat = yield ['stat', target];
      if (targetStat?.isDirectory() && isSrcSubdir(destTarget, target) && target !== destTarget) {
        throw cpError(ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY, 'EINVAL',
          `cannot overwrite ${destTarget} with ${target}`, dest, 22);
      }
    }
    yield ['unlink', dest];
    yield ['symlink', target, dest];
    return;
  }
  if (srcStat.isSocket()) throw cpError(ERR_FS_CP_SOCKET, 'EINVAL', `cannot copy a socket file: ${dest}`, dest, 22);
  if (srcStat.isFIFO()) throw cpError(ERR_FS_CP_FIFO_PIPE, 'EINVAL', `cannot copy a FIFO pipe: ${dest}`, dest, 22);
  throw cpError(ERR_FS_CP_UNKNOWN, 'EINVAL', `cannot copy an unknown file type: ${dest}`, dest, 22);
}

function syncCall(fs, opts, [name, ...args]) {
  switch (name) {
    case 'filter': {
      const r = opts.filter(args[0], args[1]);
      if (r != null && typeof r.then === 'function') {
        throw new ERR_INVALID_RETURN_VALUE('boolean', 'filter', r);
      }
      return r;
    }
    case 'stat': return fs.statSync(args[0], { throwIfNoEntry: false });
    case 'lstat': return fs.lstatSync(args[0], { throwIfNoEntry: false });
    case 'statStrict': return fs.statSync(args[0]);
    case 'lstatStrict': return fs.lstatSync(args[0]);
    case 'readlinkOrUndefined':
      try {
        return fs.readlinkSync(args[0]);
      } catch {
        return undefined;
      }
    default: return fs[`${name}Sync`](...args);
  }
}

async function asyncCall(fs, opts, [name, ...args]) {
  const p = fs.promises;
  const orUndefined = (promise) => promise.catch((err) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  switch (name) {
    case 'filter': return opts.filter(args[0], args[1]);
    case 'stat': return orUndefined(p.stat(args[0]));
    case 'lstat': return orUndefined(p.lstat(args[0]));
    case 'statStrict': return p.stat(args[0]);
    case 'lstatStrict': return p.lstat(args[0]);
    case 'readlinkOrUndefined': return p.readlink(args[0]).catch(() => undefined);
    default: return p[name](...args);
  }
}

function cpSync(src, dest, options) {
  const opts = validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  const fs = require('fs');
  const gen = copy(src, dest, opts);
  let step = gen.next();
  while (!step.done) step = gen.next(syncCall(fs, opts, step.value));
}

async function cpPromise(src, dest, options) {
  const opts = validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  const fs = require('fs');
  const gen = copy(src, dest, opts);
  let step = gen.next();
  while (!step.done) step = gen.next(await asyncCall(fs, opts, step.value));
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'cb');
  cpPromise(src, dest, options).then(() => callback(null), callback);
}

module.exports = { cp, cpSync, cpPromise };

