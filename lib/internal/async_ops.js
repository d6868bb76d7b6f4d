'use strict';
// The JS half of async ops (see crates/runtime/src/ops/async_ops.rs): a table from request id
// to the function that receives the result. An op called with a request id as its last
// argument runs on the blocking pool; when it is done the event loop calls `complete(id)`,
// which reads the result (a negative errno or the value, as the sync form returns it) and
// hands it to the waiting function.

const { result } = internalBinding('async_ops');
const { refHandle } = internalBinding('timers');

const waiting = new Map();
const subscriptions = new Map();
// Requests that must not keep the loop alive (a read of stdin while it is paused).
const unreferenced = new Set();
let nextId = 1;

// What each pending request is, as process.getActiveResourcesInfo() names it (node's request
// wrap class); requests of type null (a stdin read: a handle in node) are not listed.
const types = new Map();

// Reserves a request id whose completion calls `onResult(result)`.
function request(onResult, type = 'FSReqCallback') {
  const id = nextId++;
  if (nextId > 0x1fffffffffffff) nextId = 1;
  waiting.set(id, onResult);
  if (type !== 'FSReqCallback') types.set(id, type);
  return id;
}

// The types of the pending requests that keep the loop alive, oldest first.
function activeRequestTypes() {
  const list = [];
  for (const id of waiting.keys()) {
    if (unreferenced.has(id)) continue;
    const type = types.has(id) ? types.get(id) : 'FSReqCallback';
    if (type !== null) list.push(type);
  }
  return list;
}

// Reserves an id for a long-lived source (a file watcher): every result delivered to it calls
// `onEvent(result)` until `unsubscribe(id)`.
function subscribe(onEvent) {
  const id = nextId++;
  if (nextId > 0x1fffffffffffff) nextId = 1;
  subscriptions.set(id, onEvent);
  return id;
}

function unsubscribe(id) {
  subscriptions.delete(id);
}

// Whether a pending request keeps the process alive (it does by default).
function setRequestRef(id, referenced) {
  if (!waiting.has(id)) return;
  if (referenced) {
    if (unreferenced.delete(id)) refHandle(1);
  } else if (!unreferenced.has(id)) {
    unreferenced.add(id);
    refHandle(-1);
  }
}

function complete(id) {
  const r = result();
  const onResult = waiting.get(id);
  if (onResult !== undefined) {
    // The loop dropped the request's reference; give back the one taken away.
    if (unreferenced.delete(id)) refHandle(1);
    // As in node, the request still counts as active while its callback runs.
    try {
      onResult(r);
    } finally {
      waiting.delete(id);
      types.delete(id);
    }
    return;
  }
  const onEvent = subscriptions.get(id);
  if (onEvent !== undefined) onEvent(r);
}

module.exports = { request, setRequestRef, subscribe, unsubscribe, complete, activeRequestTypes };
