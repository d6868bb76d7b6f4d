'use strict';
// process.emitWarning: emits 'warning' on the next tick and prints `(node:PID) Name: message`
// on stderr, as Node does (unless --no-warnings).

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('type', 'string', type);
  }
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  }
  if (typeof warning === 'string') {
    const w = new Error(warning);
    w.name = String(type || 'Warning');
    if (code !== undefined) w.code = code;
    if (detail !== undefined) w.detail = detail;
    Error.captureStackTrace(w, ctor || process.emitWarning);
    warning = w;
  } else if (!(warning instanceof Error)) {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    // Thrown from the next tick, after the deprecated call has returned, as node does.
    if (process.throwDeprecation) {
      process.nextTick(() => { throw warning; });
      return;
    }
  }
  process.nextTick(doEmitWarning, warning);
}

function doEmitWarning(warning) {
  process.emit('warning', warning);
}

function onWarning(warning) {
  if (process.execArgv.includes('--no-warnings')) return;
  if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
  const trace = process.traceProcessWarnings || (warning.name === 'DeprecationWarning' && process.traceDeprecation);
  let msg = `(node:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += warning.stack;
  } else {
    msg += typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !onWarning.hinted) {
    onWarning.hinted = true;
    const flag = warning.name === 'DeprecationWarning' ? '--trace-deprecation' : '--trace-warnings';
    const argv0 = require('path').basename(process.argv0 || 'lode');
    msg += `\n(Use \`${argv0} ${flag} ...\` to show where the warning was created)`;
  }
  // Through the original global console's error(), as node: a patched process.stderr.write
  // sees it, console.group() indents it, and a broken stderr does not throw.
  require('internal/console').createGlobalConsole().error(msg);
}

module.exports = { emitWarning, onWarning };
