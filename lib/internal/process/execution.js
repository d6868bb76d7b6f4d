'use strict';
// Uncaught exceptions and running the entry point (file, -e, -p, stdin).

const { writeString, readFileUtf8 } = {
  writeString: internalBinding('process').writeString,
  readFileUtf8: internalBinding('fs').readFileUtf8,
};

let handlingFatal = false;
// The source excerpt to print above an error Lode raises on node's behalf.
const kReportSource = Symbol('kReportSource');

function exitWith(code) {
  const { reallyExit } = internalBinding('process');
  reallyExit(code);
}

// Node's report for an uncaught exception, printed on stderr.
function printFatal(err, fromPromise) {
  const { inspect } = require('internal/util/inspect');
  const { firstFrame } = require('internal/error_stack');
  let out = '';
  const isErrorLike = err !== null && typeof err === 'object' && typeof err.stack === 'string';
  let frame = isErrorLike ? firstFrame(err) : undefined;
  // A syntax error points at the offending source, not at the code that compiled it.
  if (err instanceof SyntaxError && typeof err.fileName === 'string' && typeof err.lineNumber === 'number' &&
      !err.fileName.startsWith('node:')) {
    frame = { file: err.fileName, line: err.lineNumber, column: err.columnNumber || 1 };
    fromPromise = true;
  }
  if (isErrorLike && typeof err[kReportSource] === 'string') {
    out += err[kReportSource];
  } else if (frame && frame.file && !frame.file.startsWith('node:') && !frame.file.endsWith('-wrapper')) {
    const source = sourceLine(frame.file, frame.line);
    if (source !== undefined) {
      let col = frame.column - 1;
      // The caret of a `throw` statement points at `throw`, as V8 does.
      const before = source.slice(0, col);
      const m = /throw\s+$/.exec(before);
      if (m && !fromPromise) col = m.index;
      out += `${frame.file}:${frame.line}\n${source}\n${' '.repeat(Math.max(0, col))}^\n\n`;
    }
  } else if (!isErrorLike) {
    out += '\n';
  }
  if (isErrorLike) {
    let text;
    try {
      text = inspect(err, { colors: false });
    } catch {
      text = String(err.stack);
    }
    out += text;
  } else {
    let text;
    try {
      text = inspect(err);
    } catch {
      text = String(err);
    }
    out += `Uncaught ${text}`;
    out = out.replace('Uncaught ', fromPromise ? '' : '');
    out += '\n(Use `lode --trace-uncaught ...` to show where the exception was thrown)';
  }
  out += `\n\nNode.js ${process.version} (Lode v${process.versions.lode})\n`;
  writeString(2, out);
}

function sourceLine(file, line) {
  const entry = internalBinding('process');
  let text;
  if (file === '[eval]' || file === '[stdin]') text = entry.entrySource;
  else if (file.startsWith('file://')) text = readFileUtf8(decodeURIComponent(file.slice(7)));
  else text = readFileUtf8(file);
  if (typeof text !== 'string') return undefined;
  const lines = text.split(/\r?\n/);
  return lines[line - 1];
}

// process.setUncaughtExceptionCaptureCallback's function, or null.
const uncaughtCapture = { fn: null };

function triggerUncaughtException(err, fromPromise) {
  if (handlingFatal) {
    // An exception inside the uncaughtException machinery: report and leave with code 7.
    try { printFatal(err, fromPromise); } catch { /* nothing more to do */ }
    exitWith(7);
  }
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  try {
    handlingFatal = true;
    process.emit('uncaughtExceptionMonitor', err, origin);
    if (uncaughtCapture.fn !== null) {
      uncaughtCapture.fn(err);
      handlingFatal = false;
      return;
    }
    if (process.listenerCount('uncaughtException') > 0) {
      process.emit('uncaughtException', err, origin);
      handlingFatal = false;
      return;
    }
  } catch (inner) {
    handlingFatal = true;
    try { printFatal(inner, false); } catch { /* ignore */ }
    exitWith(7);
  }
  // Nobody handled it: as in node, 'exit' is emitted (once) with code 1 before the report is
  // printed, and an 'exit' listener may still choose the exit code by setting process.exitCode.
  handlingFatal = false;
  try {
    if (!process._exiting) {
      process._exiting = true;
      process.exitCode = 1;
      process.emit('exit', 1);
    }
  } catch { /* nothing more can be done at this point */ }
  printFatal(err, fromPromise);
  const code = process.exitCode;
  exitWith(code === undefined || code === null ? 1 : code | 0);
}

module.exports = { triggerUncaughtException, printFatal, kReportSource, uncaughtCapture };
