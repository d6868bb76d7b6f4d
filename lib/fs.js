'use strict';
// fs: the synchronous core (files, directories, stats, links). The callback and promise forms,
// file descriptors, streams and watching come with the file-system issue; until then those
// functions throw ERR_NOT_IMPLEMENTED when called.

const binding = internalBinding('fs');
const pathModule = require('path');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_FS_EISDIR }, uvException } = require('internal/errors');

const constants = {
  __proto__: null,
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
  UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7, S_IFMT: 61440, S_IFREG: 32768,
  S_IFDIR: 16384, S_IFCHR: 8192, S_IFBLK: 24576, S_IFIFO: 4096, S_IFLNK: 40960, S_IFSOCK: 49152,
  O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256, O_TRUNC: 512, O_APPEND: 1024,
  O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672, O_DSYNC: 4096,
  O_DIRECT: 16384, O_NONBLOCK: 2048, S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64,
  S_IRWXG: 56, S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2,
  S_IXOTH: 1, F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1,
  UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2, UV_FS_COPYFILE_FICLONE_FORCE: 4,
  COPYFILE_FICLONE_FORCE: 4,
};

function toPath(path, name = 'path') {
  if (typeof path === 'string') {
    if (path.includes('\u0000')) {
      throw new ERR_INVALID_ARG_VALUE(name, path, 'must be a string, Uint8Array, or URL without null bytes');
    }
    return path;
  }
  if (path instanceof Uint8Array) return Buffer.from(path).toString();
  if (path !== null && typeof path === 'object' && typeof path.href === 'string' && path.protocol !== undefined) {
    return require('internal/url').fileURLToPath(path);
  }
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
}

function check(result, syscall, path, dest) {
  if (typeof result === 'number' && result < 0) throw uvException(result, syscall, path, dest);
  return result;
}

function encodingOf(options, fallback) {
  if (typeof options === 'string') return options;
  if (options !== null && typeof options === 'object' && options.encoding !== undefined) return options.encoding;
  return fallback;
}

function asBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

function readFileSync(path, options) {
  if (typeof path === 'number') {
    const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
    throw new ERR_NOT_IMPLEMENTED('fs.readFileSync with a file descriptor');
  }
  const p = toPath(path);
  const encoding = encodingOf(options, null);
  if (encoding === 'utf8' || encoding === 'utf-8') {
    const stat = binding.internalModuleStat(p);
    if (stat === 1) throw uvException(-21, 'read');
    return check(binding.readFileUtf8(p), 'open', p);
  }
  const bytes = binding.readFileBytes(p);
  if (typeof bytes === 'number') {
    if (bytes === -21) throw uvException(bytes, 'read');
    check(bytes, 'open', p);
  }
  const buffer = asBuffer(bytes);
  return encoding ? buffer.toString(encoding) : buffer;
}

function dataBytes(data, encoding, name = 'data') {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function writeFileSync(path, data, options) {
  const p = toPath(path, 'file');
  const encoding = encodingOf(options, 'utf8');
  const flag = (options && typeof options === 'object' && options.flag) || 'w';
  const mode = (options && typeof options === 'object' && options.mode) || 0o666;
  check(binding.writeFileBytes(p, dataBytes(data, encoding), flag[0] === 'a', flag.includes('x'), mode), 'open', p);
}

function appendFileSync(path, data, options) {
  const p = toPath(path, 'path');
  const encoding = encodingOf(options, 'utf8');
  const mode = (options && typeof options === 'object' && options.mode) || 0o666;
  check(binding.writeFileBytes(p, dataBytes(data, encoding), true, false, mode), 'open', p);
}

function existsSync(path) {
  try {
    path = toPath(path);
  } catch {
    return false;
  }
  return binding.access(path, 0) === 0;
}

function accessSync(path, mode = constants.F_OK) {
  const p = toPath(path);
  check(binding.access(p, mode), 'access', p);
}

const kType = Symbol('type');

function fileType(stats) {
  return Number(stats.mode) & constants.S_IFMT;
}

class StatsBase {
  isDirectory() { return fileType(this) === constants.S_IFDIR; }
  isFile() { return fileType(this) === constants.S_IFREG; }
  isBlockDevice() { return fileType(this) === constants.S_IFBLK; }
  isCharacterDevice() { return fileType(this) === constants.S_IFCHR; }
  isSymbolicLink() { return fileType(this) === constants.S_IFLNK; }
  isFIFO() { return fileType(this) === constants.S_IFIFO; }
  isSocket() { return fileType(this) === constants.S_IFSOCK; }
}

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = new Date(atimeMs);
  this.mtime = new Date(mtimeMs);
  this.ctime = new Date(ctimeMs);
  this.birthtime = new Date(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);

const statFields = ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size', 'blocks',
  'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs'];

function makeStats(fields, bigint) {
  const s = new Stats(...fields);
  if (bigint) {
    // BigIntStats: integers as BigInt, plus nanosecond times.
    for (const key of statFields) s[key] = BigInt(Math.floor(s[key]));
    s.atimeNs = BigInt(Math.floor(fields[10] * 1e6));
    s.mtimeNs = BigInt(Math.floor(fields[11] * 1e6));
    s.ctimeNs = BigInt(Math.floor(fields[12] * 1e6));
    s.birthtimeNs = BigInt(Math.floor(fields[13] * 1e6));
  }
  return s;
}

function statImpl(path, options, follow, syscall) {
  const p = toPath(path);
  const fields = binding.stat(p, follow);
  if (typeof fields === 'number') {
    if (options && options.throwIfNoEntry === false && fields === -2) return undefined;
    check(fields, syscall, p);
  }
  return makeStats(fields, !!(options && options.bigint));
}

function statSync(path, options) {
  return statImpl(path, options, true, 'stat');
}

function lstatSync(path, options) {
  return statImpl(path, options, false, 'lstat');
}

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === constants.UV_DIRENT_DIR; }
  isFile() { return this[kType] === constants.UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === constants.UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === constants.UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === constants.UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === constants.UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === constants.UV_DIRENT_SOCKET; }
}

function readdirSync(path, options) {
  const p = toPath(path);
  const withFileTypes = !!(options && typeof options === 'object' && options.withFileTypes);
  const recursive = !!(options && typeof options === 'object' && options.recursive);
  const encoding = encodingOf(options, 'utf8');
  const out = [];
  const walk = (dir, prefix) => {
    const list = check(binding.readdir(dir), 'scandir', dir);
    for (let i = 0; i < list.length; i += 2) {
      const name = list[i];
      const type = +list[i + 1];
      if (withFileTypes) out.push(new Dirent(name, type, recursive ? dir : p));
      else out.push(prefix ? `${prefix}/${name}` : name);
      if (recursive && type === constants.UV_DIRENT_DIR) walk(pathModule.join(dir, name), prefix ? `${prefix}/${name}` : name);
    }
  };
  walk(p, '');
  if (encoding === 'buffer' && !withFileTypes) return out.map((n) => Buffer.from(n));
  return out;
}

function mkdirSync(path, options) {
  const p = toPath(path);
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') mode = typeof options === 'string' ? parseInt(options, 8) : options;
  else if (options) {
    recursive = !!options.recursive;
    if (options.mode !== undefined) mode = typeof options.mode === 'string' ? parseInt(options.mode, 8) : options.mode;
  }
  if (!recursive) {
    check(binding.mkdir(p, mode), 'mkdir', p);
    return undefined;
  }
  const absolute = pathModule.resolve(p);
  const missing = [];
  let dir = absolute;
  for (;;) {
    const stat = binding.internalModuleStat(dir);
    if (stat === 1) break;
    if (stat === 0) throw uvException(-20, 'mkdir', p);
    missing.push(dir);
    const parent = pathModule.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    const r = binding.mkdir(missing[i], mode);
    if (r < 0 && r !== -17) check(r, 'mkdir', p);
  }
  return missing.length ? missing[missing.length - 1] : undefined;
}

function rmdirSync(path, options) {
  const p = toPath(path);
  if (options && options.recursive) return rmSync(p, { recursive: true, force: false });
  check(binding.rmdir(p), 'rmdir', p);
}

function removeTree(p) {
  const fields = binding.stat(p, false);
  if (typeof fields === 'number') return check(fields, 'rm', p);
  if ((fields[1] & constants.S_IFMT) === constants.S_IFDIR) {
    const list = check(binding.readdir(p), 'scandir', p);
    for (let i = 0; i < list.length; i += 2) removeTree(pathModule.join(p, list[i]));
    check(binding.rmdir(p), 'rmdir', p);
  } else {
    check(binding.unlink(p), 'unlink', p);
  }
}

function rmSync(path, options) {
  const p = toPath(path);
  const recursive = !!(options && options.recursive);
  const force = !!(options && options.force);
  const fields = binding.stat(p, false);
  if (typeof fields === 'number') {
    if (force && fields === -2) return;
    check(fields, 'stat', p);
  }
  if ((fields[1] & constants.S_IFMT) === constants.S_IFDIR && !recursive) {
    throw new ERR_FS_EISDIR({ code: 'EISDIR', message: 'is a directory', path: p, syscall: 'rm', errno: 21 });
  }
  removeTree(p);
}

function unlinkSync(path) {
  const p = toPath(path);
  check(binding.unlink(p), 'unlink', p);
}

function renameSync(oldPath, newPath) {
  const from = toPath(oldPath, 'oldPath');
  const to = toPath(newPath, 'newPath');
  check(binding.rename(from, to), 'rename', from, to);
}

function copyFileSync(src, dest, mode = 0) {
  const from = toPath(src, 'src');
  const to = toPath(dest, 'dest');
  check(binding.copyFile(from, to, (mode & constants.COPYFILE_EXCL) !== 0), 'copyfile', from, to);
}

function symlinkSync(target, path) {
  const t = toPath(target, 'target');
  const p = toPath(path);
  check(binding.symlink(t, p), 'symlink', t, p);
}

function readlinkSync(path, options) {
  const p = toPath(path);
  const r = check(binding.readlink(p), 'readlink', p);
  return encodingOf(options, 'utf8') === 'buffer' ? Buffer.from(r) : r;
}

function realpathSync(path, options) {
  const p = toPath(path);
  const r = check(binding.realpath(p), 'lstat', p);
  return encodingOf(options, 'utf8') === 'buffer' ? Buffer.from(r) : r;
}
realpathSync.native = realpathSync;

function chmodSync(path, mode) {
  const p = toPath(path);
  check(binding.chmod(p, typeof mode === 'string' ? parseInt(mode, 8) : mode), 'chmod', p);
}

function mkdtempSync(prefix, options) {
  if (typeof prefix !== 'string') throw new ERR_INVALID_ARG_TYPE('prefix', 'string', prefix);
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let attempt = 0; attempt < 100; attempt++) {
    let suffix = '';
    for (let i = 0; i < 6; i++) suffix += chars[Math.floor(Math.random() * chars.length)];
    const p = `${prefix}${suffix}`;
    const r = binding.mkdir(p, 0o700);
    if (r === 0) return p;
    if (r !== -17) check(r, 'mkdtemp', `${prefix}XXXXXX`);
  }
  throw uvException(-17, 'mkdtemp', `${prefix}XXXXXX`);
}

const implemented = {
  constants,
  readFileSync,
  writeFileSync,
  appendFileSync,
  existsSync,
  accessSync,
  statSync,
  lstatSync,
  readdirSync,
  mkdirSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  renameSync,
  copyFileSync,
  symlinkSync,
  readlinkSync,
  realpathSync,
  chmodSync,
  mkdtempSync,
  Stats,
  Dirent,
  F_OK: 0,
  R_OK: 4,
  W_OK: 2,
  X_OK: 1,
};

// Everything else node's fs has throws ERR_NOT_IMPLEMENTED when called.
const stub = require('internal/not_implemented').createStub('fs');
module.exports = new Proxy(implemented, {
  get(target, key) {
    if (key in target || typeof key === 'symbol') return target[key];
    if (key === 'promises') return require('internal/not_implemented').createStub('fs.promises');
    return stub[key];
  },
});
