//! `os`: system information read the way libuv reads it on Linux (uname, /proc, sysinfo,
//! getpwuid_r, getifaddrs, getpriority/setpriority, sched_getaffinity).
use std::ffi::CStr;

use lode_engine::{Binding, Engine};

fn last_errno() -> i32 {
    std::io::Error::last_os_error()
        .raw_os_error()
        .unwrap_or(libc::EIO)
}

fn cstr_field(field: &[libc::c_char]) -> String {
    let bytes: Vec<u8> = field
        .iter()
        .take_while(|&&c| c != 0)
        .map(|&c| c as u8)
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `key: value kB` from /proc/meminfo, in bytes (0 when absent).
fn meminfo(key: &str) -> f64 {
    let text = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix(key) {
            let kb: f64 = rest
                .split_whitespace()
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0.0);
            return kb * 1024.0;
        }
    }
    0.0
}

fn sysinfo() -> Option<libc::sysinfo> {
    let mut info: libc::sysinfo = unsafe { std::mem::zeroed() };
    if unsafe { libc::sysinfo(&mut info) } == 0 {
        Some(info)
    } else {
        None
    }
}

op!(
    /// `uname()`: `[sysname, version, release, machine]`, or a negative errno.
    Uname = c"uname" / 0, |args| {
        let mut u: libc::utsname = unsafe { std::mem::zeroed() };
        if unsafe { libc::uname(&mut u) } != 0 {
            args.ret_number(-(last_errno() as f64));
            return Ok(());
        }
        args.ret_strings(&[
            cstr_field(&u.sysname),
            cstr_field(&u.version),
            cstr_field(&u.release),
            cstr_field(&u.machine),
        ])
    }
);

op!(
    /// `hostname()`: the host name, or a negative errno.
    Hostname = c"hostname" / 0, |args| {
        let mut buf = [0 as libc::c_char; 256];
        if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len()) } != 0 {
            args.ret_number(-(last_errno() as f64));
            return Ok(());
        }
        args.ret_string(&cstr_field(&buf))
    }
);

/// The password-file entry of the effective user: (uid, gid, name, dir, shell), or an errno.
fn passwd() -> Result<(u32, u32, Vec<u8>, Vec<u8>, Option<Vec<u8>>), i32> {
    let uid = unsafe { libc::geteuid() };
    let mut size = match unsafe { libc::sysconf(libc::_SC_GETPW_R_SIZE_MAX) } {
        n if n > 0 => n as usize,
        _ => 4096,
    };
    loop {
        let mut buf = vec![0 as libc::c_char; size];
        let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let r = unsafe { libc::getpwuid_r(uid, &mut pw, buf.as_mut_ptr(), size, &mut result) };
        if r == libc::ERANGE {
            size *= 2;
            continue;
        }
        if r != 0 {
            return Err(r);
        }
        if result.is_null() {
            return Err(libc::ENOENT);
        }
        let field = |p: *const libc::c_char| unsafe { CStr::from_ptr(p) }.to_bytes().to_vec();
        let shell = if pw.pw_shell.is_null() {
            None
        } else {
            Some(field(pw.pw_shell))
        };
        return Ok((
            pw.pw_uid,
            pw.pw_gid,
            field(pw.pw_name),
            field(pw.pw_dir),
            shell,
        ));
    }
}

op!(
    /// `homedir()`: `$HOME`, else the password file's directory; a negative errno on failure.
    Homedir = c"homedir" / 0, |args| {
        if let Some(home) = std::env::var_os("HOME") {
            return args.ret_string(&home.to_string_lossy());
        }
        match passwd() {
            Ok((_, _, _, dir, _)) => args.ret_string(&String::from_utf8_lossy(&dir)),
            Err(e) => {
                args.ret_number(-(e as f64));
                Ok(())
            }
        }
    }
);

op!(
    /// `userInfo()`: `[uid, gid, username, homedir, shell]` (shell `\0` when absent), or a
    /// negative errno.
    UserInfo = c"userInfo" / 0, |args| {
        match passwd() {
            Ok((uid, gid, name, dir, shell)) => {
                let s = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
                args.ret_strings(&[
                    uid.to_string(),
                    gid.to_string(),
                    s(&name),
                    s(&dir),
                    shell.map(|b| s(&b)).unwrap_or_else(|| "\0".into()),
                ])
            }
            Err(e) => {
                args.ret_number(-(e as f64));
                Ok(())
            }
        }
    }
);

op!(
    /// `cpus()`: seven strings per CPU: model, speed (MHz), user, nice, sys, idle, irq (ms).
    Cpus = c"cpus" / 0, |args| {
        let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
        let mult = if ticks > 0 { 1000 / ticks as u64 } else { 10 };
        // /proc/stat: `cpuN user nice system idle iowait irq ...`, in clock ticks.
        let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
        let mut cpus: Vec<(usize, [u64; 5])> = Vec::new();
        for line in stat.lines().skip(1) {
            let Some(rest) = line.strip_prefix("cpu") else { break };
            let mut fields = rest.split_whitespace();
            let Some(Ok(n)) = fields.next().map(|s| s.parse::<usize>()) else { break };
            let v: Vec<u64> = fields.take(6).map(|s| s.parse().unwrap_or(0)).collect();
            if v.len() < 6 {
                break;
            }
            cpus.push((n, [v[0], v[1], v[2], v[3], v[5]]));
        }
        // /proc/cpuinfo: `processor : N` followed by `model name : ...`.
        let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let mut models: std::collections::HashMap<usize, String> = Default::default();
        let mut current: Option<usize> = None;
        for line in info.lines() {
            if let Some(rest) = line.strip_prefix("processor") {
                current = rest.trim_start().strip_prefix(':').and_then(|s| s.trim().parse().ok());
            } else if let Some(rest) = line.strip_prefix("model name\t: ") {
                if let Some(n) = current.take() {
                    models.insert(n, rest.to_string());
                }
            }
        }
        let mut out: Vec<String> = Vec::with_capacity(cpus.len() * 7);
        for (n, t) in &cpus {
            let freq = std::fs::read_to_string(format!(
                "/sys/devices/system/cpu/cpu{n}/cpufreq/scaling_cur_freq"
            ))
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .unwrap_or(0);
            out.push(models.get(n).cloned().unwrap_or_else(|| "unknown".into()));
            out.push((freq / 1000).to_string());
            for x in t {
                out.push((x * mult).to_string());
            }
        }
        args.ret_strings(&out)
    }
);

op!(
    /// `totalmem()`: bytes of physical memory.
    TotalMem = c"totalmem" / 0, |args| {
        let mut n = meminfo("MemTotal:");
        if n == 0.0 {
            n = sysinfo().map(|i| i.totalram as f64 * i.mem_unit as f64).unwrap_or(0.0);
        }
        args.ret_number(n);
        Ok(())
    }
);

op!(
    /// `freemem()`: bytes of available memory.
    FreeMem = c"freemem" / 0, |args| {
        let mut n = meminfo("MemAvailable:");
        if n == 0.0 {
            n = sysinfo().map(|i| i.freeram as f64 * i.mem_unit as f64).unwrap_or(0.0);
        }
        args.ret_number(n);
        Ok(())
    }
);

op!(
    /// `loadavg()`: the 1, 5 and 15 minute load averages as three strings.
    LoadAvg = c"loadavg" / 0, |args| {
        let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
        let v: Vec<f64> = text.split_whitespace().take(3).filter_map(|s| s.parse().ok()).collect();
        let v = if v.len() == 3 {
            v
        } else if let Some(i) = sysinfo() {
            i.loads.iter().map(|&l| l as f64 / 65536.0).collect()
        } else {
            vec![0.0; 3]
        };
        let s: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        args.ret_strings(&s)
    }
);

op!(
    /// `uptime()`: seconds since boot (fractional, from /proc/uptime).
    Uptime = c"uptime" / 0, |args| {
        let text = std::fs::read_to_string("/proc/uptime").unwrap_or_default();
        let up = match text.split_whitespace().next().and_then(|s| s.parse::<f64>().ok()) {
            Some(v) => v,
            None => {
                let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
                unsafe { libc::clock_gettime(libc::CLOCK_BOOTTIME, &mut ts) };
                ts.tv_sec as f64
            }
        };
        args.ret_number(up);
        Ok(())
    }
);

extern "C" {
    // Not in the libc crate; glibc's formats addresses as libuv's uv_inet_ntop does.
    fn inet_ntop(
        af: libc::c_int,
        src: *const libc::c_void,
        dst: *mut libc::c_char,
        size: libc::socklen_t,
    ) -> *const libc::c_char;
}

fn ntop(family: i32, addr: *const libc::c_void) -> String {
    let mut buf = [0 as libc::c_char; 64];
    let p = unsafe { inet_ntop(family, addr, buf.as_mut_ptr(), buf.len() as libc::socklen_t) };
    if p.is_null() {
        return String::new();
    }
    cstr_field(&buf)
}

op!(
    /// `interfaces()`: seven strings per address of the interfaces that are up and running:
    /// name, address, netmask, family, mac, internal ("1"/"0"), scope id ("-1" for IPv4).
    Interfaces = c"interfaces" / 0, |args| {
        let mut head: *mut libc::ifaddrs = std::ptr::null_mut();
        if unsafe { libc::getifaddrs(&mut head) } != 0 {
            args.ret_number(-(last_errno() as f64));
            return Ok(());
        }
        let mut entries: Vec<&libc::ifaddrs> = Vec::new();
        let mut p = head;
        while !p.is_null() {
            let ent = unsafe { &*p };
            entries.push(ent);
            p = ent.ifa_next;
        }
        let up = |e: &libc::ifaddrs| {
            let f = e.ifa_flags;
            (f & libc::IFF_UP as u32) != 0 && (f & libc::IFF_RUNNING as u32) != 0 && !e.ifa_addr.is_null()
        };
        let name = |e: &libc::ifaddrs| unsafe { CStr::from_ptr(e.ifa_name) }.to_string_lossy().into_owned();
        // Hardware addresses come from the AF_PACKET entries of the same name.
        let mut macs: Vec<(String, [u8; 6])> = Vec::new();
        for e in &entries {
            if up(e) && unsafe { (*e.ifa_addr).sa_family } as i32 == libc::AF_PACKET {
                let sll = unsafe { &*(e.ifa_addr as *const libc::sockaddr_ll) };
                let mut mac = [0u8; 6];
                mac.copy_from_slice(&sll.sll_addr[..6]);
                macs.push((name(e), mac));
            }
        }
        let mut out: Vec<String> = Vec::new();
        for e in &entries {
            if !up(e) {
                continue;
            }
            let family = unsafe { (*e.ifa_addr).sa_family } as i32;
            if family == libc::AF_PACKET {
                continue;
            }
            let n = name(e);
            let (address, netmask, fam, scope) = if family == libc::AF_INET6 {
                let a = unsafe { &*(e.ifa_addr as *const libc::sockaddr_in6) };
                let mask = if e.ifa_netmask.is_null() {
                    String::new()
                } else {
                    let m = unsafe { &*(e.ifa_netmask as *const libc::sockaddr_in6) };
                    ntop(libc::AF_INET6, &m.sin6_addr as *const _ as *const libc::c_void)
                };
                (
                    ntop(libc::AF_INET6, &a.sin6_addr as *const _ as *const libc::c_void),
                    mask,
                    "IPv6",
                    a.sin6_scope_id.to_string(),
                )
            } else if family == libc::AF_INET {
                let a = unsafe { &*(e.ifa_addr as *const libc::sockaddr_in) };
                let mask = if e.ifa_netmask.is_null() {
                    String::new()
                } else {
                    let m = unsafe { &*(e.ifa_netmask as *const libc::sockaddr_in) };
                    ntop(libc::AF_INET, &m.sin_addr as *const _ as *const libc::c_void)
                };
                (
                    ntop(libc::AF_INET, &a.sin_addr as *const _ as *const libc::c_void),
                    mask,
                    "IPv4",
                    "-1".to_string(),
                )
            } else {
                ("<unknown sa family>".to_string(), String::new(), "unknown", "-1".to_string())
            };
            let mac = macs.iter().find(|(m, _)| *m == n).map(|(_, a)| *a).unwrap_or([0; 6]);
            let mac = mac.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":");
            let internal = (e.ifa_flags & libc::IFF_LOOPBACK as u32) != 0;
            out.push(n);
            out.push(address);
            out.push(netmask);
            out.push(fam.to_string());
            out.push(mac);
            out.push(if internal { "1" } else { "0" }.to_string());
            out.push(scope);
        }
        unsafe { libc::freeifaddrs(head) };
        args.ret_strings(&out)
    }
);

op!(
    /// `getPriority(pid)`: the nice value, or a string holding the negative errno.
    GetPriority = c"getPriority" / 1, |args| {
        let pid = args.int_or(0, 0);
        unsafe { *libc::__errno_location() = 0 };
        let r = unsafe { libc::getpriority(libc::PRIO_PROCESS, pid as libc::id_t) };
        if r == -1 {
            let e = last_errno();
            if e != 0 {
                return args.ret_string(&(-e).to_string());
            }
        }
        args.ret_number(r as f64);
        Ok(())
    }
);

op!(
    /// `setPriority(pid, priority)`: 0 or a negative errno.
    SetPriority = c"setPriority" / 2, |args| {
        let pid = args.int_or(0, 0);
        let prio = args.int_or(1, 0);
        let r = unsafe { libc::setpriority(libc::PRIO_PROCESS, pid as libc::id_t, prio) };
        args.ret_number(if r == 0 { 0.0 } else { -(last_errno() as f64) });
        Ok(())
    }
);

op!(
    /// `availableParallelism()`: CPUs this process may run on (at least 1).
    AvailableParallelism = c"availableParallelism" / 0, |args| {
        let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
        let mut n = 0;
        if unsafe { libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) } == 0 {
            n = unsafe { libc::CPU_COUNT(&set) };
        }
        args.ret_number(n.max(1) as f64);
        Ok(())
    }
);

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    b.op::<Uname>()
        .op::<Hostname>()
        .op::<Homedir>()
        .op::<UserInfo>()
        .op::<Cpus>()
        .op::<TotalMem>()
        .op::<FreeMem>()
        .op::<LoadAvg>()
        .op::<Uptime>()
        .op::<Interfaces>()
        .op::<GetPriority>()
        .op::<SetPriority>()
        .op::<AvailableParallelism>();
    b
}
