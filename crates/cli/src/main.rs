//! `lode`: parses Node's command line and hands the program to the runtime.
//!
//! The grammar is node's own (`node [options] [script | -e code | -] [--] [args]`, options only
//! before the script, `--flag=value` and `--flag value`, unknown flags rejected with exit 9), so
//! it is parsed here by hand: clap's model of subcommands and free-standing flags does not fit
//! "everything after the script belongs to the script".

use std::io::{IsTerminal, Read};

use lode_runtime::{Entry, RunOptions};

const HELP: &str = "Usage: lode [options] [ script.js ] [arguments]
       lode [options] -e \"script\" [arguments]
       lode [options] -p \"expression\" [arguments]
       lode [options] - [arguments]   (read the program from standard input)

Lode runs Node.js programs: the same modules, APIs and output as Node.js v20.

Options:
  -e, --eval script          evaluate script
  -p, --print script         evaluate script and print the result
  -r, --require module       module to preload (may be repeated)
  -i, --interactive          start the REPL even if stdin is not a terminal
  --stack-trace-limit=n      frames in error stacks (Error.stackTraceLimit, default 10)
  --async-stack-traces       record `at async fn` frames for errors thrown after an await
                             (off by default: it makes every await several times slower)
  -v, --version              print the Node.js version Lode is compatible with
  -h, --help                 print this help
  --                         end of options

Package manager (npm-compatible; `lode <command> --help` for each):
  lode install | ci | add | remove | run | x | init | pack | publish | outdated | ls | why | cache

Environment:
  LODE_GC_STRESS=1           run a full garbage collection on every op call (for testing)
";

/// Flags node accepts that Lode takes and ignores (they tune V8 or features Lode has on).
fn is_ignored_flag(name: &str) -> bool {
    matches!(
        name,
        "--no-warnings"
            | "--no-deprecation"
            | "--trace-deprecation"
            | "--throw-deprecation"
            | "--trace-warnings"
            | "--trace-uncaught"
            | "--expose-gc"
            | "--expose_gc"
            | "--enable-source-maps"
            | "--preserve-symlinks"
            | "--preserve-symlinks-main"
            | "--no-experimental-fetch"
            | "--no-addons"
            | "--abort-on-uncaught-exception"
            | "--pending-deprecation"
            | "--unhandled-rejections"
            | "--max-old-space-size"
            | "--max-semi-space-size"
            | "--stack-size"
            | "--stack-trace-limit"
            | "--title"
            | "--conditions"
            | "-C"
            | "--input-type"
            | "--experimental-vm-modules"
            | "--experimental-specifier-resolution"
            | "--no-experimental-global-navigator"
            | "--harmony"
    ) || name.starts_with("--experimental-")
        || name.starts_with("--no-experimental-")
}

/// Ignored flags that take a value in the next argument when not given as `--flag=value`.
fn takes_value(name: &str) -> bool {
    matches!(
        name,
        "--unhandled-rejections"
            | "--max-old-space-size"
            | "--stack-size"
            | "--title"
            | "--conditions"
            | "-C"
            | "--input-type"
            | "--stack-trace-limit"
    )
}

fn fail(msg: &str, code: i32) -> ! {
    eprintln!("{}: {}", exe_name(), msg);
    std::process::exit(code)
}

fn exe_name() -> String {
    std::env::args().next().unwrap_or_else(|| "lode".into())
}

fn main() {
    let raw: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    // Package-manager subcommands (`lode install`, `lode run`, ...); skipped when invoked as
    // `node` (the shim lifecycle scripts use).
    if let Some(code) = lode_pm::run_cli(&raw) {
        std::process::exit(code);
    }
    let argv0 = raw.first().cloned().unwrap_or_else(|| "lode".into());
    let exec_path = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| argv0.clone());

    let mut exec_argv = Vec::new();
    let mut preload = Vec::new();
    let mut eval: Option<(String, bool)> = None;
    let mut interactive = false;
    let mut async_stack_traces = false;
    let mut script: Option<String> = None;
    let mut rest: Vec<String> = Vec::new();
    let mut i = 1;
    while i < raw.len() {
        let a = &raw[i];
        if a == "--" {
            i += 1;
            if script.is_none() && eval.is_none() && i < raw.len() {
                script = Some(raw[i].clone());
                i += 1;
            }
            rest.extend(raw[i..].iter().cloned());
            break;
        }
        if a == "-" || !a.starts_with('-') {
            if eval.is_none() {
                script = Some(a.clone());
                i += 1;
            }
            rest.extend(raw[i..].iter().cloned());
            break;
        }
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let value = |i: &mut usize| -> String {
            if let Some(v) = &inline {
                return v.clone();
            }
            *i += 1;
            match raw.get(*i) {
                Some(v) => v.clone(),
                None => fail(&format!("{} requires an argument", name), 9),
            }
        };
        let start = i;
        match name.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return;
            }
            "-v" | "--version" => {
                println!("{}", lode_runtime::NODE_VERSION);
                return;
            }
            "-e" | "--eval" => eval = Some((value(&mut i), eval.as_ref().is_some_and(|e| e.1))),
            "-p" | "--print" | "-pe" => {
                // `-p` may come with or without `-e`; node takes the next argument as code.
                let code = value(&mut i);
                eval = Some((code, true));
            }
            "-r" | "--require" => preload.push(value(&mut i)),
            "-i" | "--interactive" => interactive = true,
            "--async-stack-traces" => async_stack_traces = true,
            "--no-async-stack-traces" => async_stack_traces = false,
            n if is_ignored_flag(n) => {
                if inline.is_none() && takes_value(n) {
                    i += 1;
                }
            }
            _ => fail(&format!("bad option: {}", a), 9),
        }
        exec_argv.extend(raw[start..=i.min(raw.len() - 1)].iter().cloned());
        i += 1;
    }

    let entry = if let Some((source, print)) = eval {
        Entry::Eval { source, print }
    } else if let Some(s) = script.as_deref().filter(|s| *s != "-") {
        Entry::File(s.to_string())
    } else if !interactive && (script.as_deref() == Some("-") || !std::io::stdin().is_terminal()) {
        let mut src = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut src) {
            fail(&format!("cannot read standard input: {e}"), 1);
        }
        Entry::Stdin(src)
    } else {
        Entry::Repl
    };

    let mut argv = vec![exec_path.clone()];
    if let Entry::File(f) = &entry {
        argv.push(f.clone());
    } else if let Entry::Stdin(_) = &entry {
        if script.as_deref() == Some("-") {
            argv.push("-".into());
        }
    }
    argv.extend(rest);

    let code = lode_runtime::run(RunOptions {
        entry,
        argv,
        exec_argv,
        argv0,
        exec_path,
        preload,
        async_stack_traces,
    });
    std::process::exit(code);
}
