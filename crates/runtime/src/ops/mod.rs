//! Ops: the typed Rust functions `lib/` calls, grouped by domain. Each domain module has a
//! `binding` function building the object `lib/` gets from `internalBinding(name)`.

use lode_engine::{Binding, Engine};

use crate::event_loop::RunOptions;

/// Declares an op: a zero-sized type whose `call` is the body.
macro_rules! op {
    ($(#[$doc:meta])* $ty:ident = $name:literal / $len:literal, |$args:ident| $body:block) => {
        $(#[$doc])*
        pub struct $ty;
        impl lode_engine::Op for $ty {
            const NAME: &'static std::ffi::CStr = $name;
            const LENGTH: u32 = $len;
            fn call($args: &mut lode_engine::Args) -> lode_engine::OpResult $body
        }
    };
}

pub mod async_ops;
pub mod bench;
pub mod buffer;
pub mod builtins;
pub mod collation;
pub mod credentials;
pub mod encoding;
pub mod fs;
pub mod fs_nowait;
pub mod fs_watch;
pub mod os;
pub mod process;
pub mod repl;
pub mod timers;
pub mod tty;

/// The object passed to `lib/internal/bootstrap.js`: one binding per domain.
pub fn create_bindings(engine: &mut Engine, options: &RunOptions) -> Binding {
    let mut all = Binding::new(engine);
    let mut util = Binding::new(engine);
    engine.install_natives(&mut util);
    all.binding("util", &util);
    let b = async_ops::binding(engine);
    all.binding("async_ops", &b);
    let b = timers::binding(engine);
    all.binding("timers", &b);
    let b = process::binding(engine, options);
    all.binding("process", &b);
    let b = fs::binding(engine);
    all.binding("fs", &b);
    let b = builtins::binding(engine);
    all.binding("builtins", &b);
    let b = encoding::binding(engine);
    all.binding("encoding", &b);
    let b = collation::binding(engine);
    all.binding("collation", &b);
    let b = buffer::binding(engine);
    all.binding("buffer", &b);
    let b = repl::binding(engine);
    all.binding("repl", &b);
    let b = bench::binding(engine);
    all.binding("bench", &b);
    let b = os::binding(engine);
    all.binding("os", &b);
    let b = tty::binding(engine);
    all.binding("tty", &b);
    all
}

/// The last OS error as a negative errno, the convention sync ops use to report failure
/// (`lib/internal/errors.js` turns it into Node's error object).
pub(crate) fn neg_errno(e: &std::io::Error) -> f64 {
    -(e.raw_os_error().unwrap_or(libc::EIO) as f64)
}
