'use strict';
// The current async execution context, shared by timers, nextTick, queueMicrotask and
// async_hooks: the execution and trigger async ids, the resource being run, and the
// AsyncLocalStorage stores (an immutable Map from storage to store, replaced on change).
//
// Callbacks capture the context when they are scheduled (captureContext) and run inside it
// (enterContext ... restoreContext). SpiderMonkey gives no hook for promise jobs, so they run in
// the context of whatever drains the microtask queue: the timer, immediate, tick or main script
// whose callback queued them (see lib/async_hooks.js for what that means for AsyncLocalStorage).

const emptyStores = new Map();
const topLevelResource = {};

let asyncIdCounter = 1;

const current = {
  asyncId: 1,
  triggerAsyncId: 0,
  resource: topLevelResource,
  stores: emptyStores,
};

function newAsyncId() {
  return ++asyncIdCounter;
}

// A saved context is a plain object with the same four fields.
function saveContext() {
  return {
    asyncId: current.asyncId,
    triggerAsyncId: current.triggerAsyncId,
    resource: current.resource,
    stores: current.stores,
  };
}

function enterContext(asyncId, triggerAsyncId, resource, stores) {
  current.asyncId = asyncId;
  current.triggerAsyncId = triggerAsyncId;
  current.resource = resource;
  current.stores = stores;
}

function restoreContext(saved) {
  current.asyncId = saved.asyncId;
  current.triggerAsyncId = saved.triggerAsyncId;
  current.resource = saved.resource;
  current.stores = saved.stores;
}

module.exports = {
  current,
  emptyStores,
  topLevelResource,
  newAsyncId,
  saveContext,
  enterContext,
  restoreContext,
};
