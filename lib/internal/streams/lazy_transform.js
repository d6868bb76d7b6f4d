'use strict';
// LazyTransform: a Transform whose stream state is only built when first touched, for objects
// (crypto's Hash, Cipher...) that are mostly used through their non-stream API.

const stream = require('stream');

module.exports = LazyTransform;

function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, stream.Transform.prototype);
Object.setPrototypeOf(LazyTransform, stream.Transform);

// Reading either state runs the Transform constructor, which assigns both as own properties
// (through the setters below) and so replaces these accessors for this object.
function lazyState(name) {
  return {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      stream.Transform.call(this, this._options);
      this._writableState.decodeStrings = false;
      if (!this._options || !this._options.defaultEncoding) {
        this._writableState.defaultEncoding = 'buffer';
      }
      return this[name];
    },
    set(value) {
      Object.defineProperty(this, name, {
        __proto__: null,
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    },
  };
}

Object.defineProperties(LazyTransform.prototype, {
  _readableState: lazyState('_readableState'),
  _writableState: lazyState('_writableState'),
});
