'use strict';
// node:stream/web: the WHATWG Streams classes.

const {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
} = require('internal/webstreams/readablestream');
const {
  TransformStream,
  TransformStreamDefaultController,
} = require('internal/webstreams/transformstream');
const {
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
} = require('internal/webstreams/writablestream');
const {
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
} = require('internal/webstreams/queuingstrategies');
const {
  TextEncoderStream,
  TextDecoderStream,
} = require('internal/webstreams/encoding');
const {
  CompressionStream,
  DecompressionStream,
} = require('internal/webstreams/compression');

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  TransformStream,
  TransformStreamDefaultController,
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  TextEncoderStream,
  TextDecoderStream,
  CompressionStream,
  DecompressionStream,
};
