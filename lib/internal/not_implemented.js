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

module.exports = { createStub };
