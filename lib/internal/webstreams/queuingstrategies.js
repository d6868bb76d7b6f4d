'use strict';
// ByteLengthQueuingStrategy and CountQueuingStrategy (WHATWG Streams §7).

const {
  codes: {
    ERR_INVALID_THIS,
    ERR_MISSING_OPTION,
  },
} = require('internal/errors');
const {
  kState,
  kType,
  kInspect,
  isBrandCheck,
  customInspect,
  defineClassProperties,
} = require('internal/webstreams/util');
const { validateObject } = require('internal/validators');

// Both size functions are shared by every instance and are named `size`.
const byteSizeFunction = Object.defineProperty((chunk) => chunk.byteLength, 'name', { value: 'size' });
const countSizeFunction = Object.defineProperty(() => 1, 'name', { value: 'size' });

// A strict `init` dictionary: a plain object (not null, an array or a function).
function readHighWaterMark(init) {
  validateObject(init, 'init');
  if (init.highWaterMark === undefined) throw new ERR_MISSING_OPTION('init.highWaterMark');
  // The value is validated only when a stream uses the strategy.
  return +init.highWaterMark;
}

function makeStrategy(name, sizeFunction) {
  const isStrategy = isBrandCheck(name);
  const Strategy = {
    [name]: class {
      constructor(init) {
        this[kType] = name;
        this[kState] = { highWaterMark: readHighWaterMark(init) };
      }

      get highWaterMark() {
        if (!isStrategy(this)) throw new ERR_INVALID_THIS(name);
        return this[kState].highWaterMark;
      }

      get size() {
        if (!isStrategy(this)) throw new ERR_INVALID_THIS(name);
        return sizeFunction;
      }

      [kInspect](depth, options) {
        return customInspect(depth, options, this[kType], { highWaterMark: this.highWaterMark });
      }
    },
  }[name];
  defineClassProperties(Strategy, ['highWaterMark', 'size']);
  return Strategy;
}

const ByteLengthQueuingStrategy = makeStrategy('ByteLengthQueuingStrategy', byteSizeFunction);
const CountQueuingStrategy = makeStrategy('CountQueuingStrategy', countSizeFunction);

module.exports = {
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
};
