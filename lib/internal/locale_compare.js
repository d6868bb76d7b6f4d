'use strict';
// String.prototype.localeCompare with a fast path for ASCII text and no locale or options: the
// root collation (what ICU gives `localeCompare` by default) computed by a native method
// (crates/runtime/src/ops/collation.rs) instead of through ICU, which costs SpiderMonkey several
// times V8's time in sort-heavy code. Non-ASCII text, or any locale or option, goes to the
// engine's ICU implementation.

const { createLocaleCompare } = internalBinding('collation');

function install() {
  Object.defineProperty(String.prototype, 'localeCompare', {
    value: createLocaleCompare(String.prototype.localeCompare),
    writable: true, enumerable: false, configurable: true,
  });
}

module.exports = { install };
