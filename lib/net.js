'use strict';
// net: so far the address helpers and the autoSelectFamily defaults; sockets and servers come
// with the network issue (they throw ERR_NOT_IMPLEMENTED when called).

const { validateBoolean, validateInt32 } = require('internal/validators');

const v4Part = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const v4 = `(?:${v4Part}\\.){3}${v4Part}`;
const v4Re = new RegExp(`^${v4}$`);
const hex = '[0-9a-fA-F]{1,4}';

function isIPv4(input) {
  return v4Re.test(`${input}`);
}

// Eight groups of hex, or fewer with one '::'; the last 32 bits may be dotted IPv4; an
// optional '%zone' suffix.
function isIPv6(input) {
  let s = `${input}`;
  const zone = s.indexOf('%');
  if (zone !== -1) {
    if (zone === s.length - 1) return false;
    s = s.slice(0, zone);
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (part) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const all = head.concat(tail);
  let count = 0;
  const hexRe = new RegExp(`^${hex}$`);
  for (let i = 0; i < all.length; i++) {
    const g = all[i];
    if (i === all.length - 1 && g.includes('.')) {
      if (!v4Re.test(g)) return false;
      count += 2;
    } else if (hexRe.test(g)) {
      count += 1;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

function isIP(input) {
  if (isIPv4(input)) return 4;
  if (isIPv6(input)) return 6;
  return 0;
}

let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;

function getDefaultAutoSelectFamily() {
  return autoSelectFamily;
}

function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamily = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return autoSelectFamilyAttemptTimeout;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  autoSelectFamilyAttemptTimeout = value < 10 ? 10 : value;
}

module.exports = require('internal/not_implemented').createPartial('net', {
  isIP,
  isIPv4,
  isIPv6,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
});
