'use strict';
// node:stream/web: the WHATWG Streams classes, each re-exported from the module that defines
// it, in this order.

const classesByModule = [
  ['internal/webstreams/readablestream', [
    'ReadableStream',
    'ReadableStreamDefaultReader',
    'ReadableStreamBYOBReader',
    'ReadableStreamBYOBRequest',
    'ReadableByteStreamController',
    'ReadableStreamDefaultController',
  ]],
  ['internal/webstreams/transformstream', ['TransformStream', 'TransformStreamDefaultController']],
  ['internal/webstreams/writablestream', [
    'WritableStream',
    'WritableStreamDefaultWriter',
    'WritableStreamDefaultController',
  ]],
  ['internal/webstreams/queuingstrategies', ['ByteLengthQueuingStrategy', 'CountQueuingStrategy']],
  ['internal/webstreams/encoding', ['TextEncoderStream', 'TextDecoderStream']],
  ['internal/webstreams/compression', ['CompressionStream', 'DecompressionStream']],
];

for (const [id, names] of classesByModule) {
  const mod = require(id);
  for (const name of names) module.exports[name] = mod[name];
}
