'use strict';
// Event, CustomEvent, EventTarget and DOMException, as Node's globals.

const kType = Symbol('type');
const kStop = Symbol('kStop');
const kTarget = Symbol('kTarget');
const kListeners = Symbol('kListeners');
const kIsBeingDispatched = Symbol('kIsBeingDispatched');
const kTrustEvent = Symbol('kTrustEvent');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_MISSING_ARGS, ERR_EVENT_RECURSION } } = require('internal/errors');

const domExceptionCodes = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
  SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};

class DOMException extends Error {
  #name;
  #code;
  constructor(message = '', options = 'Error') {
    super();
    this.message = `${message}`;
    Object.defineProperty(this, 'message', { enumerable: false });
    let name = 'Error';
    if (options !== null && typeof options === 'object') {
      name = 'name' in options ? `${options.name}` : 'Error';
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', { value: options.cause, writable: true, enumerable: false, configurable: true });
      }
    } else {
      name = `${options}`;
    }
    this.#name = name;
    this.#code = domExceptionCodes[name] || 0;
  }

  get name() {
    return this.#name;
  }

  get code() {
    return this.#code;
  }
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
for (const [name, code] of Object.entries(domExceptionCodes)) {
  const constName = name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase().replace(/_ERROR$/, '_ERR');
  Object.defineProperty(DOMException, constName, { value: code, enumerable: true });
  Object.defineProperty(DOMException.prototype, constName, { value: code, enumerable: true });
}

class Event {
  #cancelable;
  #bubbles;
  #composed;
  #defaultPrevented = false;
  #timestamp;
  #propagationStopped = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (options != null && (typeof options !== 'object' || Array.isArray(options))) {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    // The dictionary members are read in the order the DOM spec lists them.
    this.#bubbles = !!(options && options.bubbles);
    this.#cancelable = !!(options && options.cancelable);
    this.#composed = !!(options && options.composed);
    this[kType] = `${type}`;
    this.#timestamp = require('perf_hooks').performance.now();
    this[kTarget] = null;
    this[kIsBeingDispatched] = false;
    if (options && options[kTrustEvent]) Object.defineProperty(this, 'isTrusted', { value: true, enumerable: true });
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = { ...options, depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth };
    return `${name} ${inspect({
      type: this[kType],
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, opts)}`;
  }

  stopImmediatePropagation() {
    this[kStop] = true;
  }

  preventDefault() {
    if (this.#cancelable) this.#defaultPrevented = true;
  }

  get target() { return this[kTarget]; }
  get currentTarget() { return this[kIsBeingDispatched] ? this[kTarget] : null; }
  get srcElement() { return this[kTarget]; }
  get type() { return this[kType]; }
  get cancelable() { return this.#cancelable; }
  get defaultPrevented() { return this.#cancelable && this.#defaultPrevented; }
  get timeStamp() { return this.#timestamp; }
  composedPath() { return this[kIsBeingDispatched] ? [this[kTarget]] : []; }
  get returnValue() { return !this.defaultPrevented; }
  get bubbles() { return this.#bubbles; }
  get composed() { return this.#composed; }
  get eventPhase() { return this[kIsBeingDispatched] ? Event.AT_TARGET : Event.NONE; }
  get cancelBubble() { return this.#propagationStopped; }
  set cancelBubble(value) { if (value) this.stopPropagation(); }
  stopPropagation() { this.#propagationStopped = true; }
  get isTrusted() { return false; }
}
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { value, enumerable: true });
  Object.defineProperty(Event.prototype, name, { value, enumerable: true });
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });
for (const key of ['type', 'target', 'currentTarget', 'srcElement', 'cancelable', 'defaultPrevented', 'timeStamp', 'returnValue', 'bubbles', 'composed', 'eventPhase', 'cancelBubble', 'isTrusted', 'composedPath', 'preventDefault', 'stopPropagation', 'stopImmediatePropagation']) {
  const d = Object.getOwnPropertyDescriptor(Event.prototype, key);
  if (d) { d.enumerable = true; Object.defineProperty(Event.prototype, key, d); }
}

class CustomEvent extends Event {
  #detail;
  constructor(type, options = {}) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    const detail = options ? options.detail : undefined;
    this.#detail = detail !== undefined ? detail : null;
  }

  get detail() {
    return this.#detail;
  }
}
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, { value: 'CustomEvent', configurable: true });

function validateListener(listener) {
  if (typeof listener === 'function' || (listener !== null && typeof listener === 'object' && typeof listener.handleEvent === 'function')) return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true;
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function removeEntry(list, i) {
  if (i === -1) return;
  list[i].removed = true;
  list.splice(i, 1);
}

class EventTarget {
  constructor() {
    this[kListeners] = new Map();
  }

  addEventListener(type, listener, options = {}) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (!validateListener(listener)) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    if (typeof options === 'boolean') options = { capture: options };
    const { once = false, capture = false, passive = false, signal } = options || {};
    if (signal && signal.aborted) return;
    type = `${type}`;
    if (this[kListeners] === undefined) this[kListeners] = new Map();
    let list = this[kListeners].get(type);
    if (list === undefined) {
      list = [];
      this[kListeners].set(type, list);
    }
    if (list.some((l) => l.listener === listener && l.capture === !!capture)) return;
    const entry = { listener, once: !!once, capture: !!capture, passive: !!passive, removed: false };
    list.push(entry);
    if (signal) {
      signal.addEventListener('abort', () => this.removeEventListener(type, listener, options), { once: true });
    }
  }

  removeEventListener(type, listener, options = {}) {
    if (this[kListeners] === undefined) return;
    const capture = typeof options === 'boolean' ? options : !!(options && options.capture);
    const list = this[kListeners].get(`${type}`);
    if (list === undefined) return;
    const i = list.findIndex((l) => l.listener === listener && l.capture === capture);
    if (i !== -1) removeEntry(list, i);
  }

  dispatchEvent(event) {
    if (!(event instanceof Event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    if (event[kIsBeingDispatched]) {
      const { DOMException: DE } = module.exports;
      throw new DE('The event is already being dispatched', 'InvalidStateError');
    }
    event[kTarget] = this;
    event[kIsBeingDispatched] = true;
    const list = this[kListeners] && this[kListeners].get(event.type);
    if (list !== undefined) {
      for (const entry of list.slice()) {
        if (entry.removed) continue;
        // Internally, as node: a subclass's removeEventListener is not called for once-listeners.
        if (entry.once) removeEntry(list, list.indexOf(entry));
        try {
          const { listener } = entry;
          let result;
          if (typeof listener === 'function') result = listener.call(this, event);
          else if (typeof listener.handleEvent === 'function') result = listener.handleEvent(event);
          if (result !== undefined && result !== null && typeof result.then === 'function') {
            result.then(undefined, (err) => process.nextTick(() => { throw err; }));
          }
        } catch (err) {
          process.nextTick(() => { throw err; });
        }
        if (event[kStop]) break;
      }
    }
    event[kIsBeingDispatched] = false;
    return event.defaultPrevented !== true;
  }

  _getListeners(type) {
    const list = this[kListeners] && this[kListeners].get(type);
    return list ? list.map((l) => l.listener) : [];
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${inspect({}, options)}`;
  }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });
for (const key of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
  Object.defineProperty(EventTarget.prototype, key, { enumerable: true });
}

module.exports = { Event, CustomEvent, EventTarget, DOMException, kTrustEvent, kListeners };
