'use strict';
// The readline Interface shared by `readline` and `readline/promises`.
//
// Without a terminal it splits the input stream's text into lines (at \n, \r\n and a lone
// \r; a \n that follows a chunk ending in \r within crlfDelay ms belongs to that \r) and
// emits 'line'. With a terminal it puts the input in raw mode, decodes keypresses and edits
// the line in place: it redraws the prompt and line with ANSI sequences, keeps a history, a
// kill ring and an undo stack, and completes with the completer on tab.
//
// The editing methods are keyed by symbols; the `readline` module's Interface maps each
// symbol to the old underscore-named method (_ttyWrite, _refreshLine, _writeToOutput...) so
// that code overriding those still takes effect.

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE, ERR_USE_AFTER_CLOSE },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateNumber,
  validateString,
  validateUint32,
} = require('internal/validators');
const { inspect, getStringWidth, stripVTControlCharacters } = require('internal/util/inspect');
const {
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  kSubstringSearch,
  kSawKeyPress,
} = require('internal/readline/utils');
const { clearScreenDown, cursorTo, moveCursor } = require('internal/readline/callbacks');

let emitKeypressEvents;

const kHistorySize = 30;
const kMaxUndoRedoStackSize = 2048;
const kMinCrlfDelay = 100;
const kMaxKillRing = 32;
const ESCAPE_CODE_TIMEOUT = 500;
const kLineHighWaterMark = 1024;
const kWatermarkData = Symbol.for('nodejs.watermarkData');

// \r\n, \n, or a \r not followed by \n.
const lineEndingRe = /\r?\n|\r(?!\n)/;
const lineEndingReG = /\r?\n|\r(?!\n)/g;

const kLineIterator = Symbol('line object stream');
const kQuestionCancel = Symbol('kQuestionCancel');
const kQuestion = Symbol('kQuestion');

const kAddHistory = Symbol('_addHistory');
const kBeforeEdit = Symbol('_beforeEdit');
const kDecoder = Symbol('_decoder');
const kDeleteLeft = Symbol('_deleteLeft');
const kDeleteLineLeft = Symbol('_deleteLineLeft');
const kDeleteLineRight = Symbol('_deleteLineRight');
const kDeleteRight = Symbol('_deleteRight');
const kDeleteWordLeft = Symbol('_deleteWordLeft');
const kDeleteWordRight = Symbol('_deleteWordRight');
const kGetDisplayPos = Symbol('_getDisplayPos');
const kHistoryNext = Symbol('_historyNext');
const kHistoryPrev = Symbol('_historyPrev');
const kInsertString = Symbol('_insertString');
const kLine = Symbol('_line');
const kLine_buffer = Symbol('_line_buffer');
const kKillRing = Symbol('_killRing');
const kKillRingCursor = Symbol('_killRingCursor');
const kMoveCursor = Symbol('_moveCursor');
const kNormalWrite = Symbol('_normalWrite');
const kOldPrompt = Symbol('_oldPrompt');
const kOnLine = Symbol('_onLine');
const kPreviousKey = Symbol('_previousKey');
const kPrompt = Symbol('_prompt');
const kPushToKillRing = Symbol('_pushToKillRing');
const kPushToUndoStack = Symbol('_pushToUndoStack');
const kQuestionCallback = Symbol('_questionCallback');
const kQuestionReject = Symbol('_questionReject');
const kRedo = Symbol('_redo');
const kRedoStack = Symbol('_redoStack');
const kRefreshLine = Symbol('_refreshLine');
const kSawReturnAt = Symbol('_sawReturnAt');
const kSetRawMode = Symbol('_setRawMode');
const kTabComplete = Symbol('_tabComplete');
const kTabCompleter = Symbol('_tabCompleter');
const kTtyWrite = Symbol('_ttyWrite');
const kUndo = Symbol('_undo');
const kUndoStack = Symbol('_undoStack');
const kWordLeft = Symbol('_wordLeft');
const kWordRight = Symbol('_wordRight');
const kWriteToOutput = Symbol('_writeToOutput');
const kYank = Symbol('_yank');
const kYanking = Symbol('_yanking');
const kYankPop = Symbol('_yankPop');

const kEmptyKey = Object.freeze({ __proto__: null });

// The characters of `str` reversed (by code point), for matching words leftwards.
function reverse(str) {
  return Array.from(str).reverse().join('');
}
const wordLeftRe = /^\s*(?:[^\w\s]+|\w+)?/;
const wordRightRe = /^(?:\s+|[^\w\s]+|\w+)\s*/;
const deleteWordRightRe = /^(?:\s+|\W+|\w+)\s*/;

// A plain constructor (not a class) so that `readline.Interface(...)` without `new` works.
function InterfaceConstructor(input, output, completer, terminal) {
  this[kSawReturnAt] = 0;
  this.isCompletionEnabled = true;
  this[kSawKeyPress] = false;
  this[kPreviousKey] = null;
  this.escapeCodeTimeout = ESCAPE_CODE_TIMEOUT;
  this.tabSize = 8;

  EventEmitter.call(this);

  let history;
  let historySize;
  let removeHistoryDuplicates = false;
  let crlfDelay;
  let prompt = '> ';
  let signal;

  if (input?.input) {
    // createInterface(options)
    const options = input;
    output = options.output;
    completer = options.completer;
    terminal = options.terminal;
    history = options.history;
    historySize = options.historySize;
    signal = options.signal;
    if (options.tabSize !== undefined) {
      validateUint32(options.tabSize, 'tabSize', true);
      this.tabSize = options.tabSize;
    }
    removeHistoryDuplicates = options.removeHistoryDuplicates;
    if (options.prompt !== undefined) prompt = options.prompt;
    if (options.escapeCodeTimeout !== undefined) {
      if (!Number.isFinite(options.escapeCodeTimeout)) {
        throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', this.escapeCodeTimeout);
      }
      this.escapeCodeTimeout = options.escapeCodeTimeout;
    }
    if (signal) validateAbortSignal(signal, 'options.signal');
    crlfDelay = options.crlfDelay;
    input = options.input;
  }

  if (completer !== undefined && typeof completer !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('completer', completer);
  }
  if (history === undefined) history = [];
  else validateArray(history, 'history');
  if (historySize === undefined) historySize = kHistorySize;
  validateNumber(historySize, 'historySize', 0);

  // Without an explicit `terminal`, the output decides.
  if (terminal === undefined && output != null) terminal = !!output.isTTY;

  this.line = '';
  this[kSubstringSearch] = null;
  this.output = output;
  this.input = input;
  this[kUndoStack] = [];
  this[kRedoStack] = [];
  this.history = history;
  this.historySize = historySize;
  this[kKillRing] = [];
  this[kKillRingCursor] = 0;
  this.removeHistoryDuplicates = !!removeHistoryDuplicates;
  this.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
  this.completer = completer;
  this.setPrompt(prompt);
  this.terminal = !!terminal;

  const onerror = (err) => this.emit('error', err);
  input.on('error', onerror);
  this[kLineIterator] = undefined;

  if (!this.terminal) {
    const ondata = (data) => this[kNormalWrite](data);
    const onend = () => {
      // A last line without a line ending still counts.
      const rest = this[kLine_buffer];
      if (typeof rest === 'string' && rest.length > 0) this.emit('line', rest);
      this.close();
    };
    input.on('data', ondata);
    input.on('end', onend);
    this.once('close', () => {
      input.removeListener('data', ondata);
      input.removeListener('error', onerror);
      input.removeListener('end', onend);
    });
    this[kDecoder] = new StringDecoder('utf8');
  } else {
    const onkeypress = (s, key) => {
      this[kTtyWrite](s, key);
      if (key && key.sequence) {
        // Half of a surrogate pair: redraw so the whole character shows.
        const c = key.sequence.codePointAt(0);
        if (c >= 0xd800 && c <= 0xdfff) this[kRefreshLine]();
      }
    };
    const ontermend = () => {
      if (typeof this.line === 'string' && this.line.length > 0) this.emit('line', this.line);
      this.close();
    };
    const onresize = () => this[kRefreshLine]();

    emitKeypressEvents ??= require('internal/readline/emitKeypressEvents');
    emitKeypressEvents(input, this);
    input.on('keypress', onkeypress);
    input.on('end', ontermend);
    this[kSetRawMode](true);
    this.terminal = true;
    this.cursor = 0;
    this.historyIndex = -1;
    if (output != null) output.on('resize', onresize);
    this.once('close', () => {
      input.removeListener('keypress', onkeypress);
      input.removeListener('error', onerror);
      input.removeListener('end', ontermend);
      if (output != null) output.removeListener('resize', onresize);
    });
  }

  if (signal) {
    const onAborted = () => this.close();
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else {
      signal.addEventListener('abort', onAborted);
      this.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }

  this.line = '';
  input.resume();
}
Object.setPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
Object.setPrototypeOf(InterfaceConstructor, EventEmitter);

// The async iterator over 'line' events: lines are queued until asked for; past
// kLineHighWaterMark queued lines the interface (and so its input) is paused until the queue
// is empty again. 'close' ends it once the queue is drained; 'error' rejects.
function createLineIterator(rl) {
  const queue = [];
  const waiting = [];
  let error = null;
  let finished = false;
  let paused = false;

  const onLine = (line) => {
    if (waiting.length > 0) {
      waiting.shift().resolve({ value: line, done: false });
      return;
    }
    queue.push(line);
    if (!paused && queue.length > kLineHighWaterMark) {
      paused = true;
      rl.pause();
    }
  };
  const onError = (err) => {
    if (waiting.length > 0) waiting.shift().reject(err);
    else error = err;
    finish();
  };
  const finish = () => {
    rl.removeListener('line', onLine);
    rl.removeListener('error', onError);
    rl.removeListener('close', finish);
    finished = true;
    while (waiting.length > 0) waiting.shift().resolve({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  };
  rl.on('line', onLine);
  rl.on('error', onError);
  rl.on('close', finish);

  const AsyncIteratorPrototype =
    Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);
  return Object.setPrototypeOf({
    next() {
      if (queue.length > 0) {
        const value = queue.shift();
        if (paused && queue.length < 1) {
          paused = false;
          rl.resume();
        }
        return Promise.resolve({ value, done: false });
      }
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return finish();
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      return finish();
    },
    throw(err) {
      if (!err || !(err instanceof Error)) {
        const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
        throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator', 'Error', err);
      }
      onError(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    [kWatermarkData]: {
      get size() { return queue.length; },
      get low() { return 1; },
      get high() { return kLineHighWaterMark; },
      get isPaused() { return paused; },
    },
  }, AsyncIteratorPrototype);
}

class Interface extends InterfaceConstructor {
  // eslint-disable-next-line no-useless-constructor
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }

  get columns() {
    if (this.output && this.output.columns) return this.output.columns;
    return Infinity;
  }

  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  getPrompt() {
    return this[kPrompt];
  }

  [kSetRawMode](mode) {
    const wasRaw = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
    return wasRaw;
  }

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this[kRefreshLine]();
    } else {
      this[kWriteToOutput](this[kPrompt]);
    }
  }

  [kQuestion](query, cb) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this[kQuestionCallback]) {
      // Already asking: show the pending question again.
      this.prompt();
      return;
    }
    this[kOldPrompt] = this[kPrompt];
    this.setPrompt(query);
    this[kQuestionCallback] = cb;
    this.prompt();
  }

  [kOnLine](line) {
    const cb = this[kQuestionCallback];
    if (cb) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  [kBeforeEdit](oldText, oldCursor) {
    this[kPushToUndoStack](oldText, oldCursor);
  }

  [kQuestionCancel]() {
    if (this[kQuestionCallback]) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      this.clearLine();
    }
  }

  [kWriteToOutput](text) {
    validateString(text, 'stringToWrite');
    if (this.output != null) this.output.write(text);
  }

  [kAddHistory]() {
    const line = this.line;
    if (line.length === 0) return '';
    if (this.historySize === 0) return line;
    if (line.trim().length === 0) return line;

    const history = this.history;
    if (history.length === 0 || history[0] !== line) {
      if (this.removeHistoryDuplicates) {
        const dup = history.indexOf(line);
        if (dup !== -1) history.splice(dup, 1);
      }
      history.unshift(line);
      if (history.length > this.historySize) history.pop();
    }
    this.historyIndex = -1;
    // A 'history' listener may change the array (e.g. drop a password), so the line
    // returned is whatever is first now.
    const first = this.history[0];
    this.emit('history', this.history);
    return first;
  }

  [kRefreshLine]() {
    const line = this[kPrompt] + this.line;
    const end = this[kGetDisplayPos](line);
    const cursorPos = this.getCursorPos();

    // Go up to the first row of what was drawn, clear from its start down, redraw.
    const prevRows = this.prevRows || 0;
    if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this[kWriteToOutput](line);
    // At a row's end the terminal only wraps on the next character.
    if (end.cols === 0) this[kWriteToOutput](' ');
    cursorTo(this.output, cursorPos.cols);
    const up = end.rows - cursorPos.rows;
    if (up > 0) moveCursor(this.output, 0, -up);
    this.prevRows = cursorPos.rows;
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this[kSetRawMode](false);
    this.closed = true;
    this.emit('close');
  }

  pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(d, key) {
    if (this.paused) this.resume();
    if (this.terminal) this[kTtyWrite](d, key);
    else this[kNormalWrite](d);
  }

  [kNormalWrite](b) {
    if (b === undefined) return;
    let text = this[kDecoder].write(b);
    // A \n right after a chunk that ended in \r is the second half of \r\n.
    if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
      if (text.codePointAt(0) === 10) text = text.slice(1);
      this[kSawReturnAt] = 0;
    }
    if (!lineEndingRe.test(text)) {
      if (text) this[kLine_buffer] = this[kLine_buffer] ? this[kLine_buffer] + text : text;
      return;
    }
    // The buffered part holds no line ending and does not end in \r, so the lines are
    // the same whether it is searched together with the new text or not.
    if (this[kLine_buffer]) {
      text = this[kLine_buffer] + text;
      this[kLine_buffer] = null;
    }
    this[kSawReturnAt] = text.endsWith('\r') ? Date.now() : 0;
    const lines = text.split(lineEndingReG);
    this[kLine_buffer] = lines.pop();
    for (let i = 0; i < lines.length; i++) this[kOnLine](lines[i]);
  }

  [kInsertString](c) {
    this[kBeforeEdit](this.line, this.cursor);
    if (!this.isCompletionEnabled) {
      // Part of a paste: append without redrawing.
      this.line += c;
      this.cursor += c.length;
      this[kWriteToOutput](c);
      return;
    }
    if (this.cursor < this.line.length) {
      this.line = this.line.slice(0, this.cursor) + c + this.line.slice(this.cursor);
      this.cursor += c.length;
      this[kRefreshLine]();
      return;
    }
    const before = this.getCursorPos();
    this.line += c;
    this.cursor += c.length;
    const after = this.getCursorPos();
    if (before.rows < after.rows) this[kRefreshLine]();
    else this[kWriteToOutput](c);
  }

  // The completer of readline/promises: its result may be a promise.
  async [kTabComplete](lastKeypressWasTab) {
    this.pause();
    const text = this.line.slice(0, this.cursor);
    let value;
    try {
      value = await this.completer(text);
    } catch (err) {
      this[kWriteToOutput](`Tab completion error: ${inspect(err)}`);
      return;
    } finally {
      this.resume();
    }
    this[kTabCompleter](lastKeypressWasTab, value);
  }

  [kTabCompleter](lastKeypressWasTab, { 0: completions, 1: completeOn }) {
    if (!completions || completions.length === 0) return;

    // Complete as far as all candidates agree.
    const prefix = commonPrefix(completions.filter((e) => e !== ''));
    if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
      this[kInsertString](prefix.slice(completeOn.length));
      return;
    }
    if (!completeOn.startsWith(prefix)) {
      this.line = this.line.slice(0, this.cursor - completeOn.length) + prefix +
        this.line.slice(this.cursor);
      this.cursor = this.cursor - completeOn.length + prefix.length;
      this[kRefreshLine]();
      return;
    }
    // A second tab lists the candidates in columns ('' starts a new group).
    if (!lastKeypressWasTab) return;
    this[kBeforeEdit](this.line, this.cursor);

    const widths = completions.map((e) => getStringWidth(e));
    const width = Math.max(...widths) + 2;
    let maxColumns = Math.floor(this.columns / width) || 1;
    if (maxColumns === Infinity) maxColumns = 1;
    let out = '\r\n';
    let column = 0;
    let pad = 0;
    for (let i = 0; i < completions.length; i++) {
      const completion = completions[i];
      if (completion === '' || column === maxColumns) {
        out += '\r\n';
        column = 0;
        pad = 0;
      } else {
        out += ' '.repeat(pad);
      }
      if (completion !== '') {
        out += completion;
        pad = width - widths[i];
        column++;
      } else {
        out += '\r\n';
      }
    }
    if (column !== 0) out += '\r\n\r\n';
    this[kWriteToOutput](out);
    this[kRefreshLine]();
  }

  [kWordLeft]() {
    if (this.cursor > 0) {
      const m = wordLeftRe.exec(reverse(this.line.slice(0, this.cursor)));
      this[kMoveCursor](-m[0].length);
    }
  }

  [kWordRight]() {
    if (this.cursor < this.line.length) {
      const m = wordRightRe.exec(this.line.slice(this.cursor));
      this[kMoveCursor](m[0].length);
    }
  }

  [kDeleteLeft]() {
    if (this.cursor > 0 && this.line.length > 0) {
      this[kBeforeEdit](this.line, this.cursor);
      const n = charLengthLeft(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
      this.cursor -= n;
      this[kRefreshLine]();
    }
  }

  [kDeleteRight]() {
    if (this.cursor < this.line.length) {
      this[kBeforeEdit](this.line, this.cursor);
      const n = charLengthAt(this.line, this.cursor);
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + n);
      this[kRefreshLine]();
    }
  }

  [kDeleteWordLeft]() {
    if (this.cursor > 0) {
      this[kBeforeEdit](this.line, this.cursor);
      let leading = this.line.slice(0, this.cursor);
      const m = wordLeftRe.exec(reverse(leading));
      leading = leading.slice(0, leading.length - m[0].length);
      this.line = leading + this.line.slice(this.cursor);
      this.cursor = leading.length;
      this[kRefreshLine]();
    }
  }

  [kDeleteWordRight]() {
    if (this.cursor < this.line.length) {
      this[kBeforeEdit](this.line, this.cursor);
      const trailing = this.line.slice(this.cursor);
      const m = deleteWordRightRe.exec(trailing);
      this.line = this.line.slice(0, this.cursor) + trailing.slice(m[0].length);
      this[kRefreshLine]();
    }
  }

  [kDeleteLineLeft]() {
    this[kBeforeEdit](this.line, this.cursor);
    const killed = this.line.slice(0, this.cursor);
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this[kPushToKillRing](killed);
    this[kRefreshLine]();
  }

  [kDeleteLineRight]() {
    this[kBeforeEdit](this.line, this.cursor);
    const killed = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor);
    this[kPushToKillRing](killed);
    this[kRefreshLine]();
  }

  [kPushToKillRing](text) {
    const ring = this[kKillRing];
    if (!text || text === ring[0]) return;
    ring.unshift(text);
    this[kKillRingCursor] = 0;
    while (ring.length > kMaxKillRing) ring.pop();
  }

  [kYank]() {
    if (this[kKillRing].length > 0) {
      this[kYanking] = true;
      this[kInsertString](this[kKillRing][this[kKillRingCursor]]);
    }
  }

  [kYankPop]() {
    if (!this[kYanking]) return;
    const ring = this[kKillRing];
    if (ring.length > 1) {
      const last = ring[this[kKillRingCursor]];
      this[kKillRingCursor] = (this[kKillRingCursor] + 1) % ring.length;
      const current = ring[this[kKillRingCursor]];
      const head = this.line.slice(0, this.cursor - last.length);
      const tail = this.line.slice(this.cursor);
      this.line = head + current + tail;
      this.cursor = head.length + current.length;
      this[kRefreshLine]();
    }
  }

  clearLine() {
    this[kMoveCursor](+Infinity);
    this[kWriteToOutput]('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  [kLine]() {
    const line = this[kAddHistory]();
    this[kUndoStack] = [];
    this[kRedoStack] = [];
    this.clearLine();
    this[kOnLine](line);
  }

  [kPushToUndoStack](text, cursor) {
    if (this[kUndoStack].push({ text, cursor }) > kMaxUndoRedoStackSize) {
      this[kUndoStack].shift();
    }
  }

  [kUndo]() {
    if (this[kUndoStack].length === 0) return;
    this[kRedoStack].push({ text: this.line, cursor: this.cursor });
    const entry = this[kUndoStack].pop();
    this.line = entry.text;
    this.cursor = entry.cursor;
    this[kRefreshLine]();
  }

  [kRedo]() {
    if (this[kRedoStack].length === 0) return;
    this[kUndoStack].push({ text: this.line, cursor: this.cursor });
    const entry = this[kRedoStack].pop();
    this.line = entry.text;
    this.cursor = entry.cursor;
    this[kRefreshLine]();
  }

  // Up/down walk the history entries that start with what was typed before the first
  // up/down (skipping entries equal to the current line).
  [kHistoryNext]() {
    if (this.historyIndex < 0) return;
    this[kBeforeEdit](this.line, this.cursor);
    const search = this[kSubstringSearch] || '';
    let index = this.historyIndex - 1;
    while (index >= 0 &&
           (!this.history[index].startsWith(search) || this.line === this.history[index])) {
      index--;
    }
    this.line = index === -1 ? search : this.history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this[kRefreshLine]();
  }

  [kHistoryPrev]() {
    if (this.historyIndex >= this.history.length || this.history.length === 0) return;
    this[kBeforeEdit](this.line, this.cursor);
    const search = this[kSubstringSearch] || '';
    let index = this.historyIndex + 1;
    while (index < this.history.length &&
           (!this.history[index].startsWith(search) || this.line === this.history[index])) {
      index++;
    }
    this.line = index === this.history.length ? search : this.history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this[kRefreshLine]();
  }

  // Where the end of `str` lands on the screen: rows below the first, and the column.
  [kGetDisplayPos](str) {
    const columns = this.columns;
    let offset = 0;
    let rows = 0;
    for (const ch of stripVTControlCharacters(str)) {
      if (ch === '\n') {
        rows += Math.ceil(offset / columns) || 1;
        offset = 0;
        continue;
      }
      if (ch === '\t') {
        offset += this.tabSize - (offset % this.tabSize);
        continue;
      }
      const width = getStringWidth(ch, false);
      if (width === 0 || width === 1) {
        offset += width;
      } else {
        // A wide character does not start in a row's last column.
        if ((offset + 1) % columns === 0) offset++;
        offset += 2;
      }
    }
    const cols = offset % columns;
    rows += (offset - cols) / columns;
    return { cols, rows };
  }

  getCursorPos() {
    return this[kGetDisplayPos](this[kPrompt] + this.line.slice(0, this.cursor));
  }

  // Moves the cursor dx characters (clamped to the line), redrawing only when the row
  // changes.
  [kMoveCursor](dx) {
    if (dx === 0) return;
    const before = this.getCursorPos();
    this.cursor += dx;
    if (this.cursor < 0) this.cursor = 0;
    else if (this.cursor > this.line.length) this.cursor = this.line.length;
    const after = this.getCursorPos();
    if (before.rows === after.rows) moveCursor(this.output, after.cols - before.cols, 0);
    else this[kRefreshLine]();
  }

  [kTtyWrite](s, key) {
    const previousKey = this[kPreviousKey];
    key = key || kEmptyKey;
    this[kPreviousKey] = key;

    if (!key.meta || key.name !== 'y') this[kYanking] = false;

    // Plain up/down search the history for what is before the cursor; any other key ends
    // that search.
    if ((key.name === 'up' || key.name === 'down') && !key.ctrl && !key.meta && !key.shift) {
      if (this[kSubstringSearch] === null) {
        this[kSubstringSearch] = this.line.slice(0, this.cursor);
      }
    } else if (this[kSubstringSearch] !== null) {
      this[kSubstringSearch] = null;
      if (this.history.length === this.historyIndex) this.historyIndex = -1;
    }

    // Ctrl+_ undoes, Ctrl+^ redoes.
    if (typeof key.sequence === 'string') {
      const code = key.sequence.codePointAt(0);
      if (code === 0x1f) {
        this[kUndo]();
        return;
      }
      if (code === 0x1e) {
        this[kRedo]();
        return;
      }
    }

    if (key.name === 'escape') return;

    if (key.ctrl && key.shift) {
      if (key.name === 'backspace') this[kDeleteLineLeft]();
      else if (key.name === 'delete') this[kDeleteLineRight]();
    } else if (key.ctrl) {
      ctrlKey(this, key);
    } else if (key.meta) {
      switch (key.name) {
        case 'b': this[kWordLeft](); break;
        case 'f': this[kWordRight](); break;
        case 'd':
        case 'delete': this[kDeleteWordRight](); break;
        case 'backspace': this[kDeleteWordLeft](); break;
        case 'y': this[kYankPop](); break;
      }
    } else {
      plainKey(this, s, key, previousKey);
    }
  }

  [Symbol.asyncIterator]() {
    if (this[kLineIterator] === undefined) this[kLineIterator] = createLineIterator(this);
    return this[kLineIterator];
  }
}

// Keys with Ctrl held.
function ctrlKey(rl, key) {
  switch (key.name) {
    case 'c':
      if (rl.listenerCount('SIGINT') > 0) {
        rl.emit('SIGINT');
      } else {
        rl.close();
        rl[kQuestionReject]?.(new AbortError('Aborted with Ctrl+C'));
      }
      break;
    case 'h': rl[kDeleteLeft](); break;
    case 'd':
      if (rl.cursor === 0 && rl.line.length === 0) {
        rl.close();
        rl[kQuestionReject]?.(new AbortError('Aborted with Ctrl+D'));
      } else if (rl.cursor < rl.line.length) {
        rl[kDeleteRight]();
      }
      break;
    case 'u': rl[kDeleteLineLeft](); break;
    case 'k': rl[kDeleteLineRight](); break;
    case 'a': rl[kMoveCursor](-Infinity); break;
    case 'e': rl[kMoveCursor](+Infinity); break;
    case 'b': rl[kMoveCursor](-charLengthLeft(rl.line, rl.cursor)); break;
    case 'f': rl[kMoveCursor](+charLengthAt(rl.line, rl.cursor)); break;
    case 'l':
      cursorTo(rl.output, 0, 0);
      clearScreenDown(rl.output);
      rl[kRefreshLine]();
      break;
    case 'n': rl[kHistoryNext](); break;
    case 'p': rl[kHistoryPrev](); break;
    case 'y': rl[kYank](); break;
    case 'z':
      if (process.platform === 'win32') break;
      if (rl.listenerCount('SIGTSTP') > 0) {
        rl.emit('SIGTSTP');
      } else {
        process.once('SIGCONT', () => {
          if (!rl.paused) {
            // Pause and resume so that ^C, ^Z and EOF are seen again.
            rl.pause();
            rl.emit('SIGCONT');
          }
          rl[kSetRawMode](true);
          rl[kRefreshLine]();
        });
        rl[kSetRawMode](false);
        process.kill(process.pid, 'SIGTSTP');
      }
      break;
    case 'w':
    case 'backspace': rl[kDeleteWordLeft](); break;
    case 'delete': rl[kDeleteWordRight](); break;
    case 'left': rl[kWordLeft](); break;
    case 'right': rl[kWordRight](); break;
  }
}

// Keys without modifiers, and text.
function plainKey(rl, s, key, previousKey) {
  // A \r only matters when a \n follows it.
  if (rl[kSawReturnAt] && key.name !== 'enter') rl[kSawReturnAt] = 0;

  switch (key.name) {
    case 'return':
      rl[kSawReturnAt] = Date.now();
      rl[kLine]();
      return;
    case 'enter':
      // The \n of a \r\n (within crlfDelay) does not make a second line.
      if (rl[kSawReturnAt] === 0 || Date.now() - rl[kSawReturnAt] > rl.crlfDelay) {
        rl[kLine]();
      }
      rl[kSawReturnAt] = 0;
      return;
    case 'backspace': rl[kDeleteLeft](); return;
    case 'delete': rl[kDeleteRight](); return;
    case 'left': rl[kMoveCursor](-charLengthLeft(rl.line, rl.cursor)); return;
    case 'right': rl[kMoveCursor](+charLengthAt(rl.line, rl.cursor)); return;
    case 'home': rl[kMoveCursor](-Infinity); return;
    case 'end': rl[kMoveCursor](+Infinity); return;
    case 'up': rl[kHistoryPrev](); return;
    case 'down': rl[kHistoryNext](); return;
    case 'tab':
      if (typeof rl.completer === 'function' && rl.isCompletionEnabled) {
        rl[kTabComplete](previousKey && previousKey.name === 'tab');
        return;
      }
      break;
  }
  if (typeof s !== 'string' || !s) return;
  // Text (typed or written): every line ending in it submits a line.
  const re = /\r?\n|\r(?!\n)/g;
  let start = 0;
  let m;
  while ((m = re.exec(s)) !== null) {
    rl[kInsertString](s.slice(start, m.index));
    start = re.lastIndex;
    rl[kLine]();
  }
  rl[kInsertString](s.slice(start));
}

module.exports = {
  Interface,
  InterfaceConstructor,
  kAddHistory,
  kDecoder,
  kDeleteLeft,
  kDeleteLineLeft,
  kDeleteLineRight,
  kDeleteRight,
  kDeleteWordLeft,
  kDeleteWordRight,
  kGetDisplayPos,
  kHistoryNext,
  kHistoryPrev,
  kInsertString,
  kLine,
  kLine_buffer,
  kMoveCursor,
  kNormalWrite,
  kOldPrompt,
  kOnLine,
  kPreviousKey,
  kPrompt,
  kQuestion,
  kQuestionCallback,
  kQuestionCancel,
  kQuestionReject,
  kRefreshLine,
  kSawKeyPress,
  kSawReturnAt,
  kSetRawMode,
  kTabComplete,
  kTabCompleter,
  kTtyWrite,
  kWordLeft,
  kWordRight,
  kWriteToOutput,
};
