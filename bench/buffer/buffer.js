// Buffer encoding throughput: `buffer.js <utf8|hex|base64> <encode|decode> <bytes> <iterations>`.
// encode: base64/hex bytes -> string (buf.toString), utf8 string -> bytes (Buffer.from);
// decode: the reverse. Payloads: pseudo-random bytes for base64/hex, mixed-script text for utf8.
'use strict';
const [enc, dir, sizeArg, itersArg] = process.argv.slice(2);
const size = Number(sizeArg);
const iters = Number(itersArg);

let bytes;
if (enc === 'utf8') {
  const unit = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit; héllo wörld — 3 €, ✓ 日本語. ';
  let s = unit.repeat(Math.ceil(size / Buffer.byteLength(unit)) + 1);
  while (Buffer.byteLength(s) > size) s = s.slice(0, s.length - Math.max(1, Buffer.byteLength(s) - size >> 2));
  bytes = Buffer.from(s);
} else {
  bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7919 + 13) & 255;
}
const text = bytes.toString(enc);

const bytesToText = (enc === 'utf8') === (dir === 'decode');
let check = 0;
if (bytesToText) {
  for (let i = 0; i < iters; i++) check += bytes.toString(enc).length;
} else {
  for (let i = 0; i < iters; i++) check += Buffer.from(text, enc).length;
}
if (check !== iters * (bytesToText ? text.length : bytes.length)) throw new Error(`bad result ${check}`);
