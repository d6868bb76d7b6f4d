//! The only crate of Lode that talks to SpiderMonkey directly.
//!
//! Everything `unsafe` — raw `JSContext` pointers, GC rooting, JSNative trampolines — lives here,
//! behind a small safe API used by `lode-runtime`:
//!
//! - [`Engine`]: one JS runtime with one global object; evaluates scripts, calls functions,
//!   drains the promise job queue, reports unhandled rejections.
//! - [`Persistent`]: a JS value kept alive from Rust (a GC root), e.g. a JS callback the event
//!   loop calls.
//! - [`Op`] and [`Args`]: typed Rust functions exposed to JS as native functions ("ops"). An op
//!   is a zero-sized type; [`Binding`] installs it on a binding object with no per-call lookup.
//! - [`introspection`](crate::introspect): natives `lib/` needs that plain JS cannot express
//!   (promise state, proxy target, builtin class, compiling a function with a file name).

mod args;
mod byte_buf;
mod code_cache;
mod engine;
mod introspect;
mod modules;

pub use args::{Args, Binding, Op, OpResult, StringChars, Thrown};
pub use byte_buf::ByteBuf;
pub use engine::{Arg, Engine, Persistent, Rejection, RejectionKind, Returned};

/// When true, every op call first runs a full, non-incremental GC. Set once at start-up from
/// `LODE_GC_STRESS=1`; used to shake out rooting bugs in the fixture suite.
pub fn set_gc_stress(on: bool) {
    args::GC_STRESS.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Makes SpiderMonkey re-read the local time zone on its next use by `Date` or `Intl` (after the
/// `TZ` environment variable changed), as V8's `DateTimeConfigurationChangeNotification` does for
/// node.
pub fn reset_time_zone() {
    unsafe { mozjs::jsapi::JS::ResetTimeZone() }
}
