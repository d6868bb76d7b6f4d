'use strict';
// The package a file belongs to (nearest package.json) and the module format that implies,
// shared by the CommonJS and ES module loaders.

const path = require('path');
const fsb = internalBinding('fs');

function readPackageJson(dir) {
  const text = fsb.readFileUtf8(path.join(dir, 'package.json'));
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const err = new Error(`Invalid package config ${path.join(dir, 'package.json')}.`);
    err.code = 'ERR_INVALID_PACKAGE_CONFIG';
    throw err;
  }
}

// The nearest package.json above a file, cached per directory (resolution asks for every file).
const scopeCache = new Map();
function packageScope(filename) {
  return scopeOfDir(path.dirname(filename));
}
function scopeOfDir(dir) {
  let scope = scopeCache.get(dir);
  if (scope !== undefined) return scope || undefined;
  if (path.basename(dir) === 'node_modules') {
    scope = null;
  } else {
    const pkg = readPackageJson(dir);
    if (pkg !== undefined) {
      scope = { dir, pkg };
    } else {
      const parent = path.dirname(dir);
      scope = parent === dir ? null : (scopeOfDir(parent) || null);
    }
  }
  scopeCache.set(dir, scope);
  return scope || undefined;
}

function formatOf(filename) {
  const ext = path.extname(filename);
  if (ext === '.mjs') return 'module';
  if (ext === '.cjs') return 'commonjs';
  if (ext === '.json') return 'json';
  if (ext === '.node') return 'addon';
  const scope = packageScope(filename);
  const type = scope && scope.pkg.type;
  if (ext === '.js' || ext === '') return type === 'module' ? 'module' : 'commonjs';
  return undefined;
}

module.exports = { readPackageJson, packageScope, formatOf };
