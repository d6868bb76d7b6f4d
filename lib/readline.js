'use strict';
// node:readline: createInterface / Interface (callback question(), completers taking a
// callback), the cursor and clearing helpers, emitKeypressEvents, and `promises`.

const { clearLine, clearScreenDown, cursorTo, moveCursor } = require('internal/readline/callbacks');
const emitKeypressEvents = require('internal/readline/emitKeypressEvents');
const promises = require('readline/promises');
const { AbortError } = require('internal/errors');
const { inspect } = require('internal/util/inspect');
const { validateAbortSignal } = require('internal/validators');
const internalInterface = require('internal/readline/interface');
const {
  Interface: BaseInterface,
  InterfaceConstructor,
  kQuestion,
  kQuestionCancel,
  kSawReturnAt,
  kTabCompleter,
} = internalInterface;

// The symbol that internal/readline/interface uses for an old underscore name: _fooBar is kFooBar.
function symbolFor(name) {
  const symbol = internalInterface[`k${name[1].toUpperCase()}${name.slice(2)}`];
  if (typeof symbol !== 'symbol') throw new Error(`readline: no symbol for ${name}`);
  return symbol;
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);

  // Completers here take (line, callback); a one-argument completer returns its result.
  if (input?.input && typeof input.completer === 'function' && input.completer.length !== 2) {
    const sync = input.completer;
    input.completer = (v, cb) => cb(null, sync(v));
  } else if (typeof completer === 'function' && completer.length !== 2) {
    const sync = completer;
    completer = (v, cb) => cb(null, sync(v));
  }

  InterfaceConstructor.call(this, input, output, completer, terminal);

  if (process.env.TERM === 'dumb') this._ttyWrite = ttyWriteDumb.bind(this);
}
Object.setPrototypeOf(Interface.prototype, BaseInterface.prototype);
Object.setPrototypeOf(Interface, BaseInterface);

Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options === null || typeof options !== 'object') options = {};

  const signal = options.signal;
  if (signal) {
    validateAbortSignal(signal, 'options.signal');
    if (signal.aborted) return;
    const onAbort = () => this[kQuestionCancel]();
    signal.addEventListener('abort', onAbort);
    const stopListening = () => signal.removeEventListener('abort', onAbort);
    const original = cb;
    cb = typeof original === 'function' ?
      (answer) => {
        stopListening();
        return original(answer);
      } :
      stopListening;
  }

  if (typeof cb === 'function') this[kQuestion](query, cb);
};

Interface.prototype.question[kCustomPromisify] = function question(query, options) {
  if (options === null || typeof options !== 'object') options = {};
  const signal = options.signal;
  if (signal && signal.aborted) {
    return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  }
  return new Promise((resolve, reject) => {
    let cb = resolve;
    if (signal) {
      const onAbort = () => reject(new AbortError(undefined, { cause: signal.reason }));
      signal.addEventListener('abort', onAbort);
      cb = (answer) => {
        signal.removeEventListener('abort', onAbort);
        resolve(answer);
      };
    }
    this.question(query, options, cb);
  });
};

// The editing methods under their old public names. The shared implementation calls them
// through the symbols, which here look the underscore name up on the instance, so
// overriding e.g. `rl._writeToOutput` or `rl._ttyWrite` changes what the interface does.
const legacyMethods = [
  '_setRawMode',
  '_onLine',
  '_writeToOutput',
  '_addHistory',
  '_refreshLine',
  '_normalWrite',
  '_insertString',
  '_tabComplete',
  '_wordLeft',
  '_wordRight',
  '_deleteLeft',
  '_deleteRight',
  '_deleteWordLeft',
  '_deleteWordRight',
  '_deleteLineLeft',
  '_deleteLineRight',
  '_line',
  '_historyNext',
  '_historyPrev',
  '_getDisplayPos',
  '_moveCursor',
  '_ttyWrite',
];
for (const name of legacyMethods) {
  const symbol = symbolFor(name);
  Object.defineProperty(Interface.prototype, symbol, {
    __proto__: null,
    get() { return this[name]; },
  });
  Interface.prototype[name] = BaseInterface.prototype[symbol];
}
Interface.prototype._getCursorPos = BaseInterface.prototype.getCursorPos;

// The completer of this module takes a callback.
Interface.prototype._tabComplete = function _tabComplete(lastKeypressWasTab) {
  this.pause();
  const text = this.line.slice(0, this.cursor);
  this.completer(text, (err, value) => {
    this.resume();
    if (err) {
      this._writeToOutput(`Tab completion error: ${inspect(err)}`);
      return;
    }
    this[kTabCompleter](lastKeypressWasTab, value);
  });
};

// Internal state under its old names.
const legacyState = [
  '_decoder',
  '_line_buffer',
  '_oldPrompt',
  '_previousKey',
  '_prompt',
  '_questionCallback',
  '_sawKeyPress',
  '_sawReturnAt',
];
for (const name of legacyState) {
  const symbol = symbolFor(name);
  Object.defineProperty(Interface.prototype, name, {
    __proto__: null,
    get() { return this[symbol]; },
    set(value) { this[symbol] = value; },
  });
}

// TERM=dumb: no cursor movement, only append, submit, ^C and ^D.
function ttyWriteDumb(s, key) {
  key = key || {};
  if (key.name === 'escape') return;
  if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;

  if (key.ctrl) {
    if (key.name === 'c') {
      if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
      else this.close();
      return;
    }
    if (key.name === 'd') {
      this.close();
      return;
    }
  }

  switch (key.name) {
    case 'return':
      this[kSawReturnAt] = Date.now();
      this._line();
      break;
    case 'enter':
      if (this[kSawReturnAt] === 0 || Date.now() - this[kSawReturnAt] > this.crlfDelay) {
        this._line();
      }
      this[kSawReturnAt] = 0;
      break;
    default:
      if (typeof s === 'string' && s) {
        this.line += s;
        this.cursor += s.length;
        this._writeToOutput(s);
      }
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
  promises,
};
