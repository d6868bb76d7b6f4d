//! `process`: environment, identity, stdio writes, exit, signals, resource usage.
use std::ffi::OsStr;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;

use lode_engine::{Binding, Engine, StringChars};

use super::neg_errno;
use crate::event_loop::{loop_state, Completion, Entry, RunOptions};

/// Flushes stdio and ends the process without running SpiderMonkey's static destructors (which
/// crash while the runtime is alive).
pub fn exit_process(code: i32) -> ! {
    super::tty::restore_all();
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    unsafe { libc::_exit(code) }
}

/// Writes all of `bytes` to `fd`, waiting when the descriptor is non-blocking and full.
fn write_all(fd: i32, mut bytes: &[u8]) -> Result<(), std::io::Error> {
    while !bytes.is_empty() {
        let n = unsafe { libc::write(fd, bytes.as_ptr() as *const _, bytes.len()) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => continue,
                Some(libc::EAGAIN) => {
                    let mut p = libc::pollfd {
                        fd,
                        events: libc::POLLOUT,
                        revents: 0,
                    };
                    unsafe { libc::poll(&mut p, 1, -1) };
                    continue;
                }
                _ => return Err(e),
            }
        }
        bytes = &bytes[n as usize..];
    }
    Ok(())
}

op!(
    /// `writeString(fd, string)`: synchronous write; 0 or a negative errno.
    WriteString = c"writeString" / 2, |args| {
        let fd = args.int_or(0, 1);
        // Written from the engine's own characters: ASCII as is, the rest re-encoded as UTF-8.
        let r = args.with_string_chars(1, |chars| match chars {
            StringChars::Latin1(bytes) if bytes.is_ascii() => write_all(fd, bytes),
            StringChars::Latin1(bytes) => {
                let text: String = bytes.iter().map(|&b| b as char).collect();
                write_all(fd, text.as_bytes())
            }
            StringChars::Utf16(units) => write_all(fd, String::from_utf16_lossy(units).as_bytes()),
        });
        let r = match r {
            Some(r) => r,
            None => {
                let s = args.string(1)?;
                write_all(fd, s.as_bytes())
            }
        };
        args.ret_number(r.map(|_| 0.0).unwrap_or_else(|e| neg_errno(&e)));
        Ok(())
    }
);

op!(
    /// `writeBytes(fd, uint8array)`: synchronous write; 0 or a negative errno.
    WriteBytes = c"writeBytes" / 2, |args| {
        let fd = args.int_or(0, 1);
        let r = match args.bytes(1) {
            Some(b) => write_all(fd, b),
            None => Ok(()),
        };
        args.ret_number(r.map(|_| 0.0).unwrap_or_else(|e| neg_errno(&e)));
        Ok(())
    }
);

op!(
    /// `reallyExit(code)`: ends the process now.
    ReallyExit = c"reallyExit" / 1, |args| {
        let code = args.int_or(0, 0);
        exit_process(code)
    }
);

op!(
    /// `getEnv(name)`: the variable's value or undefined.
    GetEnv = c"getEnv" / 1, |args| {
        let name = args.string(0)?;
        match std::env::var_os(&name) {
            Some(v) => args.ret_string(&v.to_string_lossy()),
            None => Ok(()),
        }
    }
);

op!(
    /// `setEnv(name, value)`.
    SetEnv = c"setEnv" / 2, |args| {
        let name = args.string(0)?;
        let value = args.string(1)?;
        if !name.is_empty() && !name.contains('=') && !name.contains('\0') && !value.contains('\0') {
            std::env::set_var(&name, value);
            time_zone_may_have_changed(&name);
        }
        Ok(())
    }
);

op!(
    /// `unsetEnv(name)`.
    UnsetEnv = c"unsetEnv" / 1, |args| {
        let name = args.string(0)?;
        if !name.is_empty() && !name.contains('=') && !name.contains('\0') {
            std::env::remove_var(&name);
            time_zone_may_have_changed(&name);
        }
        Ok(())
    }
);

/// As in node, assigning or deleting `process.env.TZ` changes the local time zone of `Date` and
/// `Intl` from then on: SpiderMonkey re-reads it on next use.
fn time_zone_may_have_changed(name: &str) {
    if name == "TZ" {
        lode_engine::reset_time_zone();
    }
}

op!(
    /// `envKeys()`: names of all environment variables, in environment order.
    EnvKeys = c"envKeys" / 0, |args| {
        let keys: Vec<String> = std::env::vars_os().map(|(k, _)| k.to_string_lossy().into_owned()).collect();
        args.ret_strings(&keys)
    }
);

op!(
    /// `cwd()`: the working directory, or a negative errno.
    Cwd = c"cwd" / 0, |args| {
        match std::env::current_dir() {
            Ok(p) => args.ret_string(&p.to_string_lossy()),
            Err(e) => {
                args.ret_number(neg_errno(&e));
                Ok(())
            }
        }
    }
);

op!(
    /// `chdir(path)`: 0 or a negative errno.
    Chdir = c"chdir" / 1, |args| {
        let p = args.string(0)?;
        let r = std::env::set_current_dir(OsStr::from_bytes(p.as_bytes()));
        args.ret_number(r.map(|_| 0.0).unwrap_or_else(|e| neg_errno(&e)));
        Ok(())
    }
);

op!(
    /// `umask(mask?)`: the previous mask; with no argument, reads without changing.
    Umask = c"umask" / 1, |args| {
        let old = if args.is_undefined(0) {
            let old = unsafe { libc::umask(0) };
            unsafe { libc::umask(old) };
            old
        } else {
            let m = args.int_or(0, 0) as libc::mode_t;
            unsafe { libc::umask(m & 0o777) }
        };
        args.ret_number(old as f64);
        Ok(())
    }
);

op!(
    /// `isatty(fd)`.
    IsATty = c"isatty" / 1, |args| {
        let fd = args.int_or(0, -1);
        args.ret_bool(unsafe { libc::isatty(fd) } == 1);
        Ok(())
    }
);

op!(
    /// `ttySize(fd)`: `columns * 65536 + rows`, or -1 when not a terminal.
    TtySize = c"ttySize" / 1, |args| {
        let fd = args.int_or(0, -1);
        let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
        let r = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) };
        if r != 0 {
            args.ret_int(-1);
        } else {
            args.ret_number(ws.ws_col as f64 * 65536.0 + ws.ws_row as f64);
        }
        Ok(())
    }
);

op!(
    /// `hrtime()`: monotonic time in nanoseconds as a float (exact to 2^53 ns, ~104 days).
    Hrtime = c"hrtime" / 0, |args| {
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
        args.ret_number(ts.tv_sec as f64 * 1e9 + ts.tv_nsec as f64);
        Ok(())
    }
);

op!(
    /// `hrtimeParts()`: monotonic time as seconds; the nanoseconds come from `hrtimeNanos`.
    HrtimeSec = c"hrtimeSec" / 0, |args| {
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
        LAST_NSEC.with(|c| c.set(ts.tv_nsec as u32));
        args.ret_number(ts.tv_sec as f64);
        Ok(())
    }
);

thread_local! {
    static LAST_NSEC: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

op!(
    /// `hrtimeNanos()`: the nanoseconds part of the last `hrtimeSec()` reading.
    HrtimeNanos = c"hrtimeNanos" / 0, |args| {
        args.ret_number(LAST_NSEC.with(|c| c.get()) as f64);
        Ok(())
    }
);

op!(
    /// `uptime()`: seconds since the process started.
    Uptime = c"uptime" / 0, |args| {
        args.ret_number(loop_state().hrtime_ms() / 1000.0);
        Ok(())
    }
);

op!(
    /// `memoryRss()`: resident set size in bytes.
    MemoryRss = c"memoryRss" / 0, |args| {
        let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
        let pages: f64 = statm.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0.0);
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as f64;
        args.ret_number(pages * page);
        Ok(())
    }
);

op!(
    /// `cpuUsage()`: `[userMicros, systemMicros]` as two numbers packed in an array of strings
    /// is avoided: returns user micros; `cpuSystem()` returns system micros.
    CpuUser = c"cpuUser" / 0, |args| {
        let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
        unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
        CPU_SYS.with(|c| c.set(ru.ru_stime.tv_sec as f64 * 1e6 + ru.ru_stime.tv_usec as f64));
        args.ret_number(ru.ru_utime.tv_sec as f64 * 1e6 + ru.ru_utime.tv_usec as f64);
        Ok(())
    }
);

thread_local! {
    static CPU_SYS: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

op!(
    /// `cpuSystem()`: system CPU micros of the last `cpuUser()` reading.
    CpuSystem = c"cpuSystem" / 0, |args| {
        args.ret_number(CPU_SYS.with(|c| c.get()));
        Ok(())
    }
);

op!(
    /// `kill(pid, signal)`: 0 or a negative errno.
    Kill = c"kill" / 2, |args| {
        let pid = args.int_or(0, 0);
        let sig = args.int_or(1, libc::SIGTERM);
        let r = unsafe { libc::kill(pid, sig) };
        args.ret_number(if r == 0 { 0.0 } else { neg_errno(&std::io::Error::last_os_error()) });
        Ok(())
    }
);

op!(
    /// `watchSignal(signum)`: deliver `signum` to JS's `onSignal` from now on (idempotent).
    WatchSignal = c"watchSignal" / 1, |args| {
        let sig = args.int_or(0, 0);
        let s = loop_state();
        let first = WATCHED.with(|w| w.borrow_mut().insert(sig));
        if first && sig > 0 {
            let tx = s.completions_tx.clone();
            let kind = tokio::signal::unix::SignalKind::from_raw(sig);
            let _guard = s.tokio.enter();
            match tokio::signal::unix::signal(kind) {
                Ok(mut stream) => {
                    s.tokio.spawn(async move {
                        while stream.recv().await.is_some() {
                            if tx.send(Completion::Signal(sig)).is_err() {
                                break;
                            }
                        }
                    });
                }
                Err(e) => {
                    args.ret_number(neg_errno(&e));
                }
            }
        }
        Ok(())
    }
);

thread_local! {
    static WATCHED: std::cell::RefCell<std::collections::HashSet<i32>> = std::cell::RefCell::new(Default::default());
}

op!(
    /// `dlopen(filename, flags)`: what `process.dlopen` learns by loading a shared object: the
    /// dynamic loader's message (a string) when it cannot be loaded, else 1 when it has a Node
    /// addon entry point (`napi_register_module_v1`, `node_register_module_v115`) and 0 when
    /// not. The object is unloaded again either way: Lode cannot run native addons. Symbols are
    /// bound at load time (RTLD_NOW in place of RTLD_LAZY), so that an addon calling into the
    /// Node/N-API symbols Lode lacks fails here with a catchable message ("undefined symbol:
    /// ...") instead of aborting the process on its first call.
    DlOpen = c"dlopen" / 2, |args| {
        let filename = args.string(0)?;
        let flags = args.int_or(1, libc::RTLD_LAZY);
        // Node passes the name as a C string: it ends at the first NUL.
        let filename = filename.split('\0').next().unwrap_or_default();
        let filename = std::ffi::CString::new(filename).unwrap_or_default();
        let binding_mode = libc::RTLD_LAZY | libc::RTLD_NOW;
        let flags = if flags & binding_mode == libc::RTLD_LAZY {
            (flags & !binding_mode) | libc::RTLD_NOW
        } else {
            flags
        };
        let handle = unsafe { libc::dlopen(filename.as_ptr(), flags) };
        if handle.is_null() {
            let message = unsafe { libc::dlerror() };
            let message = if message.is_null() {
                "dlopen failed".to_string()
            } else {
                let text = unsafe { std::ffi::CStr::from_ptr(message) };
                text.to_string_lossy().into_owned()
            };
            return args.ret_string(&message);
        }
        let is_addon = [c"napi_register_module_v1", c"node_register_module_v115"]
            .iter()
            .any(|symbol| !unsafe { libc::dlsym(handle, symbol.as_ptr()) }.is_null());
        unsafe { libc::dlclose(handle) };
        args.ret_number(if is_addon { 1.0 } else { 0.0 });
        Ok(())
    }
);

op!(
    /// `errname(errno)`: the error code name ('ENOENT') for a positive errno.
    ErrName = c"errname" / 1, |args| {
        let n = args.int_or(0, 0).abs();
        args.ret_string(errno_name(n))
    }
);

op!(
    /// `strerror(errno)`: the system's message for errno, lower-cased as libuv prints it.
    StrError = c"strerror" / 1, |args| {
        let n = args.int_or(0, 0).abs();
        args.ret_string(errno_message(n))
    }
);

/// libuv's messages for the errno values Node users see most.
pub fn errno_message(n: i32) -> &'static str {
    match n {
        libc::ENOENT => "no such file or directory",
        libc::EACCES => "permission denied",
        libc::EEXIST => "file already exists",
        libc::ENOTDIR => "not a directory",
        libc::EISDIR => "illegal operation on a directory",
        libc::ENOTEMPTY => "directory not empty",
        libc::EBADF => "bad file descriptor",
        libc::EINVAL => "invalid argument",
        libc::EPERM => "operation not permitted",
        libc::EMFILE => "too many open files",
        libc::ENOSPC => "no space left on device",
        libc::EPIPE => "broken pipe",
        libc::EAGAIN => "resource temporarily unavailable",
        libc::ELOOP => "too many symbolic links encountered",
        libc::ENAMETOOLONG => "name too long",
        libc::EXDEV => "cross-device link not permitted",
        libc::EROFS => "read-only file system",
        libc::ESRCH => "no such process",
        libc::EIO => "i/o error",
        libc::EBUSY => "resource busy or locked",
        libc::ECONNREFUSED => "connection refused",
        libc::ECONNRESET => "connection reset by peer",
        libc::EADDRINUSE => "address already in use",
        libc::ETIMEDOUT => "connection timed out",
        libc::ENOSYS => "function not implemented",
        libc::ENOTSUP => "operation not supported on socket",
        _ => "unknown error",
    }
}

pub fn errno_name(n: i32) -> &'static str {
    match n {
        libc::ENOENT => "ENOENT",
        libc::EACCES => "EACCES",
        libc::EEXIST => "EEXIST",
        libc::ENOTDIR => "ENOTDIR",
        libc::EISDIR => "EISDIR",
        libc::ENOTEMPTY => "ENOTEMPTY",
        libc::EBADF => "EBADF",
        libc::EINVAL => "EINVAL",
        libc::EPERM => "EPERM",
        libc::EMFILE => "EMFILE",
        libc::ENOSPC => "ENOSPC",
        libc::EPIPE => "EPIPE",
        libc::EAGAIN => "EAGAIN",
        libc::ELOOP => "ELOOP",
        libc::ENAMETOOLONG => "ENAMETOOLONG",
        libc::EXDEV => "EXDEV",
        libc::EROFS => "EROFS",
        libc::ESRCH => "ESRCH",
        libc::EIO => "EIO",
        libc::EBUSY => "EBUSY",
        libc::ECONNREFUSED => "ECONNREFUSED",
        libc::ECONNRESET => "ECONNRESET",
        libc::EADDRINUSE => "EADDRINUSE",
        libc::ETIMEDOUT => "ETIMEDOUT",
        libc::ENOSYS => "ENOSYS",
        libc::ENOTSUP => "ENOTSUP",
        _ => "UNKNOWN",
    }
}

pub fn binding(engine: &mut Engine, options: &RunOptions) -> Binding {
    let mut b = Binding::new(engine);
    let (kind, source) = match &options.entry {
        Entry::File(f) => ("file", f.clone()),
        Entry::Eval {
            source,
            print: false,
        } => ("eval", source.clone()),
        Entry::Eval {
            source,
            print: true,
        } => ("print", source.clone()),
        Entry::Stdin(s) => ("stdin", s.clone()),
        Entry::Repl => ("repl", String::new()),
    };
    let hostname = {
        let mut buf = [0u8; 256];
        unsafe { libc::gethostname(buf.as_mut_ptr() as *mut _, buf.len()) };
        let end = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
        String::from_utf8_lossy(&buf[..end]).into_owned()
    };
    b.op::<WriteString>()
        .op::<WriteBytes>()
        .op::<ReallyExit>()
        .op::<GetEnv>()
        .op::<SetEnv>()
        .op::<UnsetEnv>()
        .op::<EnvKeys>()
        .op::<Cwd>()
        .op::<Chdir>()
        .op::<Umask>()
        .op::<IsATty>()
        .op::<TtySize>()
        .op::<Hrtime>()
        .op::<HrtimeSec>()
        .op::<HrtimeNanos>()
        .op::<Uptime>()
        .op::<MemoryRss>()
        .op::<CpuUser>()
        .op::<CpuSystem>()
        .op::<Kill>()
        .op::<WatchSignal>()
        .op::<ErrName>()
        .op::<StrError>()
        .op::<DlOpen>()
        .strings("argv", &options.argv)
        .strings("execArgv", &options.exec_argv)
        .strings("preload", &options.preload)
        .string("argv0", &options.argv0)
        .string("execPath", &options.exec_path)
        .string("entryKind", kind)
        .string("entrySource", &source)
        .string("nodeVersion", crate::NODE_VERSION)
        .string("lodeVersion", crate::LODE_VERSION)
        .string("hostname", &hostname)
        .number("pid", std::process::id() as f64)
        .number("ppid", unsafe { libc::getppid() } as f64);
    super::credentials::install(&mut b);
    b
}
