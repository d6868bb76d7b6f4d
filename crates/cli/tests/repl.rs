//! The REPL with piped input (`lode -i < session`) prints what node prints, banner aside.
//! `tests/repl/<name>.in` is the input; `<name>.out` node's output without its first line.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn run_session(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/repl");
    let input = std::fs::read(dir.join(format!("{name}.in"))).unwrap();
    let expected = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_lode"))
        .arg("-i")
        .env("LODE_REPL_HISTORY", "")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let (banner, rest) = stdout.split_once('\n').unwrap_or(("", ""));
    assert!(banner.starts_with("Welcome to Lode"), "banner: {banner}");
    assert_eq!(
        rest,
        expected,
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn repl_basic_session() {
    run_session("basic");
}

#[test]
fn repl_uncaught_errors() {
    run_session("errors");
}
