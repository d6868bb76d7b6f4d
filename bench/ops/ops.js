// The op boundary: a sync op with two numbers, one with a string, against node's nearest
// equivalents. Run by bench/ops/run.sh with LODE_EXPOSE_INTERNALS=1 (lode) / plain node.
'use strict';
const N = 5_000_000;
const binding = typeof internalBinding === 'function' ? internalBinding('bench') : null;
function time(label, fn) {
  const t0 = process.hrtime.bigint();
  fn();
  const ns = Number(process.hrtime.bigint() - t0) / N;
  console.log(`${label.padEnd(34)} ${ns.toFixed(1)} ns/call`);
}
if (binding) {
  time('lode: sync op (two numbers)', () => { let x = 0; for (let i = 0; i < N; i++) x = binding.add(x, 1); });
  time('lode: sync op (string)', () => { let x = 0; for (let i = 0; i < N; i++) x += binding.strLen('hello'); });
  time('lode: sync op (no args)', () => { for (let i = 0; i < N; i++) binding.noop(); });
}
// Nearest node equivalents (and the same calls under lode): a native call each.
time('process.hrtime.bigint()', () => { for (let i = 0; i < N; i++) process.hrtime.bigint(); });
time('Math.max(a, b) (engine builtin)', () => { let x = 0; for (let i = 0; i < N; i++) x = Math.max(x, i); });

// Async round trips: one op to the blocking pool and back through the event loop, one after
// the other; and the fs calls built on them.
const fs = require('fs');
const path = require('path');
const small = path.join(require('os').tmpdir(), `lode-bench-ops-${process.pid}.txt`);
fs.writeFileSync(small, 'x'.repeat(100));
const M = 20000;
function timeAsync(label, count, step, done) {
  const t0 = process.hrtime.bigint();
  let i = 0;
  const next = () => {
    if (i++ === count) {
      const ns = Number(process.hrtime.bigint() - t0) / count;
      console.log(`${label.padEnd(34)} ${(ns / 1000).toFixed(2)} us/call`);
      return done();
    }
    step(next);
  };
  next();
}
const asyncCases = [];
if (binding) {
  const { request } = internalRequire('internal/async_ops');
  asyncCases.push(['lode: async op round trip', (next) => binding.noopAsync(request(next))]);
}
asyncCases.push(['fs.access (callback)', (next) => fs.access(small, next)]);
asyncCases.push(['fs.readFile (callback)', (next) => fs.readFile(small, next)]);
asyncCases.push(['fs.promises.readFile', (next) => fs.promises.readFile(small).then(next)]);
(function run(i) {
  if (i === asyncCases.length) {
    time('fs.readFileSync (small file)', () => { for (let j = 0; j < N / 50; j++) fs.readFileSync(small); });
    fs.unlinkSync(small);
    return;
  }
  timeAsync(asyncCases[i][0], M, asyncCases[i][1], () => run(i + 1));
})(0);
