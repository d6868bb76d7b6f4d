'use strict';
// readline.emitKeypressEvents(stream[, interface]): decodes the stream's 'data' into
// 'keypress' events while anyone listens for them. A lone ESC at the end of a chunk waits
// escapeCodeTimeout ms for the rest of a sequence before it counts as the escape key.

const { StringDecoder } = require('string_decoder');
const { charLengthAt, emitKeys, kSawKeyPress, CSI: { kEscape } } = require('internal/readline/utils');

const kDecoder = Symbol('keypress-decoder');
const kKeyParser = Symbol('escape-decoder');
const ESCAPE_CODE_TIMEOUT = 500;

function newParser(stream) {
  const parser = emitKeys(stream);
  parser.next();
  return parser;
}

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kDecoder]) return;
  stream[kDecoder] = new StringDecoder('utf8');
  stream[kKeyParser] = newParser(stream);

  const { escapeCodeTimeout = ESCAPE_CODE_TIMEOUT } = iface;
  let timer;
  const flushEscape = () => stream[kKeyParser].next('');

  function onData(chunk) {
    if (stream.listenerCount('keypress') === 0) {
      // Nobody listens any more: stop decoding until someone does.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
      return;
    }
    const text = stream[kDecoder].write(chunk);
    if (!text) return;
    clearTimeout(timer);
    // A chunk holding one character is a key press; more is a paste, during which tab
    // completion is off until its last character.
    iface[kSawKeyPress] = charLengthAt(text, 0) === text.length;
    iface.isCompletionEnabled = false;
    let seen = 0;
    for (const ch of text) {
      seen += ch.length;
      const last = seen === text.length;
      if (last) iface.isCompletionEnabled = true;
      try {
        stream[kKeyParser].next(ch);
        if (last && ch === kEscape) timer = setTimeout(flushEscape, escapeCodeTimeout);
      } catch (err) {
        // A 'keypress' listener threw: start a fresh parser, then let the error through.
        stream[kKeyParser] = newParser(stream);
        throw err;
      }
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

module.exports = emitKeypressEvents;
