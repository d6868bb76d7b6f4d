'use strict';
// The Console class and the global console, printing through util.format/inspect.

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}
function inspect(value, options) {
  return lazyInspect().inspect(value, options);
}

// Symbol descriptions and property names are node's: some packages look the symbols up by
// description on the global console (e.g. 'kGroupIndentWidth' to change the indentation).
const kCounts = Symbol('counts');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kMaxGroupIndentation = 1000;
// The `inspectOptions` of each Console (node keeps them off the object too).
const optionsMap = new WeakMap();

function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [s, frac] = seconds.toFixed(3).split('.');
    const res = hours !== 0 ? `${hours}:${String(minutes).padStart(2, '0')}` : minutes;
    return `${res}:${s.padStart(2, '0')}.${frac} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

// A plain function, as node's: `Console(stream)` without `new` constructs too.
function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (new.target === undefined) return Reflect.construct(Console, arguments);
  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr: arguments[1], ignoreErrors: arguments[2] };
  }
  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;
  const { codes } = require('internal/errors');
  if (!stdout || typeof stdout.write !== 'function') throw new codes.ERR_CONSOLE_WRITABLE_STREAM('stdout');
  if (!stderr || typeof stderr.write !== 'function') throw new codes.ERR_CONSOLE_WRITABLE_STREAM('stderr');
  const validators = require('internal/validators');
  validators.validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
  if (groupIndentation !== undefined) {
    validators.validateInteger(groupIndentation, 'groupIndentation', 0, kMaxGroupIndentation);
  }
  if (inspectOptions !== undefined) {
    validators.validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
    optionsMap.set(this, inspectOptions);
  }
  // Methods are bound so `const { log } = console` works, but keep their own names ('log',
  // not 'bound log'). They are taken from `this`, so a subclass's overrides are the ones bound.
  for (const key of Object.keys(Console.prototype)) {
    this[key] = this[key].bind(this);
    Object.defineProperty(this[key], 'name', { value: key });
  }
  Object.defineProperties(this, {
    _stdout: { value: stdout, writable: true, enumerable: false, configurable: true },
    _stderr: { value: stderr, writable: true, enumerable: false, configurable: true },
  });
  bindProperties(this, ignoreErrors, colorMode, groupIndentation);
}

function hidden(value) {
  return { value, writable: true, enumerable: false, configurable: true };
}

// The state node keeps on each console, as node names it, none of it enumerable.
function bindProperties(con, ignoreErrors, colorMode, groupIndentation = 2) {
  Object.defineProperties(con, {
    _stdoutErrorHandler: hidden(createWriteErrorHandler(con, false)),
    _stderrErrorHandler: hidden(createWriteErrorHandler(con, true)),
    _ignoreErrors: hidden(Boolean(ignoreErrors)),
    _times: hidden(new Map()),
    [kCounts]: hidden(new Map()),
    [kColorMode]: hidden(colorMode),
    [kIsConsole]: hidden(true),
    [kGroupIndent]: hidden(''),
    [kGroupIndentationWidth]: hidden(groupIndentation),
    [Symbol.toStringTag]: { value: 'console', writable: false, enumerable: false, configurable: true },
  });
}

// The callback of each `stream.write()`: an error the stream has not emitted yet (an
// asynchronous write failure) must not become uncaught when nobody listens for it.
function createWriteErrorHandler(con, useStdErr) {
  return (err) => {
    const stream = useStdErr ? con._stderr : con._stdout;
    if (err !== null && err !== undefined && !(stream._writableState && stream._writableState.errorEmitted) &&
        stream.listenerCount('error') === 0) {
      stream.once('error', noop);
    }
  };
}

function getInspectOptions(con, stream) {
  let color = con[kColorMode];
  if (color === 'auto') {
    // As node decides (FORCE_COLOR, else a TTY with colours); not coerced to a boolean, since it
    // becomes `inspectOptions.colors` when that is unset.
    if (process.env.FORCE_COLOR !== undefined) {
      color = require('internal/util/colors').shouldColorize(stream);
    } else {
      color = stream && stream.isTTY &&
        (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
    }
  }
  const options = optionsMap.get(con);
  if (options) {
    if (options.colors === undefined) options.colors = color;
    return options;
  }
  return color ? kColorInspectOptions : kNoColorInspectOptions;
}
const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

// The global console binds process.stdout/stderr on first use and keeps them, as node's
// does. Bound to the original stream while that stream has not been created yet, it writes to
// descriptor 1/2 itself, exactly as the stream would (a file or pipe: a SyncWriteStream,
// synchronous UTF-8 writes; EPIPE ends output quietly), so printing needs no stream set-up
// and `console.log('hi')` starts twice as fast. A terminal always goes through its stream
// (tty.WriteStream, colours).
const kDirect = Symbol('kDirect');
const kOriginal = Symbol('kOriginal');
let stdioHandles;
const processBinding = internalBinding('process');
const writesDirectly = [undefined, undefined, undefined];

// The stream bound for `name`: kOriginal for process's own (created or not), else the value.
function bound(con, name) {
  const binding = con[kDirect];
  let b = binding[name];
  if (b === undefined) {
    if (stdioHandles === undefined) stdioHandles = require('internal/process/stdio_handles');
    const desc = Object.getOwnPropertyDescriptor(process, name);
    b = binding[name] = desc !== undefined && desc.get === stdioHandles.getters[name] ? kOriginal : process[name];
  }
  return b;
}

function boundStream(con, name) {
  const b = bound(con, name);
  return b === kOriginal ? stdioHandles.getters[name]() : b;
}

// The descriptor to write to directly, or -1 to go through the stream.
function directFd(con, useStdErr) {
  const name = useStdErr ? 'stderr' : 'stdout';
  if (bound(con, name) !== kOriginal || stdioHandles.streams[name] !== undefined) return -1;
  const fd = useStdErr ? 2 : 1;
  if (writesDirectly[fd] === undefined) writesDirectly[fd] = !processBinding.isatty(fd);
  return writesDirectly[fd] ? fd : -1;
}

function writeDirect(con, useStdErr, string) {
  const fd = directFd(con, useStdErr);
  if (fd < 0) return false;
  const r = processBinding.writeString(fd, string);
  if (r < 0) {
    // What the stream does with a failed write (it is destroyed with the error, which
    // listeners see), and what console does about it (nothing: see `write`).
    const stream = boundStream(con, useStdErr ? 'stderr' : 'stdout');
    if (stream.listenerCount('error') === 0) stream.once('error', ignoreError);
    stream.destroy(require('internal/errors').errnoException(r, 'write'));
  }
  return true;
}

function noop() {}
// Separate from `noop`, which `write` removes again after each write.
function ignoreError() {}

function isStackOverflow(e) {
  return (e instanceof RangeError || (typeof InternalError === 'function' && e instanceof InternalError)) &&
    /call stack|too much recursion/.test(e.message);
}

function write(con, useStdErr, string) {
  const indent = con[kGroupIndent];
  if (indent.length !== 0) {
    if (string.includes('\n')) string = string.replace(/\n/g, `\n${indent}`);
    string = indent + string;
  }
  string += '\n';
  if (con[kDirect] !== undefined && writeDirect(con, useStdErr, string)) return;
  const stream = useStdErr ? con._stderr : con._stdout;
  if (con._ignoreErrors === false) return stream.write(string);
  // Like node, console ignores errors of the stream it writes to (a closed descriptor, a
  // reader that went away): a no-op 'error' listener, there only during the write, keeps a
  // synchronous one from becoming uncaught when nobody else listens; the write callback
  // handles an asynchronous one. Only a stack overflow propagates. A stream that is not an
  // EventEmitter fails as in node.
  try {
    if (stream.listenerCount('error') === 0) stream.once('error', noop);
    stream.write(string, useStdErr ? con._stderrErrorHandler : con._stdoutErrorHandler);
  } catch (e) {
    if (isStackOverflow(e)) throw e;
  } finally {
    stream.removeListener('error', noop);
  }
}

function fmt(con, useStdErr, args) {
  // Strings alone print as they are; only other values need util.inspect (loaded on demand).
  if (typeof args[0] === 'string' && (args.length === 1 || !args[0].includes('%'))) {
    let plain = true;
    for (let i = 1; i < args.length; i++) {
      if (typeof args[i] !== 'string') {
        plain = false;
        break;
      }
    }
    if (plain) return args.length === 1 ? args[0] : args.join(' ');
  }
  // The global console printing straight to a file or pipe needs no stream to know there are
  // no colours.
  const stream = con[kDirect] !== undefined && directFd(con, useStdErr) >= 0 ? null : useStdErr ? con._stderr : con._stdout;
  return lazyInspect().formatWithOptions(getInspectOptions(con, stream), ...args);
}

const tableChars = {
  middleMiddle: '─', rowMiddle: '┼', topRight: '┐', topLeft: '┌', leftMiddle: '├',
  topMiddle: '┬', bottomRight: '┘', bottomLeft: '└', bottomMiddle: '┴', rightMiddle: '┤',
  left: '│ ', right: ' │', middle: ' │ ',
};

function renderRow(row, columnWidths) {
  let out = tableChars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    const len = lazyInspect().getStringWidth(cell);
    out += cell + ' '.repeat(columnWidths[i] - len);
    if (i !== row.length - 1) out += tableChars.middle;
  }
  out += tableChars.right;
  return out;
}

function renderTable(head, columns) {
  const rows = [];
  const columnWidths = head.map((h) => require('internal/util/inspect').getStringWidth(h));
  const longestColumn = Math.max(...columns.map((a) => a.length));
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
      const width = columnWidths[i] || 0;
      const counted = require('internal/util/inspect').getStringWidth(value);
      columnWidths[i] = Math.max(width, counted);
    }
  }
  const divider = columnWidths.map((i) => tableChars.middleMiddle.repeat(i + 2));
  let result = `${tableChars.topLeft}${divider.join(tableChars.topMiddle)}${tableChars.topRight}\n` +
    `${renderRow(head, columnWidths)}\n` +
    `${tableChars.leftMiddle}${divider.join(tableChars.rowMiddle)}${tableChars.rightMiddle}\n`;
  for (const row of rows) result += `${renderRow(row, columnWidths)}\n`;
  result += `${tableChars.bottomLeft}${divider.join(tableChars.bottomMiddle)}${tableChars.bottomRight}`;
  return result;
}

const consoleMethods = {
  log(...args) {
    write(this, false, fmt(this, false, args));
  },
  warn(...args) {
    write(this, true, fmt(this, true, args));
  },
  dir(object, options) {
    write(this, false, inspect(object, { customInspect: false, ...getInspectOptions(this, this._stdout), ...options }));
  },
  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, process.hrtime());
  },
  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) this._times.delete(label);
  },
  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },
  trace: function trace(...args) {
    const err = { name: 'Trace', message: fmt(this, true, args) };
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },
  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(this.warn, this, args);
    }
  },
  clear() {
    // Only a terminal can be cleared: cursor to the top left, then erase down.
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') {
      this._stdout.write('\x1b[1;1H');
      this._stdout.write('\x1b[0J');
    }
  },
  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    if (count === undefined) count = 1;
    else count++;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },
  countReset(label = 'default') {
    const counts = this[kCounts];
    // As in node, the label is looked up as given (so a number never matches) but deleted as
    // a string.
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },
  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },
  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },
  table(tabularData, properties) {
    if (properties !== undefined && !Array.isArray(properties)) {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('properties', 'Array', properties);
    }
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
    const final = (k, v) => this.log(renderTable(k, v));
    const types = require('internal/util/types');
    const isArrayLike = (v) => Array.isArray(v) || types.isTypedArray(v) || Buffer.isBuffer(v);
    const _inspect = (v) => {
      const depth = v !== null && typeof v === 'object' && !isArrayLike(v) && Object.keys(v).length > 2 ? -1 : 0;
      const opt = { depth, maxArrayLength: 3, breakLength: Infinity, ...getInspectOptions(this, this._stdout) };
      return inspect(v, opt);
    };
    const getIndexArray = (length) => Array.from({ length }, (_, i) => _inspect(i));

    // Node previews an iterator without advancing it and knows whether it yields entries.
    // SpiderMonkey can do neither: the iterator is read to its end, and its kind is told from
    // what it yielded. A Map iterator is one of entries when it yielded only [key, value] pairs
    // (or nothing); a Set iterator when it yielded only [value, value] pairs, which node lists
    // flattened, each value twice. (So map.keys()/map.values() of a Map whose keys/values are
    // all pairs print as entries, and an empty map.keys() has the Key column.)
    const mapIter = types.isMapIterator(tabularData);
    const setIter = types.isSetIterator(tabularData);
    let isKeyValue = false;
    if (mapIter || setIter) {
      const items = Array.from(tabularData);
      const pairs = items.every((e) => Array.isArray(e) && e.length === 2 && (mapIter || Object.is(e[0], e[1])));
      if (mapIter) {
        isKeyValue = pairs;
        tabularData = items;
      } else {
        tabularData = pairs ? items.flat() : items;
      }
    }
    if (isKeyValue || types.isMap(tabularData)) {
      const keys = [];
      const values = [];
      let length = 0;
      for (const [k, v] of tabularData) {
        keys.push(_inspect(k));
        values.push(_inspect(v));
        length++;
      }
      return final(['(iteration index)', 'Key', 'Values'], [getIndexArray(length), keys, values]);
    }
    if (mapIter || setIter || types.isSet(tabularData)) {
      const values = [];
      let length = 0;
      for (const v of tabularData) {
        values.push(_inspect(v));
        length++;
      }
      return final(['(iteration index)', 'Values'], [getIndexArray(length), values]);
    }

    const map = { __proto__: null };
    let hasPrimitives = false;
    const valuesKeyArray = [];
    const indexKeyArray = Object.keys(tabularData);
    for (let i = 0; i < indexKeyArray.length; i++) {
      const item = tabularData[indexKeyArray[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesKeyArray[i] = _inspect(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          if (map[key] === undefined) map[key] = [];
          if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) {
            map[key][i] = '';
          } else {
            map[key][i] = _inspect(item[key]);
          }
        }
      }
    }
    const keys = Object.keys(map);
    const values = Object.values(map);
    if (hasPrimitives) {
      keys.push('Values');
      values.push(valuesKeyArray);
    }
    keys.unshift('(index)');
    values.unshift(indexKeyArray);
    return final(keys, values);
  },
};

// Returns whether the label was found.
function timeLogImpl(con, name, label, data) {
  const time = con._times.get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const duration = process.hrtime(time);
  const ms = duration[0] * 1000 + duration[1] / 1e6;
  const formatted = formatTime(ms);
  if (data === undefined) con.log('%s: %s', label, formatted);
  else con.log('%s: %s', label, formatted, ...data);
  return true;
}

consoleMethods.debug = consoleMethods.log;
consoleMethods.info = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

// Enumerable, as in node (the constructor binds Object.keys(Console.prototype)).
for (const key of Object.keys(consoleMethods)) {
  Object.defineProperty(Console.prototype, key, {
    value: consoleMethods[key], writable: true, enumerable: true, configurable: true,
  });
}
Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return instance[kIsConsole];
  },
});

// Methods of V8's console that node's global console gets from the inspector; without an
// inspector session they do nothing.
const inspectorMethods = {
  profile() {},
  profileEnd() {},
  timeStamp() {},
  context(name) {
    const con = {};
    for (const key of ['dir', 'dirXml', 'table', 'groupEnd', 'clear', 'count', 'countReset', 'profile',
      'profileEnd', 'timeLog', 'debug', 'error', 'info', 'log', 'warn', 'trace', 'group',
      'groupCollapsed', 'assert', 'time', 'timeEnd', 'timeStamp']) {
      const fn = { [key]() {} }[key];
      con[key] = fn;
    }
    return con;
  },
  createTask(name = undefined) {
    if (typeof name !== 'string' || name === '') throw new Error('First argument must be a non-empty string.');
    const task = {
      run(fn) {
        if (this !== task) throw new Error("'run' called with illegal receiver.");
        if (typeof fn !== 'function') throw new Error('First argument must be a function.');
        return fn();
      },
    };
    return task;
  },
};

let globalConsole;

// The global console is a plain object (its prototype an empty object) holding the methods of
// Console.prototype bound to it, named after their key and of length 0 as node's (which the
// inspector wraps), its state, Console, and the inspector's methods. One per process:
// require('console') is the same object even after globalThis.console is replaced.
function createGlobalConsole() {
  if (globalConsole !== undefined) return globalConsole;
  const con = { __proto__: {} };
  for (const key of Object.keys(Console.prototype)) {
    const fn = Console.prototype[key].bind(con);
    Object.defineProperties(fn, { name: { value: key }, length: { value: 0 } });
    con[key] = fn;
  }
  bindProperties(con, true, 'auto', 2);
  con.Console = Console;
  for (const key of Object.keys(inspectorMethods)) con[key] = inspectorMethods[key];
  Object.defineProperty(con, kDirect, hidden({ stdout: undefined, stderr: undefined }));
  for (const name of ['stdout', 'stderr']) {
    Object.defineProperty(con, `_${name}`, {
      get: () => boundStream(con, name),
      set: (value) => { con[kDirect][name] = value; },
      configurable: true,
      enumerable: false,
    });
  }
  globalConsole = con;
  return con;
}

module.exports = { Console, createGlobalConsole, formatTime };
