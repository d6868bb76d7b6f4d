//! `process` credentials: the user and group ids of the process (`process.getuid()` …
//! `process.initgroups()`) and the user/group name look-ups they need. Part of the `process`
//! binding; `lib/internal/process/credentials.js` validates arguments and builds node's errors.
//! Setters return 0 or a negative errno.
use std::ffi::{CStr, CString};

use lode_engine::Binding;

op!(
    /// `getuid()`: the real user id.
    GetUid = c"getuid" / 0, |args| {
        args.ret_number(unsafe { libc::getuid() } as f64);
        Ok(())
    }
);

op!(
    /// `geteuid()`: the effective user id.
    GetEuid = c"geteuid" / 0, |args| {
        args.ret_number(unsafe { libc::geteuid() } as f64);
        Ok(())
    }
);

op!(
    /// `getgid()`: the real group id.
    GetGid = c"getgid" / 0, |args| {
        args.ret_number(unsafe { libc::getgid() } as f64);
        Ok(())
    }
);

op!(
    /// `getegid()`: the effective group id.
    GetEgid = c"getegid" / 0, |args| {
        args.ret_number(unsafe { libc::getegid() } as f64);
        Ok(())
    }
);

op!(
    /// `getgroups()`: the supplementary group ids (an array), or a negative errno.
    GetGroups = c"getgroups" / 0, |args| {
        loop {
            let count = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
            if count < 0 {
                args.ret_number(last_neg_errno());
                return Ok(());
            }
            let mut groups: Vec<libc::gid_t> = vec![0; count as usize];
            let n = unsafe { libc::getgroups(count, groups.as_mut_ptr()) };
            if n < 0 {
                // EINVAL: the list grew between the two calls; ask again.
                if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINVAL) {
                    continue;
                }
                args.ret_number(last_neg_errno());
                return Ok(());
            }
            let ids: Vec<f64> = groups[..n as usize].iter().map(|&g| g as f64).collect();
            return args.ret_numbers(&ids);
        }
    }
);

op!(
    /// `uidByName(name)`: the id of user `name`, or undefined when there is no such user.
    UidByName = c"uidByName" / 1, |args| {
        let name = args.string(0)?;
        if let Some(uid) = lookup_user(&name) {
            args.ret_number(uid as f64);
        }
        Ok(())
    }
);

op!(
    /// `gidByName(name)`: the id of group `name`, or undefined when there is no such group.
    GidByName = c"gidByName" / 1, |args| {
        let name = args.string(0)?;
        if let Some(gid) = lookup_group(&name) {
            args.ret_number(gid as f64);
        }
        Ok(())
    }
);

op!(
    /// `userNameByUid(uid)`: the name of user `uid`, or undefined when there is no such user.
    UserNameByUid = c"userNameByUid" / 1, |args| {
        let uid = args.number(0)? as libc::uid_t;
        match user_name(uid) {
            Some(name) => args.ret_string(&name),
            None => Ok(()),
        }
    }
);

/// Declares a setter op `name(id)` calling `libc::$call(id)`: 0 or a negative errno.
macro_rules! id_setter {
    ($ty:ident = $name:literal, $call:ident) => {
        op!(
            /// Sets one of the process's ids: 0 or a negative errno.
            $ty = $name / 1, |args| {
                let id = args.number(0)? as u32;
                let r = unsafe { libc::$call(id) };
                args.ret_number(if r == 0 { 0.0 } else { last_neg_errno() });
                Ok(())
            }
        );
    };
}

id_setter!(SetUid = c"setuid", setuid);
id_setter!(SetEuid = c"seteuid", seteuid);
id_setter!(SetGid = c"setgid", setgid);
id_setter!(SetEgid = c"setegid", setegid);

op!(
    /// `setgroups(ids)`: sets the supplementary groups from a Uint32Array of group ids; 0 or a
    /// negative errno.
    SetGroups = c"setgroups" / 1, |args| {
        let groups: Vec<libc::gid_t> = args
            .bytes(0)
            .unwrap_or(&[])
            .chunks_exact(4)
            .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let r = unsafe { libc::setgroups(groups.len(), groups.as_ptr()) };
        args.ret_number(if r == 0 { 0.0 } else { last_neg_errno() });
        Ok(())
    }
);

op!(
    /// `initgroups(userName, extraGid)`: sets the supplementary groups to those of the user
    /// plus `extraGid`; 0 or a negative errno.
    InitGroups = c"initgroups" / 2, |args| {
        let user = args.string(0)?;
        let extra = args.number(1)? as u32;
        let r = match CString::new(user) {
            Ok(user) => unsafe { libc::initgroups(user.as_ptr(), extra) },
            Err(_) => {
                args.ret_number(-(libc::EINVAL as f64));
                return Ok(());
            }
        };
        args.ret_number(if r == 0 { 0.0 } else { last_neg_errno() });
        Ok(())
    }
);

op!(
    /// `osErrorMessage(errno)`: the C library's message for errno ("Operation not permitted"),
    /// which node's errors from these calls carry (`EPERM, Operation not permitted`).
    OsErrorMessage = c"osErrorMessage" / 1, |args| {
        let n = args.int_or(0, 0).abs();
        let text = std::io::Error::from_raw_os_error(n).to_string();
        // std's Display appends " (os error N)".
        let text = match text.rfind(" (os error ") {
            Some(i) => &text[..i],
            None => text.as_str(),
        };
        args.ret_string(text)
    }
);

fn last_neg_errno() -> f64 {
    super::neg_errno(&std::io::Error::last_os_error())
}

/// Calls a reentrant `get*_r` look-up with a buffer that grows while it reports ERANGE. `lookup`
/// returns the function's result code and whether an entry was found.
fn with_growing_buffer<T>(
    mut lookup: impl FnMut(&mut [libc::c_char]) -> (i32, Option<T>),
) -> Option<T> {
    let mut buf: Vec<libc::c_char> = vec![0; 1024];
    loop {
        let (code, found) = lookup(&mut buf[..]);
        if code == libc::ERANGE && buf.len() < (1 << 24) {
            let len = buf.len() * 2;
            buf.resize(len, 0);
            continue;
        }
        return found;
    }
}

/// The uid of the user called `name` (getpwnam_r: NSS, not only /etc/passwd).
fn lookup_user(name: &str) -> Option<libc::uid_t> {
    let name = CString::new(name).ok()?;
    with_growing_buffer(|buf| unsafe {
        let mut entry: libc::passwd = std::mem::zeroed();
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let code = libc::getpwnam_r(
            name.as_ptr(),
            &mut entry,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
        );
        (code, (!result.is_null()).then_some(entry.pw_uid))
    })
}

/// The gid of the group called `name` (getgrnam_r).
fn lookup_group(name: &str) -> Option<libc::gid_t> {
    let name = CString::new(name).ok()?;
    with_growing_buffer(|buf| unsafe {
        let mut entry: libc::group = std::mem::zeroed();
        let mut result: *mut libc::group = std::ptr::null_mut();
        let code = libc::getgrnam_r(
            name.as_ptr(),
            &mut entry,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
        );
        (code, (!result.is_null()).then_some(entry.gr_gid))
    })
}

/// The name of user `uid` (getpwuid_r).
fn user_name(uid: libc::uid_t) -> Option<String> {
    with_growing_buffer(|buf| unsafe {
        let mut entry: libc::passwd = std::mem::zeroed();
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let code = libc::getpwuid_r(uid, &mut entry, buf.as_mut_ptr(), buf.len(), &mut result);
        let name = (!result.is_null() && !entry.pw_name.is_null())
            .then(|| CStr::from_ptr(entry.pw_name).to_string_lossy().into_owned());
        (code, name)
    })
}

/// Adds the credential ops to the `process` binding.
pub fn install(b: &mut Binding) {
    b.op::<GetUid>()
        .op::<GetEuid>()
        .op::<GetGid>()
        .op::<GetEgid>()
        .op::<GetGroups>()
        .op::<UidByName>()
        .op::<GidByName>()
        .op::<UserNameByUid>()
        .op::<SetUid>()
        .op::<SetEuid>()
        .op::<SetGid>()
        .op::<SetEgid>()
        .op::<SetGroups>()
        .op::<InitGroups>()
        .op::<OsErrorMessage>();
}
