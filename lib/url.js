'use strict';
// url: the WHATWG URL API (lib/internal/url.js) plus node's legacy, non-standard url.parse(),
// url.format(), url.resolve() and url.resolveObject(), which behave as node v20's do.

const {
  URL,
  URLSearchParams,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  domainToASCII,
  domainToUnicode,
  isURL,
  toASCII,
  toUnicode,
} = require('internal/url');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_URL, ERR_INVALID_URI },
} = require('internal/errors');

// ---------------------------------------------------------------------------------------------
// Percent-encoding for url.format()'s auth part.

function utf8Encode(str) {
  const bytes = [];
  for (const ch of str) {
    let cp = ch.codePointAt(0);
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return bytes;
}

// Characters url.format() leaves alone in auth, besides ASCII alphanumerics.
const AUTH_SAFE = "-._~!'()*:";

function isAlphanumeric(c) {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

// Percent-encodes everything but alphanumerics and `safe`; lone surrogates are an error.
function encodeStr(str, safe) {
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0x80) {
      if (isAlphanumeric(c) || safe.includes(str[i])) out += str[i];
      else out += `%${c < 16 ? '0' : ''}${c.toString(16).toUpperCase()}`;
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
      if (!(d >= 0xdc00 && d <= 0xdfff)) throw new ERR_INVALID_URI();
      cp = str.codePointAt(i);
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      throw new ERR_INVALID_URI();
    }
    for (const b of utf8Encode(String.fromCodePoint(cp))) out += `%${b.toString(16).toUpperCase()}`;
  }
  return out;
}

// Query strings, for parse(str, true) and format({ query }): the querystring module's parse()
// and stringify() with their default options, as node's legacy url uses them.
function parseQuery(qs) {
  return require('querystring').parse(qs);
}

function stringifyQuery(obj) {
  return require('querystring').stringify(obj);
}

// ---------------------------------------------------------------------------------------------
// The legacy URL object.

// Protocols that never have a host, and ones whose URLs always have '//'.
const hostlessProtocols = new Set(['javascript', 'javascript:']);
const slashedProtocols = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher',
  'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
// Protocols whose rest is not auto-escaped.
const unescapedProtocols = new Set(['javascript', 'javascript:']);

const protocolPattern = /^[a-z0-9.+-]+:/i;
const portPattern = /:[0-9]*$/;
const hostPattern = /^\/\/[^@/]+@[^@/]+/;
const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const forbiddenHostCharsIPv6 = /[\0\t\n\r #%/<>?@\\^|]/;
const maxHostnameLength = 255;

// Characters escaped in the path, query and hash of a parsed URL.
const autoEscaped = {
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', '\'': '%27', '<': '%3C', '>': '%3E',
  '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
const autoEscapePattern = /[\t\n\r "'<>\\^`{|}]/g;

function isHostEnd(c) {
  return c === 0x23 || c === 0x2f || c === 0x3f;
}

function isNonHostChar(c) {
  switch (c) {
    case 0x20: case 0x22: case 0x25: case 0x27: case 0x3b:
    case 0x3c: case 0x3e: case 0x5c: case 0x5e: case 0x60: case 0x7b: case 0x7c: case 0x7d:
      return true;
    default:
      return false;
  }
}

// Whitespace trimmed around the input.
function isTrimmedSpace(c) {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b ||
    c === 0xa0 || c === 0xfeff;
}

const isIPv6Hostname = (hostname) => hostname[0] === '[' && hostname[hostname.length - 1] === ']';

let warnedInvalidPort = false;

// decodeURIComponent, with V8's message for malformed input.
function decodeURIComponentV8(str) {
  try {
    return decodeURIComponent(str);
  } catch (err) {
    if (err instanceof URIError) throw new URIError('URI malformed');
    throw err;
  }
}

function invalidURLError(input) {
  const err = new ERR_INVALID_URL(input);
  // node's error has `code` before `input`.
  delete err.input;
  err.input = input;
  return err;
}

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const urlObject = new Url();
  urlObject.parse(url, parseQueryString, slashesDenoteHost);
  return urlObject;
}

// Trims whitespace and turns backslashes before the first '?' or '#' into slashes.
// Returns the cleaned string and whether it has '#' or '@' where they matter.
function prepareInput(url) {
  let out = '';
  let hasHash = false;
  let hasAt = false;
  let split = false;
  let start = -1;
  let end = -1;
  let inSpace = false;
  let copied = -1;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    const space = isTrimmedSpace(c);
    if (start === -1) {
      if (space) continue;
      start = i;
      copied = i;
    } else if (inSpace) {
      if (!space) {
        end = -1;
        inSpace = false;
      }
    } else if (space) {
      end = i;
      inSpace = true;
    }
    if (!split) {
      if (c === 0x40) {
        hasAt = true;
      } else if (c === 0x23 || c === 0x3f) {
        if (c === 0x23) hasHash = true;
        split = true;
      } else if (c === 0x5c) {
        out += `${url.slice(copied, i)}/`;
        copied = i + 1;
      }
    } else if (!hasHash && c === 0x23) {
      hasHash = true;
    }
  }
  if (start !== -1) {
    const stop = end === -1 ? url.length : end;
    if (copied < stop) out += url.slice(copied, stop);
  }
  return { rest: out, hasHash, hasAt };
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw new ERR_INVALID_ARG_TYPE('url', 'string', url);
  let { rest, hasHash, hasAt } = prepareInput(url);

  if (!slashesDenoteHost && !hasHash && !hasAt) {
    // A plain path, with maybe a query.
    const simple = simplePathPattern.exec(rest);
    if (simple) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ? parseQuery(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let protocol = protocolPattern.exec(rest);
  let lowerProtocol;
  if (protocol) {
    protocol = protocol[0];
    lowerProtocol = protocol.toLowerCase();
    this.protocol = lowerProtocol;
    rest = rest.slice(protocol.length);
  }

  // '//host/path' has a host when slashes denote one, with a protocol, or with user@host.
  let slashes;
  if (slashesDenoteHost || protocol || hostPattern.test(rest)) {
    slashes = rest.charCodeAt(0) === 0x2f && rest.charCodeAt(1) === 0x2f;
    if (slashes && !(protocol && hostlessProtocols.has(lowerProtocol))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocols.has(lowerProtocol) &&
      (slashes || (protocol && !slashedProtocols.has(protocol)))) {
    // The host runs to the first '/', '?' or '#'. Characters no host may contain end it too,
    // unless an '@' follows them: everything before the last such '@' is the auth.
    let hostEnd = -1;
    let atSign = -1;
    let nonHost = -1;
    for (let i = 0; i < rest.length && hostEnd === -1; i++) {
      const c = rest.charCodeAt(i);
      if (c === 0x09 || c === 0x0a || c === 0x0d) {
        // Tabs and newlines are dropped, as the WHATWG parser does.
        rest = rest.slice(0, i) + rest.slice(i + 1);
        i--;
      } else if (isNonHostChar(c)) {
        if (nonHost === -1) nonHost = i;
      } else if (isHostEnd(c)) {
        if (nonHost === -1) nonHost = i;
        hostEnd = i;
      } else if (c === 0x40) {
        atSign = i;
        nonHost = -1;
      }
    }
    let hostStart = 0;
    if (atSign !== -1) {
      this.auth = decodeURIComponentV8(rest.slice(0, atSign));
      hostStart = atSign + 1;
    }
    if (nonHost === -1) {
      this.host = rest.slice(hostStart);
      rest = '';
    } else {
      this.host = rest.slice(hostStart, nonHost);
      rest = rest.slice(nonHost);
    }

    this.parseHost();
    // There is a host, even if it is empty.
    if (typeof this.hostname !== 'string') this.hostname = '';

    const hostname = this.hostname;
    const ipv6 = isIPv6Hostname(hostname);
    if (!ipv6) {
      // Whatever follows a '/', '\', '#', '?' or ':' in the hostname moves to the path.
      for (let i = 0; i < hostname.length; i++) {
        const c = hostname.charCodeAt(i);
        if (c === 0x2f || c === 0x5c || c === 0x23 || c === 0x3f || c === 0x3a) {
          if (c === 0x3a && !warnedInvalidPort) {
            warnedInvalidPort = true;
            process.emitWarning(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
              'DeprecationWarning', 'DEP0170');
          }
          this.hostname = hostname.slice(0, i);
          rest = `/${hostname.slice(i)}${rest}`;
          break;
        }
      }
    }

    if (this.hostname.length > maxHostnameLength) this.hostname = '';
    else this.hostname = this.hostname.toLowerCase();

    if (this.hostname !== '') {
      if (ipv6) {
        if (forbiddenHostCharsIPv6.test(this.hostname)) throw invalidURLError(url);
      } else {
        // IDNA: punycode the non-ASCII labels. A hostname that becomes empty or gains a
        // forbidden character this way would be a spoofing route, so it is an error.
        this.hostname = toASCII(this.hostname);
        // (node's conversion ends the result at a NUL.)
        const nul = this.hostname.indexOf('\0');
        if (nul !== -1) this.hostname = this.hostname.slice(0, nul);
        if (this.hostname === '' || forbiddenHostChars.test(this.hostname)) throw invalidURLError(url);
      }
    }

    this.host = (this.hostname || '') + (this.port ? `:${this.port}` : '');

    // The brackets of an IPv6 address stay in host but not in hostname.
    if (ipv6) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = `/${rest}`;
    }
  }

  if (!unescapedProtocols.has(lowerProtocol)) {
    rest = rest.replace(autoEscapePattern, (c) => autoEscaped[c]);
  }

  let questionIdx = -1;
  let hashIdx = -1;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 0x23) {
      this.hash = rest.slice(i);
      hashIdx = i;
      break;
    } else if (c === 0x3f && questionIdx === -1) {
      questionIdx = i;
    }
  }

  if (questionIdx !== -1) {
    const queryEnd = hashIdx === -1 ? rest.length : hashIdx;
    this.search = rest.slice(questionIdx, queryEnd);
    this.query = rest.slice(questionIdx + 1, queryEnd);
    if (parseQueryString) this.query = parseQuery(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }

  const pathEnd = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx) ? questionIdx : hashIdx;
  if (pathEnd === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (pathEnd > 0) {
    this.pathname = rest.slice(0, pathEnd);
  }
  if (slashedProtocols.has(lowerProtocol) && this.hostname && !this.pathname) this.pathname = '/';

  // path, for http.request
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');

  this.href = this.format();
  return this;
};

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (isURL(urlObject)) {
    let fragment = true;
    let unicode = false;
    let search = true;
    let auth = true;
    if (options) {
      if (typeof options !== 'object' || options === null || Array.isArray(options)) {
        throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
      }
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    return formatWHATWG(urlObject.href, fragment, unicode, search, auth);
  }
  return Url.prototype.format.call(urlObject);
}

// url.format() of a WHATWG URL: its href without the parts the options turn off, and with a
// Unicode hostname if asked.
function formatWHATWG(href, fragment, unicode, search, auth) {
  const url = new URL(href);
  if (!fragment) url.hash = '';
  if (!search) url.search = '';
  if (!auth) {
    url.username = '';
    url.password = '';
  }
  const out = url.href;
  const protocol = url.protocol;
  if (!unicode || !out.startsWith('//', protocol.length)) return out;
  // Rebuild the authority (it ends at the first '/', '?' or '#') with the Unicode hostname.
  let authorityEnd = out.slice(protocol.length + 2).search(/[/?#]/);
  authorityEnd = authorityEnd === -1 ? out.length : authorityEnd + protocol.length + 2;
  let authority = '';
  if (url.username !== '' || url.password !== '') {
    authority += url.username;
    if (url.password !== '') authority += `:${url.password}`;
    authority += '@';
  }
  authority += toUnicode(url.hostname);
  if (url.port !== '') authority += `:${url.port}`;
  return `${protocol}//${authority}${out.slice(authorityEnd)}`;
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeStr(auth, AUTH_SAFE)}@`;

  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';

  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const hostname = this.hostname;
    host = auth + (hostname.includes(':') && !isIPv6Hostname(hostname) ? `[${hostname}]` : hostname);
    if (this.port) host += `:${this.port}`;
  }

  if (this.query !== null && typeof this.query === 'object') query = stringifyQuery(this.query);

  let search = this.search || (query && `?${query}`) || '';

  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 0x3a) protocol += ':';

  if (pathname.includes('#') || pathname.includes('?')) {
    pathname = pathname.replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
  }

  // Only the slashed protocols get '//' (others only when they had it).
  if (this.slashes || slashedProtocols.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname.charCodeAt(0) !== 0x2f) pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.length >= 4 && protocol.startsWith('file')) {
      host = '//';
    }
  }

  search = search.replace(/#/g, '%23');

  if (hash && hash.charCodeAt(0) !== 0x23) hash = `#${hash}`;
  if (search && search.charCodeAt(0) !== 0x3f) search = `?${search}`;

  return protocol + host + pathname + search + hash;
};

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

function setPath(result) {
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
  }
}

// Moves an 'auth@' that ended up in the host of a non-slashed URL back to auth.
function splitAuthFromHost(result) {
  if (result.host && result.host.indexOf('@') > 0) {
    const parts = result.host.split('@');
    result.auth = parts.shift();
    result.host = result.hostname = parts.shift();
  }
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }

  const result = new Url();
  for (const key of Object.keys(this)) result[key] = this[key];

  // The hash always comes from the relative URL, even an empty one.
  result.hash = relative.hash;

  if (relative.href === '') {
    result.href = result.format();
    return result;
  }

  // '//host/path' keeps only the protocol.
  if (relative.slashes && !relative.protocol) {
    for (const key of Object.keys(relative)) {
      if (key !== 'protocol') result[key] = relative[key];
    }
    if (slashedProtocols.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    // A different protocol. Unless it is a slashed one, the relative URL is absolute.
    if (!slashedProtocols.has(relative.protocol)) {
      for (const key of Object.keys(relative)) result[key] = relative[key];
      result.href = result.format();
      return result;
    }

    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) &&
        !hostlessProtocols.has(relative.protocol)) {
      // 'http:foo/bar': the first path segment becomes the host.
      const relPath = (relative.pathname || '').split('/');
      while (relPath.length && !(relative.host = relPath.shift()));
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (relPath[0] !== '') relPath.unshift('');
      if (relPath.length < 2) relPath.unshift('');
      result.pathname = relPath.join('/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  }

  const isSourceAbs = result.pathname && result.pathname.charAt(0) === '/';
  const isRelAbs = relative.host || (relative.pathname && relative.pathname.charAt(0) === '/');
  let mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  const noLeadingSlashes = result.protocol && !slashedProtocols.has(result.protocol);

  // In a URL without '//', '..' can climb into the host, so the host joins the path for now.
  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      // The relative URL brings its own authority (possibly none), so the source's auth goes.
      relative.hostname = null;
      relative.port = null;
      result.auth = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    // Relative path: replace the last segment.
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a query.
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      splitAuthFromHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    setPath(result);
    result.href = result.format();
    return result;
  }

  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    result.href = result.format();
    return result;
  }

  // A path ending in '.' or '..' (or '') ends with a slash.
  let last = srcPath[srcPath.length - 1];
  const hasTrailingSlash = ((result.host || relative.host || srcPath.length > 1) &&
    (last === '.' || last === '..')) || last === '';

  // Drop '.', and '..' with the segment before it; `up` counts the ones that go above the root.
  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') {
      srcPath.splice(i, 1);
    } else if (last === '..') {
      srcPath.splice(i, 1);
      up++;
    } else if (up) {
      srcPath.splice(i, 1);
      up--;
    }
  }

  if (!mustEndAbs && !removeAllDots) {
    while (up--) srcPath.unshift('..');
  }

  if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0].charAt(0) !== '/')) {
    srcPath.unshift('');
  }

  if (hasTrailingSlash && srcPath.join('/').slice(-1) !== '/') srcPath.push('');

  const isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0].charAt(0) === '/');

  // Put the host back.
  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
    splitAuthFromHost(result);
  }

  mustEndAbs = mustEndAbs || (result.host && srcPath.length);

  if (mustEndAbs && !isAbsolute) srcPath.unshift('');

  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }

  setPath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = portPattern.exec(host);
  if (port) {
    if (port[0] !== ':') this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};

module.exports = {
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
