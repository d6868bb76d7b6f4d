// Writes a tree of 500 small CommonJS modules and 500 ES modules under ./tree (run once with
// node or lode; run.sh does it).
const fs = require('fs');
const path = require('path');
const root = path.join(__dirname, 'tree');
fs.rmSync(root, { recursive: true, force: true });
fs.mkdirSync(path.join(root, 'cjs'), { recursive: true });
fs.mkdirSync(path.join(root, 'esm'), { recursive: true });
const N = 500;
for (let i = 0; i < N; i++) {
  const kids = [2 * i + 1, 2 * i + 2].filter((k) => k < N);
  fs.writeFileSync(path.join(root, 'cjs', `m${i}.js`),
    `${kids.map((k) => `const m${k} = require('./m${k}');`).join('\n')}\n` +
    `exports.value = ${i}${kids.map((k) => ` + m${k}.value`).join('')};\nexports.name = 'm${i}';\n`);
  fs.writeFileSync(path.join(root, 'esm', `m${i}.mjs`),
    `${kids.map((k) => `import { value as v${k} } from './m${k}.mjs';`).join('\n')}\n` +
    `export const value = ${i}${kids.map((k) => ` + v${k}`).join('')};\nexport const name = 'm${i}';\n`);
}
fs.writeFileSync(path.join(root, 'cjs_main.js'), "console.log(require('./cjs/m0').value);\n");
fs.writeFileSync(path.join(root, 'esm_main.mjs'), "import { value } from './esm/m0.mjs';\nconsole.log(value);\n");
