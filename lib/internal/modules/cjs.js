'use strict';
// CommonJS modules: require, module, resolution through node_modules, JSON, require.cache.
// (ES modules, package "exports"/"imports" in full and the rest of the resolution algorithm
// come with the module-system issue.)

const path = require('path');
const fsb = internalBinding('fs');
const { compileFunction } = internalBinding('util');
const { kModuleWrapperName } = require('internal/error_stack');

let loadBuiltin;
// As in node, stat results are cached only while a top-level module's code runs (the requires
// it makes, directly or not), and only for paths that exist: a file created later, or a
// directory removed, is seen by the next top-level require.
let statCache = null;
let requireDepth = 0;

function stat(filename) {
  if (statCache !== null) {
    const cached = statCache.get(filename);
    if (cached !== undefined) return cached;
  }
  const r = fsb.internalModuleStat(filename);
  if (statCache !== null && r >= 0) statCache.set(filename, r);
  return r;
}

function toRealPath(p) {
  const r = fsb.realpath(p);
  return typeof r === 'string' ? r : p;
}

function readPackage(dir) {
  const jsonPath = path.resolve(dir, 'package.json');
  const text = fsb.readFileUtf8(jsonPath);
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    // What node's CommonJS loader reports (its ES module loader uses ERR_INVALID_PACKAGE_CONFIG);
    // JSON.parse already words the message as V8 does.
    const err = new Error(`Error parsing ${jsonPath}: ${e.message}`);
    err.path = jsonPath;
    throw err;
  }
}

function updateChildren(parent, child, scan) {
  const children = parent && parent.children;
  if (children && !(scan && children.includes(child))) children.push(child);
}

function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  Object.defineProperty(this, 'exports', { value: {}, writable: true, enumerable: true, configurable: true });
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
  Object.defineProperty(this, 'parent', { value: parent, writable: true, enumerable: false, configurable: true });
}

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];
const defaultWrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
let wrapper = defaultWrapper.slice();
const defaultWrap = (script) => `${wrapper[0]}${script}${wrapper[1]}`;
let wrap = defaultWrap;
// Accessors, as node's (not enumerable): patching them switches loading to the patched wrapper.
Object.defineProperty(Module, 'wrapper', {
  get() { return wrapper; },
  set(value) { wrapper = value; },
  enumerable: false,
  configurable: false,
});
Object.defineProperty(Module, 'wrap', {
  get() { return wrap; },
  set(value) { wrap = value; },
  enumerable: false,
  configurable: false,
});
Module.Module = Module;

Module._nodeModulePaths = function (from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  const parts = from.split('/');
  // parts[0] is the empty root segment: '/node_modules' is added once, below.
  for (let i = parts.length; i > 1; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    paths.push(`${parts.slice(0, i).join('/')}/node_modules`);
  }
  paths.push('/node_modules');
  return paths;
};

Module._initPaths = function () {
  const home = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const prefixDir = path.resolve(process.execPath, '..', '..');
  let paths = [path.resolve(prefixDir, 'lib', 'node')];
  if (home) {
    paths.unshift(path.resolve(home, '.node_libraries'));
    paths.unshift(path.resolve(home, '.node_modules'));
  }
  if (nodePath) {
    paths = nodePath.split(path.delimiter).filter(Boolean).concat(paths);
  }
  Module.globalPaths = paths;
};

function tryFile(requestPath, isMain) {
  if (stat(requestPath) !== 0) return false;
  return toRealPath(requestPath);
}

function tryExtensions(p, exts, isMain) {
  for (const ext of exts) {
    const filename = tryFile(p + ext, isMain);
    if (filename) return filename;
  }
  return false;
}

function tryPackage(requestPath, exts, isMain, originalPath) {
  const pkg = readPackage(requestPath);
  const main = pkg && typeof pkg.main === 'string' ? pkg.main : undefined;
  if (!main) return tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
  const filename = path.resolve(requestPath, main);
  let actual = tryFile(filename, isMain) || tryExtensions(filename, exts, isMain) ||
    tryExtensions(path.resolve(filename, 'index'), exts, isMain);
  if (actual === false) {
    actual = tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
    if (!actual) {
      const err = new Error(`Cannot find module '${filename}'. Please verify that the package.json has a valid "main" entry`);
      err.code = 'MODULE_NOT_FOUND';
      err.path = path.resolve(requestPath, 'package.json');
      err.requestPath = originalPath;
      throw err;
    }
    const jsonPath = path.resolve(requestPath, 'package.json');
    process.emitWarning(`Invalid 'main' field in '${jsonPath}' of '${main}'. ` +
      'Please either fix that or report it to the module author', 'DeprecationWarning', 'DEP0128');
  }
  return actual;
}

// Resolves a package's "exports" for `subpath` ('.' or './x') with the require conditions.
function resolveExports(pkgDir, pkg, subpath, request) {
  const exportsField = pkg.exports;
  let target;
  if (typeof exportsField === 'string' || Array.isArray(exportsField) ||
      (exportsField && typeof exportsField === 'object' && !Object.keys(exportsField).some((k) => k.startsWith('.')))) {
    if (subpath === '.') target = exportsField;
  } else if (exportsField && typeof exportsField === 'object') {
    if (Object.prototype.hasOwnProperty.call(exportsField, subpath)) {
      target = exportsField[subpath];
    } else {
      let best = '';
      for (const key of Object.keys(exportsField)) {
        const star = key.indexOf('*');
        if (star === -1) continue;
        const prefix = key.slice(0, star);
        const suffix = key.slice(star + 1);
        if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1 && prefix.length > best.length) {
          best = key;
          const match = subpath.slice(prefix.length, subpath.length - suffix.length);
          target = replaceStar(exportsField[key], match);
        }
      }
    }
  }
  const resolved = resolveTarget(target);
  if (resolved === undefined || resolved === null) {
    const err = new Error(subpath === '.' ?
      `No "exports" main defined in ${pkgDir}/package.json` :
      `Package subpath '${subpath}' is not defined by "exports" in ${pkgDir}/package.json`);
    err.code = 'ERR_PACKAGE_PATH_NOT_EXPORTED';
    throw err;
  }
  return path.resolve(pkgDir, resolved);
}

function replaceStar(target, match) {
  if (typeof target === 'string') return target.replaceAll('*', match);
  if (Array.isArray(target)) return target.map((t) => replaceStar(t, match));
  if (target && typeof target === 'object') {
    const out = {};
    for (const k of Object.keys(target)) out[k] = replaceStar(target[k], match);
    return out;
  }
  return target;
}

function resolveTarget(target) {
  if (typeof target === 'string') return target;
  if (target === null) return null;
  if (Array.isArray(target)) {
    for (const t of target) {
      const r = resolveTarget(t);
      if (r !== undefined && r !== null) return r;
    }
    return undefined;
  }
  if (target && typeof target === 'object') {
    for (const key of Object.keys(target)) {
      if (key === 'require' || key === 'node' || key === 'default' || key === 'node-addons') {
        const r = resolveTarget(target[key]);
        if (r !== undefined) return r;
      }
    }
  }
  return undefined;
}

function resolveInNodeModules(request, dir) {
  const m = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/.exec(request);
  if (!m) return false;
  const pkgDir = path.resolve(dir, m[1]);
  if (stat(pkgDir) !== 1) return false;
  const pkg = readPackage(pkgDir);
  if (pkg && pkg.exports !== undefined && pkg.exports !== null) {
    const resolved = resolveExports(pkgDir, pkg, `.${m[2] || ''}`, request);
    return tryFile(resolved) || false;
  }
  return undefined;
}

Module._findPath = function (request, paths, isMain) {
  const absoluteRequest = path.isAbsolute(request);
  if (absoluteRequest) paths = [''];
  else if (!paths || paths.length === 0) return false;
  const cacheKey = `${request}\x00${paths.join('\x00')}`;
  const entry = Module._pathCache[cacheKey];
  if (entry) return entry;
  const exts = Object.keys(Module._extensions);
  const trailingSlash = request.endsWith('/') || /(?:^|\/)\.?\.$/.test(request);
  // A missing directory is skipped unless the request climbs out of it ('../x'), which can
  // still resolve after the directory itself was removed.
  const insidePath = absoluteRequest || !path.normalize(request).startsWith('..');
  for (const curPath of paths) {
    if (insidePath && curPath && stat(curPath) < 1) continue;
    if (!absoluteRequest && curPath) {
      const viaExports = resolveInNodeModules(request, curPath);
      if (viaExports) {
        Module._pathCache[cacheKey] = viaExports;
        return viaExports;
      }
    }
    const basePath = path.resolve(curPath, request);
    let filename;
    const rc = stat(basePath);
    if (!trailingSlash) {
      if (rc === 0) filename = toRealPath(basePath);
      if (!filename) filename = tryExtensions(basePath, exts, isMain);
    }
    if (!filename && rc === 1) filename = tryPackage(basePath, exts, isMain, request);
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

Module._resolveLookupPaths = function (request, parent) {
  if (request.charAt(0) !== '.' ||
      (request.length > 1 && request.charAt(1) !== '.' && request.charAt(1) !== '/')) {
    let paths = Module.globalPaths;
    if (parent && parent.paths && parent.paths.length) paths = parent.paths.concat(paths);
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

function isBuiltinRequest(request) {
  if (request.startsWith('node:')) return loadBuiltin.canBeRequiredWithScheme(request.slice(5));
  return loadBuiltin.canBeRequiredByUsers(request);
}

Module._resolveFilename = function (request, parent, isMain, options) {
  if (typeof request !== 'string') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('id', 'string', request);
  }
  if (isBuiltinRequest(request)) return request;
  if (request.startsWith('node:')) {
    const { ERR_UNKNOWN_BUILTIN_MODULE } = require('internal/errors').codes;
    throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
  }
  const parentFile = parent && (parent.filename || parent.id);
  if (request[0] === '#' && parentFile) {
    const found = resolvePackageImports(request, parentFile);
    if (found) return found;
  }
  const self = parentFile ? resolveSelf(request, parentFile) : undefined;
  if (self) return self;
  let paths;
  if (typeof options === 'object' && options !== null && Array.isArray(options.paths)) {
    const isRelative = request.startsWith('./') || request.startsWith('../');
    if (isRelative) {
      paths = options.paths;
    } else {
      const fakeParent = new Module('', null);
      paths = [];
      for (const p of options.paths) {
        fakeParent.paths = Module._nodeModulePaths(p);
        const lookupPaths = Module._resolveLookupPaths(request, fakeParent);
        for (const lp of lookupPaths) if (!paths.includes(lp)) paths.push(lp);
      }
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }
  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = cursor.parent) {
    requireStack.push(cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

// `#name` specifiers through the enclosing package's "imports".
function resolvePackageImports(request, parentFile) {
  const { packageScope } = require('internal/modules/package_scope');
  const scope = packageScope(parentFile);
  const imports = scope && scope.pkg.imports;
  let target;
  if (imports && typeof imports === 'object') {
    if (Object.prototype.hasOwnProperty.call(imports, request)) {
      target = resolveTarget(imports[request]);
    } else {
      for (const key of Object.keys(imports)) {
        const star = key.indexOf('*');
        if (star === -1) continue;
        const prefix = key.slice(0, star);
        const suffix = key.slice(star + 1);
        if (request.startsWith(prefix) && request.endsWith(suffix)) {
          target = resolveTarget(replaceStar(imports[key], request.slice(prefix.length, request.length - suffix.length)));
          break;
        }
      }
    }
  }
  if (typeof target !== 'string') {
    const err = new TypeError(`Package import specifier "${request}" is not defined${scope ? ` in package ${scope.dir}/package.json` : ''} imported from ${parentFile}`);
    err.code = 'ERR_PACKAGE_IMPORT_NOT_DEFINED';
    throw err;
  }
  if (target.startsWith('./') || target.startsWith('../') || target.startsWith('/')) {
    return tryFile(path.resolve(scope.dir, target)) || false;
  }
  return Module._resolveFilename(target, { id: parentFile, filename: parentFile, paths: Module._nodeModulePaths(path.dirname(parentFile)) }, false);
}

// A package requiring itself by name through its own "exports".
function resolveSelf(request, parentFile) {
  const m = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/.exec(request);
  if (!m) return undefined;
  const { packageScope } = require('internal/modules/package_scope');
  const scope = packageScope(parentFile);
  if (!scope || scope.pkg.name !== m[1] || scope.pkg.exports === undefined || scope.pkg.exports === null) return undefined;
  const resolved = resolveExports(scope.dir, scope.pkg, `.${m[2] || ''}`, request);
  return tryFile(resolved) || undefined;
}

Module._load = function (request, parent, isMain) {
  let relResolveCacheIdentifier;
  if (parent) {
    relResolveCacheIdentifier = `${parent.path}\x00${request}`;
    const filename = relativeResolveCache[relResolveCacheIdentifier];
    if (filename !== undefined) {
      const cachedModule = Module._cache[filename];
      if (cachedModule !== undefined) {
        updateChildren(parent, cachedModule, true);
        if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
        return cachedModule.exports;
      }
      delete relativeResolveCache[relResolveCacheIdentifier];
    }
  }
  if (request.startsWith('node:')) {
    const id = request.slice(5);
    if (!loadBuiltin.canBeRequiredWithScheme(id)) {
      const { ERR_UNKNOWN_BUILTIN_MODULE } = require('internal/errors').codes;
      throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
    }
    return loadBuiltin(id);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  const cachedModule = Module._cache[filename];
  if (cachedModule !== undefined) {
    updateChildren(parent, cachedModule, true);
    if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
    return cachedModule.exports;
  }
  if (loadBuiltin.canBeRequiredByUsers(filename)) return loadBuiltin(filename);
  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
  }
  Module._cache[filename] = module;
  if (parent !== undefined && parent !== null) relativeResolveCache[relResolveCacheIdentifier] = filename;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent !== undefined && parent !== null) {
        delete relativeResolveCache[relResolveCacheIdentifier];
        const children = parent && parent.children;
        if (Array.isArray(children)) {
          const index = children.indexOf(module);
          if (index !== -1) children.splice(index, 1);
        }
      }
    } else if (module.exports && !isProxy(module.exports) &&
               Object.getPrototypeOf(module.exports) === CircularRequirePrototypeWarningProxy) {
      Object.setPrototypeOf(module.exports, Object.prototype);
    }
  }
  return module.exports;
};
const relativeResolveCache = { __proto__: null };

// A module required again while it is still loading (a require cycle) hands out its partial
// exports. While it loads, a plain exports object gets a prototype that warns about reading
// properties it does not have (yet), as node does; the prototype is put back once it is loaded.
// Proxies, non-plain exports and transpiled ES modules (__esModule) are left alone.
function isProxy(value) {
  return require('internal/util/types').isProxy(value);
}
function emitCircularRequireWarning(prop) {
  process.emitWarning(`Accessing non-existent property '${String(prop)}' of module exports ` +
    'inside circular dependency');
}
const CircularRequirePrototypeWarningProxy = new Proxy({}, {
  get(target, prop) {
    // __esModule is probed by ES module interop and transpilers: no warning.
    if (prop in target || prop === '__esModule') return target[prop];
    emitCircularRequireWarning(prop);
    return undefined;
  },
  getOwnPropertyDescriptor(target, prop) {
    if (Object.prototype.hasOwnProperty.call(target, prop) || prop === '__esModule') {
      return Object.getOwnPropertyDescriptor(target, prop);
    }
    emitCircularRequireWarning(prop);
    return undefined;
  },
});
function getExportsForCircularRequire(module) {
  const exports = module.exports;
  if (exports && !isProxy(exports) && Object.getPrototypeOf(exports) === Object.prototype &&
      !exports.__esModule) {
    Object.setPrototypeOf(exports, CircularRequirePrototypeWarningProxy);
  }
  return exports;
}

Module.prototype.load = function (filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  let extension = path.extname(filename);
  if (extension === '' || !Module._extensions[extension]) extension = '.js';
  if (extension === '.mjs' || (extension === '.js' && require('internal/modules/package_scope').formatOf(filename) === 'module')) {
    this.exports = require('internal/modules/esm').requireESM(filename);
  } else {
    Module._extensions[extension](this, filename);
  }
  this.loaded = true;
};

Module.prototype.require = function (id) {
  if (typeof id !== 'string') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('id', 'string', id);
  }
  if (id === '') {
    const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  requireDepth++;
  try {
    return Module._load(id, this, false);
  } finally {
    requireDepth--;
  }
};

function makeRequire(mod) {
  const require = function require(id) {
    return mod.require(id);
  };
  function resolve(request, options) {
    if (typeof request !== 'string') {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('request', 'string', request);
    }
    return Module._resolveFilename(request, mod, false, options);
  }
  require.resolve = resolve;
  resolve.paths = function paths(request) {
    if (isBuiltinRequest(request)) return null;
    return Module._resolveLookupPaths(request, mod);
  };
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.prototype._compile = function (content, filename) {
  if (content.startsWith('#!')) content = `//${content.slice(2)}`;
  let fn;
  if (Module.wrap !== defaultWrap || Module.wrapper[0] !== defaultWrapper[0] || Module.wrapper[1] !== defaultWrapper[1]) {
    // A package replaced the wrapper (as some instrumenting loaders do): compile its text.
    fn = internalBinding('util').evalScript(Module.wrap(content), filename);
  } else {
    fn = compileFunction(content, filename,
      ['exports', 'require', 'module', '__filename', '__dirname'], kModuleWrapperName);
  }
  const dirname = path.dirname(filename);
  const require = makeRequire(this);
  const exports = this.exports;
  if (requireDepth === 0) statCache = new Map();
  try {
    return Reflect.apply(fn, exports, [exports, require, this, filename, dirname]);
  } finally {
    if (requireDepth === 0) statCache = null;
  }
};

function stripBOM(content) {
  return content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content;
}

function readSource(filename) {
  const content = fsb.readFileUtf8(filename);
  if (typeof content === 'number') throw require('internal/errors').uvException(content, 'open', filename);
  return content;
}

Module._extensions['.js'] = function (module, filename) {
  module._compile(stripBOM(readSource(filename)), filename);
};
Module._extensions['.json'] = function (module, filename) {
  const content = readSource(filename);
  try {
    module.exports = JSON.parse(stripBOM(content));
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};
// Native addons go through process.dlopen, as in node (Lode reports why it cannot load them).
Module._extensions['.node'] = function (module, filename) {
  return process.dlopen(module, filename);
};

Module.createRequire = function createRequire(filename) {
  let filepath = filename;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    filepath = decodeURIComponent(new URL(filename.href).pathname);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    filepath = decodeURIComponent(filename.replace(/^file:\/\//, ''));
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_VALUE('filename', filename, 'must be a file URL object, file URL string, or absolute path string');
  }
  const trailingSlash = filepath.endsWith('/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequire(m);
};

Module.isBuiltin = (name) => isBuiltinRequest(name);
Module.syncBuiltinESMExports = () => {};
Module.findSourceMap = () => undefined;
Object.defineProperty(Module, 'SourceMap', {
  get() { return require('internal/source_map').SourceMap; },
  enumerable: true,
  configurable: true,
});
Module.register = () => {};

// Module._debug: node's deprecated debug logger (DEP0077), NODE_DEBUG=module.
Module._debug = function _debug(...args) {
  require('util').debuglog('module')(...args);
};

// Module._preloadModules(requests): what `-r` does, for tools that call it themselves.
Module._preloadModules = function _preloadModules(requests) {
  if (!Array.isArray(requests)) return;
  const parent = new Module('internal/preload', null);
  try {
    parent.paths = Module._nodeModulePaths(process.cwd());
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  for (const request of requests) parent.require(request);
};

// Internal helpers node exposes without enumerating them; some loaders call them.
for (const [name, value] of [
  ['_stat', (filename) => internalBinding('fs').internalModuleStat(path.toNamespacedPath(filename))],
  ['_readPackage', (jsonPath) => require('internal/modules/package_scope').readPackageJson(
    path.basename(jsonPath) === 'package.json' ? path.dirname(jsonPath) : jsonPath)],
]) {
  let current = value;
  Object.defineProperty(Module, name, {
    get() { return current; },
    set(v) { current = v; },
    enumerable: false,
    configurable: true,
  });
}

Module.runMain = function (main = process.argv[1]) {
  const resolved = path.resolve(main);
  Module._load(resolved, null, true);
};

function setup(builtinLoader) {
  loadBuiltin = builtinLoader;
  Module.builtinModules = builtinLoader.publicBuiltins.slice();
  Module._initPaths();
}

module.exports = { Module, setup, makeRequire };
