//! The file-system ops the module loader needs at start-up. (The full `fs` module is its own
//! issue; these stay its sync core.)
use std::os::unix::fs::MetadataExt;

use lode_engine::{Binding, Engine};

use super::neg_errno;

op!(
    /// `readFileUtf8(path)`: the file's text, or a negative errno.
    ReadFileUtf8 = c"readFileUtf8" / 1, |args| {
        let path = args.string(0)?;
        match std::fs::read(&path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
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

/// Returns `r` as 0, or as a negative errno.
fn status(args: &mut lode_engine::Args, r: std::io::Result<()>) -> lode_engine::OpResult {
    args.ret_number(r.map(|_| 0.0).unwrap_or_else(|e| neg_errno(&e)));
    Ok(())
}

op!(
    /// `readFileBytes(path)`: the file's bytes as a Uint8Array, or a negative errno.
    ReadFileBytes = c"readFileBytes" / 1, |args| {
        let path = args.string(0)?;
        match std::fs::read(&path) {
            Ok(bytes) => args.ret_bytes(&bytes),
            Err(e) => {
                args.ret_number(neg_errno(&e));
                Ok(())
            }
        }
    }
);

op!(
    /// `writeFileBytes(path, bytes, append, exclusive, mode)`: 0 or a negative errno.
    WriteFileBytes = c"writeFileBytes" / 5, |args| {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let path = args.string(0)?;
        let append = args.boolean(2);
        let exclusive = args.boolean(3);
        let mode = args.int_or(4, 0o666) as u32;
        let mut opts = std::fs::OpenOptions::new();
        opts.mode(mode);
        if append {
            opts.append(true).create(true);
        } else if exclusive {
            opts.write(true).create_new(true);
        } else {
            opts.write(true).create(true).truncate(true);
        }
        let r = match opts.open(&path) {
            Ok(mut f) => f.write_all(args.bytes(1).unwrap_or(&[])),
            Err(e) => Err(e),
        };
        status(args, r)
    }
);

op!(
    /// `stat(path, followLinks)`: [dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
    /// atimeMs, mtimeMs, ctimeMs, birthtimeMs], or a negative errno.
    Stat = c"stat" / 2, |args| {
        let path = args.string(0)?;
        let r = if args.boolean(1) { std::fs::metadata(&path) } else { std::fs::symlink_metadata(&path) };
        match r {
            Ok(m) => {
                let ms = |s: i64, ns: i64| s as f64 * 1000.0 + ns as f64 / 1e6;
                let birth = m
                    .created()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|d| d.as_secs_f64() * 1000.0)
                    .unwrap_or_else(|| ms(m.ctime(), m.ctime_nsec()));
                let fields = [
                    m.dev() as f64, m.mode() as f64, m.nlink() as f64, m.uid() as f64, m.gid() as f64,
                    m.rdev() as f64, m.blksize() as f64, m.ino() as f64, m.size() as f64, m.blocks() as f64,
                    ms(m.atime(), m.atime_nsec()), ms(m.mtime(), m.mtime_nsec()), ms(m.ctime(), m.ctime_nsec()), birth,
                ];
                args.ret_numbers(&fields)
            }
            Err(e) => {
                args.ret_number(neg_errno(&e));
                Ok(())
            }
        }
    }
);

op!(
    /// `readdir(path)`: [name, type, ...] with type 1 file, 2 directory, 3 symlink, 4 FIFO,
    /// 5 socket, 6 char device, 7 block device, 0 unknown; or a negative errno.
    Readdir = c"readdir" / 1, |args| {
        use std::os::unix::fs::FileTypeExt;
        let path = args.string(0)?;
        match std::fs::read_dir(&path) {
            Ok(entries) => {
                let mut out = Vec::new();
                for e in entries {
                    let e = match e {
                        Ok(e) => e,
                        Err(err) => {
                            args.ret_number(neg_errno(&err));
                            return Ok(());
                        }
                    };
                    let t = e.file_type().ok();
                    let kind = match t {
                        Some(t) if t.is_file() => 1,
                        Some(t) if t.is_dir() => 2,
                        Some(t) if t.is_symlink() => 3,
                        Some(t) if t.is_fifo() => 4,
                        Some(t) if t.is_socket() => 5,
                        Some(t) if t.is_char_device() => 6,
                        Some(t) if t.is_block_device() => 7,
                        _ => 0,
                    };
                    out.push(e.file_name().to_string_lossy().into_owned());
                    out.push(kind.to_string());
                }
                args.ret_strings(&out)
            }
            Err(e) => {
                args.ret_number(neg_errno(&e));
                Ok(())
            }
        }
    }
);

op!(
    /// `mkdir(path, mode)`: 0 or a negative errno (one level).
    Mkdir = c"mkdir" / 2, |args| {
        use std::os::unix::fs::DirBuilderExt;
        let path = args.string(0)?;
        let mode = args.int_or(1, 0o777) as u32;
        let r = std::fs::DirBuilder::new().mode(mode).create(&path);
        status(args, r)
    }
);

op!(
    /// `unlink(path)`: 0 or a negative errno.
    Unlink = c"unlink" / 1, |args| {
        let path = args.string(0)?;
        let r = std::fs::remove_file(&path);
        status(args, r)
    }
);

op!(
    /// `rmdir(path)`: 0 or a negative errno.
    Rmdir = c"rmdir" / 1, |args| {
        let path = args.string(0)?;
        let r = std::fs::remove_dir(&path);
        status(args, r)
    }
);

op!(
    /// `rename(from, to)`: 0 or a negative errno.
    Rename = c"rename" / 2, |args| {
        let from = args.string(0)?;
        let to = args.string(1)?;
        let r = std::fs::rename(&from, &to);
        status(args, r)
    }
);

op!(
    /// `copyFile(from, to, exclusive)`: 0 or a negative errno.
    CopyFile = c"copyFile" / 3, |args| {
        let from = args.string(0)?;
        let to = args.string(1)?;
        let r = if args.boolean(2) && std::path::Path::new(&to).symlink_metadata().is_ok() {
            Err(std::io::Error::from_raw_os_error(libc::EEXIST))
        } else {
            std::fs::copy(&from, &to).map(|_| ())
        };
        status(args, r)
    }
);

op!(
    /// `access(path, mode)`: 0 or a negative errno.
    Access = c"access" / 2, |args| {
        let path = args.string(0)?;
        let mode = args.int_or(1, 0);
        let c = std::ffi::CString::new(path).unwrap_or_default();
        let r = unsafe { libc::access(c.as_ptr(), mode) };
        let r = if r == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) };
        status(args, r)
    }
);

op!(
    /// `symlink(target, path)`: 0 or a negative errno.
    Symlink = c"symlink" / 2, |args| {
        let target = args.string(0)?;
        let path = args.string(1)?;
        let r = std::os::unix::fs::symlink(&target, &path);
        status(args, r)
    }
);

op!(
    /// `readlink(path)`: the link's target, or a negative errno.
    Readlink = c"readlink" / 1, |args| {
        let path = args.string(0)?;
        match std::fs::read_link(&path) {
            Ok(p) => args.ret_string(&p.to_string_lossy()),
            Err(e) => {
                args.ret_number(neg_errno(&e));
                Ok(())
            }
        }
    }
);

op!(
    /// `chmod(path, mode)`: 0 or a negative errno.
    Chmod = c"chmod" / 2, |args| {
        use std::os::unix::fs::PermissionsExt;
        let path = args.string(0)?;
        let mode = args.int_or(1, 0o644) as u32;
        let r = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode));
        status(args, r)
    }
);

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    b.op::<ReadFileBytes>()
        .op::<WriteFileBytes>()
        .op::<Stat>()
        .op::<Readdir>()
        .op::<Mkdir>()
        .op::<Unlink>()
        .op::<Rmdir>()
        .op::<Rename>()
        .op::<CopyFile>()
        .op::<Access>()
        .op::<Symlink>()
        .op::<Readlink>()
        .op::<Chmod>()
        .op::<ReadFileUtf8>()
        .op::<InternalModuleStat>()
        .op::<Realpath>()
        .op::<FileMode>();
    b
}
