'use strict';
// url: the WHATWG URL API plus node's legacy url.parse/format/resolve.

const {
  URL,
  URLSearchParams,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  domainToASCII,
  domainToUnicode,
} = require('internal/url');

function notImplemented(name) {
  return function () {
    const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
    throw new ERR_NOT_IMPLEMENTED(name);
  };
}

function Url() {
  throw new (require('internal/errors').codes.ERR_NOT_IMPLEMENTED)('url.Url');
}

module.exports = {
  Url,
  parse: notImplemented('url.parse'),
  resolve: notImplemented('url.resolve'),
  resolveObject: notImplemented('url.resolveObject'),
  format: notImplemented('url.format'),
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
