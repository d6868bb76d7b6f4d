// A CPU-bound mix: recursion, sorting objects, JSON, string building, regex, classes, Map.
'use strict';
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

class Vec {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { return new Vec(this.x + o.x, this.y + o.y); }
  len() { return Math.sqrt(this.x * this.x + this.y * this.y); }
}

let checksum = 0;
checksum += fib(27);

const people = [];
for (let i = 0; i < 200000; i++) people.push({ id: i, age: (i * 7919) % 97, name: `p${(i * 31) % 1000}` });
people.sort((a, b) => a.age - b.age || a.name.localeCompare(b.name) || a.id - b.id);
checksum += people[1234].id;

const doc = { items: people.slice(0, 20000), meta: { tags: ['a', 'b', 'c'], n: 42 } };
for (let i = 0; i < 5; i++) checksum += JSON.parse(JSON.stringify(doc)).items.length;

let s = '';
for (let i = 0; i < 300000; i++) s += String.fromCharCode(97 + (i % 26));
const re = /([aeiou])([^aeiou]{2})/g;
let m;
let count = 0;
while ((m = re.exec(s)) !== null) count++;
checksum += count + s.replace(/abc/g, 'X').length;

let v = new Vec(0, 0);
for (let i = 0; i < 2000000; i++) v = v.add(new Vec(1, 2));
checksum += Math.floor(v.len());

const map = new Map();
for (let i = 0; i < 500000; i++) map.set(`k${i % 50000}`, (map.get(`k${i % 50000}`) || 0) + i);
let total = 0;
for (const value of map.values()) total += value % 1000;
checksum += total;

console.log(checksum);
