//! The Lode runtime: the event loop, the ops `lib/` calls, and start-up.
//!
//! Start-up evaluates `lib/internal/bootstrap.js`, which receives every binding object (one per
//! op domain, see [`ops`]) and returns the hooks the event loop calls: `processTimers`,
//! `processImmediates`, `runNextTicks`, `handleFatalException`, `emitBeforeExit`, `emitExit`.
//! Built-in modules are compiled lazily, on first `require`, from the sources embedded by
//! `build.rs`.

mod event_loop;
pub mod ops;
mod thread_pool;

pub use event_loop::{run, Entry, RunOptions};

/// Built-in JS sources embedded from `lib/`.
pub mod builtins {
    include!(concat!(env!("OUT_DIR"), "/builtins.rs"));

    use std::sync::OnceLock;

    /// The built-in modules: the embedded table, or, when `LODE_LIB_DIR` names a directory
    /// (a development aid: edit `lib/` and rerun without rebuilding), that directory's files
    /// read once at start-up.
    pub fn sources() -> &'static [(&'static str, &'static str)] {
        static DEV: OnceLock<Option<Vec<(&'static str, &'static str)>>> = OnceLock::new();
        let dev = DEV.get_or_init(|| {
            let dir = std::env::var_os("LODE_LIB_DIR")?;
            let mut out = Vec::new();
            read_dir(std::path::Path::new(&dir), "", &mut out);
            out.sort();
            Some(out)
        });
        dev.as_deref().unwrap_or(BUILTIN_SOURCES)
    }

    fn read_dir(dir: &std::path::Path, prefix: &str, out: &mut Vec<(&'static str, &'static str)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            if path.is_dir() {
                read_dir(&path, &format!("{prefix}{name}/"), out);
            } else if let Some(stem) = name.strip_suffix(".js") {
                if let Ok(src) = std::fs::read_to_string(&path) {
                    let id: &'static str = Box::leak(format!("{prefix}{stem}").into_boxed_str());
                    out.push((id, Box::leak(src.into_boxed_str())));
                }
            }
        }
    }

    /// What names the compiled-code cache of the embedded sources; none for sources read from
    /// `LODE_LIB_DIR`, which change under development.
    pub fn cache_key() -> Option<&'static str> {
        (sources().as_ptr() == BUILTIN_SOURCES.as_ptr()).then_some(BUILTIN_SOURCES_HASH)
    }

    pub fn source(id: &str) -> Option<&'static str> {
        let all = sources();
        all.binary_search_by(|(k, _)| (*k).cmp(id))
            .ok()
            .map(|i| all[i].1)
    }
}

/// The Node.js version Lode reports, so that `engines` checks of packages pass.
pub const NODE_VERSION: &str = "v20.20.2";
/// Lode's own version.
pub const LODE_VERSION: &str = env!("CARGO_PKG_VERSION");
