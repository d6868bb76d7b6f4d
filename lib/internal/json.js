'use strict';
// V8's messages for JSON.parse syntax errors (JSON.parse itself: internal/builtin_replacements).
// SpiderMonkey words a syntax error as "JSON.parse: expected
// ',' or '}' after property value in object at line 1 column 7 of the JSON data", V8 as
// "Expected ',' or '}' after property value in JSON at position 6", and programs print
// `err.message`. After the engine's parser fails, the text is scanned again here, as V8's parser
// reads it, to find V8's message and position.

const kEndOfInput = 'Unexpected end of JSON input';
// Inputs V8 names whole: what String(undefined), String(NaN), ... give.
const kSpecialInputs = new Set(['undefined', 'NaN', 'Infinity', '[object Object]']);

const isWhitespace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c) => c >= 0x30 && c <= 0x39;
const isHexDigit = (c) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const at = (phrase, position) => `${phrase} in JSON at position ${position}`;

// V8's message for an unexpected character at `position`, quoting the input (or up to ten
// characters either side of the position when it is 21 characters or longer).
function unexpectedToken(text, position) {
  if (position >= text.length) return kEndOfInput;
  const c = text.charCodeAt(position);
  if (c === 0x22) return at('Unexpected string', position);
  if (c === 0x2d || isDigit(c)) return at('Unexpected number', position);
  if (kSpecialInputs.has(text)) return `"${text}" is not valid JSON`;
  const token = `Unexpected token '${text[position]}', `;
  const n = text.length;
  if (n < 21) return `${token}"${text}" is not valid JSON`;
  if (position < 10) return `${token}"${text.slice(0, position + 10)}"... is not valid JSON`;
  if (position < n - 10) return `${token}..."${text.slice(position - 10, position + 10)}"... is not valid JSON`;
  return `${token}..."${text.slice(position - 10)}" is not valid JSON`;
}

// The message V8's JSON.parse throws for `text`, or undefined if `text` is valid JSON.
function v8JsonSyntaxMessage(text) {
  const n = text.length;
  let i = 0;
  // Open containers: true for an object, false for an array.
  const open = [];
  const skipWhitespace = () => {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
  };
  // Scans the string starting at i (a quote); returns a message on error.
  const scanString = () => {
    for (i++; ; i++) {
      if (i >= n) return at('Unterminated string', n);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        i++;
        if (i >= n) return kEndOfInput;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (i + k >= n || !isHexDigit(text.charCodeAt(i + k))) return at('Bad Unicode escape', i + k);
          }
          i += 4;
        } else if (!'"\\/bfnrt'.includes(e)) {
          return at('Bad escaped character', i);
        }
      } else if (c < 0x20) {
        return at('Bad control character in string literal', i);
      }
    }
  };
  const scanNumber = () => {
    if (text.charCodeAt(i) === 0x2d) {
      i++;
      if (i >= n || !isDigit(text.charCodeAt(i))) return at('No number after minus sign', i);
    }
    if (text.charCodeAt(i) === 0x30) {
      i++;
      if (i < n && isDigit(text.charCodeAt(i))) return at('Unexpected number', i);
    } else {
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (i >= n || !isDigit(text.charCodeAt(i))) return at('Unterminated fractional number', i);
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (i >= n || !isDigit(text.charCodeAt(i))) return at('Exponent part is missing a number', i);
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    return undefined;
  };
  const scanLiteral = (word) => {
    for (let k = 1; k < word.length; k++) {
      if (i + k >= n) return kEndOfInput;
      if (text[i + k] !== word[k]) return unexpectedToken(text, i + k);
    }
    i += word.length;
    return undefined;
  };
  // A property name, then ':' (V8 names the missing ':' only after an object's first name).
  const scanPropertyName = (first) => {
    const error = scanString();
    if (error !== undefined) return error;
    skipWhitespace();
    if (text[i] === ':') {
      i++;
      return undefined;
    }
    return first ? at("Expected ':' after property name", i) : unexpectedToken(text, i);
  };

  for (;;) {
    // A value is expected at i.
    skipWhitespace();
    if (i >= n) return kEndOfInput;
    let error;
    switch (text[i]) {
      case '{':
        i++;
        skipWhitespace();
        if (text[i] === '}') {
          i++;
          break;
        }
        if (text[i] !== '"') return at("Expected property name or '}'", i);
        open.push(true);
        error = scanPropertyName(true);
        if (error !== undefined) return error;
        continue;
      case '[':
        i++;
        skipWhitespace();
        if (text[i] === ']') {
          i++;
          break;
        }
        open.push(false);
        continue;
      case '"': error = scanString(); break;
      case 't': error = scanLiteral('true'); break;
      case 'f': error = scanLiteral('false'); break;
      case 'n': error = scanLiteral('null'); break;
      default:
        if (text[i] === '-' || isDigit(text.charCodeAt(i))) error = scanNumber();
        else return unexpectedToken(text, i);
    }
    if (error !== undefined) return error;
    // After a value: close containers or move to the next element.
    for (;;) {
      skipWhitespace();
      if (open.length === 0) {
        return i < n ? `Unexpected non-whitespace character after JSON at position ${i}` : undefined;
      }
      const inObject = open[open.length - 1];
      const c = text[i];
      if (c === (inObject ? '}' : ']')) {
        i++;
        open.pop();
        continue;
      }
      if (c !== ',') {
        return inObject ? at("Expected ',' or '}' after property value", i) : at("Expected ',' or ']' after array element", i);
      }
      i++;
      if (inObject) {
        skipWhitespace();
        if (text[i] !== '"') return at('Expected double-quoted property name', i);
        error = scanPropertyName(false);
        if (error !== undefined) return error;
      }
      break;
    }
  }
}

module.exports = { v8JsonSyntaxMessage };
