'use strict';

// Static detection of the names a CommonJS module exports, for `import` of CommonJS from an
// ES module. Node v20 decides these names with cjs-module-lexer; this file reproduces its
// results (the detection grammar of its README, and the quirks of its scanner, which decide
// what is a string, a comment, a template or a regular expression) so that the same names are
// exported here.
//
// parse(source) -> { exports: string[], reexports: string[] }; it throws on sources the
// scanner rejects (unbalanced brackets, unterminated strings, `import`/`export` statements),
// and the caller treats those as exporting nothing, as node does.

const CH = (s) => s.charCodeAt(0);
const BANG = CH('!'), QUOTE2 = CH('"'), QUOTE1 = CH("'"), HASH = CH('#'), DOLLAR = CH('$');
const AMP = CH('&'), LPAREN = CH('('), RPAREN = CH(')'), STAR = CH('*'), PLUS = CH('+');
const COMMA = CH(','), MINUS = CH('-'), DOT = CH('.'), SLASH = CH('/'), COLON = CH(':');
const SEMI = CH(';'), EQ = CH('='), GT = CH('>'), LBRACKET = CH('['), BACKSLASH = CH('\\');
const RBRACKET = CH(']'), BACKTICK = CH('`'), LBRACE = CH('{'), RBRACE = CH('}');
const SPACE = 32, LF = 10, CR = 13;

const ID_START_RE = /\p{ID_Start}/u;
const ID_CONTINUE_RE = /[\p{ID_Continue}\u200c\u200d]/u;

function isIdStart(cp) {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 36 || cp === 95;
  return cp >= 0xaa && ID_START_RE.test(String.fromCodePoint(cp));
}

function isIdChar(cp) {
  if (cp < 128) {
    return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) ||
      cp === 36 || cp === 95;
  }
  return cp >= 0xaa && ID_CONTINUE_RE.test(String.fromCodePoint(cp));
}

function isBrOrWs(c) {
  return (c > 8 && c < 14) || c === 32 || c === 160;
}

// ! % & ( ) * + , - . / : ; < = > ? [ ] ^ { | } ~
function isPunctuator(c) {
  return c === 33 || c === 37 || c === 38 || (c > 39 && c < 48) || (c > 57 && c < 64) ||
    c === 91 || c === 93 || c === 94 || (c > 122 && c < 127);
}

// Punctuators after which a `/` starts a regular expression: all but ) ] } and /.
function isExpressionPunctuator(c) {
  return c === 33 || c === 37 || c === 38 || (c > 39 && c < 47 && c !== 41) ||
    (c > 57 && c < 64) || c === 91 || c === 94 || (c > 122 && c < 127 && c !== 125);
}

// Keywords after which a `/` starts a regular expression. The lexer recognises the first
// group even at the very start of the source, the second group only after some other text.
const EXPRESSION_KEYWORDS = ['case', 'do', 'else', 'in', 'new'];
const EXPRESSION_KEYWORDS_NOT_FIRST = ['await', 'debugger', 'delete', 'instanceof', 'return',
  'throw', 'typeof', 'void', 'yield'];

// ---- string literal values -------------------------------------------------------------

function hexValue(c) {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'a' && c <= 'f') return c.charCodeAt(0) - 87;
  if (c >= 'A' && c <= 'F') return c.charCodeAt(0) - 55;
  throw new SyntaxError('bad hex digit');
}

// The value of the quoted literal `lit` (quotes included); throws if it is malformed.
function stringValue(lit) {
  const quote = lit[0];
  let out = '';
  let i = 1;
  while (i < lit.length) {
    const c = lit[i++];
    if (c === quote) return out;
    if (c === '\n' || c === '\r') throw new SyntaxError('line break in string');
    if (c !== '\\') {
      out += c;
      continue;
    }
    if (i >= lit.length) throw new SyntaxError('bad escape');
    const e = lit[i++];
    switch (e) {
      case '\r': if (lit[i] === '\n') i++; break;
      case '\n': case '\u2028': case '\u2029': break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'x': {
        const v = hexValue(lit[i]) * 16 + hexValue(lit[i + 1]);
        i += 2;
        out += String.fromCodePoint(v);
        break;
      }
      case 'u': {
        let v = 0;
        if (lit[i] === '{') {
          i++;
          do {
            v = v * 16 + hexValue(lit[i++]);
            if (v > 0x10ffff) throw new SyntaxError('bad code point');
          } while (lit[i] !== '}');
          i++;
        } else {
          for (let k = 0; k < 4; k++) v = v * 16 + hexValue(lit[i++]);
        }
        out += String.fromCodePoint(v);
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          let v = e.charCodeAt(0) - 48;
          let more = e <= '3' ? 2 : 1;
          while (more-- > 0 && lit[i] >= '0' && lit[i] <= '7') v = v * 8 + lit.charCodeAt(i++) - 48;
          out += String.fromCodePoint(v);
        } else {
          out += e;
        }
    }
  }
  throw new SyntaxError('unterminated string');
}

// A detected name as the lexer reports it: identifiers as written, string literals by value
// (undefined when malformed or holding an unpaired surrogate).
function decode(text) {
  if (text[0] !== '"' && text[0] !== "'") return text;
  let value;
  try {
    value = stringValue(text);
  } catch {
    return undefined;
  }
  for (let i = 0; i < value.length; i++) {
    const kind = value.charCodeAt(i) & 0xfc00;
    if (kind < 0xd800) continue;
    if (kind !== 0xd800 || (value.charCodeAt(++i) & 0xfc00) !== 0xdc00) return undefined;
  }
  return value;
}

function esmSyntaxError(message) {
  const err = new Error(message);
  err.code = 'ERR_LEXER_ESM_SYNTAX';
  return err;
}

// ---- the scanner -----------------------------------------------------------------------

function parse(source) {
  const src = `${source}`;
  const end = src.length - 1;
  const at = (i) => src.charCodeAt(i);
  const startsAt = (text, i) => src.startsWith(text, i);

  let pos = -1;
  let depth = 0; // open ( { ${ count
  let templateDepth = -1; // depth of the innermost open `${`
  const templateStack = [];
  const openerPrev = []; // per depth: position of the token before the opener
  const openerIsClass = []; // per depth: whether the `{` opened a class body
  let nextBraceIsClass = false;
  let lastTokenPos = -1;
  let lastSlashWasDivision = false;

  const exportNames = new Set();
  const unsafeGetters = new Set();
  let reexports = new Set();
  const starBindings = new Map(); // `var _x = require('x')` bindings at top level
  let lastRequireSpecifier;

  const IMPORT = 0, EXPORT_ASSIGN = 1, EXPORT_STAR = 2;

  // -- lexical helpers --

  // Whether a word starting at i is not the tail of a longer word or a property name.
  function keywordStart(i) {
    if (i === 0) return true;
    const c = at(i - 1);
    return isBrOrWs(c) || (isPunctuator(c) && c !== DOT);
  }

  function endsWithKeyword(last, word, firstOk) {
    const start = last - word.length + 1;
    if (start < 0 || !startsAt(word, start)) return false;
    return start === 0 ? firstOk : keywordStart(start);
  }

  const isExpressionKeyword = (last) => EXPRESSION_KEYWORDS.some((w) => endsWithKeyword(last, w, true)) ||
    EXPRESSION_KEYWORDS_NOT_FIRST.some((w) => endsWithKeyword(last, w, false));

  // The token before a `(` makes its `)` end a statement head (if/for/while).
  function isParenKeyword(i) {
    return (at(i) === CH('e') && startsAt('whil', i - 4)) ||
      (at(i) === CH('r') && startsAt('fo', i - 2)) ||
      (at(i - 1) === CH('i') && at(i) === CH('f'));
  }

  // The token before a `{` makes its `}` end a statement block.
  function isExpressionTerminator(i) {
    switch (at(i)) {
      case GT: return at(i - 1) === EQ;
      case SEMI: case RPAREN: return true;
      case CH('h'): return startsAt('catc', i - 4);
      case CH('y'): return startsAt('finall', i - 6);
      case CH('e'): return startsAt('els', i - 3);
    }
    return false;
  }

  function lineComment() {
    while (pos++ < end) {
      const c = at(pos);
      if (c === LF || c === CR) return;
    }
  }

  function blockComment() {
    pos++;
    while (pos++ < end) {
      if (at(pos) === STAR && at(pos + 1) === SLASH) {
        pos++;
        return;
      }
    }
  }

  // Skips whitespace and comments; returns the code unit at pos.
  function skip() {
    let c;
    do {
      c = at(pos);
      if (c === SLASH) {
        const n = at(pos + 1);
        if (n === SLASH) lineComment();
        else if (n === STAR) blockComment();
        else return c;
      } else if (!isBrOrWs(c)) {
        return c;
      }
    } while (pos++ < end);
    return c;
  }

  // Skips space, then consumes `text` if it comes next.
  function word(text) {
    skip();
    if (!startsAt(text, pos)) return false;
    pos += text.length;
    return true;
  }

  // Consumes an identifier at pos (no escapes).
  function identifier() {
    let cp = src.codePointAt(pos);
    if (!isIdStart(cp)) return false;
    pos += cp > 0xffff ? 2 : 1;
    while ((cp = src.codePointAt(pos)) && isIdChar(cp)) pos += cp > 0xffff ? 2 : 1;
    return true;
  }

  // pos is on the opening quote; leaves pos on the closing one.
  function stringLiteral(quote) {
    while (pos++ < end) {
      const c = at(pos);
      if (c === quote) return;
      if (c === BACKSLASH) {
        if (at(++pos) === CR && at(pos + 1) === LF) pos++;
      } else if (c === LF || c === CR) {
        break;
      }
    }
    throw new SyntaxError('Unterminated string.');
  }

  function templateString() {
    while (pos++ < end) {
      const c = at(pos);
      if (c === DOLLAR && at(pos + 1) === LBRACE) {
        pos++;
        templateStack.push(templateDepth);
        templateDepth = ++depth;
        return;
      }
      if (c === BACKTICK) return;
      if (c === BACKSLASH) pos++;
    }
    throw new SyntaxError('Unterminated template.');
  }

  function regularExpression() {
    while (pos++ < end) {
      const c = at(pos);
      if (c === SLASH) return;
      if (c === LBRACKET) {
        let closed = false;
        while (pos++ < end) {
          const k = at(pos);
          if (k === RBRACKET) { closed = true; break; }
          if (k === BACKSLASH) pos++;
          else if (k === LF || k === CR) break;
        }
        if (!closed) throw new SyntaxError('Syntax error reading regular expression class.');
      } else if (c === BACKSLASH) {
        pos++;
      } else if (c === LF || c === CR) {
        break;
      }
    }
    throw new SyntaxError('Syntax error reading regular expression.');
  }

  // `module.exports` or `exports` at pos (after space).
  function exportsRef() {
    const back = pos;
    if (startsAt('module', pos)) {
      pos += 6;
      if (skip() !== DOT) { pos = back; return false; }
      pos++;
      skip();
    }
    if (startsAt('exports', pos)) {
      pos += 7;
      return true;
    }
    pos = back;
    return false;
  }

  // `require(STRING)` with pos on the `r` (only `equire` is checked after it).
  function requireCall(kind) {
    const back = pos;
    if (!startsAt('equire', pos + 1)) return false;
    pos += 7;
    if (skip() === LPAREN) {
      pos++;
      const q = skip();
      if (q === QUOTE1 || q === QUOTE2) {
        const start = pos;
        stringLiteral(q);
        const stop = ++pos;
        if (skip() === RPAREN) {
          const spec = decode(src.slice(start, stop));
          if (kind === IMPORT) lastRequireSpecifier = spec;
          else reexports.add(spec);
          return true;
        }
      }
    }
    pos = back;
    return false;
  }

  // After a top-level `require('x')` starting at b + 1: is it `var|let|const NAME = ` it?
  function bindStarExport(b) {
    while (at(b) === SPACE && b >= 0) b--;
    if (at(b) !== EQ) return;
    b--;
    while (at(b) === SPACE && b >= 0) b--;
    const nameEnd = b;
    let startsName = false;
    let cp;
    const cpBefore = (i) => {
      const c = at(i);
      if ((c & 0xfc00) === 0xdc00) return (((at(i - 1) & 0x3ff) << 10) | (c & 0x3ff)) + 0x10000;
      return c;
    };
    while ((cp = cpBefore(b)) && b >= 0) {
      if (cp === BACKSLASH) return;
      if (!isIdChar(cp)) break;
      startsName = isIdStart(cp);
      b -= cp > 0xffff ? 2 : 1;
    }
    if (!startsName || at(b) !== SPACE) return;
    const name = src.slice(b + 1, nameEnd + 1);
    while (at(b) === SPACE && b >= 0) b--;
    const c = at(b);
    if (c === CH('r')) {
      if (!startsAt('va', b - 2)) return;
    } else if (c === CH('t')) {
      if (!startsAt('le', b - 2) && !startsAt('cons', b - 4)) return;
    } else {
      return;
    }
    starBindings.set(name, lastRequireSpecifier);
  }

  // `module.exports = { a, b: c, 'd': e, ...f, ...require('g') }`; pos on the `{`.
  function literalExports() {
    const back = pos - 1;
    while (pos++ < end) {
      let c = skip();
      const start = pos;
      if (identifier()) {
        const stop = pos;
        c = skip();
        if (c === COLON) {
          pos++;
          skip();
          if (!identifier()) { pos = back; return; }
          c = at(pos);
        }
        exportNames.add(src.slice(start, stop));
      } else if (c === DOT && startsAt('..', pos + 1)) {
        pos += 3;
        if (at(pos) === CH('r') && requireCall(EXPORT_ASSIGN)) pos++;
        else if (!identifier()) { pos = back; return; }
        c = skip();
      } else if (c === QUOTE1 || c === QUOTE2) {
        stringLiteral(c);
        const stop = ++pos;
        c = skip();
        if (c === COLON) {
          pos++;
          skip();
          if (!identifier()) { pos = back; return; }
          c = at(pos);
          exportNames.add(decode(src.slice(start, stop)));
        }
      } else {
        pos = back;
        return;
      }
      if (c === RBRACE) return;
      if (c !== COMMA) { pos = back; return; }
    }
  }

  // `exports.a =`, `exports['a'] =`, and with `assign` (after `module.`) `module.exports =`.
  // pos on the `e` of `exports`.
  function exportsMember(assign) {
    pos += 7;
    const back = pos - 1;
    const c = skip();
    if (c === DOT) {
      pos++;
      skip();
      const start = pos;
      if (identifier()) {
        const stop = pos;
        if (skip() === EQ) {
          exportNames.add(src.slice(start, stop));
          return;
        }
      }
    } else if (c === LBRACKET) {
      pos++;
      const q = skip();
      if (q === QUOTE1 || q === QUOTE2) {
        const start = pos;
        stringLiteral(q);
        const stop = ++pos;
        if (skip() === RBRACKET) {
          pos++;
          if (skip() === EQ) exportNames.add(decode(src.slice(start, stop)));
        }
      }
    } else if (c === EQ && assign) {
      if (reexports.size) reexports = new Set();
      pos++;
      const v = skip();
      if (v === LBRACE) {
        literalExports();
        return;
      }
      if (v === CH('r')) requireCall(EXPORT_ASSIGN);
    }
    pos = back;
  }

  function moduleExports() {
    pos += 6;
    const back = pos - 1;
    if (skip() === DOT) {
      pos++;
      if (skip() === CH('e') && startsAt('xports', pos + 1)) {
        exportsMember(true);
        return;
      }
    }
    pos = back;
  }

  // `function NAME? ()` after `get:`; pos after `:`.
  function getterFunctionHead() {
    if (!word('function')) return false;
    const before = pos;
    const c = skip();
    if (c !== LPAREN && (before === pos || !identifier())) return false;
    return true;
  }

  // `get` (`: function NAME?`)? `() {` with pos after `get`.
  function getterHead() {
    if (skip() === COLON) {
      pos++;
      if (!getterFunctionHead()) return false;
    }
    if (skip() !== LPAREN) return false;
    pos++;
    return word(')') && word('{');
  }

  const optional = (c) => {
    if (skip() === c) pos++;
  };

  // Object.defineProperty(EXPORTS, 'name', { ... }); pos after `defineProperty`.
  // Returns 'value', 'getter' (pos on the closing paren) or the raw name of an unsafe define
  // (or undefined if no name was read).
  function defineExport() {
    if (!word('(')) return undefined;
    skip();
    if (!exportsRef() || !word(',')) return undefined;
    const q = skip();
    if (q !== QUOTE1 && q !== QUOTE2) return undefined;
    const start = pos;
    stringLiteral(q);
    const name = src.slice(start, ++pos);
    const unsafe = { unsafe: name };
    if (!word(',') || !word('{')) return unsafe;
    let c = skip();
    if (c === CH('e')) {
      if (!word('enumerable') || !word(':') || !word('true') || !word(',')) return unsafe;
      c = skip();
    }
    if (c === CH('v')) {
      if (!startsAt('value', pos)) return unsafe;
      pos += 5;
      if (skip() !== COLON) return unsafe;
      exportNames.add(decode(name));
      return { value: true };
    }
    if (c !== CH('g') || !startsAt('get', pos)) return unsafe;
    pos += 3;
    if (!getterHead() || !word('return')) return unsafe;
    skip();
    if (!identifier()) return unsafe;
    c = skip();
    if (c === DOT) {
      pos++;
      skip();
      if (!identifier()) return unsafe;
    } else if (c === LBRACKET) {
      pos++;
      const k = skip();
      if (k !== QUOTE1 && k !== QUOTE2) return unsafe;
      stringLiteral(k);
      pos++;
      if (!word(']')) return unsafe;
    }
    optional(SEMI);
    if (!word('}')) return unsafe;
    optional(COMMA);
    if (!word('}') || skip() !== RPAREN) return unsafe;
    exportNames.add(decode(name));
    return { getter: true };
  }

  // `Object.prototype?.hasOwnProperty.call(ID, it)`.
  function hasOwnCall(it) {
    if (!word('Object') || !word('.')) return false;
    if (skip() === CH('p') && (!word('prototype') || !word('.'))) return false;
    if (!word('hasOwnProperty') || !word('.') || !word('call') || !word('(')) return false;
    skip();
    return identifier() && word(',') && word(it) && word(')');
  }

  // The filter at the start of Babel's re-export loop body; pos after `if (it`.
  function babelKeyFilter(id, it) {
    let c = skip();
    if (c === EQ) {
      const quoted = (text) => {
        const q = skip();
        if (q !== QUOTE1 && q !== QUOTE2) return false;
        if (!startsAt(text, pos + 1)) return false;
        pos += text.length + 1;
        if (skip() !== q) return false;
        pos++;
        return true;
      };
      if (!word('===') || !quoted('default') || !word('||') || !word(it) || !word('===') ||
          !quoted('__esModule') || !word(')') || !word('return')) return false;
      optional(SEMI);
      c = skip();
      if (c === CH('i') && at(pos + 1) === CH('f')) {
        pos += 2;
        if (!word('(')) return false;
        let inIf = true;
        const inner = pos;
        if (hasOwnCall(it)) {
          if (!word(')') || !word('return')) return false;
          optional(SEMI);
          c = skip();
          if (c === CH('i') && at(pos + 1) === CH('f')) {
            pos += 2;
            if (!word('(')) return false;
          } else {
            inIf = false;
          }
        } else {
          pos = inner;
        }
        if (inIf) {
          if (!startsAt(it, pos)) return false;
          pos += it.length;
          if (!word('in ')) return false;
          skip();
          if (!exportsRef() || !word('&&')) return false;
          skip();
          if (!exportsRef() || !word('[') || !word(it) || !word(']') || !word('===') ||
              !word(id) || !word('[') || !word(it) || !word(']') || !word(')') ||
              !word('return')) return false;
          optional(SEMI);
        }
      }
      return true;
    }
    if (c === BANG) {
      if (!word('!==')) return false;
      const q = skip();
      if ((q !== QUOTE1 && q !== QUOTE2) || !startsAt('default', pos + 1)) return false;
      pos += 8;
      if (skip() !== q) return false;
      pos++;
      c = skip();
      if (c === AMP) {
        if (at(pos + 1) !== AMP) return false;
        pos += 2;
        if (!word('!')) return false;
        c = skip();
        if (c === CH('O') && startsAt('bject', pos + 1) && at(pos + 6) === DOT) {
          if (!hasOwnCall(it)) return false;
        } else if (identifier()) {
          if (!word('.') || !word('hasOwnProperty') || !word('(') || !word(it) || !word(')')) return false;
        } else {
          return false;
        }
        c = skip();
      }
      if (c !== RPAREN) return false;
      pos++;
      return true;
    }
    return false;
  }

  // The copy statement of Babel's re-export loop.
  function babelCopy(id, it) {
    const c = skip();
    if (exportsRef()) {
      if (!word('[') || !word(it) || !word(']') || !word('=') || !word(id) || !word('[') ||
          !word(it) || !word(']')) return false;
      optional(SEMI);
      return true;
    }
    if (c !== CH('O')) return false;
    if (!word('Object') || !word('.') || !word('defineProperty') || !word('(')) return false;
    skip();
    if (!exportsRef() || !word(',') || !word(it) || !word(',') || !word('{') ||
        !word('enumerable') || !word(':')) return false;
    // Only the first letter of `true` is really looked at here.
    if (skip() !== CH('t') && !startsAt('rue', pos + 1)) return false;
    pos += 4;
    if (!word(',') || !word('get')) return false;
    if (!getterHead() || !word('return') || !word(id) || !word('[') || !word(it) || !word(']')) {
      return false;
    }
    optional(SEMI);
    if (!word('}')) return false;
    optional(COMMA);
    if (!word('}') || !word(')')) return false;
    optional(SEMI);
    return true;
  }

  // `Object.defineProperty(...)` anywhere, `Object.keys(_x).forEach(...)` at top level;
  // pos on the `O`.
  function objectCall(topLevel) {
    pos += 6;
    let back = pos - 1;
    if (skip() === DOT) {
      pos++;
      const c = skip();
      if (c === CH('d') && startsAt('efineProperty', pos + 1)) {
        pos += 14;
        back = pos - 1;
        const r = defineExport();
        if (r && r.getter) return;
        if (r && r.unsafe !== undefined) unsafeGetters.add(decode(r.unsafe));
      } else if (topLevel && c === CH('k') && startsAt('eys', pos + 1)) {
        pos += 4;
        back = pos - 1;
        const result = (() => {
          if (!word('(')) return false;
          skip();
          const idStart = pos;
          if (!identifier()) return false;
          const id = src.slice(idStart, pos);
          if (skip() !== RPAREN) return false;
          back = pos++;
          if (!word('.') || !word('forEach')) return false;
          skip();
          back = pos - 1;
          if (!word('(') || !word('function') || !word('(')) return false;
          skip();
          const itStart = pos;
          if (!identifier()) return false;
          const it = src.slice(itStart, pos);
          if (!word(')') || !word('{') || !word('if') || !word('(') || !word(it)) return false;
          if (!babelKeyFilter(id, it) || !babelCopy(id, it)) return false;
          if (!word('}') || skip() !== RPAREN) return false;
          return { id };
        })();
        if (result) {
          const spec = starBindings.get(result.id);
          if (spec) {
            reexports.add(decode(spec));
            pos = back;
          }
          return;
        }
      }
    }
    pos = back;
  }

  function throwIfImportStatement() {
    const start = pos;
    pos += 6;
    const c = skip();
    if (c === LPAREN) {
      openerPrev[depth++] = start;
      return;
    }
    if (c === DOT) throw esmSyntaxError('Unexpected import.meta in CJS module.');
    if (c !== QUOTE1 && c !== QUOTE2 && c !== LBRACE && c !== STAR && pos === start + 6) return;
    throw esmSyntaxError('Unexpected import statement in CJS module.');
  }

  function throwIfExportStatement() {
    pos += 6;
    const here = pos;
    const c = skip();
    if (pos === here && !isPunctuator(c)) return;
    throw esmSyntaxError('Unexpected export statement in CJS module.');
  }

  function slashStartsRegex() {
    const last = at(lastTokenPos);
    const prev = at(lastTokenPos - 1);
    return (isExpressionPunctuator(last) &&
        !(last === DOT && prev >= 48 && prev <= 57) &&
        !(last === PLUS && prev === PLUS) && !(last === MINUS && prev === MINUS)) ||
      (last === RPAREN && isParenKeyword(openerPrev[depth])) ||
      (last === RBRACE && (isExpressionTerminator(openerPrev[depth]) || openerIsClass[depth])) ||
      (last === SLASH && lastSlashWasDivision) ||
      isExpressionKeyword(lastTokenPos) ||
      !last;
  }

  // -- main loop --

  if (at(0) === HASH && at(1) === BANG) {
    if (src.length === 2) return { exports: [], reexports: [] };
    pos += 2;
    while (pos++ < end) {
      const c = at(pos);
      if (c === LF || c === CR) break;
    }
  }

  while (pos++ < end) {
    const c = at(pos);
    if (c === SPACE || (c < 14 && c > 8)) continue;

    if (depth === 0) {
      if (c === CH('i')) {
        if (startsAt('mport', pos + 1) && keywordStart(pos)) throwIfImportStatement();
        lastTokenPos = pos;
        continue;
      }
      if (c === CH('r')) {
        const start = pos;
        if (requireCall(IMPORT) && keywordStart(start)) bindStarExport(start - 1);
        lastTokenPos = pos;
        continue;
      }
      if (c === CH('_')) {
        if (startsAt('interopRequireWildcard', pos + 1) && (keywordStart(pos) || at(pos - 1) === DOT)) {
          const start = pos;
          pos += 23;
          if (at(pos) === LPAREN) {
            pos++;
            openerPrev[depth++] = lastTokenPos;
            if (requireCall(IMPORT) && keywordStart(start)) bindStarExport(start - 1);
          }
        } else if (startsAt('_export', pos + 1) && (keywordStart(pos) || at(pos - 1) === DOT)) {
          pos += 8;
          if (startsAt('Star', pos)) pos += 4;
          if (at(pos) === LPAREN) {
            openerPrev[depth++] = lastTokenPos;
            if (at(pos + 1) === CH('r')) {
              pos++;
              requireCall(EXPORT_STAR);
            }
          }
        }
        lastTokenPos = pos;
        continue;
      }
    }

    switch (c) {
      case CH('e'):
        if (startsAt('xport', pos + 1) && keywordStart(pos)) {
          if (at(pos + 6) === CH('s')) exportsMember(false);
          else if (depth === 0) throwIfExportStatement();
        }
        break;
      case CH('c'):
        if (keywordStart(pos) && startsAt('lass', pos + 1) && isBrOrWs(at(pos + 5))) nextBraceIsClass = true;
        break;
      case CH('m'):
        if (startsAt('odule', pos + 1) && keywordStart(pos)) moduleExports();
        break;
      case CH('O'):
        if (startsAt('bject', pos + 1) && keywordStart(pos)) objectCall(depth === 0);
        break;
      case LPAREN:
        openerPrev[depth++] = lastTokenPos;
        break;
      case RPAREN:
        if (depth === 0) throw new SyntaxError('Unexpected closing bracket.');
        depth--;
        break;
      case LBRACE:
        openerIsClass[depth] = nextBraceIsClass;
        nextBraceIsClass = false;
        openerPrev[depth++] = lastTokenPos;
        break;
      case RBRACE:
        if (depth === 0) throw new SyntaxError('Unexpected closing brace.');
        if (depth-- === templateDepth) {
          templateDepth = templateStack.pop();
          templateString();
        } else if (templateDepth !== -1 && depth < templateDepth) {
          throw new SyntaxError('Unexpected closing brace.');
        }
        break;
      case QUOTE1:
      case QUOTE2:
        stringLiteral(c);
        break;
      case SLASH: {
        const n = at(pos + 1);
        if (n === SLASH) {
          lineComment();
          continue;
        }
        if (n === STAR) {
          blockComment();
          continue;
        }
        if (slashStartsRegex()) {
          regularExpression();
          lastSlashWasDivision = false;
        } else {
          lastSlashWasDivision = true;
        }
        break;
      }
      case BACKTICK:
        templateString();
        break;
    }
    lastTokenPos = pos;
  }

  if (templateDepth !== -1) throw new SyntaxError('Unterminated template.');
  if (depth) throw new SyntaxError('Unterminated braces.');

  return {
    exports: [...exportNames].filter((n) => n !== undefined && !unsafeGetters.has(n)),
    reexports: [...reexports].filter((r) => r !== undefined),
  };
}

module.exports = { parse };
