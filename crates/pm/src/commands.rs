//! The subcommands: argument parsing with clap, then each command's work.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use serde_json::{json, Value};

use crate::cache::Cache;
use crate::error::{err, Error, IoContext, Result};
use crate::install::{
    block_on, find_install_root, find_project_dir, summary_line, Installer, Opts,
};
use crate::lockfile;
use crate::manifest::Manifest;
use crate::npmrc::Config;
use crate::registry::{Mode, Registry};
use crate::scripts::{sh_quote, ScriptEnv};
use crate::spec::{self, split_name_spec, Spec};
use crate::tree::{Kind, Tree};

#[derive(Parser, Debug)]
#[command(
    args_override_self = true,
    name = "lode",
    disable_version_flag = true,
    about = "Lode's package manager"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Args, Debug, Clone, Default)]
struct Common {
    /// Print nothing but errors.
    #[arg(short = 's', long, global = true)]
    silent: bool,
    /// Log each request and script.
    #[arg(long, global = true)]
    verbose: bool,
    #[arg(long, global = true, hide = true)]
    loglevel: Option<String>,
}

#[derive(Args, Debug, Clone, Default)]
struct InstallFlags {
    /// Skip devDependencies.
    #[arg(long)]
    production: bool,
    /// Omit a dependency type: dev or optional (repeatable).
    #[arg(long, value_name = "TYPE")]
    omit: Vec<String>,
    /// Fail if the lockfile would change.
    #[arg(long, alias = "frozen")]
    frozen_lockfile: bool,
    /// Do not run lifecycle scripts.
    #[arg(long)]
    ignore_scripts: bool,
    /// Install from the cache only.
    #[arg(long)]
    offline: bool,
    /// Use cached metadata without revalidating it.
    #[arg(long)]
    prefer_offline: bool,
    /// Show dependency install scripts' output.
    #[arg(long)]
    foreground_scripts: bool,
    #[arg(long, hide = true)]
    no_audit: bool,
    #[arg(long, hide = true)]
    no_fund: bool,
    #[arg(long, hide = true)]
    legacy_peer_deps: bool,
    /// npm's defaults that are lode's too (accepted for scripts written for npm).
    #[arg(short = 'S', long, hide = true)]
    save: bool,
    #[arg(short = 'P', long, hide = true)]
    save_prod: bool,
    #[arg(short = 'f', long, hide = true)]
    force: bool,
    #[arg(long, hide = true)]
    no_package_lock: bool,
}

#[derive(Args, Debug, Clone, Default)]
struct SaveFlags {
    /// Save as a devDependency.
    #[arg(short = 'D', long)]
    save_dev: bool,
    /// Save as an optionalDependency.
    #[arg(short = 'O', long)]
    save_optional: bool,
    /// Save as a peerDependency.
    #[arg(long)]
    save_peer: bool,
    /// Save the exact version instead of a ^range.
    #[arg(short = 'E', long, alias = "save-exact")]
    exact: bool,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Install the project's dependencies (with package names: add them).
    #[command(visible_alias = "i")]
    Install {
        packages: Vec<String>,
        #[command(flatten)]
        flags: InstallFlags,
        #[command(flatten)]
        save: SaveFlags,
        #[command(flatten)]
        common: Common,
    },
    /// Clean install from the lockfile (removes node_modules; fails if the lockfile is stale).
    Ci {
        #[command(flatten)]
        flags: InstallFlags,
        #[command(flatten)]
        common: Common,
    },
    /// Add packages to package.json and install them.
    Add {
        #[arg(required = true)]
        packages: Vec<String>,
        #[command(flatten)]
        flags: InstallFlags,
        #[command(flatten)]
        save: SaveFlags,
        #[command(flatten)]
        common: Common,
    },
    /// Remove packages from package.json and node_modules.
    #[command(visible_aliases = ["rm", "uninstall", "un"])]
    Remove {
        #[arg(required = true)]
        packages: Vec<String>,
        #[command(flatten)]
        flags: InstallFlags,
        #[command(flatten)]
        common: Common,
    },
    /// Run a package.json script (without a name: list them).
    #[command(visible_alias = "run-script")]
    Run {
        script: Option<String>,
        /// Run in the named workspace (repeatable).
        #[arg(short = 'w', long = "workspace")]
        workspace: Vec<String>,
        /// Run in every workspace.
        #[arg(long)]
        workspaces: bool,
        /// Do not fail when the script is missing.
        #[arg(long)]
        if_present: bool,
        #[arg(long)]
        ignore_scripts: bool,
        #[command(flatten)]
        common: Common,
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run a package's binary, installing it into the cache first if needed (like npx).
    #[command(visible_alias = "exec")]
    X {
        #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Create a package.json.
    Init {
        #[arg(short = 'y', long)]
        yes: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Create the package tarball.
    Pack {
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        pack_destination: Option<PathBuf>,
        #[arg(long)]
        ignore_scripts: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Publish the package to the registry.
    Publish {
        folder: Option<PathBuf>,
        #[arg(long, default_value = "latest")]
        tag: String,
        #[arg(long)]
        access: Option<String>,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        ignore_scripts: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Show dependencies with newer versions.
    Outdated {
        #[command(flatten)]
        common: Common,
    },
    /// Show the installed dependency tree.
    #[command(visible_alias = "list")]
    Ls {
        packages: Vec<String>,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        depth: Option<usize>,
        #[command(flatten)]
        common: Common,
    },
    /// Explain why a package is installed.
    #[command(visible_alias = "explain")]
    Why {
        #[arg(required = true)]
        packages: Vec<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Manage the package cache: clean, dir, verify.
    Cache { action: String },
}

pub fn main(args: &[String]) -> i32 {
    let mut argv = vec!["lode".to_string()];
    argv.extend(args.iter().cloned());
    // `--omit=dev` style and npm's `--save-dev` etc. are handled by clap; `lode run x -- a`
    // keeps everything after the script for the script.
    let cli = match Cli::try_parse_from(&argv) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match dispatch(cli.cmd) {
        Ok(code) => code,
        Err(e) => e.report(),
    }
}

fn opts_from(flags: &InstallFlags, common: &Common) -> Opts {
    let omit: BTreeSet<&str> = flags.omit.iter().flat_map(|o| o.split(',')).collect();
    let env_prod = std::env::var("NODE_ENV").is_ok_and(|v| v == "production");
    Opts {
        omit_dev: flags.production || omit.contains("dev") || env_prod,
        omit_optional: omit.contains("optional"),
        frozen: flags.frozen_lockfile,
        ignore_scripts: flags.ignore_scripts,
        offline: flags.offline,
        prefer_offline: flags.prefer_offline,
        silent: common.silent || common.loglevel.as_deref() == Some("silent"),
        verbose: common.verbose,
        foreground_scripts: flags.foreground_scripts || common.verbose,
        force: BTreeSet::new(),
        no_shortcut: false,
    }
}

fn dispatch(cmd: Cmd) -> Result<i32> {
    match cmd {
        Cmd::Install {
            packages,
            flags,
            save,
            common,
        } => {
            if packages.is_empty() {
                install(opts_from(&flags, &common))
            } else {
                add(&packages, &save, opts_from(&flags, &common))
            }
        }
        Cmd::Ci { flags, common } => {
            let mut o = opts_from(&flags, &common);
            o.frozen = true;
            let dir = find_install_root()?;
            let nm = dir.join("node_modules");
            if nm.exists() {
                std::fs::remove_dir_all(&nm).ctx("could not remove", &nm)?;
            }
            install(o)
        }
        Cmd::Add {
            packages,
            flags,
            save,
            common,
        } => add(&packages, &save, opts_from(&flags, &common)),
        Cmd::Remove {
            packages,
            flags,
            common,
        } => remove(&packages, opts_from(&flags, &common)),
        Cmd::Run {
            script,
            workspace,
            workspaces,
            if_present,
            ignore_scripts,
            common,
            args,
        } => run(
            script,
            &workspace,
            workspaces,
            if_present,
            ignore_scripts,
            common.silent || common.loglevel.as_deref() == Some("silent"),
            &args,
        ),
        Cmd::X { args } => x(&args),
        Cmd::Init { yes: _, common } => init(common.silent),
        Cmd::Pack {
            dry_run,
            pack_destination,
            ignore_scripts,
            common,
        } => pack(dry_run, pack_destination, ignore_scripts, common.silent),
        Cmd::Publish {
            folder,
            tag,
            access,
            dry_run,
            ignore_scripts,
            common,
        } => publish(folder, &tag, access, dry_run, ignore_scripts, common.silent),
        Cmd::Outdated { .. } => outdated(),
        Cmd::Ls {
            packages,
            all,
            depth,
            ..
        } => ls(&packages, if all { usize::MAX } else { depth.unwrap_or(0) }),
        Cmd::Why { packages, .. } => why(&packages),
        Cmd::Cache { action } => cache_cmd(&action),
    }
}

pub fn install(opts: Opts) -> Result<i32> {
    let start = Instant::now();
    let dir = find_install_root()?;
    let silent = opts.silent;
    let inst = Installer::new(&dir, opts)?;
    if !inst.opts.no_shortcut && inst.up_to_date() {
        if !silent {
            crate::outln!("up to date in {}", crate::install::format_duration(start));
        }
        return Ok(0);
    }
    let summary = block_on(inst.install())?;
    inst.run_root_scripts()?;
    if !silent {
        crate::outln!("\n{}", summary_line(&summary, start));
    }
    Ok(0)
}

fn add(packages: &[String], save: &SaveFlags, mut opts: Opts) -> Result<i32> {
    let dir = find_project_dir()?;
    let pj = dir.join("package.json");
    let mut manifest = if pj.exists() {
        Manifest::read(&pj)?
    } else {
        Manifest::from_value(json!({}))
    };
    let config = std::sync::Arc::new(Config::load(&find_install_root()?));
    let exact = save.exact || config.flag("save-exact");
    let prefix = config.get("save-prefix").unwrap_or("^").to_string();
    let kind = if save.save_dev {
        "devDependencies"
    } else if save.save_optional {
        "optionalDependencies"
    } else if save.save_peer {
        "peerDependencies"
    } else {
        "dependencies"
    };
    let mode = if opts.offline {
        Mode::Offline
    } else {
        Mode::Online
    };
    let reg = Registry::new(config, Cache::new(Cache::default_dir()), mode)?;
    for arg in packages {
        let (name, given) = split_name_spec(arg);
        let given_spec = given.clone().unwrap_or_else(|| "latest".into());
        let parsed = Spec::parse(&name, &given_spec);
        let saved = match &parsed {
            Spec::Range { name: real, range }
            | Spec::Tag {
                name: real,
                tag: range,
            } => {
                let p = block_on(reg.packument(real))?;
                let Some(meta) = spec::pick(&p, &parsed) else {
                    return err(
                        "ETARGET",
                        format!("No matching version found for {real}@{range}."),
                    );
                };
                let alias = given_spec.starts_with("npm:");
                let is_range = matches!(parsed, Spec::Range { .. })
                    && given.is_some()
                    && nodejs_semver::Version::parse(range).is_err();
                // npm saves `^version` unless the given range is narrower than that.
                let prefixed = format!(
                    "{}{}",
                    if exact { "" } else { prefix.as_str() },
                    meta.version
                );
                let v = if is_range && !range_subset(&prefixed, range) {
                    range.clone()
                } else {
                    prefixed
                };
                if alias {
                    format!("npm:{real}@{v}")
                } else {
                    v
                }
            }
            _ => given_spec.clone(),
        };
        manifest.set_dep(kind, &name, &saved);
        opts.force.insert(name);
    }
    manifest.write(&pj)?;
    opts.no_shortcut = true;
    install(opts)
}

/// True if every version `inner` allows is allowed by `outer` (`*` allows everything).
fn range_subset(inner: &str, outer: &str) -> bool {
    match (
        nodejs_semver::Range::parse(inner),
        nodejs_semver::Range::parse(outer),
    ) {
        (Ok(i), Ok(o)) => outer.trim() == "*" || o.allows_all(&i),
        _ => false,
    }
}

fn remove(packages: &[String], mut opts: Opts) -> Result<i32> {
    let dir = find_project_dir()?;
    let pj = dir.join("package.json");
    let mut manifest = Manifest::read(&pj)?;
    for p in packages {
        manifest.remove_dep(p);
    }
    manifest.write(&pj)?;
    opts.no_shortcut = true;
    install(opts)
}

fn run(
    script: Option<String>,
    workspaces: &[String],
    all_ws: bool,
    if_present: bool,
    ignore_scripts: bool,
    silent: bool,
    args: &[String],
) -> Result<i32> {
    let dir = find_project_dir()?;
    if !workspaces.is_empty() || all_ws {
        let root = Manifest::read(&dir.join("package.json"))?;
        let mut code = 0;
        for rel in crate::install::expand_workspaces(&dir, &root.workspaces()) {
            let m = Manifest::read(&dir.join(&rel).join("package.json"))?;
            let selected = all_ws
                || workspaces.iter().any(|w| {
                    w == m.name() || w.trim_start_matches("./").trim_end_matches('/') == rel
                });
            if !selected {
                continue;
            }
            let Some(s) = &script else { continue };
            if m.script(s).is_none() && (if_present || all_ws) {
                continue;
            }
            let c = run_in(&dir.join(&rel), s, if_present, ignore_scripts, silent, args)?;
            if c != 0 {
                code = c;
            }
        }
        return Ok(code);
    }
    match script {
        None => list_scripts(&dir),
        Some(s) => run_in(&dir, &s, if_present, ignore_scripts, silent, args),
    }
}

fn list_scripts(dir: &Path) -> Result<i32> {
    let m = Manifest::read(&dir.join("package.json"))?;
    let scripts = m.scripts();
    if scripts.is_empty() {
        return Ok(0);
    }
    let lifecycle = [
        "prepublish",
        "prepare",
        "prepublishOnly",
        "prepack",
        "postpack",
        "dependencies",
        "install",
        "preinstall",
        "postinstall",
        "uninstall",
        "start",
        "restart",
        "stop",
        "test",
        "version",
    ];
    let (life, other): (Vec<_>, Vec<_>) = scripts
        .iter()
        .partition(|(k, _)| lifecycle.contains(&k.as_str()));
    if !life.is_empty() {
        crate::outln!(
            "Lifecycle scripts included in {}@{}:",
            m.name(),
            m.version()
        );
        for (k, v) in &life {
            crate::outln!("  {k}\n    {v}");
        }
    }
    if !other.is_empty() {
        crate::outln!("available via `lode run`:");
        for (k, v) in &other {
            crate::outln!("  {k}\n    {v}");
        }
    }
    Ok(0)
}

fn run_in(
    dir: &Path,
    script: &str,
    if_present: bool,
    ignore_scripts: bool,
    silent: bool,
    args: &[String],
) -> Result<i32> {
    let m = Manifest::read(&dir.join("package.json"))?;
    let cmd = match m.script(script) {
        Some(c) => c,
        None if script == "start" && dir.join("server.js").exists() => "node server.js".into(),
        None if script == "restart" => return Ok(0),
        None if if_present => return Ok(0),
        None => {
            return err(
                "",
                format!(
                    "Missing script: \"{script}\"\n\nTo see a list of scripts, run:\n  lode run"
                ),
            )
        }
    };
    let env = ScriptEnv::new(&Cache::default_dir(), Config::load(dir), "run");
    let mut events = Vec::new();
    if !ignore_scripts {
        if let Some(pre) = m.script(&format!("pre{script}")) {
            events.push((format!("pre{script}"), pre));
        }
    }
    let mut main = cmd;
    for a in args {
        main.push(' ');
        main.push_str(&sh_quote(a));
    }
    events.push((script.to_string(), main));
    if !ignore_scripts {
        if let Some(post) = m.script(&format!("post{script}")) {
            events.push((format!("post{script}"), post));
        }
    }
    for (ev, c) in events {
        if !silent {
            crate::outln!("\n> {}@{} {ev}\n> {c}\n", m.name(), m.version());
        }
        let code = env.run(dir, &m.json, &ev, &c, true)?;
        if code != 0 {
            if !silent {
                eprintln!("lode error Lifecycle script `{ev}` failed with error:\nlode error code {code}\nlode error path {}\nlode error command failed\nlode error command sh -c {c}", dir.display());
            }
            return Ok(code);
        }
    }
    Ok(0)
}

fn x(args: &[String]) -> Result<i32> {
    let (pkg, rest) = args.split_first().expect("clap requires one");
    let (name, spec_given) = split_name_spec(pkg);
    let bin_name = name.rsplit('/').next().unwrap_or(&name).to_string();
    let cwd = std::env::current_dir().map_err(|e| Error::new("ENOENT", e.to_string()))?;
    let cache = Cache::new(Cache::default_dir());
    // A locally installed bin wins when no version was asked for.
    if spec_given.is_none() {
        let mut d = Some(cwd.as_path());
        while let Some(p) = d {
            let b = p.join("node_modules/.bin").join(&bin_name);
            if b.exists() {
                return exec_bin(&b, rest, &cache, p);
            }
            d = p.parent();
        }
    }
    let spec = spec_given.unwrap_or_else(|| "latest".into());
    let key = crate::integrity::sha1_hex(format!("{name}@{spec}").as_bytes());
    let xdir = cache.root.join("x").join(&key[..16]);
    std::fs::create_dir_all(&xdir).ctx("could not create", &xdir)?;
    let pj = json!({ "name": "lode-x", "private": true, "dependencies": { name.clone(): spec } });
    let pj_path = xdir.join("package.json");
    if std::fs::read(&pj_path)
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        != Some(pj.clone())
    {
        std::fs::write(&pj_path, serde_json::to_vec_pretty(&pj).unwrap())
            .ctx("could not write", &pj_path)?;
    }
    let opts = Opts {
        silent: true,
        prefer_offline: true,
        ..Default::default()
    };
    let mut inst = Installer::new(&xdir, opts)?;
    // The registry and credentials are the current project's.
    inst.config = std::sync::Arc::new(Config::load(&cwd));
    if !inst.up_to_date() {
        block_on(inst.install())?;
    }
    let pkg_dir = xdir.join("node_modules").join(&name);
    let m = Manifest::read(&pkg_dir.join("package.json"))?;
    let bins = m.bins();
    let chosen = if bins.len() == 1 {
        bins[0].0.clone()
    } else {
        bins.iter()
            .find(|b| b.0 == bin_name)
            .map(|b| b.0.clone())
            .ok_or_else(|| {
                Error::new(
                    "ENOBIN",
                    format!(
                        "could not determine executable to run: {name} has {} bins",
                        bins.len()
                    ),
                )
            })?
    };
    exec_bin(
        &xdir.join("node_modules/.bin").join(chosen),
        rest,
        &cache,
        &cwd,
    )
}

fn exec_bin(bin: &Path, args: &[String], cache: &Cache, project: &Path) -> Result<i32> {
    let env = ScriptEnv::new(&cache.root, Config::load(project), "exec");
    let mut line = sh_quote(&bin.to_string_lossy());
    for a in args {
        line.push(' ');
        line.push_str(&sh_quote(a));
    }
    let cwd = std::env::current_dir().map_err(|e| Error::new("ENOENT", e.to_string()))?;
    let mut cmd = env.command(&cwd, &json!({}), "npx", &line);
    if let Some(parent) = bin.parent() {
        let mut path = vec![parent.to_path_buf()];
        if let Some(s) = &env.shim_dir {
            path.push(s.clone());
        }
        if let Some(old) = std::env::var_os("PATH") {
            path.extend(std::env::split_paths(&old));
        }
        if let Ok(j) = std::env::join_paths(path) {
            cmd.env("PATH", j);
        }
    }
    let status = cmd
        .status()
        .map_err(|e| Error::new("ENOENT", format!("could not run {}: {e}", bin.display())))?;
    Ok(status.code().unwrap_or(1))
}

fn init(silent: bool) -> Result<i32> {
    let dir = std::env::current_dir().map_err(|e| Error::new("ENOENT", e.to_string()))?;
    let pj = dir.join("package.json");
    let name: String = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_else(|| "package".into())
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-._".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    let defaults = json!({
        "name": name,
        "version": "1.0.0",
        "description": "",
        "main": "index.js",
        "scripts": { "test": "echo \"Error: no test specified\" && exit 1" },
        "keywords": [],
        "author": "",
        "license": "ISC",
        "type": "commonjs",
    });
    let m = if pj.exists() {
        let mut m = Manifest::read(&pj)?;
        let obj = m.json.as_object_mut().unwrap();
        for (k, v) in defaults.as_object().unwrap() {
            if !obj.contains_key(k) {
                obj.insert(k.clone(), v.clone());
            }
        }
        m
    } else {
        Manifest::from_value(defaults)
    };
    m.write(&pj)?;
    if !silent {
        crate::outln!(
            "Wrote to {}:\n\n{}\n",
            pj.display(),
            crate::manifest::to_json_string(&m.json, &m.format).trim_end()
        );
    }
    Ok(0)
}

fn pack(dry_run: bool, dest: Option<PathBuf>, ignore_scripts: bool, silent: bool) -> Result<i32> {
    let dir = find_project_dir()?;
    let m = Manifest::read(&dir.join("package.json"))?;
    let env = ScriptEnv::new(&Cache::default_dir(), Config::load(&dir), "pack");
    let lifecycle = |ev: &str| -> Result<()> {
        if ignore_scripts || dry_run {
            return Ok(());
        }
        if let Some(c) = m.script(ev) {
            let code = env.run(&dir, &m.json, ev, &c, true)?;
            if code != 0 {
                return err(
                    "ELIFECYCLE",
                    format!("{ev} script failed with exit code {code}"),
                );
            }
        }
        Ok(())
    };
    lifecycle("prepack")?;
    lifecycle("prepare")?;
    let packed = crate::pack::pack(&dir)?;
    if !silent {
        crate::pack::print_notice(&packed, None);
    }
    if !dry_run {
        let out = dest.unwrap_or_else(|| dir.clone()).join(&packed.filename);
        std::fs::write(&out, &packed.tgz).ctx("could not write", &out)?;
    }
    lifecycle("postpack")?;
    crate::outln!("{}", packed.filename);
    Ok(0)
}

fn publish(
    folder: Option<PathBuf>,
    tag: &str,
    access: Option<String>,
    dry_run: bool,
    ignore_scripts: bool,
    silent: bool,
) -> Result<i32> {
    let dir = match folder {
        Some(f) => f,
        None => find_project_dir()?,
    };
    let m = Manifest::read(&dir.join("package.json"))?;
    crate::pack::ensure_publishable(&m.json)?;
    let config = std::sync::Arc::new(Config::load(&dir));
    let env = ScriptEnv::new(&Cache::default_dir(), (*config).clone(), "publish");
    let lifecycle = |ev: &str| -> Result<()> {
        if ignore_scripts {
            return Ok(());
        }
        if let Some(c) = m.script(ev) {
            let code = env.run(&dir, &m.json, ev, &c, true)?;
            if code != 0 {
                return err(
                    "ELIFECYCLE",
                    format!("{ev} script failed with exit code {code}"),
                );
            }
        }
        Ok(())
    };
    if !dry_run {
        lifecycle("prepublishOnly")?;
        lifecycle("prepack")?;
        lifecycle("prepare")?;
    }
    let packed = crate::pack::pack(&dir)?;
    let registry = config.registry_for(&packed.name);
    let publish_config_registry = m
        .json
        .get("publishConfig")
        .and_then(|p| p.get("registry"))
        .and_then(Value::as_str)
        .map(|r| {
            if r.ends_with('/') {
                r.to_string()
            } else {
                format!("{r}/")
            }
        });
    let registry = publish_config_registry.unwrap_or(registry);
    let access = access.or_else(|| {
        m.json
            .get("publishConfig")
            .and_then(|p| p.get("access"))
            .and_then(Value::as_str)
            .map(String::from)
    });
    if !silent {
        crate::pack::print_notice(
            &packed,
            Some(&format!(
                "{registry} with tag {tag} and {} access{}",
                access.as_deref().unwrap_or("default"),
                if dry_run { " (dry-run)" } else { "" }
            )),
        );
    }
    if !dry_run {
        let body = crate::pack::publish_body(&packed, &registry, tag, access.as_deref());
        let reg = Registry::new(
            config.clone(),
            Cache::new(Cache::default_dir()),
            Mode::Online,
        )?;
        let url = format!("{registry}{}", crate::registry::escape_name(&packed.name));
        block_on(reg.put(&url, serde_json::to_vec(&body).unwrap()))?;
        lifecycle("publish")?;
        lifecycle("postpublish")?;
    }
    crate::outln!("+ {}@{}", packed.name, packed.version);
    Ok(0)
}

/// The installed tree, as recorded by the lockfile and present on disk.
fn installed_tree(dir: &Path) -> Result<(Tree, Manifest)> {
    let project = crate::install::Project::load(dir)?;
    let root = crate::install::Project::project_node(&project.manifest, "");
    let ws: Vec<_> = project
        .workspaces
        .iter()
        .map(|(r, m)| crate::install::Project::project_node(m, r))
        .collect();
    let tree = match lockfile::load(dir)? {
        Some((l, _)) => l.to_tree(root, &ws),
        None => {
            let mut t = Tree::default();
            t.add(root, None);
            t
        }
    };
    Ok((tree, project.manifest))
}

fn ls(filter: &[String], depth: usize) -> Result<i32> {
    let dir = find_install_root()?;
    let (tree, m) = installed_tree(&dir)?;
    crate::outln!("{}@{} {}", m.name(), m.version(), dir.display());
    let mut seen = BTreeSet::new();
    let mut missing = false;
    #[allow(clippy::too_many_arguments)]
    fn walk(
        tree: &Tree,
        dir: &Path,
        id: usize,
        prefix: &str,
        depth: usize,
        max: usize,
        filter: &[String],
        seen: &mut BTreeSet<usize>,
        missing: &mut bool,
    ) {
        let node = &tree.nodes[id];
        let edges: Vec<_> = node
            .edges
            .iter()
            .filter(|e| node.project || e.kind != Kind::Dev)
            .filter(|e| !matches!(e.kind, Kind::PeerOptional))
            .collect();
        let mut lines = Vec::new();
        for e in edges {
            let target = tree.resolve(tree.edge_from(id, e.kind), &e.name);
            match target {
                Some(t) if dir.join(&tree.nodes[t].location).exists() => {
                    let n = &tree.nodes[t];
                    if !filter.is_empty()
                        && depth == 0
                        && !filter.contains(&n.pkg)
                        && !filter.contains(&e.name)
                    {
                        continue;
                    }
                    let alias = if n.pkg != e.name {
                        format!("{}@npm:", e.name)
                    } else {
                        String::new()
                    };
                    let label = if n.link {
                        format!("{alias}{}@{} -> ./{}", n.pkg, n.version, n.resolved)
                    } else {
                        format!("{alias}{}@{}", n.pkg, n.version)
                    };
                    lines.push((label, Some(t)));
                }
                _ if matches!(e.kind, Kind::Optional) => {}
                _ => {
                    *missing = true;
                    lines.push((format!("UNMET DEPENDENCY {}@{}", e.name, e.spec), None));
                }
            }
        }
        let count = lines.len();
        for (i, (label, t)) in lines.into_iter().enumerate() {
            let last = i + 1 == count;
            let deeper = t
                .filter(|_| depth < max)
                .filter(|t| !tree.nodes[*t].edges.is_empty());
            let dedup = deeper.is_some_and(|t| seen.contains(&t));
            let branch = if last { "└─" } else { "├─" };
            let mid = if deeper.is_some() && !dedup {
                "┬"
            } else {
                "─"
            };
            crate::outln!(
                "{prefix}{branch}{mid} {label}{}",
                if dedup { " deduped" } else { "" }
            );
            if let Some(t) = deeper {
                if seen.insert(t) {
                    let p = format!("{prefix}{}", if last { "  " } else { "│ " });
                    walk(tree, dir, t, &p, depth + 1, max, filter, seen, missing);
                }
            }
        }
    }
    let n_before = tree.nodes[0].edges.len();
    if n_before == 0 {
        crate::outln!("└── (empty)");
    }
    walk(
        &tree,
        &dir,
        0,
        "",
        0,
        depth,
        filter,
        &mut seen,
        &mut missing,
    );
    Ok(if missing { 1 } else { 0 })
}

fn why(names: &[String]) -> Result<i32> {
    let dir = find_install_root()?;
    let (tree, _) = installed_tree(&dir)?;
    let mut found = false;
    for name in names {
        let (name, range) = split_name_spec(name);
        for (id, n) in tree.live() {
            if n.project
                || (n.pkg != name && n.name != name)
                || range
                    .as_ref()
                    .is_some_and(|r| !spec::satisfies(&n.version, r))
            {
                continue;
            }
            found = true;
            crate::outln!(
                "{}@{}{}",
                n.pkg,
                n.version,
                if n.dev {
                    " dev"
                } else if n.optional {
                    " optional"
                } else {
                    ""
                }
            );
            crate::outln!("{}", n.location);
            explain(&tree, id, 1, &mut BTreeSet::new());
            crate::outln!();
        }
    }
    if !found {
        return err(
            "ELSPROBLEMS",
            format!("No dependencies found matching {}", names.join(", ")),
        );
    }
    Ok(0)
}

fn explain(tree: &Tree, id: usize, depth: usize, seen: &mut BTreeSet<usize>) {
    if !seen.insert(id) {
        return;
    }
    let pad = "  ".repeat(depth);
    for (did, d) in tree.live() {
        for e in &d.edges {
            if e.kind == Kind::Dev && !d.project {
                continue;
            }
            if tree.resolve(tree.edge_from(did, e.kind), &e.name) != Some(id) {
                continue;
            }
            let kind = match e.kind {
                Kind::Dev => "dev ",
                Kind::Optional => "optional ",
                Kind::Peer => "peer ",
                Kind::PeerOptional => "peerOptional ",
                Kind::Prod => "",
            };
            if did == 0 {
                crate::outln!("{pad}{kind}{}@\"{}\" from the root project", e.name, e.spec);
            } else {
                let who = format!("{}@{}", d.pkg, d.version);
                crate::outln!("{pad}{kind}{}@\"{}\" from {who}", e.name, e.spec);
                crate::outln!("{pad}{}", d.location);
                if !d.project {
                    explain(tree, did, depth + 1, seen);
                }
            }
        }
    }
    seen.remove(&id);
}

fn outdated() -> Result<i32> {
    let dir = find_project_dir()?;
    let m = Manifest::read(&dir.join("package.json"))?;
    let config = std::sync::Arc::new(Config::load(&dir));
    let reg = Registry::new(config, Cache::new(Cache::default_dir()), Mode::Online)?;
    let mut rows = Vec::new();
    let mut deps: BTreeMap<String, String> = BTreeMap::new();
    for kind in ["dependencies", "devDependencies", "optionalDependencies"] {
        for (n, s) in m.deps(kind) {
            deps.entry(n).or_insert(s);
        }
    }
    let results = block_on(async {
        let futs = deps.iter().map(|(n, s)| {
            let reg = &reg;
            async move {
                let parsed = Spec::parse(n, s);
                let real = parsed.registry_name()?;
                let p = reg.packument(real).await.ok()?;
                let wanted = spec::pick(&p, &parsed).map(|v| v.version.clone());
                let latest = p.dist_tags.get("latest").cloned();
                Some((n.clone(), wanted, latest))
            }
        });
        futures_util::future::join_all(futs).await
    });
    for (n, wanted, latest) in results.into_iter().flatten() {
        let current = std::fs::read(dir.join("node_modules").join(&n).join("package.json"))
            .ok()
            .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
            .and_then(|v| v.get("version").and_then(Value::as_str).map(String::from));
        let cur = current.clone().unwrap_or_else(|| "MISSING".into());
        let w = wanted.unwrap_or_else(|| cur.clone());
        let l = latest.unwrap_or_else(|| w.clone());
        if current.as_deref() != Some(w.as_str()) || w != l {
            rows.push([
                n.clone(),
                cur,
                w,
                l,
                format!("node_modules/{n}"),
                m.name().to_string(),
            ]);
        }
    }
    if rows.is_empty() {
        return Ok(0);
    }
    let header = [
        "Package",
        "Current",
        "Wanted",
        "Latest",
        "Location",
        "Depended by",
    ]
    .map(String::from);
    let mut widths = [0usize; 6];
    for r in std::iter::once(&header).chain(rows.iter()) {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    for r in std::iter::once(&header).chain(rows.iter()) {
        let line: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
            .collect();
        crate::outln!("{}", line.join("  ").trim_end());
    }
    Ok(1)
}

fn cache_cmd(action: &str) -> Result<i32> {
    let cache = Cache::new(Cache::default_dir());
    match action {
        "dir" | "path" => crate::outln!("{}", cache.root.display()),
        "clean" | "clear" => {
            if cache.root.exists() {
                std::fs::remove_dir_all(&cache.root).ctx("could not remove", &cache.root)?;
            }
        }
        "verify" => {
            let (ok, bad) = cache.verify();
            crate::outln!(
                "Cache verified: {} (entries ok: {ok}, damaged and removed: {bad})",
                cache.root.display()
            );
        }
        other => {
            return err(
                "EUSAGE",
                format!("unknown cache command \"{other}\": use clean, dir or verify"),
            )
        }
    }
    Ok(0)
}
