'use strict';
// A fast path for String.prototype.localeCompare with no locale or options on ASCII text:
// the root collation (what ICU gives `localeCompare` by default) computed directly instead of
// through ICU, which costs SpiderMonkey several times V8's time in sort-heavy code. Non-ASCII
// text, or any locale or option, goes to the engine's ICU implementation.

// Primary weights: 0 = ignorable; whitespace < punctuation < symbols < currency < digits <
// letters (case-insensitive), as ICU's root collation orders ASCII.
const order = '\t\n\u000b\f\r _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';
const primary = new Uint8Array(128);
for (let i = 0; i < order.length; i++) primary[order.charCodeAt(i)] = i + 1;
for (let c = 65; c <= 90; c++) primary[c] = primary[c + 32];

function asciiCompare(a, b) {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  // Tertiary difference (case) at the first position where only case differs.
  let tertiary = 0;
  for (;;) {
    let ca = 0;
    let pa = 0;
    while (i < la) {
      ca = a.charCodeAt(i++);
      if (ca >= 128) return undefined;
      pa = primary[ca];
      if (pa !== 0) break;
    }
    let cb = 0;
    let pb = 0;
    while (j < lb) {
      cb = b.charCodeAt(j++);
      if (cb >= 128) return undefined;
      pb = primary[cb];
      if (pb !== 0) break;
    }
    if (pa === 0 || pb === 0) {
      if (pa !== pb) {
        // One side ran out; the rest of the other must still be checked for non-ASCII.
        for (; i < la; i++) if (a.charCodeAt(i) >= 128) return undefined;
        for (; j < lb; j++) if (b.charCodeAt(j) >= 128) return undefined;
        return pa === 0 ? -1 : 1;
      }
      return tertiary;
    }
    if (pa !== pb) {
      for (; i < la; i++) if (a.charCodeAt(i) >= 128) return undefined;
      for (; j < lb; j++) if (b.charCodeAt(j) >= 128) return undefined;
      return pa < pb ? -1 : 1;
    }
    if (tertiary === 0 && ca !== cb) tertiary = ca > cb ? -1 : 1;
  }
}

function install() {
  const original = String.prototype.localeCompare;
  const call = Function.prototype.call.bind(original);
  // No `arguments` and no parameter defaults, so that the JIT can inline it into a sort
  // comparator; the engine's localeCompare reads missing and undefined arguments alike.
  const localeCompare = {
    localeCompare(that, locales, options) {
      if (locales === undefined && options === undefined && typeof this === 'string' && typeof that === 'string') {
        const r = asciiCompare(this, that);
        if (r !== undefined) return r;
      }
      return call(this, that, locales, options);
    },
  }.localeCompare;
  Object.defineProperty(localeCompare, 'length', { value: 1 });
  Object.defineProperty(String.prototype, 'localeCompare', {
    value: localeCompare, writable: true, enumerable: false, configurable: true,
  });
}

module.exports = { install, asciiCompare };
