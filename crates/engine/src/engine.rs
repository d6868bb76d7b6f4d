//! The JS runtime: one SpiderMonkey context, one global, the promise job queue.

use std::cell::RefCell;
use std::ffi::CString;
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use mozjs::gc::RootedTraceableBox;
use mozjs::glue::{DeleteCompileOptions, NewCompileOptions};
use mozjs::jsapi::Heap;
use mozjs::jsapi::{
    EnterRealm, HandleValueArray, JSContext, JSObject, JSString, JS_CallFunctionValue,
    JS_ClearPendingException, JS_GetPendingException, JS_GetProperty, JS_IsExceptionPending,
    JS_NewGlobalObject, OnNewGlobalHookOption, PromiseRejectionHandlingState, Value,
};
use mozjs::jsval::{BooleanValue, DoubleValue, ObjectValue, StringValue, UndefinedValue};
use mozjs::rooted;
use mozjs::rust::{JSEngine, RealmOptions, SIMPLE_GLOBAL_CLASS};

use crate::args::Thrown;

/// A JS value kept alive (rooted) for as long as this handle lives.
pub struct Persistent(RootedTraceableBox<Heap<Value>>);

impl Persistent {
    pub(crate) fn new(v: Value) -> Persistent {
        Persistent(RootedTraceableBox::from_box(Heap::boxed(v)))
    }

    pub(crate) fn get(&self) -> Value {
        self.0.get()
    }

    pub fn is_undefined(&self) -> bool {
        self.get().is_undefined()
    }

    pub fn is_function(&self) -> bool {
        let v = self.get();
        v.is_object() && unsafe { mozjs::jsapi::IsCallable(v.to_object()) }
    }
}

/// An argument for [`Engine::call`].
pub enum Arg<'a> {
    Undefined,
    Bool(bool),
    Number(f64),
    Str(&'a str),
    Value(&'a Persistent),
}

/// What a call or evaluation returned, for the kinds Rust cares about.
#[derive(Debug, Clone, PartialEq)]
pub enum Returned {
    Undefined,
    Bool(bool),
    Number(f64),
    Other,
}

impl Returned {
    pub fn as_f64(&self) -> f64 {
        match self {
            Returned::Number(n) => *n,
            Returned::Bool(true) => 1.0,
            _ => 0.0,
        }
    }
}

/// How a promise's rejection state changed (from SpiderMonkey's rejection tracker).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RejectionKind {
    Unhandled,
    Handled,
}

pub struct Rejection {
    pub promise: Persistent,
    pub kind: RejectionKind,
}

static MEMORY_LIMIT: AtomicU64 = AtomicU64::new(u64::MAX);
static MEMORY_CHECK: AtomicBool = AtomicBool::new(false);
static ON_MEMORY_EXCEEDED: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// The resident set size of this process, from /proc (0 when unavailable).
pub fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    pages * unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as u64
}

unsafe extern "C" fn interrupt_callback(cx: *mut JSContext) -> bool {
    if MEMORY_CHECK.load(Ordering::SeqCst) {
        mozjs::jsapi::JS_GC(cx, mozjs::jsapi::GCReason::API);
        if resident_bytes() > MEMORY_LIMIT.load(Ordering::Relaxed) {
            if let Some(f) = ON_MEMORY_EXCEEDED.get() {
                f();
            }
            return false;
        }
        MEMORY_CHECK.store(false, Ordering::SeqCst);
    }
    true
}

thread_local! {
    static REJECTIONS: RefCell<Vec<Rejection>> = const { RefCell::new(Vec::new()) };
}

unsafe extern "C" fn track_rejection(
    _cx: *mut JSContext,
    _muted: bool,
    promise: mozjs::jsapi::HandleObject,
    state: PromiseRejectionHandlingState,
    _data: *mut std::ffi::c_void,
) {
    let kind = if state == PromiseRejectionHandlingState::Unhandled {
        RejectionKind::Unhandled
    } else {
        RejectionKind::Handled
    };
    let p = Persistent::new(ObjectValue(promise.get()));
    REJECTIONS.with(|r| r.borrow_mut().push(Rejection { promise: p, kind }));
}

/// Takes the rejection changes recorded since the last call, oldest first.
pub(crate) fn take_rejections() -> Vec<Rejection> {
    REJECTIONS.with(|r| std::mem::take(&mut *r.borrow_mut()))
}

/// Drops a batch of rejections newest first. Each one roots its promise in mozjs's root list,
/// which unroots by searching from the end and removing from a Vec: dropped oldest first
/// (Vec's own order), every drop scans and shifts the whole batch, and 100k rejections in one
/// microtask drain took seconds (node's test-promise-unhandled-issue-43655).
pub(crate) fn drop_rejections(mut list: Vec<Rejection>) {
    while list.pop().is_some() {}
}

pub(crate) fn has_rejections() -> bool {
    REJECTIONS.with(|r| !r.borrow().is_empty())
}

/// One JS runtime. Create at most one per thread; keep it on the thread that made it.
pub struct Engine {
    global: Persistent,
    cx: *mut JSContext,
    _engine: JSEngine,
}

// Mirrors what `mozjs::rust::Runtime` sets up, so that the context can be created with
// SpiderMonkey's self-hosted code loaded from a cache instead of parsed again on every start.
const CHUNK_SIZE: u32 = 1 << 20;
const STACK_QUOTA: usize = 128 * 8 * 1024;
const SYSTEM_CODE_BUFFER: usize = 10 * 1024;
const TRUSTED_SCRIPT_BUFFER: usize = 8 * 12800;

/// The self-hosted stencil SpiderMonkey hands to the writer callback on a cold start.
static SELF_HOSTED_OUT: std::sync::Mutex<Option<Vec<u8>>> = std::sync::Mutex::new(None);

fn span_parts(span: &mozjs::jsapi::JS::SelfHostedCache) -> (*const u8, usize) {
    // mozilla::Span<const uint8_t> with a dynamic extent: { size, data }.
    let words: [u64; 2] = unsafe { std::mem::transmute_copy(span) };
    (words[1] as *const u8, words[0] as usize)
}

fn make_span(bytes: &'static [u8]) -> mozjs::jsapi::JS::SelfHostedCache {
    let words: [u64; 2] = [bytes.len() as u64, bytes.as_ptr() as u64];
    unsafe { std::mem::transmute_copy(&words) }
}

unsafe extern "C" fn self_hosted_writer(
    _cx: *mut JSContext,
    span: mozjs::jsapi::JS::SelfHostedCache,
) -> bool {
    let (ptr, len) = span_parts(&span);
    if !ptr.is_null() && len > 0 && len < (64 << 20) {
        let bytes = std::slice::from_raw_parts(ptr, len).to_vec();
        *SELF_HOSTED_OUT.lock().unwrap() = Some(bytes);
    }
    true
}

/// SpiderMonkey stamps encoded stencils with this and rejects ones from another build.
unsafe extern "C" fn build_id_op(build_id: *mut mozjs::jsapi::JS::BuildIdCharVector) -> bool {
    let id = concat!("lode-", env!("LODE_ENGINE_BUILD_ID"));
    mozjs::glue::SetBuildId(build_id, id.as_ptr() as *const _, id.len())
}

pub(crate) fn code_cache_dir() -> Option<std::path::PathBuf> {
    if std::env::var_os("LODE_NO_CODE_CACHE").is_some() {
        return None;
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".cache")))?;
    Some(base.join("lode"))
}

fn self_hosted_cache_file() -> Option<std::path::PathBuf> {
    code_cache_dir().map(|d| d.join(format!("selfhosted-{}.bin", env!("LODE_ENGINE_BUILD_ID"))))
}

/// Writes the self-hosted stencil for the next start (atomically; stale files of other
/// builds are removed). Failures only cost the next start its speed.
fn store_self_hosted(bytes: &[u8]) {
    let Some(file) = self_hosted_cache_file() else {
        return;
    };
    let Some(dir) = file.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.starts_with("selfhosted-") && e.path() != file {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let tmp = dir.join(format!(".selfhosted-{}.tmp", std::process::id()));
    if std::fs::write(&tmp, bytes).is_ok() {
        let _ = std::fs::rename(&tmp, &file);
    }
}

impl Engine {
    pub fn new() -> Engine {
        let engine = JSEngine::init().expect("SpiderMonkey initialises once per process");
        let cx = unsafe { Self::new_context() };
        let mut options = RealmOptions::default();
        // SharedArrayBuffer and Atomics exist in node (no cross-origin isolation to respect).
        options.creationOptions_.sharedMemoryAndAtomics_ = true;
        let global = unsafe {
            let g = JS_NewGlobalObject(
                cx,
                &SIMPLE_GLOBAL_CLASS,
                ptr::null_mut(),
                OnNewGlobalHookOption::FireOnNewGlobalHook,
                &*options,
            );
            assert!(!g.is_null(), "creating the global object failed");
            EnterRealm(cx, g);
            // SpiderMonkey keeps the microtask queue; the job queue object only supplies the
            // host hooks. (`UseInternalJobQueues` cannot be used: mozjs initialises self-hosted
            // code first, after which SpiderMonkey refuses it.)
            let queue = mozjs::glue::CreateJobQueue(&JOB_QUEUE_TRAPS);
            mozjs::jsapi::JS::SetJobQueue(cx, queue as *mut mozjs::jsapi::JS::JobQueue);
            mozjs::jsapi::JS::SetPromiseRejectionTrackerCallback(
                cx,
                Some(track_rejection),
                ptr::null_mut(),
            );
            g
        };
        Engine {
            global: Persistent::new(ObjectValue(global)),
            cx,
            _engine: engine,
        }
    }

    /// Creates the context as `mozjs::rust::Runtime` does, but loads SpiderMonkey's self-hosted
    /// code from the code cache when a previous run left one.
    unsafe fn new_context() -> *mut JSContext {
        use mozjs::jsapi::{
            JSGCParamKey, JS_AddExtraGCRootsTracer, JS_NewContext, JS_SetGCParameter,
            JS_SetNativeStackQuota,
        };
        mozjs::jsapi::JS::SetProcessBuildIdOp(Some(build_id_op));
        let cx = JS_NewContext(mozjs::default_heapsize + CHUNK_SIZE, ptr::null_mut());
        assert!(!cx.is_null(), "creating the SpiderMonkey context failed");
        JS_SetGCParameter(cx, JSGCParamKey::JSGC_MAX_BYTES, u32::MAX);
        // Memory outside the GC heap (ArrayBuffer contents: every Buffer, every chunk a stream
        // reads) triggers a collection after 8 MB instead of SpiderMonkey's default 38 MB, so
        // streaming and buffer-heavy programs free their chunks sooner: a 1 GiB file copy
        // peaks at 38 MB instead of 86 MB, and large-buffer loops run faster (fewer page
        // faults). The threshold still grows with the retained heap.
        JS_SetGCParameter(cx, JSGCParamKey::JSGC_MALLOC_THRESHOLD_BASE, 8);
        JS_AddExtraGCRootsTracer(cx, Some(mozjs::gc::trace_traceables), ptr::null_mut());
        // Async stacks off unless asked for (see `set_async_stack_traces`).
        (*mozjs::jsapi::JS::ContextOptionsRef(cx)).set_asyncStack_(false);
        JS_SetNativeStackQuota(
            cx,
            STACK_QUOTA,
            STACK_QUOTA - SYSTEM_CODE_BUFFER,
            STACK_QUOTA - SYSTEM_CODE_BUFFER - TRUSTED_SCRIPT_BUFFER,
        );
        let cached: Option<&'static [u8]> = self_hosted_cache_file()
            .and_then(|f| std::fs::read(f).ok())
            .filter(|b| !b.is_empty())
            .map(|b| &*Box::leak(b.into_boxed_slice()));
        let ok = match cached {
            Some(bytes) => mozjs::jsapi::JS::InitSelfHostedCode(cx, make_span(bytes), None),
            None => false,
        };
        if !ok {
            if cached.is_some() {
                // A cache SpiderMonkey rejected: start over without it.
                mozjs::jsapi::JS_ClearPendingException(cx);
            }
            let empty = make_span(&[]);
            let writer: mozjs::jsapi::JS::SelfHostedWriter = if code_cache_dir().is_some() {
                Some(self_hosted_writer)
            } else {
                None
            };
            assert!(
                mozjs::jsapi::JS::InitSelfHostedCode(cx, empty, writer),
                "initialising self-hosted code failed"
            );
            if let Some(bytes) = SELF_HOSTED_OUT.lock().unwrap().take() {
                store_self_hosted(&bytes);
            }
        }
        mozjs::jsapi::JS::SetWarningReporter(cx, Some(mozjs::rust::report_warning));
        // Atomics.wait may block the main thread, as in node.
        mozjs::jsapi::JS_SetFutexCanWait(cx);
        cx
    }

    pub(crate) fn raw_cx(&mut self) -> *mut JSContext {
        self.cx
    }

    pub fn global(&self) -> &Persistent {
        &self.global
    }

    /// Evaluates a classic script in the global scope.
    pub fn eval(&mut self, source: &str, filename: &str) -> Result<Persistent, Thrown> {
        let cx = self.raw_cx();
        let fname = CString::new(filename.replace('\0', "")).unwrap();
        unsafe {
            let opts = NewCompileOptions(cx, fname.as_ptr(), 1);
            let mut src = mozjs::rust::transform_str_to_source_text(source);
            rooted!(in(cx) let mut rval = UndefinedValue());
            let ok = mozjs::jsapi::JS::Evaluate2(cx, opts, &mut src, rval.handle_mut().into());
            DeleteCompileOptions(opts);
            if ok {
                Ok(Persistent::new(rval.get()))
            } else {
                Err(Thrown)
            }
        }
    }

    /// Calls `f` with `this` = undefined.
    pub fn call(&mut self, f: &Persistent, args: &[Arg]) -> Result<Returned, Thrown> {
        self.call_inner(f, args).map(|v| to_returned(v.get()))
    }

    /// Calls `f` and keeps its result.
    pub fn call_keep(&mut self, f: &Persistent, args: &[Arg]) -> Result<Persistent, Thrown> {
        self.call_inner(f, args)
    }

    fn call_inner(&mut self, f: &Persistent, args: &[Arg]) -> Result<Persistent, Thrown> {
        let cx = self.raw_cx();
        unsafe {
            // Arguments stay rooted while later ones (strings) are created.
            mozjs::rooted_vec!(let mut roots);
            for a in args {
                let v = match a {
                    Arg::Undefined => UndefinedValue(),
                    Arg::Bool(b) => BooleanValue(*b),
                    Arg::Number(n) => DoubleValue(*n),
                    Arg::Str(s) => new_js_string(cx, s)?,
                    Arg::Value(p) => p.get(),
                };
                roots.push(v);
            }
            let values: Vec<Value> = roots.iter().copied().collect();
            call_function(cx, f.get(), &values).map(Persistent::new)
        }
    }

    /// Reads `obj[name]`.
    pub fn get(&mut self, obj: &Persistent, name: &str) -> Result<Persistent, Thrown> {
        let cx = self.raw_cx();
        let v = obj.get();
        if !v.is_object() {
            return Ok(Persistent::new(UndefinedValue()));
        }
        let cname = CString::new(name).unwrap();
        unsafe {
            rooted!(in(cx) let o = v.to_object());
            rooted!(in(cx) let mut rval = UndefinedValue());
            if JS_GetProperty(
                cx,
                o.handle().into(),
                cname.as_ptr(),
                rval.handle_mut().into(),
            ) {
                Ok(Persistent::new(rval.get()))
            } else {
                Err(Thrown)
            }
        }
    }

    /// Takes the pending exception, if any, clearing it.
    pub fn take_exception(&mut self) -> Option<Persistent> {
        let cx = self.raw_cx();
        unsafe {
            if !JS_IsExceptionPending(cx) {
                return None;
            }
            rooted!(in(cx) let mut v = UndefinedValue());
            JS_GetPendingException(cx, v.handle_mut().into());
            JS_ClearPendingException(cx);
            Some(Persistent::new(v.get()))
        }
    }

    /// Runs every queued promise job, including ones queued while running. Stops early when a
    /// job throws (the exception is left pending; the rest run on the next call).
    pub fn run_microtasks(&mut self) -> Result<(), Thrown> {
        let cx = self.raw_cx();
        unsafe { drain_microtasks(cx) }
    }

    /// Whether promise rejections were recorded and not yet taken by JS.
    pub fn has_pending_rejections(&self) -> bool {
        has_rejections()
    }

    /// Runs a full garbage collection.
    pub fn gc(&mut self) {
        let cx = self.raw_cx();
        unsafe { mozjs::jsapi::JS_GC(cx, mozjs::jsapi::GCReason::API) }
    }

    /// Makes every later op call start with a full GC (see [`crate::set_gc_stress`]).
    pub fn stress_gc(&mut self, on: bool) {
        crate::set_gc_stress(on);
    }

    /// Caps the process's resident memory at `limit_bytes`, as node caps its heap: a watchdog
    /// thread checks the RSS; past the limit it interrupts JS, which collects garbage and, if
    /// still over, calls `on_exceeded` (which reports and exits; it must not return).
    pub fn set_memory_limit(&mut self, limit_bytes: u64, on_exceeded: fn()) {
        MEMORY_LIMIT.store(limit_bytes, Ordering::Relaxed);
        let _ = ON_MEMORY_EXCEEDED.set(on_exceeded);
        let cx = self.raw_cx();
        unsafe { mozjs::jsapi::JS_AddInterruptCallback(cx, Some(interrupt_callback)) };
        // The context lives until the process exits (Lode leaves through `_exit`), so the
        // watchdog may keep its address; requesting an interrupt is thread-safe.
        let cx_addr = cx as usize;
        std::thread::Builder::new()
            .name("lode-memory-watchdog".into())
            .spawn(move || loop {
                std::thread::sleep(std::time::Duration::from_millis(50));
                if resident_bytes() > MEMORY_LIMIT.load(Ordering::Relaxed)
                    && !MEMORY_CHECK.swap(true, Ordering::SeqCst)
                {
                    unsafe { mozjs::jsapi::JS_RequestInterruptCallback(cx_addr as *mut JSContext) };
                }
            })
            .expect("spawning the memory watchdog");
    }

    /// Whether promise jobs record the stack that queued them, which gives errors thrown after
    /// an `await` their `at async fn` frames. SpiderMonkey captures that stack on every promise
    /// reaction (V8 rebuilds it only when an error is made), which made `await` four times
    /// slower (1.8 µs against 0.48 µs), so it is off unless `--async-stack-traces` is given.
    pub fn set_async_stack_traces(&mut self, on: bool) {
        unsafe { (*mozjs::jsapi::JS::ContextOptionsRef(self.cx)).set_asyncStack_(on) }
    }

    /// Installs the engine-level natives (introspection, function compilation) on `binding`.
    pub fn install_natives(&mut self, binding: &mut crate::Binding) {
        crate::introspect::install(binding);
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        // Roots held by Rust must go before the context; Persistent handles owned elsewhere
        // must already have been dropped.
        self.global = Persistent::new(UndefinedValue());
        drop_rejections(take_rejections());
        unsafe { mozjs::jsapi::JS_DestroyContext(self.cx) };
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

fn to_returned(v: Value) -> Returned {
    if v.is_undefined() {
        Returned::Undefined
    } else if v.is_boolean() {
        Returned::Bool(v.to_boolean())
    } else if v.is_number() {
        Returned::Number(v.to_number())
    } else {
        Returned::Other
    }
}

/// Calls `f` with `this` undefined. The arguments are rooted for the call; the caller must
/// keep them alive until then (no GC may run between reading and passing them).
pub(crate) unsafe fn call_function(
    cx: *mut JSContext,
    f: Value,
    args: &[Value],
) -> Result<Value, Thrown> {
    mozjs::rooted_vec!(let mut roots);
    for a in args {
        roots.push(*a);
    }
    let arr = HandleValueArray {
        length_: roots.len(),
        elements_: roots.as_ptr() as *const Value,
    };
    rooted!(in(cx) let fval = f);
    rooted!(in(cx) let this = ptr::null_mut::<JSObject>());
    rooted!(in(cx) let mut rval = UndefinedValue());
    if JS_CallFunctionValue(
        cx,
        this.handle().into(),
        fval.handle().into(),
        &arr,
        rval.handle_mut().into(),
    ) {
        Ok(rval.get())
    } else {
        Err(Thrown)
    }
}

/// Creates a JS string from UTF-8.
pub(crate) unsafe fn new_js_string(cx: *mut JSContext, s: &str) -> Result<Value, Thrown> {
    let chars = mozjs::conversions::Utf8Chars::from(s);
    let js = mozjs::jsapi::JS_NewStringCopyUTF8N(cx, &*chars as *const _);
    if js.is_null() {
        Err(Thrown)
    } else {
        Ok(StringValue(&*js))
    }
}

/// Copies a JS string into a Rust `String` (lone surrogates become U+FFFD).
pub(crate) unsafe fn js_string_to_rust(cx: *mut JSContext, s: *mut JSString) -> String {
    let wrapper = crate::args::cx_wrapper(cx);
    mozjs::conversions::jsstr_to_string(&wrapper, ptr::NonNull::new_unchecked(s))
}

static JOB_QUEUE_TRAPS: mozjs::glue::JobQueueTraps = mozjs::glue::JobQueueTraps {
    getHostDefinedData: Some(host_defined_data),
    getHostDefinedGlobal: Some(host_defined_global),
    runJobs: Some(run_jobs_trap),
    traceNonGCThingMicroTask: Some(trace_non_gc_microtask),
};

unsafe extern "C" fn host_defined_data(
    cx: *mut JSContext,
    incumbent: mozjs::jsapi::MutableHandleObject,
    data: mozjs::jsapi::MutableHandleObject,
) -> bool {
    incumbent.set(mozjs::jsapi::CurrentGlobalOrNull(cx));
    data.set(ptr::null_mut());
    true
}

unsafe extern "C" fn host_defined_global(
    cx: *mut JSContext,
    data: mozjs::jsapi::MutableHandleObject,
) -> bool {
    data.set(mozjs::jsapi::CurrentGlobalOrNull(cx));
    true
}

unsafe extern "C" fn run_jobs_trap(cx: *mut JSContext) {
    let _ = drain_microtasks(cx);
}

unsafe extern "C" fn trace_non_gc_microtask(_trc: *mut mozjs::jsapi::JSTracer, _v: *mut Value) {}

thread_local! {
    static DRAINING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs queued microtasks until the queue is empty or one throws.
pub(crate) unsafe fn drain_microtasks(cx: *mut JSContext) -> Result<(), Thrown> {
    if DRAINING.with(|d| d.replace(true)) {
        return Ok(());
    }
    let mut result = Ok(());
    while mozjs::jsapi::JS::HasAnyMicroTasks(cx) {
        rooted!(in(cx) let mut task = UndefinedValue());
        mozjs::glue::JS_DequeueNextMicroTask(cx, task.handle_mut().into());
        if !mozjs::jsapi::JS::IsJSMicroTask(&task.get()) {
            continue;
        }
        rooted!(in(cx) let job = mozjs::jsapi::JS::ToUnwrappedJSMicroTask(&task.get()));
        if job.get().is_null() {
            continue;
        }
        if !mozjs::jsapi::JS::RunJSMicroTask(cx, job.handle().into()) && JS_IsExceptionPending(cx) {
            result = Err(Thrown);
            break;
        }
    }
    DRAINING.with(|d| d.set(false));
    result
}
