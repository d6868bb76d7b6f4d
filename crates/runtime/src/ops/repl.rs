//! The REPL's line input: rustyline (line editing, history) on a reader thread, one line per
//! request, delivered to JS through the event loop's completion queue so timers and promises
//! keep running while the prompt waits.
use std::sync::mpsc;

use lode_engine::{Binding, Engine};

use crate::event_loop::{loop_state, Completion};

/// What the reader thread reports for one prompt.
#[derive(Debug)]
pub enum ReplInput {
    Line(String),
    /// Ctrl-C at the prompt.
    Interrupted,
    /// Ctrl-D or end of input.
    Eof,
}

thread_local! {
    static REQUESTS: std::cell::RefCell<Option<mpsc::Sender<String>>> = const { std::cell::RefCell::new(None) };
}

fn history_path() -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os("LODE_REPL_HISTORY") {
        if p.is_empty() {
            return None;
        }
        return Some(p.into());
    }
    std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".lode_repl_history"))
}

fn spawn_reader() -> mpsc::Sender<String> {
    let (tx, rx) = mpsc::channel::<String>();
    let done = loop_state().completions_tx.clone();
    if unsafe { libc::isatty(0) } != 1 {
        // Piped input (`lode -i < file`): plain lines, the prompt printed as node does.
        std::thread::spawn(move || {
            use std::io::{BufRead, Write};
            let stdin = std::io::stdin();
            let mut lines = stdin.lock().lines();
            while let Ok(prompt) = rx.recv() {
                let mut out = std::io::stdout();
                let _ = out.write_all(prompt.as_bytes());
                let _ = out.flush();
                let input = match lines.next() {
                    Some(Ok(line)) => ReplInput::Line(line),
                    _ => ReplInput::Eof,
                };
                if done.send(Completion::Repl(input)).is_err() {
                    break;
                }
            }
        });
        return tx;
    }
    std::thread::spawn(move || {
        let mut editor = match rustyline::DefaultEditor::new() {
            Ok(e) => e,
            Err(_) => {
                let _ = done.send(Completion::Repl(ReplInput::Eof));
                return;
            }
        };
        let history = history_path();
        if let Some(h) = &history {
            let _ = editor.load_history(h);
        }
        while let Ok(prompt) = rx.recv() {
            let input = match editor.readline(&prompt) {
                Ok(line) => {
                    if !line.trim().is_empty() {
                        let _ = editor.add_history_entry(line.as_str());
                        if let Some(h) = &history {
                            let _ = editor.append_history(h).or_else(|_| editor.save_history(h));
                        }
                    }
                    ReplInput::Line(line)
                }
                Err(rustyline::error::ReadlineError::Interrupted) => ReplInput::Interrupted,
                Err(_) => ReplInput::Eof,
            };
            if done.send(Completion::Repl(input)).is_err() {
                break;
            }
        }
    });
    tx
}

op!(
    /// `readLine(prompt)`: asks for the next line; it arrives through the loop's `onReplInput`.
    ReadLine = c"readLine" / 1, |args| {
        let prompt = args.string(0)?;
        let sent = REQUESTS.with(|r| {
            let mut r = r.borrow_mut();
            let tx = r.get_or_insert_with(spawn_reader);
            tx.send(prompt).is_ok()
        });
        if sent {
            // The pending line keeps the process alive until it is delivered.
            let s = loop_state();
            s.ref_handles.set(s.ref_handles.get() + 1);
        }
        args.ret_bool(sent);
        Ok(())
    }
);

op!(
    /// `writeFile(path, text)`: for `.save`; true when written.
    WriteFile = c"writeFile" / 2, |args| {
        let path = args.string(0)?;
        let text = args.string(1)?;
        args.ret_bool(std::fs::write(path, text).is_ok());
        Ok(())
    }
);

pub fn binding(engine: &mut Engine) -> Binding {
    let mut b = Binding::new(engine);
    b.op::<ReadLine>().op::<WriteFile>();
    b
}
