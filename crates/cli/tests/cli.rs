//! The command line as node has it: -e, -p, stdin, --input-type=module, -r, --, bad flags,
//! missing files. Expected outputs and exit codes are node v20's.

use std::io::Write;
use std::process::{Command, Stdio};

fn lode(args: &[&str], stdin: Option<&str>) -> (String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lode"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn eval_and_print() {
    assert_eq!(lode(&["-e", "console.log(1 + 1)"], None), ("2\n".into(), 0));
    assert_eq!(
        lode(&["-p", "[1, 'a', { b: 2 }]"], None),
        ("[ 1, 'a', { b: 2 } ]\n".into(), 0)
    );
    assert_eq!(
        lode(&["-p", "'plain string'"], None),
        ("plain string\n".into(), 0)
    );
    assert_eq!(
        lode(&["-pe", "process.argv.length", "x", "y"], None),
        ("3\n".into(), 0)
    );
    assert_eq!(
        lode(
            &["-e", "console.log(__filename, require.main === module)"],
            None
        ),
        ("[eval] false\n".into(), 0)
    );
}

#[test]
fn stdin_program() {
    assert_eq!(
        lode(&[], Some("console.log(__filename, process.argv.length)")),
        ("[stdin] 1\n".into(), 0)
    );
    assert_eq!(
        lode(&["-", "a"], Some("console.log(process.argv.slice(1))")),
        ("[ '-', 'a' ]\n".into(), 0)
    );
}

#[test]
fn module_input() {
    let src = "import { sep } from 'path'; console.log(sep, import.meta.url.endsWith('[eval1]'), await Promise.resolve(5))";
    assert_eq!(
        lode(&["--input-type=module", "-e", src], None),
        ("/ true 5\n".into(), 0)
    );
    assert_eq!(lode(&["--input-type=module", "-p", "1"], None).1, 1);
}

#[test]
fn flags_and_errors() {
    assert_eq!(lode(&["--bogus-flag"], None).1, 9);
    assert_eq!(
        lode(&["definitely-missing-file.js"], None),
        (String::new(), 1)
    );
    assert_eq!(
        lode(&["-e", "throw new Error('x')"], None),
        (String::new(), 1)
    );
    assert_eq!(
        lode(&["-e", "process.exitCode = 4"], None),
        (String::new(), 4)
    );
    assert_eq!(lode(&["--version"], None), ("v20.20.2\n".into(), 0));
    assert_eq!(
        lode(
            &["--no-warnings", "-e", "console.log(process.execArgv)"],
            None
        ),
        (
            "[ '--no-warnings', '-e', 'console.log(process.execArgv)' ]\n".into(),
            0
        )
    );
    assert_eq!(
        lode(
            &["-e", "console.log(process.argv.slice(1))", "--", "-x"],
            None
        ),
        ("[ '-x' ]\n".into(), 0)
    );
}

/// The compiled-code cache (crates/engine/src/code_cache.rs): a cold run fills it, a warm run
/// uses it, and a damaged file changes nothing but speed.
#[test]
fn code_cache_cold_warm_and_damaged() {
    let dir = std::env::temp_dir().join(format!("lode-cache-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let script = "const util = require('util'); const fs = require('fs'); \
        console.log(util.inspect({ a: [1, 2] }), typeof fs.readFileSync, \
        require('path').join.toString().length > 50); \
        try { require('path').join(5) } catch (e) { console.log(e.code, e.stack.split('\\n')[1].trim()) }";
    let run = || {
        let out = Command::new(env!("CARGO_BIN_EXE_lode"))
            .args(["-e", script])
            .env("XDG_CACHE_HOME", &dir)
            .output()
            .unwrap();
        (
            String::from_utf8_lossy(&out.stdout).to_string(),
            out.status.code(),
        )
    };
    let cold = run();
    assert_eq!(cold.1, Some(0), "{cold:?}");
    assert!(
        cold.0
            .starts_with("{ a: [ 1, 2 ] } function true\nERR_INVALID_ARG_TYPE at "),
        "{cold:?}"
    );
    let file = std::fs::read_dir(dir.join("lode"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("builtins-")
        })
        .expect("the cold run wrote the cache");
    assert_eq!(run(), cold);
    // Damage: flip bytes through the file, then cut it short.
    let mut bytes = std::fs::read(&file).unwrap();
    for i in (100..bytes.len()).step_by(997) {
        bytes[i] ^= 0x5a;
    }
    std::fs::write(&file, &bytes).unwrap();
    assert_eq!(run(), cold);
    std::fs::write(&file, &bytes[..bytes.len() / 3]).unwrap();
    assert_eq!(run(), cold);
    assert_eq!(run(), cold);
    let _ = std::fs::remove_dir_all(&dir);
}
