// Start-up: receives the binding objects from Rust, sets up the built-in module loader, the
// global object and `process`, and returns the hooks the event loop calls.
(function bootstrap(bindings) {
  'use strict';

  const internalBinding = (name) => {
    const b = bindings[name];
    if (b === undefined) throw new Error(`No such binding: ${name}`);
    return b;
  };
  const builtinIds = new Set(bindings.builtins.ids);
  const builtinCache = new Map();

  // Public module names, including those whose JS is not written yet (they load as stubs that
  // throw ERR_NOT_IMPLEMENTED when a function is called).
  const publicBuiltins = [
    '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing',
    '_http_server', '_stream_duplex', '_stream_passthrough', '_stream_readable',
    '_stream_transform', '_stream_wrap', '_stream_writable', '_tls_common', '_tls_wrap',
    'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console',
    'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain',
    'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector', 'inspector/promises',
    'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process',
    'punycode', 'querystring', 'readline', 'readline/promises', 'repl', 'stream',
    'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
    'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm',
    'wasi', 'worker_threads', 'zlib',
  ];
  const schemeOnly = ['test', 'test/reporters', 'sea', 'sqlite'];

  function loadBuiltin(id) {
    const cached = builtinCache.get(id);
    if (cached !== undefined) return cached.exports;
    const module = { exports: {}, id, loaded: false };
    if (!builtinIds.has(id)) {
      if (!publicBuiltins.includes(id) && !schemeOnly.includes(id)) {
        throw new Error(`No such built-in module: ${id}`);
      }
      builtinCache.set(id, module);
      module.exports = loadBuiltin('internal/not_implemented').createStub(id);
      module.loaded = true;
      return module.exports;
    }
    builtinCache.set(id, module);
    const fn = bindings.builtins.compile(id);
    try {
      fn.call(module.exports, module.exports, loadBuiltin, module, internalBinding);
    } catch (err) {
      builtinCache.delete(id);
      throw err;
    }
    module.loaded = true;
    return module.exports;
  }
  loadBuiltin.publicBuiltins = publicBuiltins;
  loadBuiltin.schemeOnly = schemeOnly;
  loadBuiltin.canBeRequiredByUsers = (id) => publicBuiltins.includes(id);
  loadBuiltin.canBeRequiredWithScheme = (id) => publicBuiltins.includes(id) || schemeOnly.includes(id);

  const hooks = loadBuiltin('internal/bootstrap_node')(bindings, loadBuiltin);
  return hooks;
})
