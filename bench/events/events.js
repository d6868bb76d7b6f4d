'use strict';
// EventEmitter#emit with N listeners, ITER times: `node events.js LISTENERS ITER [ARGS]`.
// ARGS (default 1) is the number of arguments passed to emit.
const EventEmitter = require('events');
const listeners = Number(process.argv[2] || 1);
const iterations = Number(process.argv[3] || 1e6);
const argc = Number(process.argv[4] || 1);
const ee = new EventEmitter();
let sum = 0;
for (let i = 0; i < listeners; i++) ee.on('ev', (a) => { sum += a; });
if (argc === 0) {
  for (let i = 0; i < iterations; i++) ee.emit('ev');
} else if (argc === 1) {
  for (let i = 0; i < iterations; i++) ee.emit('ev', 1);
} else {
  for (let i = 0; i < iterations; i++) ee.emit('ev', 1, 2, 3);
}
if (argc > 0 && sum !== listeners * iterations) throw new Error(`bad sum ${sum}`);
