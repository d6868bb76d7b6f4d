'use strict';
// constants (deprecated in node, still used: graceful-fs reads it): os.constants' dlopen,
// errno, priority and signal numbers plus fs.constants, in node's order. crypto's constants join
// when the crypto module is built.

const os = require('os');
const { constants: fsConstants } = require('internal/fs/utils');

const constants = {};
for (const group of [os.constants.dlopen, os.constants.errno, os.constants.priority, os.constants.signals, fsConstants]) {
  for (const key of Object.keys(group)) {
    Object.defineProperty(constants, key, { value: group[key], enumerable: true, writable: false, configurable: false });
  }
}

module.exports = Object.freeze(constants);
