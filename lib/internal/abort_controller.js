'use strict';
// AbortController and AbortSignal (abort, timeout, any).

const { EventTarget, Event, DOMException, kTrustEvent } = require('internal/event_target');
const { codes: { ERR_INVALID_THIS, ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kCreate = Symbol('kCreate');

class AbortSignal extends EventTarget {
  constructor(key) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
  }

  get aborted() {
    if (!(kAborted in this)) throw new ERR_INVALID_THIS('AbortSignal');
    return this[kAborted];
  }

  get reason() {
    if (!(kAborted in this)) throw new ERR_INVALID_THIS('AbortSignal');
    return this[kReason];
  }

  throwIfAborted() {
    if (this[kAborted]) throw this[kReason];
  }

  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    const signal = new AbortSignal(kCreate);
    signal[kAborted] = true;
    signal[kReason] = reason;
    return signal;
  }

  static timeout(delay) {
    if (typeof delay !== 'number') throw new ERR_INVALID_ARG_TYPE('delay', 'number', delay);
    const signal = new AbortSignal(kCreate);
    const timer = setTimeout(() => {
      abortSignal(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    timer.unref();
    return signal;
  }

  static any(signals) {
    if (!Array.isArray(signals) && (signals == null || typeof signals[Symbol.iterator] !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('signals', 'Array', signals);
    }
    const result = new AbortSignal(kCreate);
    for (const s of signals) {
      if (!(s instanceof AbortSignal)) throw new ERR_INVALID_ARG_TYPE('signals', 'AbortSignal[]', s);
      if (s.aborted) {
        result[kAborted] = true;
        result[kReason] = s.reason;
        return result;
      }
    }
    for (const s of signals) {
      s.addEventListener('abort', () => abortSignal(result, s.reason), { once: true });
    }
    return result;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return `AbortSignal ${inspect({ aborted: this.aborted }, options)}`;
  }
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });
for (const key of ['aborted', 'reason', 'throwIfAborted']) {
  Object.defineProperty(AbortSignal.prototype, key, { enumerable: true });
}

let onabortKey;
Object.defineProperty(AbortSignal.prototype, 'onabort', {
  get() { return this[onabortKey] || null; },
  set(fn) {
    if (onabortKey === undefined) onabortKey = Symbol('onabort');
    if (this[onabortKey]) this.removeEventListener('abort', this[onabortKey]);
    this[onabortKey] = typeof fn === 'function' ? fn : null;
    if (this[onabortKey]) this.addEventListener('abort', this[onabortKey]);
  },
  enumerable: true,
  configurable: true,
});

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const event = new Event('abort', { [kTrustEvent]: true });
  signal.dispatchEvent(event);
}

class AbortController {
  #signal = new AbortSignal(kCreate);

  get signal() {
    return this.#signal;
  }

  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal, reason);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return `AbortController ${inspect({ signal: this.signal }, options)}`;
  }
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });
Object.defineProperty(AbortController.prototype, 'signal', { enumerable: true });
Object.defineProperty(AbortController.prototype, 'abort', { enumerable: true });

module.exports = { AbortController, AbortSignal, abortSignal };
