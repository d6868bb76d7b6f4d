//! File-system ops for `lib/fs.js`, `lib/internal/fs/*` and the module loader.
//!
//! Most ops serve both forms of an `fs` function through [`async_ops::run`]: called without a
//! request id they do the work now and return the result (the sync form); with one, the work
//! runs on the thread pool and the result arrives through the event loop (callback and promise
//! forms). Results are values or a negative errno; `lib/internal/fs/utils.js` turns errnos into
//! node's errors. File descriptors are the process's real descriptors, as in node.
use std::ffi::CString;
use std::io;
use std::os::unix::fs::MetadataExt;

use lode_engine::{Args, Binding, ByteBuf, Engine};

use super::async_ops::{self, Output};
use super::fs_nowait::{self, Now};
use super::neg_errno;

op!(
    /// `readFileUtf8(path)`: the file's text, or a negative errno.
    ReadFileUtf8 = c"readFileUtf8" / 1, |args| {
        let path = args.string(0)?;
        match open_file(&path, libc::O_RDONLY, 0).and_then(|fd| {
            let r = read_to_end(fd);
            let _ = close_fd(fd);
            r
        }) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(bytes.as_slice());
                args.ret_string(&text)
            }
            Err(e) => {
                args.ret_number(neg_errno(&e));
                Ok(())
            }
        }
    }
);

op!(
    /// `internalModuleStat(path)`: 0 file, 1 directory, negative errno otherwise (Node's
    /// convention for the resolver).
    InternalModuleStat = c"internalModuleStat" / 1, |args| {
        let path = args.string(0)?;
        let r = match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => 1.0,
            Ok(_) => 0.0,
            Err(e) => neg_errno(&e),
        };
        args.ret_number(r);
        Ok(())
    }
);

op!(
    /// `realpath(path)`: the canonical path, or a negative errno.
    Realpath = c"realpath" / 1, |args| {
        let path = args.string(0)?;
        match std::fs::canonicalize(&path) {
            Ok(p) => args.ret_string(&p.to_string_lossy()),
            Err(e) => {
                args.ret_number(neg_errno(&e));
                Ok(())
            }
        }
    }
);

op!(
    /// `fileMode(path)`: st_mode, or a negative errno.
    FileMode = c"fileMode" / 1, |args| {
        let path = args.string(0)?;
        let r = match std::fs::metadata(&path) {
            Ok(m) => m.mode() as f64,
            Err(e) => neg_errno(&e),
        };
        args.ret_number(r);
        Ok(())
    }
);

fn c_path(path: &str) -> io::Result<CString> {
    CString::new(path).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

/// `Ok(())` when a libc call returned 0 (or any non-negative value), else the OS error.
fn check(r: libc::c_int) -> io::Result<()> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

fn done(r: io::Result<()>) -> io::Result<Output> {
    r.map(|_| Output::Undefined)
}

/// The 14 numbers of node's `Stats`: dev, mode, nlink, uid, gid, rdev, blksize, ino, size,
/// blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs.
fn stat_numbers(m: &std::fs::Metadata) -> Vec<f64> {
    let ms = |s: i64, ns: i64| s as f64 * 1000.0 + ns as f64 / 1e6;
    let birth = m
        .created()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or_else(|| ms(m.ctime(), m.ctime_nsec()));
    vec![
        m.dev() as f64,
        m.mode() as f64,
        m.nlink() as f64,
        m.uid() as f64,
        m.gid() as f64,
        m.rdev() as f64,
        m.blksize() as f64,
        m.ino() as f64,
        m.size() as f64,
        m.blocks() as f64,
        ms(m.atime(), m.atime_nsec()),
        ms(m.mtime(), m.mtime_nsec()),
        ms(m.ctime(), m.ctime_nsec()),
        birth,
    ]
}

/// A borrowed view of a descriptor owned by JS; never closed here.
fn with_fd<R>(fd: i32, f: impl FnOnce(&std::fs::File) -> R) -> R {
    use std::os::fd::FromRawFd;
    // SAFETY: the File is never dropped (ManuallyDrop), so the descriptor JS owns stays open;
    // a bad descriptor only makes the syscalls fail with EBADF.
    let file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    f(&file)
}

fn fd_arg(args: &mut Args, i: usize) -> Result<i32, lode_engine::Thrown> {
    Ok(args.number(i)? as i32)
}

/// Position argument: a number >= 0, or -1 / null / undefined for "the current position".
fn position_arg(args: &mut Args, i: usize) -> Result<i64, lode_engine::Thrown> {
    if args.is_null_or_undefined(i) {
        return Ok(-1);
    }
    Ok(args.number(i)? as i64)
}

fn open_file(path: &str, flags: i32, mode: u32) -> io::Result<i32> {
    let c = c_path(path)?;
    // SAFETY: plain syscall on a NUL-terminated path.
    let fd = unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) };
    if fd < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(fd)
    }
}

fn close_fd(fd: i32) -> io::Result<()> {
    // SAFETY: closing a descriptor number JS owns; a bad one fails with EBADF.
    check(unsafe { libc::close(fd) })
}

/// Reads into `buf` at `position` (or the current position when negative). Retries EINTR.
fn read_at(fd: i32, buf: &mut [u8], position: i64) -> io::Result<usize> {
    use std::os::unix::fs::FileExt;
    loop {
        let r = with_fd(fd, |f| {
            if position >= 0 {
                f.read_at(buf, position as u64)
            } else {
                io::Read::read(&mut &*f, buf)
            }
        });
        match r {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            r => return r,
        }
    }
}

/// One read into the free room of `buf`, retrying EINTR: at file offset `start + buf.len()`
/// when `start` is not negative (`start` is where `buf` began), else at the current position.
/// The number of bytes read, 0 at the end.
pub(crate) fn read_more(fd: i32, buf: &mut ByteBuf, start: i64) -> io::Result<usize> {
    let (ptr, room) = buf.spare_ptr();
    loop {
        // SAFETY: `ptr` has `room` writable bytes.
        let n = unsafe {
            if start >= 0 {
                let at = (start as usize + buf.len()) as libc::off_t;
                libc::pread(fd, ptr as *mut libc::c_void, room, at)
            } else {
                libc::read(fd, ptr as *mut libc::c_void, room)
            }
        };
        if n >= 0 {
            // SAFETY: the kernel wrote `n <= room` bytes.
            unsafe { buf.advance(n as usize) };
            return Ok(n as usize);
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Reads up to `len` bytes at `position` (or the current position when negative) into a new
/// malloc'd buffer that JS can adopt without a copy. With `wait`, a non-blocking descriptor
/// with nothing to read is waited on instead of failing with EAGAIN.
pub(crate) fn read_new_buf(fd: i32, len: usize, position: i64, wait: bool) -> io::Result<ByteBuf> {
    let mut buf = ByteBuf::with_capacity(len);
    loop {
        match read_more(fd, &mut buf, position) {
            Ok(_) => return Ok(buf),
            Err(e) if wait && e.kind() == io::ErrorKind::WouldBlock => wait_readable(fd),
            Err(e) => return Err(e),
        }
    }
}

pub(crate) fn write_at(fd: i32, data: &[u8], position: i64) -> io::Result<usize> {
    use std::os::unix::fs::FileExt;
    loop {
        let r = with_fd(fd, |f| {
            if position >= 0 {
                f.write_at(data, position as u64)
            } else {
                io::Write::write(&mut &*f, data)
            }
        });
        match r {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            r => return r,
        }
    }
}

/// Reads from the current position to the end, into malloc'd memory a Uint8Array can adopt.
/// With a known size (a regular file) it stops once that many bytes are in, as node does,
/// saving the read that would only confirm EOF.
fn read_to_end(fd: i32) -> io::Result<ByteBuf> {
    let size = with_fd(fd, |f| f.metadata())
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len() as usize)
        .unwrap_or(0);
    let mut buf = ByteBuf::with_capacity(if size > 0 { size } else { 8192 });
    loop {
        if buf.len() == buf.capacity() {
            if size > 0 && buf.len() >= size {
                return Ok(buf);
            }
            buf.reserve_total(buf.capacity() * 2);
        }
        if read_more(fd, &mut buf, -1)? == 0 {
            return Ok(buf);
        }
    }
}

fn bytes_output(bytes: ByteBuf, as_text: bool) -> Output {
    if as_text {
        Output::Utf8(bytes)
    } else {
        Output::Buf(bytes)
    }
}

/// Failures after a whole-file op has opened its file (reading or writing it) are reported as
/// `-errno - AFTER_OPEN`, so JS can name the syscall node names (`read`/`write`, no path) rather
/// than `open` with the path. See `opFailure` in lib/internal/fs/utils.js.
const AFTER_OPEN: f64 = 1_000_000.0;

fn after_open(e: io::Error) -> Output {
    Output::Errno(neg_errno(&e) - AFTER_OPEN)
}

fn read_file(path: &str, flags: i32, as_text: bool) -> io::Result<Output> {
    let fd = open_file(path, flags, 0o666)?;
    let r = read_to_end(fd);
    let _ = close_fd(fd);
    Ok(match r {
        Ok(bytes) => bytes_output(bytes, as_text),
        Err(e) => after_open(e),
    })
}

/// Writes as much of `data` as it can; the number of bytes written.
fn write_all_counted(fd: i32, data: &[u8], mut position: i64) -> usize {
    let mut done = 0;
    while done < data.len() {
        match write_at(fd, &data[done..], position) {
            Ok(n) if n > 0 => {
                done += n;
                if position >= 0 {
                    position += n as i64;
                }
            }
            _ => break,
        }
    }
    done
}

pub(crate) fn write_all(fd: i32, mut data: &[u8], mut position: i64) -> io::Result<()> {
    while !data.is_empty() {
        let n = write_at(fd, data, position)?;
        if n == 0 {
            return Err(io::Error::from_raw_os_error(libc::EIO));
        }
        data = &data[n..];
        if position >= 0 {
            position += n as i64;
        }
    }
    Ok(())
}

fn write_file(path: &str, data: &[u8], flags: i32, mode: u32) -> io::Result<Output> {
    let fd = open_file(path, flags, mode)?;
    let r = write_all(fd, data, -1);
    let c = close_fd(fd);
    Ok(match r.and(c) {
        Ok(()) => Output::Undefined,
        Err(e) => after_open(e),
    })
}

fn dirent_kind(t: Option<std::fs::FileType>) -> u8 {
    use std::os::unix::fs::FileTypeExt;
    match t {
        Some(t) if t.is_file() => 1,
        Some(t) if t.is_dir() => 2,
        Some(t) if t.is_symlink() => 3,
        Some(t) if t.is_fifo() => 4,
        Some(t) if t.is_socket() => 5,
        Some(t) if t.is_char_device() => 6,
        Some(t) if t.is_block_device() => 7,
        _ => 0,
    }
}

fn read_dir(path: &str) -> io::Result<Output> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(path)? {
        let e = e?;
        out.push(e.file_name().to_string_lossy().into_owned());
        out.push(char::from(b'0' + dirent_kind(e.file_type().ok())).to_string());
    }
    Ok(Output::Strings(out))
}

/// `mkdir -p`: returns the first directory created, if any.
fn mkdir_recursive(path: &str, mode: u32) -> io::Result<Output> {
    use std::os::unix::fs::DirBuilderExt;
    let mut missing = Vec::new();
    let mut dir = std::path::PathBuf::from(path);
    loop {
        match std::fs::metadata(&dir) {
            Ok(m) if m.is_dir() => break,
            Ok(_) => return Err(io::Error::from_raw_os_error(libc::ENOTDIR)),
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
            Err(e) => return Err(e),
        }
        missing.push(dir.clone());
        match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => dir = p.to_path_buf(),
            _ => break,
        }
    }
    let first = missing.last().map(|p| p.to_string_lossy().into_owned());
    for d in missing.iter().rev() {
        match std::fs::DirBuilder::new().mode(mode).create(d) {
            Ok(()) => {}
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) && d.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(first.map(Output::Text).unwrap_or(Output::Undefined))
}

/// `rm`: EISDIR for a directory without `recursive`; `force` ignores a missing path.
fn remove(path: &str, recursive: bool, force: bool) -> io::Result<Output> {
    let m = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if force && e.raw_os_error() == Some(libc::ENOENT) => return Ok(Output::Undefined),
        Err(e) => return Err(e),
    };
    if m.is_dir() {
        if !recursive {
            return Err(io::Error::from_raw_os_error(libc::EISDIR));
        }
        std::fs::remove_dir_all(path)?;
    } else {
        std::fs::remove_file(path)?;
    }
    Ok(Output::Undefined)
}

fn copy_file(from: &str, to: &str, mode: i32) -> io::Result<Output> {
    // COPYFILE_EXCL = 1, COPYFILE_FICLONE = 2 (a hint; std copies with copy_file_range, which
    // reflinks where the file system can), COPYFILE_FICLONE_FORCE = 4 (not supported: ENOSYS,
    // as libuv reports on file systems without reflinks).
    if mode & 4 != 0 {
        return Err(io::Error::from_raw_os_error(libc::ENOSYS));
    }
    if mode & 1 != 0 && std::fs::symlink_metadata(to).is_ok() {
        return Err(io::Error::from_raw_os_error(libc::EEXIST));
    }
    std::fs::copy(from, to).map(|_| Output::Undefined)
}

fn timespec(seconds: f64) -> libc::timespec {
    let s = seconds.floor();
    libc::timespec {
        tv_sec: s as libc::time_t,
        tv_nsec: ((seconds - s) * 1e9) as libc::c_long,
    }
}

fn utimes(path: &str, atime: f64, mtime: f64, follow: bool) -> io::Result<Output> {
    let c = c_path(path)?;
    let times = [timespec(atime), timespec(mtime)];
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: valid path and a two-element timespec array.
    done(check(unsafe {
        libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), flags)
    }))
}

fn statfs(path: &str) -> io::Result<Output> {
    let c = c_path(path)?;
    // SAFETY: statfs fills the zeroed struct.
    let mut s: libc::statfs = unsafe { std::mem::zeroed() };
    check(unsafe { libc::statfs(c.as_ptr(), &mut s) })?;
    Ok(Output::Numbers(vec![
        s.f_type as f64,
        s.f_bsize as f64,
        s.f_blocks as f64,
        s.f_bfree as f64,
        s.f_bavail as f64,
        s.f_files as f64,
        s.f_ffree as f64,
    ]))
}

fn mkdtemp(prefix: &str) -> io::Result<Output> {
    let template = c_path(&format!("{prefix}XXXXXX"))?;
    let mut bytes = template.into_bytes_with_nul();
    // SAFETY: a writable NUL-terminated template, as mkdtemp requires.
    let r = unsafe { libc::mkdtemp(bytes.as_mut_ptr() as *mut libc::c_char) };
    if r.is_null() {
        return Err(io::Error::last_os_error());
    }
    bytes.pop();
    Ok(Output::Text(String::from_utf8_lossy(&bytes).into_owned()))
}

op!(
    /// `open(path, flags, mode, req?)`: a file descriptor.
    Open = c"open" / 4, |args| {
        let path = args.string(0)?;
        let flags = args.int_or(1, libc::O_RDONLY);
        let mode = args.int_or(2, 0o666) as u32;
        async_ops::run(args, 3, move || open_file(&path, flags, mode).map(|fd| Output::Number(fd as f64)))
    }
);

op!(
    /// `close(fd, req?)`.
    Close = c"close" / 2, |args| {
        let fd = fd_arg(args, 0)?;
        async_ops::run(args, 1, move || done(close_fd(fd)))
    }
);

op!(
    /// `read(fd, length, position, req?)`: a new Uint8Array of the bytes read (shorter at the
    /// end of the file).
    Read = c"read" / 4, |args| {
        let fd = fd_arg(args, 0)?;
        let len = args.number(1)?.max(0.0) as usize;
        let position = position_arg(args, 2)?;
        if args.is_number(3) {
            let id = args.number(3)?;
            match fs_nowait::read(fd, len, position) {
                Now::Done(r) => async_ops::complete_now(id, Output::from_io(r.map(Output::Buf))),
                Now::Partial(buf) => {
                    let on_pool = fs_nowait::OnPool::new(fd);
                    async_ops::submit(id, move || {
                        let _on_pool = on_pool.in_turn();
                        Ok(Output::Buf(fs_nowait::read_rest(fd, buf, position)?))
                    })
                }
                Now::Later => {
                    let on_pool = fs_nowait::OnPool::new(fd);
                    async_ops::submit(id, move || {
                        let _on_pool = on_pool.in_turn();
                        Ok(Output::Buf(read_new_buf(fd, len, position, false)?))
                    })
                }
            }
            return Ok(());
        }
        Output::from_io(read_new_buf(fd, len, position, false).map(Output::Buf)).ret(args)
    }
);

/// Waits until `fd` is readable (for descriptors a parent left non-blocking).
fn wait_readable(fd: i32) {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one pollfd on the stack.
    unsafe { libc::poll(&mut p, 1, -1) };
}

op!(
    /// `readChunk(fd, length, req?)`: like `read` at the current position, but a non-blocking
    /// descriptor with nothing to read is waited on instead of failing with EAGAIN (stdin).
    ReadChunk = c"readChunk" / 3, |args| {
        let fd = fd_arg(args, 0)?;
        let len = args.number(1)?.max(1.0) as usize;
        async_ops::run(args, 2, move || Ok(Output::Buf(read_new_buf(fd, len, -1, true)?)))
    }
);

op!(
    /// `readInto(fd, view, offset, length, position)`: sync read straight into `view`; the
    /// number of bytes read.
    ReadInto = c"readInto" / 5, |args| {
        let fd = fd_arg(args, 0)?;
        let offset = args.number(2)? as usize;
        let len = args.number(3)? as usize;
        let position = position_arg(args, 4)?;
        let r = match args.bytes_mut(1) {
            Some(buf) if offset <= buf.len() => {
                let end = (offset + len).min(buf.len());
                read_at(fd, &mut buf[offset..end], position)
            }
            _ => Err(io::Error::from_raw_os_error(libc::EINVAL)),
        };
        args.ret_number(r.map(|n| n as f64).unwrap_or_else(|e| neg_errno(&e)));
        Ok(())
    }
);

op!(
    /// `write(fd, view, position, req?)`: the number of bytes written (one write call).
    Write = c"write" / 4, |args| {
        let fd = fd_arg(args, 0)?;
        let position = position_arg(args, 2)?;
        if !args.is_number(3) {
            let r = write_at(fd, args.bytes(1).unwrap_or(&[]), position);
            args.ret_number(r.map(|n| n as f64).unwrap_or_else(|e| neg_errno(&e)));
            return Ok(());
        }
        let id = args.number(3)?;
        let data = args.bytes(1).unwrap_or(&[]);
        match fs_nowait::write(fd, data, position, false) {
            Now::Done(r) => {
                async_ops::complete_now(id, Output::from_io(r.map(|n| Output::Number(n as f64))))
            }
            Now::Partial(n) => {
                let rest = data[n..].to_vec();
                let on_pool = fs_nowait::OnPool::new(fd);
                async_ops::submit(id, move || {
                    let _on_pool = on_pool.in_turn();
                    // What was written stays counted when the rest fails, as a blocking write
                    // that stops midway reports it.
                    let at = if position >= 0 { position + n as i64 } else { -1 };
                    let m = write_all_counted(fd, &rest, at);
                    Ok(Output::Number((n + m) as f64))
                })
            }
            Now::Later => {
                let data = data.to_vec();
                let on_pool = fs_nowait::OnPool::new(fd);
                async_ops::submit(id, move || {
                    let _on_pool = on_pool.in_turn();
                    write_at(fd, &data, position).map(|n| Output::Number(n as f64))
                })
            }
        }
        Ok(())
    }
);

op!(
    /// `writeAll(fd, view, position, req?)`: writes every byte (looping over short writes).
    WriteAll = c"writeAll" / 4, |args| {
        let fd = fd_arg(args, 0)?;
        let position = position_arg(args, 2)?;
        if !args.is_number(3) {
            let r = write_all(fd, args.bytes(1).unwrap_or(&[]), position);
            args.ret_number(r.map(|_| 0.0).unwrap_or_else(|e| neg_errno(&e)));
            return Ok(());
        }
        let id = args.number(3)?;
        let data = args.bytes(1).unwrap_or(&[]);
        match fs_nowait::write(fd, data, position, true) {
            Now::Done(r) => async_ops::complete_now(id, Output::from_io(done(r.map(|_| ())))),
            Now::Partial(n) => {
                let rest = data[n..].to_vec();
                let at = if position >= 0 { position + n as i64 } else { -1 };
                let on_pool = fs_nowait::OnPool::new(fd);
                async_ops::submit(id, move || {
                    let _on_pool = on_pool.in_turn();
                    done(write_all(fd, &rest, at))
                });
            }
            Now::Later => {
                let data = data.to_vec();
                let on_pool = fs_nowait::OnPool::new(fd);
                async_ops::submit(id, move || {
                    let _on_pool = on_pool.in_turn();
                    done(write_all(fd, &data, position))
                });
            }
        }
        Ok(())
    }
);

op!(
    /// `readFile(path, flags, asText, req?)`: the whole file as a Uint8Array, or as a string
    /// (UTF-8, invalid sequences replaced) when `asText`.
    ReadFile = c"readFile" / 4, |args| {
        let path = args.string(0)?;
        let flags = args.int_or(1, libc::O_RDONLY);
        let as_text = args.boolean(2);
        async_ops::run(args, 3, move || read_file(&path, flags, as_text))
    }
);

op!(
    /// `readFd(fd, asText, req?)`: everything from the descriptor's position to its end.
    ReadFd = c"readFd" / 3, |args| {
        let fd = fd_arg(args, 0)?;
        let as_text = args.boolean(1);
        async_ops::run(args, 2, move || Ok(bytes_output(read_to_end(fd)?, as_text)))
    }
);

op!(
    /// `writeFile(path, view, flags, mode, req?)`.
    WriteFile = c"writeFile" / 5, |args| {
        let path = args.string(0)?;
        let flags = args.int_or(2, libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC);
        let mode = args.int_or(3, 0o666) as u32;
        if !args.is_number(4) {
            let r = write_file(&path, args.bytes(1).unwrap_or(&[]), flags, mode);
            return Output::from_io(r).ret(args);
        }
        let data = args.bytes(1).unwrap_or(&[]).to_vec();
        async_ops::run(args, 4, move || write_file(&path, &data, flags, mode))
    }
);

op!(
    /// `stat(path, followLinks, req?)`: the 14 `Stats` numbers.
    Stat = c"stat" / 3, |args| {
        let path = args.string(0)?;
        let follow = args.boolean(1);
        async_ops::run(args, 2, move || {
            let m = if follow { std::fs::metadata(&path) } else { std::fs::symlink_metadata(&path) }?;
            Ok(Output::Numbers(stat_numbers(&m)))
        })
    }
);

op!(
    /// `fstat(fd, req?)`: the 14 `Stats` numbers.
    Fstat = c"fstat" / 2, |args| {
        let fd = fd_arg(args, 0)?;
        async_ops::run(args, 1, move || {
            let m = with_fd(fd, |f| f.metadata())?;
            Ok(Output::Numbers(stat_numbers(&m)))
        })
    }
);

op!(
    /// `statfs(path, req?)`: [type, bsize, blocks, bfree, bavail, files, ffree].
    Statfs = c"statfs" / 2, |args| {
        let path = args.string(0)?;
        async_ops::run(args, 1, move || statfs(&path))
    }
);

op!(
    /// `readdir(path, req?)`: [name, type, ...] with type 1 file, 2 directory, 3 symlink, 4 FIFO,
    /// 5 socket, 6 char device, 7 block device, 0 unknown (as strings).
    Readdir = c"readdir" / 2, |args| {
        let path = args.string(0)?;
        async_ops::run(args, 1, move || read_dir(&path))
    }
);

op!(
    /// `mkdir(path, mode, recursive, req?)`: with `recursive`, the first directory created.
    Mkdir = c"mkdir" / 4, |args| {
        use std::os::unix::fs::DirBuilderExt;
        let path = args.string(0)?;
        let mode = args.int_or(1, 0o777) as u32;
        let recursive = args.boolean(2);
        async_ops::run(args, 3, move || {
            if recursive {
                mkdir_recursive(&path, mode)
            } else {
                done(std::fs::DirBuilder::new().mode(mode).create(&path))
            }
        })
    }
);

op!(
    /// `mkdtemp(prefix, req?)`: the new directory's path.
    Mkdtemp = c"mkdtemp" / 2, |args| {
        let prefix = args.string(0)?;
        async_ops::run(args, 1, move || mkdtemp(&prefix))
    }
);

op!(
    /// `rm(path, recursive, force, req?)`.
    Rm = c"rm" / 4, |args| {
        let path = args.string(0)?;
        let recursive = args.boolean(1);
        let force = args.boolean(2);
        async_ops::run(args, 3, move || remove(&path, recursive, force))
    }
);

/// Declares an op taking one path (plus `req`) and returning nothing.
macro_rules! path_op {
    ($(#[$doc:meta])* $ty:ident = $name:literal, |$p:ident| $body:expr) => {
        op!($(#[$doc])* $ty = $name / 2, |args| {
            let $p = args.string(0)?;
            async_ops::run(args, 1, move || done($body))
        });
    };
}

/// Declares an op taking two paths (plus `req`) and returning nothing.
macro_rules! two_path_op {
    ($(#[$doc:meta])* $ty:ident = $name:literal, |$a:ident, $b:ident| $body:expr) => {
        op!($(#[$doc])* $ty = $name / 3, |args| {
            let $a = args.string(0)?;
            let $b = args.string(1)?;
            async_ops::run(args, 2, move || done($body))
        });
    };
}

/// Declares an op taking a descriptor (plus `req`) and returning nothing.
macro_rules! fd_op {
    ($(#[$doc:meta])* $ty:ident = $name:literal, |$fd:ident| $body:expr) => {
        op!($(#[$doc])* $ty = $name / 2, |args| {
            let $fd = fd_arg(args, 0)?;
            async_ops::run(args, 1, move || done($body))
        });
    };
}

path_op!(
    /// `rmdir(path, req?)`.
    Rmdir = c"rmdir", |path| std::fs::remove_dir(&path)
);
path_op!(
    /// `unlink(path, req?)`.
    Unlink = c"unlink", |path| std::fs::remove_file(&path)
);
two_path_op!(
    /// `rename(from, to, req?)`.
    Rename = c"rename", |from, to| std::fs::rename(&from, &to)
);
two_path_op!(
    /// `link(existing, new, req?)`.
    Link = c"link", |from, to| std::fs::hard_link(&from, &to)
);
two_path_op!(
    /// `symlink(target, path, req?)`.
    Symlink = c"symlink", |target, path| std::os::unix::fs::symlink(&target, &path)
);
fd_op!(
    /// `fsync(fd, req?)`.
    Fsync = c"fsync", |fd| with_fd(fd, |f| f.sync_all())
);
fd_op!(
    /// `fdatasync(fd, req?)`.
    Fdatasync = c"fdatasync", |fd| with_fd(fd, |f| f.sync_data())
);

op!(
    /// `copyFile(from, to, mode, req?)`.
    CopyFile = c"copyFile" / 4, |args| {
        let from = args.string(0)?;
        let to = args.string(1)?;
        let mode = args.int_or(2, 0);
        async_ops::run(args, 3, move || copy_file(&from, &to, mode))
    }
);

op!(
    /// `access(path, mode, req?)`.
    Access = c"access" / 3, |args| {
        let path = args.string(0)?;
        let mode = args.int_or(1, 0);
        async_ops::run(args, 2, move || {
            let c = c_path(&path)?;
            // SAFETY: plain syscall on a NUL-terminated path.
            done(check(unsafe { libc::access(c.as_ptr(), mode) }))
        })
    }
);

op!(
    /// `readlink(path, req?)`: the link's target.
    Readlink = c"readlink" / 2, |args| {
        let path = args.string(0)?;
        async_ops::run(args, 1, move || {
            Ok(Output::Text(std::fs::read_link(&path)?.to_string_lossy().into_owned()))
        })
    }
);

op!(
    /// `chmod(path, mode, req?)`.
    Chmod = c"chmod" / 3, |args| {
        use std::os::unix::fs::PermissionsExt;
        let path = args.string(0)?;
        let mode = args.int_or(1, 0o644) as u32;
        async_ops::run(args, 2, move || {
            done(std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)))
        })
    }
);

op!(
    /// `fchmod(fd, mode, req?)`.
    Fchmod = c"fchmod" / 3, |args| {
        let fd = fd_arg(args, 0)?;
        let mode = args.int_or(1, 0o644) as libc::mode_t;
        // SAFETY: plain syscall on a descriptor number.
        async_ops::run(args, 2, move || done(check(unsafe { libc::fchmod(fd, mode) })))
    }
);

op!(
    /// `chown(path, uid, gid, followLinks, req?)`.
    Chown = c"chown" / 5, |args| {
        let path = args.string(0)?;
        let uid = args.number(1)? as i64 as libc::uid_t;
        let gid = args.number(2)? as i64 as libc::gid_t;
        let follow = args.boolean(3);
        async_ops::run(args, 4, move || {
            let c = c_path(&path)?;
            // SAFETY: plain syscalls on a NUL-terminated path.
            let r = unsafe {
                if follow { libc::chown(c.as_ptr(), uid, gid) } else { libc::lchown(c.as_ptr(), uid, gid) }
            };
            done(check(r))
        })
    }
);

op!(
    /// `fchown(fd, uid, gid, req?)`.
    Fchown = c"fchown" / 4, |args| {
        let fd = fd_arg(args, 0)?;
        let uid = args.number(1)? as i64 as libc::uid_t;
        let gid = args.number(2)? as i64 as libc::gid_t;
        // SAFETY: plain syscall on a descriptor number.
        async_ops::run(args, 3, move || done(check(unsafe { libc::fchown(fd, uid, gid) })))
    }
);

op!(
    /// `utimes(path, atime, mtime, followLinks, req?)`, times in seconds.
    Utimes = c"utimes" / 5, |args| {
        let path = args.string(0)?;
        let atime = args.number(1)?;
        let mtime = args.number(2)?;
        let follow = args.boolean(3);
        async_ops::run(args, 4, move || utimes(&path, atime, mtime, follow))
    }
);

op!(
    /// `futimes(fd, atime, mtime, req?)`, times in seconds.
    Futimes = c"futimes" / 4, |args| {
        let fd = fd_arg(args, 0)?;
        let atime = args.number(1)?;
        let mtime = args.number(2)?;
        async_ops::run(args, 3, move || {
            let times = [timespec(atime), timespec(mtime)];
            // SAFETY: a two-element timespec array.
            done(check(unsafe { libc::futimens(fd, times.as_ptr()) }))
        })
    }
);

op!(
    /// `truncate(path, len, req?)`.
    Truncate = c"truncate" / 3, |args| {
        let path = args.string(0)?;
        let len = args.number(1)?.max(0.0) as u64;
        async_ops::run(args, 2, move || {
            let f = std::fs::OpenOptions::new().write(true).open(&path)?;
            done(f.set_len(len))
        })
    }
);

op!(
    /// `ftruncate(fd, len, req?)`.
    Ftruncate = c"ftruncate" / 3, |args| {
        let fd = fd_arg(args, 0)?;
        let len = args.number(1)?.max(0.0) as u64;
        async_ops::run(args, 2, move || done(with_fd(fd, |f| f.set_len(len))))
    }
);

op!(
    /// `realpathAsync(path, req?)`: the canonical path (the loader's `realpath` is sync only).
    RealpathAsync = c"realpathAsync" / 2, |args| {
        let path = args.string(0)?;
        async_ops::run(args, 1, move || {
            Ok(Output::Text(std::fs::canonicalize(&path)?.to_string_lossy().into_owned()))
        })
    }
);

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    b.op::<ReadFileUtf8>()
        .op::<InternalModuleStat>()
        .op::<Realpath>()
        .op::<FileMode>()
        .op::<Open>()
        .op::<Close>()
        .op::<Read>()
        .op::<ReadInto>()
        .op::<ReadChunk>()
        .op::<Write>()
        .op::<WriteAll>()
        .op::<ReadFile>()
        .op::<ReadFd>()
        .op::<WriteFile>()
        .op::<Stat>()
        .op::<Fstat>()
        .op::<Statfs>()
        .op::<Readdir>()
        .op::<Mkdir>()
        .op::<Mkdtemp>()
        .op::<Rm>()
        .op::<Rmdir>()
        .op::<Unlink>()
        .op::<Rename>()
        .op::<Link>()
        .op::<Symlink>()
        .op::<Fsync>()
        .op::<Fdatasync>()
        .op::<CopyFile>()
        .op::<Access>()
        .op::<Readlink>()
        .op::<Chmod>()
        .op::<Fchmod>()
        .op::<Chown>()
        .op::<Fchown>()
        .op::<Utimes>()
        .op::<Futimes>()
        .op::<Truncate>()
        .op::<Ftruncate>()
        .op::<RealpathAsync>();
    super::fs_watch::add_ops(&mut b);
    b
}
