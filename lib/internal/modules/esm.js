'use strict';
// ES modules: resolution (node's ESM algorithm: file URLs, no extension probing, package
// "exports"/"imports" with the import conditions), formats (.mjs, .cjs, "type"), and module
// records for JavaScript, JSON, CommonJS and built-ins. SpiderMonkey asks for each imported
// module through the load hook registered here (crates/engine/src/modules.rs).

const path = require('path');
const { compileModule, linkAndEvaluate, getModuleNamespace, getPromiseState } = internalBinding('util');
const fsb = internalBinding('fs');
const { codes } = require('internal/errors');

let urlModule;
function url() {
  if (urlModule === undefined) urlModule = require('internal/url');
  return urlModule;
}

const records = new Map(); // URL -> module record
const kBridge = Symbol.for('lode.esm.bridge');

function toFileURL(filename) {
  return url().pathToFileURL(filename).href;
}

function isIdentifierish(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

// A module re-exporting an object's properties: `default` is the object itself.
// For a CommonJS module (`commonjs`), as node: a detected name that is not an own property of
// module.exports is exported as undefined, and a getter that throws gives undefined.
function facadeSource(accessor, names, commonjs = false) {
  let src = `const __m = ${accessor};\nexport default __m;\n`;
  if (commonjs) {
    src += 'const __get = (n) => { if (__m === null || (typeof __m !== "object" && typeof __m !== "function") || ' +
      '!Object.prototype.hasOwnProperty.call(__m, n)) return undefined; try { return __m[n]; } catch { return undefined; } };\n';
  }
  let i = 0;
  for (const name of names) {
    if (name === 'default') continue;
    const exported = isIdentifierish(name) ? name : JSON.stringify(name);
    const read = commonjs ? `__get(${JSON.stringify(name)})` : `__m[${JSON.stringify(name)}]`;
    src += `const __e${i} = ${read};\nexport { __e${i} as ${exported} };\n`;
    i++;
  }
  return src;
}

const { readPackageJson, packageScope, formatOf } = require('internal/modules/package_scope');

function conditionTarget(target, subpathMatch) {
  if (typeof target === 'string') return subpathMatch === undefined ? target : target.replaceAll('*', subpathMatch);
  if (Array.isArray(target)) {
    for (const t of target) {
      const r = conditionTarget(t, subpathMatch);
      if (r !== undefined && r !== null) return r;
    }
    return undefined;
  }
  if (target !== null && typeof target === 'object') {
    for (const key of Object.keys(target)) {
      if (key === 'import' || key === 'node' || key === 'default' || key === 'module-sync') {
        const r = conditionTarget(target[key], subpathMatch);
        if (r !== undefined) return r;
      }
    }
    return undefined;
  }
  return target === null ? null : undefined;
}

function resolveMap(map, subpath) {
  if (typeof map === 'string' || Array.isArray(map) ||
      (map && typeof map === 'object' && !Object.keys(map).some((k) => k.startsWith('.') || k.startsWith('#')))) {
    return subpath === '.' ? conditionTarget(map) : undefined;
  }
  if (map === null || typeof map !== 'object') return undefined;
  if (Object.prototype.hasOwnProperty.call(map, subpath) && !subpath.includes('*')) return conditionTarget(map[subpath]);
  let best;
  let bestKey = '';
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1 &&
        (prefix.length > bestKey.indexOf('*') || bestKey === '')) {
      bestKey = key;
      best = conditionTarget(map[key], subpath.slice(prefix.length, subpath.length - suffix.length));
    }
  }
  return best;
}

function notFound(specifier, base, isPath) {
  const err = new codes.ERR_MODULE_NOT_FOUND(specifier, base, isPath);
  if (isPath) err.url = toFileURL(specifier);
  return err;
}

function resolvePackage(specifier, parentPath, base) {
  const m = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/.exec(specifier);
  if (m === null) throw new codes.ERR_INVALID_MODULE_SPECIFIER(specifier, 'is not a valid package name', base);
  const [, name, rest = ''] = m;
  // Self-reference through the enclosing package's own "exports".
  const scope = packageScope(parentPath);
  if (scope && scope.pkg.name === name && scope.pkg.exports !== undefined) {
    const target = resolveMap(scope.pkg.exports, `.${rest}`);
    if (typeof target === 'string') return path.resolve(scope.dir, target);
  }
  let dir = path.dirname(parentPath);
  for (;;) {
    if (path.basename(dir) !== 'node_modules') {
      const pkgDir = path.join(dir, 'node_modules', name);
      if (fsb.internalModuleStat(pkgDir) === 1) {
        const pkg = readPackageJson(pkgDir) || {};
        if (pkg.exports !== undefined && pkg.exports !== null) {
          const target = resolveMap(pkg.exports, `.${rest}`);
          if (typeof target !== 'string') {
            const err = new Error(rest === '' ?
              `No "exports" main defined in ${pkgDir}/package.json` :
              `Package subpath '.${rest}' is not defined by "exports" in ${pkgDir}/package.json imported from ${base}`);
            err.code = 'ERR_PACKAGE_PATH_NOT_EXPORTED';
            throw err;
          }
          return path.resolve(pkgDir, target);
        }
        if (rest !== '') return path.join(pkgDir, rest);
        // Legacy main: the CommonJS rules (extensions, index files).
        const main = typeof pkg.main === 'string' ? pkg.main : 'index.js';
        for (const candidate of [main, `${main}.js`, `${main}.json`, `${main}/index.js`, 'index.js']) {
          const p = path.resolve(pkgDir, candidate);
          if (fsb.internalModuleStat(p) === 0) return p;
        }
        throw notFound(pkgDir, base, true);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw notFound(name, base, false);
}

function resolveImports(specifier, parentPath, base) {
  const scope = packageScope(parentPath);
  if (scope && scope.pkg.imports) {
    const target = resolveMap(scope.pkg.imports, specifier);
    if (typeof target === 'string') {
      if (target.startsWith('./') || target.startsWith('../') || target.startsWith('/')) return path.resolve(scope.dir, target);
      return resolvePackage(target, parentPath, base);
    }
  }
  const err = new TypeError(`Package import specifier "${specifier}" is not defined${scope ? ` in package ${scope.dir}/package.json` : ''} imported from ${base}`);
  err.code = 'ERR_PACKAGE_IMPORT_NOT_DEFINED';
  throw err;
}

// Returns the URL of the module `specifier` names, imported from `referrer` (a URL or path).
function resolve(specifier, referrer) {
  const { canBeRequiredWithScheme, canBeRequiredByUsers } = require('internal/modules/esm_support');
  if (specifier.startsWith('node:')) {
    if (!canBeRequiredWithScheme(specifier.slice(5))) throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(specifier);
    return specifier;
  }
  if (canBeRequiredByUsers(specifier)) return `node:${specifier}`;
  let parentURL = referrer;
  if (typeof parentURL !== 'string' || parentURL === '' || parentURL.startsWith('[')) {
    parentURL = toFileURL(path.join(process.cwd(), '[eval]'));
  } else if (!/^[a-z][a-z0-9+.-]*:/i.test(parentURL)) {
    parentURL = toFileURL(parentURL);
  }
  const parentPath = url().fileURLToPath(parentURL);
  const base = parentPath;
  let filename;
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/') ||
      specifier === '.' || specifier === '..') {
    filename = url().fileURLToPath(new (url().URL)(specifier, parentURL));
  } else if (specifier.startsWith('file:')) {
    filename = url().fileURLToPath(specifier);
  } else if (specifier.startsWith('#')) {
    filename = resolveImports(specifier, parentPath, base);
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(specifier)) {
    const u = new (url().URL)(specifier);
    throw new codes.ERR_UNSUPPORTED_ESM_URL_SCHEME(u, ['file', 'data', 'node']);
  } else {
    filename = resolvePackage(specifier, parentPath, base);
  }
  const stat = fsb.internalModuleStat(filename);
  if (stat === 1) throw new codes.ERR_UNSUPPORTED_DIR_IMPORT(filename, base);
  if (stat !== 0) throw notFound(filename, base, true);
  const real = fsb.realpath(filename);
  return toFileURL(typeof real === 'string' ? real : filename);
}

// Names a CommonJS module exports, found statically as node does: the names cjs-module-lexer
// detects in its source, plus those of the modules it re-exports (`module.exports =
// require(...)`, `__exportStar(require(...))`, Babel's `export *` loop...), resolved from the
// module like require() would and followed recursively. `cache` maps each file seen to its
// names; it is filled before following re-exports, so a cycle sees the names found so far.
function cjsExportNames(source, filename, cache = new Map()) {
  let names = cache.get(filename);
  if (names !== undefined) return names;
  let found;
  try {
    found = require('internal/modules/cjs_lexer').parse(source || '');
  } catch {
    found = { exports: [], reexports: [] };
  }
  names = new Set(found.exports);
  cache.set(filename, names);
  if (found.reexports.length === 0) return names;
  const { Module } = require('internal/modules/cjs');
  const parent = { id: filename, filename, paths: Module._nodeModulePaths(path.dirname(filename)) };
  for (const specifier of found.reexports) {
    let target;
    try {
      target = Module._resolveFilename(specifier, parent);
    } catch {
      continue; // unresolvable re-export: no names
    }
    const ext = path.extname(target);
    // Like node: only files loaded as CommonJS source (.js, .cjs, unknown extensions).
    if ((ext !== '.js' && ext !== '.cjs' && Module._extensions[ext]) || !path.isAbsolute(target)) continue;
    const text = fsb.readFileUtf8(target);
    for (const n of cjsExportNames(typeof text === 'string' ? text : '', target, cache)) names.add(n);
  }
  return names;
}

// Names imported by name from each built-in, seen in module sources: built-ins whose JS is not
// written yet have no own keys to list, but must still offer what is imported from them (their
// functions throw ERR_NOT_IMPLEMENTED when called).
const requestedBuiltinNames = new Map();
function noteImportedNames(text) {
  const re = /(?:import|export)\s*(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2/g;
  for (const m of text.matchAll(re)) {
    const id = m[3].startsWith('node:') ? m[3].slice(5) : m[3];
    let set = requestedBuiltinNames.get(id);
    if (set === undefined) requestedBuiltinNames.set(id, set = new Set());
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0].trim().replace(/^type\s+/, '');
      if (name) set.add(name.replace(/^['"]|['"]$/g, ''));
    }
  }
}

function createRecord(moduleURL, isJson) {
  if (moduleURL.startsWith('node:')) {
    const id = moduleURL.slice(5);
    const exportsObj = require('internal/modules/cjs').Module._load(moduleURL, null, false);
    const names = new Set(exportsObj !== null && (typeof exportsObj === 'object' || typeof exportsObj === 'function') ?
      Object.keys(exportsObj) : []);
    for (const n of requestedBuiltinNames.get(id) || []) names.add(n);
    return compileModule(facadeSource(`globalThis[Symbol.for('lode.esm.bridge')].builtin(${JSON.stringify(id)})`, names), moduleURL);
  }
  const filename = url().fileURLToPath(moduleURL);
  const format = formatOf(filename);
  if (format === 'json') {
    if (!isJson) throw new codes.ERR_IMPORT_ASSERTION_TYPE_MISSING(moduleURL, 'json');
    const text = fsb.readFileUtf8(filename);
    try {
      JSON.parse(text);
    } catch (err) {
      err.message = `${filename}: ${err.message}`;
      throw err;
    }
    return compileModule(`export default JSON.parse(${JSON.stringify(text)});`, moduleURL);
  }
  if (isJson) throw new codes.ERR_IMPORT_ATTRIBUTE_UNSUPPORTED('type', 'json');
  if (format === 'module') {
    const text = fsb.readFileUtf8(filename);
    if (typeof text !== 'string') throw require('internal/errors').uvException(text, 'open', filename);
    noteImportedNames(text);
    return compileModule(text.startsWith('#!') ? `//${text.slice(2)}` : text, moduleURL);
  }
  if (format === 'commonjs') {
    const text = fsb.readFileUtf8(filename);
    const names = typeof text === 'string' ? cjsExportNames(text, filename) : new Set();
    return compileModule(facadeSource(`globalThis[Symbol.for('lode.esm.bridge')].commonjs(${JSON.stringify(filename)})`, names, true), moduleURL);
  }
  throw new codes.ERR_UNKNOWN_FILE_EXTENSION(path.extname(filename), filename);
}

function load(specifier, referrer, isJson) {
  initialize();
  const moduleURL = resolve(specifier, referrer);
  let record = records.get(moduleURL);
  if (record === undefined) {
    record = createRecord(moduleURL, isJson);
    records.set(moduleURL, record);
  }
  return record;
}

function initializeMeta(moduleURL, meta) {
  meta.url = moduleURL;
  if (typeof moduleURL === 'string' && moduleURL.startsWith('file:')) {
    const filename = url().fileURLToPath(moduleURL);
    meta.filename = filename;
    meta.dirname = path.dirname(filename);
  }
  meta.resolve = function resolveFromMeta(specifier) {
    return resolve(`${specifier}`, moduleURL);
  };
}

let initialized = false;
function initialize() {
  if (initialized) return;
  initialized = true;
  Object.defineProperty(globalThis, kBridge, {
    value: Object.freeze({
      builtin: (id) => require('internal/modules/cjs').Module._load(`node:${id}`, null, false),
      commonjs: (filename) => require('internal/modules/cjs').Module._load(filename, null, false),
    }),
    enumerable: false,
    configurable: false,
    writable: false,
  });
}

let mainPromise;
// Runs `filename` as the ES module entry point.
function runMain(filename) {
  initialize();
  const mainURL = toFileURL(filename);
  const record = createRecord(mainURL, false);
  records.set(mainURL, record);
  mainPromise = linkAndEvaluate(record);
  mainPromise.then(undefined, (err) => {
    require('internal/process/execution').triggerUncaughtException(err, false);
  });
  return mainPromise;
}

// Runs source text as the entry ES module (`--input-type=module` with -e or stdin).
function runSource(source, moduleURL) {
  initialize();
  noteImportedNames(source);
  const record = compileModule(source, moduleURL);
  records.set(moduleURL, record);
  mainPromise = linkAndEvaluate(record);
  mainPromise.then(undefined, (err) => {
    require('internal/process/execution').triggerUncaughtException(err, false);
  });
  return mainPromise;
}

// Node exits with 13 when the entry module's top-level await never settles.
function checkUnsettledTopLevelAwait() {
  if (mainPromise === undefined) return false;
  const state = getPromiseState(mainPromise);
  return state !== undefined && state[0] === 0;
}

// require() of an ES module (node v20.19+): its namespace, when it evaluates synchronously.
function requireESM(filename) {
  initialize();
  const moduleURL = toFileURL(filename);
  let record = records.get(moduleURL);
  if (record === undefined) {
    record = createRecord(moduleURL, false);
    records.set(moduleURL, record);
  }
  const promise = linkAndEvaluate(record);
  const [state, value] = getPromiseState(promise);
  if (state === 2) {
    promise.then(undefined, () => {});
    throw value;
  }
  if (state === 0) throw new codes.ERR_REQUIRE_ASYNC_MODULE();
  return getModuleNamespace(record);
}

// Imports `specifier` from a CommonJS module or script (`import()` in CommonJS is handled by
// SpiderMonkey through the load hook; this is for lode's own callers).
function importModule(specifier, referrer) {
  initialize();
  const record = load(specifier, referrer, false);
  return linkAndEvaluate(record).then(() => getModuleNamespace(record));
}

module.exports = { load, initializeMeta, runMain, runSource, requireESM, resolve, importModule, checkUnsettledTopLevelAwait, formatOf, cjsExportNames };
