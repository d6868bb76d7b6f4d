//! Async ops: work that runs off the JS thread and completes on the event loop.
//!
//! One convention serves both forms of an operation. An op that can run asynchronously takes a
//! request id as its last argument. Without it the work runs right away on the JS thread and the
//! op returns the result (the sync form, e.g. `fs.readFileSync`). With it the work goes to
//! the thread pool (`thread_pool.rs`), the op returns at once, and when the work is done the event loop calls
//! the JS hook `onOpComplete(id)` in its poll phase; JS then reads the result with
//! `internalBinding('async_ops').result()`, which returns exactly what the sync form would have
//! returned. Rust never holds a JS object: the JS side keeps the id → callback table
//! (`lib/internal/async_ops.js`).
//!
//! Results use the sync ops' convention: a negative errno for failure, else the value.
//! Each pending request keeps the loop alive, like a libuv request.
//!
//! Long-lived sources (file watchers) deliver many results to one id as
//! [`Completion::Event`]s through the same hook; JS registers them with `subscribe`.

use std::cell::RefCell;

use lode_engine::{Args, Binding, Engine, OpResult};

use crate::event_loop::{loop_state, Completion};

/// What an op produced, in a form that can cross threads.
#[derive(Debug)]
pub enum Output {
    Undefined,
    Number(f64),
    /// Bytes in malloc'd memory that the returned Uint8Array takes over without a copy.
    Buf(lode_engine::ByteBuf),
    /// UTF-8 bytes returned as a string (invalid sequences replaced).
    Utf8(lode_engine::ByteBuf),
    Text(String),
    Numbers(Vec<f64>),
    Strings(Vec<String>),
    /// A failure as a negative errno.
    Errno(f64),
}

impl Output {
    pub fn from_io(r: std::io::Result<Output>) -> Output {
        match r {
            Ok(o) => o,
            Err(e) => Output::Errno(super::neg_errno(&e)),
        }
    }

    /// Sets the op's return value.
    pub fn ret(self, args: &mut Args) -> OpResult {
        match self {
            Output::Undefined => {
                args.ret_undefined();
                Ok(())
            }
            Output::Number(n) | Output::Errno(n) => {
                args.ret_number(n);
                Ok(())
            }
            Output::Buf(b) => args.ret_byte_buf(b),
            Output::Utf8(b) => args.ret_string(&String::from_utf8_lossy(b.as_slice())),
            Output::Text(s) => args.ret_string(&s),
            Output::Numbers(v) => args.ret_numbers(&v),
            Output::Strings(v) => args.ret_strings(&v),
        }
    }
}

thread_local! {
    /// The result of the request whose completion is being delivered.
    static CURRENT: RefCell<Option<Output>> = const { RefCell::new(None) };
}

/// Runs `work` now (sync form) or on the thread pool (async form, when argument `req` is a
/// request id), as described in the module docs.
pub fn run<F>(args: &mut Args, req: usize, work: F) -> OpResult
where
    F: FnOnce() -> std::io::Result<Output> + Send + 'static,
{
    if !args.is_number(req) {
        return Output::from_io(work()).ret(args);
    }
    let id = args.number(req)?;
    submit(id, work);
    Ok(())
}

/// Queues `work` on the thread pool; its result is delivered as request `id`.
pub fn submit<F>(id: f64, work: F)
where
    F: FnOnce() -> std::io::Result<Output> + Send + 'static,
{
    let state = loop_state();
    state.ref_handles.set(state.ref_handles.get() + 1);
    state.last_submit.set(Some(std::time::Instant::now()));
    let tx = state.completions_tx.clone();
    state.pool.execute(move || {
        // A panic must still complete the request, or the loop would wait for it forever.
        let output = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
            .map(Output::from_io)
            .unwrap_or(Output::Errno(-(libc::EIO as f64)));
        let _ = tx.send(Completion::Op { id, output });
    });
}

/// Delivers `output` as request `id` for work already done on the JS thread because it could
/// not block (see `fs_nowait`). The callback still runs from the poll phase of the event loop,
/// as for work done on the pool.
pub fn complete_now(id: f64, output: Output) {
    let state = loop_state();
    state.ref_handles.set(state.ref_handles.get() + 1);
    let _ = state.completions_tx.send(Completion::Op { id, output });
}

/// Called by the event loop before it calls `onOpComplete(id)`; `finished` ends a request
/// (it no longer keeps the loop alive), as opposed to one event of a subscription.
pub(crate) fn set_current(output: Output, finished: bool) {
    if finished {
        let state = loop_state();
        state.ref_handles.set(state.ref_handles.get() - 1);
    }
    CURRENT.with(|c| *c.borrow_mut() = Some(output));
}

op!(
    /// `result()`: the result of the request being completed (once).
    TakeResult = c"result" / 0, |args| {
        match CURRENT.with(|c| c.borrow_mut().take()) {
            Some(o) => o.ret(args),
            None => Err(args.throw_error("async_ops.result() called outside a completion")),
        }
    }
);

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    b.op::<TakeResult>();
    b
}
