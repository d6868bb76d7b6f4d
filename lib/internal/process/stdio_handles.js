'use strict';
// process.stdout / stderr / stdin once created, and the getters that create them on first use
// (internal/process/object.js). The global console writes straight to descriptor 1 or 2 while
// no stream exists for it and process.stdout/stderr is still the original getter
// (internal/console.js), so `console.log` does not load the stream machinery at start-up.

module.exports = {
  streams: { stdout: undefined, stderr: undefined, stdin: undefined },
  getters: { stdout: undefined, stderr: undefined, stdin: undefined },
};
