//! Terminal modes for `tty.ReadStream#setRawMode`. The mode a descriptor had before the first
//! change is kept and restored when the process exits, as node does.

use std::cell::RefCell;
use std::collections::HashMap;

use lode_engine::{Binding, Engine};

use super::neg_errno;

thread_local! {
    static SAVED: RefCell<HashMap<i32, libc::termios>> = RefCell::new(HashMap::new());
}

fn set_raw(fd: i32, raw: bool) -> std::io::Result<()> {
    // SAFETY: tcgetattr/tcsetattr on a descriptor number with a zeroed, then filled, termios.
    unsafe {
        let mut current: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(fd, &mut current) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let original = SAVED.with(|s| *s.borrow_mut().entry(fd).or_insert(current));
        let mut mode = original;
        if raw {
            // libuv's UV_TTY_MODE_RAW: no echo, no canonical input, no signals from keys,
            // bytes passed through, reads return as soon as one byte is there.
            mode.c_iflag &= !(libc::BRKINT | libc::ICRNL | libc::INPCK | libc::ISTRIP | libc::IXON);
            mode.c_oflag |= libc::ONLCR;
            mode.c_cflag |= libc::CS8;
            mode.c_lflag &= !(libc::ECHO | libc::ICANON | libc::IEXTEN | libc::ISIG);
            mode.c_cc[libc::VMIN] = 1;
            mode.c_cc[libc::VTIME] = 0;
        }
        if libc::tcsetattr(fd, libc::TCSADRAIN, &mode) != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Puts every terminal whose mode was changed back as it was (at exit).
pub fn restore_all() {
    SAVED.with(|s| {
        for (fd, mode) in s.borrow().iter() {
            // SAFETY: restoring a termios read earlier from the same descriptor.
            unsafe { libc::tcsetattr(*fd, libc::TCSADRAIN, mode) };
        }
    });
}

op!(
    /// `setRawMode(fd, raw)`: 0 or a negative errno.
    SetRawMode = c"setRawMode" / 2, |args| {
        let fd = args.int_or(0, 0);
        let raw = args.boolean(1);
        args.ret_number(set_raw(fd, raw).map(|_| 0.0).unwrap_or_else(|e| neg_errno(&e)));
        Ok(())
    }
);

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    b.op::<SetRawMode>();
    b
}
