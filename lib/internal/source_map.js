'use strict';
// module.SourceMap: a parsed source map (v3, including index maps with sections) that answers
// "which original position produced this generated one" (findEntry, findOrigin), as node's.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const digitOf = new Int8Array(128).fill(-1);
for (let i = 0; i < base64.length; i++) digitOf[base64.charCodeAt(i)] = i;

// Decodes one segment's base64 VLQ numbers from `str` starting at `pos` into `out`; returns
// the position after the segment.
function decodeSegment(str, pos, out) {
  out.length = 0;
  let value = 0;
  let shift = 0;
  while (pos < str.length) {
    const c = str.charCodeAt(pos);
    if (c === 44 /* , */ || c === 59 /* ; */) break;
    pos++;
    const digit = c < 128 ? digitOf[c] : -1;
    if (digit === -1) throw new Error(`Invalid base64 VLQ character: ${str[pos - 1]}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return pos;
}

// [generatedLine, generatedColumn, source, originalLine, originalColumn, name] per mapping.
function parseMappings(map, lineOffset, columnOffset, entries) {
  const sources = map.sources || [];
  const names = map.names || [];
  const str = map.mappings || '';
  let line = 0;
  let column = 0;
  let source = 0;
  let oLine = 0;
  let oColumn = 0;
  let name = 0;
  const seg = [];
  let pos = 0;
  while (pos < str.length) {
    const c = str.charCodeAt(pos);
    if (c === 59) {
      line++;
      column = 0;
      pos++;
      continue;
    }
    if (c === 44) {
      pos++;
      continue;
    }
    pos = decodeSegment(str, pos, seg);
    column += seg[0];
    const gLine = line + lineOffset;
    const gColumn = line === 0 ? column + columnOffset : column;
    if (seg.length < 4) {
      entries.push([gLine, gColumn, undefined, undefined, undefined, undefined]);
      continue;
    }
    source += seg[1];
    oLine += seg[2];
    oColumn += seg[3];
    let n;
    if (seg.length >= 5) {
      name += seg[4];
      n = names[name];
    }
    entries.push([gLine, gColumn, sources[source], oLine, oColumn, n]);
  }
}

class SourceMap {
  #payload;
  #entries = [];
  #lineLengths;

  constructor(payload, { lineLengths } = {}) {
    if (payload === null || typeof payload !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('payload', 'object', payload);
    }
    this.#payload = structuredClone(payload);
    this.#lineLengths = lineLengths;
    if (Array.isArray(payload.sections)) {
      for (const section of payload.sections) {
        parseMappings(section.map, section.offset.line, section.offset.column, this.#entries);
      }
    } else {
      parseMappings(payload, 0, 0, this.#entries);
    }
    this.#entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  get payload() {
    return structuredClone(this.#payload);
  }

  get lineLengths() {
    return this.#lineLengths ? this.#lineLengths.slice() : undefined;
  }

  // The mapping at or before (line, column), both zero-based; {} when there is none.
  findEntry(lineOffset, columnOffset) {
    const entries = this.#entries;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = entries[mid];
      if (e[0] < lineOffset || (e[0] === lineOffset && e[1] <= columnOffset)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return {};
    const e = entries[lo - 1];
    return {
      generatedLine: e[0],
      generatedColumn: e[1],
      originalSource: e[2],
      originalLine: e[3],
      originalColumn: e[4],
      name: e[5],
    };
  }

  // The original position of a one-based generated (line, column); {} when unmapped.
  findOrigin(lineNumber, columnNumber) {
    const entry = this.findEntry(lineNumber - 1, columnNumber - 1);
    if (entry.originalSource === undefined) return {};
    const lineOffset = lineNumber - 1 - entry.generatedLine;
    const columnOffset = columnNumber - 1 - entry.generatedColumn;
    return {
      name: entry.name,
      fileName: entry.originalSource,
      lineNumber: entry.originalLine + lineOffset + 1,
      columnNumber: entry.originalColumn + columnOffset + 1,
    };
  }
}

module.exports = { SourceMap };
