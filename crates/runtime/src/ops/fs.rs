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

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    b.op::<ReadFileUtf8>()
        .op::<InternalModuleStat>()
        .op::<Realpath>()
        .op::<FileMode>();
    b
}
