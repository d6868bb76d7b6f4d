// Stream throughput: node bench/streams/streams.js MODE SRC [DST]
//   pipe      createReadStream(SRC).pipe(createWriteStream(DST))
//   pipeline  stream.pipeline(createReadStream(SRC), createWriteStream(DST))
//   lines     count the lines of SRC with a Transform stream (Buffer#indexOf per line)
//   lines-loop  the same counting with a loop over the bytes
'use strict';
const fs = require('fs');
const { pipeline, Transform, Writable } = require('stream');
const [mode, src, dst] = process.argv.slice(2);
if (mode === 'pipe') {
  const w = fs.createWriteStream(dst);
  fs.createReadStream(src).pipe(w);
  w.on('close', () => {});
} else if (mode === 'pipeline') {
  pipeline(fs.createReadStream(src), fs.createWriteStream(dst), (err) => { if (err) throw err; });
} else if (mode === 'lines' || mode === 'lines-loop') {
  let lines = 0;
  const byIndexOf = mode === 'lines';
  const counter = new Transform({
    transform(chunk, encoding, callback) {
      if (byIndexOf) {
        let i = -1;
        while ((i = chunk.indexOf(10, i + 1)) !== -1) lines++;
      } else {
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      }
      callback();
    },
    flush(callback) {
      callback(null, `${lines}\n`);
    },
  });
  pipeline(fs.createReadStream(src), counter, new Writable({
    write(chunk, encoding, callback) { process.stdout.write(chunk); callback(); },
  }), (err) => { if (err) throw err; });
} else {
  throw new Error(`unknown mode ${mode}`);
}
