//! The Lode runtime: the event loop, the ops `lib/` calls, and start-up.
//!
//! Start-up evaluates `lib/internal/bootstrap.js`, which receives every binding object (one per
//! op domain, see [`ops`]) and returns the hooks the event loop calls: `processTimers`,
//! `processImmediates`, `runNextTicks`, `handleFatalException`, `emitBeforeExit`, `emitExit`.
//! Built-in modules are compiled lazily, on first `require`, from the sources embedded by
//! `build.rs`.

mod event_loop;
pub mod ops;

pub use event_loop::{run, Entry, RunOptions};

/// Built-in JS sources embedded from `lib/`.
pub mod builtins {
    include!(concat!(env!("OUT_DIR"), "/builtins.rs"));

    pub fn source(id: &str) -> Option<&'static str> {
        BUILTIN_SOURCES
            .binary_search_by(|(k, _)| (*k).cmp(id))
            .ok()
            .map(|i| BUILTIN_SOURCES[i].1)
    }
}

/// The Node.js version Lode reports, so that `engines` checks of packages pass.
pub const NODE_VERSION: &str = "v20.20.2";
/// Lode's own version.
pub const LODE_VERSION: &str = env!("CARGO_PKG_VERSION");
