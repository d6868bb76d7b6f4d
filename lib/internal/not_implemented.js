'use strict';
// Modules whose JS is not written yet load as objects whose functions throw
// ERR_NOT_IMPLEMENTED when called, so packages that import more than they use still load.

function createStub(id) {
  const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
  const fns = new Map();
  const target = {};
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === 'symbol') return undefined;
      // Object.prototype's methods (hasOwnProperty, toString, ...) work as on any object.
      if (key in Object.prototype) return Object.prototype[key];
      if (key === '__esModule' || key === 'then' || key === 'default') return undefined;
      let fn = fns.get(key);
      if (fn === undefined) {
        const name = `${id}.${key}`;
        fn = function notImplemented() {
          throw new ERR_NOT_IMPLEMENTED(name);
        };
        Object.defineProperty(fn, 'name', { value: key });
        fns.set(key, fn);
      }
      return fn;
    },
  });
}

// A module that is partly written: the keys of `implemented` are real, every other function
// throws ERR_NOT_IMPLEMENTED when called.
function createPartial(id, implemented) {
  const stub = createStub(id);
  return new Proxy(implemented, {
    get(target, key) {
      if (key in target || typeof key === 'symbol') return target[key];
      return stub[key];
    },
  });
}

// A global function or class that is not written yet: throws ERR_NOT_IMPLEMENTED when called.
function stubFunction(name) {
  const fn = function () {
    const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
    throw new ERR_NOT_IMPLEMENTED(name);
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

module.exports = { createStub, createPartial, stubFunction };
