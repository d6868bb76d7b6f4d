'use strict';
// Set on a callback API whose callback gets several values (fs.read's bytesRead and buffer):
// the names under which util.promisify resolves them, as one object.

module.exports = Symbol('customPromisifyArgs');
