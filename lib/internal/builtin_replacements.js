'use strict';
// Engine built-ins Lode replaces where SpiderMonkey behaves or performs differently from V8.
// Installed at start-up; the larger parts load on first need.
//   String.prototype.localeCompare  ASCII text compared natively (crates/runtime/src/ops/
//                                   collation.rs), anything else by the engine's ICU method.
//   Array.prototype.sort/toSorted   with a comparison function: node's TimSort
//                                   (internal/array_sort), hence node's comparator calls.
//   JSON.parse                      V8's SyntaxError messages (internal/json).
// Each keeps the name, length and property attributes of the method it replaces, and is not a
// constructor.

function replaceMethod(target, name, method) {
  Object.defineProperty(target, name, { value: method, writable: true, enumerable: false, configurable: true });
}

function install() {
  const { createLocaleCompare } = internalBinding('collation');
  replaceMethod(String.prototype, 'localeCompare', createLocaleCompare(String.prototype.localeCompare));

  const engineSort = Function.prototype.call.bind(Array.prototype.sort);
  const engineToSorted = Function.prototype.call.bind(Array.prototype.toSorted);
  let arraySort;
  const engineParse = JSON.parse;
  const methods = {
    // Anything but a function as comparison (the default order, or the TypeError) stays with the
    // engine, as do null and undefined receivers (its TypeError).
    sort(comparefn) {
      if (typeof comparefn !== 'function' || this === undefined || this === null) return engineSort(this, comparefn);
      arraySort ??= require('internal/array_sort');
      return arraySort.sort(this, comparefn);
    },
    toSorted(comparefn) {
      if (typeof comparefn !== 'function' || this === undefined || this === null) return engineToSorted(this, comparefn);
      arraySort ??= require('internal/array_sort');
      return arraySort.toSorted(this, comparefn, engineToSorted);
    },
    parse(text, reviver) {
      // ToString once, as the engine would (a Symbol is left to the engine's TypeError).
      if (typeof text !== 'string' && typeof text !== 'symbol') text = `${text}`;
      try {
        return engineParse(text, reviver);
      } catch (err) {
        // Only the engine's own syntax errors; anything a reviver throws passes unchanged.
        if (typeof text === 'string' && Object.getPrototypeOf(err) === SyntaxError.prototype &&
            typeof err.message === 'string' && err.message.startsWith('JSON.parse: ')) {
          const message = require('internal/json').v8JsonSyntaxMessage(text);
          if (message !== undefined) err.message = message;
        }
        throw err;
      }
    },
  };
  replaceMethod(Array.prototype, 'sort', methods.sort);
  replaceMethod(Array.prototype, 'toSorted', methods.toSorted);
  replaceMethod(JSON, 'parse', methods.parse);
}

module.exports = { install };
