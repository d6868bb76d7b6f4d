//! Reads and writes done on the JS thread when they cannot wait for a device.
//!
//! An async `fs` read or write normally goes to the thread pool and back: two thread
//! wake-ups, which on a virtual machine cost tens of microseconds each, far more than copying
//! 64 KiB from the page cache. So the async forms first try the operation without waiting:
//! `preadv2`/`pwritev2` with `RWF_NOWAIT` (the kernel copies cached data or says EAGAIN; this
//! is how io_uring decides too), or a plain read/write on a regular file that lives in memory
//! (tmpfs, ramfs), where nothing can wait for a device. When that finishes the request, the
//! result is delivered through the event loop like any other completion
//! ([`async_ops::complete_now`](super::async_ops::complete_now)), so callbacks still run from
//! the poll phase of a later loop turn, as node's. Anything else (a cache miss, a pipe with no
//! data, an error, a request over [`NOW_LIMIT`]) goes to the pool exactly as before, and a
//! partial transfer on a file continues there, so a read returns what a blocking read returns.
use std::collections::HashMap;
use std::io;
use std::sync::{Condvar, Mutex};

use lode_engine::ByteBuf;

/// Reads and writes of a descriptor that went to the pool, in the order they were issued.
/// While any is pending, later ones of that descriptor go to the pool behind it instead of being
/// done at once, and on the pool each waits for its turn: they take effect in the order the
/// program issued them (two writes at the current position land one after the other, as the
/// program wrote them), which libuv's pool leaves to chance.
#[derive(Default)]
struct FdQueue {
    next_ticket: u64,
    /// The oldest ticket not finished: the one whose turn it is.
    serving: u64,
    /// Tickets finished out of turn (a job dropped without running).
    finished: std::collections::BTreeSet<u64>,
}

static QUEUES: Mutex<Option<HashMap<i32, FdQueue>>> = Mutex::new(None);
static TURN: Condvar = Condvar::new();

fn queues() -> std::sync::MutexGuard<'static, Option<HashMap<i32, FdQueue>>> {
    QUEUES.lock().unwrap_or_else(|e| e.into_inner())
}

/// A read or write of `fd` sent to the pool: its place in the descriptor's queue until dropped
/// (at the end of the job).
pub struct OnPool {
    fd: i32,
    ticket: u64,
}

impl OnPool {
    /// Takes the next place in `fd`'s queue (on the JS thread, when the job is submitted).
    pub fn new(fd: i32) -> OnPool {
        let mut map = queues();
        let queue = map.get_or_insert_with(HashMap::new).entry(fd).or_default();
        let ticket = queue.next_ticket;
        queue.next_ticket += 1;
        OnPool { fd, ticket }
    }

    /// Waits (on the pool thread) until every earlier job of the descriptor has finished.
    pub fn in_turn(self) -> OnPool {
        let mut map = queues();
        while map
            .as_ref()
            .and_then(|m| m.get(&self.fd))
            .is_some_and(|q| q.serving != self.ticket)
        {
            map = TURN.wait(map).unwrap_or_else(|e| e.into_inner());
        }
        drop(map);
        self
    }
}

impl Drop for OnPool {
    fn drop(&mut self) {
        let mut map = queues();
        if let Some(map) = map.as_mut() {
            if let Some(queue) = map.get_mut(&self.fd) {
                queue.finished.insert(self.ticket);
                while queue.finished.remove(&queue.serving) {
                    queue.serving += 1;
                }
                if queue.serving == queue.next_ticket {
                    map.remove(&self.fd);
                }
            }
        }
        TURN.notify_all();
    }
}

/// Whether a read or write of `fd` is still pending on the pool.
fn busy_on_pool(fd: i32) -> bool {
    queues().as_ref().is_some_and(|m| m.contains_key(&fd))
}

/// Largest request tried on the JS thread: copying 1 MiB takes well under a millisecond.
pub const NOW_LIMIT: usize = 1 << 20;

/// What trying an operation without waiting gave.
pub enum Now<T> {
    /// Finished: deliver this result.
    Done(io::Result<T>),
    /// Part was transferred (the bytes read, or the count written); the rest must be done on
    /// the pool.
    Partial(T),
    /// Nothing was done; do all of it on the pool.
    Later,
}

/// `TMPFS_MAGIC` and `RAMFS_MAGIC` from linux/magic.h.
const MEMORY_FILESYSTEMS: [i64; 2] = [0x0102_1994, 0x8584_58f6];

/// The size of `fd` when it is a regular file.
fn regular_file_size(fd: i32) -> Option<i64> {
    // SAFETY: fstat into a zeroed stat on the stack.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        (libc::fstat(fd, &mut st) == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFREG)
            .then_some(st.st_size)
    }
}

/// Whether `fd` is a regular file on a file system held in memory, where reading and writing
/// copy memory and never wait for a device.
fn is_memory_file(fd: i32) -> bool {
    // SAFETY: fstatfs into a zeroed statfs on the stack.
    let in_memory = unsafe {
        let mut st: libc::statfs = std::mem::zeroed();
        libc::fstatfs(fd, &mut st) == 0 && MEMORY_FILESYSTEMS.contains(&(st.f_type as i64))
    };
    in_memory && regular_file_size(fd).is_some()
}

fn last_errno() -> i32 {
    io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The kernel says this file (system) has no "don't wait" mode.
fn unsupported(errno: i32) -> bool {
    errno == libc::EOPNOTSUPP || errno == libc::EINVAL || errno == libc::ENOSYS
}

/// Tries to read up to `len` bytes at `position` (the current position when negative) without
/// waiting. `Partial` carries the bytes read so far; [`read_rest`] finishes them on the pool.
pub fn read(fd: i32, len: usize, position: i64) -> Now<ByteBuf> {
    if len > NOW_LIMIT || busy_on_pool(fd) {
        return Now::Later;
    }
    let mut buf = ByteBuf::with_capacity(len);
    let (ptr, room) = buf.spare_ptr();
    let iov = libc::iovec {
        iov_base: ptr as *mut libc::c_void,
        iov_len: room,
    };
    let offset = if position >= 0 { position } else { -1 };
    // SAFETY: one iovec over the buffer's `room` writable bytes.
    let n = unsafe { libc::preadv2(fd, &iov, 1, offset, libc::RWF_NOWAIT) };
    if n < 0 {
        if unsupported(last_errno()) && is_memory_file(fd) {
            return Now::Done(super::fs::read_new_buf(fd, len, position, false));
        }
        return Now::Later;
    }
    let n = n as usize;
    // SAFETY: the kernel wrote `n <= room` bytes.
    unsafe { buf.advance(n) };
    if n == 0 || n == room {
        return Now::Done(Ok(buf));
    }
    // A short read of a pipe or terminal is what a blocking read returns too. A short read of
    // a file is the end of the file, or else part of the range was not cached: the pool
    // finishes that.
    match regular_file_size(fd) {
        None => Now::Done(Ok(buf)),
        Some(size) => {
            let end = if position >= 0 {
                position + n as i64
            } else {
                // SAFETY: lseek on the descriptor just read.
                unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) }
            };
            if end >= size {
                Now::Done(Ok(buf))
            } else {
                Now::Partial(buf)
            }
        }
    }
}

/// Finishes a [`read`] that returned `Partial`: reads into the rest of `buf` until it is full
/// or the file ends. `position` is the original position (negative: the current one).
pub fn read_rest(fd: i32, mut buf: ByteBuf, position: i64) -> io::Result<ByteBuf> {
    while buf.len() < buf.capacity() {
        match super::fs::read_more(fd, &mut buf, position) {
            Ok(0) => break,
            Ok(_) => {}
            // What was read stays read, as a blocking read that fails midway reports it.
            Err(_) => break,
        }
    }
    Ok(buf)
}

/// Tries to write `data` at `position` (the current position when negative) without waiting:
/// one write call, or with `all` every byte. `Done` and `Partial` carry the number of bytes
/// written.
pub fn write(fd: i32, data: &[u8], position: i64, all: bool) -> Now<usize> {
    if data.len() > NOW_LIMIT || data.is_empty() || busy_on_pool(fd) {
        return Now::Later;
    }
    let iov = libc::iovec {
        iov_base: data.as_ptr() as *mut libc::c_void,
        iov_len: data.len(),
    };
    let offset = if position >= 0 { position } else { -1 };
    // SAFETY: one iovec over `data`, which the kernel only reads.
    let n = unsafe { libc::pwritev2(fd, &iov, 1, offset, libc::RWF_NOWAIT) };
    if n < 0 {
        if unsupported(last_errno()) && is_memory_file(fd) {
            return Now::Done(if all {
                super::fs::write_all(fd, data, position).map(|()| data.len())
            } else {
                super::fs::write_at(fd, data, position)
            });
        }
        return Now::Later;
    }
    let n = n as usize;
    if n == data.len() {
        Now::Done(Ok(n))
    } else {
        // A blocking write writes everything (or fails): the rest goes to the pool.
        Now::Partial(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_jobs_of_a_descriptor_run_in_issue_order() {
        let fd = 1_000_001; // No real descriptor: only the queue is used.
        let tickets: Vec<OnPool> = (0..4).map(|_| OnPool::new(fd)).collect();
        assert!(busy_on_pool(fd));
        let order = std::sync::Arc::new(Mutex::new(Vec::new()));
        let mut threads = Vec::new();
        // Started last first: each still waits for the ones issued before it.
        for (i, t) in tickets.into_iter().enumerate().rev() {
            let order = order.clone();
            threads.push(std::thread::spawn(move || {
                let _turn = t.in_turn();
                order.lock().unwrap().push(i);
            }));
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(*order.lock().unwrap(), vec![0, 1, 2, 3]);
        assert!(!busy_on_pool(fd));
    }

    #[test]
    fn a_job_dropped_unrun_does_not_hold_up_the_rest() {
        let fd = 1_000_002;
        let first = OnPool::new(fd);
        let second = OnPool::new(fd);
        let third = OnPool::new(fd);
        drop(second);
        drop(first.in_turn());
        drop(third.in_turn());
        assert!(!busy_on_pool(fd));
    }
    use std::io::Write;
    use std::os::fd::AsRawFd;

    fn pipe() -> (std::fs::File, std::fs::File) {
        let mut fds = [0; 2];
        // SAFETY: pipe into a two-element array; each end is owned by one File.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        use std::os::fd::FromRawFd;
        unsafe {
            (
                std::fs::File::from_raw_fd(fds[0]),
                std::fs::File::from_raw_fd(fds[1]),
            )
        }
    }

    fn bytes(now: Now<ByteBuf>) -> (&'static str, Vec<u8>) {
        match now {
            Now::Done(Ok(b)) => ("done", b.as_slice().to_vec()),
            Now::Done(Err(e)) => panic!("unexpected error {e}"),
            Now::Partial(b) => ("partial", b.as_slice().to_vec()),
            Now::Later => ("later", Vec::new()),
        }
    }

    #[test]
    fn an_empty_pipe_goes_to_the_pool_and_a_pipe_with_data_is_read_at_once() {
        let (r, mut w) = pipe();
        assert_eq!(bytes(read(r.as_raw_fd(), 100, -1)).0, "later");
        w.write_all(b"abc").unwrap();
        // Short, as a blocking read of a pipe returns what is there.
        assert_eq!(
            bytes(read(r.as_raw_fd(), 100, -1)),
            ("done", b"abc".to_vec())
        );
        match write(w.as_raw_fd(), b"xyz", -1, true) {
            Now::Done(Ok(3)) | Now::Later => {}
            _ => panic!("a pipe with room takes the whole write or leaves it to the pool"),
        }
    }

    #[test]
    fn files_read_fully_short_only_at_the_end() {
        for dir in [std::env::temp_dir(), "/dev/shm".into()] {
            if !dir.is_dir() {
                continue;
            }
            let path = dir.join(format!("lode-nowait-{}", std::process::id()));
            let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &data).unwrap();
            let f = std::fs::File::open(&path).unwrap();
            let fd = f.as_raw_fd();
            // Whatever path is taken, the bytes are those a blocking read gives.
            let finish = |now: Now<ByteBuf>, position: i64, len: usize| match now {
                Now::Done(r) => r.unwrap().as_slice().to_vec(),
                Now::Partial(b) => read_rest(fd, b, position).unwrap().as_slice().to_vec(),
                Now::Later => super::super::fs::read_new_buf(fd, len, position, false)
                    .unwrap()
                    .as_slice()
                    .to_vec(),
            };
            assert_eq!(
                finish(read(fd, 65536, 1000), 1000, 65536),
                &data[1000..66536]
            );
            assert_eq!(
                finish(read(fd, 65536, 190_000), 190_000, 65536),
                &data[190_000..]
            );
            assert_eq!(finish(read(fd, 10, 300_000), 300_000, 10), b"");
            assert_eq!(finish(read(fd, 5, -1), -1, 5), &data[..5]);
            assert_eq!(finish(read(fd, 5, -1), -1, 5), &data[5..10]);
            assert!(matches!(read(fd, NOW_LIMIT + 1, 0), Now::Later));
            drop(f);
            let _ = std::fs::remove_file(&path);
        }
    }

    #[test]
    fn a_failed_write_is_left_to_the_pool_or_reported() {
        let dir = std::env::temp_dir().join(format!("lode-nowait-w-{}", std::process::id()));
        std::fs::write(&dir, b"").unwrap();
        let f = std::fs::File::open(&dir).unwrap(); // read-only
        match write(f.as_raw_fd(), b"abc", 0, true) {
            Now::Later => {}
            Now::Done(Err(e)) => assert_eq!(e.raw_os_error(), Some(libc::EBADF)),
            _ => panic!("writing to a read-only descriptor cannot succeed"),
        }
        drop(f);
        let _ = std::fs::remove_file(&dir);
    }
}
