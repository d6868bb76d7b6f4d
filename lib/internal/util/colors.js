'use strict';
// Whether output written to `stream` should carry ANSI colours, as Node decides it:
// FORCE_COLOR wins; otherwise only a TTY whose colour depth is above 2 bits.

function forcedColorDepth(value) {
  switch (value) {
    case '': case '1': case 'true': return 4;
    case '2': return 8;
    case '3': return 24;
    default: return 1;
  }
}

function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) return forcedColorDepth(process.env.FORCE_COLOR) > 2;
  return !!(stream && stream.isTTY &&
    (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
}

module.exports = { shouldColorize };
