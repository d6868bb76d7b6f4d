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
