//! The thread pool for blocking work (file system calls): libuv's threadpool.
//!
//! At most `UV_THREADPOOL_SIZE` threads (default 4), started when work first needs them and
//! ended after [`KEEP_ALIVE`] without work. Jobs run in the order they were submitted.
//!
//! Why not tokio's blocking pool: its idle threads sleep at once, and waking a sleeping thread
//! costs tens of microseconds on a virtual machine (an inter-processor interrupt and a VM exit)
//! — more than most file operations take. Streaming code submits its next request a few
//! microseconds after the previous one completes, so here one idle thread keeps looking for
//! work for [`SPIN`] before it sleeps (the event loop does the same while it waits for a
//! request it has just submitted, see `event_loop.rs`). An async op round trip drops from
//! ~45 µs to a few µs; the cost is at most [`SPIN`] of one core after a burst of work.
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long one idle thread looks for new work before it sleeps.
pub const SPIN: Duration = Duration::from_micros(50);
/// How long an idle thread sleeps before it ends.
const KEEP_ALIVE: Duration = Duration::from_secs(10);

type Job = Box<dyn FnOnce() + Send + 'static>;

pub struct ThreadPool {
    shared: Arc<Shared>,
}

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
    /// Jobs waiting in the queue, readable without the lock by the spinning thread.
    queued: AtomicUsize,
    max_threads: usize,
}

#[derive(Default)]
struct State {
    jobs: VecDeque<Job>,
    threads: usize,
    /// Threads looking for work without sleeping (0 or 1).
    spinning: usize,
    /// Threads waiting on `wake`.
    sleeping: usize,
}

impl ThreadPool {
    pub fn new(max_threads: usize) -> ThreadPool {
        ThreadPool {
            shared: Arc::new(Shared {
                state: Mutex::new(State::default()),
                wake: Condvar::new(),
                queued: AtomicUsize::new(0),
                max_threads: max_threads.max(1),
            }),
        }
    }

    /// Queues `job`; a thread runs it as soon as one is free.
    pub fn execute(&self, job: impl FnOnce() + Send + 'static) {
        let shared = &self.shared;
        let mut st = shared.state.lock().unwrap_or_else(|e| e.into_inner());
        st.jobs.push_back(Box::new(job));
        shared.queued.fetch_add(1, Ordering::Release);
        // A spinning thread takes one job; more need a sleeping thread or a new one.
        if st.jobs.len() > st.spinning {
            if st.sleeping > 0 {
                shared.wake.notify_one();
            } else if st.threads < shared.max_threads {
                st.threads += 1;
                let shared = shared.clone();
                let spawned = std::thread::Builder::new()
                    .name("lode-pool".into())
                    .spawn(move || worker(&shared));
                if spawned.is_err() {
                    // The jobs wait for the threads there are (there is at least one unless
                    // this was the first, which the next submit retries).
                    st.threads -= 1;
                }
            }
        }
    }
}

fn worker(shared: &Shared) {
    let mut st = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if let Some(job) = st.jobs.pop_front() {
            shared.queued.fetch_sub(1, Ordering::Release);
            drop(st);
            // A job is an op's closure, which catches nothing itself: a panic must not take
            // the thread's count with it (the op's request would simply never complete, so
            // ops return errors instead of panicking).
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            st = shared.state.lock().unwrap_or_else(|e| e.into_inner());
            continue;
        }
        if st.spinning == 0 {
            st.spinning += 1;
            drop(st);
            let start = Instant::now();
            'spin: loop {
                for _ in 0..64 {
                    if shared.queued.load(Ordering::Acquire) > 0 {
                        break 'spin;
                    }
                    std::hint::spin_loop();
                }
                if start.elapsed() >= SPIN {
                    break;
                }
            }
            st = shared.state.lock().unwrap_or_else(|e| e.into_inner());
            st.spinning -= 1;
            if !st.jobs.is_empty() {
                continue;
            }
        }
        st.sleeping += 1;
        let (guard, timeout) = shared
            .wake
            .wait_timeout(st, KEEP_ALIVE)
            .unwrap_or_else(|e| e.into_inner());
        st = guard;
        st.sleeping -= 1;
        if timeout.timed_out() && st.jobs.is_empty() {
            st.threads -= 1;
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn runs_every_job_with_at_most_the_configured_threads() {
        let pool = ThreadPool::new(3);
        let (tx, rx) = mpsc::channel();
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        for i in 0..50 {
            let (tx, running, peak) = (tx.clone(), running.clone(), peak.clone());
            pool.execute(move || {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(2));
                running.fetch_sub(1, Ordering::SeqCst);
                tx.send(i).unwrap();
            });
        }
        let mut got: Vec<i32> = (0..50).map(|_| rx.recv().unwrap()).collect();
        got.sort();
        assert_eq!(got, (0..50).collect::<Vec<_>>());
        let peak = peak.load(Ordering::SeqCst);
        assert!((2..=3).contains(&peak), "peak concurrency {peak}");
    }

    #[test]
    fn a_job_after_the_threads_went_idle_still_runs() {
        let pool = ThreadPool::new(2);
        let (tx, rx) = mpsc::channel();
        for round in 0..3 {
            let tx = tx.clone();
            pool.execute(move || tx.send(round).unwrap());
            assert_eq!(rx.recv().unwrap(), round);
            // Past the spin: the thread is asleep and must be woken.
            std::thread::sleep(SPIN * 4);
        }
    }

    #[test]
    fn a_panicking_job_does_not_stop_the_pool() {
        let pool = ThreadPool::new(1);
        let (tx, rx) = mpsc::channel();
        pool.execute(|| panic!("job failed"));
        pool.execute(move || tx.send(1).unwrap());
        assert_eq!(rx.recv_timeout(Duration::from_secs(5)).unwrap(), 1);
    }
}
