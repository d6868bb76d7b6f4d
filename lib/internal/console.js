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

const kCounts = Symbol('kCounts');
const kTimers = Symbol('kTimers');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');

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

class Console {
  constructor(options, stderr, ignoreErrors) {
    if (!new.target) return new Console(...arguments);
    if (!options || typeof options.write === 'function') {
      options = { stdout: options, stderr, ignoreErrors };
    }
    const { stdout, stderr: err = stdout, colorMode = 'auto', inspectOptions, groupIndentation = 2 } = options;
    if (!stdout || typeof stdout.write !== 'function') {
      const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_TYPE('stdout', 'stream.Writable', stdout);
    }
    setup(this, () => stdout, () => err, colorMode, inspectOptions, groupIndentation);
  }
}

function setup(con, getStdout, getStderr, colorMode, inspectOptions, groupIndentation) {
  if (getStdout !== undefined) {
    Object.defineProperties(con, {
      _stdout: { get: getStdout, configurable: true, enumerable: false },
      _stderr: { get: getStderr, configurable: true, enumerable: false },
    });
  }
  con[kCounts] = new Map();
  con[kTimers] = new Map();
  con[kGroupIndent] = '';
  con[kGroupIndentationWidth] = groupIndentation;
  con._colorMode = colorMode;
  con._inspectOptions = inspectOptions;
  // Methods are bound so `const { log } = console` works.
  for (const key of Object.getOwnPropertyNames(Console.prototype)) {
    if (key === 'constructor') continue;
    const fn = Console.prototype[key];
    if (typeof fn === 'function') {
      Object.defineProperty(con, key, { value: fn.bind(con), writable: true, enumerable: true, configurable: true });
    }
  }
}

function getInspectOptions(con, stream) {
  let color = con._colorMode;
  if (color === 'auto') {
    color = !!(stream && stream.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
  }
  const options = con._inspectOptions;
  if (options) {
    if (options.colors === undefined) return { ...options, colors: color };
    return options;
  }
  return color ? { colors: true } : {};
}

// The global console binds process.stdout/stderr on first use and keeps them, as node's
// does. Bound to the original stream while that stream has not been created yet, it writes to
// descriptor 1/2 itself, exactly as the stream would (a file or pipe: a SyncWriteStream,
// synchronous UTF-8 writes; EPIPE ends output quietly), so printing needs no stream set-up
// and `console.log('hi')` starts twice as fast. A terminal always goes through its stream
// (tty.WriteStream, colours).
const kDirect = Symbol('kDirect');
const kOriginal = Symbol('kOriginal');
let stdioHandles;
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
  if (writesDirectly[fd] === undefined) writesDirectly[fd] = !internalBinding('process').isatty(fd);
  return writesDirectly[fd] ? fd : -1;
}

function writeDirect(con, useStdErr, string) {
  const fd = directFd(con, useStdErr);
  if (fd < 0) return false;
  const r = internalBinding('process').writeString(fd, string);
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
// Separate from `noop`, which `writeIgnoringErrors` removes again after each write.
function ignoreError() {}

// Like node, console ignores errors of the stream it writes to (a closed descriptor, a reader
// that went away): a one-time no-op 'error' listener keeps them from becoming uncaught when
// nobody else listens. Only a stack overflow propagates.
function writeIgnoringErrors(stream, string) {
  const emitter = typeof stream.listenerCount === 'function' && typeof stream.once === 'function' &&
    typeof stream.removeListener === 'function';
  try {
    if (emitter && stream.listenerCount('error') === 0) stream.once('error', noop);
    stream.write(string, (err) => {
      if (err != null && emitter && !(stream._writableState && stream._writableState.errorEmitted) &&
          stream.listenerCount('error') === 0) {
        stream.once('error', noop);
      }
    });
  } catch (e) {
    if (e instanceof RangeError && /call stack|too much recursion/.test(e.message)) throw e;
  } finally {
    if (emitter) stream.removeListener('error', noop);
  }
}

function write(con, useStdErr, string) {
  const indent = con[kGroupIndent];
  if (indent.length !== 0) {
    if (string.includes('\n')) string = string.replace(/\n/g, `\n${indent}`);
    string = indent + string;
  }
  string += '\n';
  if (con[kDirect] !== undefined && writeDirect(con, useStdErr, string)) return;
  writeIgnoringErrors(useStdErr ? con._stderr : con._stdout, string);
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
    if (this[kTimers].has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this[kTimers].set(label, process.hrtime());
  },
  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) this[kTimers].delete(label);
  },
  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },
  trace(...args) {
    const err = { name: 'Trace', message: this ? fmt(this, true, args) : '' };
    Error.captureStackTrace(err, consoleMethods.trace);
    this.error(err.stack);
  },
  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(this.warn, this, args);
    }
  },
  clear() {
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') this._stdout.write('\x1b[1;1H\x1b[0J');
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
    if (!counts.has(`${label}`)) {
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
    const _inspect = (v) => {
      const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
      const opt = { depth, maxArrayLength: 3, breakLength: Infinity, ...getInspectOptions(this, this._stdout) };
      return inspect(v, opt);
    };
    const getIndexArray = (length) => Array.from({ length }, (_, i) => _inspect(i));
    const types = require('internal/util/types');
    const mapIter = types.isMapIterator(tabularData);
    let isKeyValue = false;
    let i = 0;
    if (types.isMap(tabularData) || mapIter) {
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
    const setIter = types.isSetIterator(tabularData);
    if (setIter || types.isSet(tabularData)) {
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
    for (; i < indexKeyArray.length; i++) {
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

function timeLogImpl(con, name, label, data) {
  const time = con[kTimers].get(label);
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

consoleMethods.info = consoleMethods.log;
consoleMethods.debug = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

for (const key of Object.keys(consoleMethods)) {
  Object.defineProperty(Console.prototype, key, {
    value: consoleMethods[key], writable: true, enumerable: false, configurable: true,
  });
}
Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return instance !== null && typeof instance === 'object' && kCounts in instance;
  },
});

function createGlobalConsole() {
  const con = Object.create({});
  setup(con, undefined, undefined, 'auto', undefined, 2);
  con[kDirect] = { stdout: undefined, stderr: undefined };
  for (const name of ['stdout', 'stderr']) {
    Object.defineProperty(con, `_${name}`, {
      get: () => boundStream(con, name),
      set: (value) => { con[kDirect][name] = value; },
      configurable: true,
      enumerable: false,
    });
  }
  con.Console = Console;
  // Inspector-only methods exist as no-ops in Node.
  for (const name of ['profile', 'profileEnd', 'timeStamp', 'context']) {
    con[name] = function () {};
  }
  return con;
}

module.exports = { Console, createGlobalConsole, formatTime };
