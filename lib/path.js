'use strict';
// path: the POSIX and Windows flavours (`path.posix`, `path.win32`); the module itself is the
// POSIX one, as node's is on every platform but Windows.

const SLASH = 47; // '/'
const BACKSLASH = 92; // '\'
const DOT = 46; // '.'
const COLON = 58; // ':'
const QUESTION = 63; // '?'

function invalidArgType(name, expected, value) {
  const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
  return new ERR_INVALID_ARG_TYPE(name, expected, value);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw invalidArgType(name, 'string', value);
}

function validatePathObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidArgType('pathObject', 'Object', value);
  }
}

const isPosixSep = (code) => code === SLASH;
const isWinSep = (code) => code === SLASH || code === BACKSLASH;
const isDriveLetter = (code) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

// Resolves `.` and `..` segments of a root-less path. Empty segments disappear; `..` above the
// start is kept only when `allowAboveRoot`. The result has no leading or trailing separator.
function normalizeSegments(path, allowAboveRoot, sep, isSep) {
  let out = '';
  let lastLen = 0; // length of out's last segment
  let segStart = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && !isSep(path.charCodeAt(i))) continue;
    const len = i - segStart;
    if (len === 0 || (len === 1 && path.charCodeAt(segStart) === DOT)) {
      segStart = i + 1;
      continue;
    }
    if (len === 2 && path.charCodeAt(segStart) === DOT && path.charCodeAt(segStart + 1) === DOT) {
      // Drop the previous segment unless it is itself a `..` (or there is none).
      const lastIsUp = lastLen === 2 && out.length >= 2 &&
        out.charCodeAt(out.length - 1) === DOT && out.charCodeAt(out.length - 2) === DOT;
      if (out.length > 0 && !lastIsUp) {
        const cut = out.lastIndexOf(sep);
        if (cut === -1) {
          out = '';
          lastLen = 0;
        } else {
          out = out.slice(0, cut);
          lastLen = out.length - 1 - out.lastIndexOf(sep);
        }
      } else if (allowAboveRoot) {
        out += out.length > 0 ? `${sep}..` : '..';
        lastLen = 2;
      }
    } else {
      const seg = path.slice(segStart, i);
      out += out.length > 0 ? `${sep}${seg}` : seg;
      lastLen = len;
    }
    segStart = i + 1;
  }
  return out;
}

function formatExt(ext) {
  return ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : '';
}

function formatPath(sep, pathObject) {
  validatePathObject(pathObject);
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base || `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// The last segment of path[start..], without trailing separators. With a suffix, node's
// scan is reproduced exactly: the suffix is matched backwards from the last non-separator;
// a segment equal to the suffix is kept whole, and a suffix longer than the segment leaves the
// path's end (trailing separators included) in place.
function basenameFrom(path, start, suffix, isSep) {
  let begin = start;
  let segEnd = -1;
  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return '';
    let k = suffix.length - 1;
    let cut = -1;
    for (let i = path.length - 1; i >= start; i--) {
      const code = path.charCodeAt(i);
      if (isSep(code)) {
        if (segEnd !== -1) {
          begin = i + 1;
          break;
        }
        continue;
      }
      if (segEnd === -1) segEnd = i + 1;
      if (k >= 0) {
        if (code === suffix.charCodeAt(k)) {
          k--;
          if (k === -1) cut = i;
        } else {
          k = -1;
          cut = segEnd;
        }
      }
    }
    if (begin === cut) cut = segEnd;
    else if (cut === -1) cut = path.length;
    return path.slice(begin, cut);
  }
  for (let i = path.length - 1; i >= start; i--) {
    if (isSep(path.charCodeAt(i))) {
      if (segEnd !== -1) {
        begin = i + 1;
        break;
      }
    } else if (segEnd === -1) {
      segEnd = i + 1;
    }
  }
  return segEnd === -1 ? '' : path.slice(begin, segEnd);
}

// Splits the last segment of path[start..] into name and extension: `{ begin, dot, end }` with
// dot === -1 when there is no extension (dotfiles like `.bashrc` and `..` have none).
function splitExt(path, start, isSep) {
  let end = path.length;
  while (end > start && isSep(path.charCodeAt(end - 1))) end--;
  let begin = end;
  while (begin > start && !isSep(path.charCodeAt(begin - 1))) begin--;
  let dot = -1;
  for (let i = end - 1; i >= begin; i--) {
    if (path.charCodeAt(i) === DOT) {
      dot = i;
      break;
    }
  }
  if (dot === begin) {
    // A leading dot starts a name, not an extension; `..` has none either.
    dot = -1;
  } else if (dot !== -1) {
    let onlyDots = true;
    for (let i = begin; i < dot; i++) {
      if (path.charCodeAt(i) !== DOT) {
        onlyDots = false;
        break;
      }
    }
    // `...x` and `..` style names: node treats a run of leading dots followed by the last dot
    // as an extension unless the whole name is `..`.
    if (onlyDots && dot === end - 1 && dot === begin + 1) dot = -1;
  }
  return { begin, dot, end };
}

function extnameFrom(path, start, isSep) {
  const { dot, end } = splitExt(path, start, isSep);
  return dot === -1 ? '' : path.slice(dot, end);
}

function parseTail(path, rootEnd, ret, isSep) {
  const { begin, dot, end } = splitExt(path, rootEnd, isSep);
  if (end > rootEnd) {
    ret.base = path.slice(begin, end);
    if (dot === -1) {
      ret.name = ret.base;
    } else {
      ret.name = path.slice(begin, dot);
      ret.ext = path.slice(dot, end);
    }
  }
  return begin;
}

// ---- POSIX -------------------------------------------------------------------------------

const posix = {
  resolve(...args) {
    let resolved = '';
    let absolute = false;
    for (let i = args.length - 1; i >= -1 && !absolute; i--) {
      const path = i >= 0 ? args[i] : process.cwd();
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolved = `${path}/${resolved}`;
      absolute = path.charCodeAt(0) === SLASH;
    }
    resolved = normalizeSegments(resolved, !absolute, '/', isPosixSep);
    if (absolute) return `/${resolved}`;
    return resolved.length > 0 ? resolved : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const absolute = path.charCodeAt(0) === SLASH;
    const trailing = path.charCodeAt(path.length - 1) === SLASH;
    path = normalizeSegments(path, !absolute, '/', isPosixSep);
    if (path.length === 0) {
      if (absolute) return '/';
      return trailing ? './' : '.';
    }
    if (trailing) path += '/';
    return absolute ? `/${path}` : path;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === SLASH;
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) joined = joined === undefined ? arg : `${joined}/${arg}`;
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    // Both are absolute and normalized: compare their segments after the root.
    const fromParts = from === '/' ? [] : from.slice(1).split('/');
    const toParts = to === '/' ? [] : to.slice(1).split('/');
    let common = 0;
    while (common < fromParts.length && common < toParts.length &&
           fromParts[common] === toParts[common]) {
      common++;
    }
    const up = [];
    for (let i = common; i < fromParts.length; i++) up.push('..');
    return up.concat(toParts.slice(common)).join('/');
  },

  toNamespacedPath(path) {
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = path.charCodeAt(0) === SLASH;
    // The separator just before the last segment (ignoring trailing separators).
    let end = -1;
    let sawName = false;
    for (let i = path.length - 1; i >= 1; i--) {
      if (path.charCodeAt(i) === SLASH) {
        if (sawName) {
          end = i;
          break;
        }
      } else {
        sawName = true;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return basenameFrom(path, 0, suffix, isPosixSep);
  },

  extname(path) {
    validateString(path, 'path');
    return extnameFrom(path, 0, isPosixSep);
  },

  format(pathObject) {
    return formatPath('/', pathObject);
  },

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const absolute = path.charCodeAt(0) === SLASH;
    const rootEnd = absolute ? 1 : 0;
    if (absolute) ret.root = '/';
    const begin = parseTail(path, rootEnd, ret, isPosixSep);
    if (begin === 1 && absolute && ret.base === '..') {
      // node's quirk: `/..` parses as name `.` with extension `.`.
      ret.name = ret.ext = '.';
    }
    if (begin > rootEnd) {
      ret.dir = path.slice(0, begin - 1);
      if (ret.dir.length === 0 && absolute) ret.dir = '/';
    } else if (absolute) {
      ret.dir = '/';
    }
    return ret;
  },

  matchesGlob(path, pattern) {
    return globMatch(path, pattern, false);
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
  _makeLong: null,
};

// ---- Windows -------------------------------------------------------------------------------

// Windows' reserved device names (matched case-insensitively on the text before a colon).
const reservedNames = new Set([
  'CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'COM\u00b9', 'COM\u00b2', 'COM\u00b3',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
  'LPT\u00b9', 'LPT\u00b2', 'LPT\u00b3',
]);

function isReservedName(name) {
  return reservedNames.has(name.toUpperCase());
}

// The root of a Windows path: `{ device, rootEnd, absolute, uncOnly }`.
// device is `C:`, `\\server\share` or ''; rootEnd is where the rest starts; uncOnly is set when
// the path is exactly a UNC root with nothing after the share name. With `namespaces`
// (resolve and normalize), `\\?\x` and `\\.\x` have the device `\\?` / `\\.` instead.
function winRoot(path, namespaces) {
  const len = path.length;
  const res = { device: '', rootEnd: 0, absolute: false, uncOnly: false };
  if (len === 0) return res;
  const code = path.charCodeAt(0);
  if (isWinSep(code)) {
    res.absolute = true;
    res.rootEnd = 1;
    if (len > 1 && isWinSep(path.charCodeAt(1))) {
      // `\\server\share`: both names must be non-empty.
      let j = 2;
      while (j < len && !isWinSep(path.charCodeAt(j))) j++;
      if (j < len && j > 2) {
        const server = path.slice(2, j);
        while (j < len && isWinSep(path.charCodeAt(j))) j++;
        if (j < len) {
          const shareStart = j;
          while (j < len && !isWinSep(path.charCodeAt(j))) j++;
          if (namespaces && (server === '?' || server === '.')) {
            res.device = `\\\\${server}`;
            res.rootEnd = 4;
          } else {
            res.device = `\\\\${server}\\${path.slice(shareStart, j)}`;
            res.rootEnd = j;
            res.uncOnly = j === len;
          }
        }
      }
    }
  } else if (len > 1 && isDriveLetter(code) && path.charCodeAt(1) === COLON) {
    res.device = path.slice(0, 2);
    res.rootEnd = 2;
    if (len > 2 && isWinSep(path.charCodeAt(2))) {
      res.absolute = true;
      res.rootEnd = 3;
    }
  }
  return res;
}

const win32 = {
  resolve(...args) {
    let device = '';
    let tail = '';
    let absolute = false;
    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (device.length === 0) {
        path = process.cwd();
      } else {
        // Each drive has its own working directory, kept in the `=C:` variables; without one,
        // the process's directory is used unless it is on another drive.
        path = process.env[`=${device}`] || process.cwd();
        if (path === undefined ||
            (path.slice(0, 2).toLowerCase() !== device.toLowerCase() &&
             path.charCodeAt(2) === BACKSLASH)) {
          path = `${device}\\`;
        }
      }
      const root = winRoot(path, true);
      if (root.device.length > 0) {
        if (device.length > 0) {
          if (root.device.toLowerCase() !== device.toLowerCase()) continue;
        } else {
          device = root.device;
        }
      }
      if (absolute) {
        if (device.length > 0) break;
      } else {
        tail = `${path.slice(root.rootEnd)}\\${tail}`;
        absolute = root.absolute;
        if (absolute && device.length > 0) break;
      }
    }
    tail = normalizeSegments(tail, !absolute, '\\', isWinSep);
    if (absolute) return `${device}\\${tail}`;
    return `${device}${tail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return path.charCodeAt(0) === SLASH ? '\\' : path;
    const root = winRoot(path, true);
    if (root.uncOnly) return `${root.device}\\`;
    let device = root.device.length > 0 ? root.device : undefined;
    let rootEnd = root.rootEnd;
    let reserved = false;
    if (device === undefined && !root.absolute) {
      // `CON:x`: a reserved device name before the first colon is kept as a device. (As in
      // node, without a colon the text checked is the path minus its last character.)
      const colon = path.indexOf(':');
      if (isReservedName(path.slice(0, colon))) {
        device = path.slice(0, colon + 1);
        rootEnd = colon + 1;
        reserved = true;
      }
    }
    const absolute = root.absolute;
    let tail = rootEnd < len ? normalizeSegments(path.slice(rootEnd), !absolute, '\\', isWinSep) : '';
    if (tail.length === 0 && !absolute) tail = '.';
    if (tail.length > 0 && isWinSep(path.charCodeAt(len - 1))) tail += '\\';
    if (reserved) return `.\\${device}${tail}`;
    if (!absolute && device === undefined && path.includes(':')) {
      // The result must not read as a drive-relative or stream path Windows would resolve
      // elsewhere: `x/../c:` becomes `.\c:`, and so does anything with a colon before a
      // separator or at the end.
      if (tail.length >= 2 && isDriveLetter(tail.charCodeAt(0)) && tail.charCodeAt(1) === COLON) {
        return `.\\${tail}`;
      }
      for (let i = path.indexOf(':'); i !== -1; i = path.indexOf(':', i + 1)) {
        if (i === len - 1 || isWinSep(path.charCodeAt(i + 1))) return `.\\${tail}`;
      }
    }
    if (device === undefined) return absolute ? `\\${tail}` : tail;
    return absolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    const code = path.charCodeAt(0);
    return isWinSep(code) ||
      (len > 2 && isDriveLetter(code) && path.charCodeAt(1) === COLON && isWinSep(path.charCodeAt(2)));
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    let first;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = first = arg;
        else joined += `\\${arg}`;
      }
    }
    if (joined === undefined) return '.';
    // Joining must not create a UNC root that the first argument did not have: leading
    // separators collapse to one unless the first argument starts like `\\server`.
    let leading = 0;
    while (leading < first.length && leading < 3 && isWinSep(first.charCodeAt(leading))) leading++;
    const uncStart = leading === 2 && first.length > 2;
    if (!uncStart) {
      let n = leading;
      while (n < joined.length && isWinSep(joined.charCodeAt(n))) n++;
      if (n >= 2) joined = `\\${joined.slice(n)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';
    from = fromOrig.toLowerCase();
    to = toOrig.toLowerCase();
    if (from === to) return '';
    if (fromOrig.length !== from.length || toOrig.length !== to.length) {
      // Lower-casing changed some lengths (`İ`): compare segment by segment instead.
      return relativeBySegments(fromOrig, toOrig);
    }
    let fromStart = 0;
    while (fromStart < from.length && from.charCodeAt(fromStart) === BACKSLASH) fromStart++;
    let fromEnd = from.length;
    while (fromEnd - 1 > fromStart && from.charCodeAt(fromEnd - 1) === BACKSLASH) fromEnd--;
    const fromLen = fromEnd - fromStart;
    let toStart = 0;
    while (toStart < to.length && to.charCodeAt(toStart) === BACKSLASH) toStart++;
    let toEnd = to.length;
    while (toEnd - 1 > toStart && to.charCodeAt(toEnd - 1) === BACKSLASH) toEnd--;
    const toLen = toEnd - toStart;
    const length = Math.min(fromLen, toLen);
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const code = from.charCodeAt(fromStart + i);
      if (code !== to.charCodeAt(toStart + i)) break;
      if (code === BACKSLASH) lastCommonSep = i;
    }
    if (i !== length) {
      // Different roots (drives or shares): no relative path exists.
      if (lastCommonSep === -1) return toOrig;
    } else {
      if (toLen > length) {
        // `from` is a prefix of `to`.
        if (to.charCodeAt(toStart + i) === BACKSLASH) return toOrig.slice(toStart + i + 1);
        if (i === 2) return toOrig.slice(toStart + i); // from is a drive root like `C:`
      }
      if (fromLen > length) {
        if (from.charCodeAt(fromStart + i) === BACKSLASH) lastCommonSep = i;
        else if (i === 2) lastCommonSep = 3;
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }
    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; i++) {
      if (i === fromEnd || from.charCodeAt(i) === BACKSLASH) out += out.length === 0 ? '..' : '\\..';
    }
    toStart += lastCommonSep;
    if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
    if (toOrig.charCodeAt(toStart) === BACKSLASH) toStart++;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolved = win32.resolve(path);
    // Long-path prefixes: `\\?\C:\x`, `\\?\UNC\server\share`.
    if (resolved.length <= 2) return path;
    const c0 = resolved.charCodeAt(0);
    if (c0 === BACKSLASH) {
      if (resolved.charCodeAt(1) === BACKSLASH) {
        const c2 = resolved.charCodeAt(2);
        if (c2 !== QUESTION && c2 !== DOT) return `\\\\?\\UNC\\${resolved.slice(2)}`;
      }
    } else if (isDriveLetter(c0) && resolved.charCodeAt(1) === COLON &&
               resolved.charCodeAt(2) === BACKSLASH) {
      return `\\\\?\\${resolved}`;
    }
    return resolved;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isWinSep(path.charCodeAt(0)) ? path : '.';
    const root = winRoot(path);
    if (root.uncOnly) return path;
    let rootEnd = -1;
    let offset = 0;
    if (isWinSep(path.charCodeAt(0))) {
      // `\x`, or a UNC root `\\server\share\` whose end includes the separator after it.
      rootEnd = offset = root.device.length > 0 ? root.rootEnd + 1 : 1;
    } else if (root.device.length > 0) {
      rootEnd = offset = root.rootEnd;
    }
    let end = -1;
    let sawName = false;
    for (let i = len - 1; i >= offset; i--) {
      if (isWinSep(path.charCodeAt(i))) {
        if (sawName) {
          end = i;
          break;
        }
      } else {
        sawName = true;
      }
    }
    if (end === -1) {
      if (rootEnd === -1) return '.';
      end = rootEnd;
    }
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    const start = path.length >= 2 && isDriveLetter(path.charCodeAt(0)) &&
      path.charCodeAt(1) === COLON ? 2 : 0;
    return basenameFrom(path, start, suffix, isWinSep);
  },

  extname(path) {
    validateString(path, 'path');
    const start = path.length >= 2 && path.charCodeAt(1) === COLON &&
      isDriveLetter(path.charCodeAt(0)) ? 2 : 0;
    return extnameFrom(path, start, isWinSep);
  },

  format(pathObject) {
    return formatPath('\\', pathObject);
  },

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;
    const c0 = path.charCodeAt(0);
    if (len === 1) {
      if (isWinSep(c0)) ret.root = ret.dir = path;
      else ret.base = ret.name = path;
      return ret;
    }
    let rootEnd = 0;
    const root = winRoot(path);
    if (isWinSep(c0)) {
      if (root.device.length > 0) rootEnd = root.uncOnly ? len : root.rootEnd + 1;
      else rootEnd = 1;
    } else if (root.device.length > 0) {
      if (len === 2 || (len === 3 && root.absolute)) {
        ret.root = ret.dir = path;
        return ret;
      }
      rootEnd = root.rootEnd;
    }
    if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
    const begin = parseTail(path, rootEnd, ret, isWinSep);
    ret.dir = begin > rootEnd ? path.slice(0, begin - 1) : ret.root;
    return ret;
  },

  matchesGlob(path, pattern) {
    return globMatch(path, pattern, true);
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
  _makeLong: null,
};

function relativeBySegments(fromPath, toPath) {
  const from = fromPath.split('\\');
  const to = toPath.split('\\');
  if (from[from.length - 1] === '') from.pop();
  if (to[to.length - 1] === '') to.pop();
  const length = Math.min(from.length, to.length);
  let i = 0;
  while (i < length && from[i].toLowerCase() === to[i].toLowerCase()) i++;
  if (i === 0) return toPath;
  if (i === length) {
    if (to.length > length) return to.slice(i).join('\\');
    if (from.length > length) return `${'..\\'.repeat(from.length - 1 - i)}..`;
    return '';
  }
  return `${'..\\'.repeat(from.length - i)}${to.slice(i).join('\\')}`;
}

// ---- Glob matching -------------------------------------------------------------------------
// path.matchesGlob follows minimatch as node configures it: no comments, no negation, no
// escapes (a backslash in a pattern is a separator), braces expanded, `.`/`..` segments
// simplified, dotfiles matched only by patterns that start with a literal dot.

let globWarned = false;
const GLOBSTAR = Symbol('globstar');

function globMatch(path, pattern, windows) {
  validateString(path, 'path');
  validateString(pattern, 'pattern');
  if (!globWarned) {
    globWarned = true;
    process.emitWarning('glob is an experimental feature and might change at any time',
                        'ExperimentalWarning');
  }
  if (pattern.length > 65536) throw new TypeError('pattern is too long');
  pattern = pattern.replace(/\\/g, '/');
  if (pattern === '') return path === '';
  const sets = compileGlob(pattern, windows);
  if (windows) path = path.replace(/\\/g, '/');
  const file = splitSlashes(path, windows);
  for (const set of sets) {
    if (matchParts(file, set, windows)) return true;
  }
  return false;
}

const globCache = new Map();

function compileGlob(pattern, windows) {
  const key = `${windows ? 'w' : 'p'}${pattern}`;
  let sets = globCache.get(key);
  if (sets !== undefined) return sets;
  const expanded = [...new Set(expandBraces(pattern))];
  const partLists = simplifyPatterns(expanded.map((p) => splitSlashes(p, windows)));
  sets = [];
  for (const parts of partLists) {
    const compiled = parts.map(compileSegment);
    if (compiled.includes(false)) continue;
    // The `?` of a `//?/C:/` root is literal.
    if (windows && compiled[0] === '' && compiled[1] === '' && parts[2] === '?' &&
        typeof compiled[3] === 'string' && /^[a-z]:$/i.test(compiled[3])) {
      compiled[2] = '?';
    }
    sets.push(compiled);
  }
  if (globCache.size > 200) globCache.clear();
  globCache.set(key, sets);
  return sets;
}

function splitSlashes(p, windows) {
  // A leading `//name` is kept as a UNC root on Windows.
  if (windows && /^\/\/[^/]+/.test(p)) return ['', ...p.split(/\/+/)];
  return p.split(/\/+/);
}

// Removes `.` segments and `<name>/..` pairs from pattern part lists, collapses runs of `**`, and
// turns `**/../a/b` into both `../a/b` and `**/a/b`.
function simplifyPatterns(lists) {
  let changed;
  do {
    changed = false;
    for (let n = 0; n < lists.length; n++) {
      const parts = lists[n];
      for (let g = parts.indexOf('**'); g !== -1; g = parts.indexOf('**', g + 1)) {
        let run = g;
        while (parts[run + 1] === '**') run++;
        if (run > g) parts.splice(g + 1, run - g);
        const a = parts[g + 2];
        const b = parts[g + 3];
        if (parts[g + 1] !== '..' || !a || a === '.' || a === '..' || !b || b === '.' || b === '..') {
          continue;
        }
        changed = true;
        parts.splice(g, 1);
        const other = parts.slice();
        other[g] = '**';
        lists.push(other);
        g--;
      }
      if (dropEmptyAndDot(parts)) changed = true;
      for (let d = parts.indexOf('..', 1); d !== -1; d = parts.indexOf('..', d + 1)) {
        const prev = parts[d - 1];
        if (prev && prev !== '.' && prev !== '..' && prev !== '**') {
          changed = true;
          const keepDot = d === 1 && parts[d + 1] === '**';
          if (keepDot) parts.splice(d - 1, 2, '.');
          else parts.splice(d - 1, 2);
          if (parts.length === 0) parts.push('');
          d -= 2;
          if (d < 0) d = 0;
        }
      }
    }
  } while (changed);
  return lists;
}

// Drops inner `.` and empty segments (keeping a leading `//` UNC pair); true if it changed.
function dropEmptyAndDot(parts) {
  let changed = false;
  for (let i = 1; i < parts.length - 1; i++) {
    const p = parts[i];
    if (i === 1 && p === '' && parts[0] === '') continue;
    if (p === '.' || p === '') {
      changed = true;
      parts.splice(i, 1);
      i--;
    }
  }
  if (parts[0] === '.' && parts.length === 2 && (parts[1] === '.' || parts[1] === '')) {
    changed = true;
    parts.pop();
  }
  return changed;
}

function simplifyFile(parts) {
  let changed;
  do {
    changed = dropEmptyAndDot(parts);
    for (let d = parts.indexOf('..', 1); d !== -1; d = parts.indexOf('..', d + 1)) {
      const prev = parts[d - 1];
      if (prev && prev !== '.' && prev !== '..' && prev !== '**') {
        changed = true;
        parts.splice(d - 1, 2);
        d -= 2;
        if (d < 0) d = 0;
      }
    }
  } while (changed);
  return parts.length === 0 ? [''] : parts;
}

function matchParts(file, pattern, windows) {
  if (windows) {
    const driveRe = /^[a-z]:$/i;
    const fileDrive = typeof file[0] === 'string' && driveRe.test(file[0]);
    const fileUNC = !fileDrive && file[0] === '' && file[1] === '' && file[2] === '?' &&
      driveRe.test(file[3]);
    const patDrive = typeof pattern[0] === 'string' && driveRe.test(pattern[0]);
    const patUNC = !patDrive && pattern[0] === '' && pattern[1] === '' && pattern[2] === '?' &&
      typeof pattern[3] === 'string' && driveRe.test(pattern[3]);
    const fi = fileUNC ? 3 : fileDrive ? 0 : -1;
    const pi = patUNC ? 3 : patDrive ? 0 : -1;
    if (fi !== -1 && pi !== -1 && file[fi].toLowerCase() === pattern[pi].toLowerCase()) {
      pattern = pattern.slice();
      pattern[pi] = file[fi];
      if (pi > fi) pattern = pattern.slice(pi);
      else if (fi > pi) file = file.slice(fi);
    }
  }
  return matchFrom(simplifyFile(file.slice()), 0, pattern, 0);
}

const isHidden = (name) => name === '.' || name === '..' || name.charCodeAt(0) === DOT;

function matchFrom(file, fi, pattern, pi) {
  const fl = file.length;
  const pl = pattern.length;
  for (; fi < fl && pi < pl; fi++, pi++) {
    const p = pattern[pi];
    const f = file[fi];
    if (p === GLOBSTAR) {
      if (pi + 1 === pl) {
        // A trailing ** takes the rest, as long as nothing in it is hidden.
        for (; fi < fl; fi++) if (isHidden(file[fi])) return false;
        return true;
      }
      for (let fr = fi; fr < fl; fr++) {
        if (matchFrom(file, fr, pattern, pi + 1)) return true;
        if (isHidden(file[fr])) break;
      }
      return false;
    }
    const hit = typeof p === 'string' ? f === p : p.test(f);
    if (!hit) return false;
  }
  if (fi === fl && pi === pl) return true;
  if (fi === fl) return false;
  // The pattern ended first: only a trailing slash in the path may remain.
  return fi === fl - 1 && file[fi] === '';
}

// ---- Brace expansion (`a{b,c}d`, `{1..3}`, `{a..e..2}`) ----

const BRACE_OPEN = '\u0000LODEOPEN\u0000';
const BRACE_CLOSE = '\u0000LODECLOSE\u0000';

function expandBraces(pattern) {
  if (!/\{(?:(?!\{).)*\}/.test(pattern)) return [pattern];
  // A leading `{}` is literal.
  if (pattern.startsWith('{}')) pattern = `${BRACE_OPEN}${BRACE_CLOSE}${pattern.slice(2)}`;
  return expandAt(pattern, true).map((s) => s.split(BRACE_OPEN).join('{').split(BRACE_CLOSE).join('}'));
}

// The first `{` and its matching `}`; with unbalanced braces, the leftmost closed pair inside.
function findBracePair(str) {
  const first = str.indexOf('{');
  if (first === -1 || str.indexOf('}', first + 1) === -1) return undefined;
  const opens = [];
  let best;
  for (let i = first; i < str.length; i++) {
    const c = str[i];
    if (c === '{') {
      opens.push(i);
    } else if (c === '}') {
      if (opens.length === 1) return { start: opens[0], end: i };
      if (opens.length === 0) continue;
      const start = opens.pop();
      if (best === undefined || start < best.start) best = { start, end: i };
    }
  }
  return best;
}

function splitTopCommas(body) {
  if (!body) return [''];
  const m = findBracePair(body);
  if (m === undefined) return body.split(',');
  const parts = body.slice(0, m.start).split(',');
  parts[parts.length - 1] += body.slice(m.start, m.end + 1);
  const post = body.slice(m.end + 1);
  if (post.length) {
    const rest = splitTopCommas(post);
    parts[parts.length - 1] += rest.shift();
    parts.push(...rest);
  }
  return parts;
}

// A sequence end as a number: the integer, or the character code of a letter.
function braceNumeric(s) {
  const n = parseInt(s, 10);
  return n === Number(s) ? n : s.charCodeAt(0);
}

function expandAt(str, top) {
  const m = findBracePair(str);
  if (m === undefined) return [str];
  const pre = str.slice(0, m.start);
  const body = str.slice(m.start + 1, m.end);
  const postStr = str.slice(m.end + 1);
  const post = postStr.length ? expandAt(postStr, false) : [''];
  const out = [];
  if (pre.endsWith('$')) {
    for (const p of post) out.push(`${pre}{${body}}${p}`);
    return out;
  }
  const numericSeq = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(body);
  const alphaSeq = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(body);
  const isSeq = numericSeq || alphaSeq;
  if (!isSeq && !body.includes(',')) {
    // `{a},b}`: the first `}` is literal and the set continues.
    if (/,(?!,).*\}/.test(postStr)) return expandAt(`${pre}{${body}${BRACE_CLOSE}${postStr}`, top);
    return [str];
  }
  let items;
  if (isSeq) {
    const n = body.split('..');
    const x = braceNumeric(n[0]);
    const y = braceNumeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let step = n.length === 3 ? Math.abs(braceNumeric(n[2])) : 1;
    const down = y < x;
    if (down) step = -step;
    const pad = n.some((e) => /^-?0\d/.test(e));
    items = [];
    for (let i = x; down ? i >= y : i <= y; i += step) {
      let c;
      if (alphaSeq) {
        c = String.fromCharCode(i);
        if (c === '\\') c = '';
      } else {
        c = String(i);
        if (pad && width > c.length) {
          const zeros = '0'.repeat(width - c.length);
          c = i < 0 ? `-${zeros}${c.slice(1)}` : `${zeros}${c}`;
        }
      }
      items.push(c);
      if (step === 0) break;
    }
  } else {
    let parts = splitTopCommas(body);
    if (parts.length === 1) {
      // `x{{a,b}}y` gives `x{a}y x{b}y`.
      parts = expandAt(parts[0], false).map((s) => `{${s}}`);
      if (parts.length === 1) return post.map((p) => `${pre}${parts[0]}${p}`);
    }
    items = [];
    for (const part of parts) items.push(...expandAt(part, false));
  }
  for (const item of items) {
    for (const p of post) {
      const s = `${pre}${item}${p}`;
      if (!top || isSeq || s) out.push(s);
    }
  }
  return out;
}

// ---- One path segment of a pattern -> string (literal), RegExp, GLOBSTAR or false ----

const posixClasses = {
  '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}', true],
  '[:alpha:]': ['\\p{L}\\p{Nl}', true],
  '[:ascii:]': ['\\x00-\\x7f', false],
  '[:blank:]': ['\\p{Zs}\\t', true],
  '[:cntrl:]': ['\\p{Cc}', true],
  '[:digit:]': ['\\p{Nd}', true],
  '[:graph:]': ['\\p{Z}\\p{C}', true, true],
  '[:lower:]': ['\\p{Ll}', true],
  '[:print:]': ['\\p{C}', true],
  '[:punct:]': ['\\p{P}', true],
  '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f', true],
  '[:upper:]': ['\\p{Lu}', true],
  '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true],
  '[:xdigit:]': ['A-Fa-f0-9', false],
};

const escapeRegExp = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
const escapeClassChar = (s) => s.replace(/[[\]\\-]/g, '\\$&');

// Parses `[...]` at glob[pos]: `{ src, end, unicode }` (plus `literal` for a one-character
// class like `[a]`), or undefined when there is no closing bracket (then `[` is literal). An
// unknown POSIX class, or nothing to match, makes the class match nothing.
function parseClass(glob, pos) {
  let i = pos + 1;
  let negate = false;
  if (glob[i] === '!' || glob[i] === '^') {
    negate = true;
    i++;
  }
  const ranges = [];
  const negs = [];
  let unicode = false;
  let first = true;
  let rangeStart = '';
  let closed = false;
  let invalid = false;
  while (i < glob.length) {
    const c = glob[i];
    if (c === ']' && !first) {
      closed = true;
      i++;
      break;
    }
    first = false;
    if (c === '[') {
      let found = false;
      for (const name of Object.keys(posixClasses)) {
        if (glob.startsWith(name, i)) {
          if (rangeStart) {
            invalid = true;
            break;
          }
          const [src, u, neg] = posixClasses[name];
          if (neg) negs.push(src);
          else ranges.push(src);
          unicode = unicode || u;
          i += name.length;
          found = true;
          break;
        }
      }
      if (invalid) break;
      if (found) continue;
    }
    if (rangeStart) {
      if (c > rangeStart) ranges.push(`${escapeClassChar(rangeStart)}-${escapeClassChar(c)}`);
      else if (c === rangeStart) ranges.push(escapeClassChar(c));
      rangeStart = '';
      i++;
      continue;
    }
    if (glob.startsWith('-]', i + 1)) {
      ranges.push(escapeClassChar(`${c}-`));
      i += 2;
      continue;
    }
    if (glob.startsWith('-', i + 1)) {
      rangeStart = c;
      i += 2;
      continue;
    }
    ranges.push(escapeClassChar(c));
    i++;
  }
  if (!closed) {
    return invalid ? { src: '$.', end: glob.length, unicode: false } : undefined;
  }
  if (invalid || (negs.length === 0 && ranges.length === 0)) return { src: '$.', end: i, unicode: false };
  // `[a]` is just the character.
  if (negs.length === 0 && ranges.length === 1 && /^\\?.$/.test(ranges[0]) && !negate) {
    const ch = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
    return { src: escapeRegExp(ch), end: i, unicode: false, literal: ch };
  }
  const sranges = `[${negate ? '^' : ''}${ranges.join('')}]`;
  const snegs = `[${negate ? '' : '^'}${negs.join('')}]`;
  let src;
  if (ranges.length && negs.length) src = `(${sranges}|${snegs})`;
  else if (ranges.length) src = sranges;
  else src = snegs;
  return { src, end: i, unicode };
}

// Tokenizes a segment into a tree: literal text, star, qmark, class, extglob
// `{ type: 'ext', kind, alts: [tokens...] }`.
function tokenizeSegment(glob) {
  let pos = 0;
  function parseSeq(inExt) {
    const tokens = [];
    while (pos < glob.length) {
      const c = glob[pos];
      if (inExt && (c === '|' || c === ')')) return tokens;
      if ('!?+*@'.includes(c) && glob[pos + 1] === '(') {
        const save = pos;
        pos += 2;
        const alts = [];
        let ok = false;
        for (;;) {
          alts.push(parseSeq(true));
          if (pos >= glob.length) break;
          if (glob[pos] === '|') {
            pos++;
            continue;
          }
          // ')'
          pos++;
          ok = true;
          break;
        }
        if (ok) {
          tokens.push({ type: 'ext', kind: c, alts });
          continue;
        }
        // Unclosed: the rest is literal text.
        pos = glob.length;
        tokens.push({ type: 'lit', text: glob.slice(save) });
        continue;
      }
      if (c === '*') {
        tokens.push({ type: 'star' });
        pos++;
        continue;
      }
      if (c === '?') {
        tokens.push({ type: 'qmark' });
        pos++;
        continue;
      }
      if (c === '[') {
        const cls = parseClass(glob, pos);
        if (cls !== undefined) {
          pos = cls.end;
          if (cls.literal !== undefined) tokens.push({ type: 'lit', text: cls.literal });
          else tokens.push({ type: 'class', cls });
          continue;
        }
      }
      tokens.push({ type: 'lit', text: c });
      pos++;
    }
    return tokens;
  }
  const tokens = parseSeq(false);
  // A `|` or `)` outside any extglob is literal text.
  while (pos < glob.length) {
    tokens.push({ type: 'lit', text: glob[pos] });
    pos++;
    tokens.push(...parseSeq(false));
  }
  return tokens;
}

function hasMagic(tokens) {
  return tokens.some((t) => t.type !== 'lit');
}

function compileSegment(glob) {
  if (glob === '**') return GLOBSTAR;
  if (glob === '') return '';
  const tokens = tokenizeSegment(glob);
  if (!hasMagic(tokens)) return tokens.map((t) => t.text).join('');
  const state = { unicode: false };
  let body;
  if (/^\*+$/.test(glob)) {
    body = '(?!\\.)[^/]+?';
  } else {
    body = seqSource(tokens, 0, true, state, '');
  }
  try {
    return new RegExp(`^${body}$`, state.unicode ? 'u' : '');
  } catch {
    return false;
  }
}

function tokenSource(t, state) {
  switch (t.type) {
    case 'lit': return escapeRegExp(t.text);
    case 'star': return '[^/]*?';
    case 'qmark': return '[^/]';
    case 'class':
      state.unicode = state.unicode || t.cls.unicode;
      return t.cls.src;
    default: return '';
  }
}

// The regexp source of tokens[i..]; `atStart` applies the dotfile rules to its first token.
// `after` is the source of what follows (used by `!(...)`).
function seqSource(tokens, i, atStart, state, after) {
  let src = '';
  let startPrefix = '';
  for (let k = i; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type === 'star' && tokens[k - 1] && tokens[k - 1].type === 'star') continue;
    if (t.type === 'ext') {
      const restSrc = seqSource(tokens, k + 1, false, state, after);
      const first = atStart && k === i;
      const alts = t.alts.map((alt) => seqSource(alt, 0, first, state, ''));
      const group = alts.join('|');
      let part;
      switch (t.kind) {
        case '@': part = `(?:${group})`; break;
        case '?': part = `(?:${group})?`; break;
        case '+': part = `(?:${group})+`; break;
        case '*': part = `(?:${group})*`; break;
        default: // '!'
          part = `(?:(?!(?:${group})${restSrc}${after}$)[^/]*?)`;
          if (first) part = `(?!\\.)${part}`;
      }
      return `${startPrefix}${src}${part}${restSrc}`;
    }
    const s = tokenSource(t, state);
    if (atStart && k === i) {
      if (t.type === 'star' || t.type === 'qmark' || t.type === 'class') {
        startPrefix = '(?!\\.)';
      } else if (t.type === 'lit' && t.text === '.') {
        const next = tokens[k + 1];
        const next2 = tokens[k + 2];
        const magicAfter = (x) => x && (x.type === 'star' || x.type === 'qmark' || x.type === 'class');
        if (magicAfter(next) ||
            (next && next.type === 'lit' && next.text === '.' && magicAfter(next2))) {
          startPrefix = '(?!\\.\\.?$)';
        }
      }
    }
    src += s;
  }
  return `${startPrefix}${src}`;
}

// ---- Exports -------------------------------------------------------------------------------

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;
posix._makeLong = posix.toNamespacedPath;
win32._makeLong = win32.toNamespacedPath;

module.exports = posix;
