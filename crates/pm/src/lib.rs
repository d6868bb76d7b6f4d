//! Lode's package manager: `lode install | i | ci | add | remove | run | x | init | pack |
//! publish | outdated | ls | why | cache`, npm-compatible (npm's behaviour is the
//! specification; see docs/package-manager.md). The CLI calls [`run_cli`] before its own
//! argument parsing.

#![allow(clippy::nonminimal_bool)] // `!a && !(b && c)` reads better than its "simplification" here

/// `println!` that ends the process quietly when stdout is closed (`lode ls | head`) instead
/// of panicking on the broken pipe.
#[macro_export]
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($t)*).is_err() {
            std::process::exit(0);
        }
    }};
}

pub mod cache;
pub mod commands;
pub mod error;
pub mod git;
pub mod install;
pub mod integrity;
pub mod lockfile;
pub mod manifest;
pub mod npmrc;
pub mod output;
pub mod pack;
pub mod registry;
pub mod scripts;
pub mod spec;
pub mod tarball;
pub mod tree;

use std::path::Path;

const COMMANDS: &[&str] = &[
    "install",
    "i",
    "ci",
    "add",
    "remove",
    "rm",
    "uninstall",
    "un",
    "run",
    "run-script",
    "x",
    "exec",
    "init",
    "pack",
    "publish",
    "outdated",
    "ls",
    "list",
    "why",
    "explain",
    "cache",
];

/// Runs a package-manager command if `args` (the whole argv) is one; None means "not a
/// package-manager command" and the caller goes on with node-style argument parsing.
pub fn run_cli(args: &[String]) -> Option<i32> {
    let argv0 = args
        .first()
        .map(|a| {
            Path::new(a)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .unwrap_or_default();
    if argv0 == "node" || argv0 == "nodejs" {
        return None;
    }
    let first = args.get(1)?;
    if COMMANDS.contains(&first.as_str()) {
        return Some(commands::main(&args[1..]));
    }
    // `lode <script>`: a script of ./package.json that is not a file.
    // Node would run `first` as a module if any of these exist.
    let is_module = ["", ".js", ".mjs", ".cjs", ".json", ".node", "/index.js"]
        .iter()
        .any(|ext| Path::new(&format!("{first}{ext}")).exists());
    if !first.starts_with('-') && !is_module && !first.contains('/') && !first.contains('.') {
        if let Ok(m) = manifest::Manifest::read(Path::new("package.json")) {
            if m.script(first).is_some() {
                let mut v = vec!["run".to_string()];
                v.extend(args[1..].iter().cloned());
                return Some(commands::main(&v));
            }
        }
    }
    None
}
