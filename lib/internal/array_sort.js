'use strict';
// Array.prototype.sort and Array.prototype.toSorted with a comparison function, as node sorts
// (installed by internal/builtin_replacements):
// the elements are copied out (holes and undefined set aside), sorted with TimSort (Tim Peters'
// listsort: natural runs, binary insertion sort up to a minimum run length, merges with
// galloping), then written back. Using node's algorithm gives node's order of comparator calls,
// so inconsistent comparators (`(a, b) => a > b`, random ones) give node's results, and it makes
// far fewer calls than SpiderMonkey's merge sort on partly ordered data. Merging depth-first
// keeps the objects a merge reads in cache, which matters more than the calls on large arrays.

const kMinGallop = 7;

// State of one sort: the comparison function, the temporary array merges use, the run stack.
let compare;
let temp = [];
let minGallop = kMinGallop;
let runBase = [];
let runLength = [];
let runCount = 0;

function lessThan(x, y) {
  // ToNumber once per call, as the specification's SortCompare; NaN counts as equal.
  return +compare(x, y) < 0;
}

// Minimum run length: n itself below 64, else a number in [32, 64] such that n / minrun is a
// power of two or slightly less.
function minRunLength(n) {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

// Length of the run that starts at `low` (at most up to `high`), reversed to ascending if it was
// strictly descending.
function countRun(a, low, high) {
  let i = low + 1;
  if (i === high) return 1;
  let previous = a[i];
  const descending = lessThan(previous, a[low]);
  for (i++; i < high; i++) {
    const current = a[i];
    const smaller = lessThan(current, previous);
    if (descending ? !smaller : smaller) break;
    previous = current;
  }
  if (descending) {
    for (let lo = low, hi = i - 1; lo < hi; lo++, hi--) {
      const t = a[lo];
      a[lo] = a[hi];
      a[hi] = t;
    }
  }
  return i - low;
}

// Sorts a[low, high) given that a[low, start) is sorted: each next element is placed by binary
// search.
function binaryInsertionSort(a, low, start, high) {
  if (start === low) start++;
  for (; start < high; start++) {
    const pivot = a[start];
    let left = low;
    let right = start;
    while (left < right) {
      const mid = left + ((right - left) >> 1);
      if (lessThan(pivot, a[mid])) right = mid;
      else left = mid + 1;
    }
    for (let p = start; p > left; p--) a[p] = a[p - 1];
    a[left] = pivot;
  }
}

// Where `key` goes in the sorted a[base, base + length), before any equal elements, searching
// outward from base + hint by doubling steps and then by bisection.
function gallopLeft(a, key, base, length, hint) {
  let lastOffset = 0;
  let offset = 1;
  if (lessThan(a[base + hint], key)) {
    // a[hint] < key: look right until a[hint + lastOffset] < key <= a[hint + offset].
    const maxOffset = length - hint;
    while (offset < maxOffset && lessThan(a[base + hint + offset], key)) {
      lastOffset = offset;
      offset = offset * 2 + 1;
    }
    if (offset > maxOffset) offset = maxOffset;
    lastOffset += hint;
    offset += hint;
  } else {
    // key <= a[hint]: look left until a[hint - offset] < key <= a[hint - lastOffset].
    const maxOffset = hint + 1;
    while (offset < maxOffset && !lessThan(a[base + hint - offset], key)) {
      lastOffset = offset;
      offset = offset * 2 + 1;
    }
    if (offset > maxOffset) offset = maxOffset;
    const t = lastOffset;
    lastOffset = hint - offset;
    offset = hint - t;
  }
  // Now a[base + lastOffset] < key <= a[base + offset]: bisect in between.
  lastOffset++;
  while (lastOffset < offset) {
    const mid = lastOffset + ((offset - lastOffset) >> 1);
    if (lessThan(a[base + mid], key)) lastOffset = mid + 1;
    else offset = mid;
  }
  return offset;
}

// As gallopLeft, but after any elements equal to `key`.
function gallopRight(a, key, base, length, hint) {
  let lastOffset = 0;
  let offset = 1;
  if (lessThan(key, a[base + hint])) {
    // key < a[hint]: look left until a[hint - offset] <= key < a[hint - lastOffset].
    const maxOffset = hint + 1;
    while (offset < maxOffset && lessThan(key, a[base + hint - offset])) {
      lastOffset = offset;
      offset = offset * 2 + 1;
    }
    if (offset > maxOffset) offset = maxOffset;
    const t = lastOffset;
    lastOffset = hint - offset;
    offset = hint - t;
  } else {
    // a[hint] <= key: look right until a[hint + lastOffset] <= key < a[hint + offset].
    const maxOffset = length - hint;
    while (offset < maxOffset && !lessThan(key, a[base + hint + offset])) {
      lastOffset = offset;
      offset = offset * 2 + 1;
    }
    if (offset > maxOffset) offset = maxOffset;
    lastOffset += hint;
    offset += hint;
  }
  lastOffset++;
  while (lastOffset < offset) {
    const mid = lastOffset + ((offset - lastOffset) >> 1);
    if (lessThan(key, a[base + mid])) offset = mid;
    else lastOffset = mid + 1;
  }
  return offset;
}

function copy(from, fromIndex, to, toIndex, count) {
  for (let i = 0; i < count; i++) to[toIndex + i] = from[fromIndex + i];
}

function copyBackward(from, fromIndex, to, toIndex, count) {
  for (let i = count - 1; i >= 0; i--) to[toIndex + i] = from[fromIndex + i];
}

// Merges the adjacent sorted runs a[baseA, baseA + lengthA) and a[baseB, baseB + lengthB), with
// lengthA <= lengthB, a[baseA] > a[baseB] and the last of A > every element of B: A is moved
// to `temp` and the merge fills from the left.
function mergeLow(a, baseA, lengthA, baseB, lengthB) {
  const t = temp;
  copy(a, baseA, t, 0, lengthA);
  let dest = baseA;
  let cursorA = 0;
  let cursorB = baseB;
  a[dest++] = a[cursorB++];
  done: {
    if (--lengthB === 0) break done;
    if (lengthA === 1) {
      copy(a, cursorB, a, dest, lengthB);
      a[dest + lengthB] = t[cursorA];
      return;
    }
    let gallop = minGallop;
    for (;;) {
      let winsA = 0;
      let winsB = 0;
      // One element at a time until one run wins `gallop` times in a row.
      for (;;) {
        if (lessThan(a[cursorB], t[cursorA])) {
          a[dest++] = a[cursorB++];
          winsB++;
          winsA = 0;
          if (--lengthB === 0) break done;
          if (winsB >= gallop) break;
        } else {
          a[dest++] = t[cursorA++];
          winsA++;
          winsB = 0;
          if (--lengthA === 1) {
            copy(a, cursorB, a, dest, lengthB);
            a[dest + lengthB] = t[cursorA];
            return;
          }
          if (winsA >= gallop) break;
        }
      }
      // Galloping: move whole stretches while they stay long.
      gallop++;
      let first = true;
      while (first || winsA >= kMinGallop || winsB >= kMinGallop) {
        first = false;
        if (gallop > 1) gallop--;
        minGallop = gallop;
        winsA = gallopRight(t, a[cursorB], cursorA, lengthA, 0);
        if (winsA > 0) {
          copy(t, cursorA, a, dest, winsA);
          dest += winsA;
          cursorA += winsA;
          lengthA -= winsA;
          if (lengthA === 1) {
            copy(a, cursorB, a, dest, lengthB);
            a[dest + lengthB] = t[cursorA];
            return;
          }
          // Only an inconsistent comparison function gets here.
          if (lengthA === 0) break done;
        }
        a[dest++] = a[cursorB++];
        if (--lengthB === 0) break done;
        winsB = gallopLeft(a, t[cursorA], cursorB, lengthB, 0);
        if (winsB > 0) {
          copy(a, cursorB, a, dest, winsB);
          dest += winsB;
          cursorB += winsB;
          lengthB -= winsB;
          if (lengthB === 0) break done;
        }
        a[dest++] = t[cursorA++];
        if (--lengthA === 1) {
          copy(a, cursorB, a, dest, lengthB);
          a[dest + lengthB] = t[cursorA];
          return;
        }
      }
      gallop++;
      minGallop = gallop;
    }
  }
  if (lengthA > 0) copy(t, cursorA, a, dest, lengthA);
}

// As mergeLow for lengthA > lengthB: B is moved to `temp` and the merge fills from the right.
function mergeHigh(a, baseA, lengthA, baseB, lengthB) {
  const t = temp;
  copy(a, baseB, t, 0, lengthB);
  let dest = baseB + lengthB - 1;
  let cursorA = baseA + lengthA - 1;
  let cursorB = lengthB - 1;
  a[dest--] = a[cursorA--];
  done: {
    if (--lengthA === 0) break done;
    if (lengthB === 1) {
      dest -= lengthA;
      cursorA -= lengthA;
      copyBackward(a, cursorA + 1, a, dest + 1, lengthA);
      a[dest] = t[cursorB];
      return;
    }
    let gallop = minGallop;
    for (;;) {
      let winsA = 0;
      let winsB = 0;
      for (;;) {
        if (lessThan(t[cursorB], a[cursorA])) {
          a[dest--] = a[cursorA--];
          winsA++;
          winsB = 0;
          if (--lengthA === 0) break done;
          if (winsA >= gallop) break;
        } else {
          a[dest--] = t[cursorB--];
          winsB++;
          winsA = 0;
          if (--lengthB === 1) {
            dest -= lengthA;
            cursorA -= lengthA;
            copyBackward(a, cursorA + 1, a, dest + 1, lengthA);
            a[dest] = t[cursorB];
            return;
          }
          if (winsB >= gallop) break;
        }
      }
      gallop++;
      let first = true;
      while (first || winsA >= kMinGallop || winsB >= kMinGallop) {
        first = false;
        if (gallop > 1) gallop--;
        minGallop = gallop;
        winsA = lengthA - gallopRight(a, t[cursorB], baseA, lengthA, lengthA - 1);
        if (winsA > 0) {
          dest -= winsA;
          cursorA -= winsA;
          copyBackward(a, cursorA + 1, a, dest + 1, winsA);
          lengthA -= winsA;
          if (lengthA === 0) break done;
        }
        a[dest--] = t[cursorB--];
        if (--lengthB === 1) {
          dest -= lengthA;
          cursorA -= lengthA;
          copyBackward(a, cursorA + 1, a, dest + 1, lengthA);
          a[dest] = t[cursorB];
          return;
        }
        winsB = lengthB - gallopLeft(t, a[cursorA], 0, lengthB, lengthB - 1);
        if (winsB > 0) {
          dest -= winsB;
          cursorB -= winsB;
          copy(t, cursorB + 1, a, dest + 1, winsB);
          lengthB -= winsB;
          if (lengthB === 1) {
            dest -= lengthA;
            cursorA -= lengthA;
            copyBackward(a, cursorA + 1, a, dest + 1, lengthA);
            a[dest] = t[cursorB];
            return;
          }
          // Only an inconsistent comparison function gets here.
          if (lengthB === 0) break done;
        }
        a[dest--] = a[cursorA--];
        if (--lengthA === 0) break done;
      }
      gallop++;
      minGallop = gallop;
    }
  }
  if (lengthB > 0) copy(t, 0, a, dest - (lengthB - 1), lengthB);
}

// Merges runs i and i + 1 of the stack.
function mergeAt(a, i) {
  let baseA = runBase[i];
  let lengthA = runLength[i];
  const baseB = runBase[i + 1];
  let lengthB = runLength[i + 1];
  runLength[i] = lengthA + lengthB;
  if (i === runCount - 3) {
    runBase[i + 1] = runBase[i + 2];
    runLength[i + 1] = runLength[i + 2];
  }
  runCount--;
  // Elements of A already before B's first, and of B already after A's last, stay in place.
  const k = gallopRight(a, a[baseB], baseA, lengthA, 0);
  baseA += k;
  lengthA -= k;
  if (lengthA === 0) return;
  lengthB = gallopLeft(a, a[baseA + lengthA - 1], baseB, lengthB, lengthB - 1);
  if (lengthB === 0) return;
  if (lengthA <= lengthB) mergeLow(a, baseA, lengthA, baseB, lengthB);
  else mergeHigh(a, baseA, lengthA, baseB, lengthB);
}

// Whether run n is longer than the two after it together (true when there is no run n).
function runsBalanced(n) {
  return n < 0 || runLength[n] > runLength[n + 1] + runLength[n + 2];
}

// Merges until, from the bottom of the stack, each run is longer than the next two together and
// than the next one.
function mergeCollapse(a) {
  while (runCount > 1) {
    let n = runCount - 2;
    if (!runsBalanced(n - 1) || !runsBalanced(n - 2)) {
      if (runLength[n - 1] < runLength[n + 1]) n--;
      mergeAt(a, n);
    } else if (runLength[n] <= runLength[n + 1]) {
      mergeAt(a, n);
    } else {
      break;
    }
  }
}

function mergeForceCollapse(a) {
  while (runCount > 1) {
    let n = runCount - 2;
    if (n > 0 && runLength[n - 1] < runLength[n + 1]) n--;
    mergeAt(a, n);
  }
}

// Sorts a[0, length) with the comparison function `fn`.
function timSort(a, length, fn) {
  if (length < 2) return;
  if (length < 64) {
    // One run, no merges: only the comparison function is state.
    const savedCompare = compare;
    compare = fn;
    try {
      binaryInsertionSort(a, 0, countRun(a, 0, length), length);
    } finally {
      compare = savedCompare;
    }
    return;
  }
  // A sort called from a comparison function gets its own state.
  const saved = [compare, temp, minGallop, runBase, runLength, runCount];
  compare = fn;
  temp = [];
  minGallop = kMinGallop;
  runBase = [];
  runLength = [];
  runCount = 0;
  try {
    const minRun = minRunLength(length);
    let low = 0;
    let remaining = length;
    while (remaining !== 0) {
      let run = countRun(a, low, low + remaining);
      if (run < minRun) {
        const forced = remaining < minRun ? remaining : minRun;
        binaryInsertionSort(a, low, low + run, low + forced);
        run = forced;
      }
      runBase[runCount] = low;
      runLength[runCount] = run;
      runCount++;
      mergeCollapse(a);
      low += run;
      remaining -= run;
    }
    mergeForceCollapse(a);
  } finally {
    [compare, temp, minGallop, runBase, runLength, runCount] = saved;
  }
}

// The elements of `object` below `length`, those that are undefined counted apart: holes are
// skipped for sort, read as undefined for toSorted.
function collect(object, length, skipHoles) {
  const items = [];
  let undefinedCount = 0;
  for (let k = 0; k < length; k++) {
    if (skipHoles && !(k in object)) continue;
    const value = object[k];
    if (value === undefined) undefinedCount++;
    else items.push(value);
  }
  return { items, undefinedCount };
}

function toLength(value) {
  const n = Math.trunc(+value);
  if (!(n > 0)) return 0;
  return n < Number.MAX_SAFE_INTEGER ? n : Number.MAX_SAFE_INTEGER;
}

// Array.prototype.sort with a comparison function `fn` (a function) on `receiver` (not null or
// undefined).
function sort(receiver, fn) {
  const object = Object(receiver);
  const length = toLength(object.length);
  const { items, undefinedCount } = collect(object, length, true);
  timSort(items, items.length, fn);
  let i = 0;
  for (; i < items.length; i++) object[i] = items[i];
  for (const end = i + undefinedCount; i < end; i++) object[i] = undefined;
  for (; i < length; i++) delete object[i];
  return object;
}

// Array.prototype.toSorted likewise; `engineToSorted` gives the engine's checks (a length over
// 2 ** 32 - 1 is a RangeError) before any element is read.
function toSorted(receiver, fn, engineToSorted) {
  const object = Object(receiver);
  const length = toLength(object.length);
  if (length > 0xffffffff) return engineToSorted(receiver, fn);
  const { items, undefinedCount } = collect(object, length, false);
  timSort(items, items.length, fn);
  for (let i = 0; i < undefinedCount; i++) items.push(undefined);
  return items;
}

module.exports = { sort, toSorted, timSort };
