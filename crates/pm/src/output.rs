//! Progress and messages: an indicatif bar on a TTY (resolved / downloaded / extracted counts),
//! nothing but warnings and the summary line otherwise; `--silent` hides all but errors.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

#[derive(Clone)]
pub struct Progress {
    inner: Arc<Inner>,
}

struct Inner {
    bar: Option<ProgressBar>,
    silent: bool,
    resolved: AtomicUsize,
    queued: AtomicUsize,
    downloaded: AtomicUsize,
    extracted: AtomicUsize,
}

impl Progress {
    pub fn new(silent: bool) -> Progress {
        let bar = (!silent && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none())
            .then(|| {
                let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(10));
                b.set_style(
                    ProgressStyle::with_template("{spinner} {bar:30} {pos}/{len} {msg}")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
                b.enable_steady_tick(std::time::Duration::from_millis(100));
                b
            });
        Progress {
            inner: Arc::new(Inner {
                bar,
                silent,
                resolved: AtomicUsize::new(0),
                queued: AtomicUsize::new(0),
                downloaded: AtomicUsize::new(0),
                extracted: AtomicUsize::new(0),
            }),
        }
    }
    fn update(&self) {
        if let Some(b) = &self.inner.bar {
            b.set_message(format!(
                "resolved {} · downloaded {} · extracted {}",
                self.inner.resolved.load(Ordering::Relaxed),
                self.inner.downloaded.load(Ordering::Relaxed),
                self.inner.extracted.load(Ordering::Relaxed)
            ));
            b.set_length(self.inner.queued.load(Ordering::Relaxed) as u64);
            b.set_position(self.inner.extracted.load(Ordering::Relaxed) as u64);
        }
    }
    /// One more package to fetch and extract (the bar's length).
    pub fn queued(&self) {
        self.inner.queued.fetch_add(1, Ordering::Relaxed);
        self.update();
    }
    pub fn resolved(&self) {
        self.inner.resolved.fetch_add(1, Ordering::Relaxed);
        self.update();
    }
    pub fn downloaded(&self) {
        self.inner.downloaded.fetch_add(1, Ordering::Relaxed);
        self.update();
    }
    pub fn extracted(&self) {
        self.inner.extracted.fetch_add(1, Ordering::Relaxed);
        self.update();
    }
    pub fn warn(&self, msg: &str) {
        if self.inner.silent {
            return;
        }
        let text = msg
            .lines()
            .map(|l| format!("lode warn {l}"))
            .collect::<Vec<_>>()
            .join("\n");
        match &self.inner.bar {
            Some(b) => b.suspend(|| eprintln!("{text}")),
            None => eprintln!("{text}"),
        }
    }
    pub fn finish(&self) {
        if let Some(b) = &self.inner.bar {
            b.finish_and_clear();
        }
    }
}
