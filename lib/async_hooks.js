'use strict';
// async_hooks: AsyncResource, AsyncLocalStorage, execution/trigger ids, and createHook.
//
// Contexts follow callbacks through setTimeout/setInterval, setImmediate, process.nextTick,
// queueMicrotask, AsyncResource (runInAsyncScope, bind) and EventEmitterAsyncResource.
//
// Limits, compared with node:
// - Promise jobs: SpiderMonkey offers no hook when a promise reaction is queued, so a
//   continuation (`await`, `.then`) runs in the context that is current when the microtask
//   queue drains: the timer, immediate, nextTick callback or main script that was running,
//   not the context in which the continuation was registered. So
//     setTimeout(async () => { await p; als.getStore(); })  // inside als.run(s): gives s
//   works, but
//     als.run(s, async () => { await p; als.getStore(); })  // gives the store outside run()
//   does not, unless p is settled by a callback that itself runs with s (a timer created
//   inside run, for instance). Inside promise jobs executionAsyncId() is the id of that
//   enclosing callback (node reports 0 when no hook is enabled).
// - Callbacks the runtime calls for I/O (fs, net, child processes) run in the top-level
//   context until those modules create their own AsyncResources.
// - createHook() returns a hook whose enable()/disable() work but whose callbacks (init,
//   before, after, destroy, promiseResolve) are never called.

const {
  current, emptyStores, newAsyncId,
} = require('internal/async_hooks');
const { codes: { ERR_ASYNC_CALLBACK, ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID } } = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');

const asyncIdSymbol = Symbol('async_id_symbol');
const triggerAsyncIdSymbol = Symbol('trigger_async_id_symbol');
const kStores = Symbol('kStores');
const initSymbol = Symbol('init');
const beforeSymbol = Symbol('before');
const afterSymbol = Symbol('after');
const destroySymbol = Symbol('destroy');
const promiseResolveSymbol = Symbol('promiseResolve');

function executionAsyncId() {
  return current.asyncId;
}

function triggerAsyncId() {
  return current.triggerAsyncId;
}

function executionAsyncResource() {
  return current.resource;
}

const enabledInitHooks = new Set();

class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve }) {
    if (init !== undefined && typeof init !== 'function') throw new ERR_ASYNC_CALLBACK('hook.init');
    if (before !== undefined && typeof before !== 'function') throw new ERR_ASYNC_CALLBACK('hook.before');
    if (after !== undefined && typeof after !== 'function') throw new ERR_ASYNC_CALLBACK('hook.after');
    if (destroy !== undefined && typeof destroy !== 'function') throw new ERR_ASYNC_CALLBACK('hook.destroy');
    if (promiseResolve !== undefined && typeof promiseResolve !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.promiseResolve');
    }
    this[initSymbol] = init;
    this[beforeSymbol] = before;
    this[afterSymbol] = after;
    this[destroySymbol] = destroy;
    this[promiseResolveSymbol] = promiseResolve;
  }

  // Lode does not call hook callbacks yet (see the top of this file); an enabled init hook
  // only makes AsyncResource check its type, as node does before calling init.
  enable() {
    if (this[initSymbol] !== undefined && !enabledInitHooks.has(this)) enabledInitHooks.add(this);
    return this;
  }

  disable() {
    enabledInitHooks.delete(this);
    return this;
  }
}

function createHook(fns) {
  return new AsyncHook(fns);
}

let boundWarned = false;

class AsyncResource {
  constructor(type, opts = {}) {
    validateString(type, 'type');
    let trigger = opts;
    if (typeof opts !== 'number') {
      trigger = opts.triggerAsyncId === undefined ? current.asyncId : opts.triggerAsyncId;
    }
    if (!Number.isSafeInteger(trigger) || trigger < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', trigger);
    }
    if (type.length === 0 && enabledInitHooks.size > 0) throw new ERR_ASYNC_TYPE(type);
    this[asyncIdSymbol] = newAsyncId();
    this[triggerAsyncIdSymbol] = trigger;
    // The stores of the creating context, hidden from inspection.
    Object.defineProperty(this, kStores, { value: current.stores, writable: true });
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const asyncId = current.asyncId;
    const trigger = current.triggerAsyncId;
    const resource = current.resource;
    const stores = current.stores;
    current.asyncId = this[asyncIdSymbol];
    current.triggerAsyncId = this[triggerAsyncIdSymbol];
    current.resource = this;
    current.stores = this[kStores] || emptyStores;
    try {
      return Reflect.apply(fn, thisArg, args);
    } finally {
      current.asyncId = asyncId;
      current.triggerAsyncId = trigger;
      current.resource = resource;
      current.stores = stores;
    }
  }

  emitDestroy() {
    return this;
  }

  asyncId() {
    return this[asyncIdSymbol];
  }

  triggerAsyncId() {
    return this[triggerAsyncIdSymbol];
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function(...args) {
        return Reflect.apply(resource.runInAsyncScope, resource, [fn, this, ...args]);
      };
    } else {
      bound = this.runInAsyncScope.bind(this, fn, thisArg);
    }
    let self = this;
    Object.defineProperties(bound, {
      length: { configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: {
        configurable: true,
        enumerable: true,
        get() {
          if (!boundWarned) {
            boundWarned = true;
            process.emitWarning('The asyncResource property on bound functions is deprecated',
              'DeprecationWarning', 'DEP0172');
          }
          return self;
        },
        set(value) {
          self = value;
        },
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name;
    return new AsyncResource(type || 'bound-anonymous-fn').bind(fn, thisArg);
  }
}

// `stores` with `storage` set to `value`, or removed when `has` is false.
function withStore(stores, storage, has, value) {
  const next = new Map(stores);
  if (has) next.set(storage, value);
  else next.delete(storage);
  return next;
}

class AsyncLocalStorage {
  constructor() {
    this.kResourceStore = Symbol('kResourceStore');
    this.enabled = false;
  }

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    const stores = current.stores;
    return function runInAsyncScope(fn, ...args) {
      const saved = current.stores;
      current.stores = stores;
      try {
        return Reflect.apply(fn, this, args);
      } finally {
        current.stores = saved;
      }
    };
  }

  disable() {
    if (this.enabled) {
      this.enabled = false;
      // Leaves every context this storage had, the current one included.
      if (current.stores.has(this)) current.stores = withStore(current.stores, this, false);
    }
  }

  _enable() {
    this.enabled = true;
  }

  _propagate() {}

  enterWith(store) {
    this._enable();
    current.stores = withStore(current.stores, this, true, store);
  }

  run(store, callback, ...args) {
    if (Object.is(store, this.getStore())) return Reflect.apply(callback, null, args);
    this._enable();
    const before = current.stores;
    const had = before.has(this);
    const old = before.get(this);
    const inside = withStore(before, this, true, store);
    current.stores = inside;
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      // Only this storage's entry goes back; another storage's enterWith inside stays.
      current.stores = current.stores === inside ? before : withStore(current.stores, this, had, old);
    }
  }

  exit(callback, ...args) {
    if (!this.enabled) return Reflect.apply(callback, null, args);
    const before = current.stores;
    if (!before.has(this)) return Reflect.apply(callback, null, args);
    const old = before.get(this);
    const inside = withStore(before, this, false);
    current.stores = inside;
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      current.stores = current.stores === inside ? before : withStore(current.stores, this, true, old);
    }
  }

  getStore() {
    if (!this.enabled) return undefined;
    return current.stores.get(this);
  }
}

const providerNames = ['NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE',
  'FILEHANDLECLOSEREQ', 'BLOBREADER', 'FSEVENTWRAP', 'FSREQCALLBACK', 'FSREQPROMISE',
  'GETADDRINFOREQWRAP', 'GETNAMEINFOREQWRAP', 'HEAPSNAPSHOT', 'HTTP2SESSION', 'HTTP2STREAM',
  'HTTP2PING', 'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST', 'JSSTREAM',
  'JSUDPWRAP', 'MESSAGEPORT', 'PIPECONNECTWRAP', 'PIPESERVERWRAP', 'PIPEWRAP', 'PROCESSWRAP',
  'PROMISE', 'QUERYWRAP', 'QUIC_LOGSTREAM', 'QUIC_PACKET', 'SHUTDOWNWRAP', 'SIGNALWRAP',
  'STATWATCHER', 'STREAMPIPE', 'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP',
  'UDPSENDWRAP', 'UDPWRAP', 'SIGINTWATCHDOG', 'WORKER', 'WORKERHEAPSNAPSHOT', 'WRITEWRAP', 'ZLIB',
  'CHECKPRIMEREQUEST', 'PBKDF2REQUEST', 'KEYPAIRGENREQUEST', 'KEYGENREQUEST', 'KEYEXPORTREQUEST',
  'CIPHERREQUEST', 'DERIVEBITSREQUEST', 'HASHREQUEST', 'RANDOMBYTESREQUEST', 'RANDOMPRIMEREQUEST',
  'SCRYPTREQUEST', 'SIGNREQUEST', 'TLSWRAP', 'VERIFYREQUEST'];
const asyncWrapProviders = { __proto__: null };
providerNames.forEach((name, i) => { asyncWrapProviders[name] = i; });
Object.freeze(asyncWrapProviders);

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
