//! `fs.watch`: file-system notifications through the `notify` crate (inotify on Linux).
//!
//! `watchStart(path, recursive, id)` starts a watcher whose events arrive in JS as
//! subscription `id` (see [`super::async_ops`]): `[eventType, filename]` with node's event
//! types ('rename' for entries appearing, disappearing or renamed; 'change' for data or
//! metadata changes) and the file name relative to the watched directory (the file's own name
//! when a file is watched). `watchRef(id, bool)` sets whether it keeps the loop alive;
//! `watchClose(id)` stops it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lode_engine::Binding;
use notify::event::{EventKind, ModifyKind, RenameMode};
use notify::{RecursiveMode, Watcher};

use super::async_ops::Output;
use super::neg_errno;
use crate::event_loop::{loop_state, Completion};

struct Watch {
    _watcher: notify::RecommendedWatcher,
    referenced: bool,
}

thread_local! {
    static WATCHES: RefCell<HashMap<u64, Watch>> = RefCell::new(HashMap::new());
}

fn event_type(kind: &EventKind) -> Option<&'static str> {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => Some("rename"),
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => None,
        EventKind::Modify(ModifyKind::Name(_)) => Some("rename"),
        EventKind::Modify(_) => Some("change"),
        _ => None,
    }
}

/// The name node reports for `path`: relative to the watched directory, or the file's name.
fn reported_name(root: &Path, root_is_dir: bool, path: &Path) -> String {
    if root_is_dir {
        if let Ok(rel) = path.strip_prefix(root) {
            if !rel.as_os_str().is_empty() {
                return rel.to_string_lossy().into_owned();
            }
        }
    }
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn start(path: &str, recursive: bool, id: f64) -> Result<(), f64> {
    let root = PathBuf::from(path);
    let meta = std::fs::metadata(&root).map_err(|e| neg_errno(&e))?;
    let root_is_dir = meta.is_dir();
    let tx = loop_state().completions_tx.clone();
    let event_root = root.clone();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let output = match res {
            Ok(event) => {
                let Some(kind) = event_type(&event.kind) else {
                    return;
                };
                for p in &event.paths {
                    let name = reported_name(&event_root, root_is_dir, p);
                    let output = Output::Strings(vec![kind.to_string(), name]);
                    let _ = tx.send(Completion::Event { id, output });
                }
                return;
            }
            Err(e) => match e.kind {
                notify::ErrorKind::Io(io) => Output::Errno(neg_errno(&io)),
                _ => Output::Errno(-(libc::EIO as f64)),
            },
        };
        let _ = tx.send(Completion::Event { id, output });
    })
    .map_err(|e| match e.kind {
        notify::ErrorKind::Io(io) => neg_errno(&io),
        _ => -(libc::EIO as f64),
    })?;
    let mode = if recursive {
        RecursiveMode::Recursive
    } else {
        RecursiveMode::NonRecursive
    };
    watcher.watch(&root, mode).map_err(|e| match e.kind {
        notify::ErrorKind::Io(io) => neg_errno(&io),
        notify::ErrorKind::PathNotFound => -(libc::ENOENT as f64),
        notify::ErrorKind::MaxFilesWatch => -(libc::ENOSPC as f64),
        _ => -(libc::EIO as f64),
    })?;
    WATCHES.with(|w| {
        w.borrow_mut().insert(
            id as u64,
            Watch {
                _watcher: watcher,
                referenced: false,
            },
        )
    });
    set_ref(id, true);
    Ok(())
}

fn set_ref(id: f64, on: bool) {
    WATCHES.with(|w| {
        if let Some(watch) = w.borrow_mut().get_mut(&(id as u64)) {
            if watch.referenced != on {
                watch.referenced = on;
                let s = loop_state();
                s.ref_handles
                    .set(s.ref_handles.get() + if on { 1 } else { -1 });
            }
        }
    });
}

op!(
    /// `watchStart(path, recursive, id)`: 0, or a negative errno.
    WatchStart = c"watchStart" / 3, |args| {
        let path = args.string(0)?;
        let recursive = args.boolean(1);
        let id = args.number(2)?;
        args.ret_number(start(&path, recursive, id).map(|_| 0.0).unwrap_or_else(|e| e));
        Ok(())
    }
);

op!(
    /// `watchRef(id, referenced)`.
    WatchRef = c"watchRef" / 2, |args| {
        let id = args.number(0)?;
        set_ref(id, args.boolean(1));
        Ok(())
    }
);

op!(
    /// `watchClose(id)`: stops the watcher (events already queued are dropped by JS).
    WatchClose = c"watchClose" / 1, |args| {
        let id = args.number(0)?;
        set_ref(id, false);
        WATCHES.with(|w| w.borrow_mut().remove(&(id as u64)));
        Ok(())
    }
);

pub fn add_ops(b: &mut Binding) {
    b.op::<WatchStart>().op::<WatchRef>().op::<WatchClose>();
}
