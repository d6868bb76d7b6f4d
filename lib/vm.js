'use strict';
// vm: running code in this context (runInThisContext, Script#runInThisContext,
// compileFunction). New contexts (createContext, runInNewContext, runInContext) need a second
// global from the engine and throw ERR_NOT_IMPLEMENTED for now.

const { evalScript, compileFunction: compile } = internalBinding('util');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateString, validateArray, validateObject } = require('internal/validators');
const { createPartial } = require('internal/not_implemented');

const kDefaultFilename = 'evalmachine.<anonymous>';

function filenameOf(options) {
  if (typeof options === 'string') return options;
  if (options != null && typeof options === 'object' && options.filename !== undefined) {
    validateString(options.filename, 'options.filename');
    return options.filename;
  }
  return kDefaultFilename;
}

class Script {
  #code;
  #filename;

  constructor(code, options = {}) {
    code = `${code}`;
    this.#code = code;
    this.#filename = filenameOf(options);
    // Syntax errors surface here, as node reports them when the script is compiled.
    compile(code, this.#filename, []);
  }

  runInThisContext(options) {
    return evalScript(this.#code, this.#filename);
  }
}

function runInThisContext(code, options) {
  return evalScript(`${code}`, filenameOf(options));
}

function createScript(code, options) {
  return new Script(code, options);
}

function isContext(object) {
  validateObject(object, 'object', { allowArray: true, allowFunction: true });
  return false;
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  validateArray(params, 'params');
  params.forEach((p, i) => validateString(p, `params[${i}]`));
  if (options !== null && typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  return compile(code, filenameOf(options), params);
}

module.exports = createPartial('vm', {
  Script,
  createScript,
  runInThisContext,
  isContext,
  compileFunction,
  constants: Object.freeze({ __proto__: null, USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default') }),
});
