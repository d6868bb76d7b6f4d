'use strict';
// v8: the heap statistics tools read (numbers from SpiderMonkey's GC heap, under V8's names),
// cachedDataVersionTag and setFlagsFromString (accepted, without effect: the engine is not V8).
// Serialization, snapshots and profiling throw ERR_NOT_IMPLEMENTED.

const { heapUsed, heapTotal } = internalBinding('util');
const { validateString } = require('internal/validators');
const { createPartial } = require('internal/not_implemented');

// --max-old-space-size (MB, default 4096) as node applies it, plus V8's young generation.
function heapSizeLimit() {
  const flag = process.execArgv.find((a) => a.startsWith('--max-old-space-size='));
  const mb = flag ? Number(flag.split('=')[1]) || 4096 : 4096;
  return mb * 1024 * 1024 + 50331648;
}

function getHeapStatistics() {
  const used = heapUsed();
  const total = Math.max(heapTotal(), used);
  const limit = heapSizeLimit();
  return {
    total_heap_size: total,
    total_heap_size_executable: 0,
    total_physical_size: total,
    total_available_size: Math.max(0, limit - used),
    used_heap_size: used,
    heap_size_limit: limit,
    malloced_memory: 0,
    peak_malloced_memory: 0,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: 0,
  };
}

const spaces = ['read_only_space', 'new_space', 'old_space', 'code_space', 'shared_space',
  'new_large_object_space', 'large_object_space', 'code_large_object_space', 'shared_large_object_space'];

// One GC heap here: reported as old_space, the other spaces empty.
function getHeapSpaceStatistics() {
  const used = heapUsed();
  const total = Math.max(heapTotal(), used);
  return spaces.map((name) => ({
    space_name: name,
    space_size: name === 'old_space' ? total : 0,
    space_used_size: name === 'old_space' ? used : 0,
    space_available_size: name === 'old_space' ? total - used : 0,
    physical_space_size: name === 'old_space' ? total : 0,
  }));
}

function getHeapCodeStatistics() {
  return {
    code_and_metadata_size: 0,
    bytecode_and_metadata_size: 0,
    external_script_source_size: 0,
    cpu_profiler_metadata_size: 0,
  };
}

// A stable number per build, as V8's is per V8 version and flags.
function cachedDataVersionTag() {
  let h = 2166136261;
  for (const c of `${process.version}/${process.versions.lode}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
}

module.exports = createPartial('v8', {
  cachedDataVersionTag,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
});
