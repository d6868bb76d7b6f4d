//! The package manager end to end: the built `lode` against a registry fixture served from
//! this process (127.0.0.1, port 0) with packuments and tarballs the tests generate, token
//! checks and a publish endpoint. Deterministic and offline; every test has its own project
//! directory and LODE_CACHE_DIR. `LODE_LIVE_REGISTRY=1` also runs the public-registry test.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use serde_json::{json, Value};
use sha2::Digest;

// ---------------------------------------------------------------------------------------
// Registry fixture

#[derive(Default)]
struct State {
    /// name -> version -> version manifest (without dist)
    packages: BTreeMap<String, BTreeMap<String, Value>>,
    tags: HashMap<String, BTreeMap<String, String>>,
    tarballs: HashMap<String, Vec<u8>>,
    integrity: HashMap<String, String>,
    token: Option<String>,
    published: Vec<Value>,
    requests: Vec<String>,
    /// Paths whose response is held back this long.
    delays: HashMap<String, Duration>,
}

struct Registry {
    port: u16,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
}

fn tgz(entries: &[(&str, &[u8], u32)]) -> Vec<u8> {
    let enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut b = tar::Builder::new(enc);
    for (path, data, mode) in entries {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(*mode);
        h.set_entry_type(tar::EntryType::Regular);
        // Write the name into the header directly so tests can build malicious paths.
        let name = &mut h.as_old_mut().name;
        name[..path.len()].copy_from_slice(path.as_bytes());
        h.set_cksum();
        b.append(&h, *data).unwrap();
    }
    b.into_inner().unwrap().finish().unwrap()
}

fn sri(data: &[u8]) -> String {
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha512::digest(data))
    )
}

impl Registry {
    fn start() -> Registry {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (s2, stop2) = (state.clone(), stop.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let s3 = s2.clone();
                let stop3 = stop2.clone();
                std::thread::spawn(move || serve(conn, s3, port, stop3));
            }
        });
        Registry { port, state, stop }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Adds `name@version`; `extra` is merged into its package.json; `files` go in the tarball.
    fn add(&self, name: &str, version: &str, extra: Value, files: &[(&str, &str)]) {
        let mut pj = json!({ "name": name, "version": version });
        for (k, v) in extra.as_object().unwrap() {
            pj[k] = v.clone();
        }
        let pj_text = serde_json::to_string_pretty(&pj).unwrap();
        let mut entries: Vec<(String, Vec<u8>, u32)> =
            vec![("package/package.json".into(), pj_text.into_bytes(), 0o644)];
        for (p, c) in files {
            entries.push((format!("package/{p}"), c.as_bytes().to_vec(), 0o644));
        }
        let refs: Vec<(&str, &[u8], u32)> = entries
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_slice(), *c))
            .collect();
        self.add_raw(name, version, pj, tgz(&refs));
    }

    fn add_raw(&self, name: &str, version: &str, pj: Value, tarball: Vec<u8>) {
        let mut st = self.state.lock().unwrap();
        let base = name.rsplit('/').next().unwrap();
        let path = format!("/{name}/-/{base}-{version}.tgz");
        st.integrity.insert(path.clone(), sri(&tarball));
        st.tarballs.insert(path, tarball);
        st.packages
            .entry(name.into())
            .or_default()
            .insert(version.into(), pj);
    }

    /// Serves different bytes for a tarball than its advertised integrity.
    fn tamper(&self, name: &str, version: &str) {
        let mut st = self.state.lock().unwrap();
        let base = name.rsplit('/').next().unwrap();
        let t = st
            .tarballs
            .get_mut(&format!("/{name}/-/{base}-{version}.tgz"))
            .unwrap();
        let bogus = tgz(&[("package/package.json", b"{\"name\":\"evil\"}", 0o644)]);
        *t = bogus;
    }

    fn set_token(&self, t: &str) {
        self.state.lock().unwrap().token = Some(t.into());
    }

    fn requests(&self) -> Vec<String> {
        self.state.lock().unwrap().requests.clone()
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn packument(st: &State, name: &str, port: u16) -> Option<Value> {
    let versions = st.packages.get(name)?;
    let mut vs = serde_json::Map::new();
    let mut latest = None;
    for (v, pj) in versions {
        let base = name.rsplit('/').next().unwrap();
        let path = format!("/{name}/-/{base}-{v}.tgz");
        let mut m = pj.clone();
        m["dist"] = json!({ "tarball": format!("http://127.0.0.1:{port}{path}"), "integrity": st.integrity[&path] });
        if !v.contains('-') {
            latest = Some(v.clone());
        }
        vs.insert(v.clone(), m);
    }
    let mut tags: BTreeMap<String, String> = st.tags.get(name).cloned().unwrap_or_default();
    if let Some(l) = latest {
        tags.entry("latest".into()).or_insert(l);
    }
    Some(json!({ "name": name, "dist-tags": tags, "versions": vs }))
}

fn serve(conn: TcpStream, state: Arc<Mutex<State>>, port: u16, stop: Arc<AtomicBool>) {
    conn.set_read_timeout(Some(Duration::from_secs(10))).ok();
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut out = conn;
    loop {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let (method, path) = (
            parts.next().unwrap_or("").to_string(),
            parts.next().unwrap_or("").to_string(),
        );
        let mut headers = HashMap::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
        }
        let len: usize = headers
            .get("content-length")
            .and_then(|l| l.parse().ok())
            .unwrap_or(0);
        let mut body = vec![0; len];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let delay = state.lock().unwrap().delays.get(&path).copied();
        if let Some(d) = delay {
            state
                .lock()
                .unwrap()
                .requests
                .push(format!("DELAYED {path}"));
            std::thread::sleep(d);
        }
        let (status, resp): (u16, Vec<u8>) = {
            let mut st = state.lock().unwrap();
            st.requests.push(format!("{method} {path}"));
            let authorized = match &st.token {
                None => true,
                Some(t) => headers.get("authorization") == Some(&format!("Bearer {t}")),
            };
            let name = path
                .trim_start_matches('/')
                .replace("%2f", "/")
                .replace("%2F", "/");
            if !authorized {
                (401, b"{\"error\":\"unauthorized\"}".to_vec())
            } else if method == "PUT" {
                let doc: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                st.published.push(doc);
                (201, b"{\"ok\":true}".to_vec())
            } else if let Some(t) = st.tarballs.get(&path) {
                (200, t.clone())
            } else if let Some(p) = packument(&st, &name, port) {
                (200, serde_json::to_vec(&p).unwrap())
            } else {
                (404, b"{\"error\":\"Not found\"}".to_vec())
            }
        };
        let reason = match status {
            200 => "OK",
            201 => "Created",
            401 => "Unauthorized",
            _ => "Not Found",
        };
        let head = format!("HTTP/1.1 {status} {reason}\r\nContent-Length: {}\r\nContent-Type: application/json\r\nConnection: keep-alive\r\n\r\n", resp.len());
        if out.write_all(head.as_bytes()).is_err() || out.write_all(&resp).is_err() {
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Projects

struct Project {
    dir: tempfile::TempDir,
    cache: PathBuf,
}

impl Project {
    fn new(reg: &Registry, package_json: Value) -> Project {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join(".cache");
        let p = Project { dir, cache };
        let root = p.root();
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(
            root.join("package.json"),
            serde_json::to_string_pretty(&package_json).unwrap() + "\n",
        )
        .unwrap();
        std::fs::write(root.join(".npmrc"), format!("registry={}\n", reg.url())).unwrap();
        p
    }
    fn root(&self) -> PathBuf {
        self.dir.path().join("app")
    }
    fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }
    fn lode(&self, args: &[&str]) -> Output {
        self.lode_in(&self.root(), args)
    }
    fn lode_in(&self, cwd: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_lode"))
            .args(args)
            .current_dir(cwd)
            .env("LODE_CACHE_DIR", &self.cache)
            .env(
                "NPM_CONFIG_USERCONFIG",
                self.dir.path().join("no-user-npmrc"),
            )
            .env_remove("npm_config_registry")
            .env_remove("NPM_CONFIG_REGISTRY")
            .env_remove("NODE_ENV")
            .output()
            .unwrap()
    }
    fn ok(&self, args: &[&str]) -> String {
        let out = self.lode(args);
        assert!(
            out.status.success(),
            "lode {args:?} failed:\nstdout: {}\nstderr: {}",
            text(&out.stdout),
            text(&out.stderr)
        );
        text(&out.stdout)
    }
    fn fail(&self, args: &[&str]) -> String {
        let out = self.lode(args);
        assert!(
            !out.status.success(),
            "lode {args:?} should fail:\n{}",
            text(&out.stdout)
        );
        format!("{}{}", text(&out.stdout), text(&out.stderr))
    }
    fn version(&self, rel: &str) -> Option<String> {
        let v: Value =
            serde_json::from_slice(&std::fs::read(self.path(rel).join("package.json")).ok()?)
                .ok()?;
        v["version"].as_str().map(String::from)
    }
    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_default()
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// a -> c@^1, b -> c@^2, c has 1.0.0, 1.1.0, 2.0.0.
fn basic_registry() -> Registry {
    let r = Registry::start();
    r.add(
        "a",
        "1.0.0",
        json!({"dependencies": {"c": "^1.0.0"}}),
        &[("index.js", "module.exports = 'a' + require('c');")],
    );
    r.add(
        "b",
        "1.0.0",
        json!({"dependencies": {"c": "^2.0.0"}}),
        &[("index.js", "module.exports = 'b' + require('c');")],
    );
    for v in ["1.0.0", "1.1.0", "2.0.0"] {
        r.add(
            "c",
            v,
            json!({}),
            &[("index.js", &format!("module.exports = '{v}';"))],
        );
    }
    r
}

// ---------------------------------------------------------------------------------------
// Tests

#[test]
fn install_resolves_ranges_hoists_and_nests_conflicts() {
    let reg = basic_registry();
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"a": "^1.0.0", "b": "1"}}),
    );
    let out = p.ok(&["install"]);
    assert!(out.contains("added 4 packages"), "{out}");
    assert_eq!(p.version("node_modules/a").as_deref(), Some("1.0.0"));
    assert_eq!(p.version("node_modules/c").as_deref(), Some("1.1.0"));
    assert_eq!(
        p.version("node_modules/b/node_modules/c").as_deref(),
        Some("2.0.0")
    );
    // The installed tree works with lode's own require.
    let out = p.ok(&["-e", "console.log(require('a'), require('b'))"]);
    assert_eq!(out.trim(), "a1.1.0 b2.0.0");
    // An unchanged second install does nothing.
    let n = reg.requests().len();
    let out = p.ok(&["install"]);
    assert!(out.starts_with("up to date in"), "{out}");
    assert_eq!(reg.requests().len(), n, "no requests on a no-op install");
}

#[test]
fn peers_are_installed_and_optional_failures_skipped() {
    let reg = Registry::start();
    reg.add("host", "2.0.0", json!({}), &[]);
    reg.add("host", "3.0.0", json!({}), &[]);
    reg.add(
        "plugin",
        "1.0.0",
        json!({"peerDependencies": {"host": "^2.0.0"}}),
        &[],
    );
    reg.add("bad-os", "1.0.0", json!({"os": ["nonexistent-os"]}), &[]);
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"plugin": "1"}, "optionalDependencies": {"bad-os": "1", "no-such-pkg": "1"}}),
    );
    p.ok(&["install"]);
    assert_eq!(p.version("node_modules/host").as_deref(), Some("2.0.0"));
    assert!(!p.path("node_modules/bad-os").exists());
    assert!(!p.path("node_modules/no-such-pkg").exists());
}

#[test]
fn bins_get_links_and_exec_bits_and_scripts_run_with_the_node_shim() {
    let reg = Registry::start();
    reg.add(
        "tool",
        "1.0.0",
        json!({"bin": {"tool": "./cli.js"}, "scripts": {"postinstall": "node -e \"require('fs').writeFileSync('post.txt', process.env.npm_lifecycle_event + ' ' + process.env.npm_package_name + ' ' + process.execPath)\""}}),
        &[("cli.js", "#!/usr/bin/env node\nconsole.log('tool ran', process.argv.slice(2).join(','));\n")],
    );
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"tool": "^1.0.0"}, "scripts": {"t": "tool x y"}}),
    );
    p.ok(&["install"]);
    let link = p.path("node_modules/.bin/tool");
    assert_eq!(
        std::fs::read_link(&link).unwrap(),
        PathBuf::from("../tool/cli.js")
    );
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&link).unwrap().permissions().mode() & 0o111,
        0o111
    );
    let post = p.read("node_modules/tool/post.txt");
    assert!(post.starts_with("postinstall tool "), "{post}");
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_lode")).unwrap();
    assert!(
        post.ends_with(&*exe.to_string_lossy()),
        "postinstall ran on lode: {post}"
    );
    // The bin runs through `lode run`, with `node` on PATH being lode.
    let out = p.ok(&["run", "t"]);
    assert!(out.contains("tool ran x,y"), "{out}");
    // --ignore-scripts
    let q = Project::new(
        &reg,
        json!({"name": "app2", "version": "1.0.0", "dependencies": {"tool": "1"}}),
    );
    q.ok(&["install", "--ignore-scripts"]);
    assert!(!q.path("node_modules/tool/post.txt").exists());
}

#[test]
fn failing_dependency_script_fails_the_install() {
    let reg = Registry::start();
    reg.add(
        "broken",
        "1.0.0",
        json!({"scripts": {"install": "echo boom >&2; exit 3"}}),
        &[],
    );
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"broken": "1"}}),
    );
    let err = p.fail(&["install"]);
    assert!(err.contains("ELIFECYCLE") && err.contains("boom"), "{err}");
}

#[test]
fn lockfile_round_trips_and_is_honoured_and_frozen_fails_when_stale() {
    let reg = basic_registry();
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"a": "^1.0.0", "b": "1"}}),
    );
    p.ok(&["install"]);
    let lock1 = p.read("lode.lock");
    assert!(
        lock1.contains("\"node_modules/b/node_modules/c\":\n  version: 2.0.0\n"),
        "{lock1}"
    );
    // Deterministic: the same inputs give the same bytes.
    std::fs::remove_dir_all(p.path("node_modules")).unwrap();
    std::fs::remove_file(p.path("lode.lock")).unwrap();
    p.ok(&["install"]);
    assert_eq!(p.read("lode.lock"), lock1);
    // A newer c is published: the lockfile keeps 1.1.0.
    reg.add("c", "1.2.0", json!({}), &[]);
    std::fs::remove_dir_all(p.path("node_modules")).unwrap();
    p.ok(&["install"]);
    assert_eq!(p.version("node_modules/c").as_deref(), Some("1.1.0"));
    assert_eq!(p.read("lode.lock"), lock1);
    // ci installs exactly the lockfile.
    p.ok(&["ci"]);
    assert_eq!(p.version("node_modules/c").as_deref(), Some("1.1.0"));
    // package.json changes: a frozen install fails and writes nothing.
    let mut pj: Value = serde_json::from_str(&p.read("package.json")).unwrap();
    pj["dependencies"]["c"] = json!("^1.2.0");
    std::fs::write(
        p.path("package.json"),
        serde_json::to_string_pretty(&pj).unwrap(),
    )
    .unwrap();
    let err = p.fail(&["install", "--frozen-lockfile"]);
    assert!(err.contains("ELOCKFILE"), "{err}");
    assert_eq!(p.read("lode.lock"), lock1);
    let err = p.fail(&["ci"]);
    assert!(err.contains("ELOCKFILE"), "{err}");
    // A normal install updates it.
    p.ok(&["install"]);
    assert_eq!(p.version("node_modules/c").as_deref(), Some("1.2.0"));
    assert!(p.read("lode.lock").contains("version: 1.2.0"));
}

#[test]
fn reads_package_lock_v3_versions() {
    let reg = basic_registry();
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"c": "^1.0.0"}}),
    );
    let integrity = reg.state.lock().unwrap().integrity["/c/-/c-1.0.0.tgz"].clone();
    let lock = json!({"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": {
        "": {"name": "app", "version": "1.0.0", "dependencies": {"c": "^1.0.0"}},
        "node_modules/c": {"version": "1.0.0", "resolved": format!("{}c/-/c-1.0.0.tgz", reg.url()), "integrity": integrity}
    }});
    std::fs::write(
        p.path("package-lock.json"),
        serde_json::to_string_pretty(&lock).unwrap(),
    )
    .unwrap();
    p.ok(&["ci"]);
    assert_eq!(p.version("node_modules/c").as_deref(), Some("1.0.0"));
    assert!(
        !reg.requests().iter().any(|r| r == "GET /c"),
        "no metadata needed with a complete lockfile"
    );
}

#[test]
fn integrity_mismatch_aborts_and_writes_nothing() {
    let reg = basic_registry();
    reg.tamper("c", "1.1.0");
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"c": "^1.0.0"}}),
    );
    let err = p.fail(&["install"]);
    assert!(err.contains("EINTEGRITY"), "{err}");
    assert!(!p.path("node_modules/c").exists());
    let store = p.cache.join("store");
    assert_eq!(
        std::fs::read_dir(&store).map(|d| d.count()).unwrap_or(0),
        0,
        "nothing in the cache"
    );
}

#[test]
fn path_traversal_tarballs_are_refused() {
    let reg = Registry::start();
    let pj = json!({"name": "evil", "version": "1.0.0"});
    let t = tgz(&[
        (
            "package/package.json",
            serde_json::to_string(&pj).unwrap().as_bytes(),
            0o644,
        ),
        ("package/../../../escaped.txt", b"pwned", 0o644),
    ]);
    reg.add_raw("evil", "1.0.0", pj, t);
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"evil": "1"}}),
    );
    let err = p.fail(&["install"]);
    assert!(err.contains("EBADTAR"), "{err}");
    assert!(!p.path("node_modules/evil").exists());
    for d in [p.dir.path().to_path_buf(), p.root(), p.cache.clone()] {
        assert!(!d.join("escaped.txt").exists());
    }
}

#[test]
fn offline_installs_from_the_cache() {
    let reg = basic_registry();
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"a": "1"}}),
    );
    p.ok(&["install"]);
    std::fs::remove_dir_all(p.path("node_modules")).unwrap();
    std::fs::remove_file(p.path("lode.lock")).unwrap();
    drop(reg);
    let out = p.ok(&["install", "--offline"]);
    assert!(out.contains("added 2 packages"), "{out}");
    assert_eq!(p.version("node_modules/c").as_deref(), Some("1.1.0"));
    let mut pj: Value = serde_json::from_str(&p.read("package.json")).unwrap();
    pj["dependencies"]["b"] = json!("1");
    std::fs::write(p.path("package.json"), pj.to_string()).unwrap();
    let err = p.fail(&["install", "--offline"]);
    assert!(err.contains("ENOTCACHED"), "{err}");
}

#[test]
fn unknown_package_is_a_404_and_unsatisfiable_range_is_etarget() {
    let reg = basic_registry();
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"nope": "1"}}),
    );
    let err = p.fail(&["install"]);
    assert!(
        err.contains(&format!("404 Not Found - GET {}nope", reg.url())),
        "{err}"
    );
    assert!(err.contains("E404"), "{err}");
    let q = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"c": "^9.0.0"}}),
    );
    let err = q.fail(&["install"]);
    assert!(
        err.contains("ETARGET") && err.contains("No matching version found for c@^9.0.0"),
        "{err}"
    );
}

#[test]
fn malformed_package_json_names_file_and_position() {
    let reg = Registry::start();
    let p = Project::new(&reg, json!({}));
    std::fs::write(
        p.path("package.json"),
        "{\n  \"name\": \"x\"\n  \"version\": \"1.0.0\"\n}\n",
    )
    .unwrap();
    let err = p.fail(&["install"]);
    assert!(err.contains("EJSONPARSE"), "{err}");
    assert!(
        err.contains(&p.path("package.json").display().to_string()),
        "{err}"
    );
    assert!(err.contains("line 3 column 3"), "{err}");
}

#[test]
fn run_with_pre_and_post_scripts_args_and_env() {
    let reg = Registry::start();
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "2.0.0", "scripts": {
            "prebuild": "echo pre >> log.txt",
            "build": "printf 'build %s %s %s|' $npm_lifecycle_event $npm_package_name $npm_package_version >> log.txt; printf '%s|' >> log.txt",
            "postbuild": "echo post >> log.txt",
            "which-node": "node -e \"console.log('node is', process.execPath)\"",
            "fail": "exit 7"
        }}),
    );
    let out = p.ok(&["run", "build", "--", "--flag", "two words"]);
    assert!(out.contains("> app@2.0.0 build"), "{out}");
    assert_eq!(
        p.read("log.txt"),
        "pre\nbuild build app 2.0.0|--flag|two words|post\n"
    );
    // `lode <script>` when it is not a file.
    p.ok(&["build"]);
    assert_eq!(p.read("log.txt").lines().count(), 4);
    // A file node would run wins over a script of the same name.
    std::fs::write(p.path("which-node.js"), "console.log('the file')").unwrap();
    assert_eq!(p.ok(&["which-node"]).trim(), "the file");
    let out = p.ok(&["run", "which-node"]);
    assert!(out.contains("node is ") && out.contains("lode"), "{out}");
    let out = p.lode(&["run", "fail"]);
    assert_eq!(out.status.code(), Some(7));
    let err = p.fail(&["run", "nope"]);
    assert!(err.contains("Missing script: \"nope\""), "{err}");
    let list = p.ok(&["run"]);
    assert!(
        list.contains("available via `lode run`:")
            && list.contains("  prebuild\n    echo pre >> log.txt"),
        "{list}"
    );
}

#[test]
fn add_and_remove_update_package_json_keeping_its_format() {
    let reg = basic_registry();
    let p = Project::new(&reg, json!({}));
    let original = "{\n    \"version\": \"1.0.0\",\n    \"name\": \"app\",\n    \"dependencies\": {\n        \"zeta-missing-ok\": \"file:./z\"\n    }\n}";
    std::fs::create_dir_all(p.path("z")).unwrap();
    std::fs::write(
        p.path("z/package.json"),
        "{\"name\":\"zeta-missing-ok\",\"version\":\"0.0.1\"}",
    )
    .unwrap();
    std::fs::write(p.path("package.json"), original).unwrap();
    p.ok(&["add", "c"]);
    let pj = p.read("package.json");
    assert_eq!(pj, "{\n    \"version\": \"1.0.0\",\n    \"name\": \"app\",\n    \"dependencies\": {\n        \"c\": \"^2.0.0\",\n        \"zeta-missing-ok\": \"file:./z\"\n    }\n}");
    assert_eq!(p.version("node_modules/c").as_deref(), Some("2.0.0"));
    assert!(
        std::fs::symlink_metadata(p.path("node_modules/zeta-missing-ok"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    p.ok(&["add", "-D", "b@^1.0.0"]);
    let v: Value = serde_json::from_str(&p.read("package.json")).unwrap();
    assert_eq!(
        v["devDependencies"]["b"], "^1.0.0",
        "a given range is saved as given"
    );
    p.ok(&["add", "a@1.0.0", "-E"]);
    let v: Value = serde_json::from_str(&p.read("package.json")).unwrap();
    assert_eq!(v["dependencies"]["a"], "1.0.0");
    p.ok(&["add", "c@^1.0.0"]);
    assert_eq!(p.version("node_modules/c").as_deref(), Some("1.1.0"));
    let v: Value = serde_json::from_str(&p.read("package.json")).unwrap();
    assert_eq!(
        v["dependencies"]["c"], "^1.1.0",
        "npm saves ^version when it is within the given range"
    );
    p.ok(&["add", "c@~1.0.0"]);
    let v: Value = serde_json::from_str(&p.read("package.json")).unwrap();
    assert_eq!(
        v["dependencies"]["c"], "~1.0.0",
        "a narrower range is saved as given"
    );
    p.ok(&["remove", "c", "a"]);
    let v: Value = serde_json::from_str(&p.read("package.json")).unwrap();
    assert!(v["dependencies"].get("c").is_none() && v["dependencies"].get("a").is_none());
    assert!(!p.path("node_modules/a").exists());
    // b still needs c@2 (nested or hoisted); c@1 for the root is gone.
    assert_eq!(
        p.version("node_modules/c")
            .as_deref()
            .or(p.version("node_modules/b/node_modules/c").as_deref()),
        Some("2.0.0")
    );
    assert!(!p.read("lode.lock").contains("version: 1.1.0"));
}

#[test]
fn pack_selects_files_like_npm() {
    let reg = Registry::start();
    let p = Project::new(
        &reg,
        json!({"name": "@me/pkg", "version": "1.2.3", "main": "lib/index.js", "files": ["lib"], "bin": {"pkg": "bin/cli.js"}}),
    );
    for (f, c) in [
        ("lib/index.js", "x"),
        ("lib/util.js", "y"),
        ("bin/cli.js", "#!/usr/bin/env node"),
        ("test/t.js", "t"),
        ("README.md", "r"),
        ("LICENSE", "l"),
        (".npmrc", "secret"),
    ] {
        std::fs::create_dir_all(p.path(f).parent().unwrap()).unwrap();
        std::fs::write(p.path(f), c).unwrap();
    }
    let out = p.ok(&["pack"]);
    assert_eq!(out.trim(), "me-pkg-1.2.3.tgz");
    let data = std::fs::read(p.path("me-pkg-1.2.3.tgz")).unwrap();
    let mut ar = tar::Archive::new(flate2::read::GzDecoder::new(&data[..]));
    let mut names: Vec<String> = ar
        .entries()
        .unwrap()
        .map(|e| e.unwrap().path().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "package/LICENSE",
            "package/README.md",
            "package/bin/cli.js",
            "package/lib/index.js",
            "package/lib/util.js",
            "package/package.json"
        ]
    );
    let err = p.lode(&["pack", "--dry-run"]);
    assert!(text(&err.stderr).contains("total files: 6"));
}

#[test]
fn publish_sends_the_tarball_with_the_token_and_dry_run_does_not() {
    let reg = Registry::start();
    reg.set_token("s3cret");
    let p = Project::new(
        &reg,
        json!({"name": "pub-me", "version": "0.1.0", "description": "d"}),
    );
    std::fs::write(p.path("index.js"), "module.exports = 1").unwrap();
    // No token: refused before anything is sent.
    let err = p.fail(&["publish"]);
    assert!(err.contains("ENEEDAUTH"), "{err}");
    let npmrc = format!(
        "registry={}\n//127.0.0.1:{}/:_authToken=${{MY_TOKEN}}\n",
        reg.url(),
        reg.port
    );
    std::fs::write(p.path(".npmrc"), npmrc).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_lode"))
        .args(["publish", "--dry-run"])
        .current_dir(p.root())
        .env("LODE_CACHE_DIR", &p.cache)
        .env("MY_TOKEN", "s3cret")
        .env("NPM_CONFIG_USERCONFIG", "/nonexistent")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(reg.state.lock().unwrap().published.is_empty());
    let out = Command::new(env!("CARGO_BIN_EXE_lode"))
        .args(["publish", "--tag", "beta", "--access", "public"])
        .current_dir(p.root())
        .env("LODE_CACHE_DIR", &p.cache)
        .env("MY_TOKEN", "s3cret")
        .env("NPM_CONFIG_USERCONFIG", "/nonexistent")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim(), "+ pub-me@0.1.0");
    let st = reg.state.lock().unwrap();
    let doc = &st.published[0];
    assert_eq!(doc["name"], "pub-me");
    assert_eq!(doc["dist-tags"]["beta"], "0.1.0");
    assert_eq!(doc["access"], "public");
    let att = &doc["_attachments"]["pub-me-0.1.0.tgz"];
    let data = base64::engine::general_purpose::STANDARD
        .decode(att["data"].as_str().unwrap())
        .unwrap();
    assert_eq!(doc["versions"]["0.1.0"]["dist"]["integrity"], sri(&data));
    // A wrong token is rejected by the registry.
    drop(st);
    let out = Command::new(env!("CARGO_BIN_EXE_lode"))
        .args(["publish"])
        .current_dir(p.root())
        .env("LODE_CACHE_DIR", &p.cache)
        .env("MY_TOKEN", "wrong")
        .env("NPM_CONFIG_USERCONFIG", "/nonexistent")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("E401"), "{}", text(&out.stderr));
}

#[test]
fn workspaces_are_linked_and_run_per_workspace() {
    let reg = basic_registry();
    let p = Project::new(
        &reg,
        json!({"name": "mono", "version": "1.0.0", "private": true, "workspaces": ["packages/*"]}),
    );
    std::fs::create_dir_all(p.path("packages/w1")).unwrap();
    std::fs::write(p.path("packages/w1/package.json"), json!({"name": "w1", "version": "0.0.1", "dependencies": {"c": "^2.0.0"}, "scripts": {"hello": "echo hello from $npm_package_name > out.txt"}}).to_string()).unwrap();
    p.ok(&["install"]);
    assert!(std::fs::symlink_metadata(p.path("node_modules/w1"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(p.version("node_modules/w1").as_deref(), Some("0.0.1"));
    assert_eq!(p.version("node_modules/c").as_deref(), Some("2.0.0"));
    p.ok(&["run", "--workspace", "w1", "hello"]);
    assert_eq!(p.read("packages/w1/out.txt"), "hello from w1\n");
    // Inside a workspace, `add` edits its package.json and installs from the root.
    let out = p.lode_in(&p.path("packages/w1"), &["add", "a"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let w1: Value = serde_json::from_str(&p.read("packages/w1/package.json")).unwrap();
    assert_eq!(w1["dependencies"]["a"], "^1.0.0");
    assert_eq!(p.version("node_modules/a").as_deref(), Some("1.0.0"));
    assert!(!p.path("packages/w1/lode.lock").exists());
    assert!(p.read("lode.lock").contains("\"packages/w1\":"));
}

#[test]
fn ls_why_outdated_and_x() {
    let reg = basic_registry();
    reg.add(
        "hello-bin",
        "1.0.0",
        json!({"bin": "say.js"}),
        &[(
            "say.js",
            "#!/usr/bin/env node\nconsole.log('hello', process.argv[2]);\n",
        )],
    );
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"a": "1", "b": "1", "c": "1.0.0"}}),
    );
    p.ok(&["install"]);
    let ls = p.ok(&["ls"]);
    assert!(
        ls.contains("├── a@1.0.0") && ls.contains("└── c@1.0.0"),
        "{ls}"
    );
    let all = p.ok(&["ls", "--all"]);
    assert!(all.contains("c@2.0.0"), "{all}");
    let why = p.ok(&["why", "c@2"]);
    assert!(
        why.contains("c@\"^2.0.0\" from b@1.0.0") && why.contains("b@\"1\" from the root project"),
        "{why}"
    );
    let out = p.lode(&["outdated"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("c        1.0.0    1.0.0   2.0.0"),
        "{}",
        text(&out.stdout)
    );
    let out = p.ok(&["x", "hello-bin", "world"]);
    assert_eq!(out.trim(), "hello world");
}

#[test]
fn init_writes_npm_defaults() {
    let reg = Registry::start();
    let p = Project::new(&reg, json!({}));
    std::fs::remove_file(p.path("package.json")).unwrap();
    p.ok(&["init", "-y"]);
    let v: Value = serde_json::from_str(&p.read("package.json")).unwrap();
    assert_eq!(v["name"], "app");
    assert_eq!(v["version"], "1.0.0");
    assert_eq!(v["license"], "ISC");
}

#[test]
fn cache_commands_and_corrupt_entries_are_refetched() {
    let reg = basic_registry();
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"c": "1.1.0"}}),
    );
    p.ok(&["install"]);
    assert_eq!(
        p.ok(&["cache", "dir"]).trim(),
        p.cache.display().to_string()
    );
    // Damage the stored copy: the next install notices and fetches it again.
    let store = p.cache.join("store");
    let entry = std::fs::read_dir(&store)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::remove_file(entry.join("index.js")).unwrap();
    std::fs::remove_dir_all(p.path("node_modules")).unwrap();
    p.ok(&["install"]);
    assert_eq!(
        p.read("node_modules/c/index.js"),
        "module.exports = '1.1.0';"
    );
    assert!(p.ok(&["cache", "verify"]).contains("entries ok: 1"));
    p.ok(&["cache", "clean"]);
    assert!(!p.cache.exists());
}

#[test]
fn half_finished_install_is_repaired() {
    let reg = basic_registry();
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"a": "1"}}),
    );
    p.ok(&["install"]);
    // Simulate an interrupted install: no state record, a leftover temp dir, a damaged package.
    std::fs::remove_file(p.path("node_modules/.lode-state.json")).unwrap();
    std::fs::create_dir_all(p.path("node_modules/.lode-tmp-1")).unwrap();
    std::fs::remove_file(p.path("node_modules/c/index.js")).unwrap();
    p.ok(&["install"]);
    assert_eq!(
        p.read("node_modules/c/index.js"),
        "module.exports = '1.1.0';"
    );
    assert!(!p.path("node_modules/.lode-tmp-1").exists());
    // A package some other tool left behind (no record of it) is pruned like npm does.
    std::fs::remove_file(p.path("node_modules/.lode-state.json")).unwrap();
    std::fs::create_dir_all(p.path("node_modules/stray")).unwrap();
    std::fs::write(p.path("node_modules/stray/package.json"), "{}").unwrap();
    std::fs::create_dir_all(p.path("node_modules/.cache/x")).unwrap();
    p.ok(&["install"]);
    assert!(!p.path("node_modules/stray").exists());
    assert!(
        p.path("node_modules/.cache/x").exists(),
        "hidden folders are left alone"
    );
}

/// Opt-in (`LODE_LIVE_REGISTRY=1`): installs express from the public registry.
#[test]
fn live_registry_express() {
    if std::env::var("LODE_LIVE_REGISTRY").as_deref() != Ok("1") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("package.json"),
        r#"{"name":"live","version":"1.0.0","dependencies":{"express":"^4.18.0"}}"#,
    )
    .unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_lode"))
            .args(args)
            .current_dir(dir.path())
            .env("LODE_CACHE_DIR", dir.path().join(".cache"))
            .output()
            .unwrap()
    };
    let out = run(&["install"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pj: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("node_modules/express/package.json")).unwrap(),
    )
    .unwrap();
    assert!(pj["version"].as_str().unwrap().starts_with("4."));
    let out = run(&["-e", "console.log(require.resolve('express'))"]);
    assert!(
        text(&out.stdout)
            .trim()
            .ends_with("node_modules/express/index.js"),
        "{}",
        text(&out.stdout)
    );
    // Running an express server with lode waits for the `http` module (a later issue):
    // then start `app.listen(0)` here and GET / from the test.
}

#[allow(dead_code)]
fn unused(_: HashSet<()>) {}

#[test]
fn aliases_tarball_urls_git_and_file_specs() {
    let reg = basic_registry();
    let p = Project::new(&reg, json!({}));
    // A git repository on disk (git+file://), pinned to its commit in the lockfile.
    let repo = p.dir.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::write(
        repo.join("package.json"),
        r#"{"name":"from-git","version":"3.0.0","dependencies":{"c":"^1"}}"#,
    )
    .unwrap();
    std::fs::write(repo.join("index.js"), "module.exports = 'git';").unwrap();
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .args(args)
            .current_dir(&repo)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@t")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@t")
            .output()
            .unwrap();
        assert!(ok.status.success(), "{}", text(&ok.stderr));
        text(&ok.stdout)
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "init"]);
    let sha = git(&["rev-parse", "HEAD"]).trim().to_string();
    std::fs::write(
        p.path("package.json"),
        json!({"name": "app", "version": "1.0.0", "dependencies": {
            "two": "npm:c@^2.0.0",
            "direct": format!("{}c/-/c-1.0.0.tgz", reg.url()),
            "from-git": format!("git+file://{}", repo.display()),
        }})
        .to_string(),
    )
    .unwrap();
    p.ok(&["install"]);
    assert_eq!(p.version("node_modules/two").as_deref(), Some("2.0.0"));
    assert_eq!(
        p.read("node_modules/direct/index.js"),
        "module.exports = '1.0.0';"
    );
    assert_eq!(
        p.read("node_modules/from-git/index.js"),
        "module.exports = 'git';"
    );
    assert_eq!(
        p.version("node_modules/c").as_deref(),
        Some("1.1.0"),
        "the git package's dependency is installed"
    );
    let lock = p.read("lode.lock");
    assert!(
        lock.contains("\"node_modules/two\":\n  name: c\n  version: 2.0.0"),
        "{lock}"
    );
    assert!(
        lock.contains(&format!("#{sha}")),
        "git dependency pinned: {lock}"
    );
    let out = p.ok(&["-e", "console.log(require('two'), require('from-git'))"]);
    assert_eq!(out.trim(), "2.0.0 git");
}

#[test]
fn network_failure_is_reported_after_retries() {
    let reg = basic_registry();
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"c": "1"}}),
    );
    // A port nothing listens on.
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    std::fs::write(
        p.path(".npmrc"),
        format!("registry=http://127.0.0.1:{closed}/\n"),
    )
    .unwrap();
    let out = p.lode(&["install"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("ECONNREFUSED") && err.contains(&format!("http://127.0.0.1:{closed}/c")),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn peer_conflicts_warn_and_bundled_dependencies_come_from_the_tarball() {
    let reg = Registry::start();
    reg.add("host", "1.0.0", json!({}), &[]);
    reg.add("host", "2.0.0", json!({}), &[]);
    reg.add(
        "plugin",
        "1.0.0",
        json!({"peerDependencies": {"host": "^2.0.0"}}),
        &[],
    );
    let pj = json!({"name": "bundler", "version": "1.0.0", "dependencies": {"inner": "1"}, "bundleDependencies": ["inner"]});
    let t = tgz(&[
        (
            "package/package.json",
            serde_json::to_string(&pj).unwrap().as_bytes(),
            0o644,
        ),
        (
            "package/node_modules/inner/package.json",
            br#"{"name":"inner","version":"1.0.0"}"#,
            0o644,
        ),
        (
            "package/node_modules/inner/index.js",
            b"module.exports = 'bundled';",
            0o644,
        ),
    ]);
    reg.add_raw("bundler", "1.0.0", pj, t);
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"host": "1", "plugin": "1", "bundler": "1"}}),
    );
    let out = p.lode(&["install"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("ERESOLVE overriding peer dependency"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(p.version("node_modules/host").as_deref(), Some("1.0.0"));
    assert_eq!(
        p.read("node_modules/bundler/node_modules/inner/index.js"),
        "module.exports = 'bundled';"
    );
    assert!(
        !reg.requests().iter().any(|r| r == "GET /inner"),
        "bundled deps are not fetched"
    );
}

#[test]
fn interrupted_install_is_repaired_by_the_next() {
    let reg = basic_registry();
    reg.add(
        "slow",
        "1.0.0",
        json!({}),
        &[("index.js", "module.exports = 'slow';")],
    );
    reg.state
        .lock()
        .unwrap()
        .delays
        .insert("/slow/-/slow-1.0.0.tgz".into(), Duration::from_secs(4));
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"a": "1", "b": "1", "slow": "1"}}),
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_lode"))
        .args(["install"])
        .current_dir(p.root())
        .env("LODE_CACHE_DIR", &p.cache)
        .env("NPM_CONFIG_USERCONFIG", "/nonexistent")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it (harder than Ctrl-C) once other packages are placed and `slow` is still on its way.
    let t0 = std::time::Instant::now();
    while !(p.path("node_modules/a").exists()
        && reg.requests().iter().any(|r| r.starts_with("DELAYED")))
    {
        assert!(
            t0.elapsed() < Duration::from_secs(20),
            "install never got going"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!p.path("node_modules/slow").exists(), "no partial package");
    reg.state.lock().unwrap().delays.clear();
    let out = p.ok(&["install"]);
    assert!(out.contains("added"), "{out}");
    assert_eq!(
        p.read("node_modules/slow/index.js"),
        "module.exports = 'slow';"
    );
    assert_eq!(
        p.version("node_modules/b/node_modules/c").as_deref(),
        Some("2.0.0")
    );
    assert!(p.ok(&["install"]).starts_with("up to date"));
}

#[test]
fn production_installs_skip_dev_dependencies() {
    let reg = basic_registry();
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"a": "1"}, "devDependencies": {"b": "1"}}),
    );
    p.ok(&["install", "--omit=dev"]);
    assert!(p.path("node_modules/a").exists() && !p.path("node_modules/b").exists());
    assert!(
        p.read("lode.lock").contains("\"node_modules/b\":"),
        "the lockfile still has dev dependencies"
    );
    p.ok(&["install"]);
    assert!(p.path("node_modules/b").exists());
    p.ok(&["install", "--production"]);
    assert!(!p.path("node_modules/b").exists());
}

#[test]
fn scoped_registry_with_token() {
    let public = basic_registry();
    let private = Registry::start();
    private.set_token("tok123");
    private.add(
        "@corp/lib",
        "1.0.0",
        json!({"dependencies": {"c": "^1.0.0"}}),
        &[("index.js", "module.exports = 'corp';")],
    );
    let p = Project::new(
        &public,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"@corp/lib": "^1.0.0"}}),
    );
    let npmrc = |token: &str| {
        format!(
            "registry={}\n@corp:registry={}\n//127.0.0.1:{}/:_authToken={token}\n",
            public.url(),
            private.url(),
            private.port
        )
    };
    std::fs::write(p.path(".npmrc"), npmrc("wrong")).unwrap();
    let err = p.fail(&["install"]);
    assert!(err.contains("E401") && err.contains("@corp%2flib"), "{err}");
    std::fs::write(p.path(".npmrc"), npmrc("tok123")).unwrap();
    p.ok(&["install"]);
    assert_eq!(
        p.read("node_modules/@corp/lib/index.js"),
        "module.exports = 'corp';"
    );
    assert_eq!(
        p.version("node_modules/c").as_deref(),
        Some("1.1.0"),
        "unscoped dependencies come from the default registry"
    );
    assert!(
        public.requests().iter().all(|r| !r.contains("corp")),
        "the token's registry only"
    );
}

#[test]
fn overrides_replace_transitive_specs() {
    let reg = basic_registry();
    let p = Project::new(
        &reg,
        json!({"name": "app", "version": "1.0.0", "dependencies": {"a": "1", "b": "1"}, "overrides": {"c": "1.0.0"}}),
    );
    p.ok(&["install"]);
    assert_eq!(p.version("node_modules/c").as_deref(), Some("1.0.0"));
    assert!(
        !p.path("node_modules/b/node_modules/c").exists(),
        "b's c@^2 is overridden too"
    );
    // The lockfile keeps the packages' own specs; dropping the override restores them.
    assert!(p.read("lode.lock").contains("    c: ^2.0.0\n"));
    let mut pj: Value = serde_json::from_str(&p.read("package.json")).unwrap();
    pj.as_object_mut().unwrap().remove("overrides");
    std::fs::write(p.path("package.json"), pj.to_string()).unwrap();
    p.ok(&["install"]);
    // The locked c@1.0.0 still satisfies a's ^1.0.0, so it stays (as with npm).
    assert_eq!(p.version("node_modules/c").as_deref(), Some("1.0.0"));
    assert_eq!(
        p.version("node_modules/b/node_modules/c").as_deref(),
        Some("2.0.0")
    );
}
