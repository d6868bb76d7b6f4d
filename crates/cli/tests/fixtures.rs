//! Runs every fixture `tests/fixtures/<area>/<name>.js` (and `.mjs`) with the built `lode` and
//! compares stdout and the exit code with what node v20 produced (`<name>.js.out`,
//! `<name>.js.code`, written by `tests/generate-expectations.sh`). `<name>.js.args` holds arguments
//! (one per line) and `<name>.js.stdin` input piped to the script.
//!
//! `fixtures_match_node` runs them normally; `fixtures_match_node_under_gc_stress` runs them
//! again with `LODE_GC_STRESS=1` (a full GC on every op call) to catch rooting bugs.
//! `LODE_FIXTURE=substring` limits a run to matching fixtures.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let filter = std::env::var("LODE_FIXTURE").ok();
    for area in std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures exists")
        .flatten()
    {
        if !area.path().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(area.path()).unwrap().flatten() {
            let p = f.path();
            let name = p.to_string_lossy().to_string();
            if !(name.ends_with(".js") || name.ends_with(".mjs")) || !p.is_file() {
                continue;
            }
            if let Some(filter) = &filter {
                if !name.contains(filter.as_str()) {
                    continue;
                }
            }
            out.push(p);
        }
    }
    out.sort();
    out
}

fn run_fixture(path: &Path, gc_stress: bool) -> Result<(), String> {
    let with_ext = |ext: &str| PathBuf::from(format!("{}{}", path.display(), ext));
    let expected_out = std::fs::read(with_ext(".out")).map_err(|e| {
        format!(
            "{}: missing .out ({e}); run tests/generate-expectations.sh",
            path.display()
        )
    })?;
    let expected_code: i32 = std::fs::read_to_string(with_ext(".code"))
        .map_err(|e| format!("{}: missing .code ({e})", path.display()))?
        .trim()
        .parse()
        .map_err(|e| format!("{}: bad .code ({e})", path.display()))?;
    let args: Vec<String> = std::fs::read_to_string(with_ext(".args"))
        .map(|s| s.lines().map(str::to_string).collect())
        .unwrap_or_default();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lode"));
    cmd.current_dir(path.parent().unwrap())
        .arg(path.file_name().unwrap())
        .args(&args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", std::env::var("HOME").unwrap_or_default());
    if gc_stress {
        cmd.env("LODE_GC_STRESS", "1");
    }
    // `<name>.js.stdin`, when present, is fed to the script through a pipe.
    let input = std::fs::read(with_ext(".stdin")).ok();
    let output = run_with_time_limit(cmd, input, FIXTURE_TIME_LIMIT)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let code = output.status.code().unwrap_or(-1);
    let mut problems = Vec::new();
    if output.stdout != expected_out {
        problems.push(format!(
            "stdout differs\n--- expected (node)\n{}\n--- actual (lode)\n{}",
            String::from_utf8_lossy(&expected_out),
            String::from_utf8_lossy(&output.stdout)
        ));
    }
    if code != expected_code {
        problems.push(format!("exit code {code}, node's was {expected_code}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}: {}\n--- stderr\n{}",
            path.display(),
            problems.join("\n"),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// A fixture that runs longer than this (debug build, GC stress included) has hung.
const FIXTURE_TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(240);

/// Runs `cmd` with `input` on stdin (or none), collecting its output; kills it after `limit`.
fn run_with_time_limit(
    mut cmd: Command,
    input: Option<Vec<u8>>,
    limit: std::time::Duration,
) -> Result<std::process::Output, String> {
    use std::io::{Read, Write};
    use std::process::Stdio;
    cmd.stdin(if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| format!("running lode: {e}"))?;
    let writer = child.stdin.take().map(|mut stdin| {
        let input = input.unwrap_or_default();
        std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        })
    });
    let read_all = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let stdout = read_all(Box::new(child.stdout.take().unwrap()));
    let stderr = read_all(Box::new(child.stderr.take().unwrap()));
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child
            .try_wait()
            .map_err(|e| format!("waiting for lode: {e}"))?
        {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {} s: killed", limit.as_secs()));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    if let Some(w) = writer {
        let _ = w.join();
    }
    Ok(std::process::Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

fn run_all(gc_stress: bool) {
    let list = fixtures();
    assert!(!list.is_empty(), "no fixtures found");
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(4);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(p) = list.get(i) else { break };
                if let Err(e) = run_fixture(p, gc_stress) {
                    failures.lock().unwrap().push(e);
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    println!("{} fixtures, {} failed", list.len(), failures.len());
    if !failures.is_empty() {
        panic!(
            "{} of {} fixtures differ from node:\n\n{}",
            failures.len(),
            list.len(),
            failures.join("\n\n")
        );
    }
}

#[test]
fn fixtures_match_node() {
    run_all(false);
}

#[test]
fn fixtures_match_node_under_gc_stress() {
    run_all(true);
}
