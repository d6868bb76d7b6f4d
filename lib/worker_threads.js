'use strict';
// worker_threads: what the main thread can answer without workers — isMainThread, parentPort
// (null), workerData, threadId, environment data. Worker, MessageChannel and the other
// messaging classes come with the workers issue and throw ERR_NOT_IMPLEMENTED when used.

const { stubFunction } = require('internal/not_implemented');

const environmentData = new Map();

function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

function markAsUntransferable() {}

module.exports = {
  isMainThread: true,
  MessagePort: stubFunction('MessagePort'),
  MessageChannel: stubFunction('MessageChannel'),
  markAsUntransferable,
  moveMessagePortToContext: stubFunction('moveMessagePortToContext'),
  receiveMessageOnPort: stubFunction('receiveMessageOnPort'),
  resourceLimits: {},
  postMessageToThread: stubFunction('postMessageToThread'),
  threadId: 0,
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  Worker: stubFunction('Worker'),
  parentPort: null,
  workerData: null,
  BroadcastChannel: stubFunction('BroadcastChannel'),
  setEnvironmentData,
  getEnvironmentData,
};
