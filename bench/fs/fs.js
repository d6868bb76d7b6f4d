// fs throughput: node bench/fs/fs.js MODE DIR
//   sync      writeFileSync + readFileSync of 10,000 small files
//   promises  fs.promises.readFile of the same 10,000 files with Promise.all
'use strict';
const fs = require('fs');
const path = require('path');
const [mode, dir] = process.argv.slice(2);
const N = 10000;
const content = 'lorem ipsum dolor sit amet '.repeat(8);
fs.mkdirSync(dir, { recursive: true });
const files = [];
for (let i = 0; i < N; i++) files.push(path.join(dir, `f${i}.txt`));
if (mode === 'sync') {
  for (const f of files) fs.writeFileSync(f, content);
  let total = 0;
  for (const f of files) total += fs.readFileSync(f, 'utf8').length;
  if (total !== N * content.length) throw new Error('short read');
} else if (mode === 'promises') {
  if (!fs.existsSync(files[N - 1])) for (const f of files) fs.writeFileSync(f, content);
  Promise.all(files.map((f) => fs.promises.readFile(f))).then((all) => {
    const total = all.reduce((n, b) => n + b.length, 0);
    if (total !== N * content.length) throw new Error('short read');
  });
} else {
  throw new Error(`unknown mode ${mode}`);
}
