//! The event loop: Node's phase order on a tokio current-thread runtime.
//!
//! Each turn: update the cached loop time; **timers** (JS `processTimers(now)` runs every
//! expired timer and returns the next expiry); **poll** (wait for completions such as signals,
//! no longer than the nearest timer, not at all when immediates are queued); **check** (JS
//! `processImmediates()`). After every call into JS the nextTick queue and the promise jobs are
//! drained (`runNextTicks`). The loop ends when nothing referenced is pending; then
//! `beforeExit` fires (which may schedule more work) and finally `exit`.
//!
//! Timers and immediates live in JS (`lib/internal/timers.js`); Rust keeps only the nearest
//! deadline, whether it is referenced, and the immediate counts, all set through ops in
//! [`crate::ops::timers`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::{Duration, Instant};

use lode_engine::{Arg, Engine, Persistent};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

use crate::ops;
use crate::thread_pool::ThreadPool;

/// What to run.
#[derive(Debug, Clone)]
pub enum Entry {
    /// A script file (`lode file.js`).
    File(String),
    /// `-e CODE`; with `print`, `-p CODE`.
    Eval { source: String, print: bool },
    /// The program read from standard input.
    Stdin(String),
    /// The interactive REPL.
    Repl,
}

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub entry: Entry,
    /// `process.argv` as node builds it: [execPath, script?, ...args].
    pub argv: Vec<String>,
    pub exec_argv: Vec<String>,
    pub argv0: String,
    pub exec_path: String,
    /// Modules to preload (`-r`).
    pub preload: Vec<String>,
    /// `--async-stack-traces`: `at async fn` frames in stacks, at a cost on every `await`.
    pub async_stack_traces: bool,
}

/// Something that finished outside JS and must be delivered on the JS thread.
#[derive(Debug)]
pub enum Completion {
    Signal(i32),
    /// A line (or Ctrl-C / end of input) from the REPL's reader thread.
    Repl(ops::repl::ReplInput),
    /// An async op finished (see [`crate::ops::async_ops`]).
    Op {
        id: f64,
        output: ops::async_ops::Output,
    },
    /// One event of a long-lived source (a file watcher, ...) subscribed as `id`; unlike `Op`,
    /// the subscription stays.
    Event {
        id: f64,
        output: ops::async_ops::Output,
    },
}

/// How long after submitting work to the pool the poll phase looks for its completion before
/// sleeping.
const SPIN_AFTER_SUBMIT: Duration = Duration::from_micros(100);

/// Loop state the ops read and write. One per JS thread.
pub struct LoopState {
    start: Instant,
    /// Loop time in ms, cached at the start of each turn (libuv's `uv_now`).
    now_ms: Cell<f64>,
    /// Absolute loop time of the nearest timer, if any.
    pub timer_deadline: Cell<Option<f64>>,
    pub timer_ref: Cell<bool>,
    pub immediate_count: Cell<u32>,
    pub immediate_ref_count: Cell<u32>,
    /// Other referenced handles (servers, sockets, child processes, ...).
    pub ref_handles: Cell<i64>,
    pub completions_tx: UnboundedSender<Completion>,
    completions_rx: RefCell<UnboundedReceiver<Completion>>,
    pub tokio: tokio::runtime::Runtime,
    /// Runs blocking work (`ops::async_ops::submit`).
    pub pool: ThreadPool,
    /// When work was last submitted to the pool: the poll phase briefly waits for its
    /// completion without sleeping (see `poll`).
    pub last_submit: Cell<Option<Instant>>,
}

impl LoopState {
    fn new() -> LoopState {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        LoopState {
            start: Instant::now(),
            now_ms: Cell::new(0.0),
            timer_deadline: Cell::new(None),
            timer_ref: Cell::new(true),
            immediate_count: Cell::new(0),
            immediate_ref_count: Cell::new(0),
            ref_handles: Cell::new(0),
            completions_tx: tx,
            completions_rx: RefCell::new(rx),
            tokio: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("creating the tokio runtime"),
            pool: ThreadPool::new(threadpool_size()),
            last_submit: Cell::new(None),
        }
    }

    /// Milliseconds since the loop started (fresh, not cached).
    pub fn hrtime_ms(&self) -> f64 {
        self.start.elapsed().as_secs_f64() * 1000.0
    }

    pub fn update_time(&self) {
        self.now_ms.set(self.hrtime_ms().floor());
    }

    /// The cached loop time (`getLibuvNow`).
    pub fn now(&self) -> f64 {
        self.now_ms.get()
    }

    fn alive(&self) -> bool {
        (self.timer_deadline.get().is_some() && self.timer_ref.get())
            || self.immediate_ref_count.get() > 0
            || self.ref_handles.get() > 0
    }
}

/// Threads for blocking work (file system, ...): `UV_THREADPOOL_SIZE` as in node, default 4.
fn threadpool_size() -> usize {
    std::env::var("UV_THREADPOOL_SIZE")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .map(|n| n.clamp(1, 1024))
        .unwrap_or(4)
}

thread_local! {
    static LOOP: std::rc::Rc<LoopState> = std::rc::Rc::new(LoopState::new());
}

/// The loop state of this thread.
pub fn loop_state() -> std::rc::Rc<LoopState> {
    LOOP.with(|l| l.clone())
}

/// The JS functions the loop calls, returned by the bootstrap script.
struct Hooks {
    process_timers: Rc<Persistent>,
    process_immediates: Rc<Persistent>,
    run_next_ticks: Rc<Persistent>,
    handle_fatal: Rc<Persistent>,
    emit_before_exit: Rc<Persistent>,
    emit_exit: Rc<Persistent>,
    on_signal: Rc<Persistent>,
    on_repl_input: Rc<Persistent>,
    on_op_complete: Rc<Persistent>,
    run_main: Rc<Persistent>,
}

struct Runner {
    hooks: Hooks,
    state: std::rc::Rc<LoopState>,
    engine: Engine,
}

impl Runner {
    /// Called when a call into JS threw: gives the exception to JS (`process` 'uncaughtException'
    /// or the fatal report, which exits).
    fn fatal(&mut self) {
        let Some(err) = self.engine.take_exception() else {
            // An uncatchable error (e.g. out of memory): nothing to report from JS.
            eprintln!("lode: uncatchable error (out of memory?)");
            ops::process::exit_process(1);
        };
        let hook = self.hooks.handle_fatal.clone();
        if self.engine.call(&hook, &[Arg::Value(&err)]).is_err() {
            eprintln!("lode: error while reporting an uncaught exception");
            ops::process::exit_process(7);
        }
    }

    /// Calls a hook, then drains nextTicks and microtasks as Node does after every callback.
    fn call(&mut self, f: &Persistent, args: &[Arg]) -> f64 {
        let r = match self.engine.call(f, args) {
            Ok(r) => r.as_f64(),
            Err(_) => {
                self.fatal();
                0.0
            }
        };
        self.ticks();
        r
    }

    /// Drains nextTicks and microtasks. When one throws, the exception is reported and the rest
    /// wait for the next callback's drain, as in Node.
    fn ticks(&mut self) {
        let hook = self.hooks.run_next_ticks.clone();
        if self.engine.call(&hook, &[]).is_err() {
            self.fatal();
        }
    }

    fn run_timers(&mut self) {
        let Some(deadline) = self.state.timer_deadline.get() else {
            return;
        };
        let now = self.state.now();
        if deadline > now {
            return;
        }
        let hook = self.hooks.process_timers.clone();
        // When a timer (or a nextTick it ran) throws and 'uncaughtException' handles it, the
        // rest of the expired timers still run in this phase: processTimers is called again,
        // as node's RunTimers does.
        let next = loop {
            match self.engine.call(&hook, &[Arg::Number(now)]) {
                Ok(r) => break r.as_f64(),
                Err(_) => {
                    self.fatal();
                    self.ticks();
                }
            }
        };
        // Node's convention: 0 = no timers, >0 = next expiry (referenced), <0 = unreferenced.
        // Applied before the nextTick/microtask drain, so timers those callbacks schedule
        // (scheduleTimer) are not overwritten by this older answer.
        if next == 0.0 {
            self.state.timer_deadline.set(None);
        } else {
            self.state.timer_deadline.set(Some(next.abs()));
            self.state.timer_ref.set(next > 0.0);
        }
        self.ticks();
    }

    fn poll(&mut self) {
        let timeout = if self.state.immediate_count.get() > 0 || !self.state.alive() {
            Some(Duration::ZERO)
        } else if let Some(d) = self.state.timer_deadline.get() {
            let wait = (d - self.state.hrtime_ms()).max(0.0);
            Some(Duration::from_micros((wait * 1000.0) as u64))
        } else if self.state.alive() {
            None
        } else {
            Some(Duration::ZERO)
        };
        let state = self.state.clone();
        let mut got: Vec<Completion> = Vec::new();
        {
            let mut rx = state.completions_rx.borrow_mut();
            while let Ok(c) = rx.try_recv() {
                got.push(c);
            }
            if got.is_empty() && timeout != Some(Duration::ZERO) {
                self.wait_for_recent_work(&mut rx, timeout, &mut got);
            }
            if got.is_empty() && timeout != Some(Duration::ZERO) {
                state.tokio.block_on(async {
                    let recv = rx.recv();
                    match timeout {
                        Some(t) => {
                            if let Ok(Some(c)) = tokio::time::timeout(t, recv).await {
                                got.push(c);
                            }
                        }
                        None => {
                            if let Some(c) = recv.await {
                                got.push(c);
                            }
                        }
                    }
                });
                while let Ok(c) = rx.try_recv() {
                    got.push(c);
                }
            }
        }
        for c in got {
            match c {
                Completion::Signal(sig) => {
                    let hook = self.hooks.on_signal.clone();
                    self.call(&hook, &[Arg::Number(sig as f64)]);
                }
                Completion::Op { id, output } => {
                    ops::async_ops::set_current(output, true);
                    let hook = self.hooks.on_op_complete.clone();
                    self.call(&hook, &[Arg::Number(id)]);
                }
                Completion::Event { id, output } => {
                    ops::async_ops::set_current(output, false);
                    let hook = self.hooks.on_op_complete.clone();
                    self.call(&hook, &[Arg::Number(id)]);
                }
                Completion::Repl(input) => {
                    self.state.ref_handles.set(self.state.ref_handles.get() - 1);
                    let hook = self.hooks.on_repl_input.clone();
                    match input {
                        ops::repl::ReplInput::Line(line) => self.call(&hook, &[Arg::Str(&line)]),
                        ops::repl::ReplInput::Interrupted => self.call(&hook, &[Arg::Bool(false)]),
                        ops::repl::ReplInput::Eof => self.call(&hook, &[Arg::Undefined]),
                    };
                }
            }
        }
    }

    /// When work went to the pool moments ago, looks for its completion for a little while
    /// (at most [`SPIN_AFTER_SUBMIT`] after the submit, and not past `timeout`) before the
    /// loop goes to sleep: most file operations finish within microseconds, and being woken
    /// from sleep costs tens of microseconds on a virtual machine. The pool's idle thread does
    /// the same on its side (`thread_pool.rs`).
    fn wait_for_recent_work(
        &self,
        rx: &mut UnboundedReceiver<Completion>,
        timeout: Option<Duration>,
        got: &mut Vec<Completion>,
    ) {
        let Some(submitted) = self.state.last_submit.get() else {
            return;
        };
        let now = Instant::now();
        let mut until = submitted + SPIN_AFTER_SUBMIT;
        if let Some(t) = timeout {
            until = until.min(now + t);
        }
        while Instant::now() < until {
            for _ in 0..64 {
                if let Ok(c) = rx.try_recv() {
                    got.push(c);
                    return;
                }
                std::hint::spin_loop();
            }
        }
    }

    fn run_immediates(&mut self) {
        if self.state.immediate_count.get() == 0 {
            return;
        }
        let hook = self.hooks.process_immediates.clone();
        self.call(&hook, &[]);
    }

    fn run_loop(&mut self) {
        loop {
            loop {
                self.state.update_time();
                self.run_timers();
                self.poll();
                self.run_immediates();
                if !self.state.alive() && self.state.immediate_count.get() == 0 {
                    break;
                }
            }
            let hook = self.hooks.emit_before_exit.clone();
            self.call(&hook, &[]);
            if !self.state.alive() && self.state.immediate_count.get() == 0 {
                break;
            }
        }
    }
}

/// Buffers come and go in bursts (a GC frees many stream chunks at once). glibc's defaults give
/// the freed top of the heap back to the kernel past 128 KiB and mmap blocks from 128 KiB up
/// (moving that bar as it goes), so the next chunks fault fresh zeroed pages in: a third of a
/// file copy's time. Keeping up to 32 MiB of free heap and mmapping only from 4 MiB makes a
/// 1 GiB copy ~15% faster for ~8 MB more peak RSS.
fn tune_malloc() {
    // SAFETY: mallopt only sets allocator parameters; called before other threads allocate.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 32 * 1024 * 1024);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    }
}

/// Runs a program to completion and returns the process exit code.
pub fn run(options: RunOptions) -> i32 {
    tune_malloc();
    let mut engine = Engine::new();
    engine.set_async_stack_traces(options.async_stack_traces);
    if std::env::var("LODE_GC_STRESS").is_ok_and(|v| v == "1") {
        engine.stress_gc(true);
    }
    engine.set_memory_limit(memory_limit(&options), out_of_memory);
    let state = loop_state();
    state.update_time();
    let bindings = ops::create_bindings(&mut engine, &options);
    let source = crate::builtins::source("internal/bootstrap").expect("bootstrap is embedded");
    let bootstrap = match engine.eval(source, "node:internal/bootstrap") {
        Ok(f) => f,
        Err(_) => {
            report_startup_failure(&mut engine);
            return 70;
        }
    };
    let hooks_obj = match engine.call_keep(&bootstrap, &[Arg::Value(bindings.persistent())]) {
        Ok(h) => h,
        Err(_) => {
            report_startup_failure(&mut engine);
            return 70;
        }
    };
    let mut get = |name: &str| {
        Rc::new(
            engine
                .get(&hooks_obj, name)
                .unwrap_or_else(|_| panic!("bootstrap hook {name}")),
        )
    };
    let hooks = Hooks {
        process_timers: get("processTimers"),
        process_immediates: get("processImmediates"),
        run_next_ticks: get("runNextTicks"),
        handle_fatal: get("handleFatalException"),
        emit_before_exit: get("emitBeforeExit"),
        emit_exit: get("emitExit"),
        on_signal: get("onSignal"),
        on_repl_input: get("onReplInput"),
        on_op_complete: get("onOpComplete"),
        run_main: get("runMain"),
    };
    drop(bindings);
    let mut runner = Runner {
        hooks,
        state,
        engine,
    };
    let main = runner.hooks.run_main.clone();
    runner.call(&main, &[]);
    runner.run_loop();
    let exit = runner.hooks.emit_exit.clone();
    let code = match runner.engine.call(&exit, &[]) {
        Ok(r) => r.as_f64() as i32,
        Err(_) => {
            runner.fatal();
            1
        }
    };
    ops::process::exit_process(code)
}

/// Node's default heap limit on a 64-bit machine is about 4 GiB; `--max-old-space-size=MB`
/// changes it. Lode caps resident memory at that plus room for the runtime itself.
fn memory_limit(options: &RunOptions) -> u64 {
    let mb = options
        .exec_argv
        .iter()
        .find_map(|a| a.strip_prefix("--max-old-space-size="))
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(4096);
    (mb + 512) * 1024 * 1024
}

fn out_of_memory() {
    eprintln!("\n<--- Last few GCs --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory");
    ops::process::exit_process(134);
}

fn report_startup_failure(engine: &mut Engine) {
    let msg = engine
        .take_exception()
        .map(|_| "exception")
        .unwrap_or("unknown error");
    eprintln!("lode: bootstrap failed ({msg})");
}
