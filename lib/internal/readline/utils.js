'use strict';
// Helpers shared by readline: the CSI escape-sequence builder, UTF-16 aware character
// lengths, the common prefix of completions and the keypress decoder (a generator that is fed
// one character at a time, or '' when an escape sequence timed out, and emits 'keypress').

const ESC = '\x1b';
const kSubstringSearch = Symbol('kSubstringSearch');
// Set by emitKeypressEvents on the interface it serves: whether the last chunk was one key.
const kSawKeyPress = Symbol('_sawKeyPress');

// Tagged template: CSI`${n}G` is '\x1b[<n>G'.
function CSI(strings, ...args) {
  let out = `${ESC}[`;
  for (let i = 0; i < strings.length; i++) {
    out += strings[i];
    if (i < args.length) out += args[i];
  }
  return out;
}
CSI.kEscape = ESC;
CSI.kClearToLineBeginning = `${ESC}[1K`;
CSI.kClearToLineEnd = `${ESC}[0K`;
CSI.kClearLine = `${ESC}[2K`;
CSI.kClearScreenDown = `${ESC}[0J`;

const isAstral = (str, i) => str.codePointAt(i) >= 0x10000;

// UTF-16 units of the character that ends at index i.
function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  return (i > 1 && isAstral(str, i - 2)) || isAstral(str, i - 1) ? 2 : 1;
}

// UTF-16 units of the character that starts at index i (1 past the end, so that moving
// right at the end still "moves").
function charLengthAt(str, i) {
  if (i >= str.length) return 1;
  return isAstral(str, i) ? 2 : 1;
}

function commonPrefix(strings) {
  if (strings.length === 0) return '';
  if (strings.length === 1) return strings[0];
  const sorted = strings.slice().sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  let i = 0;
  while (i < first.length && first[i] === last[i]) i++;
  return first.slice(0, i);
}

// Key names of the escape sequences (the part after ESC, modifiers removed). A second
// element adds a modifier the sequence implies (rxvt encodes shift/ctrl in the final byte).
const escapeNames = {
  __proto__: null,
  // xterm / gnome: ESC [ letter and ESC O letter
  '[P': ['f1'], '[Q': ['f2'], '[R': ['f3'], '[S': ['f4'],
  'OP': ['f1'], 'OQ': ['f2'], 'OR': ['f3'], 'OS': ['f4'],
  // xterm / rxvt: ESC [ number ~
  '[11~': ['f1'], '[12~': ['f2'], '[13~': ['f3'], '[14~': ['f4'],
  // bracketed paste
  '[200~': ['paste-start'], '[201~': ['paste-end'],
  // cygwin / libuv
  '[[A': ['f1'], '[[B': ['f2'], '[[C': ['f3'], '[[D': ['f4'], '[[E': ['f5'],
  '[15~': ['f5'], '[17~': ['f6'], '[18~': ['f7'], '[19~': ['f8'],
  '[20~': ['f9'], '[21~': ['f10'], '[23~': ['f11'], '[24~': ['f12'],
  '[A': ['up'], '[B': ['down'], '[C': ['right'], '[D': ['left'],
  '[E': ['clear'], '[F': ['end'], '[H': ['home'],
  'OA': ['up'], 'OB': ['down'], 'OC': ['right'], 'OD': ['left'],
  'OE': ['clear'], 'OF': ['end'], 'OH': ['home'],
  '[1~': ['home'], '[2~': ['insert'], '[3~': ['delete'], '[4~': ['end'],
  '[5~': ['pageup'], '[6~': ['pagedown'],
  // putty
  '[[5~': ['pageup'], '[[6~': ['pagedown'],
  // rxvt
  '[7~': ['home'], '[8~': ['end'],
  '[a': ['up', 'shift'], '[b': ['down', 'shift'], '[c': ['right', 'shift'],
  '[d': ['left', 'shift'], '[e': ['clear', 'shift'],
  '[2$': ['insert', 'shift'], '[3$': ['delete', 'shift'], '[5$': ['pageup', 'shift'],
  '[6$': ['pagedown', 'shift'], '[7$': ['home', 'shift'], '[8$': ['end', 'shift'],
  'Oa': ['up', 'ctrl'], 'Ob': ['down', 'ctrl'], 'Oc': ['right', 'ctrl'],
  'Od': ['left', 'ctrl'], 'Oe': ['clear', 'ctrl'],
  '[2^': ['insert', 'ctrl'], '[3^': ['delete', 'ctrl'], '[5^': ['pageup', 'ctrl'],
  '[6^': ['pagedown', 'ctrl'], '[7^': ['home', 'ctrl'], '[8^': ['end', 'ctrl'],
  '[Z': ['tab', 'shift'],
};

const isDigit = (ch) => ch >= '0' && ch <= '9';

// Decodes keys from characters pushed with next(ch). Sequences understood:
//   ESC letter, ESC [ letter, ESC [ mod letter, ESC [ 1 ; mod letter, ESC [ num char,
//   ESC [ num ; mod char, ESC O letter, ESC O mod letter, ESC [ [ ..., ESC ESC ...
// where char is ~, ^ or $ and mod is 1 + shift*1 + alt*2 + ctrl*4 + meta*8.
function* emitKeys(stream) {
  for (;;) {
    let ch = yield;
    let seq = ch;
    let escaped = false;
    const key = { sequence: null, name: undefined, ctrl: false, meta: false, shift: false };

    if (ch === ESC) {
      escaped = true;
      ch = yield;
      seq += ch;
      if (ch === ESC) {
        ch = yield;
        seq += ch;
      }
    }

    if (escaped && (ch === 'O' || ch === '[')) {
      let code = ch;
      let modifier = 0;
      if (ch === 'O') {
        ch = yield;
        seq += ch;
        if (isDigit(ch)) {
          modifier = Number(ch) - 1;
          ch = yield;
          seq += ch;
        }
        code += ch;
      } else {
        ch = yield;
        seq += ch;
        if (ch === '[') {
          code += ch;
          ch = yield;
          seq += ch;
        }
        // Gather enough of the sequence to recognise it: up to three digits, then an
        // optional ";" with a one-digit modifier, then the final character.
        const start = seq.length - 1;
        for (let n = 0; n < 3 && isDigit(ch); n++) {
          ch = yield;
          seq += ch;
        }
        if (ch === ';') {
          ch = yield;
          seq += ch;
          if (isDigit(ch)) seq += yield;
        }
        const cmd = seq.slice(start);
        let m = /^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$/.exec(cmd);
        if (m !== null) {
          if (m[4]) {
            code += m[4];
          } else {
            code += m[1] + m[3];
            modifier = (m[2] || 1) - 1;
          }
        } else if ((m = /^((\d;)?(\d))?([A-Za-z])$/.exec(cmd)) !== null) {
          code += m[4];
          modifier = (m[3] || 1) - 1;
        } else {
          code += cmd;
        }
      }

      key.ctrl = (modifier & 4) !== 0;
      key.meta = (modifier & 10) !== 0;
      key.shift = (modifier & 1) !== 0;
      key.code = code;
      const named = escapeNames[code];
      if (named === undefined) {
        key.name = 'undefined';
      } else {
        key.name = named[0];
        if (named[1]) key[named[1]] = true;
      }
    } else if (ch === '\r') {
      key.name = 'return';
      key.meta = escaped;
    } else if (ch === '\n') {
      key.name = 'enter';
      key.meta = escaped;
    } else if (ch === '\t') {
      key.name = 'tab';
      key.meta = escaped;
    } else if (ch === '\b' || ch === '\x7f') {
      key.name = 'backspace';
      key.meta = escaped;
    } else if (ch === ESC) {
      key.name = 'escape';
      key.meta = escaped;
    } else if (ch === ' ') {
      key.name = 'space';
      key.meta = escaped;
    } else if (!escaped && ch <= '\x1a') {
      // Ctrl + letter (NUL becomes "`").
      key.name = String.fromCharCode(ch.charCodeAt(0) + 96);
      key.ctrl = true;
    } else if (/^[0-9A-Za-z]$/.test(ch)) {
      key.name = ch.toLowerCase();
      key.shift = ch >= 'A' && ch <= 'Z';
      key.meta = escaped;
    } else if (escaped) {
      // ESC followed by something else, or the escape timeout ('').
      key.name = ch.length ? undefined : 'escape';
      key.meta = true;
    }

    key.sequence = seq;
    if (seq.length !== 0 && (key.name !== undefined || escaped)) {
      stream.emit('keypress', escaped ? undefined : seq, key);
    } else if (charLengthAt(seq, 0) === seq.length) {
      // A single unnamed character such as "." or "é".
      stream.emit('keypress', seq, key);
    }
    // Anything else is a broken sequence and is dropped.
  }
}

module.exports = {
  CSI,
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  emitKeys,
  kSubstringSearch,
  kSawKeyPress,
};
