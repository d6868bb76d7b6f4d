'use strict';
// The global names the JavaScript engine itself defines, recorded at start-up before Lode adds
// node's globals (util.inspect tells built-in classes from user classes by these names, as
// node does with V8's).
module.exports = { names: [] };
