'use strict';
// The interactive REPL: reads lines through the `repl` binding (rustyline on a reader thread),
// evaluates them in the global scope, prints results with util.inspect, supports multi-line
// input, `_`, `_error`, `.help`, `.exit`, `.break`/`.clear` and Ctrl-C / Ctrl-D as node does.

const { readLine } = internalBinding('repl');
const { evalScript } = internalBinding('util');
const { inspect } = require('internal/util/inspect');

let active = false;
let buffer = '';
let counter = 0;
let lastInterrupt = false;

const PROMPT = '> ';
const CONTINUE = '... ';
const session = [];

function write(s) {
  process.stdout.write(s);
}

function colors() {
  return !!(process.stdout.isTTY && process.stdout.hasColors());
}

function prompt() {
  readLine(buffer === '' ? PROMPT : CONTINUE);
}

// A syntax error at the very end of the input means the statement is not finished yet.
function isRecoverable(err, code) {
  if (!(err instanceof SyntaxError)) return false;
  const msg = String(err.message);
  if (/end of (script|input)|unterminated template|missing \} after|missing \] after|missing \) after/.test(msg)) {
    const lines = code.split('\n');
    if (typeof err.lineNumber === 'number' && err.lineNumber < lines.length) return false;
    return true;
  }
  return false;
}

function installBuiltinGlobals() {
  const { publicBuiltins } = require('internal/repl_support');
  for (const name of publicBuiltins) {
    if (name.includes('/') || name.startsWith('_') || name in globalThis) continue;
    Object.defineProperty(globalThis, name, {
      get() {
        const value = require('internal/modules/cjs').Module._load(name, null, false);
        Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
        return value;
      },
      set(value) {
        Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
      },
      configurable: true,
      enumerable: false,
    });
  }
}

// As node's REPL: an error's stack stops above the input's top level (the REPL machinery below
// it is not shown), and a SyntaxError shows no frames at all.
function trimStack(err) {
  if (err === null || typeof err !== 'object') return;
  let stack;
  try {
    stack = err.stack;
  } catch {
    return;
  }
  if (typeof stack !== 'string') return;
  let lines = stack.split('\n');
  let end = lines.findIndex((line) => /^\s+at .*\(node:internal\/repl:\d+:\d+\)$/.test(line));
  if (end !== -1) {
    if (end > 0 && /^\s+at REPL\d+:\d+:\d+$/.test(lines[end - 1])) end--;
    lines = lines.slice(0, end);
  }
  if (err instanceof SyntaxError) lines = lines.filter((line) => !/^\s+at /.test(line));
  try {
    err.stack = lines.join('\n');
  } catch { /* a frozen error keeps its stack */ }
}

// What node's REPL prints for a thrown value: "Uncaught " before the error's first line (an
// error without frames loses inspect's brackets), or before the value ("Uncaught:" and a new
// line when it spans several lines or the error line is too long).
function uncaughtText(err) {
  let text = inspect(err, { colors: colors() });
  if (err instanceof Error && text[0] === '[' && text[text.length - 1] === ']') text = text.slice(1, -1);
  const lines = text.split(/(?<=\n)/);
  const header = lines.findIndex((line) => /^\[?([A-Z][a-z0-9_]*)*Error/.test(line));
  if (header !== -1) {
    const line = lines[header];
    lines[header] = line.length <= 80 ? `Uncaught ${line}` : `Uncaught:\n${line}`;
    return lines.join('');
  }
  return lines.length === 1 ? `Uncaught ${text}` : `Uncaught:\n${text}`;
}

function evaluate(code) {
  counter++;
  let result;
  try {
    // Object literals at the start of a line are expressions in the REPL, as in node.
    let source = code;
    if (/^\s*\{/.test(source) && !/;\s*$/.test(source)) {
      try {
        new Function(`return (${source})`);
        source = `(${source})`;
      } catch { /* keep as a block */ }
    }
    result = evalScript(source, `REPL${counter}`);
  } catch (err) {
    if (isRecoverable(err, code)) return 'more';
    globalThis._error = err;
    trimStack(err);
    write(`${uncaughtText(err)}\n`);
    return 'done';
  }
  Object.defineProperty(globalThis, '_', { value: result, writable: true, configurable: true, enumerable: false });
  write(`${inspect(result, { colors: colors() })}\n`);
  return 'done';
}

function onInput(line) {
  if (!active) return;
  if (line === undefined) {
    // Ctrl-D (or the end of piped input).
    if (process.stdin.isTTY) write('\n');
    active = false;
    process.exit();
    return;
  }
  if (line === false) {
    // Ctrl-C: clears the line; twice in a row exits.
    if (buffer !== '') {
      buffer = '';
      lastInterrupt = false;
    } else if (lastInterrupt) {
      active = false;
      process.exit();
      return;
    } else {
      lastInterrupt = true;
      write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
    }
    prompt();
    return;
  }
  lastInterrupt = false;
  const trimmed = line.trim();
  if (buffer === '' && trimmed.startsWith('.')) {
    const [cmd] = trimmed.split(/\s+/);
    switch (cmd) {
      case '.exit':
        active = false;
        process.exit();
        return;
      case '.help':
        write('.break   Sometimes you get stuck, this gets you out\n' +
          '.clear   Alias for .break\n' +
          '.exit    Exit the REPL\n' +
          '.help    Print this help message\n' +
          '.load    Load JS from a file into the REPL session\n' +
          '.save    Save all evaluated commands in this REPL session to a file\n\n' +
          'Press Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n');
        prompt();
        return;
      case '.save': {
        const file = trimmed.slice(5).trim();
        const { writeFile } = internalBinding('repl');
        const ok = writeFile(require('path').resolve(file), session.join('\n') + '\n');
        write(ok ? `Session saved to: ${file}\n` : `Failed to save: ${file}\n`);
        prompt();
        return;
      }
      case '.load': {
        const file = trimmed.slice(5).trim();
        const text = internalBinding('fs').readFileUtf8(require('path').resolve(file));
        if (typeof text !== 'string') {
          write(`Failed to load: ${file}\n`);
        } else {
          evaluate(text);
        }
        prompt();
        return;
      }
      case '.break':
      case '.clear':
        buffer = '';
        prompt();
        return;
      default:
        if (!/^\.\d/.test(trimmed)) {
          write('Invalid REPL keyword\n');
          prompt();
          return;
        }
    }
  }
  if (trimmed === '' && buffer === '') {
    prompt();
    return;
  }
  const code = buffer === '' ? line : `${buffer}\n${line}`;
  const outcome = evaluate(code);
  if (outcome === 'done') session.push(code);
  buffer = outcome === 'more' ? code : '';
  // Let promise jobs and nextTicks queued by the input run before the next prompt is shown.
  setImmediate(prompt);
}

function start() {
  if (active) return;
  active = true;
  write(`Welcome to Lode v${process.versions.lode} (Node.js ${process.version} compatible).\n` +
    'Type ".help" for more information.\n');
  installBuiltinGlobals();
  process.on('uncaughtException', (err) => {
    write(`${uncaughtText(err)}\n`);
  });
  prompt();
}

module.exports = { start, onInput };
